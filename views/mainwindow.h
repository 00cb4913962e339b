// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;

namespace th {

class Catalog;
class CatalogDock;
class EstimateDock;

/**
 * The main window: menus, docks (catalog browser, training estimate) and the central area that
 * will hold the floor plan. It shows and edits the catalog it is given but does not own it.
 * Geometry and dock layout are saved on close and restored on construction (th::Settings).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Catalog *catalog, QWidget *parent = nullptr);
    ~MainWindow() override;

    CatalogDock *catalogDock() const { return m_catalogDock; }
    EstimateDock *estimateDock() const { return m_estimateDock; }
    QMenu *viewMenu() const { return m_viewMenu; }

    /// Writes geometry and dock state to the settings (also done on close).
    void saveSettings() const;
    /// Restores geometry and dock state from the settings; false when none were saved.
    bool restoreSettings();

public slots:
    void about();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateStatus();

    Catalog *m_catalog;
    CatalogDock *m_catalogDock = nullptr;
    EstimateDock *m_estimateDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_catalogStatus = nullptr;
};

} // namespace th
