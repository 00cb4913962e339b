// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Entry point: a sub-command runs headless (QCoreApplication, no display needed); no command
// opens the desktop application.
#include "app/application.h"
#include "app/cli/cli.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace {
void setIdentity()
{
    // Before anything touches QSettings or QStandardPaths (STYLE.md §7).
    QCoreApplication::setOrganizationName(QStringLiteral("Terahall"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("terahall.org"));
    QCoreApplication::setApplicationName(QStringLiteral("terahall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TH_VERSION));
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    setIdentity();
    if (th::cli::isCliInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        th::installTranslators();
        return th::cli::run(arguments);
    }
    return th::runGui(argc, argv);
}
