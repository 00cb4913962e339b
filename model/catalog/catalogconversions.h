// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogrow.h"
#include "model/engine/chipspec.h"
#include "model/engine/modelspec.h"

#include <optional>

namespace th {

class Catalog;

/// Engine view of a chip row. Vendor link figures marked bidirectional are halved to the
/// per-direction bandwidth the engine uses; HBM "GB" are taken as GiB (HBM stacks are sized in
/// powers of two: an "80 GB" H100 has 80 GiB, nvidia-smi shows 81,559 MiB).
engine::ChipSpec chipSpecFromRow(const CatalogRow &row);
engine::ModelSpec modelSpecFromRow(const CatalogRow &row);

/// The system a chip is usually deployed in: among systems built from it, the one with the
/// largest scale-up domain (NVL72 for GB200, CloudMatrix 384 for Ascend 910C), ties by id.
std::optional<CatalogRow> usualSystemForChip(const Catalog &catalog, const QString &chipId);

/// IT power per chip in its usual system (system IT kW / chips: host CPUs, NICs, fans and
/// switches included), or 0 when no system is known.
double itWattsPerChip(const Catalog &catalog, const QString &chipId);

} // namespace th
