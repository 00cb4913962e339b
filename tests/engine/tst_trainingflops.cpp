// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/memoryfit.h"
#include "model/engine/trainingflops.h"
#include "tests/engine/enginefixtures.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

using namespace th::engine;

namespace {
/// GPT-3 175B (Brown et al. 2020), shared with the other engine tests.
ModelSpec gpt3()
{
    return th::test::gpt3_175b();
}
} // namespace

class TestTrainingFlops : public QObject
{
    Q_OBJECT
private slots:
    void sixND_data()
    {
        QTest::addColumn<double>("params");
        QTest::addColumn<double>("tokens");
        QTest::addColumn<double>("expected");
        // GPT-3 175B on 300B tokens: 3.15e23 FLOP (Brown et al. 2020 Table D.1 lists 3.14e23).
        QTest::newRow("gpt3-175b-300b") << 175e9 << 300e9 << 3.15e23;
        // Llama 3.1 405B on 15.6T tokens: 3.8e25 FLOP as reported by Meta (Llama 3 paper §3.1).
        QTest::newRow("llama3-405b-15.6t") << 405e9 << 15.6e12 << 3.7908e25;
        // DeepSeek-V3: 37B active of 671B, 14.8T tokens.
        QTest::newRow("deepseek-v3-active") << 37e9 << 14.8e12 << 3.2856e24;
    }
    void sixND()
    {
        QFETCH(double, params);
        QFETCH(double, tokens);
        QFETCH(double, expected);
        TH_FUZZY_COMPARE(trainingFlopsSixND(params, tokens), expected, 1e-9);
    }

    void megatronFormula()
    {
        // Narayanan et al. 2021 Table 1, GPT-3 175B row: B=1536, s=2048, l=96, h=12288, V=51200.
        // Hand arithmetic: 96*1536*2048*96*12288^2 = 4.3778e18; (1 + 2048/73728 + 51200/(16*96*12288))
        // = 1 + 0.027778 + 0.0027127 = 1.0304905 -> 4.5113e18 FLOP per iteration (with recompute; cross-check: 3.15M tokens x 6 x 175e9 = 3.3e18 model FLOP).
        const double withRecompute = megatronIterationFlops(1536, 2048, 96, 12288, 51200, true);
        TH_FUZZY_COMPARE(withRecompute, 4.5113e18, 1e-3);
        // Without recompute: 72*...*(1 + 0.027778 + 0.0036169) = 3.2834e18*1.0313947 = 3.3865e18.
        const double model = megatronIterationFlops(1536, 2048, 96, 12288, 51200, false);
        TH_FUZZY_COMPARE(model, 3.3865e18, 1e-3);
    }

    void architectureCountMatchesMegatron()
    {
        // For ffn = 4h, MHA, dense, the generalised count equals Megatron's 72-form per token.
        const ModelSpec m = gpt3();
        const double perIteration = megatronIterationFlops(1, 2048, 96, 12288, 51200, false);
        TH_FUZZY_COMPARE(modelFlopsPerToken(m) * 2048, perIteration, 1e-9);
        // And full recompute adds exactly one forward of the layers (96-form, logits not redone).
        const double hw = megatronIterationFlops(1, 2048, 96, 12288, 51200, true);
        TH_FUZZY_COMPARE(hardwareFlopsPerToken(m, Recompute::Full) * 2048, hw, 1e-9);
    }

    void sixNIsCloseForLargeModels()
    {
        // 6N ignores attention scores and counts embeddings: within ~5 % for GPT-3 at s = 2048.
        const ModelSpec m = gpt3();
        const double ratio = modelFlopsPerToken(m) / (6.0 * m.params);
        QVERIFY2(ratio > 1.0 && ratio < 1.06, QByteArray::number(ratio).constData());
    }

    void noArchitectureFallsBackToSixN()
    {
        ModelSpec m;
        m.params = 7e9;
        QCOMPARE(modelFlopsPerToken(m), 42e9);
        TH_FUZZY_COMPARE(hardwareFlopsPerToken(m, Recompute::Full), 56e9, 1e-12);
        QCOMPARE(hardwareFlopsPerToken(m, Recompute::Selective), 42e9);
    }

    void headDimOverride()
    {
        // Qwen3-32B: hidden 5120 but 64 heads x head_dim 128 = 8192 query width, 8 KV heads.
        // Attention params: Q and O 2*5120*8192 = 83,886,080; K and V 2*5120*1024 = 10,485,760;
        // MLP 3*5120*25600 = 393,216,000 -> 487,587,840 per layer.
        ModelSpec m;
        m.params = 32.8e9;
        m.layers = 64;
        m.hidden = 5120;
        m.ffnHidden = 25600;
        m.heads = 64;
        m.kvHeads = 8;
        m.headDimOverride = 128;
        m.seqLen = 4096;
        m.vocab = 151936;
        m.gatedMlp = true;
        QCOMPARE(m.queryDim(), 8192);
        QCOMPARE(activeMatmulParamsPerLayer(m, false), 487587840.0);
        // x64 layers + untied embeddings 2*151936*5120 = 32.76e9, the published 32.8B.
        TH_FUZZY_COMPARE(64 * activeMatmulParamsPerLayer(m, false) + 2.0 * 151936 * 5120, 32.8e9, 0.01);
    }

    void moeUsesActiveExperts()
    {
        // Mixtral 8x7B: h 4096, 32 layers, ffn 14336 (gated), 8 experts top-2, 32 heads, 8 kv heads.
        ModelSpec m = th::test::mixtralLike(); // Mixtral 8x7B
        m.params = 46.7e9;
        m.activeParams = 12.9e9;
        // Per layer: attention 2*4096^2 + 2*4096*1024 = 41,943,040; experts 2*3*4096*14336 =
        // 352,321,536; router 4096*8 = 32,768 -> 394,297,344 active matmul params.
        QCOMPARE(activeMatmulParamsPerLayer(m, true), 394297344.0);
        // x32 layers = 12.62e9 + embeddings 2*32000*4096 = 0.26e9 -> ~12.9e9 = published active.
        TH_FUZZY_COMPARE(32 * activeMatmulParamsPerLayer(m, true) + 2.0 * 32000 * 4096, 12.9e9, 0.01);
    }

    void deepSeekV3MultiHeadLatentAttention()
    {
        // DeepSeek-V3 (arXiv:2412.19437 §4.2 and config.json): h 7168, 61 layers (3 dense of
        // ffn 18432), 128 heads with MLA (q_lora_rank 1536, kv_lora_rank 512, qk_nope 128,
        // qk_rope 64, v 128), 256 routed experts of 2048 top-8 + 1 shared, vocab 129280.
        const ModelSpec m = th::test::deepseekV3Like();
        QVERIFY(m.isMla());
        QCOMPARE(m.qkHeadDim(), 192);
        QCOMPARE(m.valueHeadDim(), 128);
        // Hand count (DeepSeek-V2 §2.1): W^DQ 7168*1536 = 11,010,048; W^UQ 1536*128*192 =
        // 37,748,736; [W^DKV; W^KR] 7168*(512+64) = 4,128,768; W^UK,W^UV 512*128*(128+128) =
        // 16,777,216; W^O 128*128*7168 = 117,440,512 -> 187,105,280.
        QCOMPARE(attentionMatmulParamsPerLayer(m), 187105280.0);
        // MoE layer: 9 active experts * 3*7168*2048 = 396,361,728 + router 7168*256 = 1,835,008.
        QCOMPARE(activeMatmulParamsPerLayer(m, true), 187105280.0 + 396361728.0 + 1835008.0);
        // Dense layer: 3*7168*18432 = 396,361,728.
        QCOMPARE(activeMatmulParamsPerLayer(m, false), 187105280.0 + 396361728.0);
        // Active: 58 MoE + 3 dense layers + untied embeddings 2*129280*7168 = 37.55e9 (published
        // 37B, main model without the MTP module): within 2 %.
        const double active = 58 * activeMatmulParamsPerLayer(m, true) + 3 * activeMatmulParamsPerLayer(m, false)
                              + 2.0 * 129280 * 7168;
        TH_FUZZY_COMPARE(active, 37.551276032e9, 1e-9);
        TH_FUZZY_COMPARE(active, 37e9, 0.02);
        // Total: 257 experts per MoE layer (3*7168*2048 = 44,040,192 each) -> 671.0e9 (published
        // 671B main model), counted by the memory model with unit scaling (params = 0).
        ModelSpec unscaled = m;
        unscaled.params = 0.0;
        const ParamsPerChip all = paramsPerChip(unscaled, Parallelism{});
        TH_FUZZY_COMPARE(all.dense + all.expert, 671.025e9, 0.001);
        // Attention core per token per layer forward: 2 s heads (192 + 128) = 335,544,320 FLOP
        // (standard MHA with head width 56 would give 4 s h = 117,440,512).
        QCOMPARE(attentionCoreFlopsPerTokenPerLayer(m), 2.0 * 4096 * 128 * 320);
        // Model FLOP per token (Megatron convention, non-causal s^2 term): 3 x (2 x active matmul
        // params without the input embedding + 61 x attention core).
        const double expected = 3.0 * (2.0 * (active - 129280.0 * 7168) + 61 * 2.0 * 4096 * 128 * 320);
        TH_FUZZY_COMPARE(modelFlopsPerToken(m), expected, 1e-9);
    }

    void slidingWindowAttention()
    {
        // GPT-OSS-120B: 64 heads of 64, alternate layers with a 128-token window (OpenAI model
        // card). Keys per query averaged over layers: 0.5*4096 + 0.5*128 = 2112.
        ModelSpec m;
        m.layers = 36;
        m.hidden = 2880;
        m.heads = 64;
        m.kvHeads = 8;
        m.headDimOverride = 64;
        m.seqLen = 4096;
        m.vocab = 201088;
        QCOMPARE(attentionCoreFlopsPerTokenPerLayer(m), 4.0 * 4096 * 4096); // full: 4 s q
        m.slidingWindow = 128;
        QCOMPARE(m.windowedLayerShare(), 1.0); // a window without a fraction: every layer
        QCOMPARE(attentionCoreFlopsPerTokenPerLayer(m), 4.0 * 128 * 4096);
        m.slidingWindowLayerFraction = 0.5;
        QCOMPARE(attentionCoreFlopsPerTokenPerLayer(m), 2.0 * 2112 * 64 * 128);
        // A window longer than the sequence is full attention.
        m.slidingWindow = 8192;
        QCOMPARE(attentionCoreFlopsPerTokenPerLayer(m), 4.0 * 4096 * 4096);
    }
};

QTEST_GUILESS_MAIN(TestTrainingFlops)
#include "tst_trainingflops.moc"
