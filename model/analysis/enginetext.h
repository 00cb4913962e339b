// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/trainingestimate.h"

#include <QString>

namespace th {

/// Machine key of a warning for JSON output ("memory_does_not_fit").
QString warningKey(engine::Warning w);
/// Translated sentence for people (GUI, `--format text`, and the JSON "warnings" list).
QString warningText(engine::Warning w);

} // namespace th
