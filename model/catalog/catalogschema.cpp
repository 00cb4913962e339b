// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalogschema.h"

#include "model/engine/limits.h"

#include <QSet>

namespace th {

namespace lim = engine::limits;

QStringList ColumnSpec::allowedValues() const
{
    return enumValues ? QString::fromLatin1(enumValues).split(QLatin1Char('|')) : QStringList();
}

QStringList KindSpec::columnNames() const
{
    QStringList names;
    for (const ColumnSpec &c : columns)
        names << c.columnName();
    return names;
}

const ColumnSpec *KindSpec::column(const QString &name) const
{
    for (const ColumnSpec &c : columns) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

namespace {

constexpr const char *kConfidence = "high|medium|low";
constexpr double kTf = lim::tflops.max;

// Shorthands keep the tables readable: T text, R real in a range, I integer in a range.
ColumnSpec T(const char *n, bool req) { return {n, ColumnType::Text, req}; }
ColumnSpec R(const char *n, bool req, double lo, double hi, const char *unit)
{
    return {n, ColumnType::Real, req, lo, hi, nullptr, unit};
}
ColumnSpec I(const char *n, bool req, double lo, double hi, const char *unit = nullptr)
{
    return {n, ColumnType::Integer, req, lo, hi, nullptr, unit};
}
ColumnSpec E(const char *n, bool req, const char *values) { return {n, ColumnType::Enum, req, 0, 0, values}; }
ColumnSpec B(const char *n, bool req) { return {n, ColumnType::Bool, req}; }

QList<KindSpec> buildKinds()
{
    QList<KindSpec> kinds;
    kinds.append({CatalogKind::Chip, "chip", "chip", "chips.csv",
                  {T("id", true), T("name", true), T("vendor", true), T("country", true),
                   I("year", true, 2010, 2035), T("process_node", false),
                   E("form_factor", true, "SXM|OAM|PCIe|Superchip|TPU board|module"),
                   T("architecture", true),
                   R("fp32_tflops", false, 0, kTf, "TFLOPS"), R("tf32_tflops", false, 0, kTf, "TFLOPS"),
                   R("bf16_tflops", false, 0, kTf, "TFLOPS"), R("fp16_tflops", false, 0, kTf, "TFLOPS"),
                   R("fp8_tflops", false, 0, kTf, "TFLOPS"), R("int8_tops", false, 0, kTf, "TOPS"),
                   R("fp4_tflops", false, 0, kTf, "TFLOPS"),
                   R("tf32_sparse_tflops", false, 0, kTf, "TFLOPS"), R("bf16_sparse_tflops", false, 0, kTf, "TFLOPS"),
                   R("fp16_sparse_tflops", false, 0, kTf, "TFLOPS"), R("fp8_sparse_tflops", false, 0, kTf, "TFLOPS"),
                   R("int8_sparse_tops", false, 0, kTf, "TOPS"), R("fp4_sparse_tflops", false, 0, kTf, "TFLOPS"),
                   R("memory_gb", true, 0.001, lim::memoryGb.max, "GB"), T("memory_type", true),
                   R("memory_tbps", true, 0.001, lim::bandwidthTbps.max, "TB/s"),
                   R("tdp_w", true, 1, lim::powerW.max, "W"), T("scale_up_tech", true),
                   R("scale_up_gb_per_s", true, 0, lim::linkGbPerSec.max, "GB/s"),
                   B("scale_up_bidirectional", true),
                   I("scale_up_domain_max", true, 1, lim::scaleUpDomain.max, "chips"),
                   R("scale_out_gbit_per_s", true, 0, 1e5, "Gbit/s"),
                   R("price_usd", false, 0, lim::priceUsd.max, "USD"), T("price_source", false),
                   T("source", true), E("confidence", true, kConfidence), T("notes", false)}});
    kinds.append({CatalogKind::System, "system", "system", "systems.csv",
                  {T("id", true), T("name", true), T("vendor", true), T("chip_id", true),
                   I("chips", true, 1, 1e6, "chips"), I("cpus", true, 0, 1e6), T("cpu_model", false),
                   I("scale_up_domain", true, 1, lim::scaleUpDomain.max, "chips"),
                   I("racks", true, 1, 10000, "racks"), I("compute_racks", true, 0, 10000, "racks"),
                   I("units_per_rack", true, 1, 100), R("rack_width_mm", true, 100, 10000, "mm"),
                   R("rack_depth_mm", true, 100, 10000, "mm"), R("rack_height_mm", true, 100, 10000, "mm"),
                   I("layout_rows", true, 1, 1000), I("layout_cols", true, 1, 1000),
                   R("it_kw", true, 0.001, 1e6, "kW"), R("weight_kg", true, 1, 1e7, "kg"),
                   E("cooling", true, "air|liquid|hybrid|immersion"),
                   R("liquid_fraction", true, 0, 1, nullptr),
                   R("price_usd", false, 0, lim::priceUsd.max, "USD"), T("price_source", false),
                   T("source", true), E("confidence", true, kConfidence), T("notes", false)}});
    kinds.append({CatalogKind::Equipment, "equipment", "equipment", "equipment.csv",
                  {T("id", true), T("name", true), T("vendor", true),
                   E("category", true, "transformer|generator|ups|pdu|rpp|busway|crah|inrow|rdhx|cdu|"
                                       "immersion|chiller|drycooler|coolingtower|network_rack|storage_rack|rack"),
                   R("capacity_kw", false, 0, 1e6, "kW"), R("efficiency", false, 0.01, 1, nullptr),
                   T("efficiency_curve", false), R("cop", false, 0.1, 100, nullptr),
                   R("power_kw", false, 0, 1e5, "kW"), R("battery_minutes", false, 0, 10000, "min"),
                   R("width_mm", true, 10, 100000, "mm"), R("depth_mm", true, 10, 100000, "mm"),
                   R("height_mm", true, 10, 100000, "mm"), R("weight_kg", true, 0.1, 1e7, "kg"),
                   E("placement", true, "hall|yard"),
                   R("price_usd", false, 0, lim::priceUsd.max, "USD"), T("price_source", false),
                   T("source", true), E("confidence", true, kConfidence), T("notes", false)}});
    kinds.append({CatalogKind::Model, "model", "model_preset", "models.csv",
                  {T("id", true), T("name", true), T("family", true),
                   R("params", true, lim::params.min, lim::params.max, "parameters"),
                   R("active_params", false, lim::params.min, lim::params.max, "parameters"),
                   I("layers", true, lim::layers.min, lim::layers.max), I("hidden", true, lim::hidden.min, lim::hidden.max),
                   I("ffn_hidden", true, 1, 1e7), I("heads", true, lim::heads.min, lim::heads.max),
                   I("kv_heads", true, 1, lim::heads.max), I("head_dim", false, 1, 4096),
                   I("seq_len", true, lim::seqLen.min, lim::seqLen.max),
                   I("vocab", true, lim::vocab.min, lim::vocab.max), B("gated_mlp", true), B("dropout", false),
                   I("experts", false, 0, lim::experts.max), I("top_k", false, 0, 1024),
                   I("shared_experts", false, 0, 1024), I("moe_ffn_hidden", false, 0, 1e7),
                   I("dense_layers", false, 0, lim::layers.max),
                   I("q_lora_rank", false, 0, 1e6), I("kv_lora_rank", false, 0, 1e6), I("qk_nope_head_dim", false, 0, 4096),
                   I("qk_rope_head_dim", false, 0, 4096), I("v_head_dim", false, 0, 4096),
                   I("sliding_window", false, 0, lim::seqLen.max), R("sliding_window_layer_fraction", false, 0, 1, nullptr),
                   R("tokens_trained", false, 0, lim::tokens.max, "tokens"),
                   T("source", true), E("confidence", true, kConfidence), T("notes", false)}});
    kinds.append({CatalogKind::ChipCalibration, "calibration", "chip_calibration", "chip-calibration.csv",
                  {T("chip_id", true), T("matmul_curve", true), R("hbm_efficiency", true, 0.01, 1, nullptr),
                   R("scale_up_efficiency", true, 0.01, 1, nullptr), R("scale_out_efficiency", true, 0.01, 1, nullptr),
                   R("scale_up_latency_us", true, 0, 1e6, "us"), R("scale_out_latency_us", true, 0, 1e6, "us"),
                   T("source", true), E("confidence", true, kConfidence)}});
    return kinds;
}

} // namespace

const QList<KindSpec> &catalogKinds()
{
    static const QList<KindSpec> kinds = buildKinds();
    return kinds;
}

const KindSpec &kindSpec(CatalogKind kind)
{
    for (const KindSpec &k : catalogKinds()) {
        if (k.kind == kind)
            return k;
    }
    return catalogKinds().front();
}

const KindSpec *kindSpecForKey(const QString &key)
{
    for (const KindSpec &k : catalogKinds()) {
        if (key == QLatin1String(k.key))
            return &k;
    }
    return nullptr;
}

const KindSpec *kindSpecForHeader(const QStringList &header)
{
    const QSet<QString> given(header.begin(), header.end());
    for (const KindSpec &k : catalogKinds()) {
        const QStringList names = k.columnNames();
        if (given == QSet<QString>(names.begin(), names.end()))
            return &k;
    }
    return nullptr;
}

} // namespace th
