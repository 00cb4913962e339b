-- SPDX-FileCopyrightText: 2026 Terahall contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Catalog schema 1 -> 2: model presets gain the attention width (Qwen3), multi-head latent
-- attention (DeepSeek-V2/V3), sliding-window attention and dropout columns. User rows keep their values;
-- the new columns are NULL (= standard attention) for them. Shipped rows are reloaded afterwards.
ALTER TABLE model_preset ADD COLUMN dropout INTEGER;
ALTER TABLE model_preset ADD COLUMN head_dim INTEGER;
ALTER TABLE model_preset ADD COLUMN q_lora_rank INTEGER;
ALTER TABLE model_preset ADD COLUMN kv_lora_rank INTEGER;
ALTER TABLE model_preset ADD COLUMN qk_nope_head_dim INTEGER;
ALTER TABLE model_preset ADD COLUMN qk_rope_head_dim INTEGER;
ALTER TABLE model_preset ADD COLUMN v_head_dim INTEGER;
ALTER TABLE model_preset ADD COLUMN sliding_window INTEGER;
ALTER TABLE model_preset ADD COLUMN sliding_window_layer_fraction REAL;
-- Views over SELECT * are expanded when created: recreate the one whose table changed.
DROP VIEW model_preset_effective;
CREATE VIEW model_preset_effective AS
    SELECT * FROM model_preset WHERE origin = 'user'
    UNION ALL
    SELECT * FROM model_preset AS s WHERE s.origin = 'shipped'
        AND NOT EXISTS (SELECT 1 FROM model_preset AS u WHERE u.id = s.id AND u.origin = 'user');
