// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QWheelEvent>
#include <QWidget>

namespace th {

namespace {

/// The value-editing widget an event is for: a spin box or combo box, or null.
QWidget *valueWidget(QObject *watched)
{
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(watched))
        return spin;
    if (auto *combo = qobject_cast<QComboBox *>(watched))
        return combo;
    return nullptr;
}

} // namespace

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Polish && event->type() != QEvent::Wheel)
        return false;
    QWidget *widget = valueWidget(watched);
    if (!widget)
        return false;
    if (event->type() == QEvent::Polish) {
        if (widget->focusPolicy() == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (widget->hasFocus())
        return false;
    // Not delivered to the field. QApplication propagates only spontaneous wheel events to the
    // parents, so hand it up the chain here (the same walk QApplication::notify() does) until a
    // widget takes it: normally the enclosing scroll area's viewport.
    auto *wheel = static_cast<QWheelEvent *>(event);
    for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        const QPointF at = widget->mapTo(w, wheel->position());
        QWheelEvent copy(at, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(), wheel->buttons(),
                         wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source());
        QCoreApplication::sendEvent(w, &copy);
        if (copy.isAccepted()) {
            wheel->accept();
            return true;
        }
        if (w->isWindow())
            break;
    }
    wheel->ignore();
    return true;
}

} // namespace th
