// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace th {

/// A problem with one input field: its JSON pointer (RFC 6901, e.g. "/cluster/count") and what
/// is wrong, including the allowed range (INTERFACES.md: exit status 2 with this message).
struct InputError
{
    QString pointer;
    QString message;
    QString toString() const { return (pointer.isEmpty() ? QStringLiteral("/") : pointer) + QStringLiteral(": ") + message; }
};

using InputErrors = QList<InputError>;

} // namespace th
