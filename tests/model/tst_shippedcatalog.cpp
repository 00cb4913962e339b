// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks every shipped catalog row: required fields, units in range, a source and a confidence
// for every row, the ids scripts rely on, and physical consistency between related figures.
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/catalog/csv.h"
#include "model/engine/trainingflops.h"
#include "tests/support/testpaths.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace th;

class TestShippedCatalog : public QObject
{
    Q_OBJECT
    Catalog m_catalog;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void csvFilesMatchTheirSchema_data()
    {
        QTest::addColumn<int>("kind");
        for (const KindSpec &k : catalogKinds())
            QTest::newRow(k.csvFile) << int(k.kind);
    }
    void csvFilesMatchTheirSchema()
    {
        // Every row of the source file validates (the loader would refuse it otherwise) and
        // the header has exactly the documented columns in the documented order.
        QFETCH(int, kind);
        const KindSpec &spec = kindSpec(CatalogKind(kind));
        QFile f(test::sourcePath(QStringLiteral("data/catalog/") + QString::fromLatin1(spec.csvFile)));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const csv::ParseResult parsed = csv::parse(f.readAll());
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QVERIFY(!parsed.records.isEmpty());
        QCOMPARE(parsed.records.front().fields, spec.columnNames());
        QStringList problems;
        for (qsizetype i = 1; i < parsed.records.size(); ++i) {
            const csv::Record &rec = parsed.records.at(i);
            if (rec.fields.size() != spec.columns.size()) {
                problems << QStringLiteral("line %1: %2 fields").arg(rec.line).arg(rec.fields.size());
                continue;
            }
            QMap<QString, QString> raw;
            for (int c = 0; c < spec.columns.size(); ++c)
                raw.insert(spec.columns.at(c).columnName(), rec.fields.at(c));
            QList<CatalogIssue> issues;
            if (!validateRow(spec, raw, rec.line, &issues)) {
                for (const CatalogIssue &issue : issues)
                    problems << issue.toString();
            }
            if (raw.value(QStringLiteral("source")).trimmed().size() < 8)
                problems << QStringLiteral("line %1: source too short to be a citation").arg(rec.line);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(m_catalog.rows(spec.kind).size(), parsed.records.size() - 1);
    }

    void requiredIdsExist_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        // Ids that scripts rely on (issue: "spelled exactly").
        for (const char *id : {"nvidia-a100-sxm-80gb", "nvidia-h100-sxm", "nvidia-h800-sxm", "nvidia-h20",
                               "nvidia-h200-sxm", "nvidia-b200", "nvidia-gb200", "nvidia-b300", "amd-mi250x", "amd-mi300x",
                               "amd-mi325x", "amd-mi355x", "intel-gaudi2", "intel-gaudi3", "google-tpu-v4", "google-tpu-v5e",
                               "google-tpu-v5p", "google-tpu-v6e", "huawei-ascend-910b", "huawei-ascend-910c"})
            QTest::newRow(id) << int(CatalogKind::Chip) << QString::fromLatin1(id);
        for (const char *id : {"gpt3-175b", "llama2-7b", "llama2-13b", "llama2-70b", "llama3.1-8b", "llama3.1-70b",
                               "llama3.1-405b", "deepseek-v3", "qwen2.5-72b", "glm-130b", "mixtral-8x7b"})
            QTest::newRow(id) << int(CatalogKind::Model) << QString::fromLatin1(id);
        for (const char *id : {"nvidia-dgx-h100", "nvidia-dgx-b200", "nvidia-gb200-nvl72", "nvidia-gb300-nvl72",
                               "huawei-atlas-800t-a2", "huawei-cloudmatrix-384", "huawei-atlas-950-superpod",
                               "sugon-scalex640", "google-tpu-v5p-cube"})
            QTest::newRow(id) << int(CatalogKind::System) << QString::fromLatin1(id);
    }
    void requiredIdsExist()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        QVERIFY2(m_catalog.row(CatalogKind(kind), id), qPrintable(id));
    }

    void coverage()
    {
        const QList<CatalogRow> chips = m_catalog.rows(CatalogKind::Chip);
        QVERIFY2(chips.size() >= 30, QByteArray::number(chips.size()).constData());
        QSet<QString> vendors;
        for (const CatalogRow &c : chips)
            vendors.insert(c.text("vendor"));
        QVERIFY2(vendors.size() >= 12, qPrintable(QStringList(vendors.values()).join(QLatin1String(", "))));
        for (const char *v : {"NVIDIA", "AMD", "Intel", "Google", "Huawei", "Cambricon", "Hygon", "Kunlunxin", "Biren",
                              "Moore Threads", "Iluvatar", "Enflame", "MetaX"})
            QVERIFY2(vendors.contains(QString::fromLatin1(v)), v);
        // Facility equipment: at least two of each category the facility model needs.
        QMap<QString, int> categories;
        for (const CatalogRow &e : m_catalog.rows(CatalogKind::Equipment))
            categories[e.text("category")]++;
        for (const char *c : {"transformer", "ups", "pdu", "busway", "crah", "inrow", "rdhx", "cdu", "immersion",
                              "chiller", "drycooler", "network_rack", "storage_rack"})
            QVERIFY2(categories.value(QString::fromLatin1(c)) >= 2, c);
    }

    void chipFiguresAreConsistent()
    {
        QStringList problems;
        for (const CatalogRow &c : m_catalog.rows(CatalogKind::Chip)) {
            const QString id = c.id();
            const std::optional<double> bf16 = c.number("bf16_tflops");
            const std::optional<double> fp16 = c.number("fp16_tflops");
            if (!bf16 && !fp16)
                problems << id + QStringLiteral(": no bf16 or fp16 dense figure");
            // Sparse (2:4) figures are above dense (2x on most parts; B300 FP4 is 13.1 dense vs
            // 18 PFLOPS sparse): a sparse figure copied into a dense column shows up as dense >= sparse.
            const std::pair<const char *, const char *> pairs[] = {{"bf16_tflops", "bf16_sparse_tflops"},
                                                                   {"fp16_tflops", "fp16_sparse_tflops"},
                                                                   {"fp8_tflops", "fp8_sparse_tflops"},
                                                                   {"int8_tops", "int8_sparse_tops"},
                                                                   {"fp4_tflops", "fp4_sparse_tflops"}};
            for (const auto &[dense, sparse] : pairs) {
                const std::optional<double> d = c.number(dense), s = c.number(sparse);
                if (d && s && !(*s > *d * 1.05))
                    problems << QStringLiteral("%1: %2 (%3) is not below %4 (%5)").arg(id, QLatin1String(dense)).arg(*d).arg(QLatin1String(sparse)).arg(*s);
            }
            // Lower precision is never slower than higher precision on the same tensor cores.
            const std::optional<double> fp8 = c.number("fp8_tflops");
            if (fp8 && bf16 && *fp8 < *bf16 * 0.99)
                problems << id + QStringLiteral(": fp8 below bf16");
            const double tdp = c.number("tdp_w").value_or(0);
            if (tdp < 30 || tdp > 3000)
                problems << id + QStringLiteral(": tdp_w %1 outside 30..3000 W").arg(tdp);
            const double bw = c.number("memory_tbps").value_or(0);
            if (bw < 0.05 || bw > 30)
                problems << id + QStringLiteral(": memory_tbps %1 outside 0.05..30 TB/s").arg(bw);
            const double mem = c.number("memory_gb").value_or(0);
            if (mem < 8 || mem > 1024)
                problems << id + QStringLiteral(": memory_gb %1 outside 8..1024 GB").arg(mem);
            // Dense BF16 efficiency: no shipping chip exceeds ~3 TFLOPS per watt (B300 ~2.5/1.1 kW).
            if (bf16 && tdp > 0 && *bf16 / tdp > 3.5)
                problems << id + QStringLiteral(": %1 bf16 TFLOPS per W is implausible").arg(*bf16 / tdp);
            if (c.number("price_usd") && c.text("price_source").isEmpty())
                problems << id + QStringLiteral(": price without price_source");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void systemsAreConsistent()
    {
        QStringList problems;
        for (const CatalogRow &s : m_catalog.rows(CatalogKind::System)) {
            const QString id = s.id();
            const std::optional<CatalogRow> chip = m_catalog.row(CatalogKind::Chip, s.text("chip_id"));
            if (!chip) {
                problems << id + QStringLiteral(": unknown chip_id");
                continue;
            }
            if (s.integer("compute_racks") > s.integer("racks"))
                problems << id + QStringLiteral(": more compute racks than racks");
            if (s.integer("layout_rows") * s.integer("layout_cols") < s.integer("racks"))
                problems << id + QStringLiteral(": layout rows x cols smaller than racks");
            // IT power per chip must cover at least the chip's TDP and not exceed 4x (host, NIC,
            // switches and fans add 30-100 % on real systems).
            const double wattsPerChip = s.number("it_kw").value_or(0) * 1000.0 / s.integer("chips", 1);
            const double tdp = chip->number("tdp_w").value_or(0);
            if (wattsPerChip < tdp * 0.95 || wattsPerChip > tdp * 4.0)
                problems << QStringLiteral("%1: %2 W IT per chip vs chip TDP %3 W").arg(id).arg(wattsPerChip).arg(tdp);
            if (s.integer("scale_up_domain") > s.integer("chips") && s.integer("racks") == 1)
                problems << id + QStringLiteral(": scale-up domain larger than the system");
            const double lf = s.number("liquid_fraction").value_or(-1);
            const QString cooling = s.text("cooling");
            if ((cooling == QLatin1String("air") && lf > 0.01) || (cooling == QLatin1String("liquid") && lf < 0.5))
                problems << id + QStringLiteral(": cooling %1 with liquid_fraction %2").arg(cooling).arg(lf);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyPriceHasItsSource()
    {
        // Prices are indicative (docs/catalog-sources.md, "Prices"): each one must say where it
        // comes from, in every kind of row that carries one.
        QStringList problems;
        for (CatalogKind kind : {CatalogKind::Chip, CatalogKind::System, CatalogKind::Equipment}) {
            for (const CatalogRow &r : m_catalog.rows(kind)) {
                const std::optional<double> price = r.number("price_usd");
                if (price && (*price <= 0 || *price > 1e9))
                    problems << r.id() + QStringLiteral(": price_usd %1 outside 0..1e9").arg(*price);
                if (price && r.text("price_source").trimmed().size() < 20)
                    problems << r.id() + QStringLiteral(": price without a usable price_source");
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void modelPresetsMatchTheirArchitecture()
    {
        // The published parameter count and the one implied by the architecture agree within
        // 12 % (embeddings tied or not, biases, MLA projections and MTP heads explain the rest).
        QStringList problems;
        for (const CatalogRow &row : m_catalog.rows(CatalogKind::Model)) {
            const engine::ModelSpec m = modelSpecFromRow(row);
            QVERIFY(m.hasArchitecture());
            const double layers = m.layers;
            const int moeLayers = m.isMoe() ? m.layers - m.denseLayers : 0;
            double expertAll = 0.0;
            double perLayerDense = engine::activeMatmulParamsPerLayer(m, false);
            double perLayerMoeActive = engine::activeMatmulParamsPerLayer(m, true);
            if (m.isMoe()) {
                const double matrices = m.gatedMlp ? 3.0 : 2.0;
                expertAll = (m.experts - m.topK) * matrices * double(m.hidden) * m.effectiveMoeFfnHidden();
            }
            const double embeddings = double(m.vocab) * m.hidden;
            const double total = (layers - moeLayers) * perLayerDense + moeLayers * (perLayerMoeActive + expertAll) + embeddings;
            const double totalUntied = total + embeddings;
            const double best = std::abs(total - m.params) < std::abs(totalUntied - m.params) ? total : totalUntied;
            const double rel = std::abs(best - m.params) / m.params;
            if (rel > 0.12)
                problems << QStringLiteral("%1: architecture gives %2, published %3 (%4 %)")
                                .arg(row.id()).arg(best, 0, 'g', 4).arg(m.params, 0, 'g', 4).arg(rel * 100, 0, 'f', 1);
            if (m.isMoe() && m.activeParams <= 0)
                problems << row.id() + QStringLiteral(": MoE model without active_params");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestShippedCatalog)
#include "tst_shippedcatalog.moc"
