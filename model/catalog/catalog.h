// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogrow.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace th {

/// A schema migration: brings the database from version `toVersion - 1` to `toVersion`.
struct CatalogMigration
{
    int toVersion;
    QByteArray sql; ///< statements separated by ';' at line ends
};

/// Outcome of a CSV import.
struct ImportResult
{
    bool ok = false;
    const KindSpec *kind = nullptr;
    int rowCount = 0;               ///< rows written (0 when !ok: nothing changed)
    QList<CatalogIssue> issues;     ///< every problem found, with CSV line and column
    QString error;                  ///< file-level problem (unreadable CSV, unknown header)
};

/**
 * The SQLite catalog of chips, systems, facility equipment, model presets and per-chip
 * performance calibration (schema in data/catalog/schema.sql, content in the CSV files of
 * data/catalog, both embedded as resources under :/catalog/).
 *
 * Invariants: shipped rows (origin 'shipped') always equal the shipped CSV files of this build:
 * they are reloaded in one transaction when the content hash changes; user rows (origin 'user')
 * are only ever written by the user (import, edit) and survive updates. A user row with a
 * shipped id overrides that row; removing the user row brings the shipped one back.
 *
 * The catalog is reference data outside the document's undo stack (STYLE.md §5): every edit is
 * one SQL transaction. One instance owns one named QSqlDatabase connection; use it from the
 * thread that opened it.
 */
class Catalog
{
public:
    Catalog();
    ~Catalog();
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    /// Schema version this build writes.
    static int currentSchemaVersion();

    /// Opens or creates the catalog file; migrates an older schema; refuses a newer one
    /// (leaving the file untouched); loads or refreshes the shipped rows.
    bool open(const QString &path, QString *error);
    /// A private in-memory catalog with the shipped content (tests, headless tools).
    bool openInMemory(QString *error);
    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    /// Rows in force (user rows over shipped ones), ordered by id.
    QList<CatalogRow> rows(CatalogKind kind) const;
    std::optional<CatalogRow> row(CatalogKind kind, const QString &id) const;
    /// The shipped row with this id, even when a user row overrides it.
    std::optional<CatalogRow> shippedRow(CatalogKind kind, const QString &id) const;
    /// Searches chips, systems, equipment, models in that order.
    std::optional<CatalogRow> findAnyKind(const QString &id) const;

    /// Validates and stores a user row (insert or replace), one transaction.
    bool saveUserRow(CatalogKind kind, const QMap<QString, QString> &rawValues, QList<CatalogIssue> *issues);
    /// Removes a user row; a shipped row with the same id becomes visible again.
    bool removeUserRow(CatalogKind kind, const QString &id, QString *error);

    /// Imports a CSV (any kind, recognised by its header) as user rows. All rows are validated
    /// first (values, ids unique within the file, references such as systems.chip_id); with any
    /// problem nothing is written.
    ImportResult importCsv(const QByteArray &csvData);
    /// The rows in force of one kind as CSV in the shipped format.
    QByteArray exportCsv(CatalogKind kind) const;

    /// Test hook: the migrations applied to databases of older versions (default: the shipped ones).
    static void setMigrationsForTesting(std::optional<QList<CatalogMigration>> migrations);

private:
    bool initialise(QString *error);
    bool applySql(const QByteArray &sql, QString *error);
    bool migrate(int fromVersion, QString *error);
    bool refreshShippedContent(QString *error);
    bool loadCsvRows(const KindSpec &spec, const QByteArray &data, const QString &origin, QString *error);
    bool insertRow(const KindSpec &spec, const QVariantMap &values, const QString &origin, QString *error);
    QList<CatalogRow> query(CatalogKind kind, bool effective, const QString &where, const QVariantList &binds) const;

    QString m_connectionName;
    QString m_path;
};

} // namespace th
