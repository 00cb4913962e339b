// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/engine/calibrationcases.h"

#include "model/engine/chipcalibration.h"
#include "model/engine/frameworkprofiles.h"
#include "model/engine/trainingflops.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace th::engine;

namespace th::test {

namespace {

// ---------------------------------------------------------------------------------------------
// Chips. Values from /work/shared/data/chip-specs-reference.json (dense peaks, memory, HBM
// bandwidth, scale-up per direction); A100 40GB from the A100 datasheet (1,555 GB/s);
// GB300 per GPU from the GB300 NVL72 system row (360 PF FP8 / 72 = 5 PF; 1.1 EF FP4 / 72;
// 20 TB / 72 HBM). TDP per GPU (the power limit, ChipCalibration::referenceWattsPerTflops):
// A100 400 W, H100 700 W, HGX B200 1,000 W, HGX B300 1,100 W, GB200 1,200 W, GB300 1,400 W
// (NVIDIA datasheets, data/catalog/chips.csv). NIC per GPU: DGX A100/H100/B200 and GB200 ConnectX-7 400 Gb/s (Selene and
// the MosaicML A100 clusters: 200 Gb/s per GPU, "1600 Gbps node-node" / 8), B300/GB300
// ConnectX-8 800 Gb/s.
struct TestChip
{
    ChipSpec spec;
    ArchitectureClass cls;
    int scaleUpSize;
    double nicGbitPerSec;
};

ChipSpec makeChip(const char *id, double bf16, std::optional<double> fp8, std::optional<double> fp4,
                  double memGib, double hbmTbps, double upGbPerDir, int domain, double tdpW)
{
    ChipSpec c;
    c.id = id;
    c.tdpW = tdpW;
    c.denseTflops[static_cast<std::size_t>(Precision::Bf16)] = bf16;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp16)] = bf16;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp8)] = fp8;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp4)] = fp4;
    c.memoryGib = memGib;
    c.memoryBandwidthTbps = hbmTbps;
    c.scaleUpGbPerSecPerDirection = upGbPerDir;
    c.scaleUpDomainMax = domain;
    return c;
}

const std::map<std::string, TestChip> &chips()
{
    static const std::map<std::string, TestChip> table = {
        {"a100-80", {makeChip("a100-80", 312, {}, {}, 80, 2.039, 300, 8, 400), ArchitectureClass::NvidiaAmpere, 8, 200}},
        {"a100-40", {makeChip("a100-40", 312, {}, {}, 40, 1.555, 300, 8, 400), ArchitectureClass::NvidiaAmpere, 8, 200}},
        {"h100", {makeChip("h100", 989.4, 1978.9, {}, 80, 3.35, 450, 8, 700), ArchitectureClass::NvidiaHopper, 8, 400}},
        {"b200", {makeChip("b200", 2250, 4500, 9000, 180, 8.0, 900, 8, 1000), ArchitectureClass::NvidiaBlackwell, 8, 400}},
        {"b300", {makeChip("b300", 2250, 4500, 13125, 288, 8.0, 900, 8, 1100), ArchitectureClass::NvidiaBlackwell, 8, 800}},
        {"gb200", {makeChip("gb200", 2500, 5000, 10000, 186, 8.0, 900, 72, 1200), ArchitectureClass::NvidiaBlackwell, 72, 400}},
        {"gb300", {makeChip("gb300", 2500, 5000, 15000, 278, 8.0, 900, 72, 1400), ArchitectureClass::NvidiaBlackwell, 72, 800}},
    };
    return table;
}

// ---------------------------------------------------------------------------------------------
// Models of the Megatron-Bridge and llm-foundry tables (public model cards / configs).
ModelSpec dense(const char *id, double params, int layers, int hidden, int ffn, int heads, int kv,
                int vocab, bool gated)
{
    ModelSpec m;
    m.id = id;
    m.params = params;
    m.layers = layers;
    m.hidden = hidden;
    m.ffnHidden = ffn;
    m.heads = heads;
    m.kvHeads = kv;
    m.vocab = vocab;
    m.gatedMlp = gated;
    // Llama 3, Qwen3, GPT-OSS, DeepSeek-V3, Kimi K2 and MPT are trained without dropout (released
    // configs: attention_dropout 0.0; llm-foundry mpt yamls attn_pdrop/resid_pdrop/emb_pdrop 0.0).
    m.dropout = false;
    return m;
}

ModelSpec moe(const char *id, double params, double active, int layers, int hidden, int denseFfn,
              int heads, int kv, int vocab, int experts, int topK, int shared, int moeFfn, int denseLayers)
{
    ModelSpec m = dense(id, params, layers, hidden, denseFfn, heads, kv, vocab, true);
    m.activeParams = active;
    m.experts = experts;
    m.topK = topK;
    m.sharedExperts = shared;
    m.moeFfnHidden = moeFfn;
    m.denseLayers = denseLayers;
    return m;
}

std::optional<ModelSpec> bridgeModel(const std::string &name)
{
    // Llama 3 / 3.1 (Meta model cards); Qwen3 (Qwen3 technical report, Table 1-2; q heads have
    // head_dim 128 > hidden/heads: ModelSpec::headDimOverride); GPT-OSS 120B (OpenAI model card: 36 layers, 2880 hidden, 64 q / 8 kv heads,
    // 128 experts top-4, 117 B total, 5.1 B active); DeepSeek-V3 (arXiv:2412.19437 §4.2: 61
    // layers, 7168 hidden, 128 heads with MLA, 3 dense layers of 18432, 256
    // routed experts of 2048 top-8 + 1 shared); Kimi K2 (Moonshot tech report: DeepSeek-V3
    // shape with 384 experts, 64 heads, 1 dense layer, 1.04 T total, 32 B active).
    if (name == "LLAMA3_70B")
        return dense("llama3-70b", 70.6e9, 80, 8192, 28672, 64, 8, 128256, true);
    if (name == "LLAMA3.1_405B")
        return dense("llama3.1-405b", 405.9e9, 126, 16384, 53248, 128, 8, 128256, true);
    const auto withHeadDim = [](ModelSpec m, int headDim) {
        m.headDimOverride = headDim;
        return m;
    };
    if (name == "Qwen3_30B_a3B")
        return withHeadDim(moe("qwen3-30b-a3b", 30.5e9, 3.3e9, 48, 2048, 6144, 32, 4, 151936, 128, 8, 0, 768, 0), 128);
    if (name == "Qwen3_235B_a22B")
        return withHeadDim(moe("qwen3-235b-a22b", 235e9, 22e9, 94, 4096, 12288, 64, 4, 151936, 128, 8, 0, 1536, 0), 128);
    if (name == "GPT OSS 120B") {
        // Alternating 128-token sliding-window and full causal layers (OpenAI model card;
        // Megatron-Bridge GPT-OSS docs). The attention sinks are a per-head softmax bias: no
        // FLOP, not modelled.
        ModelSpec m = withHeadDim(moe("gpt-oss-120b", 116.8e9, 5.1e9, 36, 2880, 2880, 64, 8, 201088, 128, 4, 0, 2880, 0), 64);
        m.slidingWindow = 128;
        m.slidingWindowLayerFraction = 0.5;
        return m;
    }
    // Multi-head latent attention (DeepSeek-V3 / Kimi K2 config.json: q_lora_rank 1536,
    // kv_lora_rank 512, qk_nope_head_dim 128, qk_rope_head_dim 64, v_head_dim 128).
    const auto withMla = [](ModelSpec m) {
        m.qLoraRank = 1536;
        m.kvLoraRank = 512;
        m.qkNopeHeadDim = 128;
        m.qkRopeHeadDim = 64;
        m.vHeadDim = 128;
        return m;
    };
    if (name == "DeepSeekV3")
        return withMla(moe("deepseek-v3", 671e9, 37e9, 61, 7168, 18432, 128, 128, 129280, 256, 8, 1, 2048, 3));
    if (name == "Kimi_K2")
        return withMla(moe("kimi-k2", 1040e9, 32.6e9, 61, 7168, 18432, 64, 64, 163840, 384, 8, 1, 2048, 1));
    return std::nullopt;
}

std::optional<ModelSpec> mptModel(const std::string &name, double numParams)
{
    // llm-foundry scripts/train/yamls/pretrain/mpt-*.yaml: d_model, n_heads, n_layers,
    // expansion_ratio 4, vocab 50368, tied embeddings (NumParams from the table).
    struct Shape { int hidden, heads, layers; };
    static const std::map<std::string, Shape> shapes = {
        {"125m", {768, 12, 12}},   {"350m", {1024, 16, 24}}, {"760m", {1536, 12, 24}},
        {"1b", {2048, 16, 24}},    {"3b", {2560, 20, 32}},   {"7b", {4096, 32, 32}},
        {"13b", {5120, 40, 40}},   {"30b", {7168, 64, 48}},  {"70b", {8192, 64, 80}},
    };
    const auto it = shapes.find(name);
    if (it == shapes.end())
        return std::nullopt;
    ModelSpec m = dense(("mpt-" + name).c_str(), numParams, it->second.layers, it->second.hidden,
                        4 * it->second.hidden, it->second.heads, 0, 50368, false);
    return m;
}

QJsonDocument readJson(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll());
}

std::string str(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().toStdString();
    if (v.isDouble())
        return std::to_string(v.toDouble());
    return {};
}

double num(const QJsonValue &v, double fallback = 0.0)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        return ok ? d : fallback;
    }
    return fallback;
}

PerformanceInputs baseInputs(const TestChip &chip)
{
    PerformanceInputs in;
    in.chip = chip.spec;
    in.calibration = defaultCalibration(chip.cls);
    in.scaleUpSize = chip.scaleUpSize;
    in.scaleOutGbitPerSecPerChip = chip.nicGbitPerSec;
    return in;
}

// The framework profiles live in the engine (model/engine/frameworkprofiles.h) so that the
// product predicts with exactly the settings the calibration was fitted with.
FrameworkOptions nemoFramework()
{
    return modernFramework();
}

void addPublishedRuns(const std::string &dir, std::vector<CalibrationCase> &out)
{
    const QJsonArray rows = readJson(dir + "/published-runs.json").array();
    for (const QJsonValue &rv : rows) {
        const QJsonObject r = rv.toObject();
        const QJsonObject par = r[QLatin1String("parallelism")].toObject();
        const QJsonObject thr = r[QLatin1String("throughput")].toObject();
        CalibrationCase c;
        c.id = str(r[QLatin1String("id")]);
        c.source = "published-runs";
        c.chipKey = "a100-80";
        c.modelKey = str(r[QLatin1String("model")]);
        const bool korthikanti = c.id.rfind("korthikanti", 0) == 0;
        if (r[QLatin1String("layers")].isNull() || r[QLatin1String("global_batch_sequences")].isNull()) {
            c.excludedReason = "architecture and global batch not given";
            out.push_back(c);
            continue;
        }
        PerformanceInputs in = baseInputs(chips().at(c.chipKey));
        ModelSpec &m = in.model;
        m.id = c.id;
        m.params = num(r[QLatin1String("params_total")]);
        m.layers = int(num(r[QLatin1String("layers")]));
        m.hidden = int(num(r[QLatin1String("hidden")]));
        m.ffnHidden = int(num(r[QLatin1String("ffn_hidden")], 0.0));
        m.heads = int(num(r[QLatin1String("heads")]));
        m.seqLen = int(num(r[QLatin1String("seq_len")]));
        m.vocab = int(num(r[QLatin1String("vocab")]));
        m.dropout = true; // GPT-3-style Megatron-LM runs: hidden and attention dropout 0.1
        const double gbs = num(r[QLatin1String("global_batch_sequences")]);
        in.globalBatchTokens = gbs * m.seqLen;
        in.chipCount = static_cast<long long>(num(r[QLatin1String("chip_count")]));
        in.precision = Precision::Fp16;
        in.framework = megatron2021Framework();
        Parallelism &p = in.parallelism;
        p.tp = int(num(par[QLatin1String("tp")], 1));
        p.pp = int(num(par[QLatin1String("pp")], 1));
        p.dp = int(num(par[QLatin1String("dp")], 1));
        p.interleave = int(num(par[QLatin1String("vpp")], 1));
        p.zeroStage = 0;
        p.sequenceParallel = korthikanti;
        const double chipsCount = static_cast<double>(in.chipCount);
        if (korthikanti) {
            // Selective recompute + sequence parallelism, micro-batch stated; the paper's
            // full-recompute baseline iteration times (notes) are separate rows below.
            const double mbs = num(par[QLatin1String("micro_batch")], 1);
            c.microBatchChoices = {int(mbs)};
            c.recomputeChoices = {Recompute::Selective};
            const double iter = num(thr[QLatin1String("iteration_time_s")]);
            c.publishedTokensPerSecondPerChip = in.globalBatchTokens / iter / chipsCount;
            c.publishedNote = "iteration time (measured)";
            c.inputs = in;
            out.push_back(c);
            // Full-recompute baseline: "iteration time full recompute X s vs Y s" in notes.
            const QString notes = r[QLatin1String("notes")].toString();
            const int at = notes.indexOf(QLatin1String("full recompute "));
            if (at >= 0) {
                const QString rest = notes.mid(at + 15);
                bool ok = false;
                const double fullIter = rest.section(QLatin1Char(' '), 0, 0).toDouble(&ok);
                if (ok) {
                    CalibrationCase f = c;
                    f.id = c.id + "-full-recompute";
                    f.inputs.parallelism.sequenceParallel = false;
                    f.recomputeChoices = {Recompute::Full};
                    f.publishedTokensPerSecondPerChip = in.globalBatchTokens / fullIter / chipsCount;
                    f.publishedNote = "iteration time, full recompute baseline (notes)";
                    out.push_back(f);
                }
            }
            continue;
        }
        // Megatron-LM 2021 weak scaling: TFLOP/s per GPU by the 96 B s l h^2 formula (full
        // recompute counted, Narayanan et al. 2021 §5.1) -> tokens/s per GPU. Micro-batch unknown.
        const double flopPerIter = megatronIterationFlops(gbs, m.seqLen, m.layers, m.hidden, m.vocab, true);
        const double tflops = num(thr[QLatin1String("tflops_per_gpu")]);
        c.publishedTokensPerSecondPerChip = tflops * 1e12 / (flopPerIter / in.globalBatchTokens);
        c.publishedNote = "TFLOP/s per GPU incl. recompute (96BslH^2)";
        c.microBatchChoices = {1, 2, 4, 8};
        c.recomputeChoices = {Recompute::Full};
        c.inputs = in;
        out.push_back(c);
    }
}

int releaseRank(const std::string &release)
{
    // "26.04.01 NeMo Container" -> 260401
    int a = 0, b = 0, d = 0;
    std::sscanf(release.c_str(), "%d.%d.%d", &a, &b, &d);
    return a * 10000 + b * 100 + d;
}

void addMegatronBridge(const std::string &dir, std::vector<CalibrationCase> &out, bool allReleases)
{
    const QJsonArray rows = readJson(dir + "/megatron_bridge_perf_summary.json").object()[QLatin1String("rows")].toArray();
    const std::map<std::string, std::string> systems = {
        {"DGX-H100", "h100"}, {"DGX-B200", "b200"}, {"DGX-B300", "b300"},
        {"DGX-GB200", "gb200"}, {"DGX-GB300", "gb300"}};
    // Newest release per identical configuration: the older releases of the same configuration
    // measure older software and are superseded.
    using Key = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string,
                           std::string, std::string, std::string, std::string, std::string, std::string>;
    const auto keyOf = [](const QJsonObject &r) {
        const auto s = [&](const char *k) { return str(r[QLatin1String(k)]); };
        return Key{s("model"), s("kind"), s("System"), s("#-GPUs"), s("Precision"), s("GBS"), s("MBS"),
                   s("Sequence Length"), s("TP"), s("PP"), s("CP"), s("VP") + "/" + s("EP") + "/" + (s("FSDP") == "64" ? "fsdp" : "")};
    };
    std::map<Key, int> newest;
    // Newest software generation per model, system, precision and scale: older containers ran
    // older kernels and recipes (the same configuration gained up to 1.5x between 26.02 and
    // 26.08); the model describes current software.
    using Generation = std::tuple<std::string, std::string, std::string, std::string, std::string>;
    std::map<Generation, int> newestGeneration;
    const auto generationOf = [](const QJsonObject &r) {
        const auto s = [&](const char *k) { return str(r[QLatin1String(k)]); };
        return Generation{s("model"), s("kind"), s("System"), s("Precision"), s("#-GPUs")};
    };
    for (const QJsonValue &rv : rows) {
        const QJsonObject r = rv.toObject();
        auto &best = newest[keyOf(r)];
        best = std::max(best, releaseRank(str(r[QLatin1String("release")])));
        auto &gen = newestGeneration[generationOf(r)];
        gen = std::max(gen, releaseRank(str(r[QLatin1String("release")])));
    }
    int index = 0;
    for (const QJsonValue &rv : rows) {
        const QJsonObject r = rv.toObject();
        const auto s = [&](const char *k) { return str(r[QLatin1String(k)]); };
        CalibrationCase c;
        c.source = "megatron-bridge";
        c.modelKey = s("model");
        c.id = "bridge-" + std::to_string(index++) + "-" + s("model") + "-" + s("System") + "-" + s("#-GPUs")
               + "-" + s("Precision") + "-" + s("release").substr(0, 8);
        std::replace(c.id.begin(), c.id.end(), ' ', '_');
        c.publishedNote = "Tokens/s/GPU (" + s("release") + ")";
        c.publishedTokensPerSecondPerChip = num(r[QLatin1String("Tokens / sec / GPU")]);
        const auto sys = systems.find(s("System"));
        const auto model = bridgeModel(s("model"));
        if (s("kind") != "Pre-Training Performance")
            c.excludedReason = "fine-tuning (" + s("kind") + "): not pre-training";
        else if (!model)
            c.excludedReason = "architecture not representable/known (hybrid Mamba or unpublished)";
        else if (sys == systems.end())
            c.excludedReason = "unknown system";
        else if (s("Model TFLOP / sec / GPU").find('[') != std::string::npos)
            c.excludedReason = "footnoted figure in the source table";
        else if (!allReleases && releaseRank(s("release")) < newest[keyOf(r)])
            c.excludedReason = "superseded by a newer release of the same configuration";
        else if (!allReleases && releaseRank(s("release")) < newestGeneration[generationOf(r)])
            c.excludedReason = "older software release than the newest one for this model, system and precision";
        if (!c.excludedReason.empty()) {
            out.push_back(c);
            continue;
        }
        c.chipKey = sys->second;
        c.releaseGroup = s("model") + "|" + s("Precision") + "|" + s("release");
        PerformanceInputs in = baseInputs(chips().at(c.chipKey));
        in.model = *model;
        c.moe = in.model.isMoe();
        // MLA (DeepSeek-V3, Kimi K2), Qwen3's head width and GPT-OSS's sliding window are
        // represented; GPT-OSS's attention sinks are not.
        c.approximateArchitecture = s("model") == "GPT OSS 120B";
        in.model.seqLen = int(num(r[QLatin1String("Sequence Length")]));
        in.globalBatchTokens = num(r[QLatin1String("GBS")]) * in.model.seqLen;
        in.chipCount = static_cast<long long>(num(r[QLatin1String("#-GPUs")]));
        const std::string prec = s("Precision");
        in.precision = prec == "BF16" ? Precision::Bf16 : prec == "NVFP4" ? Precision::Fp4 : Precision::Fp8;
        in.framework = nemoFramework();
        // The Qwen3 performance presets set no flex dispatcher backend (Megatron-Bridge
        // scripts/performance/configs/qwen3/workload_base_configs.py: no
        // moe_flex_dispatcher_backend, whose plugin default is None), so Qwen3 runs Megatron-Core's
        // plain all-to-all dispatcher: one copy per routed expert, no per-domain deduplication.
        // It matters only where EP leaves the scale-up domain (Qwen3-30B on 2 x DGX-H100, EP 16).
        if (s("model").rfind("Qwen3", 0) == 0)
            in.framework.moeDedupAcrossDomains = false;
        // DeepSeek-V3 MXFP8 presets turn on Megatron-Core's EP all-to-all overlap on every
        // Blackwell system (`moe_a2a_overlap=True` in DEEPSEEK_V3_PRETRAIN_CONFIG_{GB300,GB200,
        // B300,B200}_FP8_MX, scripts/performance/configs/deepseek/deepseek_workload_base_configs.py;
        // the B200 preset is the published EP 32 / PP 8 / VP 2 layout): dispatch and combine of
        // one micro-batch run under the other's compute (`overlap_moe_expert_parallel_comm`), so
        // all of it is overlapped (the interference share remains).
        if (s("model") == "DeepSeekV3" && prec == "MXFP8")
            in.framework.epCommOverlapFraction = 1.0;
        // Likewise the Qwen3-235B H100 presets (`moe_a2a_overlap=True` in
        // QWEN3_235B_A22B_PRETRAIN_CONFIG_H100_{BF16,FP8_CS}_V1,
        // scripts/performance/configs/qwen/qwen3_workload_base_configs.py; the Blackwell presets
        // of the same file set it False or use the HybridEP flex dispatcher).
        if (s("model") == "Qwen3_235B_a22B" && s("System") == "DGX-H100")
            in.framework.epCommOverlapFraction = 1.0;
        Parallelism &p = in.parallelism;
        p.tp = int(num(r[QLatin1String("TP")], 1));
        p.pp = int(num(r[QLatin1String("PP")], 1));
        p.cp = int(num(r[QLatin1String("CP")], 1));
        p.ep = int(num(r[QLatin1String("EP")], 1));
        // The summary table has no expert-TP column. The Qwen3 performance presets set
        // expert_tensor_parallel_size=1 (BASE_QWEN3_235B_A22B_CONFIG and the 30B/Next bases in
        // Megatron-Bridge scripts/performance/configs/qwen/qwen3_workload_base_configs.py), which
        // lets the H100 preset run EP 32 over TP 2 x DP 16 (parallel folding). Every other MoE row
        // of the table runs TP 1, where etp = tp = 1 either way.
        if (s("model").rfind("Qwen3", 0) == 0)
            p.etp = 1;
        p.interleave = int(num(r[QLatin1String("VP")], 1));
        p.dp = int(in.chipCount / (static_cast<long long>(p.tp) * p.pp * p.cp));
        p.sequenceParallel = p.tp > 1;
        p.zeroStage = num(r[QLatin1String("FSDP")], 0) > 0 ? 3 : 1; // Megatron-FSDP or distributed optimizer
        c.microBatchChoices = {int(num(r[QLatin1String("MBS")], 1))};
        // Recompute is not stated: the fastest of none and selective (module recompute of norms,
        // MLA up-projections and MoE activations, which FlashAttention makes the only selective
        // recompute) that fits, as for every unstated knob.
        c.recomputeChoices = {Recompute::None, Recompute::Selective};
        c.inputs = in;
        out.push_back(c);
    }
}

void addLlmFoundry(const std::string &dir, std::vector<CalibrationCase> &out)
{
    const QJsonArray rows = readJson(dir + "/llmfoundry_mpt_benchmarks.json").object()[QLatin1String("rows")].toArray();
    int index = 0;
    for (const QJsonValue &rv : rows) {
        const QJsonObject r = rv.toObject();
        const auto s = [&](const char *k) { return str(r[QLatin1String(k)]); };
        CalibrationCase c;
        c.source = "llm-foundry";
        const std::string gpu = s("GPU");
        c.chipKey = gpu == "h100_80gb" ? "h100" : gpu == "a100_80gb" ? "a100-80" : gpu == "a100_40gb" ? "a100-40" : "";
        c.modelKey = "mpt-" + s("Model");
        const double seq = num(r[QLatin1String("SeqLen (T)")]);
        const double gpus = num(r[QLatin1String("# GPUs")]);
        c.id = "foundry-" + std::to_string(index++) + "-mpt-" + s("Model") + "-" + gpu + "-" + std::to_string(int(gpus))
               + "gpu-s" + std::to_string(int(seq)) + "-" + s("Precision");
        c.publishedNote = "Throughput T/s/GPU (MFU " + s("MFU") + " %)";
        c.publishedTokensPerSecondPerChip = num(r[QLatin1String("Throughput (T/s/GPU)")]);
        const auto model = mptModel(s("Model"), num(r[QLatin1String("NumParams")]));
        if (c.chipKey.empty() || !model) {
            c.excludedReason = "unknown chip or model";
            out.push_back(c);
            continue;
        }
        PerformanceInputs in = baseInputs(chips().at(c.chipKey));
        in.model = *model;
        in.model.seqLen = int(seq);
        in.globalBatchTokens = num(r[QLatin1String("GlobalBatchSize")]) * seq;
        in.chipCount = static_cast<long long>(gpus);
        in.precision = s("Precision") == "amp_fp8" ? Precision::Fp8 : Precision::Bf16;
        // Composer FSDP: FlashAttention, backward prefetch; DEFAULT mixed precision reduces
        // gradients in fp32, PURE in bf16.
        in.framework.flashAttention = true;
        in.framework.causalAttentionSkip = false; // MPT's Triton kernel with ALiBi bias
        in.framework.overlapGradReduce = true;
        in.framework.gradReduceBytesPerParam = s("MP Mode") == "PURE" ? 2.0 : 4.0;
        // FSDP reduces (and with FULL_SHARD gathers) per FSDP unit; llm-foundry wraps every
        // MPTBlock (MPTModel.fsdp_wrap_fn), so a "bucket" is one layer's parameters.
        in.framework.gradBucketParams = model->params / model->layers;
        // Composer / llm-foundry 2023 on PyTorch 2.0-2.1 with the default (fixed-segment)
        // caching allocator (FrameworkOptions::allocatorPressureSlowdown).
        in.framework.allocatorPressureSlowdown = megatron2021Framework().allocatorPressureSlowdown;
        Parallelism &p = in.parallelism;
        p.tp = 1;
        p.pp = 1;
        p.cp = 1;
        p.dp = int(gpus);
        p.sequenceParallel = false;
        p.zeroStage = s("Sharding Strategy") == "SHARD_GRAD_OP" ? 2 : 3;
        c.microBatchChoices = {int(num(r[QLatin1String("MicroBatchSize")], 1))};
        c.recomputeChoices = {s("Activation Checkpointing") == "True" ? Recompute::Full : Recompute::None};
        c.inputs = in;
        out.push_back(c);
    }
}

} // namespace

std::vector<CalibrationCase> loadCalibrationCases(const std::string &testDataDir, bool allReleases)
{
    std::vector<CalibrationCase> out;
    addPublishedRuns(testDataDir, out);
    // TH_CALIBRATION_ALL_RELEASES=1 does the same for the report (docs/validation.md, "Method").
    addMegatronBridge(testDataDir, out, allReleases || std::getenv("TH_CALIBRATION_ALL_RELEASES") != nullptr);
    addLlmFoundry(testDataDir, out);
    for (CalibrationCase &c : out) {
        if (c.excludedReason.empty() && c.publishedTokensPerSecondPerChip > 0.0) {
            const PerformanceInputs &in = c.inputs;
            c.publishedMfu = 6.0 * in.model.effectiveActiveParams() * c.publishedTokensPerSecondPerChip
                             / in.chip.peakFlopsPerSecond(in.precision);
        }
    }
    return out;
}

namespace {
/// Fitting hook (docs/validation.md, "Method"): TH_CALIBRATION_OVERRIDE="nvidia-hopper:plateau=0.7,
/// attention=0.4;nvidia-ampere:overhead=5e-5" replaces class parameters for every row of that class;
/// a group named after a test chip ("gb200:plateau=0.7") only for the rows on that chip.
void applyOverride(PerformanceInputs &in, ArchitectureClass cls, const std::string &chipKey, const std::string &modelKey)
{
    const char *env = std::getenv("TH_CALIBRATION_OVERRIDE");
    if (!env)
        return;
    const QString all = QString::fromLatin1(env);
    for (const QString &group : all.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString name = group.section(QLatin1Char(':'), 0, 0);
        if (name.toStdString() != std::string(architectureClassKey(cls)) && name.toStdString() != chipKey
            && name.toStdString() != "model-" + modelKey)
            continue;
        for (const QString &kv : group.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString k = kv.section(QLatin1Char('='), 0, 0);
            const double v = kv.section(QLatin1Char('='), 1).toDouble();
            ChipCalibration &cal = in.calibration;
            if (k == QLatin1String("plateau")) {
                double best = 0.0;
                for (int i = 0; i < cal.matmul.count; ++i)
                    best = std::max(best, cal.matmul.points[static_cast<std::size_t>(i)].efficiency);
                cal.matmul = cal.matmul.scaled(v / best);
            } else if (k == QLatin1String("attention")) {
                cal.attentionEfficiency = v;
            } else if (k == QLatin1String("overhead")) {
                cal.overheadPerLayerSeconds = v;
            } else if (k == QLatin1String("lowprec")) {
                cal.lowPrecisionMatmulFactor = v;
            } else if (k == QLatin1String("fp4")) {
                cal.fp4MatmulFactor = v;
            } else if (k == QLatin1String("hbm")) {
                cal.hbmEfficiency = v;
            } else if (k == QLatin1String("up")) {
                cal.scaleUpEfficiency = v;
            } else if (k == QLatin1String("out")) {
                cal.scaleOutEfficiency = v;
            } else if (k == QLatin1String("imbalance")) {
                in.framework.moeLoadImbalance = v;
            } else if (k == QLatin1String("pressure")) {
                if (in.framework.allocatorPressureSlowdown > 0.0) // rows whose software had the legacy allocator
                    in.framework.allocatorPressureSlowdown = v;
            } else if (k == QLatin1String("onset")) {
                in.framework.allocatorPressureOnset = v;
            } else if (k == QLatin1String("powerref")) {
                cal.referenceWattsPerTflops = v;
            } else if (k == QLatin1String("outlatency")) {
                cal.scaleOutLatencySeconds = v;
            } else if (k == QLatin1String("uplatency")) {
                cal.scaleUpLatencySeconds = v;
            } else if (k == QLatin1String("epoverlap")) {
                in.framework.epCommOverlapFraction = v;
            } else if (k == QLatin1String("interference")) {
                cal.overlapInterference = v;
            }
        }
    }
}
} // namespace

CalibrationResult evaluateCase(const CalibrationCase &c)
{
    CalibrationResult best;
    bool found = false;
    PerformanceInputs in = c.inputs;
    applyOverride(in, chips().at(c.chipKey).cls, c.chipKey, c.modelKey);
    for (const bool enforce : {true, false}) {
        in.framework.enforceMemoryFit = enforce;
        for (int mb : c.microBatchChoices) {
            for (Recompute rc : c.recomputeChoices) {
                in.parallelism.microBatch = mb;
                in.parallelism.recompute = rc;
                const StepEstimate e = estimateStep(in);
                if (e.infeasible != Infeasible::None)
                    continue;
                const double perChip = e.tokensPerSecond / static_cast<double>(in.chipCount);
                if (!found || perChip > best.predictedTokensPerSecondPerChip) {
                    found = true;
                    best.predictedTokensPerSecondPerChip = perChip;
                    best.estimate = e;
                    best.chosen = in.parallelism;
                    best.memoryFits = e.memory.fits();
                }
            }
            if (!enforce && found)
                break; // nothing fitted: time the first (published) choice without the memory check
        }
        if (found)
            break;
    }
    if (found) {
        best.predictedMfu = best.estimate.mfu;
        best.relativeError = best.predictedTokensPerSecondPerChip / c.publishedTokensPerSecondPerChip - 1.0;
    } else {
        best.estimate = estimateStep(in);
    }
    return best;
}

} // namespace th::test
