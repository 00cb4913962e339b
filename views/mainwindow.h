// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;
class QUndoView;

namespace th {

class Catalog;
class CatalogCache;
class CatalogDock;
class EditActions;
class EstimateDock;
class FloorPlan;
class FloorPlanDocument;
class FloorPlanView;
class InspectorDock;
class KpiDock;
class PlanChartsDock;
class ProblemsDock;
class PaletteDock;

/**
 * The main window: the floor-plan editor in the centre (palette on the left; KPIs, inspector
 * and undo history on the right), the catalog browser and the training estimate panel, and the
 * File / Edit / View / Plan menus. It owns the open FloorPlanDocument (one plan per window) and
 * a CatalogCache; it shows and edits the catalog it is given but does not own it.
 *
 * Files: New, Open, Save (atomic), Save As, recent files, "[*]" modified marker, an unsaved
 * changes prompt before anything would discard edits, and autosave every 60 s while modified to
 * a recovery file that is offered back after a crash. Geometry and dock layout are saved on
 * close and restored on construction (th::Settings).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Catalog *catalog, QWidget *parent = nullptr);
    ~MainWindow() override;

    CatalogDock *catalogDock() const { return m_catalogDock; }
    EstimateDock *estimateDock() const { return m_estimateDock; }
    PaletteDock *paletteDock() const { return m_paletteDock; }
    InspectorDock *inspectorDock() const { return m_inspectorDock; }
    KpiDock *kpiDock() const { return m_kpiDock; }
    PlanChartsDock *planChartsDock() const { return m_planChartsDock; }
    ProblemsDock *problemsDock() const { return m_problemsDock; }
    QDockWidget *undoDock() const { return m_undoDock; }
    QMenu *viewMenu() const { return m_viewMenu; }
    FloorPlanDocument *document() const { return m_document; }
    FloorPlanView *floorPlanView() const { return m_view; }
    EditActions *editActions() const { return m_editActions; }
    CatalogCache *catalogCache() const { return m_cache.get(); }

    /// Writes geometry and dock state to the settings (also done on close).
    void saveSettings() const;
    /// Restores geometry and dock state from the settings; false when none were saved.
    bool restoreSettings();

    /// A new plan: one 24 m x 18 m hall of 600 mm tiles with an 8.4 m yard.
    static FloorPlan defaultPlan();
    /// The recovery file autosave writes (AppDataLocation/autosave/recovery.thplan).
    static QString recoveryFilePath();

    /// Opens a plan file without asking about unsaved changes; on any problem shows every
    /// error and keeps the open plan. Returns whether the file was opened.
    bool openFile(const QString &path);
    /// Saves to `path` atomically; on failure shows why (the old file stays) and returns false.
    bool saveFile(const QString &path);
    /// Writes the recovery file now if the plan has unsaved changes.
    bool writeRecoveryFile();
    /// Whether the plan has changes not saved to its file (edits, or a restored recovery).
    bool isPlanModified() const;
    QStringList recentFiles() const;

public slots:
    void about();
    void newPlan();
    void open();
    bool save();
    bool saveAs();
    void editWorkload();
    void editPlanProperties();
    /// File > Export Report…: the plan's PDF report (A4 or Letter, remembered).
    void exportReport();
    /// At start-up: offers a recovery file left by a crash, else reopens the last file.
    void startSession();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void createToolBar();
    void updateStatus();
    void updateTitle();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void removeRecoveryFile();
    void catalogChanged();
    /// Asks to save unsaved changes: true to go on (saved or discarded), false to stop.
    bool maybeSave();

    Catalog *m_catalog;
    std::unique_ptr<CatalogCache> m_cache;
    FloorPlanDocument *m_document;
    FloorPlanView *m_view = nullptr;
    EditActions *m_editActions = nullptr;
    CatalogDock *m_catalogDock = nullptr;
    EstimateDock *m_estimateDock = nullptr;
    PaletteDock *m_paletteDock = nullptr;
    InspectorDock *m_inspectorDock = nullptr;
    KpiDock *m_kpiDock = nullptr;
    PlanChartsDock *m_planChartsDock = nullptr;
    ProblemsDock *m_problemsDock = nullptr;
    QDockWidget *m_undoDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_colorGroup = nullptr;
    QComboBox *m_colorCombo = nullptr;
    QLabel *m_catalogStatus = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    bool m_restoredUnsaved = false; ///< plan came from a recovery file and is not saved yet
    bool m_sessionStarted = false;
};

} // namespace th
