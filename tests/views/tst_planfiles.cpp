// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's file handling: open (and refusing bad files), save (and failing safely),
// modified marker, unsaved-changes prompt, recent files, autosave and recovery.
#include "model/catalog/catalog.h"
#include "model/commands/addremoveequipment.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "tests/views/modalhelper.h"
#include "views/dialogs/workloaddialog.h"
#include "views/docks/kpidock.h"
#include "views/mainwindow.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/tools/placeequipmenttool.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace th;

class TestPlanFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void startsWithDefaultHall();
    void saveAndReopenRoundTrip();
    void openRefusesBadFiles_data();
    void openRefusesBadFiles();
    void saveFailureKeepsOldFile();
    void saveFailureToMissingFolderKeepsDocument();
    void unsavedChangesPrompt();
    void autosaveAndRecovery();
    void reopensLastFile();
    void workloadDialogAttachesAndDetaches();

private:
    static EquipmentId addRack(MainWindow &w, const QPointF &at);
    static QString messageTextOf(QWidget *modal);
    Catalog m_catalog;
    QTemporaryDir m_dir;
};

void TestPlanFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_planfiles"));
    QString error;
    QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestPlanFiles::init()
{
    QSettings settings;
    settings.clear();
    settings.sync();
    QFile::remove(MainWindow::recoveryFilePath());
    QFile::remove(MainWindow::recoveryFilePath() + QStringLiteral(".source"));
}

EquipmentId TestPlanFiles::addRack(MainWindow &w, const QPointF &at)
{
    return w.floorPlanView()->placeTool()->placeAt({EquipmentKind::System, QStringLiteral("nvidia-gb200-nvl72")}, at).value_or(0);
}

QString TestPlanFiles::messageTextOf(QWidget *modal)
{
    auto *box = qobject_cast<QMessageBox *>(modal);
    return box ? box->text() + QLatin1Char('\n') + box->informativeText() : QString();
}

void TestPlanFiles::startsWithDefaultHall()
{
    MainWindow w(&m_catalog);
    QCOMPARE(w.centralWidget(), static_cast<QWidget *>(w.floorPlanView()));
    QCOMPARE(w.document()->plan().halls().size(), 1);
    QCOMPARE(w.document()->plan().halls().first().widthMm, 24000.0);
    QCOMPARE(w.document()->plan().halls().first().depthMm, 18000.0);
    QCOMPARE(w.document()->plan().halls().first().tileMm, 600.0);
    QVERIFY(!w.isPlanModified());
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.windowTitle().contains(QStringLiteral("Untitled[*]")));
    QVERIFY(addRack(w, QPointF(3000, 3000)));
    QVERIFY(w.isWindowModified());
    w.document()->undoStack()->undo();
    QVERIFY(!w.isWindowModified());
}

void TestPlanFiles::saveAndReopenRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.thplan"));
    {
        MainWindow w(&m_catalog);
        QVERIFY(addRack(w, QPointF(3000, 3000)));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.saveFile(path));
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.document()->fileName(), QFileInfo(path).absoluteFilePath());
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("roundtrip.thplan[*]")));
        QCOMPARE(w.recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    }
    MainWindow w(&m_catalog);
    QCOMPARE(w.document()->plan().equipmentCount(), 0);
    QVERIFY(w.openFile(path));
    QCOMPARE(w.document()->plan().equipmentCount(), 1);
    QCOMPARE(w.document()->plan().equipmentAt(0).catalogId(), QStringLiteral("nvidia-gb200-nvl72"));
    QCOMPARE(w.floorPlanView()->floorPlanScene()->equipmentItemCount(), 1);
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.document()->undoStack()->count(), 0);
}

void TestPlanFiles::openRefusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("corrupt") << QByteArray("{\"schema\": \"terahall.plan/1\", \"halls\": [") << QString();
    QTest::newRow("not-json") << QByteArray("\x89PNG\r\n\x1a\n garbage") << QString();
    QTest::newRow("wrong-type") << QByteArray("{\"schema\": \"terahall.scenario/1\"}") << QStringLiteral("schema");
    QTest::newRow("newer-version") << QByteArray("{\"schema\": \"terahall.plan/99\", \"halls\": []}") << QStringLiteral("99");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestPlanFiles::openRefusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("bad-%1.thplan").arg(QString::fromLatin1(QTest::currentDataTag())));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();

    MainWindow w(&m_catalog);
    QVERIFY(addRack(w, QPointF(3000, 3000)));
    const QString fileBefore = w.document()->fileName();
    const FloorPlan planBefore = w.document()->plan();
    const int stepsBefore = w.document()->undoStack()->count();
    QString shown;
    th::test::whenModalShown([&](QWidget *modal) {
        shown = messageTextOf(modal);
        modal->close();
    });
    QVERIFY(!w.openFile(path));
    QVERIFY2(shown.contains(QStringLiteral("could not be opened")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("stays as it was")), qPrintable(shown));
    const PlanReadResult expectedErrors = readPlanFile(path);
    QVERIFY(!expectedErrors.errors.isEmpty());
    for (const InputError &e : expectedErrors.errors.mid(0, 20))
        QVERIFY2(shown.contains(e.toString()), qPrintable(e.toString()));
    if (!expected.isEmpty())
        QVERIFY2(shown.contains(expected), qPrintable(shown));
    // The open plan is untouched, undo history and all.
    QVERIFY(w.document()->plan() == planBefore);
    QCOMPARE(w.document()->fileName(), fileBefore);
    QCOMPARE(w.document()->undoStack()->count(), stepsBefore);
    QVERIFY(w.isWindowModified());
    QVERIFY(w.recentFiles().isEmpty());
}

void TestPlanFiles::saveFailureKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.thplan"));
    MainWindow w(&m_catalog);
    QVERIFY(addRack(w, QPointF(3000, 3000)));
    QVERIFY(w.saveFile(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    f.close();
    QVERIFY(addRack(w, QPointF(9000, 9000)));
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    // Root ignores permissions: then the folder is still writable and there is nothing to test.
    QFile probe(dir.filePath(QStringLiteral("probe")));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.close();
        probe.remove();
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QSKIP("running as root: a read-only folder is writable (see saveFailureToMissingFolderKeepsDocument)");
    }
    QString shown;
    th::test::whenModalShown([&](QWidget *modal) {
        shown = messageTextOf(modal);
        modal->close();
    });
    QVERIFY(!w.saveFile(path));
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY2(shown.contains(QStringLiteral("could not be saved")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("unchanged")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), saved);
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.document()->plan().equipmentCount(), 2);
}

void TestPlanFiles::saveFailureToMissingFolderKeepsDocument()
{
    // Works as root too: the target's folder is a regular file.
    const QString good = m_dir.filePath(QStringLiteral("kept.thplan"));
    const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
    QFile b(blocker);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.close();
    MainWindow w(&m_catalog);
    QVERIFY(addRack(w, QPointF(3000, 3000)));
    QVERIFY(w.saveFile(good));
    QFile f(good);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    f.close();
    QVERIFY(addRack(w, QPointF(9000, 9000)));
    QString shown;
    th::test::whenModalShown([&](QWidget *modal) {
        shown = messageTextOf(modal);
        modal->close();
    });
    QVERIFY(!w.saveFile(blocker + QStringLiteral("/plan.thplan")));
    QVERIFY2(shown.contains(QStringLiteral("could not be saved")), qPrintable(shown));
    // Still the old file name, still modified, old file intact.
    QCOMPARE(w.document()->fileName(), QFileInfo(good).absoluteFilePath());
    QVERIFY(w.isWindowModified());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), saved);
}

void TestPlanFiles::unsavedChangesPrompt()
{
    MainWindow w(&m_catalog);
    QVERIFY(addRack(w, QPointF(3000, 3000)));
    // Cancel: nothing happens.
    QString shown;
    th::test::whenModalShown([&](QWidget *modal) {
        shown = messageTextOf(modal);
        auto *box = qobject_cast<QMessageBox *>(modal);
        box->button(QMessageBox::Cancel)->click();
    });
    w.newPlan();
    QVERIFY2(shown.contains(QStringLiteral("unsaved changes")), qPrintable(shown));
    QCOMPARE(w.document()->plan().equipmentCount(), 1);
    // Close is refused too.
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    th::test::whenModalShown([&](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Cancel)->click(); });
    QVERIFY(!w.close());
    QVERIFY(w.isVisible());
    // Discard: the new empty plan.
    th::test::whenModalShown([&](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Discard)->click(); });
    w.newPlan();
    QCOMPARE(w.document()->plan().equipmentCount(), 0);
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.close());
}

void TestPlanFiles::autosaveAndRecovery()
{
    const QString recovery = MainWindow::recoveryFilePath();
    {
        MainWindow w(&m_catalog);
        QVERIFY(!w.writeRecoveryFile()); // nothing to save
        QVERIFY(!QFile::exists(recovery));
        QVERIFY(addRack(w, QPointF(3000, 3000)));
        QVERIFY(addRack(w, QPointF(6000, 3000)));
        QVERIFY(w.writeRecoveryFile());
        QVERIFY(QFile::exists(recovery));
        QVERIFY(recovery.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave/")));
        // "Crash": the window goes away without close(), leaving the recovery file.
    }
    QVERIFY(QFile::exists(recovery));
    MainWindow w(&m_catalog);
    QString shown;
    th::test::whenModalShown([&](QWidget *modal) {
        shown = messageTextOf(modal);
        qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click();
    });
    w.startSession();
    QVERIFY2(shown.contains(QStringLiteral("did not close normally")), qPrintable(shown));
    QCOMPARE(w.document()->plan().equipmentCount(), 2);
    QVERIFY(w.isPlanModified()); // restored, not saved
    QVERIFY(w.isWindowModified());
    // Saving clears the recovery file; a clean close leaves none.
    QVERIFY(w.saveFile(m_dir.filePath(QStringLiteral("recovered.thplan"))));
    QVERIFY(!QFile::exists(recovery));
    QVERIFY(!w.isWindowModified());

    // Declining deletes the recovery file and starts with the default plan.
    {
        MainWindow crashed(&m_catalog);
        QVERIFY(addRack(crashed, QPointF(3000, 3000)));
        QVERIFY(crashed.writeRecoveryFile());
    }
    MainWindow w2(&m_catalog);
    th::test::whenModalShown([&](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::No)->click(); });
    w2.startSession();
    QVERIFY(!QFile::exists(recovery));
    // The last saved file is reopened instead.
    QCOMPARE(w2.document()->fileName(), QFileInfo(m_dir.filePath(QStringLiteral("recovered.thplan"))).absoluteFilePath());
}

void TestPlanFiles::reopensLastFile()
{
    const QString path = m_dir.filePath(QStringLiteral("last.thplan"));
    {
        MainWindow w(&m_catalog);
        QVERIFY(addRack(w, QPointF(3000, 3000)));
        QVERIFY(w.saveFile(path));
    }
    MainWindow w(&m_catalog);
    w.startSession();
    QCOMPARE(w.document()->fileName(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(w.document()->plan().equipmentCount(), 1);
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("recentFiles/list")).toStringList().value(0), QFileInfo(path).absoluteFilePath());
}

void TestPlanFiles::workloadDialogAttachesAndDetaches()
{
    MainWindow w(&m_catalog);
    QVERIFY(addRack(w, QPointF(3000, 3000)));
    const int steps = w.document()->undoStack()->count();
    // A bad token count is refused inside the dialog; a good one attaches the workload.
    QString refused;
    th::test::whenModalShown([&](QWidget *modal) {
        auto *dialog = qobject_cast<WorkloadDialog *>(modal);
        QVERIFY(dialog);
        dialog->modelCombo()->setCurrentIndex(dialog->modelCombo()->findData(QStringLiteral("llama3.1-70b")));
        dialog->tokensEdit()->setText(QStringLiteral("lots"));
        dialog->accept();
        refused = dialog->errorLabel()->text();
        dialog->tokensEdit()->setText(QStringLiteral("1e12"));
        dialog->estimateCheck()->setChecked(false);
        dialog->mfuBox()->setValue(0.4);
        dialog->accept();
    });
    w.editWorkload();
    QVERIFY2(refused.contains(QStringLiteral("Tokens must be a number from 1e6 to 1e16")), qPrintable(refused));
    QVERIFY(w.document()->plan().workload().has_value());
    QCOMPARE(w.document()->plan().workload()->tokens, 1e12);
    QCOMPARE(w.document()->plan().workload()->mfu.value_or(0), 0.4);
    QCOMPARE(w.document()->plan().workload()->model.value(QStringLiteral("preset")).toString(), QStringLiteral("llama3.1-70b"));
    QCOMPARE(w.document()->undoStack()->count(), steps + 1);
    // The KPI dock shows the training time of 72 GB200 on it.
    QTRY_VERIFY(w.kpiDock()->evaluation().training.has_value());
    QVERIFY(w.kpiDock()->valueText(QStringLiteral("training")).contains(QStringLiteral("days")));
    // Detach.
    th::test::whenModalShown([&](QWidget *modal) {
        modal->findChild<QPushButton *>(QStringLiteral("workloadDetach"))->click();
    });
    w.editWorkload();
    QVERIFY(!w.document()->plan().workload().has_value());
    QCOMPARE(w.document()->undoStack()->count(), steps + 2);
}

QTEST_MAIN(TestPlanFiles)
#include "tst_planfiles.moc"
