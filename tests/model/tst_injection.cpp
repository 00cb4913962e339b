// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Injection (issue 7, docs/hardening.md), model level:
//   - labels and names with SQL, HTML and control characters round-trip through .thplan
//     byte-exactly and come back as the same text (no escaping, stripping or interpretation);
//   - catalog imports of such names store them literally (bound parameters: the SQL is text);
//     ids outside the slug alphabet are refused with an issue, never executed or normalised;
//   - a plan whose ids, labels and unknown fields look like paths or URLs is only ever treated as
//     opaque text: loading, saving and evaluating it opens no file they name (inotify watch) and
//     creates none. The model does not link Qt Network at all (th_forbid_links in tests/fuzz).
#include "model/analysis/catalogcache.h"
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/catalog/csv.h"
#include "model/commands/changegeometry.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_LINUX
#include <sys/inotify.h>
#include <unistd.h>
#endif

using namespace th;

class TestInjection : public QObject
{
    Q_OBJECT
private slots:
    void labelsRoundTrip_data();
    void labelsRoundTrip();
    void catalogImportStoresLiterally_data();
    void catalogImportStoresLiterally();
    void catalogRefusesNonSlugIds();
    void planPathsAreOpaque();
};

namespace {

void addNastyRows()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("sql-drop") << QStringLiteral("'; DROP TABLE chips; --");
    QTest::newRow("sql-quote") << QStringLiteral("Robert'); DELETE FROM systems WHERE ('1'='1");
    QTest::newRow("sql-union") << QStringLiteral("x\" UNION SELECT * FROM sqlite_master --");
    QTest::newRow("html-script") << QStringLiteral("<script>alert('x')</script>");
    QTest::newRow("html-img") << QStringLiteral("<img src=x onerror=alert(1)> &amp; &lt;b&gt;");
    QTest::newRow("html-qt-richtext") << QStringLiteral("<html><body><a href=\"file:///etc/passwd\">click</a></body></html>");
    QTest::newRow("control-chars") << QStringLiteral("a\x01\x02\x07\x08\x0b\x0c\x1b[31mred\x1b[0m\x7f z");
    QTest::newRow("whitespace") << QStringLiteral("\t tab\r\nnew line\n ");
    QTest::newRow("nul") << QString(QStringLiteral("before")).append(QChar(0)).append(QStringLiteral("after"));
    QTest::newRow("unicode-bidi") << QStringLiteral("\u202Eevil\u202C \u200B\uFEFF 机柜 🚀");
    QTest::newRow("json-ish") << QStringLiteral("\"},{\"id\":1,\"kind\":\"system\"} \\u0000 \\\"");
    QTest::newRow("csv-ish") << QStringLiteral("a,\"b\"\"c\",\r\nd");
    QTest::newRow("format-args") << QStringLiteral("%1 %2 %n %s %x {0}");
}

} // namespace

void TestInjection::labelsRoundTrip_data()
{
    addNastyRows();
}

void TestInjection::labelsRoundTrip()
{
    QFETCH(QString, text);
    FloorPlan plan;
    plan.name = text;
    plan.author = text;
    plan.description = text;
    Hall hall;
    hall.id = 1;
    hall.name = text;
    plan.addHall(hall);
    auto e = std::make_unique<Equipment>(EquipmentId(1), EquipmentKind::System, text);
    e->setHallId(1);
    e->setLabel(text);
    e->setProperty(QStringLiteral("feed"), text);
    plan.insertEquipment(std::move(e));
    Structure s;
    s.id = 2;
    s.hallId = 1;
    s.rectMm = QRectF(0, 0, 100, 100);
    s.label = text;
    plan.insertStructure(s);

    // Also through the document and its commands, as the inspector does.
    FloorPlanDocument doc;
    doc.resetPlan(plan);
    doc.undoStack()->push(new ChangeEquipmentValueCommand(&doc, {1}, QStringLiteral("label"), text + text));

    const QByteArray bytes = writePlan(doc.plan());
    const PlanReadResult r = readPlan(bytes);
    QVERIFY2(r.plan, qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
    const FloorPlan &back = *r.plan;
    QCOMPARE(back.name, text);
    QCOMPARE(back.author, text);
    QCOMPARE(back.description, text);
    QCOMPARE(back.halls().first().name, text);
    QCOMPARE(back.equipmentAt(0).catalogId(), text);
    QCOMPARE(back.equipmentAt(0).label(), text + text);
    QCOMPARE(back.equipmentAt(0).properties().value(QStringLiteral("feed")).toString(), text);
    QCOMPARE(back.structures().first().label, text);
    QCOMPARE(writePlan(back), bytes);

    // Through the file on disk, byte-exactly.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.thplan"));
    QString error;
    QVERIFY2(savePlanFile(path, back, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), bytes);
    QVERIFY(readPlanFile(path).plan.has_value());
}

void TestInjection::catalogImportStoresLiterally_data()
{
    addNastyRows();
}

void TestInjection::catalogImportStoresLiterally()
{
    QFETCH(QString, text);
    Catalog catalog;
    QString error;
    QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
    const int chipsBefore = int(catalog.rows(CatalogKind::Chip).size());
    const int systemsBefore = int(catalog.rows(CatalogKind::System).size());

    // A shipped chip row as exported, with a new id and the nasty text as name, vendor and notes.
    const csv::ParseResult exported = csv::parse(catalog.exportCsv(CatalogKind::Chip));
    QVERIFY(exported.error.isEmpty() && exported.records.size() > 1);
    const QStringList header = exported.records.at(0).fields;
    QStringList fields = exported.records.at(1).fields;
    const QString id = QStringLiteral("injection-test-chip");
    fields[header.indexOf(QStringLiteral("id"))] = id;
    for (const char *column : {"name", "vendor", "notes"}) {
        const qsizetype c = header.indexOf(QString::fromLatin1(column));
        QVERIFY(c >= 0);
        fields[c] = text;
    }
    const QByteArray csvData = csv::writeRecord(header) + csv::writeRecord(fields);
    const ImportResult result = catalog.importCsv(csvData);
    QStringList issues;
    for (const CatalogIssue &i : result.issues)
        issues << i.toString();
    if (text.contains(QChar(0))) {
        // The CSV reader refuses NUL bytes outright (csv.h): refused with a line, never truncated.
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty() || !result.issues.isEmpty());
        QCOMPARE(catalog.rows(CatalogKind::Chip).size(), chipsBefore);
        return;
    }
    QVERIFY2(result.ok, qPrintable(result.error + issues.join(QLatin1Char('\n'))));
    QCOMPARE(result.rowCount, 1);

    const std::optional<CatalogRow> row = catalog.row(CatalogKind::Chip, id);
    QVERIFY(row);
    // Text columns are trimmed on import (catalog-columns.md); everything else is kept verbatim.
    QCOMPARE(row->text("name"), text.trimmed());
    QCOMPARE(row->text("vendor"), text.trimmed());
    QCOMPARE(row->text("notes"), text.trimmed());
    // Nothing was executed: every table is still there with its rows.
    QCOMPARE(catalog.rows(CatalogKind::Chip).size(), chipsBefore + 1);
    QCOMPARE(catalog.rows(CatalogKind::System).size(), systemsBefore);
    QVERIFY(!catalog.rows(CatalogKind::Model).isEmpty());
    // Export gives the same text back (CSV-quoted), and re-importing it is a no-op change.
    const csv::ParseResult again = csv::parse(catalog.exportCsv(CatalogKind::Chip));
    QVERIFY(again.error.isEmpty());
    bool found = false;
    for (const csv::Record &rec : again.records) {
        if (rec.fields.value(0) == id) {
            found = true;
            QCOMPARE(rec.fields.at(header.indexOf(QStringLiteral("name"))), text.trimmed());
        }
    }
    QVERIFY(found);
}

void TestInjection::catalogRefusesNonSlugIds()
{
    Catalog catalog;
    QString error;
    QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
    const int before = int(catalog.rows(CatalogKind::Chip).size());
    const csv::ParseResult exported = csv::parse(catalog.exportCsv(CatalogKind::Chip));
    const QStringList header = exported.records.at(0).fields;
    for (const QString &id : {QStringLiteral("x'; DROP TABLE chips; --"), QStringLiteral("../../etc/passwd"),
                              QStringLiteral("<b>id</b>"), QStringLiteral("a\x01z"), QStringLiteral("file:///etc/passwd")}) {
        QStringList fields = exported.records.at(1).fields;
        fields[header.indexOf(QStringLiteral("id"))] = id;
        const ImportResult r = catalog.importCsv(csv::writeRecord(header) + csv::writeRecord(fields));
        QVERIFY2(!r.ok, qPrintable(id));
        QVERIFY(!r.issues.isEmpty());
        QCOMPARE(r.issues.first().line, 2);
        QCOMPARE(r.issues.first().column, QStringLiteral("id"));
        QVERIFY(!catalog.row(CatalogKind::Chip, id));
    }
    QCOMPARE(catalog.rows(CatalogKind::Chip).size(), before);
}

void TestInjection::planPathsAreOpaque()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("plans")));
    const QString canary = dir.filePath(QStringLiteral("canary.csv"));
    {
        QFile f(canary);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name\nsecret,do not read\n");
    }
    const QString missing = dir.filePath(QStringLiteral("must-not-exist.thplan"));
    const QStringList refs{QStringLiteral("../canary.csv"),
                           canary,
                           QStringLiteral("file://") + canary,
                           missing,
                           QStringLiteral("file://") + missing,
                           QStringLiteral("../../etc/passwd"),
                           QStringLiteral("file:///etc/passwd"),
                           QStringLiteral("http://127.0.0.1:9/x.csv"),
                           QStringLiteral("https://example.invalid/catalog.sqlite"),
                           QStringLiteral("\\\\server\\share\\x"),
                           QStringLiteral("qrc:/catalog/chips.csv"),
                           QStringLiteral(":/catalog/schema.sql"),
                           QStringLiteral("sqlite:///") + canary,
                           QStringLiteral("$(touch ") + missing + QLatin1Char(')')};

    FloorPlan plan;
    plan.name = QStringLiteral("paths");
    plan.unknownFields.insert(QStringLiteral("$include"), canary);
    plan.unknownFields.insert(QStringLiteral("catalog"), QStringLiteral("file://") + canary);
    Hall hall;
    hall.id = 1;
    plan.addHall(hall);
    EquipmentId id = 1;
    for (const QString &ref : refs) {
        for (EquipmentKind kind : {EquipmentKind::System, EquipmentKind::Facility}) {
            auto e = std::make_unique<Equipment>(id, kind, ref);
            e->setHallId(1);
            e->setPositionMm(600.0 * double(id), 0);
            e->setLabel(ref);
            e->setProperty(QStringLiteral("source"), ref);
            e->setUnknownFields(QJsonObject{{QStringLiteral("href"), ref}});
            plan.insertEquipment(std::move(e));
            ++id;
        }
    }
    Workload w;
    w.model = QJsonObject{{QStringLiteral("preset"), canary}};
    w.tokens = 1e12;
    plan.setWorkload(w);

    Catalog catalog;
    QString error;
    QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
    const QString planPath = dir.filePath(QStringLiteral("plans/p.thplan"));
    QVERIFY2(savePlanFile(planPath, plan, &error), qPrintable(error));

#ifdef Q_OS_LINUX
    // Watch the directory: any open, read or creation of a file in it shows up as an event.
    const int fd = inotify_init1(IN_NONBLOCK);
    QVERIFY(fd >= 0);
    QVERIFY(inotify_add_watch(fd, QFile::encodeName(dir.path()).constData(), IN_OPEN | IN_ACCESS | IN_CREATE | IN_MODIFY) >= 0);
#endif
    const PlanReadResult r = readPlanFile(planPath);
    QVERIFY2(r.plan, qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
    int i = 0;
    for (const QString &ref : refs) {
        for (int k = 0; k < 2; ++k, ++i) {
            QCOMPARE(r.plan->equipmentAt(i).catalogId(), ref); // kept as an opaque id
            QVERIFY(!catalog.findAnyKind(ref));               // and it is no catalog row
        }
    }
    CatalogCache cache(&catalog);
    const PlanEvaluation evaluation = evaluatePlan(*r.plan, cache);
    QCOMPARE(evaluation.accelerators, 0LL); // nothing resolved from any of those "paths"
    const QByteArray written = writePlan(*r.plan);
    QVERIFY(written.contains("canary.csv"));
#ifdef Q_OS_LINUX
    char buffer[4096];
    QStringList touched;
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t off = 0; off < n;) {
            const auto *ev = reinterpret_cast<const inotify_event *>(buffer + off);
            touched << (ev->len ? QString::fromLocal8Bit(ev->name) : QStringLiteral("<dir>"));
            off += ssize_t(sizeof(inotify_event) + ev->len);
        }
    }
    close(fd);
    // Only the plan itself (in plans/, a subdirectory: its events are not reported here) and the
    // directory listing are allowed; the canary must never be opened.
    touched.removeAll(QStringLiteral("plans"));
    QVERIFY2(touched.isEmpty(), qPrintable(QStringLiteral("files touched while loading/evaluating: ") + touched.join(QStringLiteral(", "))));
#endif
    QVERIFY(!QFile::exists(missing));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("canary.csv")});
}

QTEST_GUILESS_MAIN(TestInjection)
#include "tst_injection.moc"
