// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/planfile.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace th;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList samplePlans()
{
    return QDir(test::sourcePath(QStringLiteral("data/samples"))).entryList({QStringLiteral("*.thplan")}, QDir::Files, QDir::Name);
}
} // namespace

class TestPlanFile : public QObject
{
    Q_OBJECT
private slots:
    void samplesRoundTripByteIdentical_data()
    {
        QTest::addColumn<QString>("file");
        QVERIFY(samplePlans().size() >= 4);
        for (const QString &f : samplePlans())
            QTest::newRow(qPrintable(f)) << test::sourcePath(QStringLiteral("data/samples/") + f);
    }
    void samplesRoundTripByteIdentical()
    {
        QFETCH(QString, file);
        const PlanReadResult first = readPlanFile(file);
        QVERIFY2(first.plan, qPrintable(first.errors.isEmpty() ? QString() : first.errors.front().toString()));
        const QByteArray saved = writePlan(*first.plan);
        const PlanReadResult second = readPlan(saved);
        QVERIFY(second.plan);
        QCOMPARE(writePlan(*second.plan), saved); // save -> load -> save is byte-identical
        QCOMPARE(second.plan->equipmentCount(), first.plan->equipmentCount());
        QVERIFY(!first.plan->description.isEmpty()); // every sample documents itself
    }

    void unknownFieldsAndMissingCatalogIdsAreKept()
    {
        QJsonObject root = QJsonDocument::fromJson(readAll(test::sourcePath(QStringLiteral("data/samples/gb200-nvl72-pod.thplan")))).object();
        root.insert(QStringLiteral("x_future_field"), QStringLiteral("keep me"));
        QJsonArray eq = root.value(QStringLiteral("equipment")).toArray();
        QJsonObject first = eq.at(0).toObject();
        first.insert(QStringLiteral("catalog_id"), QStringLiteral("vendor-rack-not-in-catalog"));
        first.insert(QStringLiteral("x_item_note"), 42);
        eq[0] = first;
        root.insert(QStringLiteral("equipment"), eq);
        const PlanReadResult r = readPlan(QJsonDocument(root).toJson());
        QVERIFY(r.plan);
        QCOMPARE(r.plan->equipmentAt(0).catalogId(), QStringLiteral("vendor-rack-not-in-catalog"));
        const QJsonObject back = QJsonDocument::fromJson(writePlan(*r.plan)).object();
        QCOMPARE(back.value(QStringLiteral("x_future_field")).toString(), QStringLiteral("keep me"));
        QCOMPARE(back.value(QStringLiteral("equipment")).toArray().at(0).toObject().value(QStringLiteral("x_item_note")).toInt(), 42);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        const QByteArray good = readAll(test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan")));
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("corrupt or truncated");
        QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n garbage") << QStringLiteral("corrupt or truncated");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("corrupt or truncated");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("expected a JSON object");
        QTest::newRow("scenario-not-plan") << QByteArray(R"({"schema": "terahall.scenario/1", "model": {}})") << QStringLiteral("this is a \"terahall.scenario/1\" document");
        QTest::newRow("no-schema") << QByteArray(R"({"halls": []})") << QStringLiteral("no \"schema\"");
        QTest::newRow("newer-version") << QByteArray(good).replace("terahall.plan/1", "terahall.plan/7") << QStringLiteral("newer Terahall (format version 7");
        QTest::newRow("bad-rotation") << QByteArray(good).replace("\"rotation\": 180", "\"rotation\": 45") << QStringLiteral("/equipment/0/rotation");
        QTest::newRow("negative-hall") << QByteArray(good).replace("\"width_mm\": 30000", "\"width_mm\": -5") << QStringLiteral("/halls/0/width_mm");
        QTest::newRow("unknown-hall-ref") << QByteArray(good).replace("\"hall\": 1,", "\"hall\": 9,") << QStringLiteral("no hall with id 9");
        QTest::newRow("no-halls") << QByteArray(R"({"schema": "terahall.plan/1", "halls": []})") << QStringLiteral("at least one hall");
    }
    void badFiles()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        const PlanReadResult r = readPlan(data);
        QVERIFY(!r.plan);
        QStringList all;
        for (const InputError &e : r.errors)
            all << e.toString();
        QVERIFY2(all.join(QLatin1Char('|')).contains(expected), qPrintable(all.join(QLatin1Char('|'))));
    }

    void atomicSaveFailureKeepsOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.thplan"));
        const PlanReadResult r = readPlanFile(test::sourcePath(QStringLiteral("data/samples/ascend-910b-hall.thplan")));
        QVERIFY(r.plan);
        QString error;
        QVERIFY(savePlanFile(path, *r.plan, &error));
        const QByteArray before = readAll(path);
        // "Disk full": a file-size limit below the plan's size makes every write fail with EFBIG
        // (works for root too, unlike permissions). The old file must stay byte for byte.
        FloorPlan changed = *r.plan;
        changed.name = QStringLiteral("changed");
        struct rlimit old;
        getrlimit(RLIMIT_FSIZE, &old);
        const auto oldHandler = signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 1024;
        setrlimit(RLIMIT_FSIZE, &small);
        const bool saved = savePlanFile(path, changed, &error);
        setrlimit(RLIMIT_FSIZE, &old);
        signal(SIGXFSZ, oldHandler);
        QVERIFY2(!saved, qPrintable(QStringLiteral("saved; size %1").arg(QFileInfo(path).size())));
        QVERIFY2(error.contains(QLatin1String("cannot write")), qPrintable(error));
        QCOMPARE(readAll(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("plan.thplan")}); // no temp left
    }

    void saveToMissingDirectoryFails()
    {
        const PlanReadResult r = readPlanFile(test::sourcePath(QStringLiteral("data/samples/ascend-910b-hall.thplan")));
        QString error;
        QVERIFY(!savePlanFile(QStringLiteral("/nonexistent-dir/x/plan.thplan"), *r.plan, &error));
        QVERIFY(error.contains(QLatin1String("cannot write")));
    }
};

QTEST_GUILESS_MAIN(TestPlanFile)
#include "tst_planfile.moc"
