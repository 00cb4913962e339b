// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/comparison.h"

#include "model/analysis/enginetext.h"
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

/// Aisle allowance per rack: half of a 1.2 m hot aisle and half of a 1.2 m cold aisle
/// (DOMAIN.md §4: alternating hot and cold aisles; issue 5: 1.2 m minimum aisle).
constexpr double kAisleShareMm = 1200.0;

struct ChipSetup
{
    CatalogRow chip;
    std::optional<CatalogRow> system;
    int chipsPerSystem = 1;
    int unitsPerRack = 1;
    int racksPerSystem = 1;
    double itKwPerSystem = 0.0;
    double pue = 1.0;
    double rackFootprintM2 = 0.72;
    std::optional<double> pricePerChipUsd;
    bool priceFromChip = false;
};

ChipSetup setupFor(const Catalog &catalog, const CatalogRow &chip, std::optional<CatalogRow> system)
{
    ChipSetup s;
    s.chip = chip;
    if (!system)
        system = usualSystemForChip(catalog, chip.id());
    s.system = system;
    const engine::ChipSpec spec = chipSpecFromRow(chip);
    if (system) {
        s.chipsPerSystem = std::max(1, system->integer("chips", 1));
        s.unitsPerRack = std::max(1, system->integer("units_per_rack", 1));
        s.racksPerSystem = std::max(1, system->integer("racks", 1));
        s.itKwPerSystem = system->number("it_kw").value_or(0.0);
        const double lf = system->number("liquid_fraction").value_or(0.0);
        const QString cooling = system->text("cooling");
        if (cooling == QLatin1String("immersion"))
            s.pue = pueFirstEstimate(0, 0, 1);
        else
            s.pue = pueFirstEstimate(1.0 - lf, lf, 0);
        s.rackFootprintM2 = system->number("rack_width_mm").value_or(600) / 1000.0
                            * (system->number("rack_depth_mm").value_or(1200) + kAisleShareMm) / 1000.0;
        if (const std::optional<double> p = system->number("price_usd"))
            s.pricePerChipUsd = *p / s.chipsPerSystem;
    } else {
        // No system in the catalog: the chip alone at its TDP, air-cooled, 8 per rack.
        s.chipsPerSystem = 1;
        s.unitsPerRack = 8;
        s.itKwPerSystem = spec.tdpW / 1000.0;
        s.pue = pueFirstEstimate(1, 0, 0);
        s.rackFootprintM2 = 0.6 * (1.2 + kAisleShareMm / 1000.0);
    }
    if (!s.pricePerChipUsd && spec.priceUsd) {
        s.pricePerChipUsd = *spec.priceUsd;
        s.priceFromChip = true;
    }
    return s;
}

long long roundDownToSystems(double chips, int perSystem)
{
    return static_cast<long long>(std::floor(chips / perSystem)) * perSystem;
}

/// Fills a candidate for `chips` accelerators of one setup.
ComparisonCandidate evaluate(const ComparisonRequest &req, const Catalog &catalog, const ChipSetup &setup, long long chips)
{
    ComparisonCandidate c;
    const CatalogRow &chip = setup.chip;
    c.chipId = chip.id();
    c.chipName = chip.text("name");
    c.vendor = chip.text("vendor");
    c.country = chip.text("country");
    c.confidence = chip.text("confidence");
    c.systemId = setup.system ? setup.system->id() : QString();
    c.chips = chips;
    c.systems = (chips + setup.chipsPerSystem - 1) / setup.chipsPerSystem;
    c.racks = setup.unitsPerRack > 1 ? int((c.systems + setup.unitsPerRack - 1) / setup.unitsPerRack)
                                     : int(c.systems * setup.racksPerSystem);
    c.floorAreaM2 = c.racks * setup.rackFootprintM2;
    const double wattsPerChip = setup.itKwPerSystem * 1000.0 / setup.chipsPerSystem;
    c.itMw = wattsPerChip * double(chips) / 1e6;
    c.pue = setup.pue;
    c.facilityMw = c.itMw * c.pue;
    if (chips <= 0) {
        c.infeasibleReason = Tr::tr("the equaliser leaves no whole system of this chip");
        return c;
    }

    Scenario s = req.scenario;
    s.chipId = chip.id();
    s.chip = chipSpecFromRow(chip);
    s.chipOverridden = false;
    s.chipConfidence = c.confidence;
    s.chipCount = chips;
    s.scaleUpSize = setup.system ? std::min(setup.system->integer("scale_up_domain", 1), s.chip.scaleUpDomainMax) : s.chip.scaleUpDomainMax;
    s.scaleUpSize = std::max(1, s.scaleUpSize);
    s.scaleOutGbitPerSecPerChip = s.chip.scaleOutGbitPerSec;
    s.usualSystemId = c.systemId;
    s.itWattsPerChip = wattsPerChip;
    s.facility.pue = std::clamp(c.pue, 1.0, 5.0);
    s.parallelism = ParallelismRequest(); // each chip gets its own best layout
    if (!s.chip.peakTflops(s.precision)) {
        c.infeasibleReason = infeasibleText(engine::Infeasible::PrecisionUnsupported);
        return c;
    }

    double mfu = 0.0;
    std::optional<engine::Parallelism> parallelism;
    if (s.mfu) {
        mfu = *s.mfu;
    } else {
        const ModelledRun run = modelRun(s, catalog, 1);
        if (!run.feasible) {
            c.infeasibleReason = infeasibleText(run.reason);
            return c;
        }
        mfu = run.step.mfu;
        parallelism = run.parallelism;
        c.calibrationMeasured = run.step.calibrationMeasured;
        c.boundBy = boundByKey(run.step.boundBy);
        c.memoryPerChipGib = run.step.memory.totalGib();
        c.memoryCapacityGib = run.step.memory.capacityGib;
        c.memoryFits = run.step.memory.fits();
    }
    engine::TrainingInputs in = s.trainingInputs(mfu);
    if (parallelism)
        in.parallelism = parallelism;
    const engine::TrainingResult r = engine::estimateTraining(in);
    if (r.error != engine::EstimateError::None) {
        c.infeasibleReason = Tr::tr("the estimate is impossible with these inputs");
        return c;
    }
    const engine::TrainingEstimate &e = r.estimate;
    if (!parallelism && e.memory) {
        c.memoryPerChipGib = e.memory->totalGib();
        c.memoryCapacityGib = e.memory->capacityGib;
        c.memoryFits = e.memory->fits();
    }
    c.feasible = true;
    c.mfu = mfu;
    c.days = e.days;
    c.energyMwh = e.facilityEnergyMwh;
    c.co2Tonnes = e.co2Tonnes;
    c.hasPrice = setup.pricePerChipUsd.has_value();
    c.capexFromChipPrice = setup.priceFromChip;
    c.capexUsd = setup.pricePerChipUsd.value_or(0.0) * double(chips);
    // OpEx: the facility running all year at the site tariff (maintenance is a plan-level
    // assumption and not included here).
    c.opexUsdPerYear = c.facilityMw * 1000.0 * 8760.0 * s.facility.electricityUsdPerKwh;
    double computeUsd = e.computeCostUsd;
    if (!s.cost.chipHourUsd && setup.pricePerChipUsd && !s.chip.priceUsd) {
        // Owned, priced via the system: amortise the per-chip share of the system price.
        computeUsd = e.chipHours * *setup.pricePerChipUsd / (s.cost.amortizationYears * 8760.0);
    }
    c.costPerRunUsd = computeUsd + e.energyCostUsd;
    c.tokensPerUsd = c.costPerRunUsd > 0 ? s.tokens / c.costPerRunUsd : 0.0;
    c.tokensPerKwh = c.energyMwh > 0 ? s.tokens / (c.energyMwh * 1000.0) : 0.0;
    const double peakPflops = e.peakFlopsPerSecondCluster / 1e15;
    c.pflopsPerKw = c.itMw > 0 ? peakPflops / (c.itMw * 1000.0) : 0.0;
    c.pflopsPerM2 = c.floorAreaM2 > 0 ? peakPflops / c.floorAreaM2 : 0.0;
    return c;
}

} // namespace

QString equaliserKey(Equaliser e)
{
    switch (e) {
    case Equaliser::ChipCount: return QStringLiteral("count");
    case Equaliser::PowerEnvelope: return QStringLiteral("power");
    case Equaliser::Budget: return QStringLiteral("budget");
    case Equaliser::Deadline: return QStringLiteral("deadline");
    }
    return QStringLiteral("count");
}

std::optional<Equaliser> equaliserFromKey(const QString &key)
{
    for (Equaliser e : {Equaliser::ChipCount, Equaliser::PowerEnvelope, Equaliser::Budget, Equaliser::Deadline}) {
        if (equaliserKey(e) == key)
            return e;
    }
    return std::nullopt;
}

ComparisonResult compareChips(const ComparisonRequest &req, const Catalog &catalog)
{
    ComparisonResult result;
    for (const QString &id : req.chipIds) {
        std::optional<CatalogRow> chip = catalog.row(CatalogKind::Chip, id);
        std::optional<CatalogRow> system;
        if (!chip) {
            system = catalog.row(CatalogKind::System, id);
            if (system)
                chip = catalog.row(CatalogKind::Chip, system->text("chip_id"));
        }
        if (!chip) {
            result.errors.append({QStringLiteral("--chips"), Tr::tr("unknown chip or system \"%1\" (terahall catalog list --kind chip lists them)").arg(id)});
            continue;
        }
        const ChipSetup setup = setupFor(catalog, *chip, system);
        long long chips = 0;
        switch (req.equaliser) {
        case Equaliser::ChipCount:
            chips = static_cast<long long>(req.value);
            break;
        case Equaliser::PowerEnvelope: {
            const double facilityWPerChip = setup.itKwPerSystem * 1000.0 / setup.chipsPerSystem * setup.pue;
            chips = roundDownToSystems(req.value * 1e6 / facilityWPerChip, setup.chipsPerSystem);
            break;
        }
        case Equaliser::Budget:
            if (!setup.pricePerChipUsd) {
                ComparisonCandidate c = evaluate(req, catalog, setup, 0);
                c.infeasibleReason = Tr::tr("no price in the catalog for this chip or its system: a budget cannot be compared");
                result.candidates << c;
                continue;
            }
            chips = roundDownToSystems(req.value / *setup.pricePerChipUsd, setup.chipsPerSystem);
            break;
        case Equaliser::Deadline: {
            // Smallest whole number of systems that trains within the deadline (MFU changes with
            // scale, so this searches: doubling, then bisection on systems).
            const double facilityWPerChip = setup.itKwPerSystem * 1000.0 / setup.chipsPerSystem * setup.pue;
            const long long maxChips = req.powerCapMw > 0 ? roundDownToSystems(req.powerCapMw * 1e6 / facilityWPerChip, setup.chipsPerSystem)
                                                          : 4'000'000;
            auto meets = [&](long long n) {
                const ComparisonCandidate c = evaluate(req, catalog, setup, n);
                return c.feasible && c.days <= req.value;
            };
            long long hi = setup.chipsPerSystem;
            while (hi <= maxChips && !meets(hi))
                hi *= 2;
            if (hi > maxChips) {
                if (maxChips >= setup.chipsPerSystem && meets(maxChips)) {
                    hi = maxChips;
                } else {
                    ComparisonCandidate c = evaluate(req, catalog, setup, std::max<long long>(maxChips, setup.chipsPerSystem));
                    c.feasible = false;
                    c.infeasibleReason = req.powerCapMw > 0
                                             ? Tr::tr("cannot train within %1 days inside %2 MW").arg(req.value).arg(req.powerCapMw)
                                             : Tr::tr("cannot train within %1 days at any size").arg(req.value);
                    result.candidates << c;
                    continue;
                }
            }
            long long lo = std::max<long long>(setup.chipsPerSystem, hi / 2);
            if (lo == hi || meets(lo))
                hi = lo;
            else {
                long long loSys = lo / setup.chipsPerSystem, hiSys = hi / setup.chipsPerSystem;
                while (hiSys - loSys > 1) {
                    const long long mid = (loSys + hiSys) / 2;
                    if (meets(mid * setup.chipsPerSystem))
                        hiSys = mid;
                    else
                        loSys = mid;
                }
                hi = hiSys * setup.chipsPerSystem;
            }
            chips = hi;
            break;
        }
        }
        ComparisonCandidate candidate = evaluate(req, catalog, setup, chips);
        if (!candidate.feasible && chips > 0
            && (req.equaliser == Equaliser::PowerEnvelope || req.equaliser == Equaliser::Budget)) {
            // The envelope allows `chips`, but no parallel layout splits the global batch over
            // that many (e.g. 10,936 H100 for 2,048 sequences). Real clusters are sized in
            // power-of-two multiples of a system: step down to the largest such count that
            // trains, never above the envelope.
            for (long long unit = 2LL * setup.chipsPerSystem; unit <= chips; unit *= 2) {
                const long long n = (chips / unit) * unit;
                ComparisonCandidate smaller = evaluate(req, catalog, setup, n);
                if (smaller.feasible) {
                    candidate = smaller;
                    break;
                }
            }
        }
        result.candidates << candidate;
    }
    const bool anyFeasible = std::any_of(result.candidates.begin(), result.candidates.end(),
                                         [](const ComparisonCandidate &c) { return c.feasible; });
    if (result.errors.isEmpty() && !anyFeasible && !result.candidates.isEmpty())
        result.errors.append({QStringLiteral("--equalize"), Tr::tr("no candidate meets the %1 equaliser; first reason: %2")
                                                                 .arg(equaliserKey(req.equaliser), result.candidates.front().infeasibleReason)});
    return result;
}

} // namespace th
