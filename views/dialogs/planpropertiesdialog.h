// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/planedits.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace th {

/**
 * Plan ▸ Plan Properties: the plan's name, author, description and climate site. The site sets
 * the climate normals behind the annual PUE, WUE and economiser hours, the grid factor behind CO2
 * per year, and which of China's PUE targets apply (issue 5); the dialog shows those figures, with
 * the normals' source and confidence, for the site chosen. The caller pushes a
 * ChangePlanPropertiesCommand with properties().
 */
class PlanPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlanPropertiesDialog(const PlanProperties &current, QWidget *parent = nullptr);

    PlanProperties properties() const;

    QComboBox *siteCombo() const { return m_site; }
    QLabel *siteInfo() const { return m_siteInfo; }

private:
    void updateSiteInfo();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_author = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_site = nullptr;
    QLabel *m_siteInfo = nullptr;
};

} // namespace th
