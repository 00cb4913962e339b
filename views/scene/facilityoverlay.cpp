// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/facilityoverlay.h"

#include "model/analysis/catalogcache.h"
#include "model/analysis/feedrules.h"
#include "model/document/floorplandocument.h"
#include "views/docks/thermalrunner.h"

#include <QAction>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QLocale>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace th {

namespace {

const QColor kFeedAColor(0, 90, 200);
const QColor kFeedBColor(214, 0, 110);
const QColor kUnitLinkColor(55, 71, 79);
const QColor kOverColor(211, 47, 47);
constexpr int kFloorAlpha = 200;   ///< floor load: opaque enough that its colours read as the legend's
constexpr int kThermalAlpha = 160; ///< thermal map: the racks stay visible under it
constexpr int kAntialiasedLinesMax = 400;
constexpr double kLabelMinPx = 18.0; ///< units narrower than this on screen get no label
constexpr int kDirtyPadPx = 7;       ///< around a changed line: drawn lines (3 px) and the end dots (3.5 px + pen)

QColor mixWithWhite(const QColor &c, double white)
{
    return QColor(int(c.red() + (255 - c.red()) * white), int(c.green() + (255 - c.green()) * white), int(c.blue() + (255 - c.blue()) * white));
}

QPen cosmeticPen(const QColor &color, double widthPx, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, widthPx, style, Qt::FlatCap);
    pen.setCosmetic(true);
    return pen;
}

/// A map pixel: `c` at `alpha` (invalid: transparent).
QRgb mapPixel(const QColor &c, int alpha)
{
    return c.isValid() ? qPremultiply(qRgba(c.red(), c.green(), c.blue(), alpha)) : 0u;
}

/// One pixel per tile, row-major like HallGrid::values; `color` maps a value to a colour
/// (invalid: transparent).
template<typename ColorOf>
QImage gridImage(const HallGrid &g, int alpha, ColorOf color)
{
    QImage img(g.nx, g.ny, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < g.ny; ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < g.nx; ++x)
            line[x] = mapPixel(color(double(g.values[qsizetype(y) * g.nx + x])), alpha);
    }
    return img;
}

/// The transform without its translation: label placement depends on the zoom, not on scrolling.
QTransform withoutTranslation(const QTransform &t)
{
    return QTransform(t.m11(), t.m12(), t.m13(), t.m21(), t.m22(), t.m23(), 0.0, 0.0, t.m33());
}

/// The fill of a unit's utilisation tile.
QColor unitTileColor(const FacilityOverlay::UnitLabel &l)
{
    QColor c = l.over ? kOverColor : FacilityOverlay::loadColor(l.percent / 100.0);
    c.setAlpha(215);
    return c;
}

/// An inlet flag's extent on screen around its point (the triangle, its pen and the "!").
QRectF flagRect(const QPointF &px)
{
    return QRectF(px.x() - 9.0, px.y() - 13.0, 18.0, 17.0);
}

} // namespace

/// Draws one part of the overlay: the tile maps and utilisation tiles (z 20), the power-chain
/// lines (z 30, from a cache of its own), or the labels and flags (z 31).
class OverlayItem : public QGraphicsItem
{
public:
    enum class Part { Maps, Lines, Marks };
    OverlayItem(FacilityOverlay *overlay, Part part)
        : m_overlay(overlay)
        , m_part(part)
    {
        setZValue(part == Part::Maps ? 20 : part == Part::Lines ? 30 : 31);
        setFlag(ItemUsesExtendedStyleOption);
        setAcceptedMouseButtons(Qt::NoButton);
    }

    void setRect(const QRectF &r)
    {
        if (r == m_rect)
            return;
        prepareGeometryChange();
        m_rect = r;
    }

    QRectF boundingRect() const override { return m_rect; }
    QPainterPath shape() const override { return {}; } // never hit by tools or clicks

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
    {
        if (m_part == Part::Maps)
            paintMaps(painter, option->exposedRect);
        else if (m_part == Part::Lines)
            paintLines(painter, option->exposedRect, widget);
        else
            paintMarks(painter, option->exposedRect);
    }

    /// Lines of the power-chain overlay by style: (kind, drawn).
    std::array<QList<QLineF>, 6> lines;
    QList<QPointF> drawnEnds;

    /// The next paint redraws every line.
    void invalidateLines()
    {
        m_cache.valid = false;
        m_cache.dirty.clear();
    }
    /// The next paint redraws the lines over these scene rectangles (a line or a drawn end that
    /// appeared or went away lies in one of them).
    void invalidateLines(const QList<QRectF> &sceneRects)
    {
        if (!m_cache.valid)
            return;
        m_cache.dirty += sceneRects;
        if (m_cache.dirty.size() > kMaxDirtyRects)
            invalidateLines();
    }
    int cachedRenderCount() const { return m_cache.fullRenders; }
    int lineCount() const
    {
        int total = 0;
        for (const QList<QLineF> &l : lines)
            total += int(l.size());
        return total;
    }

private:
    static constexpr int kMaxDirtyRects = 256;

    /// The lines as drawn at one view transform, over the whole viewport, redrawn only where
    /// lines changed (rebuild() diffs the analyses) or when the view zooms or scrolls.
    struct LineCache
    {
        QImage image;
        QTransform transform; ///< item -> viewport
        const QWidget *widget = nullptr;
        bool valid = false;
        QList<QRectF> dirty;  ///< scene rectangles to redraw
        int fullRenders = 0;
    };

    /// Draws the lines and drawn ends that may touch `view` (scene coordinates); with `dirty`,
    /// only the groups of lines of which one touches a dirty rectangle (the painter is clipped
    /// to them). Lines go to the painter in groups of kGroup: the raster engine strokes each
    /// group as one path, and an aliased path's edge pixels depend on what else is in it, so a
    /// partial redraw draws the very groups a full one does (the result is pixel-identical).
    void drawLines(QPainter *painter, const QRectF &view, const QList<QRectF> &dirty) const
    {
        constexpr qsizetype kGroup = 16;
        auto touchesDirty = [&](const QRectF &r) {
            for (const QRectF &c : dirty)
                if (c.intersects(r))
                    return true;
            return false;
        };
        auto box = [](const QLineF &l) { return QRectF(l.p1(), l.p2()).normalized().adjusted(-1e-3, -1e-3, 1e-3, 1e-3); };
        // Thousands of long antialiased (worse: dashed) lines cost seconds in the raster
        // engine: a 5,000-item plan draws them aliased (docs/performance.md).
        // Past that, B feeds keep their colour but not their dashes (the stroker's cost).
        const bool few = lineCount() <= kAntialiasedLinesMax;
        painter->setRenderHint(QPainter::Antialiasing, few);
        painter->setBrush(Qt::NoBrush);
        static const std::array<QColor, 3> colors{kUnitLinkColor, kFeedAColor, kFeedBColor};
        QList<QLineF> visible;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool drawn = i % 2 == 1;
            const bool b = i / 2 == 2;
            visible.clear();
            for (const QLineF &l : lines[i])
                if (view.intersects(box(l)))
                    visible << l;
            if (visible.isEmpty())
                continue;
            // Automatic feeds: a lighter tint, opaque (translucent aliased lines take the
            // raster engine's slow blending path: 9,000 lines 240 ms instead of 14 ms).
            const QColor c = drawn ? colors[i / 2] : mixWithWhite(colors[i / 2], 0.4);
            painter->setPen(cosmeticPen(c, drawn ? 3.0 : 1.3, b && few ? Qt::DashLine : Qt::SolidLine));
            for (qsizetype k = 0; k < visible.size(); k += kGroup) {
                const qsizetype n = std::min(kGroup, visible.size() - k);
                if (!dirty.isEmpty() && std::none_of(visible.begin() + k, visible.begin() + k + n, [&](const QLineF &l) { return touchesDirty(box(l)); }))
                    continue;
                painter->drawLines(visible.constData() + k, int(n));
            }
        }
        // Drawn ends: a dot at a constant size on screen.
        const QTransform world = painter->worldTransform();
        painter->save();
        painter->resetTransform();
        painter->setPen(cosmeticPen(Qt::white, 1.0));
        painter->setBrush(kUnitLinkColor);
        for (const QPointF &p : drawnEnds) {
            const QRectF r = QRectF(p, QSizeF(0, 0)).adjusted(-1e-3, -1e-3, 1e-3, 1e-3);
            if (view.intersects(r) && (dirty.isEmpty() || touchesDirty(r)))
                painter->drawEllipse(world.map(p), 3.5, 3.5);
        }
        painter->restore();
    }

    void paintLines(QPainter *painter, const QRectF &exposed, QWidget *widget)
    {
        const QTransform world = painter->worldTransform();
        const double scale = std::sqrt(std::abs(world.determinant()));
        if (!widget || !world.isInvertible() || scale <= 0.0) { // printing, scene->render(): no cache
            const double pad = kDirtyPadPx / std::max(scale, 1e-9);
            drawLines(painter, exposed.adjusted(-pad, -pad, pad, pad), {});
            return;
        }
        const QTransform toScene = world.inverted();
        // The lines that cross the viewport (zoomed in, most are off screen).
        const double pad = kDirtyPadPx / scale;
        const QRectF view = toScene.mapRect(QRectF(widget->rect())).adjusted(-pad, -pad, pad, pad);
        const qreal dpr = widget->devicePixelRatioF();
        const QSize size = widget->size() * dpr;
        LineCache &c = m_cache;
        const bool stale = !c.valid || c.widget != widget || c.transform != world || c.image.size() != size || c.image.devicePixelRatio() != dpr;
        if (stale) {
            c.image = QImage(size, QImage::Format_ARGB32_Premultiplied);
            c.image.setDevicePixelRatio(dpr);
            c.image.fill(Qt::transparent);
            c.transform = world;
            c.widget = widget;
            c.valid = true;
            c.dirty.clear();
            ++c.fullRenders;
            QPainter p(&c.image);
            p.setTransform(world);
            drawLines(&p, view, {});
        } else if (!c.dirty.isEmpty()) {
            // Clear the changed areas and draw again every line that crosses them.
            QRegion region;
            for (const QRectF &r : std::as_const(c.dirty))
                region += world.mapRect(r).toAlignedRect().adjusted(-kDirtyPadPx, -kDirtyPadPx, kDirtyPadPx, kDirtyPadPx);
            region &= widget->rect();
            c.dirty.clear();
            if (!region.isEmpty()) {
                QList<QRectF> cull;
                // A line whose stroke reaches into the region (3 px wide, or a dot) is drawn again.
                for (const QRect &r : region)
                    cull << toScene.mapRect(QRectF(r).adjusted(-kDirtyPadPx, -kDirtyPadPx, kDirtyPadPx, kDirtyPadPx));
                QPainter p(&c.image);
                p.setClipRegion(region);
                p.setCompositionMode(QPainter::CompositionMode_Source);
                p.fillRect(region.boundingRect(), Qt::transparent);
                p.setCompositionMode(QPainter::CompositionMode_SourceOver);
                p.setTransform(world);
                drawLines(&p, view, cull);
            }
        }
        painter->save();
        painter->resetTransform();
        const QRect target = world.mapRect(exposed).toAlignedRect().adjusted(-1, -1, 1, 1) & widget->rect();
        painter->drawImage(QRectF(target), c.image, QRectF(QPointF(target.topLeft()) * dpr, QSizeF(target.size()) * dpr));
        painter->restore();
    }

    /// A tile map without smoothing, sampled per device pixel over the exposed area only: pixel
    /// (x, y) shows the tile its centre lies in, whatever part of the view is being repainted
    /// (the raster engine's scaled blit rounds tile edges differently under another clip, so a
    /// partial repaint would shift them by a pixel).
    static void drawTilesExactly(QPainter *painter, const QImage &img, const QRectF &target, const QRectF &exposed)
    {
        const QTransform world = painter->worldTransform();
        if (world.type() > QTransform::TxScale || world.m11() <= 0.0 || world.m22() <= 0.0) { // rotated or mirrored (not in the editor)
            painter->drawImage(target, img);
            return;
        }
        const QRectF dev = world.mapRect(target);
        QRect area = world.mapRect(exposed).toAlignedRect().adjusted(-1, -1, 1, 1) & dev.toAlignedRect();
        if (painter->hasClipping()) // in the painter's world coordinates
            area &= world.mapRect(painter->clipBoundingRect()).toAlignedRect().adjusted(-1, -1, 1, 1);
        if (area.isEmpty() || dev.width() <= 0.0 || dev.height() <= 0.0)
            return;
        auto index = [](int px, double origin, double extent, int n) {
            const double t = (px + 0.5 - origin) / extent * n;
            return t < 0.0 || t >= n ? -1 : int(t);
        };
        std::vector<int> xs(std::size_t(area.width()));
        for (int i = 0; i < area.width(); ++i)
            xs[std::size_t(i)] = index(area.left() + i, dev.left(), dev.width(), img.width());
        QImage out(area.size(), QImage::Format_ARGB32_Premultiplied);
        int lastRow = -2;
        for (int j = 0; j < area.height(); ++j) {
            auto *line = reinterpret_cast<QRgb *>(out.scanLine(j));
            const int row = index(area.top() + j, dev.top(), dev.height(), img.height());
            if (row == lastRow) {
                std::copy_n(reinterpret_cast<const QRgb *>(out.constScanLine(j - 1)), area.width(), line);
                continue;
            }
            lastRow = row;
            const auto *src = row < 0 ? nullptr : reinterpret_cast<const QRgb *>(img.constScanLine(row));
            for (int i = 0; i < area.width(); ++i)
                line[i] = src && xs[std::size_t(i)] >= 0 ? src[xs[std::size_t(i)]] : 0u;
        }
        painter->save();
        painter->resetTransform();
        painter->drawImage(area.topLeft(), out);
        painter->restore();
    }

    void paintMaps(QPainter *painter, const QRectF &exposed)
    {
        const FloorPlanScene *scene = m_overlay->m_scene;
        auto draw = [&](const QHash<HallId, QImage> &images, const QList<HallGrid> &grids, bool smooth) {
            painter->setRenderHint(QPainter::SmoothPixmapTransform, smooth);
            for (const HallGrid &g : grids) {
                const QImage img = images.value(g.hallId);
                if (img.isNull())
                    continue;
                const QRectF target = scene->toScene(g.hallId, QRectF(0, 0, g.nx * g.cellMm, g.ny * g.cellMm));
                if (smooth)
                    painter->drawImage(target, img);
                else
                    drawTilesExactly(painter, img, target, exposed);
            }
        };
        if (m_overlay->isOn(FacilityOverlay::Layer::FloorLoad))
            draw(m_overlay->m_floorImages, m_overlay->m_facility.floorLoad, false);
        if (m_overlay->isOn(FacilityOverlay::Layer::Thermal))
            draw(m_overlay->m_thermalImages, m_overlay->m_thermalGrids, true);
        if (m_overlay->isOn(FacilityOverlay::Layer::Utilisation)) {
            // The units' utilisation tiles, over the maps and under the lines.
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(Qt::NoPen);
            for (const FacilityOverlay::UnitLabel &l : m_overlay->m_labels) {
                if (!l.rect.intersects(exposed))
                    continue;
                painter->setBrush(unitTileColor(l));
                painter->drawRect(l.rect);
            }
        }
    }

    void paintMarks(QPainter *painter, const QRectF &exposed)
    {
        const QTransform world = painter->worldTransform();
        // Text and markers at a constant size on screen.
        painter->save();
        painter->resetTransform();
        // Aliased like the lines under them when those are many (as the marks always were drawn).
        painter->setRenderHint(QPainter::Antialiasing, !m_overlay->isOn(FacilityOverlay::Layer::PowerChain) || m_overlay->m_lineItem->lineCount() <= kAntialiasedLinesMax);
        const QFont font = FacilityOverlay::labelFont(painter->font());
        painter->setFont(font);
        // What is exposed, on screen (the painter is clipped to it; a partial repaint draws the
        // labels and flags that reach into it, placed as a full repaint places them).
        const QRectF exposedPx = world.mapRect(exposed).adjusted(-2, -2, 2, 2);
        if (m_overlay->isOn(FacilityOverlay::Layer::Utilisation)) {
            const QPointF shift(world.dx(), world.dy());
            for (const FacilityOverlay::PlacedLabel &l : m_overlay->labelPlacement(world, font)) {
                const QRectF r = l.box.translated(shift);
                if (!r.intersects(exposedPx))
                    continue;
                painter->setPen(QColor(60, 60, 60));
                painter->setBrush(l.over ? kOverColor : QColor(255, 255, 255, 235));
                painter->drawRoundedRect(r, 3, 3);
                painter->setPen(l.over ? Qt::white : QColor(20, 20, 20));
                painter->drawText(r, Qt::AlignCenter, l.text);
            }
        }
        if (m_overlay->isOn(FacilityOverlay::Layer::Thermal)) {
            for (const FacilityOverlay::InletFlag &f : m_overlay->m_flags) {
                const QPointF p = world.map(f.pos);
                if (!flagRect(p).intersects(exposedPx))
                    continue;
                const QPolygonF tri{p + QPointF(0, -11), p + QPointF(7, 2), p + QPointF(-7, 2)};
                painter->setPen(QPen(QColor(40, 40, 40), 1.0));
                painter->setBrush(f.allowableExceeded ? kOverColor : QColor(255, 170, 0));
                painter->drawPolygon(tri);
                painter->setPen(f.allowableExceeded ? Qt::white : QColor(20, 20, 20));
                painter->drawText(QRectF(p.x() - 7, p.y() - 10, 14, 12), Qt::AlignCenter, QStringLiteral("!"));
            }
        }
        painter->restore();
    }

    FacilityOverlay *m_overlay;
    Part m_part;
    QRectF m_rect;
    LineCache m_cache;
};

FacilityOverlay::FacilityOverlay(FloorPlanScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_mapItem(new OverlayItem(this, OverlayItem::Part::Maps))
    , m_lineItem(new OverlayItem(this, OverlayItem::Part::Lines))
    , m_markItem(new OverlayItem(this, OverlayItem::Part::Marks))
{
    for (OverlayItem *item : {m_mapItem, m_lineItem, m_markItem}) {
        m_scene->addItem(item);
        item->setVisible(false);
    }

    const std::array<std::pair<Layer, QString>, 4> layers{{
        {Layer::PowerChain, tr("&Power Chain Connections")},
        {Layer::Utilisation, tr("&Utilisation per Unit")},
        {Layer::FloorLoad, tr("&Floor Load (kg/m²)")},
        {Layer::Thermal, tr("&Thermal Map (indicative)")},
    }};
    static const std::array<const char *, 4> names{"overlayPowerChainAction", "overlayUtilisationAction", "overlayFloorLoadAction",
                                                   "overlayThermalAction"};
    for (const auto &[layer, text] : layers) {
        auto *a = new QAction(text, this);
        a->setCheckable(true);
        a->setObjectName(QString::fromLatin1(names[std::size_t(layer)]));
        const Layer l = layer;
        connect(a, &QAction::toggled, this, [this, l](bool on) { setLayer(l, on); });
        m_actions << a;
    }
    m_actions[int(Layer::Thermal)]->setToolTip(
        tr("Indicative steady-state air temperatures (not CFD); solved in the background after each change"));
}

FacilityOverlay::~FacilityOverlay()
{
    // The scene may outlive us: take our items out of it.
    delete m_mapItem;
    delete m_lineItem;
    delete m_markItem;
}

void FacilityOverlay::setLayer(Layer layer, bool on)
{
    const int bit = 1 << int(layer);
    if (bool(m_layers & bit) == on)
        return;
    m_layers = on ? (m_layers | bit) : (m_layers & ~bit);
    if (QAction *a = action(layer); a && a->isChecked() != on)
        a->setChecked(on);
    if (layer == Layer::Thermal && on)
        rebuildThermalImages();
    rebuild();
    emit layersChanged();
    emit legendChanged();
}

bool FacilityOverlay::isOn(Layer layer) const
{
    return m_layers & (1 << int(layer));
}

void FacilityOverlay::setFacility(const FacilityResult &facility)
{
    m_facility = facility;
    const bool first = !m_hasFacility;
    m_hasFacility = true;
    rebuild(first); // after the first analysis only what changed is repainted
    emit legendChanged();
}

const FacilityOverlay::UnitLabel *FacilityOverlay::unitLabel(EquipmentId id) const
{
    const auto it = m_labelIndex.find(id);
    return it == m_labelIndex.end() ? nullptr : &m_labels[it.value()];
}

QColor FacilityOverlay::loadColor(double fraction)
{
    if (fraction > 1.0 + 1e-9)
        return kOverColor;
    // Green (120 deg) through yellow to orange (30 deg) at the rating.
    const double t = std::clamp(fraction, 0.0, 1.0);
    return QColor::fromHsvF(float((120.0 - 90.0 * t) / 360.0), 0.80f, 0.92f);
}

QImage FacilityOverlay::thermalGridImage(const HallGrid &grid, int alpha)
{
    return gridImage(grid, alpha, [](double c) { return temperatureColor(c); });
}

QColor FacilityOverlay::temperatureColor(double tempC)
{
    // A diverging scale anchored on the supply air (22 C) and the ASHRAE limits (27, 32 C).
    struct Stop
    {
        double c;
        int r, g, b;
    };
    static constexpr std::array<Stop, 7> stops{{{18, 49, 54, 149},
                                                {22, 69, 117, 180},
                                                {24.5, 171, 217, 233},
                                                {27, 255, 255, 191},
                                                {32, 253, 174, 97},
                                                {35, 244, 109, 67},
                                                {40, 215, 48, 39}}};
    if (tempC <= stops.front().c)
        return QColor(stops.front().r, stops.front().g, stops.front().b);
    for (std::size_t i = 1; i < stops.size(); ++i) {
        if (tempC <= stops[i].c) {
            const Stop &a = stops[i - 1], &b = stops[i];
            const double t = (tempC - a.c) / (b.c - a.c);
            return QColor(int(std::lround(a.r + t * (b.r - a.r))), int(std::lround(a.g + t * (b.g - a.g))),
                          int(std::lround(a.b + t * (b.b - a.b))));
        }
    }
    return QColor(stops.back().r, stops.back().g, stops.back().b);
}

QPointF FacilityOverlay::centreOf(EquipmentId id, bool *found) const
{
    const Equipment *e = m_scene->document()->plan().equipment(id);
    *found = e != nullptr;
    return e ? m_scene->footprintInScene(*e).center() : QPointF();
}

void FacilityOverlay::rebuild(bool all)
{
    const bool any = m_layers != 0 && m_hasFacility;
    m_mapItem->setVisible(any && (isOn(Layer::FloorLoad) || isOn(Layer::Thermal) || isOn(Layer::Utilisation)));
    m_lineItem->setVisible(any && isOn(Layer::PowerChain));
    m_markItem->setVisible(any && (isOn(Layer::Utilisation) || isOn(Layer::Thermal)));
    if (!any) {
        m_connections.clear();
        for (QList<QLineF> &l : m_lineItem->lines)
            l.clear();
        m_lineItem->drawnEnds.clear();
        m_lineItem->invalidateLines();
        m_labels.clear();
        m_labelIndex.clear();
        ++m_labelsRevision;
        m_floorImages.clear();
        m_floorSources.clear();
        m_flags.clear();
        return;
    }
    Damage damage;
    damage.all = all;
    const QRectF r = m_scene->hallsBoundingRect().adjusted(-2000, -2000, 2000, 2000);
    if (m_mapItem->boundingRect() != r) {
        damage.all = true;
        for (OverlayItem *item : {m_mapItem, m_lineItem, m_markItem})
            item->setRect(r);
    }
    // The labels and flags as each view shows them now, to repaint where they change.
    QList<QList<PlacedLabel>> oldLabels;
    QList<InletFlag> oldFlags;
    if (!damage.all) {
        for (QGraphicsView *view : m_scene->views())
            oldLabels << (isOn(Layer::Utilisation) ? labelPlacement(view->viewportTransform(), labelFont(view->viewport()->font())) : QList<PlacedLabel>());
        oldFlags = m_flags;
    }
    rebuildConnections(&damage);
    rebuildLabels(&damage);
    rebuildFloorLoad(&damage);
    rebuildInletFlags();
    repaint(damage, oldLabels, oldFlags);
}

void FacilityOverlay::repaint(const Damage &damage, const QList<QList<PlacedLabel>> &oldLabels, const QList<InletFlag> &oldFlags)
{
    if (damage.all) {
        for (OverlayItem *item : {m_mapItem, m_lineItem, m_markItem})
            item->update();
        return;
    }
    if (damage.allLines)
        m_lineItem->update();
    const QList<QGraphicsView *> views = m_scene->views();
    for (qsizetype v = 0; v < views.size(); ++v) {
        QWidget *viewport = views[v]->viewport();
        const QTransform world = views[v]->viewportTransform(); // the items sit at the scene origin
        QRegion region;
        // A changed line: small rectangles along it on screen, padded by its stroke (3 px drawn
        // lines, the 3.5 px end dots), rather than its bounding box (a long diagonal feed's box
        // covers much of the hall).
        constexpr int kPiecePx = 32;
        for (const QLineF &scene : damage.lines) {
            const QLineF l = world.map(scene);
            const int pieces = std::clamp(int(std::ceil(std::min(std::abs(l.dx()), std::abs(l.dy())) / kPiecePx)), 1, 64);
            for (int k = 0; k < pieces; ++k) {
                const QRectF piece = QRectF(l.pointAt(double(k) / pieces), l.pointAt(double(k + 1) / pieces)).normalized();
                region += piece.toAlignedRect().adjusted(-kDirtyPadPx, -kDirtyPadPx, kDirtyPadPx, kDirtyPadPx);
            }
        }
        for (const QRectF &r : damage.tiles)
            region += world.mapRect(r).toAlignedRect().adjusted(-1, -1, 1, 1);
        const QPointF shift(world.dx(), world.dy());
        auto addPx = [&](const QRectF &px) { region += px.toAlignedRect().adjusted(-2, -2, 2, 2); };
        if (isOn(Layer::Utilisation)) {
            const QList<PlacedLabel> &now = labelPlacement(world, labelFont(viewport->font()));
            const QList<PlacedLabel> &was = oldLabels.value(v);
            QHash<EquipmentId, const PlacedLabel *> before;
            before.reserve(was.size());
            for (const PlacedLabel &l : was)
                before.insert(l.id, &l);
            for (const PlacedLabel &l : now) {
                const PlacedLabel *o = before.take(l.id);
                if (o && o->box == l.box && o->text == l.text && o->over == l.over)
                    continue;
                addPx(l.box.translated(shift));
                if (o)
                    addPx(o->box.translated(shift));
            }
            for (const PlacedLabel *o : std::as_const(before))
                addPx(o->box.translated(shift));
        }
        if (isOn(Layer::Thermal)) {
            QHash<EquipmentId, const InletFlag *> before;
            for (const InletFlag &f : oldFlags)
                before.insert(f.id, &f);
            for (const InletFlag &f : m_flags) {
                const InletFlag *o = before.take(f.id);
                if (o && o->pos == f.pos && o->allowableExceeded == f.allowableExceeded)
                    continue;
                addPx(flagRect(world.map(f.pos)));
                if (o)
                    addPx(flagRect(world.map(o->pos)));
            }
            for (const InletFlag *o : std::as_const(before))
                addPx(flagRect(world.map(o->pos)));
        }
        region &= viewport->rect();
        if (!region.isEmpty())
            viewport->update(region);
    }
}

QFont FacilityOverlay::labelFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(11);
    font.setBold(true);
    return font;
}

const QList<FacilityOverlay::PlacedLabel> &FacilityOverlay::labelPlacement(const QTransform &world, const QFont &font) const
{
    const QTransform linear = withoutTranslation(world);
    LabelPlacement &p = m_placement;
    if (p.valid && p.labelsRevision == m_labelsRevision && p.linear == linear && p.font == font)
        return p.labels;
    ++m_labelPlacements;
    p = LabelPlacement{linear, font, m_labelsRevision, true, {}};
    // Labels that would cover one already placed are left out (zoom in to see them); overloaded
    // units come first so their labels always show. Every label of the plan takes part, on or
    // off screen, so what shows does not depend on the part of the view being drawn.
    const QFontMetrics fm(font);
    QHash<quint64, QList<QRectF>> placed; // by 64 px screen cell
    auto cellKey = [](int x, int y) { return (quint64(quint32(x)) << 32) | quint32(y); };
    auto forCells = [&](const QRectF &r, auto f) {
        for (int y = int(std::floor(r.top() / 64)); y <= int(std::floor(r.bottom() / 64)); ++y)
            for (int x = int(std::floor(r.left() / 64)); x <= int(std::floor(r.right() / 64)); ++x)
                if (f(cellKey(x, y)))
                    return true;
        return false;
    };
    QList<const UnitLabel *> order;
    order.reserve(m_labels.size());
    for (const UnitLabel &l : m_labels)
        order << &l;
    std::stable_partition(order.begin(), order.end(), [](const UnitLabel *l) { return l->over; });
    QHash<QString, double> widths; // few distinct texts ("68 %")
    for (const UnitLabel *lp : std::as_const(order)) {
        const UnitLabel &l = *lp;
        const QRectF px = linear.mapRect(l.rect);
        if (px.width() < kLabelMinPx && px.height() < kLabelMinPx)
            continue;
        auto w = widths.find(l.text);
        if (w == widths.end())
            w = widths.insert(l.text, fm.horizontalAdvance(l.text) + 8);
        const QSizeF box(*w, fm.height() + 2);
        const QRectF r(px.center() - QPointF(box.width() / 2, box.height() / 2), box);
        if (forCells(r, [&](quint64 key) {
                const QList<QRectF> &others = placed[key];
                return std::any_of(others.begin(), others.end(), [&](const QRectF &o) { return o.intersects(r); });
            }))
            continue;
        forCells(r, [&](quint64 key) {
            placed[key] << r;
            return false;
        });
        p.labels << PlacedLabel{l.id, r, l.text, l.over};
    }
    return p.labels;
}

void FacilityOverlay::rebuildConnections(Damage *damage)
{
    // The lines drawn so far: what changed is drawn again, the rest stays in the line cache.
    const std::array<QList<QLineF>, 6> oldLines = std::move(m_lineItem->lines);
    const QList<QPointF> oldEnds = std::move(m_lineItem->drawnEnds);
    m_connections.clear();
    for (QList<QLineF> &l : m_lineItem->lines)
        l.clear();
    m_lineItem->drawnEnds.clear();
    if (!isOn(Layer::PowerChain)) {
        m_lineItem->invalidateLines();
        return;
    }
    const FloorPlan &plan = m_scene->document()->plan();
    // An item's feeds count as drawn when its `fed_from` names a unit that still exists (the
    // analysis then uses only those; otherwise it assigns them).
    static const QString kFedFrom = QStringLiteral("fed_from");
    auto drawnEquipment = [&](const Equipment *e) {
        if (!e || !e->properties().contains(kFedFrom)) // most racks: fed automatically
            return false;
        const QList<EquipmentId> feeds = explicitFeeds(*e);
        return std::any_of(feeds.begin(), feeds.end(), [&](EquipmentId f) { return plan.equipment(f) != nullptr; });
    };
    auto drawn = [&](EquipmentId id) { return drawnEquipment(plan.equipment(id)); };
    QHash<EquipmentId, const FacilityUnitStatus *> unitById;
    for (const FacilityUnitStatus &u : m_facility.powerUnits)
        unitById.insert(u.id, &u);
    // A unit feeds tens of racks: its centre is looked up once.
    QHash<EquipmentId, std::optional<QPointF>> centres;
    centres.reserve(m_facility.powerUnits.size());
    auto centre = [&](EquipmentId id) {
        auto it = centres.find(id);
        if (it == centres.end()) {
            bool found = false;
            const QPointF c = centreOf(id, &found);
            it = centres.insert(id, found ? std::optional<QPointF>(c) : std::nullopt);
        }
        return *it;
    };
    // `cb`: the centre of `to`, looked up by the caller (a rack: once for its feeds, not cached).
    auto addTo = [&](EquipmentId from, EquipmentId to, const std::optional<QPointF> &cb, Connection::Kind kind, bool isDrawn) {
        const std::optional<QPointF> ca = centre(from);
        if (!ca || !cb)
            return;
        const QPointF a = *ca, b = *cb;
        m_connections << Connection{from, to, kind, isDrawn, QLineF(a, b)};
        m_lineItem->lines[std::size_t(int(kind) * 2 + (isDrawn ? 1 : 0))] << QLineF(a, b);
        if (isDrawn)
            m_lineItem->drawnEnds << b;
    };
    for (const FacilityUnitStatus &u : m_facility.powerUnits) {
        const bool d = drawn(u.id);
        for (EquipmentId p : u.feeds)
            addTo(p, u.id, centre(u.id), Connection::Kind::UnitToUnit, d);
    }
    for (const RackFeedStatus &f : m_facility.rackFeeds) {
        if (f.feeds.isEmpty())
            continue;
        // One lookup of the rack for whether its feeds are drawn and for its centre.
        const Equipment *rack = plan.equipment(f.id);
        const bool d = drawnEquipment(rack);
        const std::optional<QPointF> rackCentre = rack ? std::optional<QPointF>(m_scene->footprintInScene(*rack).center()) : std::nullopt;
        // A rack fed from a paralleled UPS bus lists every UPS of the bus: they are all its A side.
        const FacilityUnitStatus *first = unitById.value(f.feeds.front());
        for (qsizetype i = 0; i < f.feeds.size(); ++i) {
            const FacilityUnitStatus *u = unitById.value(f.feeds[i]);
            const bool sameBus = first && u && first->category == QLatin1String("ups") && u->category == QLatin1String("ups")
                                 && u->group == first->group;
            addTo(f.feeds[i], f.id, rackCentre, i == 0 || sameBus ? Connection::Kind::FeedA : Connection::Kind::FeedB, d);
        }
    }
    invalidateChangedLines(oldLines, oldEnds, damage);
}

void FacilityOverlay::invalidateChangedLines(const std::array<QList<QLineF>, 6> &oldLines, const QList<QPointF> &oldEnds, Damage *damage)
{
    // A line or end that is not at the same place in the same list changed: its old and its new
    // extent are drawn again. Lists of another length (an item added or removed, a feed now
    // drawn) compare as multisets. Few lines are antialiased and dashed: drawn again in full.
    int total = 0, changed = 0;
    QList<QRectF> dirty;
    QList<QLineF> changedLines; // old and new, to repaint; an end is a line of no length
    auto lineRect = [](const QLineF &l) { return QRectF(l.p1(), l.p2()).normalized(); };
    auto asLine = [](const auto &v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, QLineF>)
            return v;
        else
            return QLineF(v, v);
    };
    auto diff = [&](const auto &before, const auto &after, auto rectOf) {
        total += int(after.size());
        if (before.size() == after.size()) {
            for (qsizetype i = 0; i < after.size(); ++i) {
                if (before[i] != after[i]) {
                    dirty << rectOf(before[i]) << rectOf(after[i]);
                    changedLines << asLine(before[i]) << asLine(after[i]);
                    ++changed;
                }
            }
            return;
        }
        using T = std::decay_t<decltype(after.front())>;
        auto key = [](const T &v) {
            if constexpr (std::is_same_v<T, QLineF>)
                return std::array<double, 4>{v.x1(), v.y1(), v.x2(), v.y2()};
            else
                return std::array<double, 4>{v.x(), v.y(), 0.0, 0.0};
        };
        std::vector<std::array<double, 4>> a, b, onlyA, onlyB;
        for (const T &v : before)
            a.push_back(key(v));
        for (const T &v : after)
            b.push_back(key(v));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(onlyA));
        std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(onlyB));
        for (const auto *list : {&onlyA, &onlyB}) {
            for (const std::array<double, 4> &k : *list) {
                const QLineF l(k[0], k[1], std::is_same_v<T, QLineF> ? k[2] : k[0], std::is_same_v<T, QLineF> ? k[3] : k[1]);
                dirty << lineRect(l);
                changedLines << l;
                ++changed;
            }
        }
    };
    for (std::size_t i = 0; i < oldLines.size(); ++i)
        diff(oldLines[i], m_lineItem->lines[i], lineRect);
    diff(oldEnds, m_lineItem->drawnEnds, [](const QPointF &p) { return QRectF(p, QSizeF(0, 0)); });
    if (changed == 0)
        return;
    if (total <= kAntialiasedLinesMax || changed * 8 > total)
        m_lineItem->invalidateLines();
    else
        m_lineItem->invalidateLines(dirty);
    // The view repaints along the changed lines (the unchanged ones are drawn as before), or all
    // of the line item when most of them changed.
    if (changed * 8 > total)
        damage->allLines = true;
    else
        damage->lines += changedLines;
}

void FacilityOverlay::rebuildLabels(Damage *damage)
{
    const QList<UnitLabel> before = std::exchange(m_labels, {});
    const QHash<EquipmentId, int> beforeIndex = std::exchange(m_labelIndex, {});
    ++m_labelsRevision;
    if (!isOn(Layer::Utilisation))
        return;
    const FloorPlan &plan = m_scene->document()->plan();
    const double derating = m_facility.deratingFraction > 0.0 ? m_facility.deratingFraction : 1.0;
    const QLocale locale;
    const QString format = tr("%1 %");
    // Most values stay the same between two analyses of a live edit: their text is kept.
    const bool keepTexts = format == m_labelTextFormat && locale == m_labelTextLocale;
    m_labelTextFormat = format;
    m_labelTextLocale = locale;
    auto add = [&](const FacilityUnitStatus &u, double percent, bool over) {
        const Equipment *e = plan.equipment(u.id);
        if (!e)
            return;
        QString text;
        if (keepTexts) {
            const auto it = beforeIndex.constFind(u.id);
            if (it != beforeIndex.cend() && before[it.value()].percent == percent)
                text = before[it.value()].text;
        }
        if (text.isNull())
            text = format.arg(locale.toString(percent, 'f', 0));
        m_labelIndex.insert(u.id, int(m_labels.size()));
        m_labels << UnitLabel{u.id, percent, over || percent > 100.0 + 1e-9, std::move(text), m_scene->footprintInScene(*e)};
    };
    for (const FacilityUnitStatus &u : m_facility.powerUnits)
        add(u, 100.0 * u.utilisation / derating, u.overloaded);
    for (const FacilityUnitStatus &u : m_facility.coolingUnits)
        add(u, 100.0 * u.utilisation, u.overloaded);
    // Tiles that moved, changed colour, appeared or went away (their labels: repaint()).
    QSet<EquipmentId> seen;
    for (const UnitLabel &l : std::as_const(m_labels)) {
        seen.insert(l.id);
        const auto it = beforeIndex.find(l.id);
        const UnitLabel *o = it == beforeIndex.end() ? nullptr : &before[it.value()];
        if (o && o->rect == l.rect && unitTileColor(*o) == unitTileColor(l))
            continue;
        damage->tiles << l.rect;
        if (o)
            damage->tiles << o->rect;
    }
    for (const UnitLabel &o : before) {
        if (!seen.contains(o.id))
            damage->tiles << o.rect;
    }
}

void FacilityOverlay::rebuildFloorLoad(Damage *damage)
{
    QHash<HallId, QImage> before = std::exchange(m_floorImages, {});
    QHash<HallId, FloorImageSource> sources = std::exchange(m_floorSources, {});
    auto gridRect = [&](const HallGrid &g, int x0, int y0, int nx, int ny) {
        return m_scene->toScene(g.hallId, QRectF(x0 * g.cellMm, y0 * g.cellMm, nx * g.cellMm, ny * g.cellMm));
    };
    // A hall whose map goes away (or is coloured anew below) is repainted in full.
    auto damageAll = [&](HallId hall) {
        const auto it = sources.constFind(hall);
        if (it != sources.constEnd())
            damage->tiles << gridRect(it->grid, 0, 0, it->grid.nx, it->grid.ny);
    };
    if (!isOn(Layer::FloorLoad)) {
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            damageAll(it.key());
        return;
    }
    const FloorPlan &plan = m_scene->document()->plan();
    for (const HallGrid &g : m_facility.floorLoad) {
        const Hall *h = plan.hall(g.hallId);
        if (!h || g.values.size() != qsizetype(g.nx) * g.ny)
            continue;
        const double rating = h->floorRatingKgPerM2 > 0.0 ? h->floorRatingKgPerM2 : 1.0;
        auto color = [rating](double kgPerM2) { return kgPerM2 > 0.0 ? loadColor(kgPerM2 / rating) : QColor(); };
        // Between two analyses of a live edit few tiles change: only those are coloured again.
        QImage img = before.take(g.hallId);
        const FloorImageSource &src = sources[g.hallId];
        if (!img.isNull() && src.rating == rating && src.grid.nx == g.nx && src.grid.ny == g.ny && src.grid.values.size() == g.values.size()
            && src.grid.cellMm == g.cellMm) {
            QRectF run; // the changed tiles of consecutive rows with the same span, one rectangle
            for (int y = 0; y < g.ny; ++y) {
                const float *now = g.values.constData() + qsizetype(y) * g.nx;
                const float *was = src.grid.values.constData() + qsizetype(y) * g.nx;
                if (std::equal(now, now + g.nx, was))
                    continue;
                auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
                int x0 = g.nx, x1 = -1;
                for (int x = 0; x < g.nx; ++x) {
                    if (now[x] != was[x]) {
                        line[x] = mapPixel(color(double(now[x])), kFloorAlpha);
                        x0 = std::min(x0, x);
                        x1 = x;
                    }
                }
                const QRectF tiles = gridRect(g, x0, y, x1 - x0 + 1, 1);
                if (!run.isNull() && run.left() == tiles.left() && run.right() == tiles.right() && run.bottom() == tiles.top()) {
                    run.setBottom(tiles.bottom());
                } else {
                    if (!run.isNull())
                        damage->tiles << run;
                    run = tiles;
                }
            }
            if (!run.isNull())
                damage->tiles << run;
        } else {
            damageAll(g.hallId);
            damage->tiles << gridRect(g, 0, 0, g.nx, g.ny);
            img = gridImage(g, kFloorAlpha, color);
        }
        m_floorImages.insert(g.hallId, img);
        m_floorSources.insert(g.hallId, FloorImageSource{g, rating});
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) // halls without a map now
        damageAll(it.key());
}

void FacilityOverlay::rebuildThermalImages()
{
    m_thermalImages.clear();
    for (const HallGrid &g : m_thermalGrids) {
        if (g.values.size() == qsizetype(g.nx) * g.ny)
            m_thermalImages.insert(g.hallId, thermalGridImage(g, kThermalAlpha));
    }
}

void FacilityOverlay::rebuildInletFlags()
{
    m_flags.clear();
    if (!isOn(Layer::Thermal))
        return;
    const FloorPlan &plan = m_scene->document()->plan();
    for (const RackInlet &in : m_inlets) {
        if (in.inletC <= engine::kAshraeRecommendedMaxC)
            continue;
        const Equipment *e = plan.equipment(in.id);
        if (!e)
            continue;
        const QPointF front = m_scene->footprintInScene(*e).center() + rackFrontDirection(e->rotationDeg()) * (e->depthMm() / 2.0);
        m_flags << InletFlag{in.id, in.inletC, in.inletC > engine::kAshraeA1AllowableMaxC, front};
    }
}

void FacilityOverlay::setThermalRunner(ThermalRunner *runner)
{
    if (m_thermalRunner)
        disconnect(m_thermalRunner, nullptr, this, nullptr);
    m_thermalRunner = runner;
    if (!runner)
        return;
    connect(runner, &ThermalRunner::started, this, &FacilityOverlay::legendChanged);
    connect(runner, &ThermalRunner::finished, this, &FacilityOverlay::thermalFinished);
    if (runner->resultRevision() >= 0)
        thermalFinished();
}

bool FacilityOverlay::isThermalRunning() const
{
    return m_thermalRunner && m_thermalRunner->isBusy();
}

int FacilityOverlay::thermalSolveCount() const
{
    return m_thermalRunner ? m_thermalRunner->solveCount() : 0;
}

void FacilityOverlay::thermalFinished()
{
    m_thermalGrids = m_thermalRunner->result().thermal;
    m_inlets = m_thermalRunner->result().rackInlets;
    rebuildThermalImages();
    rebuildInletFlags();
    rebuild();
    emit thermalUpdated();
    emit legendChanged();
}

QList<LegendSection> FacilityOverlay::legend() const
{
    using Entry = FloorPlanScene::LegendEntry;
    using Swatch = FloorPlanScene::LegendEntry::Swatch;
    QList<LegendSection> out;
    if (isOn(Layer::PowerChain)) {
        out << LegendSection{tr("Power chain"),
                             {Entry{kFeedAColor, tr("A feed"), Swatch::Line},
                              Entry{kFeedBColor, tr("B feed"), Swatch::DashedLine},
                              Entry{kUnitLinkColor, tr("Transformer → UPS → PDU"), Swatch::Line},
                              Entry{kUnitLinkColor, tr("Drawn with the connection tool"), Swatch::ThickLine},
                              Entry{QColor(120, 120, 120), tr("Assigned automatically"), Swatch::Line}}};
    }
    if (isOn(Layer::Utilisation)) {
        const double derating = m_facility.deratingFraction > 0.0 ? m_facility.deratingFraction : 1.0;
        out << LegendSection{tr("Utilisation (power: % of the %1 % derated rating)").arg(QLocale().toString(derating * 100.0, 'f', 0)),
                             {Entry{loadColor(0.0), tr("0 %")},
                              Entry{loadColor(0.5), tr("50 %")},
                              Entry{loadColor(1.0), tr("100 %")},
                              Entry{kOverColor, tr("over 100 %: overloaded")}}};
    }
    if (isOn(Layer::FloorLoad)) {
        const FloorPlan &plan = m_scene->document()->plan();
        double rating = -1.0;
        bool same = true;
        for (const Hall &h : plan.halls()) {
            same = same && (rating < 0.0 || rating == h.floorRatingKgPerM2);
            rating = h.floorRatingKgPerM2;
        }
        auto text = [&](double f) {
            return same && rating > 0.0 ? tr("%1 kg/m² (%2 % of rating)").arg(QLocale().toString(f * rating, 'f', 0), QLocale().toString(f * 100.0, 'f', 0))
                                        : tr("%1 % of the hall rating").arg(QLocale().toString(f * 100.0, 'f', 0));
        };
        out << LegendSection{tr("Floor load per tile"),
                             {Entry{loadColor(0.25), text(0.25)},
                              Entry{loadColor(0.5), text(0.5)},
                              Entry{loadColor(1.0), text(1.0)},
                              Entry{kOverColor, tr("above the hall rating")}}};
    }
    if (isOn(Layer::Thermal)) {
        QString title = tr("Thermal map, indicative (°C)");
        if (isThermalRunning() || thermalSolveCount() == 0)
            title = tr("Thermal map, indicative (°C): updating…");
        out << LegendSection{title,
                             {Entry{temperatureColor(22.0), tr("22 °C supply air")},
                              Entry{temperatureColor(27.0), tr("27 °C ASHRAE recommended max")},
                              Entry{temperatureColor(32.0), tr("32 °C ASHRAE A1 allowable max")},
                              Entry{temperatureColor(40.0), tr("40 °C and above")},
                              Entry{QColor(255, 170, 0), tr("Rack inlet above 27 °C"), Swatch::Flag},
                              Entry{kOverColor, tr("Rack inlet above 32 °C"), Swatch::Flag}}};
    }
    return out;
}

} // namespace th
