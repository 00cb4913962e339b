// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace th::engine {

/**
 * Efficiency of power gear as a function of its load fraction (docs/facility-model.md §2).
 * `points` are (load fraction, efficiency) pairs sorted by load, as in the catalog's
 * efficiency_curve ("0.25:0.955;0.5:0.968;..."). Between points efficiency is interpolated
 * linearly; above the last point the last efficiency holds; below the first point the loss in kW
 * stays at its value at the first point (no-load losses dominate at light load). Without points
 * `ratedEfficiency` applies at every load.
 */
struct EfficiencyCurve
{
    std::vector<std::pair<double, double>> points;
    double ratedEfficiency = 1.0;

    /// Efficiency at a load fraction (for display; losses use lossKw()).
    double efficiencyAt(double loadFraction) const;
    /// Loss in kW of a unit rated capacityKw delivering outputKw.
    double lossKw(double outputKw, double capacityKw) const;
};

/// Parses "load:eff;load:eff;..." (catalog efficiency_curve). nullopt when malformed.
std::optional<std::vector<std::pair<double, double>>> parseEfficiencyCurve(std::string_view text);

enum class PowerUnitKind { Transformer, Ups, Distribution };

/// Redundancy levels, ordered: None (capacity short) < N < N+1 < 2N.
enum class RedundancyMode { None, N, NPlus1, TwoN };
std::string_view redundancyKey(RedundancyMode mode); ///< "none", "N", "N+1", "2N"
std::optional<RedundancyMode> redundancyFromKey(std::string_view key);

/// One transformer, UPS or distribution unit (PDU, RPP, busway run).
struct PowerUnit
{
    std::uint64_t id = 0;          ///< caller's id (unique among units and loads)
    PowerUnitKind kind = PowerUnitKind::Ups;
    double capacityKw = 0.0;       ///< rated output, kW (kVA x PF)
    EfficiencyCurve efficiency;
    double xMm = 0.0;              ///< centre, for nearest-unit assignment
    double yMm = 0.0;
    int site = 0;                  ///< hall; distances across halls get a large penalty
    /// Redundancy group: UPS units with the same group form one parallel UPS system (one bus);
    /// a distribution unit with a group attaches to the UPS system of that group. Empty: a UPS
    /// is its own system; a distribution unit picks the nearest system.
    std::string group;
    double batteryMinutes = 0.0;   ///< UPS autonomy at full rated load
};

/// A rack (or multi-rack system) drawing IT power.
struct PowerLoad
{
    std::uint64_t id = 0;
    double itKw = 0.0;
    bool dualCorded = true;        ///< A and B feeds; the load splits equally while both are live
    double xMm = 0.0;
    double yMm = 0.0;
    int site = 0;
};

/// An explicit connection: upstream unit -> downstream unit or load. A unit or load with any
/// explicit upstream edge is not assigned automatically; for a load, its edges are its feeds
/// in order (A, B).
struct PowerEdge
{
    std::uint64_t from = 0;
    std::uint64_t to = 0;
};

/// How the N-1 cases are evaluated (docs/facility-model.md §2). Both give identical results.
enum class NMinus1Method {
    /// Default: per failure, only the units and racks the failure changes are recomputed, and the
    /// shortfall comes from a feasible flow (a certificate) unless a max-flow is really needed;
    /// such a max-flow starts from the normal-operation max-flow (WarmMaxFlow).
    Incremental,
    /// Reference: every failure recomputes the whole chain and solves one max-flow. Kept as the
    /// definition the incremental path is tested against (tst_powerchain_diff).
    Exhaustive,
};

struct PowerChainInput
{
    std::vector<PowerUnit> units;
    std::vector<PowerLoad> loads;
    std::vector<PowerEdge> explicitEdges;
    double deratingFraction = 0.8; ///< continuous load allowed as a share of rating
    RedundancyMode target = RedundancyMode::NPlus1;
    double crossSitePenaltyMm = 1e7;
    NMinus1Method nMinus1Method = NMinus1Method::Incremental;
};

struct PowerUnitResult
{
    std::uint64_t id = 0;
    PowerUnitKind kind = PowerUnitKind::Ups;
    double capacityKw = 0.0;
    double outputKw = 0.0;         ///< normal operation (all units live)
    double lossKw = 0.0;
    double utilisation = 0.0;      ///< outputKw / capacityKw
    bool overDerated = false;      ///< outputKw > derating x capacity
    double batteryMinutesAtLoad = 0.0; ///< UPS: rated minutes x capacity / output (capped at 10x)
    std::vector<std::uint64_t> parents; ///< upstream unit ids (empty = utility)
    int upsSystem = -1;            ///< index of the UPS system upstream (or own, for a UPS)
};

struct LoadFeeds
{
    std::uint64_t loadId = 0;
    std::vector<std::uint64_t> feeds; ///< units feeding it, A first (empty: utility directly)
    bool redundant = false;        ///< two feeds on different UPS systems (or transformers)
};

/**
 * Ids of the loads one failure affects, in load input order. A list that holds every load of the
 * chain is not copied into each case: all such lists share the chain's one list of load ids
 * (isEveryLoad()). An over-capacity chain puts every load at risk in every N-1 case (362 cases x
 * 4,345 loads on the 5,000-item overlay bench: 1.57 million ids per analysis otherwise).
 * Reads like a vector; two lists are equal when their ids are, however they are stored.
 */
class LoadIdList
{
public:
    using const_iterator = std::vector<std::uint64_t>::const_iterator;
    LoadIdList() = default;
    LoadIdList(std::vector<std::uint64_t> ids) // NOLINT(google-explicit-constructor): a list of its own
        : m_own(std::move(ids))
    {
    }
    /// Every load of a chain: `allLoadIds` is that chain's list (shared, not copied).
    static LoadIdList everyLoad(std::shared_ptr<const std::vector<std::uint64_t>> allLoadIds)
    {
        LoadIdList l;
        l.m_every = std::move(allLoadIds);
        return l;
    }
    bool isEveryLoad() const { return m_every != nullptr; }
    const std::vector<std::uint64_t> &ids() const { return m_every ? *m_every : m_own; }
    std::size_t size() const { return ids().size(); }
    bool empty() const { return ids().empty(); }
    const_iterator begin() const { return ids().begin(); }
    const_iterator end() const { return ids().end(); }
    std::uint64_t operator[](std::size_t i) const { return ids()[i]; }
    friend bool operator==(const LoadIdList &a, const LoadIdList &b) { return a.ids() == b.ids(); }
    friend bool operator==(const LoadIdList &a, const std::vector<std::uint64_t> &b) { return a.ids() == b; }

private:
    std::vector<std::uint64_t> m_own;
    std::shared_ptr<const std::vector<std::uint64_t>> m_every;
};

/// Outcome of one failure (a unit, or a whole UPS system). Load lists are in the input order of
/// the loads; overloaded units in topological order (upstream first).
struct FailureResult
{
    std::vector<std::uint64_t> failedIds;
    PowerUnitKind kind = PowerUnitKind::Ups;
    LoadIdList loadsLosingPower;      ///< no live feed left
    LoadIdList loadsLosingRedundancy; ///< were redundant, still powered by one side
    LoadIdList loadsAtRisk;           ///< powered through a unit now over its derated rating
    std::vector<std::uint64_t> overloadedUnits;
    double shortfallKw = 0.0;      ///< load - max-flow with the failure
    bool ok = true;
};

struct PowerChainResult
{
    std::vector<PowerUnitResult> units; ///< in input order
    std::vector<LoadFeeds> loads;       ///< in input order
    int upsSystemCount = 0;
    double itKw = 0.0;
    double deliverableKw = 0.0;    ///< max-flow at derated ratings, all units live
    double shortfallKw = 0.0;
    double transformerLossKw = 0.0; ///< IT path only (facilityPue adds mechanical load)
    double upsLossKw = 0.0;
    double distributionLossKw = 0.0;
    std::vector<FailureResult> nMinus1;     ///< each transformer, UPS and distribution unit
    std::vector<FailureResult> systemFailures; ///< each UPS system as a whole (2N check)
    bool nMinus1Ok = true;
    bool allDualFeedsRedundant = true;
    RedundancyMode achieved = RedundancyMode::None;
    bool meetsTarget = false;
    /// Diagnostics: max-flow problems solved (normal operation + failures). The incremental
    /// method solves one only when no proportional flow certifies the deliverable power.
    int maxFlowRuns = 0;
    /// Diagnostics of the incremental method's failure max-flows, warm-started from the
    /// normal-operation max-flow (docs/facility-model.md §2): the failed units carried none of
    /// it (it stays maximal); their flow was re-routed in full (back at the normal-operation
    /// value, which a failure cannot exceed); augmented until no path was left (a smaller maximum).
    int warmFlowsUnchanged = 0;
    int warmFlowsRerouted = 0;
    int warmFlowsReduced = 0;
};

/**
 * Builds the power chain (explicit edges first, then nearest unit with spare derated capacity,
 * keeping the A and B feeds of a dual-corded load on different UPS systems), checks capacity by
 * max-flow at derated ratings (Boost.Graph push-relabel in the exhaustive reference, WarmMaxFlow
 * in the incremental method; the same integer maximum), computes each unit's load and losses,
 * and runs the N-1 analysis. Missing levels are bypassed: without distribution units loads hang
 * on UPS systems, without UPS on transformers, without transformers on the utility.
 */
PowerChainResult analysePowerChain(const PowerChainInput &input);

/**
 * Kept by a caller between analysePowerChain() calls on similar inputs (the editor's drag steps):
 * the last automatic feed assignment of the loads. The next call replays a load's A and B pick
 * when the load and the feed candidates are unchanged and the picks cannot differ: only the
 * candidates whose reserved load differs from the last call's at that point (usually the few a
 * moved rack took or left) are tested, instead of a k-d tree search. The result is the one of
 * the call without a memo (tst_powerchain_memo checks it after random edits). Not thread-safe:
 * one memo per caller. A copy starts empty.
 */
class PowerChainMemo
{
public:
    PowerChainMemo();
    ~PowerChainMemo();
    PowerChainMemo(const PowerChainMemo &);
    PowerChainMemo &operator=(const PowerChainMemo &);
    void clear();
    /// Picks replayed by the last call with this memo (the rest were searched).
    int replayedPicks() const;
    /// Picks searched by the last call with this memo.
    int searchedPicks() const;
    struct State;

private:
    friend PowerChainResult analysePowerChain(const PowerChainInput &input, PowerChainMemo *memo);
    std::unique_ptr<State> m_state;
};

/// analysePowerChain() replaying the unchanged part of the last call's feed assignment (memo may
/// be null).
PowerChainResult analysePowerChain(const PowerChainInput &input, PowerChainMemo *memo);

/// Transformer losses with `mechanicalKw` (cooling, lighting: not on UPS) added to the IT-path
/// output of each transformer in proportion to its capacity.
double transformerLossesKw(const PowerChainInput &input, const PowerChainResult &result, double mechanicalKw);

} // namespace th::engine
