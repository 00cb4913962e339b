// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"
#include "tests/views/modalhelper.h"
#include "model/document/floorplandocument.h"
#include "model/analysis/facilityanalysis.h"
#include "views/dialogs/catalogrowdialog.h"
#include "views/dialogs/planpropertiesdialog.h"
#include "views/docks/problemsdock.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/docks/inspectordock.h"
#include "views/docks/kpidock.h"
#include "views/docks/palettedock.h"
#include "views/docks/catalogdock.h"
#include "views/docks/estimatedock.h"
#include "views/docks/planchartsdock.h"
#include "tests/support/testpaths.h"
#include "views/mainwindow.h"
#include "views/settings.h"

#include <QTextDocument>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QProcess>
#include <QUndoStack>
#include <QTemporaryDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTableWidget>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace th;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void docksAndCentralPlaceholder();
    void viewMenuTogglesDocks();
    void menusFollowConventions();
    void aboutShowsVersion();
    void statusBarShowsCatalog();
    void settingsRoundTrip();
    void catalogEditRefreshesEstimateAndStatus();
    void reportUsesTheDocksSensitivityRanges();
    void planPropertiesSetTheClimateSite();
    void problemsDockListsEveryViolation();

private:
    static QAction *menuAction(QMenuBar *bar, const QString &menuTitle, const QString &actionText);
    Catalog m_catalog;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    QString error;
    QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
}

void TestMainWindow::init()
{
    // Every test starts from no saved settings, in the test-mode location.
    QSettings settings;
    settings.clear();
    settings.sync();
}

QAction *TestMainWindow::menuAction(QMenuBar *bar, const QString &menuTitle, const QString &actionText)
{
    for (QAction *top : bar->actions()) {
        if (top->text().remove(QLatin1Char('&')) != menuTitle || !top->menu())
            continue;
        for (QAction *a : top->menu()->actions()) {
            if (a->text().remove(QLatin1Char('&')) == actionText)
                return a;
        }
    }
    return nullptr;
}

void TestMainWindow::docksAndCentralPlaceholder()
{
    MainWindow w(&m_catalog);
    auto *catalogDock = w.findChild<CatalogDock *>(QStringLiteral("catalogDock"));
    auto *estimateDock = w.findChild<EstimateDock *>(QStringLiteral("estimateDock"));
    QVERIFY(catalogDock);
    QVERIFY(estimateDock);
    QCOMPARE(w.catalogDock(), catalogDock);
    QCOMPARE(w.dockWidgetArea(catalogDock), Qt::BottomDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(estimateDock), Qt::RightDockWidgetArea);
    // The docks show the catalog's content, not empty panels.
    QCOMPARE(catalogDock->proxyModel()->rowCount(), m_catalog.rows(catalogDock->kind()).size());
    QVERIFY(estimateDock->lastResult().has_value());
    // The central area is the floor-plan editor with the default hall; the editor's docks are
    // on the left (palette) and right (KPIs, inspector, history).
    QVERIFY(w.centralWidget());
    QCOMPARE(w.centralWidget()->objectName(), QStringLiteral("floorPlanView"));
    QCOMPARE(w.document()->plan().halls().size(), 1);
    QCOMPARE(w.dockWidgetArea(w.paletteDock()), Qt::LeftDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(w.kpiDock()), Qt::RightDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(w.inspectorDock()), Qt::RightDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(w.undoDock()), Qt::RightDockWidgetArea);
}

void TestMainWindow::viewMenuTogglesDocks()
{
    MainWindow w(&m_catalog);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (QDockWidget *dock : {static_cast<QDockWidget *>(w.catalogDock()), static_cast<QDockWidget *>(w.estimateDock()),
                              static_cast<QDockWidget *>(w.paletteDock()), static_cast<QDockWidget *>(w.kpiDock()),
                              static_cast<QDockWidget *>(w.inspectorDock()), w.undoDock()}) {
        QAction *toggle = menuAction(w.menuBar(), QStringLiteral("View"), dock->windowTitle());
        QVERIFY2(toggle, qPrintable(dock->windowTitle()));
        QCOMPARE(toggle, dock->toggleViewAction());
        dock->raise(); // docks share tabs
        QTRY_VERIFY(dock->isVisible());
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QVERIFY(dock->isHidden());
        QVERIFY(!toggle->isChecked());
        toggle->trigger();
        dock->raise();
        QTRY_VERIFY(dock->isVisible());
        QVERIFY(toggle->isChecked());
    }
}

void TestMainWindow::menusFollowConventions()
{
    MainWindow w(&m_catalog);
    QAction *quit = menuAction(w.menuBar(), QStringLiteral("File"), QStringLiteral("Quit"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    QVERIFY(menuAction(w.menuBar(), QStringLiteral("File"), QStringLiteral("Catalog")));
    QVERIFY(menuAction(w.menuBar(), QStringLiteral("Help"), QStringLiteral("About Terahall")));
    QVERIFY(menuAction(w.menuBar(), QStringLiteral("Help"), QStringLiteral("About Qt")));

    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    quit->trigger();
    QTRY_VERIFY(!w.isVisible());
}

void TestMainWindow::aboutShowsVersion()
{
    MainWindow w(&m_catalog);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString shownText;
    th::test::whenModalShown([&shownText](QWidget *modal) {
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            shownText = box->text();
            box->accept();
        } else {
            modal->close();
        }
    });
    menuAction(w.menuBar(), QStringLiteral("Help"), QStringLiteral("About Terahall"))->trigger();
    QVERIFY2(shownText.contains(QLatin1String("Terahall 9.8.7")), qPrintable(shownText));
}

void TestMainWindow::statusBarShowsCatalog()
{
    MainWindow w(&m_catalog);
    auto *status = w.statusBar()->findChild<QLabel *>(QStringLiteral("catalogStatus"));
    QVERIFY(status);
    const QString text = status->text();
    QVERIFY2(text.contains(QLatin1String("in memory")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1 chips").arg(m_catalog.rows(CatalogKind::Chip).size())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1 model presets").arg(m_catalog.rows(CatalogKind::Model).size())),
             qPrintable(text));
}

void TestMainWindow::settingsRoundTrip()
{
    // The settings live in the test-mode location, never in the user's own configuration.
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
    QVERIFY(Settings::mainWindowGeometry.value().isEmpty());
    const QSize size(1234, 777);
    {
        MainWindow w(&m_catalog);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.resize(size);
        QTRY_COMPARE(w.size(), size);
        w.estimateDock()->toggleViewAction()->trigger();
        QVERIFY(w.estimateDock()->isHidden());
        w.close(); // saves
    }
    QCOMPARE(Settings::mainWindowGeometry.key(), QStringLiteral("mainWindow/geometry"));
    QVERIFY(!QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
    QVERIFY(!QSettings().value(QStringLiteral("mainWindow/state")).toByteArray().isEmpty());

    MainWindow restored(&m_catalog);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QTRY_COMPARE(restored.size(), size);
    QVERIFY(restored.estimateDock()->isHidden());
    QVERIFY(restored.catalogDock()->isVisible());
    QVERIFY(!restored.estimateDock()->toggleViewAction()->isChecked());
}

void TestMainWindow::catalogEditRefreshesEstimateAndStatus()
{
    Catalog catalog; // its own: this test adds a row
    QString error;
    QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
    MainWindow w(&catalog);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *modelCombo = w.estimateDock()->findChild<QComboBox *>(QStringLiteral("modelCombo"));
    QVERIFY(modelCombo);
    QCOMPARE(modelCombo->findData(QStringLiteral("my-model")), -1);
    const int models = catalog.rows(CatalogKind::Model).size();

    w.catalogDock()->setKind(CatalogKind::Model);
    QVERIFY(w.catalogDock()->selectRowById(QStringLiteral("gpt3-175b")));
    th::test::whenModalShown([](QWidget *modal) {
        auto *dialog = qobject_cast<CatalogRowDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), CatalogRowDialog::Mode::Duplicate);
        dialog->setFieldText(QStringLiteral("id"), QStringLiteral("my-model"));
        dialog->setFieldText(QStringLiteral("name"), QStringLiteral("My model"));
        dialog->accept();
        if (dialog->isVisible()) {
            qWarning("%s", qPrintable(dialog->errorText()));
            dialog->reject();
        }
    });
    w.catalogDock()->duplicateRowAction()->trigger();
    QVERIFY(catalog.row(CatalogKind::Model, QStringLiteral("my-model")));
    QVERIFY(modelCombo->findData(QStringLiteral("my-model")) >= 0);
    const QString status = w.statusBar()->findChild<QLabel *>(QStringLiteral("catalogStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("%1 model presets").arg(models + 1)), qPrintable(status));
}

void TestMainWindow::reportUsesTheDocksSensitivityRanges()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils (pdftotext) not installed");
    MainWindow w(&m_catalog);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(th::test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan"))));
    auto *electricity = w.planChartsDock()->findChild<QDoubleSpinBox *>(QStringLiteral("electricity_priceRange"));
    QVERIFY(electricity);
    electricity->setValue(37.0); // the user's range, not the default

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The dialog proposes the plan's base name; the test only chooses the directory.
    const QString pdf = dir.filePath(QStringLiteral("h100-1024-air.pdf"));
    th::test::whenModalShown([&dir](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        dialog->setDirectory(dir.path());
        QMetaObject::invokeMethod(dialog, "accept"); // a slot; QFileDialog::accept() is protected
    });
    w.exportReport();
    QVERIFY2(QFileInfo::exists(pdf), qPrintable(w.statusBar()->currentMessage()));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    // The Assumptions section lists the ranges the tornado charts used.
    QVERIFY2(out.contains(QStringLiteral("electricity ±37 %")), qPrintable(out.right(2000)));
}

void TestMainWindow::planPropertiesSetTheClimateSite()
{
    MainWindow w(&m_catalog);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(th::test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan"))));
    QCOMPARE(w.document()->plan().siteId, QStringLiteral("ashburn"));
    w.kpiDock()->evaluate();
    QVERIFY(w.kpiDock()->evaluation().facility);
    const double ashburnAnnual = w.kpiDock()->evaluation().facility->pueAnnual;
    QUndoStack *undo = w.document()->undoStack();
    const int steps = undo->count();
    auto *action = w.findChild<QAction *>(QStringLiteral("planPropertiesAction"));
    QVERIFY(action);

    // Cancel changes nothing.
    th::test::whenModalShown([](QWidget *modal) {
        auto *dialog = qobject_cast<PlanPropertiesDialog *>(modal);
        QVERIFY(dialog);
        dialog->siteCombo()->setCurrentIndex(dialog->siteCombo()->findData(QStringLiteral("ulanqab")));
        dialog->reject();
    });
    action->trigger();
    QCOMPARE(undo->count(), steps);
    QCOMPARE(w.document()->plan().siteId, QStringLiteral("ashburn"));

    // Ulanqab: the dialog shows what the site brings (its grid factor, the western-hub target),
    // OK makes it one undo step, and the KPIs follow.
    const auto ulanqab = shippedClimateSite(QStringLiteral("ulanqab"));
    QVERIFY(ulanqab);
    QString info;
    QString tip;
    th::test::whenModalShown([&info, &tip](QWidget *modal) {
        auto *dialog = qobject_cast<PlanPropertiesDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->siteCombo()->currentData().toString(), QStringLiteral("ashburn"));
        dialog->siteCombo()->setCurrentIndex(dialog->siteCombo()->findData(QStringLiteral("ulanqab")));
        dialog->findChild<QLineEdit *>(QStringLiteral("planAuthor"))->setText(QStringLiteral("Site study"));
        info = dialog->siteInfo()->text();
        tip = dialog->siteInfo()->toolTip();
        dialog->accept();
    });
    action->trigger();
    QVERIFY2(info.contains(QLocale().toString(ulanqab->gridKgCo2PerKwh, 'f', 3)), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("western hub")), qPrintable(info));
    // The source tooltip is rich text (Qt wraps it; a plain-text tooltip of a long source is one
    // line wider than the screen) and carries the site's source, escaped.
    QVERIFY2(Qt::mightBeRichText(tip), qPrintable(tip));
    QVERIFY2(tip.contains(QString::fromStdString(ulanqab->source).toHtmlEscaped()), qPrintable(tip));
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(w.document()->plan().siteId, QStringLiteral("ulanqab"));
    QCOMPARE(w.document()->plan().author, QStringLiteral("Site study"));
    w.kpiDock()->evaluate();
    const FacilityResult &f = *w.kpiDock()->evaluation().facility;
    QCOMPARE(f.siteId, QStringLiteral("ulanqab"));
    QCOMPARE(f.gridKgCo2PerKwh, ulanqab->gridKgCo2PerKwh);
    // A colder, drier site: more economiser hours, a lower annual PUE for the same hall.
    QVERIFY2(f.pueAnnual < ashburnAnnual, qPrintable(QStringLiteral("%1 vs %2").arg(f.pueAnnual).arg(ashburnAnnual)));
    QVERIFY(!w.kpiDock()->valueText(QStringLiteral("pueTargets")).startsWith(QStringLiteral("none apply")));

    undo->undo();
    QCOMPARE(w.document()->plan().siteId, QStringLiteral("ashburn"));
    QCOMPARE(w.document()->plan().author, QStringLiteral("Terahall samples"));
    w.kpiDock()->evaluate();
    QCOMPARE(w.kpiDock()->evaluation().facility->pueAnnual, ashburnAnnual);
}

void TestMainWindow::problemsDockListsEveryViolation()
{
    MainWindow w(&m_catalog);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(th::test::sourcePath(QStringLiteral("data/samples/overloaded-retrofit.thplan"))));
    w.kpiDock()->evaluate();
    // The thermal solve adds its inlet warnings once it belongs to this revision.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(w.kpiDock()->problems().begin(), w.kpiDock()->problems().end(),
                                         [](const Violation &v) { return v.kind == QLatin1String("inlet_above_recommended"); }),
                             20000);
    const QList<Violation> problems = w.kpiDock()->problems();
    int errors = 0;
    for (const Violation &v : problems)
        errors += v.severity == QLatin1String("error") ? 1 : 0;
    QVERIFY(errors >= 3 && errors < problems.size()); // the sample has both kinds on purpose

    ProblemsDock *dock = w.problemsDock();
    QVERIFY(dock);
    QTableWidget *table = dock->table();
    QCOMPARE(table->rowCount(), problems.size());
    QCOMPARE(dock->windowTitle(), QStringLiteral("Problems (%1)").arg(problems.size()));
    // Every violation: how severe, which items, why, and its machine key.
    for (const Violation &v : problems) {
        const QList<QTableWidgetItem *> found = table->findItems(v.message, Qt::MatchExactly);
        QVERIFY2(!found.isEmpty(), qPrintable(v.message));
        const int row = found.front()->row();
        QCOMPARE(table->item(row, 0)->text(), v.severity == QLatin1String("error") ? QStringLiteral("Error") : QStringLiteral("Warning"));
        QCOMPARE(table->item(row, 3)->text(), v.kind);
        QCOMPARE(table->item(row, 0)->data(Qt::UserRole).toList().size(), v.items.size());
    }
    dock->severityFilter()->setCurrentIndex(dock->severityFilter()->findData(QStringLiteral("error")));
    QCOMPARE(table->rowCount(), errors);
    dock->severityFilter()->setCurrentIndex(0);

    // A click selects the problem's items in the plan.
    const auto withItems = std::find_if(problems.begin(), problems.end(), [](const Violation &v) { return !v.items.isEmpty(); });
    QVERIFY(withItems != problems.end());
    const int row = table->findItems(withItems->message, Qt::MatchExactly).front()->row();
    const QRect cell = table->visualRect(table->model()->index(row, 2));
    dock->show();
    dock->raise();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QList<quint64> selected = w.floorPlanView()->floorPlanScene()->selectedIds();
    std::sort(selected.begin(), selected.end());
    QList<quint64> expected(withItems->items.begin(), withItems->items.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(selected, expected);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
