// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/parallelism.h"

#include <QByteArray>

namespace th::test {

/// Short recompute name for the validation tables ("none", "sel", "full").
inline const char *recomputeName(engine::Recompute r)
{
    return r == engine::Recompute::None ? "none" : r == engine::Recompute::Selective ? "sel" : "full";
}

/// A layout as the validation tables print it: "tp8 pp16 dp128 [cpN] [epN] [etpN] [vpN] mbN sel zN"
/// (etp only when it differs from tp).
inline QByteArray layoutText(const engine::Parallelism &p)
{
    QByteArray t = "tp" + QByteArray::number(p.tp) + " pp" + QByteArray::number(p.pp) + " dp" + QByteArray::number(p.dp);
    if (p.cp > 1)
        t += " cp" + QByteArray::number(p.cp);
    if (p.ep > 1)
        t += " ep" + QByteArray::number(p.ep);
    if (p.expertTp() != p.tp)
        t += " etp" + QByteArray::number(p.expertTp());
    if (p.interleave > 1)
        t += " vp" + QByteArray::number(p.interleave);
    t += " mb" + QByteArray::number(p.microBatch) + " " + recomputeName(p.recompute) + " z" + QByteArray::number(p.zeroStage);
    return t;
}

} // namespace th::test
