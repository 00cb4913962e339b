// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/reportdata.h"

#include <QPageSize>
#include <QString>

#include <functional>

class QPdfWriter;

namespace th {

struct ReportRenderOptions
{
    QPageSize::PageSizeId paper = QPageSize::A4; ///< A4 or Letter (user setting)
    bool includeCharts = true;
};

/**
 * Paints a ReportData as a PDF with QPdfWriter + QPainter: cover, executive summary, the floor
 * plan as vector graphics (legend, scale bar, north arrow; split over pages when a hall would
 * be drawn too small), bill of materials, power and cooling, training estimate with its
 * sensitivity, the vendor comparison when present, assumptions and catalog sources. Running
 * header and "page N of M" on every page after the cover. Text stays text; the font list
 * falls back to WenQuanYi Micro Hei (then Noto Sans CJK) so that Chinese labels render,
 * are embedded and stay searchable.
 */
class ReportRenderer
{
public:
    /// Renders into an open writer (two passes: the first counts pages). Returns the page count.
    static int render(const ReportData &data, QPdfWriter *writer, const ReportRenderOptions &options);
    /// Renders to `path` atomically: a temporary file in the same directory renamed over the
    /// target; on failure nothing is left under `path` (nor a temporary) and `error` says why.
    static bool writePdf(const ReportData &data, const QString &path, const ReportRenderOptions &options, QString *error);
    static std::optional<QPageSize::PageSizeId> paperFromKey(const QString &key); ///< "a4" | "letter"
};

/// Writes a PDF atomically: `paint` draws on a writer over a temporary file beside `path`.
bool writePdfAtomically(const QString &path, const std::function<bool(QPdfWriter &)> &paint, QString *error);

} // namespace th
