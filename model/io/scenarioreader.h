// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/io/inputerror.h"
#include "model/io/scenario.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace th {

class Catalog;

struct ScenarioReadResult
{
    std::optional<Scenario> scenario; ///< set only when `errors` is empty
    InputErrors errors;               ///< every problem found, each with its JSON pointer
};

/// Reads and validates a "terahall.scenario/1" document against the catalog (INTERFACES.md).
/// Never substitutes a default for a value the user gave; reports all problems at once.
ScenarioReadResult readScenario(const QByteArray &json, const Catalog &catalog);
ScenarioReadResult readScenario(const QJsonObject &root, const Catalog &catalog);

inline constexpr const char *kScenarioSchema = "terahall.scenario/1";

} // namespace th
