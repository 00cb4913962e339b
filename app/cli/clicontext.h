// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace th {
class Catalog;
}

namespace th::cli {

/// Output format asked for with --format.
enum class Format { Json, Text };

/// Options shared by every command, and the output channels (stdout for results, stderr for
/// messages). Commands return an ExitCode.
struct Context
{
    QStringList args;      ///< the command's own arguments (global options removed)
    Format format = Format::Json;
    QString catalogPath;   ///< --catalog, $TERAHALL_CATALOG or the user's data directory

    void out(const QString &text) const;
    void err(const QString &text) const;
    /// Prints "terahall: <message>" to stderr and returns BadInput.
    int fail(const QString &message) const;
    /// Opens the catalog (creating it on first use); on failure prints why.
    std::unique_ptr<Catalog> openCatalog() const;
};

int runEstimate(Context &ctx);
int runSearch(Context &ctx);
int runEvaluate(Context &ctx);
int runCompare(Context &ctx);
int runCatalog(Context &ctx);
int runReport(Context &ctx);

/// Removes "FLAG VALUE" from `args`; true when FLAG was present (VALUE empty when missing).
bool takeOption(QStringList &args, const QString &flag, QString *value);

/// Reads a whole file, or stdin for "-"; on failure prints a message naming the file.
bool readInputFile(const Context &ctx, const QString &path, QByteArray *data);
/// Writes a file atomically (writeFileAtomically): on failure nothing is left under that name.
bool writeOutputFile(const Context &ctx, const QString &path, const QByteArray &data);

} // namespace th::cli
