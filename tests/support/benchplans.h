// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Generated plans shared by the benchmarks (label `bench`; results: docs/performance.md).
#pragma once

#include "model/document/floorplan.h"

#include <QVariantList>

#include <memory>

namespace th::bench {

/// A plan with one hall (id 1) and a helper placing catalog items in it.
class PlanBuilder
{
public:
    PlanBuilder(const QString &name, double widthMm, double depthMm, double yardDepthMm = 0.0)
    {
        plan.name = name;
        Hall h;
        h.id = 1;
        h.name = QStringLiteral("Campus hall");
        h.widthMm = widthMm;
        h.depthMm = depthMm;
        h.yardDepthMm = yardDepthMm;
        plan.addHall(h);
    }
    Equipment &add(EquipmentKind kind, const char *catalogId, double x, double y, double w, double d)
    {
        auto e = std::make_unique<Equipment>(plan.allocateId(), kind, QString::fromLatin1(catalogId));
        e->setHallId(1);
        e->setPositionMm(x, y);
        e->setSizeMm(w, d);
        Equipment &ref = *e;
        plan.insertEquipment(std::move(e));
        return ref;
    }
    FloorPlan plan;
};

/// 5,000 items with a full 2N power chain, built like the samples' power_2n() (generate_samples.py)
/// and repeated 20 times: per block and side one 3,150 kVA transformer in the yard, three 1,200 kW
/// UPS in parallel (redundancy group A<k> / B<k>, fed_from the transformer) and nine 300 kVA
/// floor PDUs (fed_from the UPS of the side); 179 DGX H100 racks (one system each, 10.2 kW) and
/// a 14 kW network rack, all dual-corded and fed automatically, with one 60 kW in-row cooler
/// after every four racks. Sizing: block IT 179 x 10.2 + 14 = 1,839.8 kW; either side alone
/// (3 x 1,200 x 0.8 = 2,880 kW of UPS, N+1 within the side; 2,394 kW of transformer) carries it
/// with the PDU and UPS losses, so the chain reaches 2N. 520 power units (40 transformers, 120 UPS
/// in 40 systems, 360 PDUs), 3,600 racks, 880 coolers.
inline FloorPlan powerChainPlan()
{
    PlanBuilder b(QStringLiteral("bench 5000 with a 2N power chain"), 200000, 120000, 12000);
    auto add = [&](EquipmentKind kind, const char *id, double x, double y, double w, double d) -> Equipment & { return b.add(kind, id, x, y, w, d); };
    auto ids = [](const QList<EquipmentId> &list) {
        QVariantList v;
        for (EquipmentId id : list)
            v << QVariant::fromValue<qulonglong>(id);
        return v;
    };
    for (int block = 0; block < 20; ++block) {
        const double x0 = 1200.0 + (block % 10) * 18000.0;
        const double y0 = 6000.0 + (block / 10) * 56000.0;
        const QString key = QString::number(block);
        for (int side = 0; side < 2; ++side) {
            const QString group = (side == 0 ? QStringLiteral("A") : QStringLiteral("B")) + key;
            Equipment &tx = add(EquipmentKind::Facility, "xfmr-oil-3150kva", x0 + (block / 10) * 6000.0 + side * 3000.0, -9000.0, 2500, 1600);
            tx.setInYard(true);
            tx.setProperty(QStringLiteral("redundancy_group"), group);
            QList<EquipmentId> ups;
            for (int u = 0; u < 3; ++u) {
                Equipment &e = add(EquipmentKind::Facility, "ups-vertiv-exl-s1-1200", x0 + side * 8000.0 + u * 2600.0, y0 + 29000.0, 2600, 1000);
                e.setProperty(QStringLiteral("redundancy_group"), group);
                e.setProperty(QStringLiteral("fed_from"), ids({tx.id()}));
                ups << e.id();
            }
            for (int k = 0; k < 9; ++k) {
                Equipment &e = add(EquipmentKind::Facility, "pdu-floor-300kva", x0 + k * 1200.0, y0 + 24000.0 + side * 2000.0, 1200, 900);
                e.setProperty(QStringLiteral("redundancy_group"), group);
                e.setProperty(QStringLiteral("fed_from"), ids(ups));
            }
        }
        for (int row = 0; row < 9; ++row) {
            for (int col = 0; col < (row == 8 ? 24 : 25); ++col) {
                const double x = x0 + col * 600.0, y = y0 + row * 2400.0;
                if (col % 5 == 4)
                    add(EquipmentKind::Facility, "inrow-cw-60kw", x, y, 600, 1070);
                else if (row == 0 && col == 0)
                    add(EquipmentKind::Facility, "netrack-ib-ndr", x, y, 600, 1200);
                else
                    add(EquipmentKind::System, "nvidia-dgx-h100", x, y, 600, 1200).setProperty(QStringLiteral("units_per_rack"), 1);
            }
        }
    }
    return std::move(b.plan);
}

/// The first item of a catalog id (benchmarks move it).
inline EquipmentId firstOf(const FloorPlan &plan, const char *catalogId)
{
    for (int i = 0; i < plan.equipmentCount(); ++i)
        if (plan.equipmentAt(i).catalogId() == QLatin1String(catalogId))
            return plan.equipmentAt(i).id();
    return 0;
}

} // namespace th::bench
