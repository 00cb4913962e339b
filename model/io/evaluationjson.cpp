// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/evaluationjson.h"

#include "model/io/estimatejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace th {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Evaluation)
};
} // namespace

QJsonObject evaluationToJson(const FloorPlan &plan, const PlanEvaluation &e, const PlanAssumptions &a)
{
    QJsonObject peak;
    for (engine::Precision p : engine::kAllPrecisions) {
        if (e.peakPflops(p) > 0)
            peak.insert(QString::fromLatin1(engine::precisionKey(p).data()), e.peakPflops(p));
    }
    QJsonArray violations;
    for (const Violation &v : e.violations) {
        QJsonArray items;
        for (EquipmentId id : v.items)
            items.append(double(id));
        violations.append(QJsonObject{{QStringLiteral("kind"), v.kind},
                                      {QStringLiteral("severity"), v.severity},
                                      {QStringLiteral("items"), items},
                                      {QStringLiteral("message"), v.message}});
    }
    QJsonValue training = QJsonValue::Null;
    if (e.training && e.workloadScenario)
        training = estimateToJson(*e.workloadScenario, *e.training, e.workloadRun ? &*e.workloadRun : nullptr);
    QJsonValue facility = QJsonValue::Null;
    if (e.facility) {
        const FacilityResult &f = *e.facility;
        const engine::PueBreakdown &d = f.design;
        QJsonArray compliance;
        for (const engine::PueCompliance &c : f.compliance)
            compliance.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(c.key)},
                                          {QStringLiteral("label"), QString::fromStdString(c.label)},
                                          {QStringLiteral("limit"), c.limit},
                                          {QStringLiteral("applicable"), c.applicable},
                                          {QStringLiteral("pass"), c.pass}});
        QJsonArray units;
        for (const FacilityUnitStatus &u : f.powerUnits + f.coolingUnits)
            units.append(QJsonObject{{QStringLiteral("id"), double(u.id)},
                                     {QStringLiteral("category"), u.category},
                                     {QStringLiteral("capacity_kw"), u.capacityKw},
                                     {QStringLiteral("load_kw"), u.loadKw},
                                     {QStringLiteral("utilization"), u.utilisation},
                                     {QStringLiteral("loss_kw"), u.lossKw},
                                     {QStringLiteral("power_kw"), u.powerKw},
                                     {QStringLiteral("overloaded"), u.overloaded}});
        double inletMaxC = 0.0;
        int above27 = 0, above32 = 0;
        std::vector<double> inlets;
        for (const RackInlet &r : f.rackInlets) {
            inletMaxC = std::max(inletMaxC, r.inletC);
            above27 += r.inletC > 27.0 ? 1 : 0; // ASHRAE recommended upper limit
            above32 += r.inletC > 32.0 ? 1 : 0; // ASHRAE A1 allowable upper limit
            inlets.push_back(r.inletC);
        }
        QJsonArray thermalHalls; // Herrlin's Rack Cooling Index per hall (engine::rackCoolingIndexHiPct)
        for (const HallThermalIndex &t : f.thermalHalls) {
            const Hall *hall = plan.hall(t.hallId);
            thermalHalls.append(QJsonObject{{QStringLiteral("hall_id"), double(t.hallId)},
                                            {QStringLiteral("name"), hall ? hall->name : QString()},
                                            {QStringLiteral("racks"), t.racks},
                                            {QStringLiteral("rci_hi_pct"), t.rciHiPct},
                                            {QStringLiteral("inlet_max_c"), t.inletMaxC}});
        }
        int nMinus1Failures = 0;
        for (const NMinus1Case &c : f.nMinus1)
            nMinus1Failures += c.ok ? 0 : 1;
        facility = QJsonObject{
            {QStringLiteral("site"), f.siteId},
            {QStringLiteral("site_name"), f.siteName},
            {QStringLiteral("climate_confidence"), f.climateConfidence},
            {QStringLiteral("grid_kg_co2_per_kwh"), f.gridKgCo2PerKwh},
            {QStringLiteral("pue_design"), f.pueDesign},
            {QStringLiteral("pue_annual"), f.pueAnnual},
            {QStringLiteral("pue_breakdown_kw"), QJsonObject{{QStringLiteral("it"), d.itKw},
                                                             {QStringLiteral("cooling"), d.coolingKw},
                                                             {QStringLiteral("chiller"), d.chillerKw},
                                                             {QStringLiteral("heat_rejection_fans"), d.heatRejectionFanKw},
                                                             {QStringLiteral("pumps"), d.pumpKw},
                                                             {QStringLiteral("terminal_units"), d.terminalUnitKw},
                                                             {QStringLiteral("transformer_losses"), d.transformerLossKw},
                                                             {QStringLiteral("ups_losses"), d.upsLossKw},
                                                             {QStringLiteral("distribution_losses"), d.distributionLossKw},
                                                             {QStringLiteral("power_losses"), d.powerLossKw},
                                                             {QStringLiteral("lighting_other"), d.lightingOtherKw},
                                                             {QStringLiteral("total"), d.totalKw}}},
            {QStringLiteral("wue_l_per_kwh"), f.wueLitresPerKwh},
            {QStringLiteral("power_redundancy"), f.powerRedundancy},
            {QStringLiteral("power_meets_target"), f.powerMeetsTarget},
            {QStringLiteral("n_minus_1_cases"), double(f.nMinus1.size())},
            {QStringLiteral("n_minus_1_failures"), nMinus1Failures},
            {QStringLiteral("stand_in_plant"), f.plant.assumed},
            {QStringLiteral("thermal"), f.rackInlets.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(QJsonObject{{QStringLiteral("inlet_max_c"), inletMaxC},
                                                                                        {QStringLiteral("racks_above_27c"), above27},
                                                                                        {QStringLiteral("racks_above_32c"), above32},
                                                                                        {QStringLiteral("rci_hi_pct"), engine::rackCoolingIndexHiPct(inlets)},
                                                                                        {QStringLiteral("halls"), thermalHalls},
                                                                                        {QStringLiteral("note"), QStringLiteral("indicative 2D airflow and heat model, not CFD")}})},
            {QStringLiteral("compliance"), compliance},
            {QStringLiteral("units"), units}};
    }
    QJsonArray problems;
    for (const QString &p : e.workloadProblems)
        problems.append(p);
    return QJsonObject{
        {QStringLiteral("schema"), QLatin1String(kEvaluationSchema)},
        {QStringLiteral("plan"), plan.name},
        {QStringLiteral("accelerators"), double(e.accelerators)},
        {QStringLiteral("accelerator_chip"), e.dominantChipId},
        {QStringLiteral("racks"), e.racks},
        {QStringLiteral("compute_racks"), e.computeRacks},
        {QStringLiteral("peak_pflops"), peak},
        {QStringLiteral("peak_pflops_note"), QStringLiteral("dense, by precision")},
        {QStringLiteral("it_kw"), e.itKw},
        {QStringLiteral("facility_kw"), e.facilityKw},
        {QStringLiteral("pue"), e.pue},
        {QStringLiteral("pue_annual"), e.pueAnnual},
        {QStringLiteral("pue_method"), e.pueMethod},
        {QStringLiteral("density"), QJsonObject{{QStringLiteral("kw_per_rack_max"), e.kwPerRackMax},
                                                {QStringLiteral("kw_per_rack_avg"), e.kwPerRackAvg},
                                                {QStringLiteral("kw_per_m2"), e.kwPerM2},
                                                {QStringLiteral("hall_area_m2"), e.hallAreaM2},
                                                {QStringLiteral("pflops_per_rack"), e.pflopsPerRack},
                                                {QStringLiteral("pflops_per_m2"), e.pflopsPerM2},
                                                {QStringLiteral("tflops_per_w"), e.tflopsPerW},
                                                {QStringLiteral("precision"), QString::fromLatin1(engine::precisionKey(a.peakPrecision).data())},
                                                {QStringLiteral("kg_per_m2_max"), e.kgPerM2Max}}},
        {QStringLiteral("power"), QJsonObject{{QStringLiteral("capacity_kw"), e.powerCapacityKw},
                                              {QStringLiteral("utilization"), e.powerUtilization},
                                              {QStringLiteral("redundancy"), e.facility ? e.facility->powerRedundancy
                                                                                         : (e.powerNMinus1Ok ? QStringLiteral("N+1") : QStringLiteral("N"))},
                                              {QStringLiteral("n_minus_1_ok"), e.powerNMinus1Ok}}},
        {QStringLiteral("cooling"), QJsonObject{{QStringLiteral("capacity_kw"), e.coolingCapacityKw},
                                                {QStringLiteral("utilization"), e.coolingUtilization},
                                                {QStringLiteral("n_minus_1_ok"), e.coolingNMinus1Ok}}},
        {QStringLiteral("cost"), QJsonObject{{QStringLiteral("capex_usd"), e.capexUsd},
                                             {QStringLiteral("items_without_price"), e.itemsWithoutPrice},
                                             {QStringLiteral("opex_usd_per_year"), e.opexUsdPerYear},
                                             {QStringLiteral("tco_usd_per_year"), e.tcoUsdPerYear}}},
        {QStringLiteral("energy"), QJsonObject{{QStringLiteral("facility_mwh_per_year"), e.energyMwhPerYear},
                                               {QStringLiteral("co2_t_per_year"), e.co2TonnesPerYear}}},
        {QStringLiteral("assumptions"), QJsonObject{{QStringLiteral("electricity_usd_per_kwh"), a.electricityUsdPerKwh},
                                                    {QStringLiteral("grid_kg_co2_per_kwh"), a.gridKgCo2PerKwh},
                                                    {QStringLiteral("maintenance_fraction_per_year"), a.maintenanceFractionPerYear},
                                                    {QStringLiteral("amortization_years"), a.amortizationYears}}},
        {QStringLiteral("facility"), facility},
        {QStringLiteral("training"), training},
        {QStringLiteral("workload_problems"), problems},
        {QStringLiteral("violations"), violations}};
}

QString evaluationToText(const FloorPlan &plan, const PlanEvaluation &e, const PlanAssumptions &a)
{
    const QLocale c = QLocale::c();
    const QString precision = QString::fromLatin1(engine::precisionKey(a.peakPrecision).data());
    QStringList lines;
    lines << Tr::tr("Plan:             %1").arg(plan.name);
    lines << Tr::tr("Accelerators:     %1 (%2), %3 racks (%4 compute)").arg(e.accelerators).arg(e.dominantChipId).arg(e.racks).arg(e.computeRacks);
    lines << Tr::tr("Peak:             %1 PFLOPS %2 dense").arg(c.toString(e.peakPflops(a.peakPrecision), 'f', 1), precision);
    lines << Tr::tr("Power:            %1 kW IT, %2 kW facility, PUE %3 (%4)")
                 .arg(c.toString(e.itKw, 'f', 1), c.toString(e.facilityKw, 'f', 1), c.toString(e.pue, 'f', 3), e.pueMethod);
    lines << Tr::tr("Density:          %1 kW/rack max, %2 avg; %3 kW/m2; %4 kg/m2 max")
                 .arg(c.toString(e.kwPerRackMax, 'f', 1), c.toString(e.kwPerRackAvg, 'f', 1), c.toString(e.kwPerM2, 'f', 2),
                      c.toString(e.kgPerM2Max, 'f', 0));
    lines << Tr::tr("Capacity:         power %1 kW (%2 %), cooling %3 kW (%4 %)")
                 .arg(c.toString(e.powerCapacityKw, 'f', 0), c.toString(e.powerUtilization * 100, 'f', 0),
                      c.toString(e.coolingCapacityKw, 'f', 0), c.toString(e.coolingUtilization * 100, 'f', 0));
    lines << Tr::tr("Cost:             CapEx %1 USD (%2 items without price), OpEx %3 USD/year")
                 .arg(c.toString(e.capexUsd, 'f', 0)).arg(e.itemsWithoutPrice).arg(c.toString(e.opexUsdPerYear, 'f', 0));
    if (e.training)
        lines << Tr::tr("Workload:         %1 days at MFU %2").arg(c.toString(e.training->days, 'f', 2), c.toString(e.training->mfu, 'f', 3));
    for (const QString &p : e.workloadProblems)
        lines << Tr::tr("Workload:         %1").arg(p);
    for (const Violation &v : e.violations)
        lines << Tr::tr("%1 [%2]: %3").arg(v.severity, v.kind, v.message);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace th
