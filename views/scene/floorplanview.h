// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

class QMenu;

namespace th {

class CatalogCache;
class ConnectTool;
class FacilityOverlay;
class FloorPlanDocument;
class FloorPlanScene;
class PlaceEquipmentTool;
class SelectTool;

/**
 * The floor-plan editor's view: zoom (wheel at the cursor, fit to the halls, 1:1), pan (middle
 * button, or Space + drag), a scale bar and the colour legend as overlays. Mouse and keyboard
 * go to the SelectTool, palette drops to the PlaceEquipmentTool; neither the view nor the
 * scene changes the plan itself.
 *
 * Zoom is in pixels per millimetre; "1:1" is 40 px per metre (a 600 mm tile is 24 px).
 */
class FloorPlanView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr double kActualSizePxPerMm = 0.04;

    FloorPlanView(FloorPlanDocument *document, const CatalogCache *cache, QWidget *parent = nullptr);
    ~FloorPlanView() override;

    FloorPlanScene *floorPlanScene() const { return m_scene; }
    SelectTool *selectTool() const { return m_selectTool; }
    PlaceEquipmentTool *placeTool() const { return m_placeTool; }
    /// Draws power feeds; while its action is checked it gets the mouse instead of the select tool.
    ConnectTool *connectTool() const { return m_connectTool; }
    /// The facility overlays (power chain, utilisation, floor load, thermal map) and their legend.
    FacilityOverlay *overlay() const { return m_overlay; }
    /// View ▸ Overlays: the overlay toggles, then the connection tool and "Clear Feed".
    QMenu *createOverlayMenu(QWidget *parent);

    double zoom() const;
    void setZoom(double pxPerMm);

public slots:
    void zoomIn();
    void zoomOut();
    void fitToHalls();
    void zoomActualSize();
    /// Scrolls so the items are visible (e.g. after picking a violation).
    void showItems(const QList<quint64> &ids);

signals:
    void zoomChanged(double pxPerMm);
    void message(const QString &text);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void placeOverlays();
    void zoomBy(double factor);

    FloorPlanScene *m_scene;
    SelectTool *m_selectTool;
    PlaceEquipmentTool *m_placeTool;
    FacilityOverlay *m_overlay;
    ConnectTool *m_connectTool;
    QWidget *m_scaleBar;
    QWidget *m_legend;
    bool m_spaceDown = false;
    bool m_panning = false;
    bool m_fittedOnce = false;
    QPoint m_panLast;
};

} // namespace th
