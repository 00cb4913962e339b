// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "model/catalog/catalog.h"
#include "views/i18n/languagemanager.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace th {

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Terahall"));
    // Qt's and Terahall's translations for the system locale, or the language chosen in
    // Edit ▸ Preferences ("ui/language"); numbers and dates follow the same locale.
    LanguageManager::installTranslators(LanguageManager::languageSetting());

    QString path = qEnvironmentVariable("TERAHALL_CATALOG");
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        path = dir + QStringLiteral("/catalog.sqlite");
    }
    Catalog catalog;
    QString error;
    if (!catalog.open(path, &error)) {
        QMessageBox::critical(nullptr, QApplication::translate("Application", "Terahall"),
                              QApplication::translate("Application", "The catalog could not be opened:\n%1").arg(error));
        return 2;
    }
    MainWindow window(&catalog);
    // `terahall PLAN.thplan` (and double-clicking a plan in a file manager) opens that plan.
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 1 && QFileInfo::exists(args.at(1)))
        window.openFile(args.at(1));
    window.show();
    return app.exec();
}

} // namespace th
