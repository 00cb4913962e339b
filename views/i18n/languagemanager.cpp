// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/i18n/languagemanager.h"

#include "views/settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace th::LanguageManager {

namespace {

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

const QString kSystem = QStringLiteral("system");

} // namespace

QStringList availableLanguages()
{
    return {kSystem, QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString languageSetting()
{
    const QString value = Settings::uiLanguage.value();
    return availableLanguages().contains(value) ? value : kSystem;
}

void setLanguageSetting(const QString &language)
{
    if (language == kSystem || !availableLanguages().contains(language))
        Settings::uiLanguage.reset();
    else
        Settings::uiLanguage.setValue(language);
}

QLocale localeFor(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    if (language == QLatin1String("en")) {
        const QLocale system = QLocale::system();
        return system.language() == QLocale::English ? system : QLocale(QLocale::English, QLocale::UnitedStates);
    }
    return QLocale::system();
}

QString nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return QString();
}

void removeTranslators()
{
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();
}

bool installTranslators(const QString &language)
{
    removeTranslators();
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);

    // Qt's own strings (standard buttons and dialogs), when the system ships them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
    } else {
        delete qt;
    }

    // Terahall's, embedded at build time. English is the source language: nothing to load.
    if (locale.language() == QLocale::English)
        return false;
    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(locale, QStringLiteral("terahall"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app);
        installed() << app;
        return true;
    }
    delete app;
    return false;
}

} // namespace th::LanguageManager
