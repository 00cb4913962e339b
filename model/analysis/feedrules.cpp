// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/feedrules.h"

#include "model/analysis/catalogcache.h"
#include "model/analysis/facilityanalysis.h"
#include "model/document/floorplan.h"

#include <QCoreApplication>
#include <QSet>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FeedRules)
};

QString levelName(FeedLevel level)
{
    switch (level) {
    case FeedLevel::Transformer: return Tr::tr("a transformer");
    case FeedLevel::Ups: return Tr::tr("a UPS");
    case FeedLevel::Distribution: return Tr::tr("a PDU, RPP or busway");
    case FeedLevel::Load: return Tr::tr("a rack");
    case FeedLevel::None: break;
    }
    return Tr::tr("an item outside the power chain");
}

/// Whether `from` is reachable from `start` going upstream through drawn feeds.
bool drawnUpstreamReaches(const FloorPlan &plan, EquipmentId start, EquipmentId target)
{
    QList<EquipmentId> stack{start};
    QSet<EquipmentId> seen;
    while (!stack.isEmpty()) {
        const EquipmentId id = stack.takeLast();
        if (id == target)
            return true;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        if (const Equipment *e = plan.equipment(id))
            stack << explicitFeeds(*e);
    }
    return false;
}

} // namespace

FeedLevel feedLevel(const Equipment &e, const CatalogCache &cache)
{
    const ResolvedCatalogItem &r = cache.resolve(e.kind(), e.catalogId());
    if (!r.found)
        return FeedLevel::None;
    if (r.isSystem)
        return FeedLevel::Load;
    const QString &c = r.category;
    if (c == QLatin1String("transformer"))
        return FeedLevel::Transformer;
    if (c == QLatin1String("ups"))
        return FeedLevel::Ups;
    if (c == QLatin1String("pdu") || c == QLatin1String("rpp") || c == QLatin1String("busway"))
        return FeedLevel::Distribution;
    if (c == QLatin1String("network_rack") || c == QLatin1String("storage_rack"))
        return FeedLevel::Load;
    return FeedLevel::None;
}

QList<EquipmentId> explicitFeeds(const Equipment &e)
{
    QList<EquipmentId> out;
    for (const QVariant &v : e.properties().value(QStringLiteral("fed_from")).toList())
        out << EquipmentId(v.toULongLong());
    return out;
}

FeedCheck checkFeed(const FloorPlan &plan, const CatalogCache &cache, EquipmentId downstream, EquipmentId upstream, FeedSide side)
{
    FeedCheck c;
    const Equipment *down = plan.equipment(downstream);
    const Equipment *up = plan.equipment(upstream);
    if (!down || !up) {
        c.reason = Tr::tr("the item no longer exists");
        return c;
    }
    if (downstream == upstream) {
        c.reason = Tr::tr("a unit cannot feed itself");
        return c;
    }
    const FeedLevel dl = feedLevel(*down, cache);
    const FeedLevel ul = feedLevel(*up, cache);
    if (dl == FeedLevel::None || ul == FeedLevel::None) {
        c.reason = Tr::tr("only transformers, UPS, PDUs/RPPs/busways and racks take part in the power chain");
        return c;
    }
    if (dl == FeedLevel::Transformer) {
        c.reason = Tr::tr("a transformer takes the utility supply; nothing on the plan feeds it");
        return c;
    }
    if (ul == FeedLevel::Load) {
        c.reason = Tr::tr("a rack cannot feed other equipment");
        return c;
    }
    const bool downward = int(ul) < int(dl) || (ul == FeedLevel::Distribution && dl == FeedLevel::Distribution);
    if (!downward) {
        c.reason = Tr::tr("%1 cannot feed %2: power flows transformer → UPS → PDU → rack").arg(levelName(ul), levelName(dl));
        return c;
    }
    if (drawnUpstreamReaches(plan, upstream, downstream)) {
        c.reason = Tr::tr("this feed would close a loop: the upstream unit is already fed through this one");
        return c;
    }
    QList<EquipmentId> feeds = explicitFeeds(*down);
    if (side == FeedSide::B) {
        if (dl != FeedLevel::Load) {
            c.reason = Tr::tr("only racks have a B feed");
            return c;
        }
        if (!down->properties().value(QStringLiteral("dual_corded"), true).toBool()) {
            c.reason = Tr::tr("this rack is single-corded: it has no B feed");
            return c;
        }
        if (feeds.isEmpty()) {
            c.reason = Tr::tr("draw the A feed first");
            return c;
        }
        if (feeds.front() == upstream) {
            c.reason = Tr::tr("the B feed must come from another unit than the A feed");
            return c;
        }
        if (feeds.size() >= 2)
            feeds[1] = upstream;
        else
            feeds << upstream;
    } else {
        if (feeds.size() >= 2 && feeds[1] == upstream && dl == FeedLevel::Load) {
            c.reason = Tr::tr("this unit is already the rack's B feed");
            return c;
        }
        if (feeds.isEmpty())
            feeds << upstream;
        else
            feeds[0] = upstream;
    }
    c.ok = true;
    for (EquipmentId id : feeds)
        c.fedFrom << QVariant(qlonglong(id)); // as the plan reader stores JSON integers
    return c;
}

AdoptedFeeds automaticFeedsToDraw(const FloorPlan &plan, const CatalogCache &cache, const FacilityResult &facility,
                                  const QList<EquipmentId> &scope)
{
    AdoptedFeeds out;
    QHash<EquipmentId, QList<EquipmentId>> automatic;
    for (const RackFeedStatus &r : facility.rackFeeds)
        automatic.insert(r.id, r.feeds);
    for (const FacilityUnitStatus &u : facility.powerUnits)
        automatic.insert(u.id, u.feeds);
    QList<EquipmentId> ids = scope;
    if (ids.isEmpty()) {
        for (int i = 0; i < plan.equipmentCount(); ++i)
            ids << plan.equipmentAt(i).id();
    }
    for (EquipmentId id : std::as_const(ids)) {
        const Equipment *e = plan.equipment(id);
        if (!e)
            continue;
        const FeedLevel level = feedLevel(*e, cache);
        if (level == FeedLevel::None || level == FeedLevel::Transformer)
            continue;
        if (!explicitFeeds(*e).isEmpty()) {
            ++out.alreadyDrawn;
            continue;
        }
        const QList<EquipmentId> feeds = automatic.value(id);
        if (feeds.isEmpty())
            continue;
        const bool rack = level == FeedLevel::Load;
        const bool dual = rack && e->properties().value(QStringLiteral("dual_corded"), true).toBool();
        if (feeds.size() > (dual ? 2 : 1)) {
            ++out.notRepresentable;
            continue;
        }
        QVariantList list;
        bool legal = true;
        for (EquipmentId up : feeds) {
            // Direction and loops only: the B side is checked as a link of its own.
            const QVariant v = QVariant(qlonglong(up)); // as the plan reader stores JSON integers
            legal = legal && checkFeed(plan, cache, id, up, FeedSide::A).ok && !list.contains(v);
            list << v;
        }
        if (legal)
            out.fedFrom.insert(id, list);
    }
    return out;
}

} // namespace th
