// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace th {

/**
 * Keeps the mouse wheel from changing values the user did not pick. The docks and dialogs are
 * scroll areas full of spin boxes and combo boxes; with Qt's defaults a wheel turn that is meant
 * to scroll the panel changes whichever field passes under the pointer (the estimate dock's TP
 * field went from 8 to 1 that way), and `Qt::WheelFocus` even hands it the focus. Installed on
 * the application: spin boxes and combo boxes get `Qt::StrongFocus` when they are polished, and
 * a wheel event on one that has no focus goes to its parents instead, normally the enclosing scroll
 * area, which scrolls. A field the user clicked
 * into still takes the wheel. The same rule as Qt Creator's and most professional Qt tools.
 */
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    explicit WheelGuard(QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace th
