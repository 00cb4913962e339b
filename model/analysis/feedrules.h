// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariantList>

namespace th {

class CatalogCache;
class FloorPlan;

/// Where an item sits in the power chain transformer -> UPS -> distribution -> rack (issue 5).
/// Ordered: a feed always runs from a lower level to a higher one.
enum class FeedLevel { None, Transformer, Ups, Distribution, Load };

/// The A feed (first entry of `fed_from`) or the B feed (second; dual-corded racks only).
enum class FeedSide { A, B };

/// The level of an item from its catalog row: transformer, ups, pdu/rpp/busway, compute systems
/// and network/storage racks (loads); None for everything else (cooling, generators, missing rows).
FeedLevel feedLevel(const Equipment &e, const CatalogCache &cache);

/// The upstream ids the user drew for an item (`fed_from` property; A first), unknown ids included.
QList<EquipmentId> explicitFeeds(const Equipment &e);

/// Result of checking a proposed feed: `ok`, or why not (translated, for the status bar).
struct FeedCheck
{
    bool ok = false;
    QString reason;
    QVariantList fedFrom; ///< the item's new `fed_from` value when ok
};

/**
 * Checks that `upstream` may feed `downstream` on `side` and returns the new `fed_from` list.
 * Legal links (docs/facility-model.md §2, "Connection tool"):
 *  - both items exist, are different and are in the power chain; transformers take the utility
 *    supply, so nothing on the plan feeds them, and racks feed nothing;
 *  - the direction is down the chain: transformer -> UPS, transformer/UPS -> distribution,
 *    any unit -> rack; distribution may feed distribution (a PDU feeding an RPP or a busway);
 *  - the new link closes no cycle through the user-drawn feeds (automatic feeds never run
 *    between two distribution units, so only drawn ones can form one);
 *  - a B feed is for dual-corded racks only (`dual_corded` not false), needs a drawn A feed and
 *    must come from another unit than A.
 * Setting A replaces the first entry (keeping a drawn B); setting B replaces or adds the second.
 */
FeedCheck checkFeed(const FloorPlan &plan, const CatalogCache &cache, EquipmentId downstream, EquipmentId upstream, FeedSide side);

struct FacilityResult;

/// The automatic feeds of a facility analysis, to be written as drawn feeds (`fed_from`).
struct AdoptedFeeds
{
    QHash<EquipmentId, QVariant> fedFrom; ///< per item: its new `fed_from` (A first)
    int alreadyDrawn = 0;                 ///< items in scope that have drawn feeds (left alone)
    int notRepresentable = 0;             ///< fed by a paralleled bus (more feeds than A + B)
};

/**
 * "Assign Feeds Automatically": takes the feeds the facility analysis assigned (nearest unit
 * with spare capacity, A and B on different UPS systems; docs/facility-model.md §2) to the
 * items of `scope` (all power-chain items when empty) that have no drawn feed, so that they can
 * be written to the document in one undo step and then edited with the connection tool. A rack
 * gets its A and, when dual-corded and the analysis found one on another path, its B feed; a
 * UPS or distribution unit its single upstream unit. Items the analysis left unfed, or fed
 * from a paralleled bus (several upstream units on one side, which `fed_from` cannot express),
 * are left automatic. Every link passes checkFeed() on the plan as it is.
 */
AdoptedFeeds automaticFeedsToDraw(const FloorPlan &plan, const CatalogCache &cache, const FacilityResult &facility,
                                  const QList<EquipmentId> &scope);

} // namespace th
