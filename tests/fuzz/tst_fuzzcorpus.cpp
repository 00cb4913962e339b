// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Replays the minimised fuzz corpus (tests/fuzz/corpus/<target>/*) through the same entry
// functions the libFuzzer targets use: no crash, and every input either parses or is refused with
// problems that name where (docs/hardening.md).
#include "tests/fuzz/fuzzentry.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace th;

class TestFuzzCorpus : public QObject
{
    Q_OBJECT
private slots:
    void replay_data();
    void replay();
    void corpusIsSmall();
};

namespace {
const QStringList kTargets{QStringLiteral("planreader"), QStringLiteral("scenarioreader"), QStringLiteral("catalogimport")};

QString corpusDir(const QString &target)
{
    return test::sourcePath(QStringLiteral("tests/fuzz/corpus/") + target);
}
} // namespace

void TestFuzzCorpus::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const QString &target : kTargets) {
        const QDir dir(corpusDir(target));
        const QStringList files = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("empty corpus: ") + dir.path()));
        for (const QString &f : files)
            QTest::newRow(qPrintable(target + QLatin1Char('/') + f)) << target << dir.filePath(f);
    }
}

void TestFuzzCorpus::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
    const QByteArray data = f.readAll();
    QString problem;
    if (target == QLatin1String("planreader"))
        problem = fuzz::checkPlanInput(data);
    else if (target == QLatin1String("scenarioreader"))
        problem = fuzz::checkScenarioInput(data);
    else
        problem = fuzz::checkCatalogImportInput(data);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestFuzzCorpus::corpusIsSmall()
{
    // docs/hardening.md: at most 200 files per target and 2 MB in all, so the replay stays fast.
    qint64 total = 0;
    for (const QString &target : kTargets) {
        const QFileInfoList files = QDir(corpusDir(target)).entryInfoList(QDir::Files | QDir::Hidden);
        QVERIFY2(files.size() <= 200, qPrintable(QStringLiteral("%1: %2 files").arg(target).arg(files.size())));
        for (const QFileInfo &fi : files)
            total += fi.size();
    }
    QVERIFY2(total <= 2 * 1024 * 1024, qPrintable(QStringLiteral("corpus is %1 bytes").arg(total)));
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
