// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/atomicwrite.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace th {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = QCoreApplication::translate("AtomicWrite", "cannot write %1: %2 (the previous file is unchanged)").arg(path, reason);
        return false;
    };
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(f.errorString());
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = f.write(data.constData() + written, data.size() - written);
        if (n <= 0) {
            const QString reason = f.errorString();
            f.cancelWriting();
            return fail(reason.isEmpty() ? QCoreApplication::translate("AtomicWrite", "write failed (disk full?)") : reason);
        }
        written += n;
    }
    if (f.size() != data.size() || f.error() != QFileDevice::NoError) {
        const QString reason = f.errorString();
        f.cancelWriting();
        return fail(reason);
    }
    if (!f.commit())
        return fail(f.errorString());
    return true;
}

} // namespace th
