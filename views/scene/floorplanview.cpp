// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/floorplanview.h"

#include "model/document/floorplandocument.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/facilityoverlay.h"
#include "views/scene/floorplanscene.h"
#include "views/tools/connecttool.h"
#include "views/tools/placeequipmenttool.h"
#include "views/tools/selecttool.h"

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace th {

namespace {

constexpr double kMinZoom = 0.0005; // px per mm: a 2 km site fits in 1,000 px
constexpr double kMaxZoom = 1.0;    // 1 px per mm

/// Draws the scale bar: a length of 1, 2 or 5 x 10^n metres about 120 px long.
class ScaleBar : public QWidget
{
public:
    ScaleBar(FloorPlanView *view)
        : QWidget(view)
        , m_view(view)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setObjectName(QStringLiteral("scaleBar"));
        resize(190, 34);
    }

    QString text() const
    {
        const double metres = niceMetres();
        return metres >= 1000 ? FloorPlanView::tr("%1 km").arg(metres / 1000) : FloorPlanView::tr("%1 m").arg(metres);
    }

protected:
    double niceMetres() const
    {
        const double pxPerM = m_view->zoom() * 1000.0;
        const double target = 120.0 / pxPerM;
        const double base = std::pow(10.0, std::floor(std::log10(target)));
        for (double f : {1.0, 2.0, 5.0, 10.0}) {
            if (base * f * pxPerM >= 80.0)
                return base * f;
        }
        return base * 10;
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const double metres = niceMetres();
        const int len = int(std::round(metres * m_view->zoom() * 1000.0));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 215));
        p.drawRoundedRect(QRectF(0, 0, len + 70, height()), 4, 4);
        p.setPen(QPen(QColor(40, 40, 40), 2));
        const int y = height() - 10;
        p.drawLine(8, y, 8 + len, y);
        p.drawLine(8, y - 5, 8, y + 3);
        p.drawLine(8 + len, y - 5, 8 + len, y + 3);
        p.drawText(QRect(8, 2, len + 60, y - 6), Qt::AlignLeft | Qt::AlignVCenter, text());
    }

private:
    FloorPlanView *m_view;
};

/// The legend: the scene's colour mode, then each facility overlay that is on. Fixed light
/// colours (white box, dark text) keep it readable on light and dark palettes alike.
class Legend : public QWidget
{
public:
    Legend(FloorPlanView *view)
        : QWidget(view)
        , m_view(view)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setObjectName(QStringLiteral("legend"));
        refresh();
    }

    QList<LegendSection> sections() const
    {
        // The equipment-type key gives way to the overlays (it would cover the plan); a
        // colour-by mode the user chose stays.
        QList<LegendSection> out = m_view->overlay()->legend();
        if (out.isEmpty() || m_view->floorPlanScene()->colorMode() != FloorPlanScene::ColorMode::Type)
            out.prepend({m_view->floorPlanScene()->legendTitle(), m_view->floorPlanScene()->legend()});
        return out;
    }

    /// False when the legend is as it was.
    bool refresh()
    {
        // Each new analysis of a drag asks again: only a legend that changed is laid out and
        // repainted (repainting it repaints the plan under it too).
        QStringList key{font().key()};
        for (const LegendSection &s : sections()) {
            key << s.title;
            for (const auto &e : s.entries)
                key << e.text << e.color.name(QColor::HexArgb) << QString::number(int(e.swatch));
        }
        if (key == m_key)
            return false;
        m_key = key;
        const QFontMetrics fm(font());
        QFont bold = font();
        bold.setBold(true);
        int w = 0, rows = 0;
        for (const LegendSection &s : sections()) {
            w = std::max(w, QFontMetrics(bold).horizontalAdvance(s.title) + 24);
            for (const auto &e : s.entries)
                w = std::max(w, fm.horizontalAdvance(e.text) + 56);
            rows += int(s.entries.size()) + 1;
        }
        resize(w, rows * (fm.height() + 4) + 12);
        update();
        return true;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QColor(190, 190, 195));
        p.setBrush(QColor(255, 255, 255, 225));
        p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        const QFontMetrics fm(font());
        const int line = fm.height() + 4;
        QFont bold = font();
        bold.setBold(true);
        int y = 6;
        using Swatch = FloorPlanScene::LegendEntry::Swatch;
        for (const LegendSection &s : sections()) {
            p.setFont(bold);
            p.setPen(QColor(30, 30, 30));
            p.drawText(QRect(10, y, width() - 20, line), Qt::AlignLeft | Qt::AlignVCenter, s.title);
            p.setFont(font());
            y += line;
            for (const auto &e : s.entries) {
                const QRectF box(10, y + 3, 22, line - 8);
                switch (e.swatch) {
                case Swatch::Box:
                    p.setPen(e.color.darker(150));
                    p.setBrush(e.color);
                    p.drawRect(box);
                    break;
                case Swatch::Line:
                case Swatch::DashedLine:
                case Swatch::ThickLine:
                    p.setPen(QPen(e.color, e.swatch == Swatch::ThickLine ? 3.0 : 1.6, e.swatch == Swatch::DashedLine ? Qt::DashLine : Qt::SolidLine));
                    p.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
                    break;
                case Swatch::Flag: {
                    const QPointF c = box.center();
                    p.setPen(QColor(40, 40, 40));
                    p.setBrush(e.color);
                    p.drawPolygon(QPolygonF{c + QPointF(0, -6), c + QPointF(6, 5), c + QPointF(-6, 5)});
                    break;
                }
                }
                p.setPen(QColor(30, 30, 30));
                p.drawText(QRect(40, y, width() - 46, line), Qt::AlignLeft | Qt::AlignVCenter, e.text);
                y += line;
            }
        }
    }

private:
    FloorPlanView *m_view;
    QStringList m_key; ///< what the legend shows (its font, sections and entries)
};

} // namespace

FloorPlanView::FloorPlanView(FloorPlanDocument *document, const CatalogCache *cache, QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new FloorPlanScene(document, cache, this))
{
    setObjectName(QStringLiteral("floorPlanView"));
    setScene(m_scene);
    setAcceptDrops(true);
    setDragMode(QGraphicsView::NoDrag);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);

    m_selectTool = new SelectTool(this);
    m_placeTool = new PlaceEquipmentTool(this);
    m_overlay = new FacilityOverlay(m_scene, this);
    m_connectTool = new ConnectTool(this);
    addAction(m_connectTool->action());
    connect(m_selectTool, &SelectTool::message, this, &FloorPlanView::message);
    connect(m_placeTool, &PlaceEquipmentTool::message, this, &FloorPlanView::message);
    connect(m_connectTool, &ConnectTool::message, this, &FloorPlanView::message);

    m_scaleBar = new ScaleBar(this);
    auto *legend = new Legend(this);
    m_legend = legend;
    auto refreshLegend = [this, legend] {
        if (legend->refresh()) // raising the overlays repaints them and the plan under them
            placeOverlays();
    };
    connect(m_scene, &FloorPlanScene::colorModeChanged, this, refreshLegend);
    connect(m_scene, &FloorPlanScene::legendChanged, this, refreshLegend);
    connect(m_overlay, &FacilityOverlay::legendChanged, this, refreshLegend);
    connect(this, &FloorPlanView::zoomChanged, m_scaleBar, qOverload<>(&QWidget::update));
    // A new or reopened plan: show all of it.
    connect(document, &FloorPlanDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.type == ChangeEvent::Type::DocumentReloaded)
            fitToHalls();
    });
    setZoom(kActualSizePxPerMm);
}

FloorPlanView::~FloorPlanView()
{
    // Both put items into the scene, which is deleted first among the children.
    delete m_connectTool;
    delete m_overlay;
}

QMenu *FloorPlanView::createOverlayMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Overlays"), parent);
    menu->setObjectName(QStringLiteral("overlayMenu"));
    menu->addActions(m_overlay->actions());
    menu->addSeparator();
    menu->addAction(m_connectTool->action());
    menu->addAction(m_connectTool->clearAction());
    menu->addAction(m_connectTool->adoptAction());
    return menu;
}

double FloorPlanView::zoom() const
{
    return transform().m11();
}

void FloorPlanView::setZoom(double pxPerMm)
{
    pxPerMm = std::clamp(pxPerMm, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(pxPerMm, pxPerMm));
    emit zoomChanged(pxPerMm);
}

void FloorPlanView::zoomBy(double factor)
{
    setZoom(zoom() * factor);
}

void FloorPlanView::zoomIn()
{
    zoomBy(1.25);
}

void FloorPlanView::zoomOut()
{
    zoomBy(1 / 1.25);
}

void FloorPlanView::zoomActualSize()
{
    setZoom(kActualSizePxPerMm);
}

void FloorPlanView::fitToHalls()
{
    QRectF r = m_scene->hallsBoundingRect();
    if (r.isEmpty())
        return;
    r.adjust(-1500, -2500, 1500, 1500);
    const QSize vp = viewport()->size();
    const double z = std::min(vp.width() / r.width(), vp.height() / r.height());
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setZoom(z);
    setTransformationAnchor(anchor);
    centerOn(r.center());
}

void FloorPlanView::showItems(const QList<quint64> &ids)
{
    QRectF r;
    for (quint64 id : ids) {
        if (EquipmentItem *item = m_scene->itemFor(id))
            r |= m_scene->footprintInScene(*item->equipment());
    }
    if (!r.isNull())
        ensureVisible(r, 40, 40);
}

void FloorPlanView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // Keep the point under the cursor in place (the built-in AnchorUnderMouse needs the base
    // class's mouse tracking, which the tools replace).
    const QPoint cursor = event->position().toPoint();
    const QPointF anchor = mapToScene(cursor);
    const ViewportAnchor saved = transformationAnchor();
    setTransformationAnchor(QGraphicsView::NoAnchor);
    zoomBy(std::pow(1.2, steps));
    setTransformationAnchor(saved);
    const QPoint drift = mapFromScene(anchor) - cursor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + drift.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + drift.y());
    event->accept();
}

void FloorPlanView::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceDown)) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (m_connectTool->isActive())
        m_connectTool->mousePressed(event);
    else
        m_selectTool->mousePressed(event);
}

void FloorPlanView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint pos = event->position().toPoint();
        const QPoint d = pos - m_panLast;
        m_panLast = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        return;
    }
    if (m_connectTool->isActive())
        m_connectTool->mouseMoved(event);
    else
        m_selectTool->mouseMoved(event);
}

void FloorPlanView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceDown ? Qt::OpenHandCursor : Qt::ArrowCursor);
        return;
    }
    if (!m_connectTool->isActive())
        m_selectTool->mouseReleased(event);
}

void FloorPlanView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A double click is a second press for the tool (no built-in scene editing).
    mousePressEvent(event);
}

void FloorPlanView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceDown = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    if (m_connectTool->isActive() ? m_connectTool->keyPressed(event) : m_selectTool->keyPressed(event))
        return;
    // Editing actions added to the view (R, Del, Ctrl+D...) also work when the key reaches the
    // view directly, e.g. in a window that is not active.
    const QKeySequence seq(event->keyCombination());
    for (QAction *action : actions()) {
        if (action->isEnabled() && action->shortcuts().contains(seq)) {
            action->trigger();
            return;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void FloorPlanView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceDown = false;
        if (!m_panning)
            viewport()->setCursor(Qt::ArrowCursor);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void FloorPlanView::dragEnterEvent(QDragEnterEvent *event)
{
    m_placeTool->dragEntered(event);
}

void FloorPlanView::dragMoveEvent(QDragMoveEvent *event)
{
    m_placeTool->dragMoved(event);
}

void FloorPlanView::dragLeaveEvent(QDragLeaveEvent *)
{
    m_placeTool->dragLeft();
}

void FloorPlanView::dropEvent(QDropEvent *event)
{
    m_placeTool->dropped(event);
}

void FloorPlanView::placeOverlays()
{
    const QRect vp = viewport()->geometry();
    m_scaleBar->move(vp.left() + 10, vp.bottom() - m_scaleBar->height() - 10);
    m_legend->move(vp.right() - m_legend->width() - 10, vp.bottom() - m_legend->height() - 10);
    m_scaleBar->raise();
    m_legend->raise();
}

void FloorPlanView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverlays();
}

void FloorPlanView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    placeOverlays();
    if (!m_fittedOnce) {
        m_fittedOnce = true;
        fitToHalls();
    }
}

} // namespace th
