// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety of the model-level save (issue 7, docs/hardening.md). A helper process
// (savehelper) saves two distinct ~1.5 MB plans alternately with savePlanFile; this test kills it
// with SIGKILL at random (seeded) moments, ≥ 100 times. After every kill:
//   - the file on disk is byte-identical to plan A or plan B, and parses (readPlan);
//   - it is the last save the helper reported complete, or the one it was committing when killed
//     (the rename happened, the report did not): a save never goes backwards or is half there;
//   - the directory holds nothing but the target, the two sources and, at most, temporary files
//     named like QSaveFile's ("plan.thplan.XXXXXX"); their number is reported, not failed on, since
//     no process can clean up after SIGKILL (see docs/hardening.md).
// Seed: TH_CRASH_SEED=<n>.
#include "model/io/planfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>

using namespace th;

class TestCrashSafety : public QObject
{
    Q_OBJECT
private slots:
    void killDuringSave();
};

namespace {

/// A plan with `count` racks in a big hall; `variant` changes labels and positions so the two
/// plans differ in every item (and in size).
FloorPlan largePlan(int count, int variant)
{
    FloorPlan plan;
    plan.name = QStringLiteral("Crash safety %1").arg(variant);
    Hall hall;
    hall.id = 1;
    hall.name = QStringLiteral("Hall");
    hall.widthMm = 600000;
    hall.depthMm = 600000;
    plan.addHall(hall);
    for (int i = 0; i < count; ++i) {
        auto e = std::make_unique<Equipment>(EquipmentId(i + 1), i % 7 == 0 ? EquipmentKind::Facility : EquipmentKind::System,
                                             i % 7 == 0 ? QStringLiteral("crah-150kw") : QStringLiteral("dgx-h100"));
        e->setHallId(1);
        e->setPositionMm(600.0 * (i % 500) + variant * 600.0, 1200.0 * (i / 500));
        e->setRotationDeg(90 * ((i + variant) % 4));
        e->setSizeMm(600, 1200);
        e->setLabel(QStringLiteral("%1-row%2-rack%3").arg(variant ? QStringLiteral("B") : QStringLiteral("A")).arg(i / 500).arg(i % 500));
        e->setProperty(QStringLiteral("units_per_rack"), 1 + (i + variant) % 4);
        plan.insertEquipment(std::move(e));
    }
    return plan;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestCrashSafety::killDuringSave()
{
    bool seedOk = false;
    const quint32 envSeed = qEnvironmentVariable("TH_CRASH_SEED").toUInt(&seedOk);
    const quint32 seed = seedOk ? envSeed : 7u;
    QRandomGenerator rng(seed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pathA = dir.filePath(QStringLiteral("a.source"));
    const QString pathB = dir.filePath(QStringLiteral("b.source"));
    const QString target = dir.filePath(QStringLiteral("plan.thplan"));
    const QByteArray bytes[2] = {writePlan(largePlan(4000, 0)), writePlan(largePlan(4400, 1))};
    QVERIFY(bytes[0].size() > 1000000 && bytes[1].size() > 1000000 && bytes[0] != bytes[1]);
    for (int i = 0; i < 2; ++i) {
        QFile f(i == 0 ? pathA : pathB);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes[i]), bytes[i].size());
    }

    // The period of one save here, to spread the kills over a few saves.
    QString error;
    const FloorPlan planA = *readPlan(bytes[0]).plan;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 3; ++i)
        QVERIFY2(savePlanFile(target, planA, &error), qPrintable(error));
    const qint64 periodUs = std::max<qint64>(1000, timer.nsecsElapsed() / 3000);
    QCOMPARE(readAll(target), bytes[0]);

    constexpr int kKills = 110;
    int onDisk = 0; // which plan the file holds
    int killedMidWrite = 0, totalSaves = 0, maxLeftovers = 0;
    const QRegularExpression saveFileTemp(QStringLiteral("^plan\\.thplan\\.[A-Za-z0-9]{6}$"));
    QElapsedTimer wall;
    wall.start();
    for (int kill = 0; kill < kKills; ++kill) {
        const int first = int(rng.bounded(2u));
        QProcess p;
        p.setProgram(QStringLiteral(TH_SAVEHELPER_PATH));
        p.setArguments({target, pathA, pathB, QString::number(first)});
        p.start();
        QVERIFY2(p.waitForStarted(10000), qPrintable(p.errorString()));
        QVERIFY2(p.waitForReadyRead(20000), "savehelper did not report ready");
        QVERIFY(p.read(1) == "r");
        // Kill at a random moment within about three saves (seeded).
        QThread::usleep(rng.bounded(quint64(3 * periodUs)));
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        const QByteArray reports = p.readAllStandardOutput();
        totalSaves += int(reports.size());

        const QByteArray now = readAll(target);
        const int which = now == bytes[0] ? 0 : now == bytes[1] ? 1 : -1;
        QVERIFY2(which >= 0, qPrintable(QStringLiteral("kill %1 (seed %2): the file is neither plan (%3 bytes): corrupt")
                                            .arg(kill).arg(seed).arg(now.size())));
        const int lastReported = reports.isEmpty() ? onDisk : (reports.back() == 'a' ? 0 : 1);
        const int inFlight = reports.isEmpty() ? first : 1 - lastReported;
        QVERIFY2(which == lastReported || which == inFlight,
                 qPrintable(QStringLiteral("kill %1 (seed %2): the file went back to an older save").arg(kill).arg(seed)));
        if (kill % 10 == 0) { // parse it as the app would (the bytes are already known good)
            const PlanReadResult r = readPlanFile(target);
            QVERIFY2(r.plan, qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
        }
        onDisk = which;

        int leftovers = 0;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden)) {
            if (name == QLatin1String("plan.thplan") || name.endsWith(QLatin1String(".source")))
                continue;
            QVERIFY2(saveFileTemp.match(name).hasMatch(), qPrintable(QStringLiteral("unexpected file left behind: ") + name));
            ++leftovers;
        }
        if (leftovers > maxLeftovers) {
            ++killedMidWrite;
            maxLeftovers = leftovers;
        }
    }
    qInfo("seed %u: %d kills in %lld ms, %d completed saves between them, save period %lld us; %d QSaveFile temp files left "
          "by killed saves (%d kills visibly mid-write)",
          seed, kKills, wall.elapsed(), totalSaves, periodUs, maxLeftovers, killedMidWrite);
    QVERIFY2(totalSaves > 0, "the helper never completed a save: the kills did not exercise saving");
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
