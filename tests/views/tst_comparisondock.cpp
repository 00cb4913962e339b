// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/comparison.h"
#include "model/catalog/catalog.h"
#include "model/io/comparisonio.h"
#include "tests/support/testpaths.h"
#include "views/docks/comparisondock.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace th;

class TestComparisonDock : public QObject
{
    Q_OBJECT
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ComparisonDock> m_dock;
    const QStringList m_chips{QStringLiteral("nvidia-h100-sxm"), QStringLiteral("nvidia-gb200"), QStringLiteral("huawei-ascend-910c")};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_comparisondock"));
    }

    void init()
    {
        m_catalog = std::make_unique<Catalog>();
        QString error;
        QVERIFY2(m_catalog->openInMemory(&error), qPrintable(error));
        m_dock = std::make_unique<ComparisonDock>(m_catalog.get());
        m_dock->resize(1200, 700);
        m_dock->show();
        m_dock->setWorkload(QStringLiteral("llama2-70b"), 1e12, std::nullopt, 4194304);
        m_dock->setPickedChips(m_chips);
        m_dock->setEqualiser(Equaliser::ChipCount, 1024);
        m_dock->recompute();
    }

    void cleanup() { m_dock.reset(); m_catalog.reset(); }

    void rowsArePickedChipsAndValuesEqualCompareChips()
    {
        QCOMPARE(m_dock->table()->rowCount(), m_chips.size());
        const std::optional<ComparisonRequest> req = m_dock->currentRequest();
        QVERIFY(req);
        const ComparisonResult expected = compareChips(*req, *m_catalog);
        const ComparisonResult &got = m_dock->result();
        QCOMPARE(got.candidates.size(), expected.candidates.size());
        for (int i = 0; i < got.candidates.size(); ++i) {
            const ComparisonCandidate &a = got.candidates[i];
            const ComparisonCandidate &b = expected.candidates[i];
            QCOMPARE(a.chipId, req->chipIds[i]); // catalog order
            QVERIFY(m_chips.contains(a.chipId));
            QCOMPARE(a.chips, b.chips);
            QCOMPARE(a.days, b.days);
            QCOMPARE(a.costPerRunUsd, b.costPerRunUsd);
            QCOMPARE(a.facilityMw, b.facilityMw);
            QCOMPARE(a.mfu, b.mfu);
            // The table shows the same numbers (raw value in UserRole).
            QCOMPARE(m_dock->table()->item(i, 12)->data(Qt::UserRole).toDouble(), b.feasible ? b.days : 0.0);
        }
        QCOMPARE(m_dock->csv(), comparisonToCsv(expected.candidates));
    }

    void equaliserSwitchRecomputes()
    {
        const ComparisonResult before = m_dock->result();
        QSignalSpy spy(m_dock.get(), &ComparisonDock::resultsChanged);
        m_dock->setEqualiser(Equaliser::PowerEnvelope, 5.0);
        QTRY_VERIFY(spy.count() >= 1);
        QTRY_VERIFY(!m_dock->isBusy());
        const ComparisonResult &after = m_dock->result();
        QCOMPARE(after.candidates.size(), before.candidates.size());
        bool changed = false;
        for (int i = 0; i < after.candidates.size(); ++i) {
            QVERIFY(after.candidates[i].facilityMw <= 5.0 + 1e-9);
            changed = changed || after.candidates[i].chips != before.candidates[i].chips;
        }
        QVERIFY(changed);
        // Fewer picks: fewer rows.
        m_dock->setPickedChips({QStringLiteral("nvidia-gb200")});
        QTRY_COMPARE(m_dock->table()->rowCount(), 1);
    }

    void csvExportEqualsCli()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("scenario.json"));
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(m_dock->scenarioJson()).toJson());
        f.close();
        const QString dockCsv = dir.filePath(QStringLiteral("dock.csv"));
        QString error;
        QVERIFY2(m_dock->exportCsv(dockCsv, &error), qPrintable(error));
        const QString cliCsv = dir.filePath(QStringLiteral("cli.csv"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TERAHALL_CATALOG"), dir.filePath(QStringLiteral("catalog.sqlite")));
        p.setProcessEnvironment(env);
        p.start(th::test::binaryDir() + QStringLiteral("/bin/terahall"),
                {QStringLiteral("compare"), scenario, QStringLiteral("--chips"), m_dock->currentRequest()->chipIds.join(QLatin1Char(',')), QStringLiteral("--equalize"),
                 QStringLiteral("count=1024"), QStringLiteral("-o"), cliCsv});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile a(dockCsv), b(cliCsv);
        QVERIFY(a.open(QIODevice::ReadOnly));
        QVERIFY(b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        // Clipboard: the same CSV.
        m_dock->copyToClipboard();
        QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(m_dock->csv()));
    }

    void offThreadWithFileCatalog()
    {
        QTemporaryDir dir;
        Catalog file;
        QString error;
        QVERIFY2(file.open(dir.filePath(QStringLiteral("c.sqlite")), &error), qPrintable(error));
        ComparisonDock dock(&file);
        dock.setWorkload(QStringLiteral("llama2-70b"), 1e12, std::nullopt, 4194304);
        dock.setPickedChips(m_chips);
        dock.setEqualiser(Equaliser::ChipCount, 1024);
        dock.recompute();
        QVERIFY(dock.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isBusy(), 60000);
        QCOMPARE(dock.result().candidates.size(), m_chips.size());
        const ComparisonResult expected = compareChips(*dock.currentRequest(), file);
        for (int i = 0; i < expected.candidates.size(); ++i)
            QCOMPARE(dock.result().candidates[i].days, expected.candidates[i].days);
    }

    void unknownEqualiserTargetShowsReason()
    {
        m_dock->setPickedChips({QStringLiteral("nvidia-h100-sxm")});
        m_dock->setEqualiser(Equaliser::Deadline, 1.0, 0.5);
        m_dock->recompute();
        QVERIFY(!m_dock->result().errors.isEmpty());
        QVERIFY(m_dock->findChild<QLabel *>(QStringLiteral("comparisonStatus"))->text().contains(QStringLiteral("no candidate meets")));
    }
};

QTEST_MAIN(TestComparisonDock)
#include "tst_comparisondock.moc"
