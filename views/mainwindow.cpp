// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow.h"

#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/commands/planedits.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "views/dialogs/preferencesdialog.h"
#include "views/dialogs/planpropertiesdialog.h"
#include "views/dialogs/workloaddialog.h"
#include "views/docks/catalogdock.h"
#include "views/docks/comparisondock.h"
#include "views/docks/estimatedock.h"
#include "views/docks/inspectordock.h"
#include "views/docks/kpidock.h"
#include "views/docks/palettedock.h"
#include "views/docks/planchartsdock.h"
#include "views/docks/problemsdock.h"
#include "views/scene/facilityoverlay.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/report/reportrenderer.h"
#include "views/settings.h"
#include "views/tools/editactions.h"
#include "views/widgets/wheelguard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoView>

#include <algorithm>

namespace th {

namespace {

/// Recently opened or saved plans, newest first.
const Preference<QStringList> recentFilesSetting{"recentFiles/list"};
/// Folder of the last plan opened or saved.
const Preference<QString> planDirectorySetting{"files/planDirectory"};
constexpr int kMaxRecentFiles = 8;
constexpr int kAutosaveIntervalMs = 60 * 1000;

QString planFilter()
{
    return MainWindow::tr("Terahall plans (*.thplan);;All files (*)");
}

} // namespace

FloorPlan MainWindow::defaultPlan()
{
    FloorPlan plan;
    plan.name = tr("Untitled plan");
    Hall hall;
    hall.id = 1;
    hall.name = tr("Hall 1");
    hall.widthMm = 24000;
    hall.depthMm = 18000;
    hall.tileMm = 600;
    hall.yardDepthMm = 8400;
    plan.addHall(hall);
    return plan;
}

QString MainWindow::recoveryFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave/recovery.thplan");
}

MainWindow::MainWindow(Catalog *catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_cache(std::make_unique<CatalogCache>(catalog))
    , m_document(new FloorPlanDocument(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The wheel scrolls the docks instead of changing the field under the pointer (WheelGuard).
    qApp->installEventFilter(new WheelGuard(this));
    setWindowIcon(QIcon(QStringLiteral(":/icons/terahall.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // The right-hand panels (KPIs, inspector, estimate) get the full height.
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);

    m_document->resetPlan(defaultPlan());
    m_view = new FloorPlanView(m_document, m_cache.get(), this);
    setCentralWidget(m_view);
    m_editActions = new EditActions(m_view, this);

    m_catalogDock = new CatalogDock(catalog, this);
    m_estimateDock = new EstimateDock(catalog, this);
    m_paletteDock = new PaletteDock(catalog, this);
    m_kpiDock = new KpiDock(m_document, m_cache.get(), this);
    m_inspectorDock = new InspectorDock(m_view->floorPlanScene(), this);
    m_undoDock = new QDockWidget(tr("History"), this);
    m_undoDock->setObjectName(QStringLiteral("undoDock"));
    auto *undoView = new QUndoView(m_document->undoStack());
    undoView->setObjectName(QStringLiteral("undoView"));
    undoView->setEmptyLabel(tr("<opened plan>"));
    m_undoDock->setWidget(undoView);

    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);
    addDockWidget(Qt::RightDockWidgetArea, m_kpiDock);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    tabifyDockWidget(m_kpiDock, m_estimateDock);
    tabifyDockWidget(m_inspectorDock, m_undoDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_catalogDock);
    // Vendor comparison (issue 6): a tab beside the catalog browser.
    auto *comparisonDock = new ComparisonDock(catalog, this);
    tabifyDockWidget(m_catalogDock, comparisonDock);
    // Problems (issue 5's violations dock): every violation as a table, a tab beside the catalog.
    m_problemsDock = new ProblemsDock(m_kpiDock, m_document, this);
    tabifyDockWidget(m_catalogDock, m_problemsDock);
    m_catalogDock->raise();
    connect(m_catalogDock, &CatalogDock::catalogChanged, comparisonDock, &ComparisonDock::reloadCatalog);
    // Plan charts (issue 6): a tab beside the KPIs.
    m_planChartsDock = new PlanChartsDock(m_document, m_cache.get(), this);
    tabifyDockWidget(m_kpiDock, m_planChartsDock);
    m_kpiDock->raise();
    m_inspectorDock->raise();

    connect(m_catalogDock, &CatalogDock::catalogChanged, m_estimateDock, &EstimateDock::reloadCatalog);
    connect(m_catalogDock, &CatalogDock::catalogChanged, this, &MainWindow::catalogChanged);
    const auto showItems = [this](const QList<quint64> &ids) {
        m_view->floorPlanScene()->selectIds(ids);
        m_view->showItems(ids);
    };
    connect(m_kpiDock, &KpiDock::itemsRequested, this, showItems);
    connect(m_problemsDock, &ProblemsDock::itemsRequested, this, showItems);
    connect(m_view, &FloorPlanView::message, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_editActions, &EditActions::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_document, &FloorPlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &FloorPlanDocument::fileNameChanged, this, &MainWindow::updateTitle);

    createMenus();
    createToolBar();
    m_catalogStatus = new QLabel;
    m_catalogStatus->setObjectName(QStringLiteral("catalogStatus"));
    statusBar()->addPermanentWidget(m_catalogStatus);
    updateStatus();
    updateTitle();

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::writeRecoveryFile);
    m_autosaveTimer->start();

    // First start: most of the screen, the plan in the middle. Later starts restore what the
    // user left.
    const QSize available = screen()->availableSize();
    resize(std::min(1600, available.width() * 9 / 10), std::min(1000, available.height() * 9 / 10));
    // The right-hand docks at 30 %: the training estimate's form needs ~400 px (tst_estimatedock).
    resizeDocks({m_paletteDock, m_kpiDock}, {width() * 18 / 100, width() * 30 / 100}, Qt::Horizontal);
    resizeDocks({m_kpiDock, m_inspectorDock}, {height() * 55 / 100, height() * 45 / 100}, Qt::Vertical);
    resizeDocks({m_catalogDock}, {height() * 24 / 100}, Qt::Vertical);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // The view and docks refer to the document; take them down first.
    delete m_view;
    m_view = nullptr;
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(tr("&New Plan"), this, &MainWindow::newPlan);
    newAction->setObjectName(QStringLiteral("newAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setObjectName(QStringLiteral("openAction"));
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    QAction *saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    fileMenu->addSeparator();
    QMenu *catalogMenu = fileMenu->addMenu(tr("&Catalog"));
    catalogMenu->addAction(m_catalogDock->importCsvAction());
    catalogMenu->addAction(m_catalogDock->exportCsvAction());
    QAction *exportReport = fileMenu->addAction(tr("Export &Report…"), this, &MainWindow::exportReport);
    exportReport->setObjectName(QStringLiteral("exportReportAction"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    editMenu->addAction(m_editActions->cutAction());
    editMenu->addAction(m_editActions->copyAction());
    editMenu->addAction(m_editActions->pasteAction());
    editMenu->addAction(m_editActions->duplicateAction());
    editMenu->addAction(m_editActions->deleteAction());
    editMenu->addSeparator();
    editMenu->addAction(m_editActions->rotateAction());
    QMenu *arrange = editMenu->addMenu(tr("A&rrange"));
    arrange->addAction(m_editActions->alignLeftAction());
    arrange->addAction(m_editActions->alignTopAction());
    arrange->addAction(m_editActions->distributeAction());
    editMenu->addSeparator();
    editMenu->addAction(m_editActions->selectAllAction());
    editMenu->addSeparator();
    QAction *preferences = editMenu->addAction(tr("Pre&ferences…"), this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QAction *zoomIn = m_viewMenu->addAction(tr("Zoom &In"), m_view, &FloorPlanView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    QAction *zoomOut = m_viewMenu->addAction(tr("Zoom &Out"), m_view, &FloorPlanView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    QAction *fit = m_viewMenu->addAction(tr("&Fit to Hall"), m_view, &FloorPlanView::fitToHalls);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    fit->setObjectName(QStringLiteral("fitAction"));
    QAction *actual = m_viewMenu->addAction(tr("Zoom &1:1 (40 px per metre)"), m_view, &FloorPlanView::zoomActualSize);
    actual->setShortcut(QKeySequence(tr("Ctrl+Shift+0")));
    actual->setObjectName(QStringLiteral("actualSizeAction"));
    m_viewMenu->addSeparator();
    QMenu *colorMenu = m_viewMenu->addMenu(tr("&Colour By"));
    m_colorGroup = new QActionGroup(this);
    const QList<QPair<FloorPlanScene::ColorMode, QString>> modes{
        {FloorPlanScene::ColorMode::Type, tr("Equipment &Type")},
        {FloorPlanScene::ColorMode::Power, tr("Rack &Power (kW)")},
        {FloorPlanScene::ColorMode::Weight, tr("&Weight (kg/m²)")},
        {FloorPlanScene::ColorMode::Cooling, tr("&Cooling Type")}};
    for (const auto &[mode, text] : modes) {
        QAction *a = colorMenu->addAction(text);
        a->setCheckable(true);
        a->setData(int(mode));
        a->setChecked(mode == FloorPlanScene::ColorMode::Type);
        m_colorGroup->addAction(a);
    }
    connect(m_colorGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        m_view->floorPlanScene()->setColorMode(FloorPlanScene::ColorMode(a->data().toInt()));
    });
    connect(m_view->floorPlanScene(), &FloorPlanScene::colorModeChanged, this, [this](FloorPlanScene::ColorMode mode) {
        for (QAction *a : m_colorGroup->actions())
            a->setChecked(a->data().toInt() == int(mode));
        if (m_colorCombo)
            m_colorCombo->setCurrentIndex(m_colorCombo->findData(int(mode)));
    });
    // Facility overlays and the power-feed tool (issue 5); they draw the KPI dock's analysis.
    m_viewMenu->addMenu(m_view->createOverlayMenu(this));
    auto showFacility = [this] {
        if (m_kpiDock->evaluation().facility)
            m_view->overlay()->setFacility(*m_kpiDock->evaluation().facility);
    };
    connect(m_kpiDock, &KpiDock::evaluated, m_view, showFacility);
    showFacility();
    m_view->overlay()->setThermalRunner(m_kpiDock->thermalRunner());
    m_viewMenu->addSeparator();
    QAction *toggleCatalog = m_catalogDock->toggleViewAction();
    toggleCatalog->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction *toggleEstimate = m_estimateDock->toggleViewAction();
    toggleEstimate->setShortcut(QKeySequence(tr("Ctrl+2")));
    m_viewMenu->addAction(toggleCatalog);
    m_viewMenu->addAction(toggleEstimate);
    m_viewMenu->addAction(m_paletteDock->toggleViewAction());
    m_viewMenu->addAction(m_kpiDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_undoDock->toggleViewAction());
    if (auto *comparison = findChild<ComparisonDock *>())
        m_viewMenu->addAction(comparison->toggleViewAction());
    m_viewMenu->addAction(m_planChartsDock->toggleViewAction());
    m_viewMenu->addAction(m_problemsDock->toggleViewAction());

    QMenu *planMenu = menuBar()->addMenu(tr("&Plan"));
    planMenu->setObjectName(QStringLiteral("planMenu"));
    QAction *workload = planMenu->addAction(tr("&Workload…"), this, &MainWindow::editWorkload);
    workload->setObjectName(QStringLiteral("workloadAction"));
    planMenu->addAction(m_editActions->arrayAction());
    planMenu->addSeparator();
    planMenu->addAction(m_editActions->addHallAction());
    planMenu->addAction(m_editActions->deleteHallAction());
    QAction *hallProps = planMenu->addAction(tr("&Hall Properties"), this, [this] {
        m_view->floorPlanScene()->selectIds({});
        m_inspectorDock->show();
        m_inspectorDock->raise();
    });
    hallProps->setObjectName(QStringLiteral("hallPropertiesAction"));
    QAction *planProps = planMenu->addAction(tr("Plan &Properties…"), this, &MainWindow::editPlanProperties);
    planProps->setObjectName(QStringLiteral("planPropertiesAction"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About Terahall"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Floor Plan"));
    bar->setObjectName(QStringLiteral("floorPlanToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Fit"), m_view, &FloorPlanView::fitToHalls)->setToolTip(tr("Fit to hall (Ctrl+0)"));
    bar->addAction(tr("1:1"), m_view, &FloorPlanView::zoomActualSize)->setToolTip(tr("40 px per metre"));
    bar->addAction(tr("+"), m_view, &FloorPlanView::zoomIn)->setToolTip(tr("Zoom in"));
    bar->addAction(tr("−"), m_view, &FloorPlanView::zoomOut)->setToolTip(tr("Zoom out"));
    bar->addSeparator();
    bar->addAction(m_editActions->rotateAction());
    bar->addAction(m_editActions->duplicateAction());
    bar->addAction(m_editActions->deleteAction());
    bar->addAction(m_editActions->arrayAction());
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Colour by: ")));
    m_colorCombo = new QComboBox;
    m_colorCombo->setObjectName(QStringLiteral("colorByCombo"));
    for (QAction *a : m_colorGroup->actions())
        m_colorCombo->addItem(a->text().remove(QLatin1Char('&')), a->data());
    bar->addWidget(m_colorCombo);
    connect(m_colorCombo, &QComboBox::activated, this, [this](int index) {
        m_view->floorPlanScene()->setColorMode(FloorPlanScene::ColorMode(m_colorCombo->itemData(index).toInt()));
    });
}

void MainWindow::updateStatus()
{
    if (!m_catalog || !m_catalog->isOpen()) {
        m_catalogStatus->setText(tr("No catalog open"));
        return;
    }
    const QString path = m_catalog->path();
    const QString where = path == QLatin1String(":memory:") ? tr("in memory") : QDir::toNativeSeparators(path);
    m_catalogStatus->setText(tr("Catalog: %1 · %2 chips, %3 systems, %4 equipment, %5 model presets")
                                 .arg(where)
                                 .arg(m_catalog->rows(CatalogKind::Chip).size())
                                 .arg(m_catalog->rows(CatalogKind::System).size())
                                 .arg(m_catalog->rows(CatalogKind::Equipment).size())
                                 .arg(m_catalog->rows(CatalogKind::Model).size()));
}

void MainWindow::updateTitle()
{
    const QString file = m_document->fileName();
    const QString name = file.isEmpty() ? tr("Untitled") : QFileInfo(file).fileName();
    setWindowTitle(tr("%1[*] — Terahall").arg(name));
    setWindowModified(isPlanModified());
}

bool MainWindow::isPlanModified() const
{
    return m_document->isModified() || m_restoredUnsaved;
}

void MainWindow::catalogChanged()
{
    m_cache->clear();
    m_paletteDock->reload();
    m_view->floorPlanScene()->syncAll();
    m_inspectorDock->refresh();
    m_kpiDock->scheduleEvaluation();
    m_planChartsDock->scheduleEvaluation();
    updateStatus();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Terahall"),
        tr("<h3>Terahall %1</h3>"
           "<p>A capacity planner for AI data centres: training time, MFU, power, PUE, density and cost "
           "from a sourced catalog of accelerators, systems and facility equipment.</p>"
           "<p>Every catalog figure names its source and confidence; estimates state their formulas.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

bool MainWindow::maybeSave()
{
    if (!isPlanModified())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("The plan \u201c%1\u201d has unsaved changes.\nDo you want to save them?")
            .arg(m_document->fileName().isEmpty() ? tr("Untitled") : QFileInfo(m_document->fileName()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newPlan()
{
    if (!maybeSave())
        return;
    m_document->resetPlan(defaultPlan());
    m_document->setFileName(QString());
    m_restoredUnsaved = false;
    removeRecoveryFile();
    updateTitle();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Plan"), planDirectorySetting.value(), planFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    const PlanReadResult result = readPlanFile(path);
    if (!result.plan) {
        QStringList lines;
        for (const InputError &e : result.errors)
            lines << e.toString();
        if (lines.isEmpty())
            lines << tr("unknown error");
        const int shown = std::min<int>(int(lines.size()), 20);
        QString text = lines.mid(0, shown).join(QLatin1Char('\n'));
        if (lines.size() > shown)
            text += tr("\n… and %n more problem(s)", nullptr, int(lines.size()) - shown);
        QMessageBox box(QMessageBox::Warning, tr("Cannot Open Plan"),
                        tr("\u201c%1\u201d could not be opened; the plan that is open stays as it was.")
                            .arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("openErrorBox"));
        box.setInformativeText(text);
        box.exec();
        return false;
    }
    m_document->resetPlan(*result.plan);
    m_document->setFileName(QFileInfo(path).absoluteFilePath());
    m_restoredUnsaved = false;
    removeRecoveryFile();
    addRecentFile(QFileInfo(path).absoluteFilePath());
    planDirectorySetting.setValue(QFileInfo(path).absolutePath());
    updateTitle();
    int missing = 0;
    for (int i = 0; i < result.plan->equipmentCount(); ++i) {
        const Equipment &e = result.plan->equipmentAt(i);
        missing += !m_cache->resolve(e.kind(), e.catalogId()).found;
    }
    statusBar()->showMessage(
        missing > 0 ? tr("Opened %1; %n item(s) reference catalog ids this catalog lacks: shown hatched and kept.", nullptr, missing)
                          .arg(QFileInfo(path).fileName())
                    : tr("Opened %1.").arg(QFileInfo(path).fileName()),
        8000);
    return true;
}

bool MainWindow::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveFile(m_document->fileName());
}

bool MainWindow::saveAs()
{
    QString dir = planDirectorySetting.value();
    const QString suggested = m_document->fileName().isEmpty()
                                  ? QDir(dir).filePath(tr("plan.thplan"))
                                  : m_document->fileName();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Plan As"), suggested, planFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".thplan");
    return saveFile(path);
}

bool MainWindow::saveFile(const QString &path)
{
    QString error;
    if (!savePlanFile(path, m_document->plan(), &error)) {
        QMessageBox box(QMessageBox::Critical, tr("Cannot Save Plan"),
                        tr("\u201c%1\u201d could not be saved: %2\nThe file on disk, if any, is unchanged; your plan is still open.")
                            .arg(QDir::toNativeSeparators(path), error),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveErrorBox"));
        box.exec();
        return false;
    }
    m_document->setFileName(QFileInfo(path).absoluteFilePath());
    m_document->setClean();
    m_restoredUnsaved = false;
    removeRecoveryFile();
    addRecentFile(QFileInfo(path).absoluteFilePath());
    planDirectorySetting.setValue(QFileInfo(path).absolutePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

QStringList MainWindow::recentFiles() const
{
    return recentFilesSetting.value();
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList list = recentFilesSetting.value();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecentFiles)
        list.removeLast();
    recentFilesSetting.setValue(list);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList list = recentFilesSetting.value();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        a->setEnabled(QFileInfo::exists(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    if (list.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [] { recentFilesSetting.reset(); });
}

bool MainWindow::writeRecoveryFile()
{
    if (!isPlanModified())
        return false;
    const QString path = recoveryFilePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString error;
    if (!savePlanFile(path, m_document->plan(), &error)) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 8000);
        return false;
    }
    QFile source(path + QStringLiteral(".source"));
    if (source.open(QIODevice::WriteOnly | QIODevice::Truncate))
        source.write(m_document->fileName().toUtf8());
    return true;
}

void MainWindow::removeRecoveryFile()
{
    QFile::remove(recoveryFilePath());
    QFile::remove(recoveryFilePath() + QStringLiteral(".source"));
}

void MainWindow::startSession()
{
    m_sessionStarted = true;
    const QString recovery = recoveryFilePath();
    if (QFileInfo::exists(recovery)) {
        QFile sourceFile(recovery + QStringLiteral(".source"));
        QString source;
        if (sourceFile.open(QIODevice::ReadOnly))
            source = QString::fromUtf8(sourceFile.readAll());
        const QDateTime when = QFileInfo(recovery).lastModified();
        const QMessageBox::StandardButton answer = QMessageBox::question(
            this, tr("Restore Unsaved Plan?"),
            tr("Terahall did not close normally. A plan with unsaved changes was autosaved at %1%2.\n\n"
               "Restore it? (If not, the autosaved copy is deleted.)")
                .arg(QLocale().toString(when, QLocale::ShortFormat),
                     source.isEmpty() ? QString() : tr(" (from %1)").arg(QDir::toNativeSeparators(source))),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            const PlanReadResult result = readPlanFile(recovery);
            if (result.plan) {
                m_document->resetPlan(*result.plan);
                m_document->setFileName(source);
                m_restoredUnsaved = true;
                updateTitle();
                statusBar()->showMessage(tr("Restored the autosaved plan; save it to keep it."), 10000);
                return;
            }
            QMessageBox::warning(this, tr("Cannot Restore"),
                                 tr("The autosaved plan could not be read:\n%1")
                                     .arg(result.errors.isEmpty() ? QString() : result.errors.first().toString()));
        }
        removeRecoveryFile();
    }
    const QStringList recent = recentFilesSetting.value();
    if (!recent.isEmpty() && QFileInfo::exists(recent.first()))
        openFile(recent.first());
}

void MainWindow::editWorkload()
{
    WorkloadDialog dialog(m_catalog, m_document->plan().workload(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.result() == m_document->plan().workload())
        return;
    m_document->undoStack()->push(new SetWorkloadCommand(m_document, dialog.result()));
    m_kpiDock->show();
    m_kpiDock->raise();
}

void MainWindow::editPlanProperties()
{
    PlanPropertiesDialog dialog(ChangePlanPropertiesCommand::current(m_document), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.properties() == ChangePlanPropertiesCommand::current(m_document))
        return;
    m_document->undoStack()->push(new ChangePlanPropertiesCommand(m_document, dialog.properties()));
}

void MainWindow::saveSettings() const
{
    Settings::mainWindowGeometry.setValue(saveGeometry());
    Settings::mainWindowState.setValue(saveState());
}

bool MainWindow::restoreSettings()
{
    const QByteArray geometry = Settings::mainWindowGeometry.value();
    const QByteArray state = Settings::mainWindowState.value();
    bool restored = false;
    if (!geometry.isEmpty())
        restored = restoreGeometry(geometry);
    if (!state.isEmpty())
        restored = restoreState(state) || restored;
    return restored;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_sessionStarted) {
        m_sessionStarted = true;
        QTimer::singleShot(0, this, &MainWindow::startSession);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    removeRecoveryFile();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::exportReport()
{
    const QString a4Filter = tr("PDF report, A4 (*.pdf)");
    const QString letterFilter = tr("PDF report, Letter (*.pdf)");
    QString filter = Settings::reportPaper.value() == QLatin1String("letter") ? letterFilter : a4Filter;
    const QString base = m_document->fileName().isEmpty() ? QStringLiteral("report.pdf")
                                                          : QFileInfo(m_document->fileName()).completeBaseName() + QStringLiteral(".pdf");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), base, a4Filter + QStringLiteral(";;") + letterFilter, &filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    Settings::reportPaper.setValue(filter == letterFilter ? QStringLiteral("letter") : QStringLiteral("a4"));
    ReportRequest request;
    request.version = QCoreApplication::applicationVersion();
    const FloorPlan &plan = m_document->plan();
    // The comparison dock's picked chips join the report when the plan has a workload to compare.
    if (auto *comparison = findChild<ComparisonDock *>(); comparison && plan.workload())
        request.compareChipIds = comparison->pickedChips();
    // The sensitivity study uses the ranges the user set in the plan charts dock (defaults
    // otherwise), so the report's tornado charts match what they saw on screen.
    request.sensitivity = m_planChartsDock->ranges();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    ReportData data = buildReportData(plan, *m_cache, PlanAssumptions{}, request);
    if (!data.errors.isEmpty()) {
        data = buildReportData(plan, *m_cache, PlanAssumptions{}, ReportRequest{request.title, request.version, {}, {}, request.sensitivity});
    }
    ReportRenderOptions options;
    options.paper = filter == letterFilter ? QPageSize::Letter : QPageSize::A4;
    QString error;
    const bool ok = ReportRenderer::writePdf(data, path, options, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Export Report"), error);
    else
        statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

} // namespace th
