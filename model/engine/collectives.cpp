// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/collectives.h"

#include <algorithm>
#include <cmath>

namespace th::engine {

namespace {
bool trivial(double bytes, int ranks, const Link &link)
{
    return ranks <= 1 || bytes <= 0.0 || link.bytesPerSecond <= 0.0;
}
} // namespace

double ringAllReduceSeconds(double bytes, int ranks, const Link &link)
{
    if (trivial(bytes, ranks, link))
        return 0.0;
    const double p = ranks;
    return 2.0 * (p - 1.0) / p * bytes / link.bytesPerSecond + 2.0 * (p - 1.0) * link.latencySeconds;
}

double ringReduceScatterSeconds(double bytes, int ranks, const Link &link)
{
    if (trivial(bytes, ranks, link))
        return 0.0;
    const double p = ranks;
    return (p - 1.0) / p * bytes / link.bytesPerSecond + (p - 1.0) * link.latencySeconds;
}

double ringAllGatherSeconds(double bytes, int ranks, const Link &link)
{
    return ringReduceScatterSeconds(bytes, ranks, link);
}

double treeAllReduceSeconds(double bytes, int ranks, const Link &link)
{
    if (trivial(bytes, ranks, link))
        return 0.0;
    return 2.0 * bytes / link.bytesPerSecond + 2.0 * std::ceil(std::log2(double(ranks))) * link.latencySeconds;
}

double hierarchicalAllReduceSeconds(double bytes, int innerRanks, int outerRanks, const Link &inner,
                                    const Link &outer)
{
    innerRanks = std::max(1, innerRanks);
    outerRanks = std::max(1, outerRanks);
    return 2.0 * ringReduceScatterSeconds(bytes, innerRanks, inner)
           + ringAllReduceSeconds(bytes / innerRanks, outerRanks, outer);
}

double hierarchicalReduceScatterSeconds(double bytes, int innerRanks, int outerRanks,
                                        const Link &inner, const Link &outer)
{
    innerRanks = std::max(1, innerRanks);
    outerRanks = std::max(1, outerRanks);
    return ringReduceScatterSeconds(bytes, innerRanks, inner)
           + ringReduceScatterSeconds(bytes / innerRanks, outerRanks, outer);
}

double allToAllSeconds(double bytesPerRank, int ranks, int ranksInside, const Link &inside,
                       const Link &outside)
{
    if (ranks <= 1 || bytesPerRank <= 0.0)
        return 0.0;
    const double p = ranks;
    const int in = std::clamp(ranksInside, 1, ranks);
    const double insideBytes = bytesPerRank * (in - 1) / p;
    const double outsideBytes = bytesPerRank * (ranks - in) / p;
    double t = 0.0;
    if (insideBytes > 0.0 && inside.bytesPerSecond > 0.0)
        t = std::max(t, insideBytes / inside.bytesPerSecond);
    if (outsideBytes > 0.0 && outside.bytesPerSecond > 0.0)
        t = std::max(t, outsideBytes / outside.bytesPerSecond);
    // NCCL issues the p-1 sends concurrently (grouped send/recv), so start-up costs overlap;
    // we charge log2(p) latencies rather than p-1.
    const double latency = (ranks > in) ? outside.latencySeconds : inside.latencySeconds;
    return t + std::ceil(std::log2(p)) * latency;
}

double pointToPointSeconds(double bytes, const Link &link)
{
    if (bytes <= 0.0 || link.bytesPerSecond <= 0.0)
        return 0.0;
    return link.latencySeconds + bytes / link.bytesPerSecond;
}

} // namespace th::engine
