// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/collectives.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

using namespace th::engine;

/// Collective times against hand-computed alpha-beta values (Thakur et al. 2005).
class TestCollectives : public QObject
{
    Q_OBJECT
private slots:
    void handComputed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("expected");
        // 1 GB over 8 ranks, 100 GB/s per direction, 10 us per step.
        // ring all-reduce: 2*7/8*1e9/1e11 + 14*1e-5
        QTest::newRow("ring-allreduce-8") << 0 << 2.0 * 7.0 / 8.0 * 1e9 / 1e11 + 14.0 * 1e-5;
        // reduce-scatter and all-gather: 7/8*1e9/1e11 + 7*1e-5
        QTest::newRow("ring-reducescatter-8") << 1 << 7.0 / 8.0 * 1e9 / 1e11 + 7.0 * 1e-5;
        QTest::newRow("ring-allgather-8") << 2 << 7.0 / 8.0 * 1e9 / 1e11 + 7.0 * 1e-5;
        // double binary tree: 2*1e9/1e11 + 2*log2(8)*1e-5
        QTest::newRow("tree-allreduce-8") << 3 << 2.0 * 1e9 / 1e11 + 6.0 * 1e-5;
        // hierarchical, 8 inside at 400 GB/s, 4 groups at 50 GB/s, no latency:
        // 2*(7/8*1e9/4e11) + 2*(3/4)*(1e9/8)/5e10
        QTest::newRow("hierarchical-8x4") << 4 << 2.0 * 7.0 / 8.0 * 1e9 / 4e11 + 2.0 * 0.75 * 1.25e8 / 5e10;
        // all-to-all, 16 ranks, 8 inside: inside 7/16 GB at 400 GB/s, outside 8/16 GB at 50 GB/s
        // (the slower), + log2(16) * 1e-5 outside latency
        QTest::newRow("alltoall-16-8inside") << 5 << 0.5e9 / 5e10 + 4.0 * 1e-5;
        // point-to-point: 1e-5 + 1e9/1e11
        QTest::newRow("p2p") << 6 << 1e-5 + 1e9 / 1e11;
    }
    void handComputed()
    {
        QFETCH(int, kind);
        QFETCH(double, expected);
        const Link link{100e9, 1e-5};
        const Link fast{400e9, 0.0};
        const Link slow{50e9, 0.0};
        const Link slowWithLatency{50e9, 1e-5};
        double actual = 0.0;
        switch (kind) {
        case 0: actual = ringAllReduceSeconds(1e9, 8, link); break;
        case 1: actual = ringReduceScatterSeconds(1e9, 8, link); break;
        case 2: actual = ringAllGatherSeconds(1e9, 8, link); break;
        case 3: actual = treeAllReduceSeconds(1e9, 8, link); break;
        case 4: actual = hierarchicalAllReduceSeconds(1e9, 8, 4, fast, slow); break;
        case 5: actual = allToAllSeconds(1e9, 16, 8, fast, slowWithLatency); break;
        case 6: actual = pointToPointSeconds(1e9, link); break;
        }
        TH_FUZZY_COMPARE(actual, expected, 1e-12);
    }

    void trivialCasesCostNothing()
    {
        const Link link{100e9, 1e-5};
        QCOMPARE(ringAllReduceSeconds(1e9, 1, link), 0.0);
        QCOMPARE(ringAllReduceSeconds(0.0, 8, link), 0.0);
        QCOMPARE(allToAllSeconds(1e9, 1, 1, link, link), 0.0);
        QCOMPARE(hierarchicalAllReduceSeconds(1e9, 1, 1, link, link), 0.0);
        QCOMPARE(pointToPointSeconds(0.0, link), 0.0);
    }

    void hierarchicalReducesToRing()
    {
        // One group: the hierarchical all-reduce is the inner ring's reduce-scatter + all-gather.
        const Link link{100e9, 1e-5};
        TH_FUZZY_COMPARE(hierarchicalAllReduceSeconds(1e9, 8, 1, link, link), ringAllReduceSeconds(1e9, 8, link), 1e-12);
        // One rank per group: it is the outer ring.
        TH_FUZZY_COMPARE(hierarchicalAllReduceSeconds(1e9, 1, 8, link, link), ringAllReduceSeconds(1e9, 8, link), 1e-12);
    }

    void moreBandwidthNeverSlower()
    {
        double previous = 1e300;
        for (double bw = 10e9; bw <= 1000e9; bw *= 1.5) {
            const double t = ringAllReduceSeconds(1e9, 64, Link{bw, 1e-5});
            QVERIFY(t <= previous);
            previous = t;
        }
    }
};

QTEST_GUILESS_MAIN(TestCollectives)
#include "tst_collectives.moc"
