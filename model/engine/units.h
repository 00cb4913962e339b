// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace th::engine {

// Unit conversions. Quantities elsewhere carry their unit in their name (STYLE.md §3).
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kHoursPerYear = 8760.0;
inline constexpr double kTera = 1e12;
inline constexpr double kPeta = 1e15;
inline constexpr double kBytesPerGib = 1073741824.0; // 2^30
inline constexpr double kBytesPerGb = 1e9;
/// 1 PF-day = 1e15 FLOP/s sustained for one day = 8.64e19 FLOP (a quantity of work, not a rate).
inline constexpr double kFlopPerPetaflopDay = kPeta * kSecondsPerDay;

/**
 * Numeric precision of tensor math. Peak figures are always per precision and dense;
 * sparse (2:4) figures are kept apart in the catalog and never used for training time.
 */
enum class Precision { Fp32, Tf32, Bf16, Fp16, Fp8, Int8, Fp4 };
inline constexpr int kPrecisionCount = 7;
inline constexpr std::array<Precision, kPrecisionCount> kAllPrecisions{
    Precision::Fp32, Precision::Tf32, Precision::Bf16, Precision::Fp16,
    Precision::Fp8,  Precision::Int8, Precision::Fp4};

/// Machine key of a precision as used in files and the CLI ("bf16"); not user-visible text.
std::string_view precisionKey(Precision p);
std::optional<Precision> precisionFromKey(std::string_view key);
/// Bytes per element of a tensor stored in this precision (fp32/tf32: 4, bf16/fp16: 2, fp8/int8: 1, fp4: 0.5).
double bytesPerElement(Precision p);

} // namespace th::engine
