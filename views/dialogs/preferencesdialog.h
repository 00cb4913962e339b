// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace th {

/// Edit ▸ Preferences…: the user-interface language ("ui/language"), applied at the next start.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    QComboBox *languageCombo() const { return m_language; }

    /// Stores the choice; called when the dialog is accepted.
    void apply();

private:
    void updateNote();

    QComboBox *m_language;
    QLabel *m_note;
    QString m_initial;
};

} // namespace th
