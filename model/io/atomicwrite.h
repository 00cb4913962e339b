// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace th {

/**
 * Writes `data` to `path` atomically: into a temporary file beside it, verified, then renamed
 * over the target (QSaveFile). On any failure (no permission, disk full, file-size limit) the
 * previous file is untouched, no temporary file is left, and `error` says why.
 *
 * Why not plain QSaveFile: with Qt's buffered writes, a short write at flush time (EFBIG/ENOSPC
 * after part of the data) was committed as a truncated file (seen in tst_planfile under a
 * file-size limit). Unbuffered writes with a byte count check before commit close that hole.
 */
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace th
