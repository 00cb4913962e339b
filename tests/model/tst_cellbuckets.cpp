// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CellBuckets (the overlap and aisle checks' cell index) against a map of vectors, the structure
// it replaced: every cell's items in the order added, nothing for a cell without items.
#include "model/analysis/cellbuckets.h"

#include <QTest>

#include <map>
#include <random>
#include <tuple>
#include <vector>

using namespace th;

class TestCellBuckets : public QObject
{
    Q_OBJECT

private slots:
    void equalsMapOfVectors_data()
    {
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("spread"); // cells per axis the items fall in
        QTest::newRow("empty") << 0 << 4;
        QTest::newRow("one cell, many items") << 300 << 1;
        QTest::newRow("dense") << 2000 << 12;
        QTest::newRow("sparse, negative and far cells") << 3000 << 100000;
    }
    void equalsMapOfVectors()
    {
        QFETCH(int, items);
        QFETCH(int, spread);
        std::mt19937_64 rng(std::uint64_t(items) * 7919u + std::uint64_t(spread));
        auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
        std::map<std::tuple<std::uint64_t, int, int>, std::vector<int>> reference;
        CellBuckets buckets;
        buckets.add(9, 0, 0, -1); // cleared below: clear() leaves nothing behind
        buckets.finish();
        buckets.clear();
        for (int i = 0; i < items; ++i) {
            // An item covers a block of 1-3 x 1-3 cells in one of three groups.
            const std::uint64_t group = std::uint64_t(uni(0, 2)) << 1;
            const int x0 = uni(-spread, spread), y0 = uni(-spread, spread);
            const int x1 = x0 + uni(0, 2), y1 = y0 + uni(0, 2);
            for (int x = x0; x <= x1; ++x)
                for (int y = y0; y <= y1; ++y) {
                    reference[{group, x, y}].push_back(i);
                    buckets.add(group, x, y, i);
                }
        }
        buckets.finish();
        for (const auto &[cell, list] : reference) {
            const auto [group, x, y] = cell;
            const std::span<const int> got = buckets.at(group, x, y);
            QCOMPARE(std::vector<int>(got.begin(), got.end()), list);
        }
        // Cells without items: other groups, neighbours of occupied cells, far away.
        for (int k = 0; k < 5000; ++k) {
            const std::uint64_t group = std::uint64_t(uni(0, 5));
            const int x = uni(-spread - 3, spread + 3), y = uni(-spread - 3, spread + 3);
            if (!reference.contains({group, x, y}))
                QVERIFY(buckets.at(group, x, y).empty());
        }
        QVERIFY(buckets.at(0, 1 << 30, -(1 << 30)).empty());
    }
};

QTEST_GUILESS_MAIN(TestCellBuckets)
#include "tst_cellbuckets.moc"
