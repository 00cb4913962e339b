// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The power-chain campus of bench_facility, also checked by tst_powerchain_diff.
#pragma once

#include "model/engine/powerchain.h"

#include <string>

namespace th::engine::testing {

/// A campus of `halls` halls, each 50 rows x 20 racks of 30 kW (30 MW IT per hall), 2N: every
/// row has an A and a B busway (1,053 kW); every 4 rows share UPS systems A<k> and B<k> of
/// 3 x 1,200 kW each, each system fed by its own 2,992 kW transformer. Ten halls (the benchmark):
/// 10,000 racks (300 MW), 1,000 busways, 750 UPS, 250 transformers.
inline PowerChainInput campus(int halls = 10)
{
    PowerChainInput in;
    in.target = RedundancyMode::TwoN;
    std::uint64_t id = 1;
    for (int hall = 0; hall < halls; ++hall) {
        for (int block = 0; block < 13; ++block) {
            const int rows = block == 12 ? 2 : 4;
            std::string key = std::to_string(hall);
            key += '-';
            key += std::to_string(block);
            for (const char *side : {"A", "B"}) {
                PowerUnit t;
                t.id = id++;
                t.kind = PowerUnitKind::Transformer;
                t.capacityKw = 2992.5;
                t.efficiency.points = *parseEfficiencyCurve("0.25:0.9957;0.5:0.9949;0.75:0.9933;1:0.9915");
                t.xMm = block * 9600.0 + (side[0] == 'A' ? 0 : 3000);
                t.yMm = -5000;
                t.site = hall;
                in.units.push_back(t);
                for (int u = 0; u < 3; ++u) {
                    PowerUnit ups;
                    ups.id = id++;
                    ups.kind = PowerUnitKind::Ups;
                    ups.capacityKw = 1200;
                    ups.efficiency.points = *parseEfficiencyCurve("0.25:0.955;0.5:0.968;0.75:0.971;1:0.969");
                    ups.group = side;
                    ups.group += key;
                    ups.xMm = t.xMm + u * 1000;
                    ups.yMm = -1000;
                    ups.site = hall;
                    ups.batteryMinutes = 5;
                    in.units.push_back(ups);
                    in.explicitEdges.push_back({t.id, ups.id});
                }
                for (int r = 0; r < rows; ++r) {
                    const int row = block * 4 + r;
                    PowerUnit bw;
                    bw.id = id++;
                    bw.kind = PowerUnitKind::Distribution;
                    bw.capacityKw = 1053;
                    bw.efficiency.ratedEfficiency = 0.996;
                    bw.group = side;
                    bw.group += key;
                    bw.xMm = row * 2400.0;
                    bw.yMm = side[0] == 'A' ? 0 : 12000;
                    bw.site = hall;
                    in.units.push_back(bw);
                }
            }
        }
        for (int row = 0; row < 50; ++row) {
            for (int k = 0; k < 20; ++k) {
                PowerLoad l;
                l.id = id++;
                l.itKw = 30;
                l.xMm = row * 2400.0;
                l.yMm = 600.0 * k;
                l.site = hall;
                in.loads.push_back(l);
            }
        }
    }
    return in;
}

} // namespace th::engine::testing
