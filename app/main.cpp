// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Entry point: a sub-command runs headless (QCoreApplication, no display needed); no command
// opens the desktop application.
#include "app/application.h"
#include "app/cli/cli.h"
#include "views/i18n/languagemanager.h"

#include <QApplication>
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
        // The command line answers in English whatever the locale: scripts and tests match its
        // messages, and its JSON is machine-readable. Only the GUI installs translators (docs/i18n.md).
        // TERAHALL_CLI_LANGUAGE=system|zh_CN opts in to translated messages (JSON keys never change).
        // The PDF report (and compare -o x.pdf) needs fonts, QPdfWriter and Qt Charts' graphics
        // items: a QApplication on the offscreen platform, so it still runs without a display.
        std::unique_ptr<QCoreApplication> appPtr;
        if (th::cli::needsGuiApplication(arguments)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            appPtr = std::make_unique<QApplication>(argc, argv);
        } else {
            appPtr = std::make_unique<QCoreApplication>(argc, argv);
        }
        const QString language = qEnvironmentVariable("TERAHALL_CLI_LANGUAGE");
        if (!language.isEmpty())
            th::LanguageManager::installTranslators(language);
        return th::cli::run(arguments);
    }
    return th::runGui(argc, argv);
}
