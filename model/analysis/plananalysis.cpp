// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/plananalysis.h"

#include "model/analysis/cellbuckets.h"
#include "model/analysis/enginetext.h"
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/io/scenarioreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace th {

using engine::Precision;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PlanAnalysis)
};

// PUE overheads by cooling technology (see pueFirstEstimate in the header for sources).
constexpr double kAirOverhead = 0.42;
constexpr double kLiquidOverhead = 0.15;
constexpr double kImmersionOverhead = 0.04;

bool isCoolingCategory(const QString &c)
{
    static const QStringList cooling{QStringLiteral("crah"), QStringLiteral("inrow"), QStringLiteral("rdhx"),
                                     QStringLiteral("cdu"), QStringLiteral("immersion")};
    return cooling.contains(c);
}

bool isRackCategory(const QString &c)
{
    return c == QLatin1String("network_rack") || c == QLatin1String("storage_rack") || c == QLatin1String("rack");
}

int unitsPerRack(const Equipment &e, const ResolvedCatalogItem &r)
{
    if (r.defaultUnitsPerRack <= 1)
        return 1;
    bool ok = false;
    const int n = e.properties().value(QStringLiteral("units_per_rack")).toInt(&ok);
    return ok && n >= 1 ? n : r.defaultUnitsPerRack;
}

/// Grid-bucketed overlap test: O(n) for realistic layouts (items touch a handful of cells).
void findOverlaps(const FloorPlan &plan, AnalysisScratch &scratch, QList<Violation> &out)
{
    constexpr double kCellMm = 2400.0;
    // Cells per hall and yard. An item is compared with the items added to a cell before it:
    // those of lower index, as the cells are filled in index order.
    CellBuckets &grid = scratch.overlapCells;
    grid.clear();
    auto group = [](const Equipment &e) { return (std::uint64_t(e.hallId()) << 1) | (e.inYard() ? 1u : 0u); };
    QSet<quint64> reported;
    // Shrink by a hair so that items sharing an edge (racks side by side) do not overlap.
    std::vector<QRectF> &shrunk = scratch.overlapRects;
    shrunk.resize(std::size_t(plan.equipmentCount()));
    for (int i = 0; i < plan.equipmentCount(); ++i)
        shrunk[std::size_t(i)] = plan.equipmentAt(i).footprintMm().adjusted(0.5, 0.5, -0.5, -0.5);
    auto cellRange = [&](int i) {
        const QRectF &r = shrunk[std::size_t(i)];
        return std::array<int, 4>{int(std::floor(r.left() / kCellMm)), int(std::floor(r.right() / kCellMm)),
                                  int(std::floor(r.top() / kCellMm)), int(std::floor(r.bottom() / kCellMm))};
    };
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const auto [x0, x1, y0, y1] = cellRange(i);
        for (int cx = x0; cx <= x1; ++cx)
            for (int cy = y0; cy <= y1; ++cy)
                grid.add(group(plan.equipmentAt(i)), cx, cy, i);
    }
    grid.finish();
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        const QRectF &r = shrunk[std::size_t(i)];
        const auto [x0, x1, y0, y1] = cellRange(i);
        for (int cx = x0; cx <= x1; ++cx) {
            for (int cy = y0; cy <= y1; ++cy) {
                for (int j : grid.at(group(e), cx, cy)) {
                    if (j >= i) // the cell's items are in index order: the rest come after i
                        break;
                    // Most pairs in a cell do not overlap: the rectangle test before the set lookup.
                    if (!shrunk[std::size_t(j)].intersects(r))
                        continue;
                    const quint64 pairKey = (quint64(std::min(i, j)) << 32) | quint64(std::max(i, j));
                    if (reported.contains(pairKey))
                        continue;
                    {
                        const Equipment &o = plan.equipmentAt(j);
                        reported.insert(pairKey);
                        out.append({QStringLiteral("overlap"), QStringLiteral("error"), {o.id(), e.id()},
                                    Tr::tr("%1 and %2 overlap").arg(o.label().isEmpty() ? o.catalogId() : o.label(),
                                                                e.label().isEmpty() ? e.catalogId() : e.label())});
                    }
                }
            }
        }
    }
}

} // namespace

double pueFirstEstimate(double airItKw, double liquidItKw, double immersionItKw)
{
    const double total = airItKw + liquidItKw + immersionItKw;
    if (total <= 0.0)
        return 1.0;
    return 1.0 + (airItKw * kAirOverhead + liquidItKw * kLiquidOverhead + immersionItKw * kImmersionOverhead) / total;
}

CatalogCache::CatalogCache(const Catalog *catalog)
    : m_catalog(catalog)
{
}

QSizeF CatalogCache::footprintMm(const ResolvedCatalogItem &item, int layoutCols, int layoutRows)
{
    return QSizeF(item.widthMm * std::max(1, layoutCols), item.depthMm * std::max(1, layoutRows));
}

const ResolvedCatalogItem &CatalogCache::resolve(EquipmentKind kind, const QString &catalogId) const
{
    LastResolved &last = m_last[kind == EquipmentKind::System ? 0 : 1];
    // QString's == byte for byte, inline (the library call was ~60 instructions a look-up).
    if (last.item && last.id.size() == catalogId.size()
        && std::memcmp(last.id.constData(), catalogId.constData(), sizeof(QChar) * std::size_t(catalogId.size())) == 0)
        return *last.item;
    auto &items = kind == EquipmentKind::System ? m_systems : m_facilities;
    if (auto it = items.find(catalogId); it != items.end()) {
        last = {catalogId, &it->second};
        return it->second;
    }
    ResolvedCatalogItem r;
    if (m_catalog && kind == EquipmentKind::System) {
        if (const std::optional<CatalogRow> row = m_catalog->row(CatalogKind::System, catalogId)) {
            r.found = true;
            r.isSystem = true;
            r.name = row->text("name");
            r.chipId = row->text("chip_id");
            r.chipsPerUnit = row->integer("chips");
            r.defaultUnitsPerRack = std::max(1, row->integer("units_per_rack", 1));
            r.racks = std::max(1, row->integer("racks", 1));
            r.computeRacks = row->integer("compute_racks", 1);
            r.itKwPerUnit = row->number("it_kw").value_or(0.0);
            r.weightKgPerUnit = row->number("weight_kg").value_or(0.0);
            r.cooling = row->text("cooling");
            r.liquidFraction = row->number("liquid_fraction").value_or(0.0);
            const int cols = row->integer("layout_cols", 1);
            const int rows = row->integer("layout_rows", 1);
            ResolvedCatalogItem rack;
            rack.widthMm = row->number("rack_width_mm").value_or(600.0);
            rack.depthMm = row->number("rack_depth_mm").value_or(1200.0);
            const QSizeF size = footprintMm(rack, r.defaultUnitsPerRack > 1 ? 1 : cols, r.defaultUnitsPerRack > 1 ? 1 : rows);
            r.widthMm = size.width();
            r.depthMm = size.height();
            r.priceUsd = row->number("price_usd");
            r.confidence = row->text("confidence");
            if (const std::optional<CatalogRow> chip = m_catalog->row(CatalogKind::Chip, r.chipId)) {
                const engine::ChipSpec spec = chipSpecFromRow(*chip);
                for (Precision p : engine::kAllPrecisions)
                    r.chipDenseTflops[std::size_t(p)] = spec.peakTflops(p).value_or(0.0);
                r.chipTdpW = spec.tdpW;
            }
        }
    } else if (m_catalog) {
        if (const std::optional<CatalogRow> row = m_catalog->row(CatalogKind::Equipment, catalogId)) {
            r.found = true;
            r.name = row->text("name");
            r.category = row->text("category");
            r.capacityKw = row->number("capacity_kw").value_or(0.0);
            r.ownPowerKw = row->number("power_kw").value_or(0.0);
            r.widthMm = row->number("width_mm").value_or(600.0);
            r.depthMm = row->number("depth_mm").value_or(1200.0);
            r.weightKgPerUnit = row->number("weight_kg").value_or(0.0);
            r.priceUsd = row->number("price_usd");
            r.placement = row->text("placement");
            r.confidence = row->text("confidence");
        }
    }
    const ResolvedCatalogItem &added = items.emplace(catalogId, std::move(r)).first->second;
    last = {catalogId, &added};
    return added;
}

const ModelledRun &CatalogCache::modelledRun(const QByteArray &key, const Scenario &scenario) const
{
    auto it = m_runs.find(key);
    if (it == m_runs.end())
        it = m_runs.insert(key, th::modelRun(scenario, *m_catalog, 1));
    return it.value();
}

QSizeF catalogFootprintMm(const CatalogCache &cache, const Equipment &e)
{
    const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
    if (!r.found)
        return QSizeF(e.widthMm(), e.depthMm());
    return QSizeF(r.widthMm, r.depthMm);
}

PlanEvaluation evaluatePlan(const FloorPlan &plan, const CatalogCache &cache, const PlanAssumptions &a)
{
    PlanEvaluation ev;
    ev.pueMethod = QString::fromLatin1(QT_TRANSLATE_NOOP("PlanAnalysis", "cooling-type estimate"));
    double airKw = 0.0, liquidKw = 0.0, immersionKw = 0.0;
    double rackKwSum = 0.0;
    QHash<QString, long long> chipsById;
    double upsKw = 0.0, upsLargest = 0.0, xfmrKw = 0.0, xfmrLargest = 0.0;
    double coolKw = 0.0, coolLargest = 0.0, coolingOwnKw = 0.0;
    QList<EquipmentId> missing;

    for (const Hall &h : plan.halls())
        ev.hallAreaM2 += h.areaM2();

    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
        if (!r.found) {
            missing << e.id();
            continue;
        }
        const QRectF fp = e.footprintMm();
        const double areaM2 = fp.width() * fp.height() / 1e6;
        if (r.isSystem) {
            const int units = unitsPerRack(e, r);
            const long long chips = static_cast<long long>(units) * r.chipsPerUnit;
            ev.accelerators += chips;
            chipsById[r.chipId] += chips;
            for (std::size_t p = 0; p < ev.peakPflopsByPrecision.size(); ++p)
                ev.peakPflopsByPrecision[p] += double(chips) * r.chipDenseTflops[p] / 1000.0;
            const double itKw = units * r.itKwPerUnit;
            ev.itKw += itKw;
            const int racks = r.defaultUnitsPerRack > 1 ? 1 : r.racks;
            const int computeRacks = r.defaultUnitsPerRack > 1 ? 1 : std::max(1, r.computeRacks);
            ev.racks += racks;
            ev.computeRacks += computeRacks;
            // Compute racks carry the IT load (network racks of a supernode are light).
            const double kwPerRack = itKw / computeRacks;
            ev.kwPerRackMax = std::max(ev.kwPerRackMax, kwPerRack);
            rackKwSum += itKw;
            if (r.cooling == QLatin1String("immersion")) {
                immersionKw += itKw;
            } else {
                liquidKw += itKw * r.liquidFraction;
                airKw += itKw * (1.0 - r.liquidFraction);
            }
            const double weight = units * r.weightKgPerUnit + (r.defaultUnitsPerRack > 1 ? a.emptyRackKg : 0.0);
            if (areaM2 > 0 && !e.inYard())
                ev.kgPerM2Max = std::max(ev.kgPerM2Max, weight / areaM2);
            if (!r.priceUsd)
                ++ev.itemsWithoutPrice;
            else
                ev.capexUsd += units * *r.priceUsd;
        } else {
            if (isRackCategory(r.category)) {
                ev.racks += 1;
                ev.itKw += r.ownPowerKw;
                airKw += r.ownPowerKw;
            } else if (r.category == QLatin1String("ups")) {
                upsKw += r.capacityKw;
                upsLargest = std::max(upsLargest, r.capacityKw);
            } else if (r.category == QLatin1String("transformer")) {
                xfmrKw += r.capacityKw;
                xfmrLargest = std::max(xfmrLargest, r.capacityKw);
            } else if (isCoolingCategory(r.category)) {
                coolKw += r.capacityKw;
                coolLargest = std::max(coolLargest, r.capacityKw);
                coolingOwnKw += r.ownPowerKw;
            }
            // Outdoor plant stands on its own pads, not on the hall floor.
            if (areaM2 > 0 && !e.inYard())
                ev.kgPerM2Max = std::max(ev.kgPerM2Max, r.weightKgPerUnit / areaM2);
            if (!r.priceUsd)
                ++ev.itemsWithoutPrice;
            else
                ev.capexUsd += *r.priceUsd;
            if (!r.placement.isEmpty() && (r.placement == QLatin1String("yard")) != e.inYard())
                ev.violations.append({QStringLiteral("placement"), QStringLiteral("warning"), {e.id()},
                                      r.placement == QLatin1String("yard")
                                          ? Tr::tr("%1 is outdoor equipment placed inside the hall").arg(r.name)
                                          : Tr::tr("%1 is indoor equipment placed in the yard").arg(r.name)});
        }
        // Inside its hall (or yard)?
        if (const Hall *h = plan.hall(e.hallId())) {
            const QRectF bounds = e.inYard() ? QRectF(0, -h->yardDepthMm, h->widthMm, h->yardDepthMm)
                                             : QRectF(0, 0, h->widthMm, h->depthMm);
            if (!bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(fp))
                ev.violations.append({QStringLiteral("out_of_bounds"), QStringLiteral("error"), {e.id()},
                                      Tr::tr("%1 lies outside %2").arg(e.label().isEmpty() ? e.catalogId() : e.label(),
                                                                  e.inYard() ? Tr::tr("the yard") : h->name)});
        }
    }

    if (!missing.isEmpty()) {
        QStringList ids;
        for (EquipmentId id : missing)
            ids << plan.equipment(id)->catalogId();
        ids.removeDuplicates();
        ev.violations.append({QStringLiteral("missing_catalog"), QStringLiteral("warning"), missing,
                              QCoreApplication::translate("PlanAnalysis", "%n item(s) reference catalog ids this catalog lacks (%1); they are kept but not counted",
                                                          nullptr, int(missing.size()))
                                  .arg(ids.join(QLatin1String(", ")))});
    }

    findOverlaps(plan, cache.scratch(), ev.violations);
    // Doors and aisles must stay clear.
    for (const Structure &s : plan.structures()) {
        if (s.kind != StructureKind::Door)
            continue;
        for (int i = 0; i < plan.equipmentCount(); ++i) {
            const Equipment &e = plan.equipmentAt(i);
            if (e.hallId() == s.hallId && !e.inYard() && e.footprintMm().intersects(s.rectMm))
                ev.violations.append({QStringLiteral("blocks_door"), QStringLiteral("error"), {e.id()},
                                      Tr::tr("%1 blocks door %2").arg(e.label().isEmpty() ? e.catalogId() : e.label(), s.label)});
        }
    }

    // Power: the heat and energy figures.
    ev.pue = pueFirstEstimate(airKw, liquidKw, immersionKw);
    ev.pueAnnual = ev.pue;
    ev.facilityKw = ev.itKw * ev.pue;
    ev.coolingOverheadKw = ev.facilityKw - ev.itKw;
    ev.kwPerRackAvg = ev.computeRacks > 0 ? rackKwSum / ev.computeRacks : 0.0;
    ev.kwPerM2 = ev.hallAreaM2 > 0 ? ev.itKw / ev.hallAreaM2 : 0.0;
    const double peak = ev.peakPflops(a.peakPrecision);
    ev.pflopsPerRack = ev.computeRacks > 0 ? peak / ev.computeRacks : 0.0;
    ev.pflopsPerM2 = ev.hallAreaM2 > 0 ? peak / ev.hallAreaM2 : 0.0;
    ev.tflopsPerW = ev.itKw > 0 ? peak * 1000.0 / (ev.itKw * 1000.0) : 0.0;

    // Capacity checks: UPS when placed, otherwise transformers. N-1: the pool still carries the
    // load with its largest unit failed (the per-unit power-chain analysis is the facility issue).
    ev.powerCapacityKw = upsKw > 0 ? upsKw : xfmrKw;
    const double powerLargest = upsKw > 0 ? upsLargest : xfmrLargest;
    const double powerLoad = upsKw > 0 ? ev.itKw : ev.facilityKw;
    ev.powerUtilization = ev.powerCapacityKw > 0 ? powerLoad / ev.powerCapacityKw : 0.0;
    ev.powerNMinus1Ok = ev.powerCapacityKw > 0 && ev.powerCapacityKw - powerLargest >= powerLoad;
    ev.coolingCapacityKw = coolKw;
    ev.coolingUtilization = coolKw > 0 ? ev.itKw / coolKw : 0.0;
    ev.coolingNMinus1Ok = coolKw > 0 && coolKw - coolLargest >= ev.itKw;
    // Pooled checks, only without the facility physics: it checks every unit, zone and tile
    // itself (power_overload, cooling_zone_over_capacity, floor_load_tile).
    if (!a.includeFacility) {
        if (ev.itKw > 0 && ev.powerCapacityKw > 0 && powerLoad > ev.powerCapacityKw)
            ev.violations.append({QStringLiteral("power_capacity"), QStringLiteral("error"), {},
                                  Tr::tr("IT load %1 kW exceeds the placed power capacity %2 kW").arg(powerLoad, 0, 'f', 0).arg(ev.powerCapacityKw, 0, 'f', 0)});
        if (ev.itKw > 0 && coolKw > 0 && ev.itKw > coolKw)
            ev.violations.append({QStringLiteral("cooling_capacity"), QStringLiteral("error"), {},
                                  Tr::tr("IT heat %1 kW exceeds the placed cooling capacity %2 kW").arg(ev.itKw, 0, 'f', 0).arg(coolKw, 0, 'f', 0)});
        for (const Hall &h : plan.halls()) {
            if (ev.kgPerM2Max > h.floorRatingKgPerM2) {
                ev.violations.append({QStringLiteral("floor_load"), QStringLiteral("warning"), {},
                                      Tr::tr("the heaviest item loads %1 kg/m2, above the floor rating of %2 (%3 kg/m2)")
                                          .arg(ev.kgPerM2Max, 0, 'f', 0).arg(h.name).arg(h.floorRatingKgPerM2, 0, 'f', 0)});
                break;
            }
        }
    }

    // Facility physics: PUE from the placed power and cooling chain and the site climate,
    // per-unit utilisation, N-1, floor load per tile. It supersedes the cooling-type PUE.
    if (a.includeFacility) {
        FacilityAssumptions fa = a.facility;
        if (!plan.siteId.isEmpty())
            fa.siteId = plan.siteId;
        FacilityResult f = facilityAnalysis(plan, cache, fa);
        ev.violations.append(f.violations);
        if (ev.itKw > 0 && f.pueDesign >= 1.0) {
            ev.pue = f.pueDesign;
            ev.pueAnnual = f.pueAnnual;
            ev.pueMethod = QString::fromLatin1(f.plant.assumed ? QT_TRANSLATE_NOOP("PlanAnalysis", "facility model (stand-in chiller plant)")
                                                              : QT_TRANSLATE_NOOP("PlanAnalysis", "facility model"));
            ev.facilityKw = ev.itKw * ev.pue;
            ev.coolingOverheadKw = ev.facilityKw - ev.itKw;
        }
        ev.powerNMinus1Ok = f.powerNMinus1Ok;
        ev.coolingNMinus1Ok = f.coolingNMinus1Ok;
        if (f.floorLoadMaxKgPerM2 > 0)
            ev.kgPerM2Max = f.floorLoadMaxKgPerM2;
        ev.facility = std::move(f);
    }

    // Cost: energy at the facility load all year, maintenance share, straight-line CapEx.
    ev.energyMwhPerYear = ev.itKw * ev.pueAnnual * engine::kHoursPerYear / 1000.0;
    const double gridKgPerKwh = ev.facility ? ev.facility->gridKgCo2PerKwh : a.gridKgCo2PerKwh;
    ev.co2TonnesPerYear = ev.energyMwhPerYear * gridKgPerKwh;
    ev.opexUsdPerYear = ev.energyMwhPerYear * 1000.0 * a.electricityUsdPerKwh + ev.capexUsd * a.maintenanceFractionPerYear;
    ev.tcoUsdPerYear = ev.opexUsdPerYear + (a.amortizationYears > 0 ? ev.capexUsd / a.amortizationYears : 0.0);

    // Dominant chip (a mixed hall trains on its most numerous chip).
    long long best = 0;
    for (auto it = chipsById.begin(); it != chipsById.end(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < ev.dominantChipId)) {
            best = it.value();
            ev.dominantChipId = it.key();
        }
    }

    // Attached workload: run it through the scenario reader so that it is validated exactly
    // like `terahall estimate`.
    if (const std::optional<Workload> &w = plan.workload()) {
        if (ev.accelerators <= 0 || !cache.catalog()) {
            ev.workloadProblems << Tr::tr("the plan has no accelerators to train on");
        } else {
            QJsonObject training{{QStringLiteral("tokens"), w->tokens}, {QStringLiteral("precision"), w->precision}};
            if (w->globalBatchTokens > 0)
                training.insert(QStringLiteral("global_batch_tokens"), w->globalBatchTokens);
            training.insert(QStringLiteral("mfu"), w->mfu ? QJsonValue(*w->mfu) : QJsonValue(QJsonValue::Null));
            QJsonObject cluster{{QStringLiteral("chip"), ev.dominantChipId}, {QStringLiteral("count"), double(best)}};
            if (!w->parallelism.isEmpty())
                cluster.insert(QStringLiteral("parallelism"), w->parallelism);
            const QJsonObject scenario{
                {QStringLiteral("schema"), QLatin1String(kScenarioSchema)},
                {QStringLiteral("model"), w->model},
                {QStringLiteral("training"), training},
                {QStringLiteral("cluster"), cluster},
                {QStringLiteral("facility"), QJsonObject{{QStringLiteral("pue"), std::clamp(ev.pue, 1.0, 5.0)},
                                                         {QStringLiteral("electricity_usd_per_kwh"), a.electricityUsdPerKwh},
                                                         {QStringLiteral("grid_kg_co2_per_kwh"), gridKgPerKwh}}}};
            const ScenarioReadResult read = readScenario(scenario, *cache.catalog());
            if (!read.scenario) {
                for (const InputError &e : read.errors)
                    ev.workloadProblems << QStringLiteral("/workload") + e.toString().replace(QLatin1String("/cluster"), QLatin1String("(plan)"));
            } else if (!read.scenario->mfu) {
                ev.workloadScenario = read.scenario;
                const Scenario &s = *read.scenario;
                if (!s.model.hasArchitecture()) {
                    ev.workloadProblems << Tr::tr("estimating MFU needs the model architecture (use a preset or give layers, hidden, heads, seq_len, vocab)");
                } else if (s.globalBatchTokens <= 0) {
                    ev.workloadProblems << Tr::tr("estimating MFU needs the global batch size (tokens)");
                } else {
                    const ModelledRun &run = cache.modelledRun(QJsonDocument(scenario).toJson(QJsonDocument::Compact), s);
                    if (!run.feasible) {
                        ev.workloadProblems << Tr::tr("no feasible parallel layout: %1").arg(infeasibleText(run.reason));
                    } else {
                        engine::TrainingInputs in = s.trainingInputs(run.step.mfu);
                        in.parallelism = run.parallelism;
                        const engine::TrainingResult result = engine::estimateTraining(in);
                        if (result.error == engine::EstimateError::None) {
                            ev.training = result.estimate;
                            ev.workloadRun = run;
                        }
                    }
                }
            } else {
                ev.workloadScenario = read.scenario;
                const engine::TrainingResult result = engine::estimateTraining(read.scenario->trainingInputs(*read.scenario->mfu));
                if (result.error == engine::EstimateError::None)
                    ev.training = result.estimate;
            }
        }
    }
    return ev;
}

} // namespace th
