// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalogconversions.h"

#include "model/catalog/catalog.h"

namespace th {

using engine::Precision;

engine::ChipSpec chipSpecFromRow(const CatalogRow &row)
{
    engine::ChipSpec c;
    c.id = row.id().toStdString();
    auto set = [&](Precision p, const char *column) {
        c.denseTflops[static_cast<std::size_t>(p)] = row.number(column);
    };
    set(Precision::Fp32, "fp32_tflops");
    set(Precision::Tf32, "tf32_tflops");
    set(Precision::Bf16, "bf16_tflops");
    set(Precision::Fp16, "fp16_tflops");
    set(Precision::Fp8, "fp8_tflops");
    set(Precision::Int8, "int8_tops");
    set(Precision::Fp4, "fp4_tflops");
    c.memoryGib = row.number("memory_gb").value_or(0.0);
    c.memoryBandwidthTbps = row.number("memory_tbps").value_or(0.0);
    c.tdpW = row.number("tdp_w").value_or(0.0);
    const double link = row.number("scale_up_gb_per_s").value_or(0.0);
    c.scaleUpGbPerSecPerDirection = row.flag("scale_up_bidirectional") ? link / 2.0 : link;
    c.scaleUpDomainMax = row.integer("scale_up_domain_max", 1);
    c.scaleOutGbitPerSec = row.number("scale_out_gbit_per_s").value_or(0.0);
    c.priceUsd = row.number("price_usd");
    return c;
}

engine::ModelSpec modelSpecFromRow(const CatalogRow &row)
{
    engine::ModelSpec m;
    m.id = row.id().toStdString();
    m.params = row.number("params").value_or(0.0);
    m.activeParams = row.number("active_params").value_or(0.0);
    m.layers = row.integer("layers");
    m.hidden = row.integer("hidden");
    m.ffnHidden = row.integer("ffn_hidden");
    m.heads = row.integer("heads");
    m.kvHeads = row.integer("kv_heads");
    m.headDimOverride = row.integer("head_dim");
    m.seqLen = row.integer("seq_len");
    m.vocab = row.integer("vocab");
    m.gatedMlp = row.flag("gated_mlp");
    m.dropout = row.integer("dropout", 1) != 0;
    m.experts = row.integer("experts");
    m.topK = row.integer("top_k");
    m.sharedExperts = row.integer("shared_experts");
    m.moeFfnHidden = row.integer("moe_ffn_hidden");
    m.denseLayers = row.integer("dense_layers");
    m.qLoraRank = row.integer("q_lora_rank");
    m.kvLoraRank = row.integer("kv_lora_rank");
    m.qkNopeHeadDim = row.integer("qk_nope_head_dim");
    m.qkRopeHeadDim = row.integer("qk_rope_head_dim");
    m.vHeadDim = row.integer("v_head_dim");
    m.slidingWindow = row.integer("sliding_window");
    m.slidingWindowLayerFraction = row.number("sliding_window_layer_fraction").value_or(0.0);
    return m;
}

std::optional<CatalogRow> usualSystemForChip(const Catalog &catalog, const QString &chipId)
{
    std::optional<CatalogRow> best;
    for (const CatalogRow &s : catalog.rows(CatalogKind::System)) {
        if (s.text("chip_id") != chipId)
            continue;
        if (!best || s.integer("scale_up_domain") > best->integer("scale_up_domain"))
            best = s;
    }
    return best;
}

double itWattsPerChip(const Catalog &catalog, const QString &chipId)
{
    const std::optional<CatalogRow> system = usualSystemForChip(catalog, chipId);
    if (!system)
        return 0.0;
    const int chips = system->integer("chips");
    const double itKw = system->number("it_kw").value_or(0.0);
    return chips > 0 ? itKw * 1000.0 / chips : 0.0;
}

} // namespace th
