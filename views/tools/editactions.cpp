// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/editactions.h"

#include "model/analysis/plananalysis.h"
#include "model/commands/addremoveequipment.h"
#include "model/commands/changegeometry.h"
#include "model/commands/planedits.h"
#include "model/document/floorplandocument.h"
#include "views/dialogs/arraytooldialog.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/tools/placementcheck.h"
#include "views/tools/selecttool.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

#include <algorithm>
#include <cmath>
#include <limits>

namespace th {

namespace {

QAction *makeAction(QObject *parent, const QString &text, const QString &name, const QList<QKeySequence> &keys)
{
    auto *a = new QAction(text, parent);
    a->setObjectName(name);
    a->setShortcuts(keys);
    // Only while the floor plan has focus: R and Del must not fire while typing elsewhere.
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return a;
}

} // namespace

EditActions::EditActions(FloorPlanView *view, QWidget *dialogParent)
    : QObject(view)
    , m_view(view)
    , m_dialogParent(dialogParent)
{
    m_rotate = makeAction(this, tr("&Rotate 90°"), QStringLiteral("rotateAction"), {QKeySequence(Qt::Key_R)});
    m_delete = makeAction(this, tr("&Delete"), QStringLiteral("deleteAction"),
                          {QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)});
    m_duplicate = makeAction(this, tr("D&uplicate"), QStringLiteral("duplicateAction"), {QKeySequence(tr("Ctrl+D"))});
    m_cut = makeAction(this, tr("Cu&t"), QStringLiteral("cutAction"), {QKeySequence(QKeySequence::Cut)});
    m_copy = makeAction(this, tr("&Copy"), QStringLiteral("copyAction"), {QKeySequence(QKeySequence::Copy)});
    m_paste = makeAction(this, tr("&Paste"), QStringLiteral("pasteAction"), {QKeySequence(QKeySequence::Paste)});
    m_selectAll = makeAction(this, tr("Select &All"), QStringLiteral("selectAllAction"),
                             {QKeySequence(QKeySequence::SelectAll)});
    m_alignLeft = makeAction(this, tr("Align &Left"), QStringLiteral("alignLeftAction"), {});
    m_alignTop = makeAction(this, tr("Align &Top"), QStringLiteral("alignTopAction"), {});
    m_distribute = makeAction(this, tr("Distribute &Horizontally"), QStringLiteral("distributeAction"), {});
    m_array = makeAction(this, tr("&Array of Racks…"), QStringLiteral("arrayAction"), {QKeySequence(tr("Ctrl+Shift+A"))});
    m_addHall = makeAction(this, tr("Add &Hall"), QStringLiteral("addHallAction"), {});
    m_deleteHall = makeAction(this, tr("Delete Current Hall"), QStringLiteral("deleteHallAction"), {});

    connect(m_rotate, &QAction::triggered, this, &EditActions::rotateSelection);
    connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelection);
    connect(m_duplicate, &QAction::triggered, this, &EditActions::duplicateSelection);
    connect(m_cut, &QAction::triggered, this, &EditActions::cutSelection);
    connect(m_copy, &QAction::triggered, this, &EditActions::copySelection);
    connect(m_paste, &QAction::triggered, this, &EditActions::paste);
    connect(m_selectAll, &QAction::triggered, this, &EditActions::selectAll);
    connect(m_alignLeft, &QAction::triggered, this, &EditActions::alignLeft);
    connect(m_alignTop, &QAction::triggered, this, &EditActions::alignTop);
    connect(m_distribute, &QAction::triggered, this, &EditActions::distributeHorizontally);
    connect(m_array, &QAction::triggered, this, &EditActions::showArrayDialog);
    connect(m_addHall, &QAction::triggered, this, &EditActions::addHall);
    connect(m_deleteHall, &QAction::triggered, this, &EditActions::deleteCurrentHall);
    connect(view->floorPlanScene()->document(), &FloorPlanDocument::changed, this, &EditActions::updateActions);

    view->addActions(actions());
    connect(view->floorPlanScene(), &QGraphicsScene::selectionChanged, this, &EditActions::updateActions);
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, &EditActions::updateActions);
    updateActions();
}

QList<QAction *> EditActions::actions() const
{
    return {m_cut,      m_copy,      m_paste, m_duplicate, m_delete,  m_rotate,
            m_selectAll, m_alignLeft, m_alignTop, m_distribute, m_array, m_addHall, m_deleteHall};
}

void EditActions::updateActions()
{
    const int n = int(m_view->floorPlanScene()->selectedIds().size());
    for (QAction *a : {m_rotate, m_duplicate, m_cut, m_copy})
        a->setEnabled(n > 0);
    m_delete->setEnabled(n > 0 || !m_view->floorPlanScene()->selectedStructureIds().isEmpty());
    m_alignLeft->setEnabled(n > 1);
    m_alignTop->setEnabled(n > 1);
    m_distribute->setEnabled(n > 2);
    m_deleteHall->setEnabled(m_view->floorPlanScene()->document()->plan().halls().size() > 1);
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    m_paste->setEnabled(data && data->hasFormat(clipboardMimeType()));
}

HallId EditActions::addHall()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    FloorPlanDocument *document = scene->document();
    Hall hall;
    if (const Hall *current = scene->defaultHall()) {
        hall = *current; // same size, tiles, yard, floor rating and aisle rule
        hall.unknownFields = {};
    }
    hall.id = document->plan().unusedHallId();
    hall.name = tr("Hall %1").arg(document->plan().halls().size() + 1);
    document->undoStack()->push(new AddHallCommand(document, hall));
    scene->setCurrentHall(hall.id);
    m_view->ensureVisible(scene->toScene(hall.id, QRectF(0, -hall.yardDepthMm, hall.widthMm, hall.depthMm + hall.yardDepthMm)));
    emit message(tr("Added %1 (%2 × %3 m); Plan > Hall Properties edits it.")
                     .arg(hall.name)
                     .arg(hall.widthMm / 1000.0, 0, 'f', 1)
                     .arg(hall.depthMm / 1000.0, 0, 'f', 1));
    return hall.id;
}

bool EditActions::deleteCurrentHall()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    FloorPlanDocument *document = scene->document();
    const Hall *hall = scene->defaultHall();
    if (!hall || document->plan().halls().size() < 2) {
        emit message(tr("A plan keeps at least one hall; resize it in Plan > Hall Properties instead."));
        return false;
    }
    const QString name = hall->name;
    int items = 0;
    for (int i = 0; i < document->plan().equipmentCount(); ++i)
        items += document->plan().equipmentAt(i).hallId() == hall->id ? 1 : 0;
    document->undoStack()->push(new RemoveHallCommand(document, hall->id));
    emit message(tr("Deleted %1 and its %n item(s); Undo brings them back.", nullptr, items).arg(name));
    return true;
}

QString EditActions::clipboardMimeType()
{
    return QStringLiteral("application/x-terahall-equipment+json");
}

QByteArray EditActions::toClipboardJson(const QList<const Equipment *> &items)
{
    QJsonArray array;
    for (const Equipment *e : items) {
        array.append(QJsonObject{
            {QStringLiteral("kind"), e->kind() == EquipmentKind::System ? QStringLiteral("system") : QStringLiteral("equipment")},
            {QStringLiteral("catalog_id"), e->catalogId()},
            {QStringLiteral("hall_id"), double(e->hallId())},
            {QStringLiteral("in_yard"), e->inYard()},
            {QStringLiteral("x_mm"), e->xMm()},
            {QStringLiteral("y_mm"), e->yMm()},
            {QStringLiteral("rotation_deg"), e->rotationDeg()},
            {QStringLiteral("width_mm"), e->widthMm()},
            {QStringLiteral("depth_mm"), e->depthMm()},
            {QStringLiteral("label"), e->label()},
            {QStringLiteral("properties"), QJsonObject::fromVariantMap(e->properties())},
        });
    }
    const QJsonObject root{{QStringLiteral("schema"), QStringLiteral("terahall.clipboard/1")},
                           {QStringLiteral("items"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::vector<Equipment> EditActions::fromClipboardJson(const QByteArray &json, QString *error)
{
    std::vector<Equipment> out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || root.value(QStringLiteral("schema")).toString()
                                                            != QLatin1String("terahall.clipboard/1")) {
        if (error)
            *error = tr("the clipboard does not hold Terahall equipment");
        return out;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        const QString id = o.value(QStringLiteral("catalog_id")).toString();
        const double w = o.value(QStringLiteral("width_mm")).toDouble();
        const double d = o.value(QStringLiteral("depth_mm")).toDouble();
        if (id.isEmpty() || w <= 0 || d <= 0)
            continue;
        Equipment e(0, kind == QLatin1String("system") ? EquipmentKind::System : EquipmentKind::Facility, id);
        e.setHallId(HallId(o.value(QStringLiteral("hall_id")).toDouble()));
        e.setInYard(o.value(QStringLiteral("in_yard")).toBool());
        e.setPositionMm(o.value(QStringLiteral("x_mm")).toDouble(), o.value(QStringLiteral("y_mm")).toDouble());
        e.setRotationDeg(o.value(QStringLiteral("rotation_deg")).toInt());
        e.setSizeMm(w, d);
        e.setLabel(o.value(QStringLiteral("label")).toString());
        e.setProperties(o.value(QStringLiteral("properties")).toObject().toVariantMap());
        out.push_back(std::move(e));
    }
    if (out.empty() && error)
        *error = tr("the clipboard holds no items");
    return out;
}

bool EditActions::applyGeometry(const QString &text, const QHash<EquipmentId, Geometry> &geometry)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QList<Placement> placements;
    QSet<EquipmentId> ignore;
    for (auto it = geometry.begin(); it != geometry.end(); ++it) {
        if (const Equipment *e = plan.equipment(it.key())) {
            placements.append({it->hallId, it->inYard, footprintFor(*e, *it)});
            ignore.insert(it.key());
        }
    }
    const QString problem = placementProblem(scene, placements, ignore);
    if (!problem.isEmpty()) {
        emit message(tr("%1 refused: %2.").arg(text, problem));
        return false;
    }
    scene->document()->undoStack()->push(new ChangeGeometryCommand(scene->document(), text, geometry));
    return true;
}

bool EditActions::rotateSelection()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QHash<EquipmentId, Geometry> geometry;
    for (EquipmentId id : scene->selectedIds()) {
        const Equipment *e = plan.equipment(id);
        const Hall *hall = e ? plan.hall(e->hallId()) : nullptr;
        if (!e)
            continue;
        const double tile = hall ? hall->tileMm : 600.0;
        Geometry g = geometryOf(*e);
        const QPointF centre = e->footprintMm().center();
        g.rotationDeg = (g.rotationDeg + 90) % 360;
        const QRectF turned = footprintFor(*e, g);
        g.xMm = snapToTile(centre.x() - turned.width() / 2, tile);
        g.yMm = snapToTile(centre.y() - turned.height() / 2, tile);
        geometry.insert(id, g);
    }
    if (geometry.isEmpty())
        return false;
    return applyGeometry(QCoreApplication::translate("UndoCommands", "Rotate %n Item(s)", nullptr, int(geometry.size())), geometry);
}

bool EditActions::deleteSelection()
{
    return removeSelection(true);
}

bool EditActions::removeSelection(bool withStructures)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const QList<EquipmentId> ids = scene->selectedIds();
    const QList<StructureId> structureIds = withStructures ? scene->selectedStructureIds() : QList<StructureId>();
    if (ids.isEmpty() && structureIds.isEmpty())
        return false;
    FloorPlanDocument *document = scene->document();
    QList<Structure> structures;
    for (StructureId id : structureIds) {
        if (const Structure *s = document->plan().structure(id))
            structures << *s;
    }
    const int n = int(ids.size() + structures.size());
    // Items and structures together: one parent command, one undo step.
    auto *command = new QUndoCommand(QCoreApplication::translate("UndoCommands", "Delete %n Item(s)", nullptr, n));
    if (!ids.isEmpty())
        new RemoveEquipmentCommand(document, ids, command);
    if (!structures.isEmpty())
        new AddRemoveStructuresCommand(document, AddRemoveStructuresCommand::Mode::Remove, structures, command);
    document->undoStack()->push(command);
    return true;
}

bool EditActions::addShifted(std::vector<Equipment> items, bool tryInPlace, const QString &what)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    const Hall *fallback = scene->defaultHall();
    if (items.empty() || !fallback)
        return false;
    // Items from another plan: into the first hall when theirs does not exist here.
    QRectF bounds;
    for (Equipment &e : items) {
        const Hall *hall = plan.hall(e.hallId());
        if (!hall) {
            e.setHallId(fallback->id);
            hall = fallback;
        }
        if (e.inYard() && hall->yardDepthMm <= 0)
            e.setInYard(false);
        bounds |= e.footprintMm();
    }
    const Hall *hall = plan.hall(items.front().hallId());
    const double tile = hall->tileMm;
    auto problemAt = [&](double dx, double dy) {
        QList<Placement> placements;
        for (const Equipment &e : items)
            placements.append({e.hallId(), e.inYard(), e.footprintMm().translated(dx, dy)});
        return placementProblem(scene, placements);
    };
    QList<QPointF> offsets;
    if (tryInPlace)
        offsets << QPointF(0, 0);
    const double w = std::ceil(bounds.width() / tile) * tile;
    const double h = std::ceil(bounds.height() / tile) * tile;
    offsets << QPointF(w, 0) << QPointF(0, h) << QPointF(-w, 0) << QPointF(0, -h);
    // Then the first free place scanning the hall row by row from its top-left.
    for (double y = 0; y + bounds.height() <= hall->depthMm + 0.5 && offsets.size() < 6000; y += tile)
        for (double x = 0; x + bounds.width() <= hall->widthMm + 0.5; x += tile)
            offsets << QPointF(x - bounds.left(), y - bounds.top());
    for (const QPointF &o : std::as_const(offsets)) {
        if (!problemAt(o.x(), o.y()).isEmpty())
            continue;
        for (Equipment &e : items)
            e.setPositionMm(e.xMm() + o.x(), e.yMm() + o.y());
        auto *command = new AddEquipmentCommand(scene->document(), std::move(items));
        command->setText(what);
        const QList<EquipmentId> ids = command->ids();
        scene->document()->undoStack()->push(command);
        scene->selectIds(ids);
        return true;
    }
    emit message(tr("%1 refused: there is no free place for the items in %2.").arg(what, hall->name));
    return false;
}

bool EditActions::duplicateSelection()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    std::vector<Equipment> items;
    for (EquipmentId id : scene->selectedIds()) {
        if (const Equipment *e = scene->document()->plan().equipment(id)) {
            Equipment copy = *e;
            copy.setId(0);
            items.push_back(copy);
        }
    }
    const int n = int(items.size());
    if (n == 0)
        return false;
    return addShifted(std::move(items), false, QCoreApplication::translate("UndoCommands", "Duplicate %n Item(s)", nullptr, n));
}

void EditActions::copySelection()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    QList<const Equipment *> items;
    for (EquipmentId id : scene->selectedIds()) {
        if (const Equipment *e = scene->document()->plan().equipment(id))
            items << e;
    }
    if (items.isEmpty())
        return;
    auto *data = new QMimeData;
    const QByteArray json = toClipboardJson(items);
    data->setData(clipboardMimeType(), json);
    data->setText(QString::fromUtf8(json));
    QGuiApplication::clipboard()->setMimeData(data);
    emit message(tr("Copied %n item(s).", nullptr, int(items.size())));
}

bool EditActions::cutSelection()
{
    copySelection();
    // Structures are not copied, so they are not cut either.
    return removeSelection(false);
}

bool EditActions::paste()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QString error;
    std::vector<Equipment> items;
    if (data && data->hasFormat(clipboardMimeType()))
        items = fromClipboardJson(data->data(clipboardMimeType()), &error);
    else
        error = tr("the clipboard does not hold Terahall equipment");
    if (items.empty()) {
        emit message(tr("Paste refused: %1.").arg(error));
        return false;
    }
    const int n = int(items.size());
    return addShifted(std::move(items), true, QCoreApplication::translate("UndoCommands", "Paste %n Item(s)", nullptr, n));
}

void EditActions::selectAll()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    QList<EquipmentId> ids;
    const FloorPlan &plan = scene->document()->plan();
    for (int i = 0; i < plan.equipmentCount(); ++i)
        ids << plan.equipmentAt(i).id();
    scene->selectIds(ids);
}

bool EditActions::alignLeft()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    const QList<EquipmentId> ids = scene->selectedIds();
    if (ids.size() < 2)
        return false;
    double left = std::numeric_limits<double>::max();
    for (EquipmentId id : ids)
        left = std::min(left, plan.equipment(id)->xMm());
    QHash<EquipmentId, Geometry> geometry;
    for (EquipmentId id : ids) {
        Geometry g = geometryOf(*plan.equipment(id));
        g.xMm = left;
        geometry.insert(id, g);
    }
    return applyGeometry(QCoreApplication::translate("UndoCommands", "Align Left"), geometry);
}

bool EditActions::alignTop()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    const QList<EquipmentId> ids = scene->selectedIds();
    if (ids.size() < 2)
        return false;
    double top = std::numeric_limits<double>::max();
    for (EquipmentId id : ids)
        top = std::min(top, plan.equipment(id)->yMm());
    QHash<EquipmentId, Geometry> geometry;
    for (EquipmentId id : ids) {
        Geometry g = geometryOf(*plan.equipment(id));
        g.yMm = top;
        geometry.insert(id, g);
    }
    return applyGeometry(QCoreApplication::translate("UndoCommands", "Align Top"), geometry);
}

bool EditActions::distributeHorizontally()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QList<const Equipment *> items;
    for (EquipmentId id : scene->selectedIds())
        items << plan.equipment(id);
    if (items.size() < 3)
        return false;
    std::sort(items.begin(), items.end(), [](const Equipment *a, const Equipment *b) { return a->xMm() < b->xMm(); });
    const double left = items.first()->footprintMm().left();
    const double right = items.last()->footprintMm().right();
    double widths = 0;
    for (const Equipment *e : items)
        widths += e->footprintMm().width();
    const double gap = (right - left - widths) / (items.size() - 1);
    QHash<EquipmentId, Geometry> geometry;
    double x = left;
    for (const Equipment *e : items) {
        Geometry g = geometryOf(*e);
        g.xMm = std::round(x); // whole millimetres
        geometry.insert(e->id(), g);
        x += e->footprintMm().width() + gap;
    }
    return applyGeometry(QCoreApplication::translate("UndoCommands", "Distribute Horizontally"), geometry);
}

bool EditActions::placeArray(const ArrayParameters &p)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const ResolvedCatalogItem &r = scene->cache()->resolve(p.kind, p.catalogId);
    if (!r.found) {
        emit message(tr("Array refused: %1 is not in the catalog.").arg(p.catalogId));
        return false;
    }
    if (p.count < 1 || p.rows < 1) {
        emit message(tr("Array refused: it needs at least one item and one row."));
        return false;
    }
    std::vector<Equipment> items;
    QList<Placement> placements;
    for (int row = 0; row < p.rows; ++row) {
        for (int i = 0; i < p.count; ++i) {
            Equipment e(0, p.kind, p.catalogId);
            e.setHallId(p.hallId);
            e.setSizeMm(r.widthMm, r.depthMm);
            e.setPositionMm(p.startMm.x() + i * p.pitchMm, p.startMm.y() + row * p.rowPitchMm);
            e.setRotationDeg(p.alternate && row % 2 == 1 ? 180 : 0);
            if (!p.labelPrefix.isEmpty())
                e.setLabel(QStringLiteral("%1%2-%3").arg(p.labelPrefix).arg(row + 1).arg(i + 1, 2, 10, QLatin1Char('0')));
            placements.append({p.hallId, false, e.footprintMm()});
            items.push_back(std::move(e));
        }
    }
    const QString problem = placementProblem(scene, placements);
    if (!problem.isEmpty()) {
        emit message(tr("Array refused: %1.").arg(problem));
        return false;
    }
    const int n = int(items.size());
    // One parent command holding the additions: one undo step (STYLE.md §5.4).
    auto *parent = new QUndoCommand(QCoreApplication::translate("UndoCommands", "Place Array of %n Item(s)", nullptr, n));
    auto *add = new AddEquipmentCommand(scene->document(), std::move(items), parent);
    const QList<EquipmentId> ids = add->ids();
    scene->document()->undoStack()->push(parent);
    scene->selectIds(ids);
    return true;
}

void EditActions::showArrayDialog()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const Hall *hall = scene->defaultHall();
    if (!hall || !scene->cache()->catalog())
        return;
    ArrayToolDialog dialog(scene->cache(), *hall, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    placeArray(dialog.parameters());
}

} // namespace th
