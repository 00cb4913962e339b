// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace th {

/**
 * One typed setting (after Tiled's Preference<T>): a fixed key in "group/lowerCamelKey" form and
 * a default. Reads and writes go through a fresh QSettings, so the organisation and application
 * names set in main.cpp (or by a test) decide where the value lives. Views and app only
 * (STYLE.md §7): the model and the engine take parameters.
 */
template<typename T>
class Preference
{
public:
    explicit Preference(const char *key, T defaultValue = T())
        : m_key(key)
        , m_default(std::move(defaultValue))
    {}

    QString key() const { return QString::fromLatin1(m_key); }
    T value() const
    {
        const QVariant v = QSettings().value(key());
        return v.isValid() ? v.value<T>() : m_default;
    }
    void setValue(const T &value) const { QSettings().setValue(key(), QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(key()); }

private:
    const char *m_key;
    T m_default;
};

/// Every setting Terahall keeps, with its key and default.
namespace Settings {
inline const Preference<QByteArray> mainWindowGeometry{"mainWindow/geometry"};
inline const Preference<QByteArray> mainWindowState{"mainWindow/state"};
/// Index of the kind shown in the catalog browser.
inline const Preference<int> catalogKind{"catalog/kind", 0};
/// Folder of the last CSV imported or exported.
inline const Preference<QString> catalogCsvDirectory{"catalog/csvDirectory"};
/// User-interface language: "system" (follow the system locale), "en" or "zh_CN". Read at start.
inline const Preference<QString> uiLanguage{"ui/language", QStringLiteral("system")};
/// Paper of the PDF report: "a4" or "letter" (File > Export Report).
inline const Preference<QString> reportPaper{"report/paper", QStringLiteral("a4")};
} // namespace Settings

} // namespace th
