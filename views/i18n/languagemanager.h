// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace th {

/**
 * Which language the user interface speaks, after Tiled's LanguageManager. The choice is the
 * setting "ui/language": "system" (follow QLocale::system()), "en" or "zh_CN". Translations are
 * the .qm files embedded under :/i18n (built from the .ts files in resources/translations), plus Qt's own
 * qtbase_*.qm from QLibraryInfo::TranslationsPath when the system has them.
 *
 * Only the desktop application installs translators; the command line stays English so that
 * scripts and logs that match its messages keep working (docs/i18n.md).
 */
namespace LanguageManager {

/// The "ui/language" values, in the order the Preferences dialog lists them.
QStringList availableLanguages();

/// The setting's current value ("system" when unset or unknown).
QString languageSetting();
void setLanguageSetting(const QString &language);

/// The locale that a language setting stands for: "system" is QLocale::system(), "en" keeps the
/// system's number formats when the system speaks English and is en_US otherwise, "zh_CN" is
/// Simplified Chinese (China).
QLocale localeFor(const QString &language);

/// Native name of a language for the Preferences list ("English", "简体中文").
QString nativeName(const QString &language);

/**
 * Installs Qt's and Terahall's translators for @p language ("system", "en", "zh_CN") and makes
 * its locale the default QLocale, so numbers and dates follow it. Removes translators installed
 * by an earlier call. Returns true when a Terahall translation was loaded (English needs none).
 */
bool installTranslators(const QString &language);

/// Removes the translators installTranslators() installed (tests switch languages).
void removeTranslators();

} // namespace LanguageManager

} // namespace th
