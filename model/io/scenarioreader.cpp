// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/scenarioreader.h"

#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/io/jsonfieldreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace th {

namespace lim = engine::limits;
using engine::Precision;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Input)
};

QStringList precisionKeys()
{
    QStringList keys;
    for (Precision p : engine::kAllPrecisions)
        keys << QString::fromLatin1(engine::precisionKey(p).data(), engine::precisionKey(p).size());
    return keys;
}

QString precisionName(Precision p)
{
    return QString::fromLatin1(engine::precisionKey(p).data(), engine::precisionKey(p).size());
}

/// The chip override keys of a scenario (INTERFACES.md: `cluster.chip` as an object).
QString peakKey(Precision p)
{
    return p == Precision::Int8 ? QStringLiteral("int8_tops") : precisionName(p) + QStringLiteral("_tflops");
}

void readModel(JsonFieldReader &root, const Catalog &catalog, Scenario &s, InputErrors &errors)
{
    const std::optional<QJsonObject> obj = root.object(QStringLiteral("model"), true);
    if (!obj)
        return;
    JsonFieldReader r(*obj, QStringLiteral("/model"), &errors);
    r.rejectUnknownKeys({QStringLiteral("name"), QStringLiteral("preset"), QStringLiteral("params"),
                         QStringLiteral("active_params"), QStringLiteral("layers"), QStringLiteral("hidden"),
                         QStringLiteral("ffn_hidden"), QStringLiteral("heads"), QStringLiteral("kv_heads"), QStringLiteral("head_dim"),
                         QStringLiteral("seq_len"), QStringLiteral("vocab"), QStringLiteral("gated_mlp"), QStringLiteral("dropout"),
                         QStringLiteral("moe"), QStringLiteral("mla"), QStringLiteral("sliding_window"),
                         QStringLiteral("sliding_window_layer_fraction")});
    engine::ModelSpec &m = s.model;
    if (const std::optional<QString> preset = r.string(QStringLiteral("preset"))) {
        if (const std::optional<CatalogRow> row = catalog.row(CatalogKind::Model, *preset)) {
            m = modelSpecFromRow(*row);
            s.modelPreset = *preset;
            s.modelName = row->text("name");
        } else {
            r.error(QStringLiteral("preset"), Tr::tr("unknown model preset \"%1\" (terahall catalog list --kind model lists them)").arg(*preset));
            return;
        }
    }
    if (const std::optional<QString> name = r.string(QStringLiteral("name")))
        s.modelName = *name;

    const bool hasPreset = !s.modelPreset.isEmpty();
    if (auto v = r.number(QStringLiteral("params"), lim::params, !hasPreset))
        m.params = *v;
    if (auto v = r.number(QStringLiteral("active_params"), lim::params))
        m.activeParams = *v;
    auto readInt = [&](const char *key, engine::Range range, int &target) {
        if (auto v = r.integer(QString::fromLatin1(key), range))
            target = static_cast<int>(*v);
    };
    readInt("layers", lim::layers, m.layers);
    readInt("hidden", lim::hidden, m.hidden);
    readInt("ffn_hidden", {1, 1e7}, m.ffnHidden);
    readInt("heads", lim::heads, m.heads);
    readInt("kv_heads", lim::heads, m.kvHeads);
    readInt("head_dim", {1, 4096}, m.headDimOverride);
    readInt("seq_len", lim::seqLen, m.seqLen);
    readInt("vocab", lim::vocab, m.vocab);
    if (r.has(QStringLiteral("gated_mlp"))) {
        const QJsonValue v = obj->value(QStringLiteral("gated_mlp"));
        if (!v.isBool())
            r.error(QStringLiteral("gated_mlp"), Tr::tr("must be true or false, got %1").arg(jsonTypeName(v)));
        else
            m.gatedMlp = v.toBool();
    }
    if (r.has(QStringLiteral("dropout"))) {
        const QJsonValue v = obj->value(QStringLiteral("dropout"));
        if (!v.isBool())
            r.error(QStringLiteral("dropout"), Tr::tr("must be true or false, got %1").arg(jsonTypeName(v)));
        else
            m.dropout = v.toBool();
    }
    if (const std::optional<QJsonObject> moe = r.object(QStringLiteral("moe"))) {
        JsonFieldReader mr(*moe, QStringLiteral("/model/moe"), &errors);
        mr.rejectUnknownKeys({QStringLiteral("experts"), QStringLiteral("top_k"), QStringLiteral("shared_experts"),
                              QStringLiteral("moe_ffn_hidden"), QStringLiteral("dense_layers")});
        if (auto v = mr.integer(QStringLiteral("experts"), lim::experts))
            m.experts = static_cast<int>(*v);
        if (auto v = mr.integer(QStringLiteral("top_k"), {0, 1024}))
            m.topK = static_cast<int>(*v);
        if (auto v = mr.integer(QStringLiteral("shared_experts"), {0, 1024}))
            m.sharedExperts = static_cast<int>(*v);
        if (auto v = mr.integer(QStringLiteral("moe_ffn_hidden"), {0, 1e7}))
            m.moeFfnHidden = static_cast<int>(*v);
        if (auto v = mr.integer(QStringLiteral("dense_layers"), lim::layers))
            m.denseLayers = static_cast<int>(*v);
        if (m.topK > m.experts)
            mr.error(QStringLiteral("top_k"), Tr::tr("must be at most experts (%1), got %2").arg(m.experts).arg(m.topK));
    }
    if (const std::optional<QJsonObject> mla = r.object(QStringLiteral("mla"))) {
        // Multi-head latent attention (DeepSeek-V2 arXiv:2405.04434 §2.1).
        JsonFieldReader lr(*mla, QStringLiteral("/model/mla"), &errors);
        lr.rejectUnknownKeys({QStringLiteral("q_lora_rank"), QStringLiteral("kv_lora_rank"), QStringLiteral("qk_nope_head_dim"),
                              QStringLiteral("qk_rope_head_dim"), QStringLiteral("v_head_dim")});
        const engine::Range dim{0, 1e6};
        if (auto v = lr.integer(QStringLiteral("q_lora_rank"), dim))
            m.qLoraRank = int(*v);
        if (auto v = lr.integer(QStringLiteral("kv_lora_rank"), dim))
            m.kvLoraRank = int(*v);
        if (auto v = lr.integer(QStringLiteral("qk_nope_head_dim"), {0, 4096}))
            m.qkNopeHeadDim = int(*v);
        if (auto v = lr.integer(QStringLiteral("qk_rope_head_dim"), {0, 4096}))
            m.qkRopeHeadDim = int(*v);
        if (auto v = lr.integer(QStringLiteral("v_head_dim"), {0, 4096}))
            m.vHeadDim = int(*v);
    }
    if (auto v = r.integer(QStringLiteral("sliding_window"), {0, lim::seqLen.max}))
        m.slidingWindow = int(*v);
    if (auto v = r.number(QStringLiteral("sliding_window_layer_fraction"), {0, 1}))
        m.slidingWindowLayerFraction = *v;
    if (m.params > 0 && m.activeParams > m.params)
        r.error(QStringLiteral("active_params"), Tr::tr("must not exceed params (%1), got %2")
                                                     .arg(QString::number(m.params, 'g', 6), QString::number(m.activeParams, 'g', 6)));

    // Architecture: all of the core fields or none (a partial set is almost always a mistake).
    const QStringList core{QStringLiteral("layers"), QStringLiteral("hidden"), QStringLiteral("heads"),
                           QStringLiteral("seq_len"), QStringLiteral("vocab")};
    const bool any = m.layers || m.hidden || m.heads || m.seqLen || m.vocab;
    if (any && !m.hasArchitecture()) {
        QStringList missing;
        const int values[] = {m.layers, m.hidden, m.heads, m.seqLen, m.vocab};
        for (int i = 0; i < core.size(); ++i) {
            if (values[i] == 0)
                missing << core.at(i);
        }
        r.error(missing.front(), Tr::tr("the architecture needs layers, hidden, heads, seq_len and vocab together; missing: %1")
                                     .arg(missing.join(QLatin1String(", "))));
    } else if (m.hasArchitecture()) {
        if (m.headDimOverride == 0 && m.hidden % m.heads != 0)
            r.error(QStringLiteral("heads"), Tr::tr("must divide hidden (%1), got %2").arg(m.hidden).arg(m.heads));
        if (m.kvHeads > 0 && m.heads % m.kvHeads != 0)
            r.error(QStringLiteral("kv_heads"), Tr::tr("must divide heads (%1), got %2").arg(m.heads).arg(m.kvHeads));
        if (m.denseLayers > m.layers)
            r.error(QStringLiteral("moe"), Tr::tr("dense_layers (%1) exceeds layers (%2)").arg(m.denseLayers).arg(m.layers));
    }
}

void readChip(JsonFieldReader &cluster, const Catalog &catalog, Scenario &s, InputErrors &errors)
{
    const QString chipKey = QStringLiteral("chip");
    if (cluster.isNull(chipKey)) {
        cluster.error(chipKey, Tr::tr("is required: a chip id from the catalog (terahall catalog list --kind chip) or an object with \"base\" and overrides"));
        return;
    }
    const QJsonValue v = cluster.json().value(chipKey);
    QString baseId;
    std::optional<QJsonObject> overrides;
    QString basePointer = cluster.pointer(chipKey);
    if (v.isString()) {
        baseId = v.toString();
    } else if (v.isObject()) {
        overrides = v.toObject();
        JsonFieldReader o(*overrides, basePointer, &errors);
        const std::optional<QString> base = o.string(QStringLiteral("base"), true);
        if (!base)
            return;
        baseId = *base;
        basePointer = o.pointer(QStringLiteral("base"));
    } else {
        cluster.error(chipKey, Tr::tr("must be a chip id string or an object, got %1").arg(jsonTypeName(v)));
        return;
    }
    const std::optional<CatalogRow> row = catalog.row(CatalogKind::Chip, baseId);
    if (!row) {
        errors.append({basePointer, Tr::tr("unknown chip \"%1\" (terahall catalog list --kind chip lists them)").arg(baseId)});
        return;
    }
    s.chipId = baseId;
    s.chip = chipSpecFromRow(*row);
    s.chipConfidence = row->text("confidence");
    s.itWattsPerChip = itWattsPerChip(catalog, baseId);
    if (const std::optional<CatalogRow> system = usualSystemForChip(catalog, baseId)) {
        s.usualSystemId = system->id();
        // Chips sold only inside systems (GB200 in an NVL72) have no chip price: the owned
        // compute cost uses the system's price per chip instead.
        if (!s.chip.priceUsd && system->number("price_usd") && system->integer("chips") > 0)
            s.chip.priceUsd = *system->number("price_usd") / system->integer("chips");
    }
    if (!overrides)
        return;

    s.chipOverridden = true;
    JsonFieldReader o(*overrides, cluster.pointer(chipKey), &errors);
    QStringList known{QStringLiteral("base"), QStringLiteral("name"), QStringLiteral("memory_gb"),
                      QStringLiteral("hbm_tbps"), QStringLiteral("scale_up_gbps"), QStringLiteral("scale_up_domain"),
                      QStringLiteral("scale_out_gbit_per_s"), QStringLiteral("tdp_w"), QStringLiteral("price_usd"),
                      QStringLiteral("it_watts_per_chip")};
    for (Precision p : engine::kAllPrecisions) {
        known << peakKey(p);
        if (auto t = o.number(peakKey(p), lim::tflops))
            s.chip.denseTflops[static_cast<std::size_t>(p)] = *t;
    }
    o.rejectUnknownKeys(known);
    if (auto x = o.number(QStringLiteral("memory_gb"), lim::memoryGb))
        s.chip.memoryGib = *x;
    if (auto x = o.number(QStringLiteral("hbm_tbps"), lim::bandwidthTbps))
        s.chip.memoryBandwidthTbps = *x;
    // Per direction, GB/s (INTERFACES.md: A100 "scale_up_gbps": 300 = 600 GB/s bidirectional).
    if (auto x = o.number(QStringLiteral("scale_up_gbps"), lim::linkGbPerSec))
        s.chip.scaleUpGbPerSecPerDirection = *x;
    if (auto x = o.integer(QStringLiteral("scale_up_domain"), lim::scaleUpDomain))
        s.chip.scaleUpDomainMax = static_cast<int>(*x);
    if (auto x = o.number(QStringLiteral("scale_out_gbit_per_s"), {0, 1e5, false}))
        s.chip.scaleOutGbitPerSec = *x;
    if (auto x = o.number(QStringLiteral("tdp_w"), lim::powerW))
        s.chip.tdpW = *x;
    if (auto x = o.number(QStringLiteral("price_usd"), lim::priceUsd))
        s.chip.priceUsd = *x;
    if (auto x = o.number(QStringLiteral("it_watts_per_chip"), lim::powerW))
        s.itWattsPerChip = *x;
    s.chip.id += "+override";
}

void readParallelism(JsonFieldReader &cluster, Scenario &s, InputErrors &errors)
{
    const std::optional<QJsonObject> obj = cluster.object(QStringLiteral("parallelism"));
    if (!obj)
        return;
    ParallelismRequest &p = s.parallelism;
    p.given = true;
    JsonFieldReader r(*obj, QStringLiteral("/cluster/parallelism"), &errors);
    r.rejectUnknownKeys({QStringLiteral("tp"), QStringLiteral("pp"), QStringLiteral("dp"), QStringLiteral("cp"),
                         QStringLiteral("ep"), QStringLiteral("etp"), QStringLiteral("micro_batch"), QStringLiteral("interleave"),
                         QStringLiteral("recompute"), QStringLiteral("zero"), QStringLiteral("sequence_parallel")});
    auto degree = [&](const char *key, std::optional<int> &target, engine::Range range) {
        if (auto v = r.integer(QString::fromLatin1(key), range))
            target = static_cast<int>(*v);
    };
    degree("tp", p.tp, lim::parallelDegree);
    degree("pp", p.pp, lim::parallelDegree);
    degree("dp", p.dp, lim::parallelDegree);
    degree("cp", p.cp, lim::parallelDegree);
    degree("ep", p.ep, lim::parallelDegree);
    degree("etp", p.etp, lim::parallelDegree);
    degree("micro_batch", p.microBatch, lim::microBatch);
    degree("interleave", p.interleave, lim::interleave);
    degree("zero", p.zero, lim::zeroStage);
    if (auto rc = r.choice(QStringLiteral("recompute"), {QStringLiteral("none"), QStringLiteral("selective"), QStringLiteral("full")}))
        p.recompute = engine::recomputeFromKey(rc->toStdString());
    if (r.has(QStringLiteral("sequence_parallel"))) {
        const QJsonValue v = obj->value(QStringLiteral("sequence_parallel"));
        if (!v.isBool())
            r.error(QStringLiteral("sequence_parallel"), Tr::tr("must be true or false, got %1").arg(jsonTypeName(v)));
        else
            p.sequenceParallel = v.toBool();
    }

    if (s.chipCount <= 0)
        return;
    const long long tp = p.tp.value_or(1), pp = p.pp.value_or(1), cp = p.cp.value_or(1);
    if (p.dp) {
        const long long product = tp * pp * *p.dp * cp;
        if (product != s.chipCount)
            errors.append({QStringLiteral("/cluster/parallelism"),
                           Tr::tr("tp x pp x dp x cp = %1 x %2 x %3 x %4 = %5 must equal /cluster/count (%6)")
                               .arg(tp).arg(pp).arg(*p.dp).arg(cp).arg(product).arg(s.chipCount)});
    } else if (p.tp || p.pp || p.cp) {
        if (s.chipCount % (tp * pp * cp) != 0)
            errors.append({QStringLiteral("/cluster/parallelism"),
                           Tr::tr("tp x pp x cp = %1 must divide /cluster/count (%2) so that dp is a whole number")
                               .arg(tp * pp * cp).arg(s.chipCount)});
    }
    // Expert tensor parallel other than tp (Megatron-Core parallel folding): etp x ep must divide
    // tp x dp x cp and etp the expert FFN width; with etp = tp, ep must divide dp x cp as before.
    const bool folded = p.etp && *p.etp != tp;
    if (folded && !s.model.isMoe())
        r.error(QStringLiteral("etp"), Tr::tr("expert tensor parallelism needs a mixture-of-experts model (model.moe), got %1").arg(*p.etp));
    if (folded && s.model.isMoe() && s.model.effectiveMoeFfnHidden() % *p.etp != 0)
        r.error(QStringLiteral("etp"), Tr::tr("must divide the expert FFN width (%1), got %2").arg(s.model.effectiveMoeFfnHidden()).arg(*p.etp));
    if (folded && p.dp && (tp * *p.dp * cp) % (static_cast<long long>(*p.etp) * p.ep.value_or(1)) != 0)
        r.error(QStringLiteral("etp"), Tr::tr("etp x ep (%1) must divide tp x dp x cp (%2), got etp %3")
                                           .arg(static_cast<long long>(*p.etp) * p.ep.value_or(1)).arg(tp * *p.dp * cp).arg(*p.etp));
    if (!folded && p.ep && p.dp && (static_cast<long long>(*p.dp) * cp) % *p.ep != 0)
        r.error(QStringLiteral("ep"), Tr::tr("must divide dp x cp (%1), got %2").arg(static_cast<long long>(*p.dp) * cp).arg(*p.ep));
    if (p.ep && *p.ep > 1 && !s.model.isMoe())
        r.error(QStringLiteral("ep"), Tr::tr("expert parallelism needs a mixture-of-experts model (model.moe), got %1").arg(*p.ep));
    if (p.ep && s.model.isMoe() && s.model.experts % *p.ep != 0)
        r.error(QStringLiteral("ep"), Tr::tr("must divide the number of experts (%1), got %2").arg(s.model.experts).arg(*p.ep));
}

/// training.framework: the software profile and overrides of its features (the performance
/// model's FrameworkOptions). Unset fields keep the calibrated modern profile.
void readFramework(const QJsonObject &obj, Scenario &s, InputErrors &errors)
{
    JsonFieldReader f(obj, QStringLiteral("/training/framework"), &errors);
    f.rejectUnknownKeys({QStringLiteral("profile"), QStringLiteral("flash_attention"), QStringLiteral("tp_comm_overlap"),
                         QStringLiteral("ep_comm_overlap"), QStringLiteral("moe_dedup"), QStringLiteral("grad_reduce_bytes"),
                         QStringLiteral("moe_load_imbalance"), QStringLiteral("optimizer_bytes_per_param")});
    if (auto p = f.choice(QStringLiteral("profile"), {QStringLiteral("modern"), QStringLiteral("megatron-2021")}))
        s.framework = *p == QLatin1String("modern") ? engine::modernFramework() : engine::megatron2021Framework();
    auto flag = [&](const char *key, bool &target) {
        const QString k = QString::fromLatin1(key);
        if (f.isNull(k))
            return;
        const QJsonValue v = obj.value(k);
        if (!v.isBool())
            f.error(k, Tr::tr("must be true or false, got %1").arg(jsonTypeName(v)));
        else
            target = v.toBool();
    };
    flag("flash_attention", s.framework.flashAttention);
    flag("moe_dedup", s.framework.moeDedupAcrossDomains);
    if (auto v = f.number(QStringLiteral("tp_comm_overlap"), {0, 1}))
        s.framework.tpCommOverlapFraction = *v;
    if (auto v = f.number(QStringLiteral("ep_comm_overlap"), {0, 1}))
        s.framework.epCommOverlapFraction = *v;
    if (auto v = f.number(QStringLiteral("grad_reduce_bytes"), {1, 4}))
        s.framework.gradReduceBytesPerParam = *v;
    if (auto v = f.number(QStringLiteral("moe_load_imbalance"), {1, 4}))
        s.framework.moeLoadImbalance = *v;
    // 12: fp32 master weights + fp32 Adam moments; 8: BF16 moments (DeepSeek-V3 §3.3.2,
    // Megatron-Core use_precision_aware_optimizer).
    if (auto v = f.number(QStringLiteral("optimizer_bytes_per_param"), {4, 16}))
        s.memory.optimizerBytesPerParam = *v;
}

} // namespace

ScenarioReadResult readScenario(const QByteArray &json, const Catalog &catalog)
{
    ScenarioReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report line and column: people edit scenarios by hand.
        int line = 1, column = 1;
        for (int i = 0; i < parseError.offset && i < json.size(); ++i) {
            if (json.at(i) == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        result.errors.append({QString(), Tr::tr("malformed JSON at line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString())});
        return result;
    }
    if (!doc.isObject()) {
        result.errors.append({QString(), Tr::tr("must be a JSON object (a terahall.scenario/1 document)")});
        return result;
    }
    return readScenario(doc.object(), catalog);
}

ScenarioReadResult readScenario(const QJsonObject &rootObject, const Catalog &catalog)
{
    ScenarioReadResult result;
    InputErrors &errors = result.errors;
    Scenario s;
    JsonFieldReader root(rootObject, QString(), &errors);
    root.rejectUnknownKeys({QStringLiteral("schema"), QStringLiteral("name"), QStringLiteral("description"),
                            QStringLiteral("model"), QStringLiteral("training"), QStringLiteral("cluster"),
                            QStringLiteral("facility"), QStringLiteral("cost")});
    if (const std::optional<QString> schema = root.string(QStringLiteral("schema"))) {
        if (*schema != QLatin1String(kScenarioSchema))
            root.error(QStringLiteral("schema"), Tr::tr("must be \"%1\" (this Terahall reads that version), got \"%2\"")
                                                     .arg(QLatin1String(kScenarioSchema), *schema));
    }
    if (auto name = root.string(QStringLiteral("name")))
        s.name = *name;
    root.string(QStringLiteral("description"));

    readModel(root, catalog, s, errors);

    // Cluster before training: the precision check needs the chip.
    if (const std::optional<QJsonObject> cluster = root.object(QStringLiteral("cluster"), true)) {
        JsonFieldReader c(*cluster, QStringLiteral("/cluster"), &errors);
        c.rejectUnknownKeys({QStringLiteral("chip"), QStringLiteral("count"), QStringLiteral("scale_up_size"),
                             QStringLiteral("scale_out_gbps_per_chip"), QStringLiteral("parallelism")});
        readChip(c, catalog, s, errors);
        if (auto n = c.integer(QStringLiteral("count"), lim::chipCount, true))
            s.chipCount = *n;
        s.scaleUpSize = s.chip.scaleUpDomainMax;
        if (auto v = c.integer(QStringLiteral("scale_up_size"), lim::scaleUpDomain)) {
            if (!s.chipId.isEmpty() && *v > s.chip.scaleUpDomainMax)
                c.error(QStringLiteral("scale_up_size"), Tr::tr("must be at most %1 (the largest scale-up domain of %2), got %3")
                                                             .arg(s.chip.scaleUpDomainMax).arg(s.chipId).arg(*v));
            s.scaleUpSize = static_cast<int>(*v);
        }
        s.scaleOutGbitPerSecPerChip = s.chip.scaleOutGbitPerSec;
        if (auto v = c.number(QStringLiteral("scale_out_gbps_per_chip"), {0, 1e5, false}))
            s.scaleOutGbitPerSecPerChip = *v;
        readParallelism(c, s, errors);
    }

    if (const std::optional<QJsonObject> training = root.object(QStringLiteral("training"), true)) {
        JsonFieldReader t(*training, QStringLiteral("/training"), &errors);
        t.rejectUnknownKeys({QStringLiteral("tokens"), QStringLiteral("global_batch_tokens"),
                             QStringLiteral("global_batch_sequences"), QStringLiteral("precision"), QStringLiteral("mfu"),
                             QStringLiteral("framework")});
        if (const std::optional<QJsonObject> fw = t.object(QStringLiteral("framework")))
            readFramework(*fw, s, errors);
        if (auto v = t.number(QStringLiteral("tokens"), lim::tokens, true))
            s.tokens = *v;
        const bool hasTokens = !t.isNull(QStringLiteral("global_batch_tokens"));
        const bool hasSeqs = !t.isNull(QStringLiteral("global_batch_sequences"));
        if (hasTokens && hasSeqs) {
            t.error(QStringLiteral("global_batch_sequences"), Tr::tr("give either global_batch_tokens or global_batch_sequences, not both"));
        } else if (hasTokens) {
            if (auto v = t.number(QStringLiteral("global_batch_tokens"), lim::globalBatchTokens))
                s.globalBatchTokens = *v;
        } else if (hasSeqs) {
            if (auto v = t.integer(QStringLiteral("global_batch_sequences"), {1, 1e8})) {
                if (s.model.seqLen <= 0)
                    t.error(QStringLiteral("global_batch_sequences"), Tr::tr("needs model.seq_len to convert sequences to tokens"));
                else
                    s.globalBatchTokens = static_cast<double>(*v) * s.model.seqLen;
            }
        }
        if (auto p = t.choice(QStringLiteral("precision"), precisionKeys())) {
            s.precision = *engine::precisionFromKey(p->toStdString());
        }
        if (!s.chipId.isEmpty() && !s.chip.peakTflops(s.precision)) {
            QStringList supported;
            for (Precision p : engine::kAllPrecisions) {
                if (s.chip.peakTflops(p))
                    supported << precisionName(p);
            }
            t.error(QStringLiteral("precision"), Tr::tr("%1 has no dense %2 peak in the catalog; supported: %3")
                                                     .arg(s.chipId, precisionName(s.precision), supported.join(QLatin1String(", "))));
        }
        if (auto v = t.number(QStringLiteral("mfu"), lim::mfu))
            s.mfu = *v;
    }

    if (const std::optional<QJsonObject> facility = root.object(QStringLiteral("facility"))) {
        JsonFieldReader f(*facility, QStringLiteral("/facility"), &errors);
        f.rejectUnknownKeys({QStringLiteral("pue"), QStringLiteral("electricity_usd_per_kwh"), QStringLiteral("grid_kg_co2_per_kwh")});
        if (auto v = f.number(QStringLiteral("pue"), lim::pue))
            s.facility.pue = *v;
        if (auto v = f.number(QStringLiteral("electricity_usd_per_kwh"), lim::electricityUsdPerKwh))
            s.facility.electricityUsdPerKwh = *v;
        if (auto v = f.number(QStringLiteral("grid_kg_co2_per_kwh"), lim::gridKgCo2PerKwh))
            s.facility.gridKgCo2PerKwh = *v;
    }
    if (const std::optional<QJsonObject> cost = root.object(QStringLiteral("cost"))) {
        JsonFieldReader k(*cost, QStringLiteral("/cost"), &errors);
        k.rejectUnknownKeys({QStringLiteral("chip_hour_usd"), QStringLiteral("amortization_years")});
        if (auto v = k.number(QStringLiteral("chip_hour_usd"), lim::chipHourUsd))
            s.cost.chipHourUsd = *v;
        if (auto v = k.number(QStringLiteral("amortization_years"), lim::amortizationYears))
            s.cost.amortizationYears = *v;
    }

    if (errors.isEmpty())
        result.scenario = s;
    return result;
}

} // namespace th
