// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/comparison.h"
#include "model/analysis/kpiformat.h"
#include "model/analysis/plananalysis.h"
#include "model/analysis/sensitivity.h"
#include "model/document/floorplan.h"
#include "model/io/inputerror.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace th {

class Catalog;

/// How an item is drawn and listed in the report (legend groups).
enum class ReportItemGroup { Compute, Network, Storage, Power, Cooling, Other, Missing };

/// One line of the bill of materials: every placed item of one catalog id.
struct BomRow
{
    QString catalogId;
    QString name;
    QString kind;                  ///< "system" | "facility"
    ReportItemGroup group = ReportItemGroup::Other;
    long long count = 0;           ///< servers for systems sold per server, otherwise items
    std::optional<double> unitPriceUsd;
    double totalUsd = 0.0;         ///< count x unit price (0 without a price)
    QString priceSource;
    QString source;
    QString confidence;
};

/// A user-set price or factor the figures depend on.
struct AssumptionRow
{
    QString name;                  ///< translated
    QString value;                 ///< formatted, with unit
    QString note;
};

/// Where the figures of one catalog row come from.
struct SourceRow
{
    QString catalogId;
    QString kind;                  ///< chip | system | equipment
    QString name;
    QString source;
    QString priceSource;
    QString confidence;
};

/// What the report should contain besides the plan.
struct ReportRequest
{
    QString title;                 ///< empty = "Terahall capacity report"
    QString version;               ///< Terahall version printed on the cover
    QDateTime generated;           ///< invalid = now
    QStringList compareChipIds;    ///< vendor comparison of the plan's workload on these chips
    SensitivityRanges sensitivity;
};

/**
 * Everything the PDF report shows, computed in the model layer so that views only paint it
 * (STYLE.md §1, "Report = data + rendering"). Built by buildReportData(); `errors` lists input
 * problems (unknown comparison chips, a comparison without a workload) that make it unusable.
 */
struct ReportData
{
    QString title;
    QString version;
    QDateTime generated;
    bool includePlan = true;       ///< false: a comparison-only report (compare -o OUT.pdf)
    FloorPlan plan;
    PlanAssumptions assumptions;
    PlanEvaluation evaluation;
    QJsonObject evaluationJson;    ///< evaluationToJson: the same numbers as `terahall evaluate`
    QList<KpiEntry> kpis;          ///< evaluationKpis(evaluationJson)
    QList<BomRow> bom;
    double bomTotalUsd = 0.0;
    int bomItemsWithoutPrice = 0;
    QHash<QString, ReportItemGroup> itemGroups; ///< by itemGroupKey(kind, catalog id)
    QList<AssumptionRow> assumptionRows;
    QList<SourceRow> sources;
    std::optional<SensitivityResult> sensitivity; ///< when the workload could be estimated
    std::optional<ComparisonRequest> comparisonRequest;
    std::optional<ComparisonResult> comparison;
    InputErrors errors;

    ReportItemGroup groupOf(const Equipment &e) const;
};

QString itemGroupKey(EquipmentKind kind, const QString &catalogId);
QString itemGroupName(ReportItemGroup group); ///< translated legend text

/// Evaluates the plan with `assumptions` and gathers the report's tables.
ReportData buildReportData(const FloorPlan &plan, const CatalogCache &cache, const PlanAssumptions &assumptions,
                           const ReportRequest &request);

/// A report of a vendor comparison alone (no plan): `terahall compare ... -o OUT.pdf`.
ReportData buildComparisonReportData(const ComparisonRequest &comparisonRequest, const ComparisonResult &result,
                                     const Catalog *catalog, const ReportRequest &request);

} // namespace th
