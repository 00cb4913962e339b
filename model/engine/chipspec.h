// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/units.h"

#include <array>
#include <optional>
#include <string>

namespace th::engine {

/**
 * One accelerator as the engine sees it: dense peaks per precision, memory, links, power, price.
 * Filled from a catalog row (model/catalog) or from a scenario's chip override. Peaks are DENSE;
 * a missing peak (std::nullopt) means the chip does not support that precision.
 *
 * Link bandwidths are stored per direction (bytes/s one way), the figure collective algorithms
 * need: NVIDIA's "900 GB/s NVLink" is 450 GB/s per direction. The catalog keeps the vendor's
 * figure and a bidirectional flag; model/catalog converts.
 */
struct ChipSpec
{
    std::string id;
    /// Dense peak per precision in TFLOPS (TOPS for int8), indexed by Precision.
    std::array<std::optional<double>, kPrecisionCount> denseTflops{};
    double memoryGib = 0.0;            ///< usable accelerator memory (vendor "GB" of HBM are GiB)
    double memoryBandwidthTbps = 0.0;  ///< TB/s (1e12 bytes/s)
    double tdpW = 0.0;
    double scaleUpGbPerSecPerDirection = 0.0; ///< GB/s (1e9 bytes/s) one way, per chip
    int scaleUpDomainMax = 1;                 ///< largest scale-up domain, chips
    double scaleOutGbitPerSec = 0.0;          ///< NIC bandwidth per chip, Gbit/s
    std::optional<double> priceUsd;

    std::optional<double> peakTflops(Precision p) const
    {
        return denseTflops[static_cast<std::size_t>(p)];
    }
    /// Dense peak in FLOP/s at precision p, 0 when unsupported.
    double peakFlopsPerSecond(Precision p) const { return peakTflops(p).value_or(0.0) * kTera; }
};

} // namespace th::engine
