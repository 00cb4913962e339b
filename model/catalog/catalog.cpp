// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"

#include "model/catalog/csv.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace th {

namespace {

constexpr int kSchemaVersion = 2;
const QString kShipped = QStringLiteral("shipped");
const QString kUser = QStringLiteral("user");

std::optional<QList<CatalogMigration>> s_testMigrations;

/// Migrations shipped with this build, as resources :/catalog/migrations/NNN.sql (NNN brings
/// the schema from NNN-1 to NNN).
QList<CatalogMigration> shippedMigrations()
{
    QList<CatalogMigration> list;
    for (int v = 2; v <= kSchemaVersion; ++v) {
        QFile f(QStringLiteral(":/catalog/migrations/%1.sql").arg(v, 3, 10, QLatin1Char('0')));
        if (f.open(QIODevice::ReadOnly))
            list.append({v, f.readAll()});
    }
    return list;
}

QByteArray readResource(const QString &name)
{
    QFile f(QStringLiteral(":/catalog/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)
};

QString keyColumn(const KindSpec &spec)
{
    return spec.kind == CatalogKind::ChipCalibration ? QStringLiteral("chip_id") : QStringLiteral("id");
}

QByteArray shippedContentHash()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(readResource(QStringLiteral("schema.sql")));
    for (const KindSpec &k : catalogKinds())
        hash.addData(readResource(QString::fromLatin1(k.csvFile)));
    return hash.result().toHex();
}

} // namespace

Catalog::Catalog()
    : m_connectionName(QStringLiteral("th-catalog-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Catalog::~Catalog()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

int Catalog::currentSchemaVersion()
{
    return kSchemaVersion;
}

void Catalog::setMigrationsForTesting(std::optional<QList<CatalogMigration>> migrations)
{
    s_testMigrations = std::move(migrations);
}

bool Catalog::open(const QString &path, QString *error)
{
    m_path = path;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = Tr::tr("cannot open catalog %1: %2").arg(path, db.lastError().text());
        return false;
    }
    return initialise(error);
}

bool Catalog::openInMemory(QString *error)
{
    return open(QStringLiteral(":memory:"), error);
}

bool Catalog::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int Catalog::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

bool Catalog::applySql(const QByteArray &sql, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // Statements end with ';' at a line end; comments are whole lines starting with "--".
    QString statement;
    const QStringList lines = QString::fromUtf8(sql).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        statement += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                if (error)
                    *error = Tr::tr("catalog schema statement failed: %1").arg(q.lastError().text());
                return false;
            }
            statement.clear();
        }
    }
    return true;
}

bool Catalog::initialise(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    const bool hasSchema = db.tables().contains(QStringLiteral("schema_version"));
    if (!hasSchema) {
        if (!db.tables().isEmpty()) {
            if (error)
                *error = Tr::tr("%1 is not a Terahall catalog (it has tables but no schema_version)").arg(m_path);
            return false;
        }
        db.transaction();
        if (!applySql(readResource(QStringLiteral("schema.sql")), error)) {
            db.rollback();
            return false;
        }
        db.commit();
    } else {
        const int version = schemaVersion();
        if (version > kSchemaVersion) {
            if (error)
                *error = Tr::tr("catalog %1 has schema version %2, newer than this Terahall (%3): update Terahall; the file was not changed")
                             .arg(m_path)
                             .arg(version)
                             .arg(kSchemaVersion);
            return false;
        }
        if (version < kSchemaVersion && !migrate(version, error))
            return false;
    }
    return refreshShippedContent(error);
}

bool Catalog::migrate(int fromVersion, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QList<CatalogMigration> migrations = s_testMigrations ? *s_testMigrations : shippedMigrations();
    db.transaction();
    int version = fromVersion;
    for (const CatalogMigration &m : migrations) {
        if (m.toVersion <= version)
            continue;
        if (m.toVersion != version + 1) {
            db.rollback();
            if (error)
                *error = Tr::tr("no migration from catalog schema version %1").arg(version);
            return false;
        }
        if (!applySql(m.sql, error)) {
            db.rollback();
            return false;
        }
        version = m.toVersion;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
        q.addBindValue(version);
        q.exec();
    }
    const int target = s_testMigrations && !s_testMigrations->isEmpty() ? s_testMigrations->back().toVersion : kSchemaVersion;
    if (version < target) {
        db.rollback();
        if (error)
            *error = Tr::tr("no migration from catalog schema version %1").arg(version);
        return false;
    }
    db.commit();
    return true;
}

bool Catalog::refreshShippedContent(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QByteArray hash = shippedContentHash();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM catalog_meta WHERE key = 'shipped_hash'"));
    if (q.exec() && q.next() && q.value(0).toByteArray() == hash)
        return true;

    db.transaction();
    for (const KindSpec &spec : catalogKinds()) {
        QSqlQuery del(db);
        if (!del.exec(QStringLiteral("DELETE FROM %1 WHERE origin = 'shipped'").arg(spec.tableName()))) {
            db.rollback();
            if (error)
                *error = del.lastError().text();
            return false;
        }
        if (!loadCsvRows(spec, readResource(QString::fromLatin1(spec.csvFile)), kShipped, error)) {
            db.rollback();
            return false;
        }
    }
    QSqlQuery meta(db);
    meta.prepare(QStringLiteral("INSERT OR REPLACE INTO catalog_meta (key, value) VALUES ('shipped_hash', ?)"));
    meta.addBindValue(QString::fromLatin1(hash));
    if (!meta.exec()) {
        db.rollback();
        if (error)
            *error = meta.lastError().text();
        return false;
    }
    return db.commit();
}

bool Catalog::loadCsvRows(const KindSpec &spec, const QByteArray &data, const QString &origin, QString *error)
{
    const csv::ParseResult parsed = csv::parse(data);
    if (!parsed.error.isEmpty()) {
        if (error)
            *error = Tr::tr("shipped %1, line %2: %3").arg(QString::fromLatin1(spec.csvFile)).arg(parsed.errorLine).arg(parsed.error);
        return false;
    }
    if (parsed.records.isEmpty())
        return true; // a kind with no shipped rows
    const QStringList header = parsed.records.front().fields;
    for (qsizetype i = 1; i < parsed.records.size(); ++i) {
        const csv::Record &rec = parsed.records.at(i);
        QMap<QString, QString> raw;
        for (qsizetype c = 0; c < header.size() && c < rec.fields.size(); ++c)
            raw.insert(header.at(c), rec.fields.at(c));
        QList<CatalogIssue> issues;
        const std::optional<QVariantMap> values = validateRow(spec, raw, rec.line, &issues);
        if (!values) {
            if (error)
                *error = Tr::tr("shipped %1: %2").arg(QString::fromLatin1(spec.csvFile), issues.front().toString());
            return false;
        }
        if (!insertRow(spec, *values, origin, error))
            return false;
    }
    return true;
}

bool Catalog::insertRow(const KindSpec &spec, const QVariantMap &values, const QString &origin, QString *error)
{
    QStringList names = spec.columnNames();
    QStringList marks;
    for (qsizetype i = 0; i <= names.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO %1 (%2, origin) VALUES (%3)")
                  .arg(spec.tableName(), names.join(QLatin1String(", ")), marks.join(QLatin1String(", "))));
    for (const QString &name : names)
        q.addBindValue(values.value(name));
    q.addBindValue(origin);
    if (!q.exec()) {
        if (error)
            *error = Tr::tr("cannot store %1 '%2': %3").arg(spec.kindKey(), values.value(keyColumn(spec)).toString(), q.lastError().text());
        return false;
    }
    return true;
}

QList<CatalogRow> Catalog::query(CatalogKind kind, bool effective, const QString &where, const QVariantList &binds) const
{
    const KindSpec &spec = kindSpec(kind);
    const QString key = keyColumn(spec);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT e.*, EXISTS (SELECT 1 FROM %1 AS s WHERE s.%2 = e.%2 AND s.origin = 'shipped') AS has_shipped "
                             "FROM %3 AS e %4 ORDER BY e.%2, e.origin")
                  .arg(spec.tableName(), key, effective ? spec.tableName() + QStringLiteral("_effective") : spec.tableName(), where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    QList<CatalogRow> rows;
    if (!q.exec())
        return rows;
    const QStringList names = spec.columnNames();
    while (q.next()) {
        CatalogRow row;
        row.kind = kind;
        const QSqlRecord rec = q.record();
        for (const QString &name : names) {
            const QVariant v = rec.value(name);
            row.values.insert(name, v.isNull() ? QVariant() : v);
        }
        row.isUser = rec.value(QStringLiteral("origin")).toString() == kUser;
        row.overridesShipped = row.isUser && rec.value(QStringLiteral("has_shipped")).toBool();
        rows << row;
    }
    return rows;
}

QList<CatalogRow> Catalog::rows(CatalogKind kind) const
{
    return query(kind, true, QString(), {});
}

std::optional<CatalogRow> Catalog::row(CatalogKind kind, const QString &id) const
{
    const QList<CatalogRow> found = query(kind, true, QStringLiteral("WHERE e.%1 = ?").arg(keyColumn(kindSpec(kind))), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.front();
}

std::optional<CatalogRow> Catalog::shippedRow(CatalogKind kind, const QString &id) const
{
    const QList<CatalogRow> found = query(kind, false, QStringLiteral("WHERE e.%1 = ? AND e.origin = 'shipped'").arg(keyColumn(kindSpec(kind))), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.front();
}

std::optional<CatalogRow> Catalog::findAnyKind(const QString &id) const
{
    for (CatalogKind kind : {CatalogKind::Chip, CatalogKind::System, CatalogKind::Equipment, CatalogKind::Model}) {
        if (std::optional<CatalogRow> r = row(kind, id))
            return r;
    }
    return std::nullopt;
}

bool Catalog::saveUserRow(CatalogKind kind, const QMap<QString, QString> &rawValues, QList<CatalogIssue> *issues)
{
    const KindSpec &spec = kindSpec(kind);
    const std::optional<QVariantMap> values = validateRow(spec, rawValues, 0, issues);
    if (!values)
        return false;
    if (kind == CatalogKind::System || kind == CatalogKind::ChipCalibration) {
        const QString chipId = values->value(QStringLiteral("chip_id")).toString();
        if (!row(CatalogKind::Chip, chipId)) {
            if (issues)
                issues->append({0, QStringLiteral("chip_id"), Tr::tr("no chip with id '%1' in the catalog").arg(chipId)});
            return false;
        }
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    QString error;
    if (!insertRow(spec, *values, kUser, &error)) {
        db.rollback();
        if (issues)
            issues->append({0, keyColumn(spec), error});
        return false;
    }
    return db.commit();
}

bool Catalog::removeUserRow(CatalogKind kind, const QString &id, QString *error)
{
    const KindSpec &spec = kindSpec(kind);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND origin = 'user'").arg(spec.tableName(), keyColumn(spec)));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() == 0) {
        if (error)
            *error = Tr::tr("no user row '%1' (shipped rows cannot be removed, only overridden)").arg(id);
        return false;
    }
    return true;
}

ImportResult Catalog::importCsv(const QByteArray &csvData)
{
    ImportResult result;
    const csv::ParseResult parsed = csv::parse(csvData);
    if (!parsed.error.isEmpty()) {
        result.error = parsed.errorLine > 0 ? Tr::tr("line %1: %2").arg(parsed.errorLine).arg(parsed.error) : parsed.error;
        return result;
    }
    if (parsed.records.isEmpty()) {
        result.error = Tr::tr("the file is empty: expected a header row naming the columns");
        return result;
    }
    const QStringList header = parsed.records.front().fields;
    result.kind = kindSpecForHeader(header);
    if (!result.kind) {
        QStringList expected;
        for (const KindSpec &k : catalogKinds())
            expected << QStringLiteral("%1 (%2)").arg(k.kindKey(), QString::fromLatin1(k.csvFile));
        result.error = Tr::tr("line 1: the header does not match any catalog kind; export one with 'terahall catalog export' "
                          "to see the columns of: %1")
                           .arg(expected.join(QLatin1String(", ")));
        return result;
    }
    const KindSpec &spec = *result.kind;
    QList<QVariantMap> rowsToWrite;
    QSet<QString> seen;
    const QString key = keyColumn(spec);
    for (qsizetype i = 1; i < parsed.records.size(); ++i) {
        const csv::Record &rec = parsed.records.at(i);
        if (rec.fields.size() != header.size()) {
            result.issues.append({rec.line, QStringLiteral("*"), Tr::tr("expected %1 fields, got %2").arg(header.size()).arg(rec.fields.size())});
            continue;
        }
        QMap<QString, QString> raw;
        for (qsizetype c = 0; c < header.size(); ++c)
            raw.insert(header.at(c), rec.fields.at(c));
        const std::optional<QVariantMap> values = validateRow(spec, raw, rec.line, &result.issues);
        if (!values)
            continue;
        const QString id = values->value(key).toString();
        if (seen.contains(id)) {
            result.issues.append({rec.line, key, Tr::tr("id '%1' appears more than once in the file").arg(id)});
            continue;
        }
        seen.insert(id);
        if ((spec.kind == CatalogKind::System || spec.kind == CatalogKind::ChipCalibration)
            && !row(CatalogKind::Chip, values->value(QStringLiteral("chip_id")).toString())) {
            result.issues.append({rec.line, QStringLiteral("chip_id"),
                                  Tr::tr("no chip with id '%1' in the catalog").arg(values->value(QStringLiteral("chip_id")).toString())});
            continue;
        }
        rowsToWrite << *values;
    }
    if (!result.issues.isEmpty())
        return result;

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    for (const QVariantMap &values : std::as_const(rowsToWrite)) {
        QString error;
        if (!insertRow(spec, values, kUser, &error)) {
            db.rollback();
            result.error = error;
            return result;
        }
    }
    if (!db.commit()) {
        result.error = db.lastError().text();
        return result;
    }
    result.ok = true;
    result.rowCount = int(rowsToWrite.size());
    return result;
}

QByteArray Catalog::exportCsv(CatalogKind kind) const
{
    const KindSpec &spec = kindSpec(kind);
    QByteArray out = csv::writeRecord(spec.columnNames());
    for (const CatalogRow &r : rows(kind)) {
        QStringList fields;
        for (const ColumnSpec &c : spec.columns)
            fields << valueToText(c, r.values.value(c.columnName()));
        out += csv::writeRecord(fields);
    }
    return out;
}

} // namespace th
