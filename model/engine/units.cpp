// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/units.h"

namespace th::engine {

namespace {
constexpr std::array<std::string_view, kPrecisionCount> kKeys{"fp32", "tf32", "bf16", "fp16",
                                                              "fp8",  "int8", "fp4"};
}

std::string_view precisionKey(Precision p)
{
    return kKeys[static_cast<std::size_t>(p)];
}

std::optional<Precision> precisionFromKey(std::string_view key)
{
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        if (kKeys[i] == key)
            return static_cast<Precision>(i);
    }
    return std::nullopt;
}

double bytesPerElement(Precision p)
{
    switch (p) {
    case Precision::Fp32:
    case Precision::Tf32:
        return 4.0;
    case Precision::Bf16:
    case Precision::Fp16:
        return 2.0;
    case Precision::Fp8:
    case Precision::Int8:
        return 1.0;
    case Precision::Fp4:
        return 0.5;
    }
    return 2.0;
}

} // namespace th::engine
