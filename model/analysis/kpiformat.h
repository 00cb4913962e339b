// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace th {

/// One key figure as shown to people: label, formatted value and unit.
struct KpiEntry
{
    QString key;   ///< JSON path in terahall.evaluation/1, e.g. "facility_kw", "cost/capex_usd"
    QString label; ///< translated
    QString value; ///< formatted with formatKpiNumber()
    QString unit;
};

/// Fixed, locale-independent number formatting for reports and tests: English digit grouping
/// ("1,234,567.8"), `decimals` after the point, "-" for NaN.
QString formatKpiNumber(double value, int decimals);

/**
 * The executive-summary KPIs of a plan, read from its "terahall.evaluation/1" JSON
 * (evaluationToJson or `terahall evaluate`), so that the report and anything comparing against
 * the CLI format every figure identically. Training figures appear when the plan has a workload.
 */
QList<KpiEntry> evaluationKpis(const QJsonObject &evaluationJson);

} // namespace th
