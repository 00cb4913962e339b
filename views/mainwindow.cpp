// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow.h"

#include "model/catalog/catalog.h"
#include "views/docks/catalogdock.h"
#include "views/docks/estimatedock.h"
#include "views/settings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>

namespace th {

namespace {

/// Stands where the floor plan will be: says plainly that no plan is open.
QWidget *createFloorPlanPlaceholder()
{
    auto *placeholder = new QWidget;
    placeholder->setObjectName(QStringLiteral("floorPlanPlaceholder"));
    placeholder->setBackgroundRole(QPalette::Base);
    placeholder->setAutoFillBackground(true);
    auto *title = new QLabel(MainWindow::tr("No floor plan is open"));
    title->setObjectName(QStringLiteral("floorPlanPlaceholderTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(MainWindow::tr("Floor plans (halls, racks, power and cooling) come in a later version.\n"
                                           "Meanwhile, browse and edit the catalog, and estimate training runs in "
                                           "the Training estimate panel."));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(placeholder);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addStretch(1);
    return placeholder;
}

} // namespace

MainWindow::MainWindow(Catalog *catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
{
    setWindowTitle(tr("Terahall"));
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(createFloorPlanPlaceholder());
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // The estimate panel is tall: give it the full height on the right.
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_catalogDock = new CatalogDock(catalog, this);
    m_estimateDock = new EstimateDock(catalog, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_catalogDock);
    addDockWidget(Qt::RightDockWidgetArea, m_estimateDock);
    connect(m_catalogDock, &CatalogDock::catalogChanged, m_estimateDock, &EstimateDock::reloadCatalog);
    connect(m_catalogDock, &CatalogDock::catalogChanged, this, &MainWindow::updateStatus);

    createMenus();
    m_catalogStatus = new QLabel;
    m_catalogStatus->setObjectName(QStringLiteral("catalogStatus"));
    statusBar()->addWidget(m_catalogStatus, 1);
    updateStatus();

    // First start: most of the screen, the estimate panel wide enough for inputs and results
    // side by side. Later starts restore what the user left.
    const QSize available = screen()->availableSize();
    resize(std::min(1600, available.width() * 9 / 10), std::min(1000, available.height() * 9 / 10));
    resizeDocks({m_estimateDock}, {width() * 55 / 100}, Qt::Horizontal);
    resizeDocks({m_catalogDock}, {height() * 58 / 100}, Qt::Vertical);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *catalogMenu = fileMenu->addMenu(tr("&Catalog"));
    catalogMenu->addAction(m_catalogDock->importCsvAction());
    catalogMenu->addAction(m_catalogDock->exportCsvAction());
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QAction *toggleCatalog = m_catalogDock->toggleViewAction();
    toggleCatalog->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction *toggleEstimate = m_estimateDock->toggleViewAction();
    toggleEstimate->setShortcut(QKeySequence(tr("Ctrl+2")));
    m_viewMenu->addAction(toggleCatalog);
    m_viewMenu->addAction(toggleEstimate);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About Terahall"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace th
