// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace th {

/// Installs Qt's and Terahall's translators for the system locale (or the user's override).
void installTranslators();

/// Creates the QApplication, opens the user's catalog and shows the main window.
int runGui(int argc, char *argv[]);

} // namespace th
