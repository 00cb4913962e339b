// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/kpiformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace th {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Kpi)
};
} // namespace

QString formatKpiNumber(double value, int decimals)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    // Avoid "-0.0" for tiny negatives rounded away.
    const double scale = std::pow(10.0, decimals);
    if (std::abs(value) * scale < 0.5)
        value = 0.0;
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(value, 'f', decimals);
}

QList<KpiEntry> evaluationKpis(const QJsonObject &j)
{
    QList<KpiEntry> out;
    auto add = [&](const QString &key, const QString &label, double v, int decimals, const QString &unit) {
        out.append({key, label, formatKpiNumber(v, decimals), unit});
    };
    const QJsonObject density = j.value(QStringLiteral("density")).toObject();
    const QString precision = density.value(QStringLiteral("precision")).toString();
    add(QStringLiteral("accelerators"), Tr::tr("Accelerators"), j.value(QStringLiteral("accelerators")).toDouble(), 0,
        j.value(QStringLiteral("accelerator_chip")).toString());
    add(QStringLiteral("racks"), Tr::tr("Racks (compute)"), j.value(QStringLiteral("racks")).toDouble(), 0,
        Tr::tr("(%1 compute)").arg(j.value(QStringLiteral("compute_racks")).toInt()));
    add(QStringLiteral("peak_pflops/") + precision, Tr::tr("Peak compute, dense"),
        j.value(QStringLiteral("peak_pflops")).toObject().value(precision).toDouble(), 1, QStringLiteral("PFLOPS ") + precision);
    add(QStringLiteral("it_kw"), Tr::tr("IT power"), j.value(QStringLiteral("it_kw")).toDouble(), 1, QStringLiteral("kW"));
    add(QStringLiteral("facility_kw"), Tr::tr("Facility power"), j.value(QStringLiteral("facility_kw")).toDouble(), 1, QStringLiteral("kW"));
    add(QStringLiteral("pue"), Tr::tr("PUE (design)"), j.value(QStringLiteral("pue")).toDouble(), 3, QString());
    add(QStringLiteral("pue_annual"), Tr::tr("PUE (annual)"), j.value(QStringLiteral("pue_annual")).toDouble(), 3, QString());
    add(QStringLiteral("density/kw_per_rack_max"), Tr::tr("Rack power, max"), density.value(QStringLiteral("kw_per_rack_max")).toDouble(), 1,
        QStringLiteral("kW/rack"));
    add(QStringLiteral("density/kw_per_m2"), Tr::tr("Power density"), density.value(QStringLiteral("kw_per_m2")).toDouble(), 2, QStringLiteral("kW/m²"));
    add(QStringLiteral("density/kg_per_m2_max"), Tr::tr("Floor load, max"), density.value(QStringLiteral("kg_per_m2_max")).toDouble(), 0,
        QStringLiteral("kg/m²"));
    const QJsonObject cost = j.value(QStringLiteral("cost")).toObject();
    add(QStringLiteral("cost/capex_usd"), Tr::tr("CapEx"), cost.value(QStringLiteral("capex_usd")).toDouble(), 0, QStringLiteral("USD"));
    add(QStringLiteral("cost/opex_usd_per_year"), Tr::tr("OpEx"), cost.value(QStringLiteral("opex_usd_per_year")).toDouble(), 0,
        QStringLiteral("USD/year"));
    add(QStringLiteral("cost/tco_usd_per_year"), Tr::tr("TCO"), cost.value(QStringLiteral("tco_usd_per_year")).toDouble(), 0,
        QStringLiteral("USD/year"));
    const QJsonObject energy = j.value(QStringLiteral("energy")).toObject();
    add(QStringLiteral("energy/facility_mwh_per_year"), Tr::tr("Facility energy"), energy.value(QStringLiteral("facility_mwh_per_year")).toDouble(), 0,
        QStringLiteral("MWh/year"));
    add(QStringLiteral("energy/co2_t_per_year"), Tr::tr("CO2"), energy.value(QStringLiteral("co2_t_per_year")).toDouble(), 0,
        QStringLiteral("t/year"));
    const QJsonObject training = j.value(QStringLiteral("training")).toObject().value(QStringLiteral("training")).toObject();
    if (!training.isEmpty()) {
        add(QStringLiteral("training/days"), Tr::tr("Training time"), training.value(QStringLiteral("days")).toDouble(), 2, Tr::tr("days"));
        add(QStringLiteral("training/mfu"), Tr::tr("MFU"), training.value(QStringLiteral("mfu")).toDouble(), 3,
            training.value(QStringLiteral("mfu_source")).toString() == QLatin1String("model") ? Tr::tr("(estimated)") : Tr::tr("(given)"));
        add(QStringLiteral("training/chip_hours"), Tr::tr("Chip-hours"), training.value(QStringLiteral("chip_hours")).toDouble(), 0, QStringLiteral("h"));
    }
    const QJsonArray violations = j.value(QStringLiteral("violations")).toArray();
    int errors = 0;
    for (const QJsonValue &v : violations)
        errors += v.toObject().value(QStringLiteral("severity")).toString() == QLatin1String("error") ? 1 : 0;
    add(QStringLiteral("violations"), Tr::tr("Violations"), double(violations.size()), 0, Tr::tr("(%1 errors)").arg(errors));
    return out;
}

} // namespace th
