// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/facilityanalysis.h"

#include "model/analysis/cellbuckets.h"
#include "model/analysis/enginetext.h"
#include "model/catalog/catalog.h"
#include "model/catalog/csv.h"
#include "model/engine/thermalmap.h"

#include <QCoreApplication>
#include <QSet>
#include <QFile>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace th {

using engine::AnnualPue;
using engine::ChillerType;
using engine::CoolingInput;
using engine::CoolingMedium;
using engine::CoolingResult;
using engine::CoolingUnit;
using engine::CoolingUnitResult;
using engine::CoolingUnitType;
using engine::CoolingZone;
using engine::EfficiencyCurve;
using engine::FacilityLoad;
using engine::FailureResult;
using engine::LoadFeeds;
using engine::PlantPower;
using engine::PlantSpec;
using engine::PowerChainInput;
using engine::PowerChainResult;
using engine::PowerLoad;
using engine::PowerUnit;
using engine::PowerUnitKind;
using engine::PowerUnitResult;
using engine::PueCompliance;
using engine::PueTargetClass;
using engine::RedundancyMode;
using engine::SiteClimate;
using engine::ThermalGridSpec;
using engine::ThermalResult;
using engine::ThermalSink;
using engine::ThermalSource;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FacilityAnalysis)
};

QList<EquipmentId> toList(const std::vector<std::uint64_t> &ids)
{
    // Ids repeat when a multi-rack system is fed as several loads: list each item once, in
    // first-seen order. (A linear contains() here was quadratic: 15 % of a 5,000-item recompute.)
    QList<EquipmentId> out;
    out.reserve(qsizetype(ids.size()));
    if (ids.size() <= 16) { // feeds, parents, failed units: a hash set costs more than the scan
        for (std::uint64_t id : ids)
            if (!out.contains(EquipmentId(id)))
                out << EquipmentId(id);
        return out;
    }
    QSet<std::uint64_t> seen;
    seen.reserve(qsizetype(ids.size()));
    for (std::uint64_t id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            out << EquipmentId(id);
        }
    }
    return out;
}

/// Racks listed by an N-1 case. The engine lists loads in input order, and the loads of one
/// multi-rack system are consecutive (facilityAnalysis adds them together), so its repeats are
/// adjacent: dropping adjacent repeats is toList() without a hash set (N-1 lists of an overloaded
/// 4,000-rack plan hold 1.5 million ids per recompute).
QList<EquipmentId> rackList(const std::vector<std::uint64_t> &loadIds)
{
    QList<EquipmentId> out;
    out.reserve(qsizetype(loadIds.size()));
    for (std::size_t i = 0; i < loadIds.size(); ++i)
        if (i == 0 || loadIds[i] != loadIds[i - 1])
            out << EquipmentId(loadIds[i]);
    return out;
}

int unitsPerRack(const Equipment &e, const ResolvedCatalogItem &r)
{
    if (r.defaultUnitsPerRack <= 1)
        return 1;
    bool ok = false;
    const int n = e.properties().value(QStringLiteral("units_per_rack")).toInt(&ok);
    return ok && n >= 1 ? n : r.defaultUnitsPerRack;
}

bool isDistribution(const QString &c)
{
    return c == QLatin1String("pdu") || c == QLatin1String("rpp") || c == QLatin1String("busway");
}

std::optional<CoolingUnitType> coolingType(const QString &c)
{
    if (c == QLatin1String("crah"))
        return CoolingUnitType::Crah;
    if (c == QLatin1String("inrow"))
        return CoolingUnitType::InRow;
    if (c == QLatin1String("rdhx"))
        return CoolingUnitType::RearDoor;
    if (c == QLatin1String("cdu"))
        return CoolingUnitType::Cdu;
    if (c == QLatin1String("immersion"))
        return CoolingUnitType::Immersion;
    return std::nullopt;
}

/// Unit vector from a rack's centre to its front (air intake, cold-aisle side), in hall
/// coordinates (y grows southwards): south at rotation 0, west at 90, north at 180, east at 270,
/// as the editor draws the front edge (views/scene/equipmentitem.cpp) and the sample generator
/// lays out rows ("row A faces north (rotation 180)").
} // namespace

QPointF rackFrontDirection(int rotationDeg)
{
    switch (((rotationDeg % 360) + 360) % 360) {
    case 90: return {-1.0, 0.0};
    case 180: return {0.0, -1.0};
    case 270: return {1.0, 0.0};
    default: return {0.0, 1.0};
    }
}

namespace {

void addViolation(QList<Violation> &out, const char *kind, const char *severity, const QList<EquipmentId> &items, const QString &message)
{
    out.append({QString::fromLatin1(kind), QString::fromLatin1(severity), items, message});
}

double itemWeightKg(const Equipment &e, const ResolvedCatalogItem &r, double emptyRackKg)
{
    if (r.isSystem)
        return unitsPerRack(e, r) * r.weightKgPerUnit + (r.defaultUnitsPerRack > 1 ? emptyRackKg : 0.0);
    return r.weightKgPerUnit;
}

struct PlacedRack
{
    const Equipment *e = nullptr;
    HallId hall = 0;
    int site = 0;
    double itKw = 0.0;
    double airKw = 0.0;
    double liquidKw = 0.0;
    double immersionKw = 0.0;
};

/// The IT load and its heat split of a compute system or network/storage rack; nullopt for
/// everything else (and for missing catalog rows).
std::optional<PlacedRack> placedRack(const Equipment &e, const ResolvedCatalogItem &r)
{
    if (!r.found)
        return std::nullopt;
    PlacedRack pr;
    pr.e = &e;
    pr.hall = e.hallId();
    if (r.isSystem) {
        pr.itKw = unitsPerRack(e, r) * r.itKwPerUnit;
        if (r.cooling == QLatin1String("immersion"))
            pr.immersionKw = pr.itKw;
        else {
            const double lf = std::clamp(r.liquidFraction, 0.0, 1.0);
            pr.liquidKw = pr.itKw * lf;
            pr.airKw = pr.itKw - pr.liquidKw;
        }
        return pr;
    }
    if (r.category == QLatin1String("network_rack") || r.category == QLatin1String("storage_rack")) {
        pr.itKw = r.ownPowerKw;
        pr.airKw = r.ownPowerKw;
        return pr;
    }
    return std::nullopt;
}

/// Tiles of `hall` overloaded by the weight of in-hall items (weight spread over the footprint).
void floorLoading(const FloorPlan &plan, const CatalogCache &cache, const FacilityAssumptions &a, FacilityResult &res)
{
    for (const Hall &h : plan.halls()) {
        HallGrid g;
        g.hallId = h.id;
        g.cellMm = h.tileMm > 0 ? h.tileMm : 600.0;
        g.nx = std::max(1, int(std::ceil(h.widthMm / g.cellMm)));
        g.ny = std::max(1, int(std::ceil(h.depthMm / g.cellMm)));
        if (qint64(g.nx) * g.ny > 4000000)
            continue;
        std::vector<double> &kg = cache.scratch().floorKg;
        kg.assign(std::size_t(g.nx) * std::size_t(g.ny), 0.0);
        std::vector<std::vector<EquipmentId>> owners; // filled lazily for overloaded tiles only
        for (int i = 0; i < plan.equipmentCount(); ++i) {
            const Equipment &e = plan.equipmentAt(i);
            if (e.hallId() != h.id || e.inYard())
                continue;
            const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
            const double w = r.found ? itemWeightKg(e, r, a.emptyRackKg) : 0.0;
            const QRectF fp = e.footprintMm();
            const double area = fp.width() * fp.height();
            if (w <= 0.0 || area <= 0.0)
                continue;
            const int x0 = std::max(0, int(std::floor(fp.left() / g.cellMm)));
            const int x1 = std::min(g.nx - 1, int(std::ceil(fp.right() / g.cellMm)) - 1);
            const int y0 = std::max(0, int(std::floor(fp.top() / g.cellMm)));
            const int y1 = std::min(g.ny - 1, int(std::ceil(fp.bottom() / g.cellMm)) - 1);
            if (fp.width() > 0.0 && fp.height() > 0.0) {
                // QRectF::intersected() of the tile and the footprint, inline: the same operations
                // in the same order (bit-identical), without a library call per tile.
                auto overlap = [](double t0, double t1, double f0, double f1) {
                    if (t0 == t1 || f0 == f1 || t0 >= f1 || f0 >= t1)
                        return 0.0;
                    const double lo = std::max(t0, f0);
                    return std::min(t1, f1) - lo;
                };
                const double fx0 = fp.x(), fx1 = fp.x() + fp.width(), fy0 = fp.y(), fy1 = fp.y() + fp.height();
                for (int y = y0; y <= y1; ++y) {
                    const double ty0 = y * g.cellMm;
                    const double oh = overlap(ty0, ty0 + g.cellMm, fy0, fy1);
                    for (int x = x0; x <= x1; ++x) {
                        const double tx0 = x * g.cellMm;
                        const double ow = overlap(tx0, tx0 + g.cellMm, fx0, fx1);
                        if (ow <= 0.0 || oh <= 0.0)
                            continue;
                        kg[std::size_t(y) * std::size_t(g.nx) + std::size_t(x)] += w * ow * oh / area;
                    }
                }
                continue;
            }
            for (int y = y0; y <= y1; ++y) {
                for (int x = x0; x <= x1; ++x) {
                    const QRectF tile(x * g.cellMm, y * g.cellMm, g.cellMm, g.cellMm);
                    const QRectF o = tile.intersected(fp);
                    if (o.isEmpty())
                        continue;
                    kg[std::size_t(y) * std::size_t(g.nx) + std::size_t(x)] += w * o.width() * o.height() / area;
                }
            }
        }
        const double tileM2 = g.cellMm * g.cellMm / 1e6;
        g.values.resize(qsizetype(kg.size()));
        QList<EquipmentId> over;
        for (std::size_t k = 0; k < kg.size(); ++k) {
            const double v = kg[k] / tileM2;
            g.values[qsizetype(k)] = float(v);
            g.maxValue = std::max(g.maxValue, v);
        }
        res.floorLoadMaxKgPerM2 = std::max(res.floorLoadMaxKgPerM2, g.maxValue);
        if (g.maxValue > h.floorRatingKgPerM2) {
            for (int i = 0; i < plan.equipmentCount(); ++i) {
                const Equipment &e = plan.equipmentAt(i);
                if (e.hallId() != h.id || e.inYard())
                    continue;
                const QRectF fp = e.footprintMm();
                const int cx = std::clamp(int(fp.center().x() / g.cellMm), 0, g.nx - 1);
                const int cy = std::clamp(int(fp.center().y() / g.cellMm), 0, g.ny - 1);
                if (g.values[qsizetype(cy * g.nx + cx)] > h.floorRatingKgPerM2)
                    over << e.id();
            }
            addViolation(res.violations, "floor_load_tile", "warning", over,
                         Tr::tr("%n item(s) in %1 load their floor tiles above the rating of %2 kg/m2 (peak %3 kg/m2)", nullptr, int(over.size()))
                             .arg(h.name)
                             .arg(h.floorRatingKgPerM2, 0, 'f', 0)
                             .arg(g.maxValue, 0, 'f', 0));
        }
        res.floorLoad << g;
    }
}

/// Aisles narrower than the hall minimum between facing items, and items in a door's clearance.
void aislesAndDoors(const FloorPlan &plan, AnalysisScratch &scratch, FacilityResult &res)
{
    constexpr double kBucketMm = 2400.0;
    for (const Hall &h : plan.halls()) {
        std::vector<int> &items = scratch.aisleItems;
        items.clear();
        for (int i = 0; i < plan.equipmentCount(); ++i) {
            if (plan.equipmentAt(i).hallId() == h.id && !plan.equipmentAt(i).inYard())
                items.push_back(i);
        }
        // Each footprint once: the pair and strip tests below asked for them ~10 times per item
        // (Equipment::footprintMm() computes the rotated rectangle on every call).
        std::vector<QRectF> &fp = scratch.aisleRects; // read only at the indices written below
        fp.resize(std::size_t(plan.equipmentCount()));
        for (int i : items)
            fp[std::size_t(i)] = plan.equipmentAt(i).footprintMm();
        const double minGap = h.minAisleMm;
        CellBuckets &buckets = scratch.aisleCells;
        buckets.clear();
        for (int i : items) {
            const QRectF &r = fp[std::size_t(i)];
            for (int bx = int(std::floor(r.left() / kBucketMm)); bx <= int(std::floor(r.right() / kBucketMm)); ++bx)
                for (int by = int(std::floor(r.top() / kBucketMm)); by <= int(std::floor(r.bottom() / kBucketMm)); ++by)
                    buckets.add(0, bx, by, i);
        }
        buckets.finish();
        // visitedBy[j] == i: the pair (i, j) was already examined through another bucket.
        std::vector<int> &visitedBy = scratch.aisleVisitedBy;
        visitedBy.assign(std::size_t(plan.equipmentCount()), -1);
        QList<EquipmentId> narrow;
        QSet<EquipmentId> narrowSet;
        double narrowest = minGap;
        for (int i : items) {
            const QRectF &a = fp[std::size_t(i)];
            const QRectF probe = a.adjusted(-minGap, -minGap, minGap, minGap);
            for (int bx = int(std::floor(probe.left() / kBucketMm)); bx <= int(std::floor(probe.right() / kBucketMm)); ++bx) {
                for (int by = int(std::floor(probe.top() / kBucketMm)); by <= int(std::floor(probe.bottom() / kBucketMm)); ++by) {
                    // A cell lists its items in ascending order: start after i (pairs with a
                    // lower index were examined from that item).
                    const std::span<const int> cell = buckets.at(0, bx, by);
                    for (auto jt = std::upper_bound(cell.begin(), cell.end(), i); jt != cell.end(); ++jt) {
                        const int j = *jt;
                        if (visitedBy[std::size_t(j)] == i)
                            continue;
                        visitedBy[std::size_t(j)] = i;
                        const QRectF &b = fp[std::size_t(j)];
                        const double xOverlap = std::min(a.right(), b.right()) - std::max(a.left(), b.left());
                        const double yOverlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
                        double gap = -1.0;
                        QRectF between; // the free strip between the two items, if any
                        if (xOverlap > 1.0) {
                            gap = std::max(b.top() - a.bottom(), a.top() - b.bottom());
                            const QRectF &upper = a.top() <= b.top() ? a : b;
                            between = QRectF(std::max(a.left(), b.left()), upper.bottom(), xOverlap, gap);
                        } else if (yOverlap > 1.0) {
                            gap = std::max(b.left() - a.right(), a.left() - b.right());
                            const QRectF &leftItem = a.left() <= b.left() ? a : b;
                            between = QRectF(leftItem.right(), std::max(a.top(), b.top()), gap, yOverlap);
                        }
                        // Another item standing in the strip (the rack between two others in a
                        // row) means there is no aisle there at all.
                        auto stripOccupied = [&] {
                            const QRectF strip = between.adjusted(0.5, 0.5, -0.5, -0.5);
                            for (int bx = int(std::floor(strip.left() / kBucketMm)); bx <= int(std::floor(strip.right() / kBucketMm)); ++bx)
                                for (int by = int(std::floor(strip.top() / kBucketMm)); by <= int(std::floor(strip.bottom() / kBucketMm)); ++by) {
                                    for (int k : buckets.at(0, bx, by)) {
                                        if (k != i && k != j && fp[std::size_t(k)].intersects(strip))
                                            return true;
                                    }
                                }
                            return false;
                        };
                        if (gap > 1.0 && gap < minGap - 1.0 && !stripOccupied()) {
                            narrowest = std::min(narrowest, gap);
                            const EquipmentId ia = plan.equipmentAt(i).id(), ib = plan.equipmentAt(j).id();
                            for (EquipmentId id : {ia, ib}) {
                                if (!narrowSet.contains(id)) {
                                    narrowSet.insert(id);
                                    narrow << id;
                                }
                            }
                        }
                    }
                }
            }
        }
        if (!narrow.isEmpty())
            addViolation(res.violations, "aisle_too_narrow", "warning", narrow,
                         Tr::tr("aisles in %1 narrower than %2 mm (narrowest %3 mm) between %n item(s)", nullptr, int(narrow.size()))
                             .arg(h.name)
                             .arg(minGap, 0, 'f', 0)
                             .arg(narrowest, 0, 'f', 0));
        // Door clearance: the door opening plus the minimum aisle on every side must stay clear
        // (items overlapping the door itself are the plan analysis' blocks_door).
        for (const Structure &s : plan.structures()) {
            if (s.kind != StructureKind::Door || s.hallId != h.id)
                continue;
            const QRectF zone = s.rectMm.adjusted(-minGap, -minGap, minGap, minGap);
            QList<EquipmentId> inZone;
            for (int i : items) {
                const QRectF &r = fp[std::size_t(i)];
                if (r.intersects(zone) && !r.intersects(s.rectMm))
                    inZone << plan.equipmentAt(i).id();
            }
            if (!inZone.isEmpty())
                addViolation(res.violations, "door_clearance", "warning", inZone,
                             Tr::tr("%n item(s) stand within %1 mm of door %2", nullptr, int(inZone.size())).arg(minGap, 0, 'f', 0).arg(s.label));
        }
    }
}

} // namespace

QList<SiteClimate> parseClimateCsv(const QByteArray &sitesCsv, const QByteArray &normalsCsv, QString *error)
{
    QList<SiteClimate> out;
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        return QList<SiteClimate>();
    };
    const csv::ParseResult s = csv::parse(sitesCsv);
    const csv::ParseResult n = csv::parse(normalsCsv);
    if (!s.error.isEmpty() || s.records.isEmpty())
        return fail(QStringLiteral("sites.csv: ") + s.error);
    if (!n.error.isEmpty() || n.records.isEmpty())
        return fail(QStringLiteral("normals.csv: ") + n.error);
    const QStringList sh = s.records.front().fields, nh = n.records.front().fields;
    auto col = [](const QStringList &h, const char *name) { return h.indexOf(QString::fromLatin1(name)); };
    const int cId = col(sh, "id"), cName = col(sh, "name"), cCountry = col(sh, "country"), cLat = col(sh, "latitude"),
              cElev = col(sh, "elevation_m"), cRange = col(sh, "daily_range_c"), cGrid = col(sh, "grid_kg_co2_per_kwh"),
              cClass = col(sh, "pue_class"), cSrc = col(sh, "normals_source"), cConf = col(sh, "confidence"),
              cGridSrc = col(sh, "grid_source"), cNameZh = col(sh, "name_zh");
    const int nSite = col(nh, "site_id"), nMonth = col(nh, "month"), nT = col(nh, "tmean_c"), nRh = col(nh, "rh_pct");
    if (std::min({cId, cName, cCountry, cLat, cElev, cRange, cGrid, cClass, cSrc, cConf, cGridSrc}) < 0 || std::min({nSite, nMonth, nT, nRh}) < 0)
        return fail(QStringLiteral("climate CSV: missing columns"));
    QHash<QString, int> index;
    for (qsizetype i = 1; i < s.records.size(); ++i) {
        const QStringList &f = s.records[i].fields;
        if (f.size() < sh.size())
            return fail(QStringLiteral("sites.csv line %1: too few fields").arg(s.records[i].line));
        SiteClimate c;
        c.id = f[cId].toStdString();
        c.name = f[cName].toStdString();
        if (cNameZh >= 0) // optional column
            c.nameZh = f[cNameZh].toStdString();
        c.country = f[cCountry].toStdString();
        c.latitudeDeg = f[cLat].toDouble();
        c.elevationM = f[cElev].toDouble();
        c.dailyRangeC = f[cRange].toDouble();
        c.gridKgCo2PerKwh = f[cGrid].toDouble();
        const QString cls = f[cClass];
        c.targetClass = cls == QLatin1String("cn-west-hub") ? PueTargetClass::ChinaWesternHub
                        : cls == QLatin1String("cn-hub")    ? PueTargetClass::ChinaHub
                        : cls == QLatin1String("cn")        ? PueTargetClass::China
                                                            : PueTargetClass::None;
        c.source = f[cSrc].toStdString();
        c.gridSource = f[cGridSrc].toStdString();
        c.confidence = f[cConf].toStdString();
        c.dryBulbC.fill(std::nan(""));
        index.insert(f[cId], int(out.size()));
        out << c;
    }
    for (qsizetype i = 1; i < n.records.size(); ++i) {
        const QStringList &f = n.records[i].fields;
        if (f.size() < nh.size())
            return fail(QStringLiteral("normals.csv line %1: too few fields").arg(n.records[i].line));
        const auto it = index.find(f[nSite]);
        bool okM = false, okT = false, okR = false;
        const int m = f[nMonth].toInt(&okM);
        const double t = f[nT].toDouble(&okT), rh = f[nRh].toDouble(&okR);
        if (it == index.end() || !okM || m < 1 || m > 12 || !okT || !okR || rh <= 0 || rh > 100)
            return fail(QStringLiteral("normals.csv line %1: bad row").arg(n.records[i].line));
        out[it.value()].dryBulbC[std::size_t(m - 1)] = t;
        out[it.value()].relHumidityPct[std::size_t(m - 1)] = rh;
    }
    for (const SiteClimate &c : out) {
        for (double t : c.dryBulbC) {
            if (std::isnan(t))
                return fail(QStringLiteral("normals.csv: site %1 lacks a month").arg(QString::fromStdString(c.id)));
        }
    }
    return out;
}

const QList<SiteClimate> &shippedClimateSites()
{
    static const QList<SiteClimate> sites = [] {
        QFile s(QStringLiteral(":/climate/sites.csv")), n(QStringLiteral(":/climate/normals.csv"));
        if (!s.open(QIODevice::ReadOnly) || !n.open(QIODevice::ReadOnly))
            return QList<SiteClimate>();
        QString error;
        return parseClimateCsv(s.readAll(), n.readAll(), &error);
    }();
    return sites;
}

std::optional<SiteClimate> shippedClimateSite(const QString &id)
{
    const std::string key = id.toStdString();
    for (const SiteClimate &c : shippedClimateSites()) {
        if (c.id == key)
            return c;
    }
    return std::nullopt;
}

namespace {
QString localizedName(const QString &english, const QString &chinese)
{
    return QLocale().language() == QLocale::Chinese && !chinese.isEmpty() ? chinese : english;
}
} // namespace

QString siteDisplayName(const SiteClimate &site)
{
    return localizedName(QString::fromStdString(site.name), QString::fromStdString(site.nameZh));
}

QString siteDisplayName(const FacilityResult &result)
{
    return localizedName(result.siteName, result.siteNameZh);
}

std::vector<HallThermalProblem> thermalProblems(const FloorPlan &plan, const CatalogCache &cache, const FacilityAssumptions &a,
                                                const FacilityResult &facility)
{
    const QSet<EquipmentId> noCdu(facility.liquidWithoutCdu.begin(), facility.liquidWithoutCdu.end());
    std::vector<PlacedRack> racks;
    // Air cooling units (CRAH, in-row, rear door) as the cooling analysis sees them.
    struct AirUnit
    {
        EquipmentId id;
        CoolingUnitType type;
        double capacityKw;
        bool rowAlongX;
    };
    std::vector<AirUnit> airUnits;
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
        if (std::optional<PlacedRack> pr = placedRack(e, r)) {
            racks.push_back(*pr);
            continue;
        }
        const std::optional<CoolingUnitType> type = r.found && !r.isSystem ? coolingType(r.category) : std::nullopt;
        if (type && mediumOf(*type) == CoolingMedium::Air)
            airUnits.push_back({e.id(), *type, r.capacityKw, e.rotationDeg() % 180 == 0});
    }
    std::vector<HallThermalProblem> out;
    for (const Hall &h : plan.halls()) {
        HallThermalProblem p;
        p.hallId = h.id;
        p.hallName = h.name;
        ThermalGridSpec &spec = p.spec;
        spec.cellMm = h.tileMm > 0 ? h.tileMm : 600.0;
        while (std::ceil(h.widthMm / spec.cellMm) * std::ceil(h.depthMm / spec.cellMm) > a.thermalMaxCellsPerHall)
            spec.cellMm *= 2.0;
        spec.nx = std::max(1, int(std::ceil(h.widthMm / spec.cellMm)));
        spec.ny = std::max(1, int(std::ceil(h.depthMm / spec.cellMm)));
        const int n = spec.nx * spec.ny;
        spec.mixingWPerK = a.thermalMixingWPerK;
        spec.wallOpenFraction = a.thermalWallOpenFraction;
        spec.ambientC = a.supplyAirC + 2.0;
        spec.solid.assign(std::size_t(n), 0);
        spec.zone.assign(std::size_t(n), 0);
        const double cell = spec.cellMm;
        auto cellAt = [&](QPointF p) {
            const int x = std::clamp(int(std::floor(p.x() / cell)), 0, spec.nx - 1);
            const int y = std::clamp(int(std::floor(p.y() / cell)), 0, spec.ny - 1);
            return y * spec.nx + x;
        };
        auto cellCentre = [&](int i) { return QPointF((i % spec.nx + 0.5) * cell, (i / spec.nx + 0.5) * cell); };
        // Cells whose centre lies in `r` (half-open, so adjacent items do not share a tile).
        auto cellsIn = [&](const QRectF &r) {
            std::vector<int> out;
            const int x0 = std::max(0, int(std::ceil(r.left() / cell - 0.5))), x1 = std::min(spec.nx - 1, int(std::ceil(r.right() / cell - 0.5)) - 1);
            const int y0 = std::max(0, int(std::ceil(r.top() / cell - 0.5))), y1 = std::min(spec.ny - 1, int(std::ceil(r.bottom() / cell - 0.5)) - 1);
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x)
                    out.push_back(y * spec.nx + x);
            return out;
        };
        // The first non-solid cell from `p` on along `d` (a few tiles at most).
        auto openCellFrom = [&](QPointF p, QPointF d) {
            int c = cellAt(p);
            for (int step = 0; step < 4 && spec.solid[std::size_t(c)]; ++step) {
                p += d * cell;
                if (p.x() < 0.0 || p.y() < 0.0 || p.x() >= h.widthMm || p.y() >= h.depthMm)
                    break;
                c = cellAt(p);
            }
            return c;
        };

        std::vector<const PlacedRack *> hallRacks;
        for (const PlacedRack &r : racks)
            if (r.hall == h.id && !r.e->inYard())
                hallRacks.push_back(&r);
        for (const PlacedRack *r : hallRacks)
            for (int c : cellsIn(r->e->footprintMm()))
                spec.solid[std::size_t(c)] = 1;
        std::vector<int> hotAisleZones;
        int zoneId = 0;
        for (const Structure &s : plan.structures()) {
            if (s.hallId != h.id)
                continue;
            if (s.kind == StructureKind::Wall || s.kind == StructureKind::Column) {
                for (int c : cellsIn(s.rectMm))
                    spec.solid[std::size_t(c)] = 1;
            } else if (s.kind == StructureKind::HotAisle || s.kind == StructureKind::ColdAisle) {
                ++zoneId;
                for (int c : cellsIn(s.rectMm))
                    spec.zone[std::size_t(c)] = zoneId;
                if (s.kind == StructureKind::HotAisle)
                    hotAisleZones.push_back(zoneId);
            }
        }

        // Racks: one fan per tile column of the footprint's front edge.
        std::vector<ThermalSource> sources;
        std::vector<std::pair<EquipmentId, std::vector<std::size_t>>> rackSources;
        for (const PlacedRack *r : hallRacks) {
            const double heatW = (r->airKw + (noCdu.contains(r->e->id()) ? r->liquidKw : 0.0)) * 1000.0;
            const QRectF fp = r->e->footprintMm();
            const QPointF d = rackFrontDirection(r->e->rotationDeg());
            const QPointF along(std::abs(d.y()), std::abs(d.x()));
            const double lengthMm = std::abs(d.y()) > 0.5 ? fp.width() : fp.height();
            const double halfDepthMm = (std::abs(d.y()) > 0.5 ? fp.height() : fp.width()) / 2.0;
            const int columns = std::max(1, int(std::lround(lengthMm / cell)));
            std::vector<std::size_t> idx;
            for (int j = 0; j < columns; ++j) {
                const QPointF p = fp.center() + along * ((j + 0.5) * lengthMm / columns - lengthMm / 2.0);
                ThermalSource s;
                s.watts = heatW / columns;
                s.intakeCell = openCellFrom(p + d * (halfDepthMm + cell / 2.0), d);
                s.cell = openCellFrom(p - d * (halfDepthMm + cell / 2.0), -d);
                s.airflowM3PerS = engine::airflowForHeatM3PerS(s.watts, a.thermalRackDeltaK);
                idx.push_back(sources.size());
                sources.push_back(s);
            }
            rackSources.push_back({r->e->id(), std::move(idx)});
        }
        const std::size_t rackSourceCount = sources.size();
        // Losses of indoor UPS and distribution units heat the hall air.
        for (const FacilityUnitStatus &u : facility.powerUnits) {
            const Equipment *e = plan.equipment(u.id);
            if (!e || e->inYard() || e->hallId() != h.id || u.lossKw <= 0.0 || u.category == QLatin1String("transformer"))
                continue;
            sources.push_back({cellAt(e->footprintMm().center()), u.lossKw * 1000.0});
        }

        // Air cooling units.
        std::vector<ThermalSink> sinks;
        std::vector<bool> roomReturn; // draws room air (CRAH, in-row): shares the hot-aisle return
        for (const AirUnit &u : airUnits) {
            const Equipment *e = plan.equipment(u.id);
            if (e->hallId() != h.id || e->inYard())
                continue;
            ThermalSink s;
            const QRectF fp = e->footprintMm();
            s.capacityW = u.capacityKw * 1000.0;
            s.supplyC = a.supplyAirC;
            s.designDeltaK = a.thermalDesignDeltaK;
            s.chilledWaterC = a.plant.airLoopSupplyC;
            if (u.type == CoolingUnitType::Crah || u.type == CoolingUnitType::InRow) {
                double alongMm = a.crahThrowMm, acrossMm = a.crahThrowMm;
                if (u.type == CoolingUnitType::InRow) {
                    alongMm = u.rowAlongX ? a.reach.inRowAlongMm : a.reach.inRowAcrossMm;
                    acrossMm = u.rowAlongX ? a.reach.inRowAcrossMm : a.reach.inRowAlongMm;
                }
                const QRectF area = fp.adjusted(-alongMm, -acrossMm, alongMm, acrossMm);
                // Supply: the rack intakes in reach, each in proportion to its airflow
                // (perforated tiles or in-row fans matched to the racks).
                for (std::size_t k = 0; k < rackSourceCount; ++k) {
                    if (area.contains(cellCentre(sources[k].intakeCell))) {
                        s.cells.push_back(sources[k].intakeCell);
                        s.weights.push_back(sources[k].airflowM3PerS);
                    }
                }
                const QPointF d = rackFrontDirection(e->rotationDeg());
                if (s.cells.empty()) // no rack in reach: supply into the room in front of the unit
                    s.cells.push_back(openCellFrom(fp.center() + d * ((std::abs(d.y()) > 0.5 ? fp.height() : fp.width()) / 2.0 + cell / 2.0), d));
                if (u.type == CoolingUnitType::Crah) {
                    for (int c : cellsIn(fp))
                        if (!spec.solid[std::size_t(c)])
                            s.returnCells.push_back(c);
                    if (s.returnCells.empty())
                        s.returnCells.push_back(cellAt(fp.center()));
                } else {
                    s.returnCells.push_back(openCellFrom(fp.center() - d * ((std::abs(d.y()) > 0.5 ? fp.height() : fp.width()) / 2.0 + cell / 2.0), -d));
                }
                s.returnWeights.assign(s.returnCells.size(), 1.0);
                roomReturn.push_back(true);
            } else { // rear door: cools the air on its own tiles
                s.cells = cellsIn(fp);
                if (s.cells.empty())
                    s.cells.push_back(cellAt(fp.center()));
                roomReturn.push_back(false);
            }
            sinks.push_back(std::move(s));
        }
        // Return air reaches the room units above the racks, which a one-layer model cannot
        // carry: contained hot aisles are ducted to the returns (ceiling plenum / chimney), and
        // of open exhaust (racks outside a hot-aisle containment, power gear) the share
        // `thermalOpenCaptureFraction` rises to the returns; the rest stays at inlet height,
        // where it can recirculate. The plumes meet in one return plenum per hall, from which each
        // room unit draws in proportion to its airflow (engine::ThermalPlenum: the same as each
        // unit drawing its share of every plume, in O(units + racks)); what the units cannot draw
        // stays in the room (or leaks out of the containment).
        auto hotAisle = [&](int c) { return std::find(hotAisleZones.begin(), hotAisleZones.end(), spec.zone[std::size_t(c)]) != hotAisleZones.end(); };
        engine::ThermalPlenum plenum; // exhaust cells, m3/s each to the returns
        double unitFlow = 0.0, plumeFlow = 0.0;
        for (std::size_t k = 0; k < sources.size(); ++k) {
            const double flow = k < rackSourceCount ? sources[k].airflowM3PerS : engine::airflowForHeatM3PerS(sources[k].watts, a.thermalRackDeltaK);
            const double capture = k < rackSourceCount && hotAisle(sources[k].cell) ? 1.0 : std::clamp(a.thermalOpenCaptureFraction, 0.0, 1.0);
            if (flow * capture > 0.0) {
                plenum.cells.push_back(sources[k].cell);
                plenum.weights.push_back(flow * capture);
                plumeFlow += flow * capture;
            }
        }
        for (std::size_t k = 0; k < sinks.size(); ++k)
            if (roomReturn[k])
                unitFlow += engine::airflowForHeatM3PerS(sinks[k].capacityW, sinks[k].designDeltaK);
        if (unitFlow > 0.0 && plumeFlow > 0.0) {
            const double drawn = std::min(unitFlow, plumeFlow); // m3/s taken from the plumes
            spec.plenums.push_back(std::move(plenum));
            for (std::size_t k = 0; k < sinks.size(); ++k) {
                if (!roomReturn[k])
                    continue;
                ThermalSink &s = sinks[k];
                const double q = engine::airflowForHeatM3PerS(s.capacityW, s.designDeltaK);
                const double fromPlumes = q / unitFlow * drawn;
                for (double &w : s.returnWeights)
                    w *= (q - fromPlumes) / double(s.returnWeights.size());
                s.plenum = int(spec.plenums.size()) - 1;
                s.plenumWeight = fromPlumes;
            }
        }
        if (sources.empty() && sinks.empty())
            continue;
        p.sources = std::move(sources);
        p.sinks = std::move(sinks);
        p.rackSources = std::move(rackSources);
        out.push_back(std::move(p));
    }
    return out;
}

void addThermalSolution(const HallThermalProblem &p, const ThermalResult &tr, FacilityResult &res)
{
    HallGrid g;
    g.hallId = p.hallId;
    g.nx = p.spec.nx;
    g.ny = p.spec.ny;
    g.cellMm = p.spec.cellMm;
    g.values.resize(qsizetype(tr.temperatureC.size()));
    for (std::size_t k = 0; k < tr.temperatureC.size(); ++k)
        g.values[qsizetype(k)] = float(tr.temperatureC[k]);
    g.maxValue = tr.maxC;
    res.thermal << g;
    QList<EquipmentId> warm, hot;
    std::vector<double> inlets;
    inlets.reserve(p.rackSources.size());
    for (const auto &[id, idx] : p.rackSources) {
        double t = -1e9;
        for (std::size_t k : idx)
            t = std::max(t, tr.sourceInletC[k]);
        res.rackInlets << RackInlet{id, p.hallId, t};
        inlets.push_back(t);
        if (t > engine::kAshraeA1AllowableMaxC)
            hot << id;
        else if (t > engine::kAshraeRecommendedMaxC)
            warm << id;
    }
    if (!inlets.empty())
        res.thermalHalls << HallThermalIndex{p.hallId, int(inlets.size()), engine::rackCoolingIndexHiPct(inlets),
                                             *std::max_element(inlets.begin(), inlets.end())};
    if (!hot.isEmpty())
        addViolation(res.violations, "inlet_above_allowable", "error", hot,
                     Tr::tr("%n rack(s) in %1 have an indicative inlet above 32 C (ASHRAE A1 allowable)", nullptr, int(hot.size())).arg(p.hallName));
    if (!warm.isEmpty())
        addViolation(res.violations, "inlet_above_recommended", "warning", warm,
                     Tr::tr("%n rack(s) in %1 have an indicative inlet above 27 C (ASHRAE recommended)", nullptr, int(warm.size())).arg(p.hallName));
}

const FacilityCatalogExtras &CatalogCache::facilityExtras(const QString &id) const
{
    if (auto it = m_extras.find(id); it != m_extras.end())
        return it->second;
    FacilityCatalogExtras x;
    if (m_catalog) {
        if (const std::optional<CatalogRow> row = m_catalog->row(CatalogKind::Equipment, id)) {
            x.curve.ratedEfficiency = row->number("efficiency").value_or(1.0);
            const QByteArray text = row->text("efficiency_curve").toLatin1();
            if (auto pts = engine::parseEfficiencyCurve(std::string_view(text.constData(), std::size_t(text.size()))))
                x.curve.points = *pts;
            x.cop = row->number("cop").value_or(0.0);
            x.batteryMinutes = row->number("battery_minutes").value_or(0.0);
            const QString key = (id + QLatin1Char(' ') + row->text("name")).toLower();
            x.airCooled = key.contains(QLatin1String("air-cooled")) || id.contains(QLatin1String("-air-"));
            x.adiabatic = key.contains(QLatin1String("adiabatic"));
        }
    }
    return m_extras.emplace(id, std::move(x)).first->second;
}

const engine::ClimateConditions &CatalogCache::climateConditions(const engine::SiteClimate &site, double sigmaC) const
{
    if (!m_climate || m_climate->sigmaC != sigmaC || !(m_climate->site == site))
        m_climate = ClimateMemo{site, sigmaC, engine::climateConditions(site, sigmaC)};
    return m_climate->conditions;
}

const engine::AnnualPue &CatalogCache::annualPue(const engine::FacilityLoad &load, const engine::SiteClimate &site) const
{
    engine::AnnualPueInputs inputs = engine::annualPueInputs(load, site, engine::kSynopticSigmaC);
    if (!m_annualPue || !(m_annualPue->first == inputs)) {
        const engine::AnnualPue result = engine::annualPue(load, site, climateConditions(site, engine::kSynopticSigmaC));
        m_annualPue.emplace(std::move(inputs), result);
    }
    return m_annualPue->second;
}

FacilityResult facilityAnalysis(const FloorPlan &plan, const CatalogCache &cache, const FacilityAssumptions &a)
{
    FacilityResult res;
    QHash<HallId, int> siteOfHall;
    for (const Hall &h : plan.halls())
        siteOfHall.insert(h.id, int(siteOfHall.size()));

    PowerChainInput pin;
    pin.deratingFraction = a.deratingFraction;
    pin.target = a.powerTarget;
    CoolingInput cin;
    cin.reach = a.reach;
    cin.target = a.coolingTarget;
    cin.fanExponent = a.fanExponent;
    PlantSpec plant;
    double chillerCopWeighted = 0.0, airCooledChillerKw = 0.0;
    std::vector<PlacedRack> racks;
    QHash<EquipmentId, QString> categoryOf;
    QHash<EquipmentId, bool> indoorUnit;

    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
        if (!r.found)
            continue;
        const QPointF c = e.footprintMm().center();
        const int site = siteOfHall.value(e.hallId(), 0);
        if (!r.isSystem)
            categoryOf.insert(e.id(), r.category);
        if (std::optional<PlacedRack> pr = placedRack(e, r)) {
            pr->site = site;
            racks.push_back(*pr);
            continue;
        }
        const QString &cat = r.category;
        if (cat == QLatin1String("transformer") || cat == QLatin1String("ups") || isDistribution(cat)) {
            const FacilityCatalogExtras &x = cache.facilityExtras(e.catalogId());
            PowerUnit u;
            u.id = e.id();
            u.kind = cat == QLatin1String("transformer") ? PowerUnitKind::Transformer
                     : cat == QLatin1String("ups")       ? PowerUnitKind::Ups
                                                         : PowerUnitKind::Distribution;
            u.capacityKw = r.capacityKw;
            u.efficiency = x.curve;
            u.xMm = c.x();
            u.yMm = c.y();
            u.site = site;
            u.group = e.properties().value(QStringLiteral("redundancy_group")).toString().toStdString();
            u.batteryMinutes = x.batteryMinutes;
            pin.units.push_back(u);
            indoorUnit.insert(e.id(), !e.inYard());
        } else if (cat == QLatin1String("generator")) {
            res.generatorKw += r.capacityKw;
        } else if (const std::optional<CoolingUnitType> t = coolingType(cat)) {
            CoolingUnit u;
            u.id = e.id();
            u.type = *t;
            u.capacityKw = r.capacityKw;
            u.ratedPowerKw = r.ownPowerKw;
            u.xMm = c.x();
            u.yMm = c.y();
            u.site = site;
            u.rowAlongX = e.rotationDeg() % 180 == 0;
            cin.units.push_back(u);
        } else if (cat == QLatin1String("chiller")) {
            const FacilityCatalogExtras &x = cache.facilityExtras(e.catalogId());
            plant.chillerCapacityKw += r.capacityKw;
            chillerCopWeighted += r.capacityKw * x.cop;
            if (x.airCooled)
                airCooledChillerKw += r.capacityKw;
        } else if (cat == QLatin1String("drycooler")) {
            plant.dryCoolerCapacityKw += r.capacityKw;
            plant.dryCoolerFanKw += r.ownPowerKw;
            plant.adiabaticDryCooler = plant.adiabaticDryCooler || cache.facilityExtras(e.catalogId()).adiabatic;
        } else if (cat == QLatin1String("coolingtower")) {
            plant.towerCapacityKw += r.capacityKw;
            plant.towerFanKw += r.ownPowerKw;
        }
    }

    // Explicit connections (proposed document property "fed_from": list of upstream ids).
    auto explicitFeeds = [&](const Equipment &e, std::uint64_t to) {
        const QVariantList from = e.properties().value(QStringLiteral("fed_from")).toList();
        for (const QVariant &v : from)
            pin.explicitEdges.push_back({v.toULongLong(), to});
    };
    for (const PowerUnit &u : pin.units)
        explicitFeeds(*plan.equipment(u.id), u.id);

    // Power chain.
    for (const PlacedRack &pr : racks) {
        // A multi-rack system (CloudMatrix 384: 12 compute racks) is fed rack by rack, not as
        // one 559 kW cord: split its load over its compute racks, spread along the footprint.
        // The sub-loads share the equipment id; results are de-duplicated by toList().
        const ResolvedCatalogItem &r = cache.resolve(pr.e->kind(), pr.e->catalogId());
        const int parts = (r.isSystem && r.defaultUnitsPerRack <= 1 && r.racks > 1) ? std::max(1, r.computeRacks) : 1;
        const QRectF fp = pr.e->footprintMm();
        const bool alongX = fp.width() >= fp.height();
        for (int k = 0; k < parts; ++k) {
            PowerLoad l;
            l.id = pr.e->id();
            l.itKw = pr.itKw / parts;
            l.dualCorded = pr.e->properties().value(QStringLiteral("dual_corded"), true).toBool();
            const double t = (k + 0.5) / parts;
            l.xMm = alongX ? fp.left() + t * fp.width() : fp.center().x();
            l.yMm = alongX ? fp.center().y() : fp.top() + t * fp.height();
            l.site = pr.site;
            pin.loads.push_back(l);
        }
        explicitFeeds(*pr.e, pr.e->id());
        res.itKw += pr.itKw;
    }
    res.hasPowerChain = !pin.units.empty();
    res.deratingFraction = a.deratingFraction;
    PowerChainResult pr = analysePowerChain(pin, &cache.powerChainMemo());
    res.deliverableKw = pr.deliverableKw;
    res.powerShortfallKw = pr.shortfallKw;
    res.powerRedundancy = QString::fromLatin1(redundancyKey(pr.achieved).data(), qsizetype(redundancyKey(pr.achieved).size()));
    res.powerMeetsTarget = pr.meetsTarget;
    res.powerNMinus1Ok = pr.nMinus1Ok;
    double indoorLossKw = 0.0;
    QList<EquipmentId> overDerated, lowBattery;
    for (const PowerUnitResult &u : pr.units) {
        FacilityUnitStatus s;
        s.id = u.id;
        s.category = categoryOf.value(u.id);
        s.capacityKw = u.capacityKw;
        s.loadKw = u.outputKw;
        s.utilisation = u.utilisation;
        s.lossKw = u.lossKw;
        s.overloaded = u.overDerated;
        s.batteryMinutes = u.batteryMinutesAtLoad;
        s.feeds = toList(u.parents);
        s.group = u.upsSystem;
        res.powerUnits << s;
        if (u.overDerated)
            overDerated << u.id;
        if (u.kind == PowerUnitKind::Ups && u.outputKw > 0.0 && u.batteryMinutesAtLoad < a.minBatteryMinutes)
            lowBattery << u.id;
        if (indoorUnit.value(u.id) && u.kind != PowerUnitKind::Transformer)
            indoorLossKw += u.lossKw;
    }
    // A multi-rack system is several loads with one id: list it once (its first part). A
    // linear search here was quadratic: ~4 ms on 3,600 racks.
    QSet<EquipmentId> listedRacks;
    listedRacks.reserve(qsizetype(pr.loads.size()));
    res.rackFeeds.reserve(qsizetype(pr.loads.size()));
    for (const LoadFeeds &lf : pr.loads) {
        if (listedRacks.contains(lf.loadId))
            continue;
        listedRacks.insert(lf.loadId);
        res.rackFeeds << RackFeedStatus{lf.loadId, toList(lf.feeds), lf.redundant};
    }
    auto kindKey = [](PowerUnitKind k) {
        return k == PowerUnitKind::Transformer ? QStringLiteral("transformer") : k == PowerUnitKind::Ups ? QStringLiteral("ups") : QStringLiteral("distribution");
    };
    // A list of every load becomes the one list of every rack, shared by all cases (NMinus1Case).
    QList<EquipmentId> everyRack;
    auto racksOf = [&](const engine::LoadIdList &loads) {
        if (!loads.isEveryLoad())
            return rackList(loads.ids());
        if (everyRack.isEmpty())
            everyRack = rackList(loads.ids());
        return everyRack;
    };
    for (const FailureResult &f : pr.nMinus1)
        res.nMinus1 << NMinus1Case{toList(f.failedIds), kindKey(f.kind), racksOf(f.loadsLosingPower), racksOf(f.loadsLosingRedundancy),
                                   racksOf(f.loadsAtRisk), toList(f.overloadedUnits), f.shortfallKw, f.ok};
    for (const FailureResult &f : pr.systemFailures)
        res.nMinus1 << NMinus1Case{toList(f.failedIds), QStringLiteral("ups_system"), racksOf(f.loadsLosingPower), racksOf(f.loadsLosingRedundancy),
                                   racksOf(f.loadsAtRisk), toList(f.overloadedUnits), f.shortfallKw, f.ok};
    if (res.itKw > 0.0 && !res.hasPowerChain)
        addViolation(res.violations, "power_chain_missing", "warning", {},
                     Tr::tr("no transformer, UPS or distribution unit is placed: the power chain and its losses are not modelled"));
    if (res.hasPowerChain) {
        if (!overDerated.isEmpty())
            addViolation(res.violations, "power_overload", "error", overDerated,
                         Tr::tr("%n power unit(s) carry more than %1 % of their rating", nullptr, int(overDerated.size())).arg(a.deratingFraction * 100.0, 0, 'f', 0));
        if (pr.shortfallKw > 1e-3)
            addViolation(res.violations, "power_shortfall", "error", {},
                         Tr::tr("the power chain can deliver %1 kW of the %2 kW IT load at derated ratings").arg(pr.deliverableKw, 0, 'f', 0).arg(res.itKw, 0, 'f', 0));
        if (!pr.meetsTarget) {
            QList<EquipmentId> affected;
            QSet<EquipmentId> affectedSet;
            int failing = 0;
            for (const NMinus1Case &c : res.nMinus1) {
                if (c.ok)
                    continue;
                ++failing;
                // Once every rack is listed the rest can add nothing (an overloaded chain puts
                // every rack at risk in every case: 1.5 million look-ups on 4,000 racks).
                if (affected.size() == res.rackFeeds.size())
                    continue;
                for (const QList<EquipmentId> *list : {&c.losingPower, &c.atRisk}) {
                    for (EquipmentId id : *list) {
                        if (!affectedSet.contains(id)) {
                            affectedSet.insert(id);
                            affected << id;
                        }
                    }
                }
            }
            addViolation(res.violations, "power_redundancy", "warning", affected,
                         Tr::tr("power redundancy is %1, target %2 (%3 single failure(s) drop or overload racks)")
                             .arg(res.powerRedundancy, QString::fromLatin1(redundancyKey(a.powerTarget).data()))
                             .arg(failing));
        }
        if (!lowBattery.isEmpty())
            addViolation(res.violations, "battery_autonomy", "warning", lowBattery,
                         Tr::tr("%n UPS unit(s) hold less than %1 min of battery at their load", nullptr, int(lowBattery.size())).arg(a.minBatteryMinutes, 0, 'f', 0));
    }

    // Cooling: rack heat plus the heat of indoor power gear.
    for (const PlacedRack &r : racks) {
        const QPointF c = r.e->footprintMm().center();
        cin.loads.push_back({r.e->id(), r.airKw, r.liquidKw, r.immersionKw, c.x(), c.y(), r.site, true});
    }
    for (std::size_t i = 0; i < pin.units.size(); ++i) { // pr.units is in input order
        const PowerUnit &u = pin.units[i];
        const PowerUnitResult &ur = pr.units[i];
        if (indoorUnit.value(u.id) && ur.lossKw > 0.0 && u.kind != PowerUnitKind::Transformer)
            cin.loads.push_back({u.id, ur.lossKw, 0.0, 0.0, u.xMm, u.yMm, u.site, false});
    }
    const CoolingResult cr = analyseCooling(cin);
    res.airHeatKw = cr.airHeatKw;
    res.liquidHeatKw = cr.liquidHeatKw;
    res.coolingNMinus1Ok = cr.allZonesNPlus1 && cr.allZonesOk;
    QHash<int, HallId> hallOfSite;
    for (auto it = siteOfHall.begin(); it != siteOfHall.end(); ++it)
        hallOfSite.insert(it.value(), it.key());
    for (std::size_t i = 0; i < cr.units.size(); ++i) {
        const CoolingUnitResult &u = cr.units[i];
        FacilityUnitStatus s;
        s.id = u.id;
        s.category = categoryOf.value(u.id);
        s.capacityKw = cin.units[i].capacityKw;
        s.loadKw = u.loadKw;
        s.utilisation = u.utilisation;
        s.powerKw = u.powerKw;
        s.group = u.zone;
        s.overloaded = u.zone >= 0 && cr.zones[std::size_t(u.zone)].overCapacity;
        res.coolingUnits << s;
    }
    QList<EquipmentId> notN1;
    for (const CoolingZone &z : cr.zones) {
        const QString medium = z.medium == CoolingMedium::Air ? QStringLiteral("air") : z.medium == CoolingMedium::Liquid ? QStringLiteral("liquid") : QStringLiteral("immersion");
        res.coolingZones << CoolingZoneStatus{medium, hallOfSite.value(z.site), toList(z.unitIds), int(z.loadIds.size()), z.demandKw,
                                              z.capacityKw, z.capacityNMinus1Kw, z.overCapacity, z.nPlus1Ok};
        if (z.overCapacity) {
            addViolation(res.violations, "cooling_zone_over_capacity", "error", toList(z.unitIds),
                         Tr::tr("%1 cooling zone: %2 kW of heat, %3 kW of capacity").arg(medium).arg(z.demandKw, 0, 'f', 0).arg(z.capacityKw, 0, 'f', 0));
        } else if (!z.nPlus1Ok && int(a.coolingTarget) >= int(RedundancyMode::NPlus1)) {
            notN1 << toList(z.unitIds);
        }
    }
    if (!notN1.isEmpty())
        addViolation(res.violations, "cooling_not_n1", "warning", notN1,
                     Tr::tr("cooling zones lose capacity below their heat when their largest unit fails (not N+1)"));
    res.liquidWithoutCdu = toList(cr.loadsWithoutLiquid);
    if (!cr.loadsWithoutLiquid.empty())
        addViolation(res.violations, "cooling_no_cdu", "error", toList(cr.loadsWithoutLiquid),
                     Tr::tr("%n liquid-cooled rack(s) have no CDU within reach", nullptr, int(cr.loadsWithoutLiquid.size())));
    if (!cr.loadsWithoutImmersion.empty())
        addViolation(res.violations, "cooling_no_immersion", "error", toList(cr.loadsWithoutImmersion),
                     Tr::tr("%n immersion system(s) have no immersion cooling unit within reach", nullptr, int(cr.loadsWithoutImmersion.size())));
    if (!cr.loadsWithoutAir.empty())
        addViolation(res.violations, "cooling_no_air", "error", toList(cr.loadsWithoutAir),
                     Tr::tr("%n rack(s) reject heat to air with no air cooling unit within reach", nullptr, int(cr.loadsWithoutAir.size())));

    // Plant and PUE.
    std::optional<SiteClimate> site = shippedClimateSite(a.siteId);
    if (!site) {
        addViolation(res.violations, "unknown_site", "warning", {}, Tr::tr("unknown climate site '%1'; using Beijing").arg(a.siteId));
        site = shippedClimateSite(QStringLiteral("beijing"));
    }
    if (!site) { // resources missing: a neutral 20 C / 60 % climate
        site = SiteClimate{};
        site->id = "none";
        site->name = "none";
        site->dryBulbC.fill(20.0);
        site->relHumidityPct.fill(60.0);
        site->gridKgCo2PerKwh = 0.5568;
    }
    if (a.gridKgCo2PerKwh)
        site->gridKgCo2PerKwh = *a.gridKgCo2PerKwh;
    res.siteId = QString::fromStdString(site->id);
    res.siteName = QString::fromStdString(site->name);
    res.siteNameZh = QString::fromStdString(site->nameZh);
    res.climateConfidence = QString::fromStdString(site->confidence);
    res.gridKgCo2PerKwh = site->gridKgCo2PerKwh;

    double hallAreaM2 = 0.0;
    for (const Hall &h : plan.halls())
        hallAreaM2 += h.areaM2();
    FacilityLoad fl;
    fl.itKw = res.itKw;
    fl.upsLossKw = pr.upsLossKw;
    fl.distributionLossKw = pr.distributionLossKw;
    fl.powerLossesIndoors = true;
    fl.airItHeatKw = 0.0;
    fl.liquidItHeatKw = 0.0;
    for (const PlacedRack &r : racks) {
        fl.airItHeatKw += r.airKw;
        fl.liquidItHeatKw += r.liquidKw + r.immersionKw;
    }
    // Indoor losses enter the air loop; losses of yard units do not heat the hall.
    const double totalIndoorCapable = pr.upsLossKw + pr.distributionLossKw;
    if (totalIndoorCapable > 0.0 && indoorLossKw < totalIndoorCapable) {
        fl.powerLossesIndoors = false;
        fl.airItHeatKw += indoorLossKw;
    }
    fl.airUnitPowerKw = cr.airUnitPowerKw;
    fl.liquidUnitPowerKw = cr.liquidUnitPowerKw;
    fl.lightingKw = a.lightingWPerM2 * hallAreaM2 / 1000.0;
    fl.otherKw = a.otherFractionOfIt * res.itKw;
    fl.setpoints = a.plant;
    fl.setpoints.fanExponent = a.fanExponent;
    const double heatKw = fl.airItHeatKw + fl.liquidItHeatKw + indoorLossKw + fl.airUnitPowerKw + fl.liquidUnitPowerKw + fl.lightingKw;
    const bool anyPlant = plant.chillerCapacityKw > 0.0 || plant.dryCoolerCapacityKw > 0.0 || plant.towerCapacityKw > 0.0;
    if (plant.chillerCapacityKw > 0.0) {
        plant.chillerCopRated = chillerCopWeighted / plant.chillerCapacityKw;
        plant.chillerType = airCooledChillerKw * 2.0 >= plant.chillerCapacityKw ? ChillerType::AirCooled : ChillerType::WaterCooled;
    }
    if (!anyPlant && heatKw > 0.0) {
        plant.assumed = true;
        plant.chillerType = ChillerType::WaterCooled;
        plant.chillerCopRated = a.defaultPlantCop;
        plant.chillerCapacityKw = heatKw * 1.25;
        plant.towerCapacityKw = heatKw * 1.25;
        plant.towerFanKw = plant.towerCapacityKw * 45.0 / 3500.0; // catalog coolingtower-3500kw: 45 kW fans
        addViolation(res.violations, "plant_assumed", "warning", {},
                     Tr::tr("no chiller, dry cooler or cooling tower is placed: PUE assumes water-cooled chillers (COP %1) with cooling towers and economiser")
                         .arg(a.defaultPlantCop, 0, 'f', 1));
    } else if (plant.chillerCapacityKw > 0.0 && plant.chillerType == ChillerType::WaterCooled && plant.towerCapacityKw + plant.dryCoolerCapacityKw <= 0.0) {
        plant.towerCapacityKw = plant.chillerCapacityKw * 1.25;
        plant.towerFanKw = plant.towerCapacityKw * 45.0 / 3500.0;
        plant.assumed = true;
        addViolation(res.violations, "plant_assumed", "warning", {},
                     Tr::tr("water-cooled chillers are placed without cooling towers or dry coolers: towers are assumed"));
    }
    fl.plant = plant;
    fl.powerInput = std::move(pin); // not used below: moving saves copying ~10,000 vectors
    fl.powerResult = std::move(pr);
    res.plant = plant;
    if (res.itKw > 0.0) {
        res.annual = cache.annualPue(fl, *site);
        res.design = res.annual.design;
        res.pueDesign = res.design.pue;
        res.pueAnnual = res.annual.pueAnnual;
        res.wueLitresPerKwh = res.annual.wueLitresPerKwh;
        res.energyMwhPerYear = res.annual.totalMwh;
        res.co2TonnesPerYear = res.annual.co2Tonnes;
        res.compliance = chinaPueCompliance(res.pueAnnual, site->targetClass);
        for (const PueCompliance &c : res.compliance) {
            if (c.applicable && !c.pass && (c.key == "cn-western-hub" || c.key == "cn-hub" || c.key == "cn-new-large"))
                addViolation(res.violations, "pue_target", "warning", {},
                             Tr::tr("annual PUE %1 misses the target: %2").arg(res.pueAnnual, 0, 'f', 3).arg(pueTargetText(c)));
        }
        // Plant capacity at the design point.
        const double rejectCap = plant.towerCapacityKw + plant.dryCoolerCapacityKw + airCooledChillerKw;
        const PlantPower dp = plantPower(plant, fl.setpoints, heatKw - fl.liquidItHeatKw - fl.liquidUnitPowerKw, fl.liquidItHeatKw + fl.liquidUnitPowerKw,
                                         res.annual.designOutdoor);
        const double mechKw = (1.0 - dp.airLoop.economiserFraction) * dp.airLoop.heatKw + (1.0 - dp.liquidLoop.economiserFraction) * dp.liquidLoop.heatKw;
        if (!plant.assumed && rejectCap > 0.0 && rejectCap < heatKw + dp.chillerKw)
            addViolation(res.violations, "plant_capacity", "error", {},
                         Tr::tr("heat rejection capacity %1 kW is below the %2 kW to reject at the design point").arg(rejectCap, 0, 'f', 0).arg(heatKw + dp.chillerKw, 0, 'f', 0));
        if (mechKw > 1e-6 && plant.chillerCapacityKw <= 0.0)
            addViolation(res.violations, "mechanical_cooling_missing", "error", {},
                         Tr::tr("at the design point (%1 C) %2 kW need mechanical cooling but no chiller is placed").arg(res.annual.designOutdoor.dryBulbC, 0, 'f', 1).arg(mechKw, 0, 'f', 0));
        else if (plant.chillerCapacityKw > 0.0 && plant.chillerCapacityKw < mechKw)
            addViolation(res.violations, "chiller_capacity", "error", {},
                         Tr::tr("chiller capacity %1 kW is below the %2 kW of mechanical cooling at the design point").arg(plant.chillerCapacityKw, 0, 'f', 0).arg(mechKw, 0, 'f', 0));
        const double designFacilityKw = res.design.totalKw;
        if (res.generatorKw > 0.0 && res.generatorKw * a.deratingFraction < designFacilityKw)
            addViolation(res.violations, "generator_capacity", "warning", {},
                         Tr::tr("generators (%1 kW, %2 kW derated) do not cover the %3 kW facility load at the design point")
                             .arg(res.generatorKw, 0, 'f', 0).arg(res.generatorKw * a.deratingFraction, 0, 'f', 0).arg(designFacilityKw, 0, 'f', 0));
    }

    // Thermal map per hall (the editor's overlay builds the same problems and solves them on a worker).
    if (a.thermalMap) {
        for (const HallThermalProblem &p : thermalProblems(plan, cache, a, res)) {
            const ThermalResult solved = solveThermal(p.spec, p.sources, p.sinks);
            if (solved.ok)
                addThermalSolution(p, solved, res);
        }
    }
    floorLoading(plan, cache, a, res);
    aislesAndDoors(plan, cache.scratch(), res);
    return res;
}

} // namespace th
