// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/inspectordock.h"

#include "model/analysis/plananalysis.h"
#include "model/commands/changegeometry.h"
#include "model/commands/planedits.h"
#include "model/document/floorplandocument.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/structureitem.h"
#include "views/tools/placementcheck.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace th {

namespace {

std::optional<double> parseNumber(const QString &text)
{
    const QString t = text.trimmed();
    bool ok = false;
    double v = QLocale().toDouble(t, &ok);
    if (!ok)
        v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString mm(double v)
{
    return QString::number(v, 'f', v == std::round(v) ? 0 : 1);
}

constexpr int kMaxUnitsPerRack = 64;

} // namespace

InspectorDock::InspectorDock(FloorPlanScene *scene, QWidget *parent)
    : QDockWidget(tr("Inspector"), parent)
    , m_scene(scene)
    , m_document(scene->document())
{
    setObjectName(QStringLiteral("inspectorDock"));
    auto *content = new QWidget;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_details = new QLabel;
    m_details->setWordWrap(true);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("inspectorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    m_stack = new QStackedWidget;
    m_itemPage = new QWidget;
    auto *itemForm = new QFormLayout(m_itemPage);
    itemForm->setContentsMargins(0, 0, 0, 0);
    addField(itemForm, QStringLiteral("label"), tr("&Label:"));
    addField(itemForm, QStringLiteral("x"), tr("&X (mm, west edge):"));
    addField(itemForm, QStringLiteral("y"), tr("&Y (mm, north edge):"));
    addField(itemForm, QStringLiteral("rotation"), tr("&Rotation (°):"));
    addField(itemForm, QStringLiteral("units_per_rack"), tr("&Units per rack:"));
    addField(itemForm, QStringLiteral("redundancy_group"), tr("Redundancy &group:"));
    m_hallPage = new QWidget;
    auto *hallForm = new QFormLayout(m_hallPage);
    hallForm->setContentsMargins(0, 0, 0, 0);
    // Which hall the page edits (a click on a hall's floor chooses it too).
    m_hallCombo = new QComboBox;
    m_hallCombo->setObjectName(QStringLiteral("inspector_hall.select"));
    auto *hallLabel = new QLabel(tr("&Hall:"));
    hallLabel->setBuddy(m_hallCombo);
    hallForm->addRow(hallLabel, m_hallCombo);
    connect(m_hallCombo, &QComboBox::activated, this, [this](int index) {
        m_scene->setCurrentHall(HallId(m_hallCombo->itemData(index).toUInt()));
    });
    addField(hallForm, QStringLiteral("hall.name"), tr("&Name:"));
    addField(hallForm, QStringLiteral("hall.width"), tr("&Width (mm):"));
    addField(hallForm, QStringLiteral("hall.depth"), tr("&Depth (mm):"));
    addField(hallForm, QStringLiteral("hall.tile"), tr("&Tile (mm):"));
    addField(hallForm, QStringLiteral("hall.yard"), tr("&Yard depth (mm):"));
    addField(hallForm, QStringLiteral("hall.floor"), tr("&Floor rating (kg/m²):"));
    addField(hallForm, QStringLiteral("hall.aisle"), tr("&Minimum aisle (mm):"));
    m_structurePage = new QWidget;
    auto *structureForm = new QFormLayout(m_structurePage);
    structureForm->setContentsMargins(0, 0, 0, 0);
    addField(structureForm, QStringLiteral("structure.kind"), tr("Kind:"))->setReadOnly(true);
    addField(structureForm, QStringLiteral("structure.label"), tr("&Label:"));
    addField(structureForm, QStringLiteral("structure.x"), tr("&X (mm, west edge):"));
    addField(structureForm, QStringLiteral("structure.y"), tr("&Y (mm, north edge):"));
    addField(structureForm, QStringLiteral("structure.width"), tr("&Width (mm):"));
    addField(structureForm, QStringLiteral("structure.depth"), tr("&Depth (mm):"));
    m_stack->addWidget(m_itemPage);
    m_stack->addWidget(m_hallPage);
    m_stack->addWidget(m_structurePage);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_stack);
    layout->addWidget(m_error);
    layout->addStretch(1);
    // Scrolls rather than forcing the dock column (and so the main window) to the height of
    // its longest page: the window must fit a 1366 x 768 laptop screen.
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    setWidget(scroll);

    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        m_error->hide();
        m_error->clear();
        refresh();
    });
    connect(m_document, &FloorPlanDocument::changed, this, &InspectorDock::documentChanged);
    connect(scene, &FloorPlanScene::currentHallChanged, this, [this] {
        m_error->hide();
        refresh();
    });
    refresh();
}

QLineEdit *InspectorDock::addField(QFormLayout *form, const QString &key, const QString &label)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("inspector_") + key);
    auto *l = new QLabel(label);
    l->setBuddy(edit);
    form->addRow(l, edit);
    m_fields.insert(key, edit);
    m_rowLabels.insert(key, l);
    connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] {
        if (edit->isModified())
            applyField(key);
        edit->setModified(false);
    });
    return edit;
}

QString InspectorDock::errorText() const
{
    return m_error->text();
}

bool InspectorDock::isShowingHall() const
{
    return m_stack->currentWidget() == m_hallPage;
}

bool InspectorDock::isShowingStructure() const
{
    return m_stack->currentWidget() == m_structurePage;
}

void InspectorDock::documentChanged(const ChangeEvent &event)
{
    Q_UNUSED(event);
    refresh();
}

void InspectorDock::setFieldText(const QString &key, const QString &text)
{
    QLineEdit *edit = m_fields.value(key);
    // Leave a field alone while the user is typing in it.
    if (edit->hasFocus() && edit->isModified())
        return;
    edit->setText(text);
    edit->setModified(false);
}

void InspectorDock::refresh()
{
    const QList<EquipmentId> ids = m_scene->selectedIds();
    const FloorPlan &plan = m_document->plan();
    const QList<StructureId> structureIds = m_scene->selectedStructureIds();
    if (ids.isEmpty() && !structureIds.isEmpty()) {
        refreshStructures(structureIds);
        return;
    }
    if (ids.isEmpty()) {
        m_stack->setCurrentWidget(m_hallPage);
        const Hall *hall = m_scene->defaultHall();
        m_title->setText(hall ? tr("Hall: %1").arg(hall->name) : tr("No hall"));
        m_details->setText(hall ? tr("%1 m² · select items to edit them").arg(QLocale().toString(hall->areaM2(), 'f', 0))
                                : QString());
        m_hallPage->setEnabled(hall != nullptr);
        {
            const QSignalBlocker blocker(m_hallCombo);
            m_hallCombo->clear();
            for (const Hall &h : plan.halls())
                m_hallCombo->addItem(h.name, QVariant::fromValue(uint(h.id)));
            m_hallCombo->setCurrentIndex(hall ? plan.hallIndex(hall->id) : -1);
        }
        if (!hall)
            return;
        setFieldText(QStringLiteral("hall.name"), hall->name);
        setFieldText(QStringLiteral("hall.width"), mm(hall->widthMm));
        setFieldText(QStringLiteral("hall.depth"), mm(hall->depthMm));
        setFieldText(QStringLiteral("hall.tile"), mm(hall->tileMm));
        setFieldText(QStringLiteral("hall.yard"), mm(hall->yardDepthMm));
        setFieldText(QStringLiteral("hall.floor"), mm(hall->floorRatingKgPerM2));
        setFieldText(QStringLiteral("hall.aisle"), mm(hall->minAisleMm));
        return;
    }
    m_stack->setCurrentWidget(m_itemPage);
    const Equipment *first = plan.equipment(ids.first());
    if (!first)
        return;
    const ResolvedCatalogItem &r = m_scene->cache()->resolve(first->kind(), first->catalogId());
    const bool single = ids.size() == 1;
    if (single) {
        m_title->setText(m_scene->displayName(*first));
        m_details->setText(r.found ? tr("%1 · %2 × %3 mm").arg(first->catalogId(), mm(first->widthMm()), mm(first->depthMm()))
                                   : tr("%1 · missing from the catalog (kept as is)").arg(first->catalogId()));
    } else {
        m_title->setText(tr("%n items selected", nullptr, int(ids.size())));
        m_details->setText(tr("Label, rotation and properties apply to all of them."));
    }
    bool sameLabel = true, sameRotation = true;
    bool allServers = true, allUps = true;
    for (EquipmentId id : ids) {
        const Equipment *e = plan.equipment(id);
        sameLabel &= e->label() == first->label();
        sameRotation &= e->rotationDeg() == first->rotationDeg();
        const ResolvedCatalogItem &ri = m_scene->cache()->resolve(e->kind(), e->catalogId());
        allServers &= ri.found && ri.isSystem && ri.defaultUnitsPerRack > 1;
        allUps &= ri.found && ri.category == QLatin1String("ups");
    }
    setFieldText(QStringLiteral("label"), sameLabel ? first->label() : QString());
    m_fields[QStringLiteral("label")]->setPlaceholderText(sameLabel ? r.name : tr("(several)"));
    setFieldText(QStringLiteral("x"), single ? mm(first->xMm()) : QString());
    setFieldText(QStringLiteral("y"), single ? mm(first->yMm()) : QString());
    m_fields[QStringLiteral("x")]->setEnabled(single);
    m_fields[QStringLiteral("y")]->setEnabled(single);
    setFieldText(QStringLiteral("rotation"), sameRotation ? QString::number(first->rotationDeg()) : QString());
    const bool showUnits = allServers;
    m_fields[QStringLiteral("units_per_rack")]->setVisible(showUnits);
    m_rowLabels[QStringLiteral("units_per_rack")]->setVisible(showUnits);
    if (showUnits) {
        const QVariant v = first->properties().value(QStringLiteral("units_per_rack"));
        setFieldText(QStringLiteral("units_per_rack"), v.isValid() ? v.toString() : QString::number(r.defaultUnitsPerRack));
    }
    m_fields[QStringLiteral("redundancy_group")]->setVisible(allUps);
    m_rowLabels[QStringLiteral("redundancy_group")]->setVisible(allUps);
    if (allUps)
        setFieldText(QStringLiteral("redundancy_group"), first->properties().value(QStringLiteral("redundancy_group")).toString());
}

void InspectorDock::refreshStructures(const QList<quint64> &ids)
{
    m_stack->setCurrentWidget(m_structurePage);
    const Structure *s = m_document->plan().structure(ids.first());
    const bool single = ids.size() == 1 && s;
    m_structurePage->setEnabled(single);
    if (!single) {
        m_title->setText(tr("%n structures selected", nullptr, int(ids.size())));
        m_details->setText(tr("Select one structure to edit it; Delete removes them all."));
        for (const QString &key : {QStringLiteral("structure.kind"), QStringLiteral("structure.label"), QStringLiteral("structure.x"),
                                   QStringLiteral("structure.y"), QStringLiteral("structure.width"), QStringLiteral("structure.depth")})
            setFieldText(key, QString());
        return;
    }
    const QString kind = StructureItem::kindName(s->kind);
    m_title->setText(s->label.isEmpty() ? kind : s->label);
    m_details->setText(tr("%1 · %2 × %3 mm").arg(kind, mm(s->rectMm.width()), mm(s->rectMm.height())));
    setFieldText(QStringLiteral("structure.kind"), kind);
    setFieldText(QStringLiteral("structure.label"), s->label);
    m_fields[QStringLiteral("structure.label")]->setPlaceholderText(kind);
    setFieldText(QStringLiteral("structure.x"), mm(s->rectMm.x()));
    setFieldText(QStringLiteral("structure.y"), mm(s->rectMm.y()));
    setFieldText(QStringLiteral("structure.width"), mm(s->rectMm.width()));
    setFieldText(QStringLiteral("structure.depth"), mm(s->rectMm.height()));
}

bool InspectorDock::applyStructureField(const QString &key, const QString &text)
{
    const QList<StructureId> ids = m_scene->selectedStructureIds();
    if (ids.size() != 1 || !m_scene->selectedIds().isEmpty())
        return false;
    const Structure *current = m_document->plan().structure(ids.first());
    if (!current)
        return false;
    const Hall *hall = m_document->plan().hall(current->hallId);
    if (!hall)
        return false;
    Structure s = *current;
    if (key == QLatin1String("structure.label")) {
        s.label = text.trimmed();
    } else {
        constexpr double kMinSizeMm = 50, kMaxSizeMm = 100000;
        const QRectF r = current->rectMm;
        QString field;
        double lo = 0, hi = 0;
        if (key == QLatin1String("structure.x")) {
            field = tr("X");
            hi = hall->widthMm - r.width();
        } else if (key == QLatin1String("structure.y")) {
            field = tr("Y");
            hi = hall->depthMm - r.height();
        } else if (key == QLatin1String("structure.width")) {
            field = tr("Width");
            lo = kMinSizeMm;
            hi = kMaxSizeMm;
        } else if (key == QLatin1String("structure.depth")) {
            field = tr("Depth");
            lo = kMinSizeMm;
            hi = kMaxSizeMm;
        } else {
            return false;
        }
        const std::optional<double> v = parseNumber(text);
        if (!v || *v < lo - 0.5 || *v > hi + 0.5) {
            refuse(tr("%1 must be a number from %2 to %3 mm; \u201c%4\u201d was not applied.")
                       .arg(field, mm(lo), mm(hi), text));
            return false;
        }
        if (key == QLatin1String("structure.x"))
            s.rectMm.moveLeft(*v);
        else if (key == QLatin1String("structure.y"))
            s.rectMm.moveTop(*v);
        else if (key == QLatin1String("structure.width"))
            s.rectMm.setWidth(*v);
        else
            s.rectMm.setHeight(*v);
        const QString problem = structurePlacementProblem(m_scene, s);
        if (!problem.isEmpty()) {
            refuse(tr("%1 = %2 mm was not applied: %3.").arg(field, mm(*v), problem));
            return false;
        }
    }
    if (s == *current)
        return true;
    m_document->undoStack()->push(new ChangeStructureCommand(m_document, s));
    return true;
}

void InspectorDock::refuse(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

bool InspectorDock::applyField(const QString &key)
{
    QLineEdit *edit = m_fields.value(key);
    if (!edit)
        return false;
    const bool ok = key.startsWith(QLatin1String("hall."))        ? applyHallField(key, edit->text())
                    : key.startsWith(QLatin1String("structure.")) ? applyStructureField(key, edit->text())
                                                                  : applyItemField(key, edit->text());
    if (ok) {
        m_error->hide();
        m_error->clear();
        refresh();
    }
    return ok;
}

bool InspectorDock::applyItemField(const QString &key, const QString &text)
{
    const QList<EquipmentId> ids = m_scene->selectedIds();
    FloorPlan &plan = m_document->plan();
    if (ids.isEmpty())
        return false;
    QUndoStack *stack = m_document->undoStack();

    if (key == QLatin1String("label")) {
        stack->push(new ChangeEquipmentValueCommand(m_document, ids, QStringLiteral("label"), text.trimmed()));
        return true;
    }
    if (key == QLatin1String("redundancy_group")) {
        const QString group = text.trimmed();
        stack->push(new ChangeEquipmentValueCommand(m_document, ids, key, group.isEmpty() ? QVariant() : QVariant(group)));
        return true;
    }
    if (key == QLatin1String("units_per_rack")) {
        const std::optional<double> v = parseNumber(text);
        if (!v || *v != std::round(*v) || *v < 1 || *v > kMaxUnitsPerRack) {
            refuse(tr("Units per rack must be a whole number from 1 to %1; \u201c%2\u201d was not applied.")
                       .arg(kMaxUnitsPerRack)
                       .arg(text));
            return false;
        }
        stack->push(new ChangeEquipmentValueCommand(m_document, ids, key, int(*v)));
        return true;
    }
    if (key == QLatin1String("rotation")) {
        const std::optional<double> v = parseNumber(text);
        const int deg = v ? int(*v) : -1;
        if (!v || *v != std::round(*v) || deg < 0 || deg >= 360 || deg % 90 != 0) {
            refuse(tr("Rotation must be a multiple of 90° from 0 to 270 (0, 90, 180 or 270); \u201c%1\u201d was not applied.")
                       .arg(text));
            return false;
        }
        QHash<EquipmentId, Geometry> geometry;
        QList<Placement> placements;
        for (EquipmentId id : ids) {
            const Equipment *e = plan.equipment(id);
            const Hall *hall = plan.hall(e->hallId());
            Geometry g = geometryOf(*e);
            const QPointF centre = e->footprintMm().center();
            g.rotationDeg = deg;
            const QRectF turned = footprintFor(*e, g);
            const double tile = hall ? hall->tileMm : 600.0;
            if (g.rotationDeg != e->rotationDeg()) {
                g.xMm = snapToTile(centre.x() - turned.width() / 2, tile);
                g.yMm = snapToTile(centre.y() - turned.height() / 2, tile);
            }
            geometry.insert(id, g);
            placements.append({g.hallId, g.inYard, footprintFor(*e, g)});
        }
        const QString problem = placementProblem(m_scene, placements, QSet<EquipmentId>(ids.begin(), ids.end()));
        if (!problem.isEmpty()) {
            refuse(tr("Rotation %1° was not applied: %2.").arg(deg).arg(problem));
            return false;
        }
        stack->push(new ChangeGeometryCommand(m_document, QCoreApplication::translate("UndoCommands", "Rotate"), geometry));
        return true;
    }
    if (key == QLatin1String("x") || key == QLatin1String("y")) {
        if (ids.size() != 1)
            return false;
        const Equipment *e = plan.equipment(ids.first());
        const Hall *hall = plan.hall(e->hallId());
        if (!hall)
            return false;
        const QRectF fp = e->footprintMm();
        const bool isX = key == QLatin1String("x");
        const QString field = isX ? tr("X") : tr("Y");
        double lo = 0, hi = 0;
        if (isX) {
            hi = hall->widthMm - fp.width();
        } else if (e->inYard()) {
            lo = -hall->yardDepthMm;
            hi = -fp.height();
        } else {
            hi = hall->depthMm - fp.height();
        }
        const std::optional<double> v = parseNumber(text);
        if (!v || *v < lo - 0.5 || *v > hi + 0.5) {
            refuse(tr("%1 must be a number from %2 to %3 mm so that the item stays inside %4; \u201c%5\u201d was not applied.")
                       .arg(field, mm(lo), mm(hi), e->inYard() ? tr("the yard") : hall->name, text));
            return false;
        }
        Geometry g = geometryOf(*e);
        (isX ? g.xMm : g.yMm) = *v;
        const QString problem = placementProblem(m_scene, {{g.hallId, g.inYard, footprintFor(*e, g)}}, {e->id()});
        if (!problem.isEmpty()) {
            refuse(tr("%1 = %2 mm was not applied: %3.").arg(field, mm(*v), problem));
            return false;
        }
        stack->push(new ChangeGeometryCommand(m_document, QCoreApplication::translate("UndoCommands", "Move 1 Item"), {{e->id(), g}}));
        return true;
    }
    return false;
}

bool InspectorDock::applyHallField(const QString &key, const QString &text)
{
    const Hall *current = m_scene->defaultHall();
    if (!current)
        return false;
    Hall hall = *current;
    if (key == QLatin1String("hall.name")) {
        if (text.trimmed().isEmpty()) {
            refuse(tr("Name must not be empty."));
            return false;
        }
        hall.name = text.trimmed();
    } else {
        struct Range
        {
            QString field;
            double lo, hi;
            double *target;
        };
        const QHash<QString, Range> ranges{
            {QStringLiteral("hall.width"), {tr("Width"), 1000, 1000000, &hall.widthMm}},
            {QStringLiteral("hall.depth"), {tr("Depth"), 1000, 1000000, &hall.depthMm}},
            {QStringLiteral("hall.tile"), {tr("Tile"), 100, 3000, &hall.tileMm}},
            {QStringLiteral("hall.yard"), {tr("Yard depth"), 0, 500000, &hall.yardDepthMm}},
            {QStringLiteral("hall.floor"), {tr("Floor rating"), 100, 100000, &hall.floorRatingKgPerM2}},
            {QStringLiteral("hall.aisle"), {tr("Minimum aisle"), 0, 10000, &hall.minAisleMm}},
        };
        if (!ranges.contains(key))
            return false;
        const Range range = ranges.value(key);
        const std::optional<double> v = parseNumber(text);
        if (!v || *v < range.lo || *v > range.hi) {
            const QString unit = key == QLatin1String("hall.floor") ? tr("kg/m²") : tr("mm");
            refuse(tr("%1 must be a number from %2 to %3 %4; \u201c%5\u201d was not applied.")
                       .arg(range.field, QLocale().toString(range.lo, 'f', 0), QLocale().toString(range.hi, 'f', 0), unit, text));
            return false;
        }
        *range.target = *v;
    }
    if (hall == *current)
        return true;
    // A smaller hall or yard must still hold what stands on it: refuse, naming the first item.
    const FloorPlan &plan = m_document->plan();
    const QRectF floor(0, 0, hall.widthMm, hall.depthMm);
    const QRectF yard(0, -hall.yardDepthMm, hall.widthMm, hall.yardDepthMm);
    auto outside = [](const QRectF &bounds, const QRectF &r) { return !bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(r); };
    int stranded = 0;
    QString first;
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        if (e.hallId() == hall.id && outside(e.inYard() ? yard : floor, e.footprintMm())) {
            if (stranded++ == 0)
                first = m_scene->displayName(e);
        }
    }
    for (const Structure &st : plan.structures()) {
        if (st.hallId == hall.id && outside(floor, st.rectMm)) {
            if (stranded++ == 0)
                first = st.label.isEmpty() ? StructureItem::kindName(st.kind) : st.label;
        }
    }
    if (stranded > 0) {
        refuse(tr("“%1” was not applied: %2 and %n other item(s) would end up outside the hall or its yard; "
                  "move them first.", nullptr, stranded - 1)
                   .arg(text, first));
        return false;
    }
    m_document->undoStack()->push(new ChangeHallCommand(m_document, hall));
    return true;
}

} // namespace th
