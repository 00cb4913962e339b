// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace th {

/// Creates the QApplication, opens the user's catalog and shows the main window.
int runGui(int argc, char *argv[]);

} // namespace th
