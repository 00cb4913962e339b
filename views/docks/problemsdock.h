// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/plananalysis.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace th {

class FloorPlanDocument;
class KpiDock;

/**
 * The violations dock (issue 5): every problem of the plan in a table — how severe, what kind,
 * which items, why — filterable by severity and sortable. A click selects the items and shows
 * them in the view (itemsRequested). It lists what the KPI dock computed (KpiDock::problems():
 * the evaluation plus the thermal map's inlet violations); it computes nothing itself.
 */
class ProblemsDock : public QDockWidget
{
    Q_OBJECT
public:
    ProblemsDock(const KpiDock *kpi, const FloorPlanDocument *document, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QComboBox *severityFilter() const { return m_filter; }

signals:
    void itemsRequested(const QList<quint64> &ids);

private:
    void refresh();
    QString itemsText(const QList<quint64> &ids) const;

    const KpiDock *m_kpi;
    const FloorPlanDocument *m_document;
    QComboBox *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace th
