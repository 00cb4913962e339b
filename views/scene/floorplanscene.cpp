// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/floorplanscene.h"

#include "model/analysis/plananalysis.h"
#include "model/document/floorplandocument.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/ghostitem.h"
#include "views/scene/hallitem.h"
#include "views/scene/structureitem.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace th {

namespace {

constexpr double kHallGapMm = 6000.0;
constexpr double kSceneMarginMm = 6000.0;

bool isPowerCategory(const QString &c)
{
    static const QSet<QString> power{QStringLiteral("transformer"), QStringLiteral("generator"), QStringLiteral("ups"),
                                     QStringLiteral("pdu"),         QStringLiteral("rpp"),       QStringLiteral("busway")};
    return power.contains(c);
}

bool isRackCategory(const QString &c)
{
    return c == QLatin1String("network_rack") || c == QLatin1String("storage_rack") || c == QLatin1String("rack");
}

int unitsOf(const Equipment &e, const ResolvedCatalogItem &r)
{
    if (r.defaultUnitsPerRack <= 1)
        return 1;
    bool ok = false;
    const int n = e.properties().value(QStringLiteral("units_per_rack")).toInt(&ok);
    return ok && n >= 1 ? n : r.defaultUnitsPerRack;
}

const QColor kSystemColor(74, 120, 181);
const QColor kPowerColor(227, 155, 58);
const QColor kCoolingColor(58, 167, 163);
const QColor kRackColor(138, 127, 184);
const QColor kOtherColor(150, 150, 150);
const QColor kMissingColor(255, 205, 205);
const QColor kAirColor(111, 168, 220);
const QColor kLiquidColor(35, 95, 170);
const QColor kHybridColor(142, 124, 195);
const QColor kImmersionColor(30, 120, 110);

constexpr double kPowerHighKw = 140.0;
constexpr double kWeightHighKgPerM2 = 2000.0;

} // namespace

QColor heatColor(double value, double low, double high)
{
    const double t = high > low ? std::clamp((value - low) / (high - low), 0.0, 1.0) : 0.0;
    // green (120) -> yellow (60) -> red (0) in HSV.
    return QColor::fromHsvF(float((1.0 - t) * 120.0 / 360.0), 0.75f, 0.90f);
}

FloorPlanScene::FloorPlanScene(FloorPlanDocument *document, const CatalogCache *cache, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_cache(cache)
{
    // No BSP index: items move on every drag step, and keeping the tree current cost more than
    // the linear scans it saves. Measured on 5,000-10,000 items (docs/performance.md): a live
    // drag step's event loop 2.7-3.0 -> 2.0-2.4 ms, a full repaint fitted or zoomed the same or
    // faster, 100 placement checks among 10,000 items 56-58 -> 13-14 ms.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    setBackgroundBrush(QColor(236, 238, 241));
    m_ghost = new GhostItem;
    m_ghost->setVisible(false);
    addItem(m_ghost);
    connect(document, &FloorPlanDocument::changed, this, &FloorPlanScene::documentChanged);
    rebuild();
    updateLegendKeys();
}

FloorPlanScene::~FloorPlanScene()
{
    // Items go before this part of the object does; nobody should hear about it.
    disconnect(m_document, nullptr, this, nullptr);
    blockSignals(true);
    clear();
    m_items.clear();
}

double FloorPlanScene::hallOriginX(HallId id) const
{
    double x = 0.0;
    for (const Hall &h : m_document->plan().halls()) {
        if (h.id == id)
            return x;
        x += h.widthMm + kHallGapMm;
    }
    return 0.0;
}

QRectF FloorPlanScene::toScene(HallId hallId, const QRectF &rectMm) const
{
    return rectMm.translated(hallOriginX(hallId), 0.0);
}

QRectF FloorPlanScene::footprintInScene(const Equipment &e) const
{
    return toScene(e.hallId(), e.footprintMm());
}

std::optional<HallPoint> FloorPlanScene::hallAt(const QPointF &scenePos) const
{
    double x = 0.0;
    const QList<Hall> &halls = m_document->plan().halls();
    for (int i = 0; i < halls.size(); ++i) {
        const Hall &h = halls[i];
        const bool last = i + 1 == halls.size();
        if (scenePos.x() < x + h.widthMm + kHallGapMm / 2 || last) {
            const QPointF mm(scenePos.x() - x, scenePos.y());
            return HallPoint{h.id, mm.y() < 0.0, mm};
        }
        x += h.widthMm + kHallGapMm;
    }
    return std::nullopt;
}

const Hall *FloorPlanScene::defaultHall() const
{
    if (const Hall *h = m_document->plan().hall(m_currentHallId))
        return h;
    const QList<Hall> &halls = m_document->plan().halls();
    return halls.isEmpty() ? nullptr : &halls.first();
}

HallId FloorPlanScene::currentHallId() const
{
    const Hall *h = defaultHall();
    return h ? h->id : 0;
}

void FloorPlanScene::setCurrentHall(HallId id)
{
    if (!m_document->plan().hall(id) || id == currentHallId())
        return;
    m_currentHallId = id;
    for (HallItem *item : std::as_const(m_hallItems))
        item->setCurrent(m_document->plan().halls().size() > 1 && item->hallId() == id);
    emit currentHallChanged(id);
}

QRectF FloorPlanScene::hallsBoundingRect() const
{
    QRectF r;
    for (const Hall &h : m_document->plan().halls())
        r |= toScene(h.id, QRectF(0, -h.yardDepthMm, h.widthMm, h.depthMm + h.yardDepthMm));
    return r;
}

QList<EquipmentId> FloorPlanScene::selectedIds() const
{
    QList<EquipmentId> ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == EquipmentItem::Type)
            ids << static_cast<EquipmentItem *>(item)->id();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void FloorPlanScene::selectIds(const QList<EquipmentId> &ids)
{
    setSelection(ids, {});
}

QList<StructureId> FloorPlanScene::selectedStructureIds() const
{
    QList<StructureId> ids;
    for (StructureItem *item : m_structureItems) {
        if (item->isSelected())
            ids << item->id();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void FloorPlanScene::setSelection(const QList<EquipmentId> &equipment, const QList<StructureId> &structures)
{
    // One selectionChanged() for the whole change.
    QSignalBlocker blocker(this);
    clearSelection();
    for (EquipmentId id : equipment) {
        if (EquipmentItem *item = m_items.value(id))
            item->setSelected(true);
    }
    for (StructureItem *item : std::as_const(m_structureItems)) {
        if (structures.contains(item->id()))
            item->setSelected(true);
    }
    blocker.unblock();
    emit selectionChanged();
}

StructureItem *FloorPlanScene::structureItemFor(StructureId id) const
{
    for (StructureItem *item : m_structureItems) {
        if (item->id() == id)
            return item;
    }
    return nullptr;
}

void FloorPlanScene::setColorMode(ColorMode mode)
{
    if (m_colorMode == mode)
        return;
    m_colorMode = mode;
    syncAll();
    emit colorModeChanged(mode);
}

QString FloorPlanScene::displayName(const Equipment &e) const
{
    if (!e.label().isEmpty())
        return e.label();
    const ResolvedCatalogItem &r = m_cache->resolve(e.kind(), e.catalogId());
    return r.found ? r.name : e.catalogId();
}

QColor FloorPlanScene::colorFor(const Equipment &e, bool *missing, QString *name) const
{
    const ResolvedCatalogItem &r = m_cache->resolve(e.kind(), e.catalogId());
    if (missing)
        *missing = !r.found;
    if (name)
        *name = r.found ? r.name : e.catalogId();
    if (!r.found)
        return kMissingColor;
    switch (m_colorMode) {
    case ColorMode::Type:
        if (r.isSystem)
            return kSystemColor;
        if (isPowerCategory(r.category))
            return kPowerColor;
        if (isRackCategory(r.category))
            return kRackColor;
        if (!r.category.isEmpty())
            return kCoolingColor;
        return kOtherColor;
    case ColorMode::Power: {
        double kw = 0.0;
        if (r.isSystem) {
            const int racks = r.defaultUnitsPerRack > 1 ? 1 : std::max(1, r.computeRacks);
            kw = unitsOf(e, r) * r.itKwPerUnit / racks;
        } else if (isRackCategory(r.category)) {
            kw = r.ownPowerKw;
        } else {
            return kOtherColor;
        }
        return heatColor(kw, 0.0, kPowerHighKw);
    }
    case ColorMode::Weight: {
        const QRectF fp = e.footprintMm();
        const double area = fp.width() * fp.height() / 1e6;
        const double kg = r.isSystem ? unitsOf(e, r) * r.weightKgPerUnit : r.weightKgPerUnit;
        return heatColor(area > 0 ? kg / area : 0.0, 0.0, kWeightHighKgPerM2);
    }
    case ColorMode::Cooling:
        if (!r.isSystem)
            return kOtherColor;
        if (r.cooling == QLatin1String("immersion"))
            return kImmersionColor;
        if (r.cooling == QLatin1String("liquid"))
            return kLiquidColor;
        if (r.cooling == QLatin1String("hybrid"))
            return kHybridColor;
        return kAirColor;
    }
    return kOtherColor;
}

QString FloorPlanScene::legendTitle() const
{
    switch (m_colorMode) {
    case ColorMode::Type:
        return tr("Equipment type");
    case ColorMode::Power:
        return tr("IT power per rack");
    case ColorMode::Weight:
        return tr("Floor load");
    case ColorMode::Cooling:
        return tr("Cooling");
    }
    return {};
}

QList<FloorPlanScene::LegendEntry> FloorPlanScene::legend() const
{
    switch (m_colorMode) {
    case ColorMode::Type: {
        QList<LegendEntry> entries{{kSystemColor, tr("Compute system")}, {kRackColor, tr("Network / storage rack")},
                                   {kPowerColor, tr("Power")}, {kCoolingColor, tr("Cooling")}};
        if (m_legendHotAisle)
            entries.append({StructureItem::fillColor(StructureKind::HotAisle), StructureItem::kindName(StructureKind::HotAisle)});
        if (m_legendColdAisle)
            entries.append({StructureItem::fillColor(StructureKind::ColdAisle), StructureItem::kindName(StructureKind::ColdAisle)});
        if (m_legendMissing)
            entries.append({kMissingColor, tr("Missing from catalog")});
        return entries;
    }
    case ColorMode::Power:
        return {{heatColor(0, 0, 1), tr("0 kW")}, {heatColor(35, 0, kPowerHighKw), tr("35 kW")},
                {heatColor(70, 0, kPowerHighKw), tr("70 kW")}, {heatColor(105, 0, kPowerHighKw), tr("105 kW")},
                {heatColor(1, 0, 1), tr("≥ 140 kW")}, {kOtherColor, tr("No IT load")}};
    case ColorMode::Weight:
        return {{heatColor(0, 0, 1), tr("0 kg/m²")}, {heatColor(600, 0, kWeightHighKgPerM2), tr("600 kg/m²")},
                {heatColor(1200, 0, kWeightHighKgPerM2), tr("1,200 kg/m²")},
                {heatColor(1, 0, 1), tr("≥ 2,000 kg/m²")}};
    case ColorMode::Cooling:
        return {{kAirColor, tr("Air")}, {kHybridColor, tr("Hybrid")}, {kLiquidColor, tr("Liquid")},
                {kImmersionColor, tr("Immersion")}, {kOtherColor, tr("Facility equipment")}};
    }
    return {};
}

void FloorPlanScene::documentChanged(const ChangeEvent &event)
{
    switch (event.type) {
    case ChangeEvent::Type::EquipmentAdded:
        addItemsFor(event.ids);
        break;
    case ChangeEvent::Type::EquipmentAboutToBeRemoved:
        removeItemsFor(event.ids);
        break;
    case ChangeEvent::Type::EquipmentRemoved:
        break;
    case ChangeEvent::Type::EquipmentChanged: {
        // The legend keys depend on the items' missing flags and the structures: a change that
        // flips no flag (a move, a drag step) leaves them as they are, without a scan of every item.
        bool missingFlipped = false;
        for (quint64 id : event.ids) {
            if (EquipmentItem *item = m_items.value(id)) {
                const bool wasMissing = item->isMissing();
                item->syncFromModel();
                missingFlipped = missingFlipped || item->isMissing() != wasMissing;
            }
        }
        if (!missingFlipped)
            return;
        break;
    }
    case ChangeEvent::Type::StructuresChanged:
        rebuildStructures();
        break;
    case ChangeEvent::Type::HallChanged: {
        // A removed current hall hands over to the first one.
        const HallId before = currentHallId();
        if (!m_document->plan().hall(m_currentHallId))
            m_currentHallId = 0;
        // Hall sizes move the origins of the halls east of it: re-place everything.
        rebuildHalls();
        rebuildStructures();
        syncAll();
        updateSceneRect();
        if (currentHallId() != before)
            emit currentHallChanged(currentHallId());
        break;
    }
    case ChangeEvent::Type::WorkloadChanged:
    case ChangeEvent::Type::PlanPropertiesChanged:
        return; // nothing drawn or in the legend depends on them
    case ChangeEvent::Type::DocumentReloaded:
        m_currentHallId = 0;
        rebuild();
        break;
    }
    updateLegendKeys();
}

void FloorPlanScene::updateLegendKeys()
{
    bool missing = false, hot = false, cold = false;
    for (const EquipmentItem *item : std::as_const(m_items)) {
        if (item->isMissing()) {
            missing = true;
            break;
        }
    }
    for (const Structure &s : m_document->plan().structures()) {
        hot = hot || s.kind == StructureKind::HotAisle;
        cold = cold || s.kind == StructureKind::ColdAisle;
    }
    if (missing == m_legendMissing && hot == m_legendHotAisle && cold == m_legendColdAisle)
        return;
    m_legendMissing = missing;
    m_legendHotAisle = hot;
    m_legendColdAisle = cold;
    emit legendChanged();
}

void FloorPlanScene::rebuild()
{
    QSignalBlocker blocker(this);
    for (EquipmentItem *item : std::as_const(m_items))
        delete item;
    m_items.clear();
    rebuildHalls();
    rebuildStructures();
    const FloorPlan &plan = m_document->plan();
    QList<quint64> ids;
    ids.reserve(plan.equipmentCount());
    for (int i = 0; i < plan.equipmentCount(); ++i)
        ids << plan.equipmentAt(i).id();
    addItemsFor(ids);
    updateSceneRect();
    blocker.unblock();
    emit selectionChanged();
}

void FloorPlanScene::rebuildHalls()
{
    qDeleteAll(m_hallItems);
    m_hallItems.clear();
    const HallId current = currentHallId();
    const bool several = m_document->plan().halls().size() > 1;
    for (const Hall &h : m_document->plan().halls()) {
        auto *item = new HallItem(h);
        item->setCurrent(several && h.id == current);
        item->setPos(hallOriginX(h.id), 0.0);
        addItem(item);
        m_hallItems << item;
    }
}

void FloorPlanScene::rebuildStructures()
{
    // Keep the selected structures selected across the rebuild (edits, undo); tell the views
    // once if any of them went away.
    const QList<StructureId> selected = selectedStructureIds();
    {
        QSignalBlocker blocker(this);
        qDeleteAll(m_structureItems);
        m_structureItems.clear();
        for (const Structure &s : m_document->plan().structures()) {
            auto *item = new StructureItem(s);
            item->setPos(hallOriginX(s.hallId) + s.rectMm.x(), s.rectMm.y());
            addItem(item);
            item->setSelected(selected.contains(s.id));
            m_structureItems << item;
        }
    }
    if (!selected.isEmpty())
        emit selectionChanged();
}

void FloorPlanScene::addItemsFor(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        const Equipment *e = m_document->plan().equipment(id);
        if (!e || m_items.contains(id))
            continue;
        auto *item = new EquipmentItem(this, e);
        m_items.insert(id, item);
        addItem(item);
    }
}

void FloorPlanScene::removeItemsFor(const QList<quint64> &ids)
{
    for (quint64 id : ids)
        delete m_items.take(id);
}

void FloorPlanScene::syncAll()
{
    for (EquipmentItem *item : std::as_const(m_items))
        item->syncFromModel();
    updateLegendKeys();
}

void FloorPlanScene::updateSceneRect()
{
    QRectF r = hallsBoundingRect();
    if (r.isNull())
        r = QRectF(0, 0, 24000, 18000);
    setSceneRect(r.adjusted(-kSceneMarginMm, -kSceneMarginMm, kSceneMarginMm, kSceneMarginMm));
}

} // namespace th
