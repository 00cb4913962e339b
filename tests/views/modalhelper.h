// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace th::test {

/// Runs `action` on the next modal widget once it is shown (a dialog's exec() blocks the test,
/// so the test schedules what the user would do before triggering it). Polls for up to ~2 s.
inline void whenModalShown(std::function<void(QWidget *)> action, int attempts = 100)
{
    QTimer::singleShot(20, [action, attempts] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->isVisible()) {
            action(modal);
            // A failed check inside `action` returns early and could leave the dialog open,
            // blocking exec() for ever: close it after a while so the test fails instead of hanging.
            QPointer<QWidget> guard(modal);
            QTimer::singleShot(3000, [guard] {
                if (guard && guard->isVisible()) {
                    qWarning("a modal dialog was left open by the test; closing it");
                    guard->close();
                }
            });
        } else if (attempts > 0) {
            whenModalShown(action, attempts - 1);
        }
    });
}

} // namespace th::test
