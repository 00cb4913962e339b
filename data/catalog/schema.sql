-- SPDX-FileCopyrightText: 2026 Terahall contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Terahall catalog schema, version 2 (a fresh database is created at the latest version). Loaded by model/catalog/sqlitecatalog.cpp into a fresh
-- database; later versions add numbered migrations under data/catalog/migrations/ (NNN.sql brings
-- the schema from version NNN-1 to NNN) and bump schema_version.
--
-- Every kind has one table holding both shipped rows (origin = 'shipped', replaced as a whole
-- when a newer Terahall ships newer content) and user rows (origin = 'user', never touched by
-- updates). A user row with the id of a shipped row overrides it without deleting it; the
-- *_effective views give the rows in force. Columns are documented in docs/catalog-columns.md
-- and mirrored in model/catalog/catalogschema.cpp (a test checks they agree).

CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (2);

CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE chip (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    vendor TEXT NOT NULL,
    country TEXT NOT NULL,
    year INTEGER NOT NULL,
    process_node TEXT,
    form_factor TEXT NOT NULL,
    architecture TEXT NOT NULL,
    fp32_tflops REAL,
    tf32_tflops REAL,
    bf16_tflops REAL,
    fp16_tflops REAL,
    fp8_tflops REAL,
    int8_tops REAL,
    fp4_tflops REAL,
    tf32_sparse_tflops REAL,
    bf16_sparse_tflops REAL,
    fp16_sparse_tflops REAL,
    fp8_sparse_tflops REAL,
    int8_sparse_tops REAL,
    fp4_sparse_tflops REAL,
    memory_gb REAL NOT NULL,
    memory_type TEXT NOT NULL,
    memory_tbps REAL NOT NULL,
    tdp_w REAL NOT NULL,
    scale_up_tech TEXT NOT NULL,
    scale_up_gb_per_s REAL NOT NULL,
    scale_up_bidirectional INTEGER NOT NULL,
    scale_up_domain_max INTEGER NOT NULL,
    scale_out_gbit_per_s REAL NOT NULL,
    price_usd REAL,
    price_source TEXT,
    source TEXT NOT NULL,
    confidence TEXT NOT NULL,
    notes TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'user')),
    PRIMARY KEY (id, origin)
);
CREATE VIEW chip_effective AS
    SELECT * FROM chip WHERE origin = 'user'
    UNION ALL
    SELECT * FROM chip AS s WHERE s.origin = 'shipped'
        AND NOT EXISTS (SELECT 1 FROM chip AS u WHERE u.id = s.id AND u.origin = 'user');

CREATE TABLE system (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    vendor TEXT NOT NULL,
    chip_id TEXT NOT NULL,
    chips INTEGER NOT NULL,
    cpus INTEGER NOT NULL,
    cpu_model TEXT,
    scale_up_domain INTEGER NOT NULL,
    racks INTEGER NOT NULL,
    compute_racks INTEGER NOT NULL,
    units_per_rack INTEGER NOT NULL,
    rack_width_mm REAL NOT NULL,
    rack_depth_mm REAL NOT NULL,
    rack_height_mm REAL NOT NULL,
    layout_rows INTEGER NOT NULL,
    layout_cols INTEGER NOT NULL,
    it_kw REAL NOT NULL,
    weight_kg REAL NOT NULL,
    cooling TEXT NOT NULL,
    liquid_fraction REAL NOT NULL,
    price_usd REAL,
    price_source TEXT,
    source TEXT NOT NULL,
    confidence TEXT NOT NULL,
    notes TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'user')),
    PRIMARY KEY (id, origin)
);
CREATE VIEW system_effective AS
    SELECT * FROM system WHERE origin = 'user'
    UNION ALL
    SELECT * FROM system AS s WHERE s.origin = 'shipped'
        AND NOT EXISTS (SELECT 1 FROM system AS u WHERE u.id = s.id AND u.origin = 'user');

CREATE TABLE equipment (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    vendor TEXT NOT NULL,
    category TEXT NOT NULL,
    capacity_kw REAL,
    efficiency REAL,
    efficiency_curve TEXT,
    cop REAL,
    power_kw REAL,
    battery_minutes REAL,
    width_mm REAL NOT NULL,
    depth_mm REAL NOT NULL,
    height_mm REAL NOT NULL,
    weight_kg REAL NOT NULL,
    placement TEXT NOT NULL,
    price_usd REAL,
    price_source TEXT,
    source TEXT NOT NULL,
    confidence TEXT NOT NULL,
    notes TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'user')),
    PRIMARY KEY (id, origin)
);
CREATE VIEW equipment_effective AS
    SELECT * FROM equipment WHERE origin = 'user'
    UNION ALL
    SELECT * FROM equipment AS s WHERE s.origin = 'shipped'
        AND NOT EXISTS (SELECT 1 FROM equipment AS u WHERE u.id = s.id AND u.origin = 'user');

CREATE TABLE model_preset (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    family TEXT NOT NULL,
    params REAL NOT NULL,
    active_params REAL,
    layers INTEGER NOT NULL,
    hidden INTEGER NOT NULL,
    ffn_hidden INTEGER NOT NULL,
    heads INTEGER NOT NULL,
    kv_heads INTEGER NOT NULL,
    head_dim INTEGER,
    seq_len INTEGER NOT NULL,
    vocab INTEGER NOT NULL,
    gated_mlp INTEGER NOT NULL,
    dropout INTEGER,
    experts INTEGER,
    top_k INTEGER,
    shared_experts INTEGER,
    moe_ffn_hidden INTEGER,
    dense_layers INTEGER,
    q_lora_rank INTEGER,
    kv_lora_rank INTEGER,
    qk_nope_head_dim INTEGER,
    qk_rope_head_dim INTEGER,
    v_head_dim INTEGER,
    sliding_window INTEGER,
    sliding_window_layer_fraction REAL,
    tokens_trained REAL,
    source TEXT NOT NULL,
    confidence TEXT NOT NULL,
    notes TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'user')),
    PRIMARY KEY (id, origin)
);
CREATE VIEW model_preset_effective AS
    SELECT * FROM model_preset WHERE origin = 'user'
    UNION ALL
    SELECT * FROM model_preset AS s WHERE s.origin = 'shipped'
        AND NOT EXISTS (SELECT 1 FROM model_preset AS u WHERE u.id = s.id AND u.origin = 'user');

CREATE TABLE chip_calibration (
    chip_id TEXT NOT NULL,
    matmul_curve TEXT NOT NULL,
    hbm_efficiency REAL NOT NULL,
    scale_up_efficiency REAL NOT NULL,
    scale_out_efficiency REAL NOT NULL,
    scale_up_latency_us REAL NOT NULL,
    scale_out_latency_us REAL NOT NULL,
    source TEXT NOT NULL,
    confidence TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'user')),
    PRIMARY KEY (chip_id, origin)
);
CREATE VIEW chip_calibration_effective AS
    SELECT * FROM chip_calibration WHERE origin = 'user'
    UNION ALL
    SELECT * FROM chip_calibration AS s WHERE s.origin = 'shipped'
        AND NOT EXISTS (SELECT 1 FROM chip_calibration AS u WHERE u.chip_id = s.chip_id AND u.origin = 'user');
