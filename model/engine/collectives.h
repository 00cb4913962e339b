// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace th::engine {

/**
 * Time of collective operations under the alpha-beta model (Thakur, Rabenseifner & Gropp 2005,
 * "Optimization of Collective Communication Operations in MPICH", IJHPCA 19(1), §2-§4;
 * Patarasuk & Yuan 2009 for the bandwidth-optimal ring). `bytes` is the size of the FULL buffer
 * (the all-reduced tensor, the gathered result, the scattered input); `ranks` the group size;
 * bandwidth is per rank per direction in bytes/s (already multiplied by the achievable
 * efficiency); latency is per algorithm step in seconds. One rank or zero bytes cost nothing.
 * All functions are pure and allocation-free.
 */
struct Link
{
    double bytesPerSecond = 0.0; ///< per rank, per direction, achievable
    double latencySeconds = 0.0; ///< per step
};

/// Ring all-reduce: reduce-scatter + all-gather, 2(p-1) steps each moving bytes/p:
/// T = 2 (p-1)/p * bytes / bw + 2 (p-1) * latency (Thakur et al. 2005 §4.4, Patarasuk & Yuan 2009).
double ringAllReduceSeconds(double bytes, int ranks, const Link &link);
/// Ring reduce-scatter or all-gather: T = (p-1)/p * bytes / bw + (p-1) * latency (Thakur §4.1/§4.3).
double ringReduceScatterSeconds(double bytes, int ranks, const Link &link);
double ringAllGatherSeconds(double bytes, int ranks, const Link &link);
/// Double binary tree all-reduce as in NCCL 2.4 (Sanders, Speck & Träff 2009): bandwidth term
/// 2 bytes/bw (each rank sends and receives the full buffer once up and once down, pipelined),
/// latency 2 log2(p) steps.
double treeAllReduceSeconds(double bytes, int ranks, const Link &link);
/// Two-level all-reduce (e.g. NCCL's inter-node rings through every NIC of a node, or
/// Horovod/BlueConnect hierarchical): reduce-scatter inside groups of `innerRanks` over `inner`,
/// ring all-reduce of bytes/innerRanks across `outerRanks` groups over `outer`, all-gather inside.
/// T = 2 RS_inner(bytes) + AR_outer(bytes / innerRanks)  (Cho et al. 2019, BlueConnect, §3).
double hierarchicalAllReduceSeconds(double bytes, int innerRanks, int outerRanks, const Link &inner,
                                    const Link &outer);
/// Same two-level decomposition for reduce-scatter / all-gather (half the all-reduce traffic).
double hierarchicalReduceScatterSeconds(double bytes, int innerRanks, int outerRanks,
                                        const Link &inner, const Link &outer);
/// All-to-all where each rank holds `bytesPerRank` and sends (p-1)/p of it, 1/p to each peer
/// (pairwise exchange, Thakur §4.5). `ranksInside` of the p ranks (including itself) share the
/// fast `inside` link; traffic to the others uses `outside`. The two parts proceed concurrently:
/// T = max(inside part / bw_in, outside part / bw_out) + ceil(log2 p) latencies of the slower
/// link (the p-1 sends are issued concurrently, as NCCL grouped send/recv does).
double allToAllSeconds(double bytesPerRank, int ranks, int ranksInside, const Link &inside,
                       const Link &outside);
/// One point-to-point message: T = latency + bytes / bw.
double pointToPointSeconds(double bytes, const Link &link);

} // namespace th::engine
