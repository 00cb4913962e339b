// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
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
        } else if (attempts > 0) {
            whenModalShown(action, attempts - 1);
        }
    });
}

} // namespace th::test
