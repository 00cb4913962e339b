// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Which calibration a chip gets through the product path (catalog -> calibrationForChip): rows
// fitted on training runs count as measured; rows from kernel microbenchmarks refine the class
// defaults but keep the "class defaults / lower confidence" flag (issue 4, docs/performance-model.md
// "Class defaults").
#include "model/analysis/performancebridge.h"
#include "model/catalog/catalog.h"

#include <QTest>

#include <cmath>

using namespace th;

class TestCalibrationBridge : public QObject
{
    Q_OBJECT
    Catalog m_catalog;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void trainingRunRowIsMeasured()
    {
        // nvidia-h100-sxm: fitted on 81 H100 calibration rows; plateau 0.64.
        const engine::ChipCalibration c = calibrationForChip(m_catalog, QStringLiteral("nvidia-h100-sxm"));
        QVERIFY(c.measured);
        QCOMPARE(c.matmul.efficiencyAt(1e12), 0.64);
    }

    void microbenchmarkRowRefinesButStaysClassDefault()
    {
        // amd-mi300x: MAMF mean (0.514 + 0.601) / 2 = 0.557, x 0.89 = 0.496 -> plateau 0.50;
        // HBM 3910.62 / 5300 = 0.738 -> 0.74. Not measured: no training run calibrates it.
        const engine::ChipCalibration c = calibrationForChip(m_catalog, QStringLiteral("amd-mi300x"));
        QVERIFY(!c.measured);
        QCOMPARE(c.matmul.efficiencyAt(1e12), 0.50);
        QCOMPARE(c.hbmEfficiency, 0.74);
        // What the CSV has no column for comes from the CDNA class.
        const engine::ChipCalibration cls = engine::defaultCalibration(engine::ArchitectureClass::AmdCdna);
        QCOMPARE(c.lowPrecisionMatmulFactor, cls.lowPrecisionMatmulFactor);
        QCOMPARE(c.overheadPerLayerSeconds, cls.overheadPerLayerSeconds);
        // Gaudi 2 and Gaudi 3 differ by their own MAMF: 0.969 x 0.89 = 0.86 vs 0.677 x 0.89 = 0.60.
        QCOMPARE(calibrationForChip(m_catalog, QStringLiteral("intel-gaudi2")).matmul.efficiencyAt(1e12), 0.86);
        QCOMPARE(calibrationForChip(m_catalog, QStringLiteral("intel-gaudi3")).matmul.efficiencyAt(1e12), 0.60);
        // Ascend 910B: MAMF 322.5 of 376 TFLOP/s = 0.858, x 0.89 = 0.76; fp8 factor is the class's
        // (CDNA's is 0.85 from AMD's MAF pairs; the row cannot carry one).
        const engine::ChipCalibration ascend = calibrationForChip(m_catalog, QStringLiteral("huawei-ascend-910b"));
        QVERIFY(!ascend.measured);
        QCOMPARE(ascend.matmul.efficiencyAt(1e12), 0.76);
        QCOMPARE(calibrationForChip(m_catalog, QStringLiteral("amd-mi355x")).lowPrecisionMatmulFactor, 0.85);
        // Collectives from microbenchmarks: MI300X RCCL busBW 305.62 / 448 = 0.68 and 2.2 us per
        // hop (rows carry them; MI355X the class value); 910B HCCS busBW 0.65. Rows stay unmeasured.
        for (const char *id : {"amd-mi300x", "amd-mi325x", "amd-mi355x", "amd-mi250x"}) {
            const engine::ChipCalibration amd = calibrationForChip(m_catalog, QString::fromLatin1(id));
            QVERIFY2(!amd.measured, id);
            QCOMPARE(amd.scaleUpEfficiency, 0.68);
            QVERIFY2(std::abs(amd.scaleUpLatencySeconds - 2.2e-6) < 1e-12, id);
        }
        QCOMPARE(ascend.scaleUpEfficiency, 0.65);
    }

    void chipWithoutRowGetsItsClass()
    {
        // google-tpu-v5p has no row: TPU class plateau 0.90 x 0.89 = 0.80.
        const engine::ChipCalibration c = calibrationForChip(m_catalog, QStringLiteral("google-tpu-v5p"));
        QVERIFY(!c.measured);
        QCOMPARE(c.matmul.efficiencyAt(1e12), 0.80);
    }

    void noNonNvidiaChipClaimsTrainingRunCalibration()
    {
        // Only NVIDIA chips have training runs in the calibration data; every other shipped row
        // must be a microbenchmark row, so no result for those chips loses its low-confidence flag.
        int nonNvidia = 0;
        for (const CatalogRow &row : m_catalog.rows(CatalogKind::ChipCalibration)) {
            const QString id = row.text("chip_id");
            const engine::ChipCalibration c = calibrationForChip(m_catalog, id);
            if (id.startsWith(QLatin1String("nvidia-"))) {
                QVERIFY2(c.measured, qPrintable(id));
            } else {
                ++nonNvidia;
                QVERIFY2(!c.measured, qPrintable(id));
                QVERIFY2(row.text("confidence") != QLatin1String("high"), qPrintable(id));
            }
        }
        QCOMPARE(nonNvidia, 8); // MI250X, MI300X, MI325X, MI355X, Gaudi 2, Gaudi 3, MetaX C500, Ascend 910B
    }
};

QTEST_GUILESS_MAIN(TestCalibrationBridge)
#include "tst_calibrationbridge.moc"
