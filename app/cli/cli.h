// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace th::cli {

/// Exit statuses of INTERFACES.md.
enum ExitCode { Success = 0, ResultFailed = 1, BadInput = 2 };

/// True when the arguments ask for a headless command (a sub-command, --help or --version)
/// rather than the GUI.
bool isCliInvocation(const QStringList &arguments);

/// True when the command paints (the PDF report, compare -o OUT.pdf): main() then creates a
/// QApplication on the offscreen platform instead of a QCoreApplication.
bool needsGuiApplication(const QStringList &arguments);

/// Runs one headless command; arguments without the program name. Needs a QCoreApplication.
int run(const QStringList &arguments);

} // namespace th::cli
