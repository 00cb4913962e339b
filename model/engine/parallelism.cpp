// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/parallelism.h"

#include <array>

namespace th::engine {

namespace {
constexpr std::array<std::string_view, 3> kKeys{"none", "selective", "full"};
}

std::string_view recomputeKey(Recompute r)
{
    return kKeys[static_cast<std::size_t>(r)];
}

std::optional<Recompute> recomputeFromKey(std::string_view key)
{
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        if (kKeys[i] == key)
            return static_cast<Recompute>(i);
    }
    return std::nullopt;
}

} // namespace th::engine
