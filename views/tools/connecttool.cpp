// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/connecttool.h"

#include "model/analysis/facilityanalysis.h"
#include "model/analysis/feedrules.h"
#include "model/commands/setfeed.h"
#include "model/document/floorplandocument.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/facilityoverlay.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"

#include <QAction>
#include <QCoreApplication>
#include <QGraphicsLineItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPen>

namespace th {

ConnectTool::ConnectTool(FloorPlanView *view)
    : QObject(view)
    , m_view(view)
    , m_action(new QAction(tr("&Connect Power Feeds"), this))
    , m_clearAction(new QAction(tr("C&lear Feed (Back to Automatic)"), this))
    , m_adoptAction(new QAction(tr("&Assign Feeds Automatically"), this))
{
    m_action->setObjectName(QStringLiteral("connectFeedsAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_action->setToolTip(tr("Click a rack or unit, then the unit that feeds it (Shift-click: B feed). Esc ends."));
    m_clearAction->setObjectName(QStringLiteral("clearFeedAction"));
    m_clearAction->setToolTip(tr("Forget the drawn feeds of the selected items; the analysis assigns them automatically"));
    connect(m_action, &QAction::toggled, this, [this](bool on) {
        reset();
        if (on) {
            // The connections are what the user edits: show them.
            m_view->overlay()->setLayer(FacilityOverlay::Layer::PowerChain, true);
            m_view->viewport()->setCursor(Qt::CrossCursor);
            emit message(tr("Connect feeds: click the rack or unit to feed."));
        } else {
            m_view->viewport()->setCursor(Qt::ArrowCursor);
        }
    });
    connect(m_clearAction, &QAction::triggered, this, &ConnectTool::clearSelectedFeeds);
    m_adoptAction->setObjectName(QStringLiteral("adoptFeedsAction"));
    m_adoptAction->setToolTip(tr("Draw the feeds the analysis assigns (nearest unit with spare capacity, A and B on "
                                 "different UPS systems) for the selection, or the whole plan when nothing is selected"));
    connect(m_adoptAction, &QAction::triggered, this, &ConnectTool::adoptAutomaticFeeds);
}

ConnectTool::~ConnectTool()
{
    delete m_rubber;
}

bool ConnectTool::isActive() const
{
    return m_action->isChecked();
}

void ConnectTool::setActive(bool active)
{
    m_action->setChecked(active);
}

EquipmentId ConnectTool::equipmentAt(const QPointF &scenePos) const
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    for (QGraphicsItem *item : scene->items(scenePos)) {
        if (item->type() == EquipmentItem::Type) {
            auto *eq = static_cast<EquipmentItem *>(item);
            if (scene->footprintInScene(*eq->equipment()).contains(scenePos))
                return eq->id();
        }
    }
    return 0;
}

QString ConnectTool::nameOf(EquipmentId id) const
{
    const Equipment *e = m_view->floorPlanScene()->document()->plan().equipment(id);
    return e ? m_view->floorPlanScene()->displayName(*e) : QString();
}

void ConnectTool::reset()
{
    m_downstream = 0;
    m_expectB = false;
    delete m_rubber;
    m_rubber = nullptr;
}

void ConnectTool::pickDownstream(EquipmentId id)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const Equipment *e = scene->document()->plan().equipment(id);
    const FeedLevel level = e ? feedLevel(*e, *scene->cache()) : FeedLevel::None;
    if (level == FeedLevel::None || level == FeedLevel::Transformer) {
        emit message(level == FeedLevel::Transformer ? tr("A transformer takes the utility supply: pick a UPS, PDU or rack to feed.")
                                                     : tr("%1 is not part of the power chain: pick a UPS, PDU or rack.").arg(nameOf(id)));
        return;
    }
    reset();
    m_downstream = id;
    scene->selectIds({id});
    m_rubber = new QGraphicsLineItem;
    QPen pen(QColor(0, 90, 200), 2.0, Qt::DashLine);
    pen.setCosmetic(true);
    m_rubber->setPen(pen);
    m_rubber->setZValue(95);
    const QPointF c = scene->footprintInScene(*e).center();
    m_rubber->setLine(QLineF(c, c));
    scene->addItem(m_rubber);
    emit message(tr("Now click the unit that feeds %1 (Shift-click: its B feed).").arg(nameOf(id)));
}

void ConnectTool::mousePressed(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const EquipmentId hit = equipmentAt(m_view->mapToScene(event->position().toPoint()));
    if (!hit) {
        // Empty floor: stop this link (an A feed already drawn stays).
        reset();
        emit message(tr("Connect feeds: click the rack or unit to feed."));
        return;
    }
    if (!m_downstream) {
        pickDownstream(hit);
        return;
    }
    const FeedSide side = (m_expectB || (event->modifiers() & Qt::ShiftModifier)) ? FeedSide::B : FeedSide::A;
    connectFeed(m_downstream, hit, side);
}

void ConnectTool::mouseMoved(QMouseEvent *event)
{
    if (m_rubber)
        m_rubber->setLine(QLineF(m_rubber->line().p1(), m_view->mapToScene(event->position().toPoint())));
}

bool ConnectTool::keyPressed(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape)
        return false;
    if (m_downstream)
        reset();
    else
        setActive(false);
    return true;
}

bool ConnectTool::connectFeed(EquipmentId downstream, EquipmentId upstream, FeedSide side)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    FloorPlanDocument *doc = scene->document();
    const FeedCheck check = checkFeed(doc->plan(), *scene->cache(), downstream, upstream, side);
    if (!check.ok) {
        emit message(tr("Cannot connect: %1.").arg(check.reason));
        return false;
    }
    const QString text = side == FeedSide::A ? QCoreApplication::translate("UndoCommands", "Connect Feed A")
                                             : QCoreApplication::translate("UndoCommands", "Connect Feed B");
    doc->undoStack()->push(new SetFeedCommand(doc, {{downstream, check.fedFrom}}, text));
    const Equipment *down = doc->plan().equipment(downstream);
    const bool dual = down && feedLevel(*down, *scene->cache()) == FeedLevel::Load
                      && down->properties().value(QStringLiteral("dual_corded"), true).toBool();
    if (side == FeedSide::A && dual && check.fedFrom.size() < 2 && m_downstream == downstream) {
        m_expectB = true;
        emit message(tr("%1 feeds %2 (A). Click its B feed, or empty floor to keep A only.").arg(nameOf(upstream), nameOf(downstream)));
        return true;
    }
    emit message(side == FeedSide::A ? tr("%1 feeds %2 (A).").arg(nameOf(upstream), nameOf(downstream))
                                     : tr("%1 feeds %2 (B).").arg(nameOf(upstream), nameOf(downstream)));
    if (m_downstream == downstream)
        reset();
    return true;
}

bool ConnectTool::clearSelectedFeeds()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    FloorPlanDocument *doc = scene->document();
    auto *cmd = SetFeedCommand::clearFeeds(doc, scene->selectedIds());
    if (cmd->isObsolete()) {
        delete cmd;
        emit message(tr("The selection has no drawn feeds; its feeds are already automatic."));
        return false;
    }
    doc->undoStack()->push(cmd);
    emit message(tr("Feeds cleared: the analysis assigns them automatically."));
    return true;
}

bool ConnectTool::adoptAutomaticFeeds()
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    FloorPlanDocument *doc = scene->document();
    FacilityAssumptions assumptions;
    assumptions.thermalMap = false; // feeds only
    const FacilityResult facility = facilityAnalysis(doc->plan(), *scene->cache(), assumptions);
    const AdoptedFeeds adopted = automaticFeedsToDraw(doc->plan(), *scene->cache(), facility, scene->selectedIds());
    if (adopted.fedFrom.isEmpty()) {
        emit message(tr("Nothing to assign: %n item(s) already have drawn feeds.", nullptr, adopted.alreadyDrawn));
        return false;
    }
    doc->undoStack()->push(new SetFeedCommand(doc, adopted.fedFrom, QCoreApplication::translate("UndoCommands", "Assign Feeds Automatically")));
    m_view->overlay()->setLayer(FacilityOverlay::Layer::PowerChain, true);
    QString text = tr("Drew the automatic feeds of %n item(s); edit them with Connect Power Feeds.", nullptr, int(adopted.fedFrom.size()));
    if (adopted.notRepresentable > 0)
        text += QLatin1Char(' ') + tr("%n item(s) on a paralleled bus stay automatic.", nullptr, adopted.notRepresentable);
    emit message(text);
    return true;
}

} // namespace th
