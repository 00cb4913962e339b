// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/reportdata.h"

#include "model/catalog/catalog.h"
#include "model/io/evaluationjson.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Report)
};

ReportItemGroup groupFor(const ResolvedCatalogItem &r)
{
    if (!r.found)
        return ReportItemGroup::Missing;
    if (r.isSystem)
        return ReportItemGroup::Compute;
    const QString &c = r.category;
    if (c == QLatin1String("network_rack"))
        return ReportItemGroup::Network;
    if (c == QLatin1String("storage_rack"))
        return ReportItemGroup::Storage;
    static const QStringList power{QStringLiteral("transformer"), QStringLiteral("generator"), QStringLiteral("ups"),
                                   QStringLiteral("pdu"), QStringLiteral("rpp"), QStringLiteral("busway")};
    if (power.contains(c))
        return ReportItemGroup::Power;
    static const QStringList cooling{QStringLiteral("crah"), QStringLiteral("inrow"), QStringLiteral("rdhx"), QStringLiteral("cdu"),
                                     QStringLiteral("immersion"), QStringLiteral("chiller"), QStringLiteral("drycooler"),
                                     QStringLiteral("coolingtower"), QStringLiteral("cooling_tower"), QStringLiteral("dry_cooler")};
    if (cooling.contains(c))
        return ReportItemGroup::Cooling;
    return ReportItemGroup::Other;
}

QString num(double v, int decimals)
{
    return formatKpiNumber(v, decimals);
}

QString redundancyText(engine::RedundancyMode m)
{
    return QString::fromLatin1(engine::redundancyKey(m).data(), qsizetype(engine::redundancyKey(m).size()));
}

} // namespace

QString itemGroupKey(EquipmentKind kind, const QString &catalogId)
{
    return (kind == EquipmentKind::System ? QStringLiteral("s:") : QStringLiteral("f:")) + catalogId;
}

QString itemGroupName(ReportItemGroup group)
{
    switch (group) {
    case ReportItemGroup::Compute:
        return Tr::tr("Compute rack / system");
    case ReportItemGroup::Network:
        return Tr::tr("Network rack");
    case ReportItemGroup::Storage:
        return Tr::tr("Storage rack");
    case ReportItemGroup::Power:
        return Tr::tr("Power (transformer, UPS, PDU)");
    case ReportItemGroup::Cooling:
        return Tr::tr("Cooling (CRAH, CDU, plant)");
    case ReportItemGroup::Other:
        return Tr::tr("Other");
    case ReportItemGroup::Missing:
        return Tr::tr("Not in catalog");
    }
    return QString();
}

ReportItemGroup ReportData::groupOf(const Equipment &e) const
{
    return itemGroups.value(itemGroupKey(e.kind(), e.catalogId()), ReportItemGroup::Missing);
}

ReportData buildReportData(const FloorPlan &plan, const CatalogCache &cache, const PlanAssumptions &assumptions,
                           const ReportRequest &request)
{
    ReportData d;
    d.title = request.title.isEmpty() ? Tr::tr("Terahall capacity report") : request.title;
    d.version = request.version;
    d.generated = request.generated.isValid() ? request.generated : QDateTime::currentDateTime();
    d.plan = plan;
    // A report is not a live recompute: it always carries the indicative thermal map (what
    // `terahall evaluate` computes too), whatever the caller's live settings.
    PlanAssumptions withThermal = assumptions;
    withThermal.facility.thermalMap = true;
    d.assumptions = withThermal;
    d.evaluation = evaluatePlan(plan, cache, withThermal);
    d.evaluationJson = evaluationToJson(plan, d.evaluation, withThermal);
    d.kpis = evaluationKpis(d.evaluationJson);
    const Catalog *catalog = cache.catalog();

    // Bill of materials, in first-placed order; counts and prices as evaluatePlan counts them.
    QMap<QString, int> rowOf;
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
        const QString key = itemGroupKey(e.kind(), e.catalogId());
        const ReportItemGroup group = groupFor(r);
        d.itemGroups.insert(key, group);
        long long count = 1;
        if (r.found && r.isSystem && r.defaultUnitsPerRack > 1) {
            bool ok = false;
            const int n = e.properties().value(QStringLiteral("units_per_rack")).toInt(&ok);
            count = ok && n >= 1 ? n : r.defaultUnitsPerRack;
        }
        auto it = rowOf.find(key);
        if (it == rowOf.end()) {
            BomRow row;
            row.catalogId = e.catalogId();
            row.kind = e.kind() == EquipmentKind::System ? QStringLiteral("system") : QStringLiteral("facility");
            row.group = group;
            row.name = r.found ? r.name : Tr::tr("(not in the catalog)");
            row.unitPriceUsd = r.found ? r.priceUsd : std::nullopt;
            row.confidence = r.confidence;
            if (catalog) {
                const std::optional<CatalogRow> c =
                    catalog->row(e.kind() == EquipmentKind::System ? CatalogKind::System : CatalogKind::Equipment, e.catalogId());
                if (c) {
                    row.source = c->text("source");
                    row.priceSource = c->text("price_source");
                    row.confidence = c->text("confidence");
                }
            }
            it = rowOf.insert(key, int(d.bom.size()));
            d.bom.append(row);
        }
        BomRow &row = d.bom[*it];
        if (r.found) {
            row.count += count;
            if (row.unitPriceUsd)
                row.totalUsd += double(count) * *row.unitPriceUsd;
            else
                ++d.bomItemsWithoutPrice;
        } else {
            row.count += 1;
        }
    }
    for (const BomRow &row : d.bom)
        d.bomTotalUsd += row.totalUsd;

    // Sources: every catalog row used, plus the workload's chip.
    for (const BomRow &row : d.bom) {
        if (row.group == ReportItemGroup::Missing)
            continue;
        d.sources.append({row.catalogId, row.kind == QLatin1String("system") ? QStringLiteral("system") : QStringLiteral("equipment"),
                          row.name, row.source, row.priceSource, row.confidence});
    }
    QStringList chipIds;
    if (!d.evaluation.dominantChipId.isEmpty())
        chipIds << d.evaluation.dominantChipId;
    for (const QString &id : request.compareChipIds)
        if (!chipIds.contains(id))
            chipIds << id;
    if (catalog) {
        for (const QString &id : chipIds) {
            if (const std::optional<CatalogRow> c = catalog->row(CatalogKind::Chip, id))
                d.sources.append({id, QStringLiteral("chip"), c->text("name"), c->text("source"), c->text("price_source"),
                                  c->text("confidence")});
        }
    }

    // Assumptions: every user-set price and factor the figures depend on.
    const PlanAssumptions &a = assumptions;
    const FacilityAssumptions &f = a.facility;
    auto add = [&](const QString &name, const QString &value, const QString &note = QString()) { d.assumptionRows.append({name, value, note}); };
    add(Tr::tr("Peak precision of the KPIs"), QString::fromLatin1(engine::precisionKey(a.peakPrecision).data()));
    add(Tr::tr("Electricity price"), num(a.electricityUsdPerKwh, 3) + QStringLiteral(" USD/kWh"));
    add(Tr::tr("Grid emission factor"), num(d.evaluation.facility ? d.evaluation.facility->gridKgCo2PerKwh : a.gridKgCo2PerKwh, 4)
            + QStringLiteral(" kg CO2/kWh"),
        d.evaluation.facility ? Tr::tr("of the site") : QString());
    add(Tr::tr("Maintenance"), num(a.maintenanceFractionPerYear * 100, 1) + Tr::tr(" % of CapEx per year"));
    add(Tr::tr("CapEx amortisation"), num(a.amortizationYears, 1) + Tr::tr(" years, straight line"));
    add(Tr::tr("Empty rack weight"), num(a.emptyRackKg, 0) + QStringLiteral(" kg"), Tr::tr("added to server racks"));
    if (a.includeFacility) {
        add(Tr::tr("Climate site"), d.evaluation.facility ? siteDisplayName(*d.evaluation.facility) : f.siteId,
            d.evaluation.facility ? Tr::tr("climate data confidence: %1").arg(d.evaluation.facility->climateConfidence) : QString());
        add(Tr::tr("Continuous load derating"), num(f.deratingFraction * 100, 0) + QStringLiteral(" %"));
        add(Tr::tr("Power redundancy target"), redundancyText(f.powerTarget));
        add(Tr::tr("Cooling redundancy target"), redundancyText(f.coolingTarget));
        add(Tr::tr("Fan and pump affinity exponent"), num(f.fanExponent, 1));
        add(Tr::tr("Lighting"), num(f.lightingWPerM2, 1) + QStringLiteral(" W/m²"));
        add(Tr::tr("Other facility loads"), num(f.otherFractionOfIt * 100, 1) + Tr::tr(" % of IT"));
        add(Tr::tr("Minimum UPS ride-through"), num(f.minBatteryMinutes, 1) + Tr::tr(" min"));
        add(Tr::tr("Stand-in plant COP"), num(f.defaultPlantCop, 1), Tr::tr("used when no chiller plant is placed"));
    }
    if (d.evaluation.workloadScenario) {
        const Scenario &s = *d.evaluation.workloadScenario;
        add(Tr::tr("Workload model"), s.modelName.isEmpty() ? s.modelPreset : s.modelName);
        add(Tr::tr("Training tokens"), num(s.tokens / 1e9, 1) + Tr::tr(" billion"));
        add(Tr::tr("Training precision"), QString::fromLatin1(engine::precisionKey(s.precision).data()));
        add(Tr::tr("MFU"), s.mfu ? num(*s.mfu, 3) : Tr::tr("estimated by the performance model"));
        if (s.globalBatchTokens > 0)
            add(Tr::tr("Global batch"), num(s.globalBatchTokens / 1e6, 2) + Tr::tr(" million tokens"));
        if (s.cost.chipHourUsd)
            add(Tr::tr("Chip-hour price"), num(*s.cost.chipHourUsd, 2) + QStringLiteral(" USD/h"));
        else if (s.chip.priceUsd)
            add(Tr::tr("Chip price"), num(*s.chip.priceUsd, 0) + QStringLiteral(" USD"),
                Tr::tr("amortised over %1 years").arg(num(s.cost.amortizationYears, 1)));
        add(Tr::tr("Training PUE"), num(s.facility.pue, 3), Tr::tr("the plan's design PUE"));
    }

    // Sensitivity of the workload's cost and duration.
    if (d.evaluation.training && d.evaluation.workloadScenario) {
        engine::TrainingInputs in = d.evaluation.workloadScenario->trainingInputs(d.evaluation.training->mfu);
        if (d.evaluation.workloadRun)
            in.parallelism = d.evaluation.workloadRun->parallelism;
        d.sensitivity = computeSensitivity(in, request.sensitivity);
        const SensitivityRanges &r = request.sensitivity;
        add(Tr::tr("Sensitivity ranges"),
            Tr::tr("electricity ±%1 %, MFU ±%2 %, PUE ±%3 %, chip price ±%4 %, utilisation −%5 %")
                .arg(num(r.electricityPrice * 100, 0), num(r.mfu * 100, 0), num(r.pue * 100, 0), num(r.chipPrice * 100, 0),
                     num(r.utilisation * 100, 0)));
    }

    // Vendor comparison of the plan's workload at the plan's chip count.
    if (!request.compareChipIds.isEmpty()) {
        if (!d.evaluation.workloadScenario || !catalog) {
            d.errors.append({QStringLiteral("/workload"), Tr::tr("the vendor comparison needs a plan with a workload that can be estimated")});
        } else {
            ComparisonRequest req;
            req.scenario = *d.evaluation.workloadScenario;
            req.chipIds = request.compareChipIds;
            req.equaliser = Equaliser::ChipCount;
            req.value = double(req.scenario.chipCount);
            ComparisonResult result = compareChips(req, *catalog);
            d.errors += result.errors;
            d.comparisonRequest = req;
            d.comparison = std::move(result);
        }
    }
    return d;
}

ReportData buildComparisonReportData(const ComparisonRequest &comparisonRequest, const ComparisonResult &result,
                                     const Catalog *catalog, const ReportRequest &request)
{
    ReportData d;
    d.title = request.title.isEmpty() ? Tr::tr("Terahall vendor comparison") : request.title;
    d.version = request.version;
    d.generated = request.generated.isValid() ? request.generated : QDateTime::currentDateTime();
    d.includePlan = false;
    const Scenario &s = comparisonRequest.scenario;
    d.plan.name = s.name.isEmpty() ? (s.modelName.isEmpty() ? s.modelPreset : s.modelName) : s.name;
    d.comparisonRequest = comparisonRequest;
    d.comparison = result;
    d.errors = result.errors;
    auto add = [&](const QString &name, const QString &value, const QString &note = QString()) { d.assumptionRows.append({name, value, note}); };
    add(Tr::tr("Workload model"), s.modelName.isEmpty() ? s.modelPreset : s.modelName);
    add(Tr::tr("Training tokens"), num(s.tokens / 1e9, 1) + Tr::tr(" billion"));
    add(Tr::tr("Training precision"), QString::fromLatin1(engine::precisionKey(s.precision).data()));
    add(Tr::tr("MFU"), s.mfu ? num(*s.mfu, 3) : Tr::tr("estimated by the performance model"));
    add(Tr::tr("Equaliser"), equaliserKey(comparisonRequest.equaliser) + QStringLiteral(" = ") + num(comparisonRequest.value, 2));
    if (comparisonRequest.powerCapMw > 0)
        add(Tr::tr("Power cap"), num(comparisonRequest.powerCapMw, 2) + QStringLiteral(" MW"));
    add(Tr::tr("Electricity price"), num(s.facility.electricityUsdPerKwh, 3) + QStringLiteral(" USD/kWh"));
    add(Tr::tr("Grid emission factor"), num(s.facility.gridKgCo2PerKwh, 4) + QStringLiteral(" kg CO2/kWh"));
    if (s.cost.chipHourUsd)
        add(Tr::tr("Chip-hour price"), num(*s.cost.chipHourUsd, 2) + QStringLiteral(" USD/h"));
    add(Tr::tr("CapEx amortisation"), num(s.cost.amortizationYears, 1) + Tr::tr(" years, straight line"));
    if (catalog) {
        for (const ComparisonCandidate &c : result.candidates) {
            if (const std::optional<CatalogRow> r = catalog->row(CatalogKind::Chip, c.chipId))
                d.sources.append({c.chipId, QStringLiteral("chip"), r->text("name"), r->text("source"), r->text("price_source"),
                                  r->text("confidence")});
            if (!c.systemId.isEmpty())
                if (const std::optional<CatalogRow> r = catalog->row(CatalogKind::System, c.systemId))
                    d.sources.append({c.systemId, QStringLiteral("system"), r->text("name"), r->text("source"),
                                      r->text("price_source"), r->text("confidence")});
        }
    }
    return d;
}

} // namespace th
