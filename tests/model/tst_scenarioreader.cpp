// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"
#include "model/io/scenarioreader.h"
#include "tests/support/fuzzycompare.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace th;

namespace {

/// The INTERFACES.md example scenario (GPT-3 175B on 1,024 H100).
QJsonObject baseScenario()
{
    return QJsonDocument::fromJson(R"({
      "schema": "terahall.scenario/1",
      "model": { "name": "GPT-3 175B", "params": 175e9, "layers": 96, "hidden": 12288,
                 "ffn_hidden": 49152, "heads": 96, "kv_heads": 96, "seq_len": 2048, "vocab": 51200,
                 "moe": { "experts": 0, "top_k": 0 } },
      "training": { "tokens": 300e9, "global_batch_tokens": 3145728, "precision": "bf16", "mfu": 0.45 },
      "cluster": { "chip": "nvidia-h100-sxm", "count": 1024, "scale_up_size": 8,
                   "scale_out_gbps_per_chip": 400,
                   "parallelism": { "tp": 8, "pp": 8, "dp": 16, "cp": 1, "ep": 1, "micro_batch": 1,
                                    "interleave": 1, "recompute": "selective", "zero": 1 } },
      "facility": { "pue": 1.25, "electricity_usd_per_kwh": 0.08, "grid_kg_co2_per_kwh": 0.5568 },
      "cost": { "chip_hour_usd": null }
    })").object();
}

/// Sets a value at a JSON pointer in a copy of `root` (creating objects on the way); a null
/// QJsonValue of type Undefined removes the key.
QJsonObject withValue(QJsonObject root, const QString &pointer, const QJsonValue &value)
{
    const QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::function<QJsonObject(QJsonObject, int)> set = [&](QJsonObject obj, int i) -> QJsonObject {
        if (i == parts.size() - 1) {
            if (value.isUndefined())
                obj.remove(parts.at(i));
            else
                obj.insert(parts.at(i), value);
            return obj;
        }
        obj.insert(parts.at(i), set(obj.value(parts.at(i)).toObject(), i + 1));
        return obj;
    };
    return set(root, 0);
}

} // namespace

class TestScenarioReader : public QObject
{
    Q_OBJECT
    Catalog m_catalog;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void readsInterfacesExample()
    {
        const ScenarioReadResult r = readScenario(baseScenario(), m_catalog);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.front().toString()));
        const Scenario &s = *r.scenario;
        QCOMPARE(s.model.params, 175e9);
        QCOMPARE(s.model.layers, 96);
        QCOMPARE(s.chipCount, 1024LL);
        QCOMPARE(s.chip.peakTflops(engine::Precision::Bf16).value(), 989.4);
        QCOMPARE(s.mfu.value(), 0.45);
        QCOMPARE(s.globalBatchTokens, 3145728.0);
        QCOMPARE(s.scaleUpSize, 8);
        const std::optional<engine::Parallelism> p = s.parallelism.resolve(s.chipCount);
        QVERIFY(p);
        QCOMPARE(p->tp, 8);
        QCOMPARE(p->dp, 16);
        QCOMPARE(p->recompute, engine::Recompute::Selective);
        QVERIFY(!s.cost.chipHourUsd);
    }

    void presetWithOverrides()
    {
        QJsonObject root = baseScenario();
        root.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("llama3.1-405b")},
                                                        {QStringLiteral("seq_len"), 4096}});
        root = withValue(root, QStringLiteral("/cluster/parallelism"), QJsonObject{{QStringLiteral("tp"), 8}, {QStringLiteral("pp"), 16}});
        const ScenarioReadResult r = readScenario(root, m_catalog);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.front().toString()));
        QCOMPARE(r.scenario->modelPreset, QStringLiteral("llama3.1-405b"));
        QCOMPARE(r.scenario->model.layers, 126);
        QCOMPARE(r.scenario->model.seqLen, 4096); // the override wins
        // dp derived: 1024 / (8*16) = 8
        QCOMPARE(r.scenario->parallelism.resolve(1024)->dp, 8);
    }

    void expertTensorParallel()
    {
        // parallelism.etp (Megatron-Core expert_tensor_parallel_size): optional, unset = tp.
        QJsonObject root = baseScenario();
        root.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("mixtral-8x7b")}});
        const auto layout = [](int ep, int etp) {
            QJsonObject o{{QStringLiteral("tp"), 8}, {QStringLiteral("pp"), 8}, {QStringLiteral("dp"), 16}, {QStringLiteral("ep"), ep}};
            if (etp != 0) // 0: leave etp unset
                o.insert(QStringLiteral("etp"), etp);
            return o;
        };
        root = withValue(root, QStringLiteral("/cluster/parallelism"), layout(8, 0));
        ScenarioReadResult r = readScenario(root, m_catalog);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.front().toString()));
        QCOMPARE(r.scenario->parallelism.etp, std::nullopt);
        QCOMPARE(r.scenario->parallelism.resolve(1024)->expertTp(), 8);
        // etp 1 with ep 8: experts whole, expert data parallel tp x dp x cp / (etp x ep) = 16.
        root = withValue(root, QStringLiteral("/cluster/parallelism"), layout(8, 1));
        r = readScenario(root, m_catalog);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.front().toString()));
        QCOMPARE(r.scenario->parallelism.resolve(1024)->etp, 1);
        QCOMPARE(r.scenario->parallelism.resolve(1024)->expertDp(), 16LL);
        // Bad values name the field and the rule.
        const auto errorAt = [&](const QJsonObject &parallelism, const QString &text) {
            const ScenarioReadResult bad = readScenario(withValue(root, QStringLiteral("/cluster/parallelism"), parallelism), m_catalog);
            if (bad.scenario)
                return false;
            for (const InputError &e : bad.errors) {
                if (e.pointer == QStringLiteral("/cluster/parallelism/etp") && e.toString().contains(text))
                    return true;
            }
            return false;
        };
        QVERIFY(errorAt(layout(8, 3), QStringLiteral("must divide the expert FFN width (14336), got 3")));
        QVERIFY(errorAt(layout(8, 32), QStringLiteral("etp x ep (256) must divide tp x dp x cp (128)")));
        QVERIFY(errorAt(layout(8, -1), QStringLiteral("[1,")));
    }

    void mlaPresetAndOverride()
    {
        // DeepSeek-V3's preset carries MLA (q_lora 1536, kv_lora 512, nope 128, rope 64, v 128).
        QJsonObject root = baseScenario();
        root.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("deepseek-v3")}});
        root = withValue(root, QStringLiteral("/cluster/parallelism"), QJsonValue(QJsonValue::Undefined));
        ScenarioReadResult r = readScenario(root, m_catalog);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.front().toString()));
        QVERIFY(r.scenario->model.isMla());
        QCOMPARE(r.scenario->model.kvLoraRank, 512);
        QCOMPARE(r.scenario->model.qkHeadDim(), 192);
        // A custom MLA model through model.mla; unknown keys there are refused.
        root.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("deepseek-v3")},
                                                        {QStringLiteral("mla"), QJsonObject{{QStringLiteral("kv_lora_rank"), 256}}}});
        r = readScenario(root, m_catalog);
        QCOMPARE(r.scenario->model.kvLoraRank, 256);
        root.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("deepseek-v3")},
                                                        {QStringLiteral("mla"), QJsonObject{{QStringLiteral("rank"), 256}}}});
        r = readScenario(root, m_catalog);
        QVERIFY(!r.scenario);
        QCOMPARE(r.errors.front().pointer, QStringLiteral("/model/mla/rank"));
    }

    void chipOverrideObject()
    {
        QJsonObject root = withValue(baseScenario(), QStringLiteral("/cluster/chip"),
                                     QJsonObject{{QStringLiteral("base"), QStringLiteral("nvidia-a100-sxm-80gb")},
                                                 {QStringLiteral("bf16_tflops"), 300},
                                                 {QStringLiteral("scale_up_gbps"), 300}});
        const ScenarioReadResult r = readScenario(root, m_catalog);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.scenario->chip.peakTflops(engine::Precision::Bf16).value(), 300.0);
        QCOMPARE(r.scenario->chip.scaleUpGbPerSecPerDirection, 300.0);
        QVERIFY(r.scenario->chipOverridden);
    }

    void sequencesToTokens()
    {
        QJsonObject root = withValue(baseScenario(), QStringLiteral("/training/global_batch_tokens"), QJsonValue(QJsonValue::Undefined));
        root = withValue(root, QStringLiteral("/training/global_batch_sequences"), 1536);
        const ScenarioReadResult r = readScenario(root, m_catalog);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.scenario->globalBatchTokens, 1536.0 * 2048);
    }

    void nullMfuMeansEstimate()
    {
        const ScenarioReadResult r = readScenario(withValue(baseScenario(), QStringLiteral("/training/mfu"), QJsonValue::Null), m_catalog);
        QVERIFY(r.errors.isEmpty());
        QVERIFY(!r.scenario->mfu);
    }

    // One row per class of bad input named in the issue: the pointer and the allowed range
    // must both be in the message.
    void badInput_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expectedPointer");
        QTest::addColumn<QString>("expectedText");
        const QJsonValue remove(QJsonValue::Undefined);
        QTest::newRow("missing-tokens") << "/training/tokens" << remove << "/training/tokens" << "is required";
        QTest::newRow("missing-model") << "/model" << remove << "/model" << "is required";
        QTest::newRow("missing-count") << "/cluster/count" << remove << "/cluster/count" << "is required";
        QTest::newRow("wrong-type-count") << "/cluster/count" << QJsonValue(QStringLiteral("1024")) << "/cluster/count" << "got \"1024\"";
        QTest::newRow("negative-count") << "/cluster/count" << QJsonValue(-4) << "/cluster/count" << "an integer in [1, 10000000], got -4";
        QTest::newRow("fractional-count") << "/cluster/count" << QJsonValue(10.5) << "/cluster/count" << "an integer";
        QTest::newRow("zero-tokens") << "/training/tokens" << QJsonValue(0) << "/training/tokens" << "[1000000, 1e+17]";
        QTest::newRow("absurd-params") << "/model/params" << QJsonValue(1e40) << "/model/params" << "got 1e+40";
        QTest::newRow("mfu-1.5") << "/training/mfu" << QJsonValue(1.5) << "/training/mfu" << "(0, 1], got 1.5";
        QTest::newRow("mfu-zero") << "/training/mfu" << QJsonValue(0) << "/training/mfu" << "(0, 1]";
        QTest::newRow("mfu-string") << "/training/mfu" << QJsonValue(QStringLiteral("high")) << "/training/mfu" << "got \"high\"";
        QTest::newRow("pue-below-1") << "/facility/pue" << QJsonValue(0.9) << "/facility/pue" << "[1, 5]";
        QTest::newRow("unknown-chip") << "/cluster/chip" << QJsonValue(QStringLiteral("nvidia-h900")) << "/cluster/chip" << "unknown chip \"nvidia-h900\"";
        QTest::newRow("unknown-preset") << "/model/preset" << QJsonValue(QStringLiteral("gpt5")) << "/model/preset" << "unknown model preset \"gpt5\"";
        QTest::newRow("parallelism-product") << "/cluster/parallelism/dp" << QJsonValue(8) << "/cluster/parallelism" << "= 512 must equal /cluster/count (1024)";
        QTest::newRow("unknown-field") << "/training/toknes" << QJsonValue(1e9) << "/training/toknes" << "unknown field";
        QTest::newRow("unsupported-precision") << "/training/precision" << QJsonValue(QStringLiteral("fp4")) << "/training/precision" << "no dense fp4 peak";
        QTest::newRow("unknown-precision") << "/training/precision" << QJsonValue(QStringLiteral("fp12")) << "/training/precision" << "must be one of";
        QTest::newRow("bad-recompute") << "/cluster/parallelism/recompute" << QJsonValue(QStringLiteral("some")) << "/cluster/parallelism/recompute" << "none, selective, full";
        QTest::newRow("zero-stage-4") << "/cluster/parallelism/zero" << QJsonValue(4) << "/cluster/parallelism/zero" << "[0, 3]";
        QTest::newRow("heads-not-dividing") << "/model/heads" << QJsonValue(100) << "/model/heads" << "must divide hidden";
        QTest::newRow("scale-up-beyond-chip") << "/cluster/scale_up_size" << QJsonValue(72) << "/cluster/scale_up_size" << "at most 8";
        QTest::newRow("wrong-schema") << "/schema" << QJsonValue(QStringLiteral("terahall.scenario/9")) << "/schema" << "terahall.scenario/1";
        QTest::newRow("etp-dense-model") << "/cluster/parallelism/etp" << QJsonValue(2) << "/cluster/parallelism/etp" << "mixture-of-experts";
        QTest::newRow("etp-zero") << "/cluster/parallelism/etp" << QJsonValue(0) << "/cluster/parallelism/etp" << "got 0";
        QTest::newRow("ep-dense-model") << "/cluster/parallelism/ep" << QJsonValue(2) << "/cluster/parallelism/ep" << "mixture-of-experts";
        QTest::newRow("cluster-not-object") << "/cluster" << QJsonValue(5) << "/cluster" << "must be an object";
    }
    void badInput()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedPointer);
        QFETCH(QString, expectedText);
        const ScenarioReadResult r = readScenario(withValue(baseScenario(), pointer, value), m_catalog);
        QVERIFY(!r.scenario);
        QVERIFY(!r.errors.isEmpty());
        bool found = false;
        QStringList all;
        for (const InputError &e : r.errors) {
            all << e.toString();
            if (e.pointer == expectedPointer && e.message.contains(expectedText))
                found = true;
        }
        QVERIFY2(found, qPrintable(all.join(QLatin1String(" | "))));
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated") << QByteArray("{\n \"model\": {\"params\": 7e9}\n") << QStringLiteral("malformed JSON at line 3");
        QTest::newRow("nan-literal") << QByteArray("{\"model\": {\"params\": NaN}}") << QStringLiteral("malformed JSON");
        QTest::newRow("array-root") << QByteArray("[1, 2]") << QStringLiteral("must be a JSON object");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("malformed JSON");
    }
    void malformedJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const ScenarioReadResult r = readScenario(json, m_catalog);
        QVERIFY(!r.scenario);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.front().message.contains(expected), qPrintable(r.errors.front().toString()));
    }

    void infiniteNumber()
    {
        // 1e999 overflows to infinity in the JSON parser: must be refused, not used.
        const QByteArray json = QJsonDocument(baseScenario()).toJson().replace("300000000000", "1e999");
        const ScenarioReadResult r = readScenario(json, m_catalog);
        QVERIFY(!r.scenario);
    }

    void allErrorsReportedAtOnce()
    {
        QJsonObject root = withValue(baseScenario(), QStringLiteral("/training/mfu"), 2.0);
        root = withValue(root, QStringLiteral("/cluster/count"), -1);
        const ScenarioReadResult r = readScenario(root, m_catalog);
        QVERIFY(r.errors.size() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestScenarioReader)
#include "tst_scenarioreader.moc"
