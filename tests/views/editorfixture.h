// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/document/floorplandocument.h"
#include "views/mainwindow.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/tools/editactions.h"
#include "views/tools/placeequipmenttool.h"

#include <QApplication>
#include <QMimeData>
#include <QMouseEvent>
#include <QTest>

#include <memory>

namespace th::test {

/// A document with the default hall, its view (at 1:1 zoom, hall top-left in view) and the
/// edit actions, as the main window wires them, for tool and widget tests.
struct Editor
{
    explicit Editor(const Catalog *catalog)
        : cache(catalog)
    {
        document.resetPlan(MainWindow::defaultPlan());
        view = std::make_unique<FloorPlanView>(&document, &cache);
        actions = new EditActions(view.get(), view.get());
        view->resize(1100, 900);
        view->show();
        (void)QTest::qWaitForWindowExposed(view.get());
        view->setZoom(FloorPlanView::kActualSizePxPerMm);
        view->centerOn(QPointF(12000, 9000));
    }

    FloorPlanScene *scene() const { return view->floorPlanScene(); }
    QWidget *viewport() const { return view->viewport(); }
    QPoint toView(const QPointF &scenePos) const { return view->mapFromScene(scenePos); }
    const FloorPlan &plan() const { return document.plan(); }

    /// Places an item through the tool as a drop would; returns its id (0 if refused).
    EquipmentId place(const QString &id, const QPointF &centreMm, EquipmentKind kind = EquipmentKind::System)
    {
        return view->placeTool()->placeAt({kind, id}, centreMm).value_or(0);
    }

    FloorPlanDocument document;
    CatalogCache cache;
    std::unique_ptr<FloorPlanView> view;
    EditActions *actions = nullptr;
};

/// Sends a mouse event to a widget as the window system would.
inline void sendMouse(QWidget *widget, QEvent::Type type, const QPoint &pos, Qt::MouseButton button,
                      Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, QPointF(pos), QPointF(widget->mapToGlobal(pos)), button, buttons, modifiers);
    QApplication::sendEvent(widget, &event);
}

/// A full left-button drag from `from` to `to` in `steps` moves.
inline void dragMouse(QWidget *widget, const QPoint &from, const QPoint &to, int steps = 8,
                      Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = from + (to - from) * i / steps;
        sendMouse(widget, QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton, modifiers);
    }
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

inline void click(QWidget *widget, const QPoint &pos, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    sendMouse(widget, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton, modifiers);
    sendMouse(widget, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton, modifiers);
}

} // namespace th::test
