// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace th::engine {

/**
 * Allowed range of one input. Ranges are wide enough for any real system (today's largest models
 * are ~2e12 parameters, the largest clusters ~2e5 chips) and narrow enough to catch typos and unit
 * mistakes (1e40 parameters, MFU 1.5, a PUE below 1). Readers name the field and print this range.
 */
struct Range
{
    double min;
    double max;
    bool minInclusive = true;
    bool contains(double v) const { return (minInclusive ? v >= min : v > min) && v <= max; }
};

namespace limits {
inline constexpr Range params{1e6, 1e14};          ///< parameters
inline constexpr Range tokens{1e6, 1e17};          ///< training tokens
inline constexpr Range mfu{0.0, 1.0, false};       ///< (0, 1]
inline constexpr Range chipCount{1, 10'000'000};   ///< accelerators
inline constexpr Range layers{1, 1000};
inline constexpr Range hidden{64, 262'144};
inline constexpr Range heads{1, 4096};
inline constexpr Range seqLen{16, 16'777'216};
inline constexpr Range vocab{2, 10'000'000};
inline constexpr Range experts{0, 65'536};
inline constexpr Range globalBatchTokens{1, 1e10};
inline constexpr Range parallelDegree{1, 1'000'000};
inline constexpr Range microBatch{1, 65'536};
inline constexpr Range interleave{1, 1'000};
inline constexpr Range zeroStage{0, 3};
inline constexpr Range pue{1.0, 5.0};
inline constexpr Range electricityUsdPerKwh{0.0, 10.0};
inline constexpr Range gridKgCo2PerKwh{0.0, 2.0};
inline constexpr Range chipHourUsd{0.0, 10'000.0};
inline constexpr Range amortizationYears{0.25, 30.0};
inline constexpr Range tflops{0.0, 1e7, false};    ///< a chip's peak, TFLOPS
inline constexpr Range memoryGb{0.0, 1e5, false};
inline constexpr Range bandwidthTbps{0.0, 1e4, false};
inline constexpr Range linkGbPerSec{0.0, 1e6, false};
inline constexpr Range powerW{0.0, 1e6, false};
inline constexpr Range priceUsd{0.0, 1e9};
inline constexpr Range scaleUpDomain{1, 1'000'000};
} // namespace limits

} // namespace th::engine
