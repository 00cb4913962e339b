// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/catalog/csv.h"
#include "tests/support/testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace th;

namespace {

/// Runs SQL on a catalog file through a separate connection (simulating another program or an
/// older/newer Terahall having written it).
void execOnFile(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-") + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &s : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(s), qPrintable(s));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QMap<QString, QString> rawRow(const Catalog &catalog, CatalogKind kind, const QString &id)
{
    const std::optional<CatalogRow> row = catalog.row(kind, id);
    QMap<QString, QString> raw;
    if (!row)
        return raw;
    for (const ColumnSpec &c : kindSpec(kind).columns)
        raw.insert(c.columnName(), valueToText(c, row->values.value(c.columnName())));
    return raw;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT
private slots:
    void schemaMatchesColumnSpecs()
    {
        Catalog catalog;
        QString error;
        QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
        QCOMPARE(catalog.schemaVersion(), Catalog::currentSchemaVersion());
        // Every table in schema.sql has exactly the columns of catalogschema.cpp, plus origin.
        for (const KindSpec &k : catalogKinds()) {
            const std::optional<CatalogRow> any = catalog.rows(k.kind).isEmpty() ? std::nullopt
                                                                                  : std::optional<CatalogRow>(catalog.rows(k.kind).front());
            if (!any)
                continue;
            QCOMPARE(QStringList(any->values.keys()).size(), k.columns.size());
        }
    }

    void schemaColumnsInDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        {
            Catalog catalog;
            QString error;
            QVERIFY2(catalog.open(path, &error), qPrintable(error));
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("columns"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const KindSpec &k : catalogKinds()) {
            QStringList expected = k.columnNames();
            expected << QStringLiteral("origin");
            QCOMPARE(db.record(k.tableName()).count(), expected.size());
            for (int i = 0; i < expected.size(); ++i)
                QCOMPARE(db.record(k.tableName()).fieldName(i), expected.at(i));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("columns"));
    }

    void userRowOverridesShippedWithoutLosingIt()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        const std::optional<CatalogRow> shipped = catalog.row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
        QVERIFY(shipped);
        QVERIFY(!shipped->isUser);
        const qsizetype count = catalog.rows(CatalogKind::Chip).size();

        QMap<QString, QString> raw = rawRow(catalog, CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
        raw[QStringLiteral("price_usd")] = QStringLiteral("19999");
        raw[QStringLiteral("source")] = QStringLiteral("our purchase order 2026-11");
        QList<CatalogIssue> issues;
        QVERIFY(catalog.saveUserRow(CatalogKind::Chip, raw, &issues));
        QVERIFY(issues.isEmpty());

        const std::optional<CatalogRow> effective = catalog.row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
        QVERIFY(effective->isUser);
        QVERIFY(effective->overridesShipped);
        QCOMPARE(effective->number("price_usd").value(), 19999.0);
        QCOMPARE(catalog.rows(CatalogKind::Chip).size(), count); // an override, not a new row
        QCOMPARE(catalog.shippedRow(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"))->values,
                 shipped->values); // the shipped row is kept

        QVERIFY(catalog.removeUserRow(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"), &error));
        QCOMPARE(catalog.row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"))->values, shipped->values);
        QVERIFY(!catalog.removeUserRow(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"), &error));
    }

    void badUserRowIsRefused()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        QMap<QString, QString> raw = rawRow(catalog, CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
        raw[QStringLiteral("id")] = QStringLiteral("my-chip");
        raw[QStringLiteral("memory_gb")] = QStringLiteral("-80");
        raw[QStringLiteral("confidence")] = QStringLiteral("certain");
        QList<CatalogIssue> issues;
        QVERIFY(!catalog.saveUserRow(CatalogKind::Chip, raw, &issues));
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues.at(0).column, QStringLiteral("memory_gb"));
        QVERIFY(issues.at(0).message.contains(QLatin1String("[0.001, 100000] GB")));
        QCOMPARE(issues.at(1).column, QStringLiteral("confidence"));
        QVERIFY(!catalog.row(CatalogKind::Chip, QStringLiteral("my-chip")));
    }

    void updateReplacesShippedAndKeepsUserRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        QString error;
        {
            Catalog catalog;
            QVERIFY(catalog.open(path, &error));
            QMap<QString, QString> raw = rawRow(catalog, CatalogKind::Chip, QStringLiteral("nvidia-a100-sxm-80gb"));
            raw[QStringLiteral("id")] = QStringLiteral("lab-a100-custom");
            QVERIFY(catalog.saveUserRow(CatalogKind::Chip, raw, nullptr));
        }
        // An older Terahall shipped different content: a changed figure and a stale hash.
        execOnFile(path, {QStringLiteral("UPDATE chip SET bf16_tflops = 1 WHERE id = 'nvidia-h100-sxm' AND origin = 'shipped'"),
                          QStringLiteral("UPDATE catalog_meta SET value = 'old' WHERE key = 'shipped_hash'")});
        Catalog catalog;
        QVERIFY(catalog.open(path, &error));
        QVERIFY(catalog.row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"))->number("bf16_tflops").value() > 900);
        QVERIFY(catalog.row(CatalogKind::Chip, QStringLiteral("lab-a100-custom")));
        QVERIFY(catalog.row(CatalogKind::Chip, QStringLiteral("lab-a100-custom"))->isUser);
    }

    void newerSchemaIsRefusedAndFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        QString error;
        {
            Catalog catalog;
            QVERIFY(catalog.open(path, &error));
        }
        execOnFile(path, {QStringLiteral("UPDATE schema_version SET version = 99")});
        const QByteArray before = fileHash(path);
        Catalog catalog;
        QVERIFY(!catalog.open(path, &error));
        QVERIFY2(error.contains(QLatin1String("99")) && error.contains(QLatin1String("newer")), qPrintable(error));
        QCOMPARE(fileHash(path), before);
    }

    void notACatalogIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        execOnFile(path, {QStringLiteral("CREATE TABLE invoices (n INTEGER)")});
        Catalog catalog;
        QString error;
        QVERIFY(!catalog.open(path, &error));
        QVERIFY(error.contains(QLatin1String("not a Terahall catalog")));
    }

    void migrationsRunInOrderAndRollBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        QString error;
        {
            Catalog catalog;
            QVERIFY(catalog.open(path, &error));
        }
        // A failing migration leaves the file at its old version: its first statement is rolled
        // back too (otherwise the CREATE TABLE below would fail on the second try).
        Catalog::setMigrationsForTesting(QList<CatalogMigration>{{1, QByteArray("CREATE TABLE extra (x INTEGER);\nTHIS IS NOT SQL;\n")}});
        execOnFile(path, {QStringLiteral("UPDATE schema_version SET version = 0")});
        {
            Catalog catalog;
            QVERIFY(!catalog.open(path, &error));
        }
        Catalog::setMigrationsForTesting(QList<CatalogMigration>{{1, QByteArray("CREATE TABLE extra (x INTEGER);\n")},
                                                                 {2, QByteArray("ALTER TABLE extra ADD COLUMN y TEXT;\n")}});
        {
            Catalog catalog;
            QVERIFY2(catalog.open(path, &error), qPrintable(error));
            QCOMPARE(catalog.schemaVersion(), 2);
        }
        Catalog::setMigrationsForTesting(std::nullopt);
    }

    void upgradesARealVersion1Catalog()
    {
        // A catalog created by the first release (schema 1, kept in tests/testdata), with a user
        // row: opening it migrates to the current schema, reloads shipped rows (new columns
        // filled) and keeps the user row.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        QFile v1(test::sourcePath(QStringLiteral("tests/testdata/catalog-schema-v1.sql")));
        QVERIFY(v1.open(QIODevice::ReadOnly));
        QStringList statements;
        QString current;
        for (const QString &line : QString::fromUtf8(v1.readAll()).split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(QLatin1String("--")))
                continue;
            current += line + QLatin1Char('\n');
            if (line.trimmed().endsWith(QLatin1Char(';'))) {
                statements << current;
                current.clear();
            }
        }
        statements << QStringLiteral("INSERT INTO model_preset (id, name, family, params, layers, hidden, ffn_hidden, heads, kv_heads, "
                                     "seq_len, vocab, gated_mlp, source, confidence, origin) VALUES ('my-model', 'Mine', 'Mine', 7e9, "
                                     "32, 4096, 11008, 32, 32, 4096, 32000, 1, 'our notes', 'medium', 'user')");
        execOnFile(path, statements);
        Catalog catalog;
        QString error;
        QVERIFY2(catalog.open(path, &error), qPrintable(error));
        QCOMPARE(catalog.schemaVersion(), Catalog::currentSchemaVersion());
        QCOMPARE(catalog.row(CatalogKind::Model, QStringLiteral("deepseek-v3"))->integer("kv_lora_rank"), 512);
        QCOMPARE(catalog.row(CatalogKind::Model, QStringLiteral("qwen3-32b"))->integer("head_dim"), 128);
        const std::optional<CatalogRow> mine = catalog.row(CatalogKind::Model, QStringLiteral("my-model"));
        QVERIFY(mine && mine->isUser);
        QCOMPARE(mine->integer("layers"), 32);
    }

    void importAllOrNothing()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        const qsizetype before = catalog.rows(CatalogKind::Chip).size();
        // Export, rename two rows, break one value in the second: nothing may be imported.
        const csv::ParseResult exported = csv::parse(catalog.exportCsv(CatalogKind::Chip));
        QVERIFY(exported.error.isEmpty());
        QStringList header = exported.records.at(0).fields;
        QStringList good = exported.records.at(1).fields;
        QStringList bad = exported.records.at(2).fields;
        good[0] = QStringLiteral("import-good");
        bad[0] = QStringLiteral("import-bad");
        bad[int(header.indexOf(QStringLiteral("tdp_w")))] = QStringLiteral("lots");
        QByteArray data = csv::writeRecord(header) + csv::writeRecord(good) + csv::writeRecord(bad);
        ImportResult r = catalog.importCsv(data);
        QVERIFY(!r.ok);
        QCOMPARE(r.issues.size(), 1);
        QCOMPARE(r.issues.front().line, 3);
        QCOMPARE(r.issues.front().column, QStringLiteral("tdp_w"));
        QVERIFY(r.issues.front().toString().startsWith(QLatin1String("line 3, column tdp_w:")));
        QCOMPARE(catalog.rows(CatalogKind::Chip).size(), before);
        QVERIFY(!catalog.row(CatalogKind::Chip, QStringLiteral("import-good")));

        // Fixed: both rows go in as user rows.
        bad[int(header.indexOf(QStringLiteral("tdp_w")))] = QStringLiteral("650");
        data = csv::writeRecord(header) + csv::writeRecord(good) + csv::writeRecord(bad);
        r = catalog.importCsv(data);
        QVERIFY(r.ok);
        QCOMPARE(r.rowCount, 2);
        QCOMPARE(catalog.rows(CatalogKind::Chip).size(), before + 2);
        QVERIFY(catalog.row(CatalogKind::Chip, QStringLiteral("import-bad"))->isUser);
    }

    void importErrors_data()
    {
        QTest::addColumn<QByteArray>("csvData");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty");
        QTest::newRow("unknown-header") << QByteArray("id,foo\nx,1\n") << QStringLiteral("header does not match");
        QTest::newRow("unclosed-quote") << QByteArray("id,name\n\"x,1\n") << QStringLiteral("line 2");
    }
    void importErrors()
    {
        QFETCH(QByteArray, csvData);
        QFETCH(QString, expected);
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        const ImportResult r = catalog.importCsv(csvData);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void importChecksReferencesAndDuplicates()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        const csv::ParseResult exported = csv::parse(catalog.exportCsv(CatalogKind::System));
        const QStringList header = exported.records.at(0).fields;
        QStringList a = exported.records.at(1).fields;
        a[0] = QStringLiteral("dup-system");
        QStringList b = a;
        b[int(header.indexOf(QStringLiteral("chip_id")))] = QStringLiteral("no-such-chip");
        b[0] = QStringLiteral("other-system");
        const QByteArray data = csv::writeRecord(header) + csv::writeRecord(a) + csv::writeRecord(a) + csv::writeRecord(b);
        const ImportResult r = catalog.importCsv(data);
        QVERIFY(!r.ok);
        QCOMPARE(r.issues.size(), 2);
        QCOMPARE(r.issues.at(0).line, 3);
        QVERIFY(r.issues.at(0).message.contains(QLatin1String("more than once")));
        QCOMPARE(r.issues.at(1).column, QStringLiteral("chip_id"));
        QVERIFY(!catalog.row(CatalogKind::System, QStringLiteral("dup-system")));
    }

    void injectionIsStoredLiterally()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        QMap<QString, QString> raw = rawRow(catalog, CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
        raw[QStringLiteral("id")] = QStringLiteral("evil-chip");
        const QString name = QStringLiteral("x'); DROP TABLE chip; -- <b>bold</b>");
        raw[QStringLiteral("name")] = name;
        QVERIFY(catalog.saveUserRow(CatalogKind::Chip, raw, nullptr));
        QCOMPARE(catalog.row(CatalogKind::Chip, QStringLiteral("evil-chip"))->text("name"), name);
        QVERIFY(catalog.row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm")));
    }

    void exportImportRoundTrip()
    {
        Catalog a;
        QString error;
        QVERIFY(a.openInMemory(&error));
        for (CatalogKind kind : {CatalogKind::Chip, CatalogKind::System, CatalogKind::Equipment, CatalogKind::Model}) {
            Catalog b;
            QVERIFY(b.openInMemory(&error));
            const QByteArray exported = a.exportCsv(kind);
            const ImportResult r = b.importCsv(exported);
            QVERIFY2(r.ok, qPrintable(r.error + (r.issues.isEmpty() ? QString() : r.issues.front().toString())));
            QCOMPARE(r.rowCount, int(a.rows(kind).size()));
            QCOMPARE(b.exportCsv(kind), exported); // user copies equal the shipped rows
        }
    }

    void conversions()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        const engine::ChipSpec h100 = chipSpecFromRow(*catalog.row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm")));
        QCOMPARE(h100.peakTflops(engine::Precision::Bf16).value(), 989.4);
        QVERIFY(!h100.peakTflops(engine::Precision::Fp4));
        // NVLink4 900 GB/s bidirectional = 450 GB/s per direction.
        QCOMPARE(h100.scaleUpGbPerSecPerDirection, 450.0);
        QCOMPARE(h100.memoryGib, 80.0);
        const engine::ModelSpec gpt3 = modelSpecFromRow(*catalog.row(CatalogKind::Model, QStringLiteral("gpt3-175b")));
        QCOMPARE(gpt3.layers, 96);
        QCOMPARE(gpt3.hidden, 12288);
        QVERIFY(gpt3.hasArchitecture());
        const double watts = itWattsPerChip(catalog, QStringLiteral("nvidia-h100-sxm"));
        QVERIFY2(watts > 700 && watts < 2000, QByteArray::number(watts).constData());
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
