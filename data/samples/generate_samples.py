#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates the sample plans in data/samples/*.thplan from the shipped catalog.

The plans are realistic layouts (rows of racks on 600 mm tiles with hot/cold aisles, power and
cooling sized for the load with N+1, outdoor plant in the yard); the sizing of each is explained
in its "description". Run from the repository root: python3 data/samples/generate_samples.py
The output is committed; terahall evaluate checks it in tests/model/tst_sampleplans.
"""
import csv
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAT = os.path.join(ROOT, "data", "catalog")
systems = {r["id"]: r for r in csv.DictReader(open(os.path.join(CAT, "systems.csv"), encoding="utf-8"))}
equipment = {r["id"]: r for r in csv.DictReader(open(os.path.join(CAT, "equipment.csv"), encoding="utf-8"))}


class Plan:
    def __init__(self, name, description, width, depth, yard=0.0, rating=1200.0):
        self.next_id = 1
        self.doc = {"schema": "terahall.plan/1", "name": name, "author": "Terahall samples",
                    "description": description,
                    "halls": [{"id": 1, "name": "Hall A", "width_mm": width, "depth_mm": depth, "tile_mm": 600,
                               "yard_depth_mm": yard, "floor_rating_kg_per_m2": rating, "min_aisle_mm": 1200}],
                    "equipment": [], "structures": []}

    def _id(self):
        i = self.next_id
        self.next_id += 1
        return i

    def system(self, sid, x, y, rot=0, label="", units=None):
        s = systems[sid]
        cols = 1 if int(s["units_per_rack"]) > 1 else int(s["layout_cols"])
        rows = 1 if int(s["units_per_rack"]) > 1 else int(s["layout_rows"])
        item = {"id": self._id(), "kind": "system", "catalog_id": sid, "hall": 1, "x_mm": x, "y_mm": y,
                "rotation": rot, "width_mm": float(s["rack_width_mm"]) * cols, "depth_mm": float(s["rack_depth_mm"]) * rows}
        if label:
            item["label"] = label
        if units is not None:
            item["properties"] = {"units_per_rack": units}
        self.doc["equipment"].append(item)

    def facility(self, eid, x, y, rot=0, label="", yard=False):
        e = equipment[eid]
        item = {"id": self._id(), "kind": "facility", "catalog_id": eid, "hall": 1, "x_mm": x, "y_mm": y, "rotation": rot,
                "width_mm": float(e["width_mm"]), "depth_mm": float(e["depth_mm"])}
        if yard:
            item["yard"] = True
        if label:
            item["label"] = label
        self.doc["equipment"].append(item)
        return float(e["width_mm"]), float(e["depth_mm"])

    def structure(self, kind, x, y, w, d, label=""):
        s = {"id": self._id(), "kind": kind, "hall": 1, "x_mm": x, "y_mm": y, "width_mm": w, "depth_mm": d}
        if label:
            s["label"] = label
        self.doc["structures"].append(s)

    def workload(self, preset, tokens, mfu=None, batch=None, precision="bf16", parallelism=None):
        w = {"model": {"preset": preset}, "tokens": tokens, "precision": precision, "mfu": mfu}
        if batch:
            w["global_batch_tokens"] = batch
        if parallelism:
            w["parallelism"] = parallelism
        self.doc["workload"] = w

    def save(self, name):
        path = os.path.join(ROOT, "data", "samples", name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.doc, f, indent=4, sort_keys=True, ensure_ascii=False)
            f.write("\n")


def row_pair(plan, sid, n, x0, y_cold_front, rack_depth, units=None, prefix="R"):
    """Two rows facing a shared hot aisle: row A faces north (rotation 180), row B faces south."""
    w = float(systems[sid]["rack_width_mm"])
    for i in range(n):
        plan.system(sid, x0 + i * w, y_cold_front, 180, f"{prefix}A{i + 1:02d}", units)
    hot = 1200.0
    for i in range(n):
        plan.system(sid, x0 + i * w, y_cold_front + rack_depth + hot, 0, f"{prefix}B{i + 1:02d}", units)
    return y_cold_front + 2 * rack_depth + hot


# 1. GB200 NVL72 liquid-cooled pod, ~1 MW IT -------------------------------------------------------
p = Plan("GB200 NVL72 pod (8 racks, ~1 MW IT)",
         "Eight GB200 NVL72 racks (576 GPUs, 120 kW each = 960 kW IT, 85 % of the heat to liquid) in two rows "
         "of four around a contained hot aisle, with two network racks. Liquid: two 1,350 kW in-row CDUs (N+1 "
         "for 816 kW of liquid heat). Air: two 200 kW fan-wall CRAHs for the ~170 kW air share (N+1). Power: "
         "two 1,200 kW UPS (N+1), dry transformers and a cooling tower in the yard. NVL72 racks weigh 1.36 t "
         "on 0.64 m2, so the hall is a slab floor rated 2,500 kg/m2. Workload: Llama 3.1 70B on 15T tokens, "
         "MFU estimated by the performance model.", 18000, 12000, yard=8000, rating=2500)
y = row_pair(p, "nvidia-gb200-nvl72", 4, 4800, 3000, 1068, prefix="NVL")
p.facility("netrack-ib-ndr", 4800 + 4 * 600, 3000, 180, "NET1")
p.facility("netrack-ib-ndr", 4800 + 4 * 600, 3000 + 1068 + 1200, 0, "NET2")
p.structure("hot_aisle", 4800, 3000 + 1068, 5 * 600, 1200, "Hot aisle 1")
p.facility("cdu-inrow-1350kw", 1200, 3000, 0, "CDU-1")
p.facility("cdu-inrow-1350kw", 1200, 6000, 0, "CDU-2")
p.facility("crah-fanwall-200kw", 12000, 600, 0, "CRAH-1")
p.facility("crah-fanwall-200kw", 12000, 9600, 0, "CRAH-2")
p.facility("ups-vertiv-exl-s1-1200", 13800, 4200, 90, "UPS-A")
p.facility("ups-vertiv-exl-s1-1200", 15600, 4200, 90, "UPS-B")
p.structure("door", 0, 5400, 200, 1800, "Door west")
p.facility("xfmr-oil-2500kva", 600, -7200, 0, "TX-1", yard=True)
p.facility("xfmr-oil-2500kva", 3600, -7200, 0, "TX-2", yard=True)
p.facility("coolingtower-1750kw", 12000, -5400, 0, "CT-1", yard=True)
p.facility("drycooler-600kw", 1200, -3000, 90, "DC-1", yard=True)
p.workload("llama3.1-70b", 15e12, None, 16 * 1024 * 1024 / 2)
p.save("gb200-nvl72-pod.thplan")

# 2. 1,024-GPU H100 air-cooled hall ------------------------------------------------------------------
p = Plan("H100 air-cooled hall (1,024 GPUs)",
         "128 DGX H100 (1,024 GPUs) at two servers per rack (20.4 kW per rack, within the 30-40 kW air-cooling "
         "limit) in 64 racks: four pairs of rows of eight around contained hot aisles, plus eight network and "
         "four storage racks. Cooling: nine 200 kW CRAHs for ~1.45 MW (N+1). Power: three 1,200 kW UPS (N+1). "
         "Yard: two 3,150 kVA transformers and two 1,400 kW water-cooled chillers with a cooling tower. "
         "Raised floor rated 1,200 kg/m2. Workload: GPT-3 175B on 300B tokens at a typed MFU of 0.45 "
         "(Megatron layout tp 8, pp 8).", 30000, 24000, yard=9000, rating=1200)
y0 = 2400.0
for pair in range(4):
    y_end = row_pair(p, "nvidia-dgx-h100", 8, 3600, y0, 1200, units=2, prefix=f"P{pair + 1}")
    p.structure("hot_aisle", 3600, y0 + 1200, 8 * 600, 1200, f"Hot aisle {pair + 1}")
    y0 = y_end + 1200  # cold aisle
for i in range(8):
    p.facility("netrack-ib-ndr", 15600 + (i % 4) * 600, 2400 + (i // 4) * 3600, 0, f"NET{i + 1}")
for i in range(4):
    p.facility("storagerack-allflash-ai", 15600 + i * 600, 9600, 0, f"STO{i + 1}")
for i in range(9):
    p.facility("crah-fanwall-200kw", 600 + i * 3000, 21600, 0, f"CRAH-{i + 1}")
for i in range(3):
    p.facility("ups-vertiv-exl-s1-1200", 21000 + i * 2700, 3000, 0, f"UPS-{i + 1}")
p.structure("door", 29800, 12000, 200, 1800, "Door east")
p.facility("xfmr-oil-3150kva", 1200, -8400, 0, "TX-1", yard=True)
p.facility("xfmr-oil-3150kva", 4200, -8400, 0, "TX-2", yard=True)
p.facility("chiller-water-1400kw", 9000, -6000, 0, "CH-1", yard=True)
p.facility("chiller-water-1400kw", 12000, -6000, 0, "CH-2", yard=True)
p.facility("coolingtower-3500kw", 16800, -8400, 0, "CT-1", yard=True)
p.workload("gpt3-175b", 300e9, 0.45, 1536 * 2048,
           parallelism={"tp": 8, "pp": 8, "micro_batch": 1, "recompute": "selective", "zero": 1})
p.save("h100-1024-air.thplan")

# 3. CloudMatrix 384 hall ---------------------------------------------------------------------------------
p = Plan("CloudMatrix 384 hall (2 supernodes, 768 Ascend 910C)",
         "Two Huawei CloudMatrix 384 supernodes (each 16 racks: 12 compute + 4 network, 559 kW, moved as one "
         "group) = 1,118 kW IT, about 70 % of the heat to liquid. Liquid: two 1,350 kW CDUs (N+1 for ~780 kW). "
         "Air: three 200 kW CRAHs (N+1 for ~340 kW). Power: two 1,200 kW UPS. Slab floor 2,000 kg/m2 "
         "(16 t over 11.5 m2 per supernode). Workload: Llama 2 70B on 2T tokens at a typed MFU of 0.35 "
         "(the user's assumption; no published 910C run).", 24000, 15000, yard=8000, rating=2000)
p.system("huawei-cloudmatrix-384", 3600, 2400, 0, "CM384-1")
p.system("huawei-cloudmatrix-384", 3600, 7200, 0, "CM384-2")
p.facility("cdu-inrow-1350kw", 600, 2400, 0, "CDU-1")
p.facility("cdu-inrow-1350kw", 600, 7200, 0, "CDU-2")
for i in range(3):
    p.facility("crah-fanwall-200kw", 1200 + i * 3000, 13200, 0, f"CRAH-{i + 1}")
p.facility("ups-huawei-ups5000-h-1200", 16800, 2400, 0, "UPS-A")
p.facility("ups-huawei-ups5000-h-1200", 16800, 6000, 0, "UPS-B")
p.structure("door", 23800, 10800, 200, 1800, "Door east")
p.facility("xfmr-oil-3150kva", 1200, -7200, 0, "TX-1", yard=True)
p.facility("coolingtower-1750kw", 6000, -5400, 0, "CT-1", yard=True)
p.facility("chiller-water-1400kw", 12000, -5400, 0, "CH-1", yard=True)
p.workload("llama2-70b", 2e12, 0.35, 4 * 1024 * 1024)
p.save("cloudmatrix-384-hall.thplan")

# 4. Ascend 910B hall of 64 Atlas 800T A2 servers ------------------------------------------------------
p = Plan("Ascend 910B hall (64 Atlas 800T A2, 512 NPUs)",
         "64 Atlas 800T A2 servers (8 x Ascend 910B each, 512 NPUs) at four servers per rack (22.4 kW per "
         "rack, air-cooled) in 16 racks: two rows of eight around a contained hot aisle, plus two network "
         "and two storage racks. Cooling: four 200 kW CRAHs (N+1 for ~410 kW). Power: two 500 kW UPS "
         "(N+1). Workload: Llama 2 13B on 2T tokens, MFU estimated by the performance model (Ascend uses "
         "architecture-class defaults: lower confidence).", 15000, 12000, yard=6000, rating=1200)
row_pair(p, "huawei-atlas-800t-a2", 8, 3000, 3000, 1200, units=4, prefix="A")
p.structure("hot_aisle", 3000, 4200, 8 * 600, 1200, "Hot aisle")
for i in range(2):
    p.facility("netrack-ethernet-800g-spine", 9000 + i * 600, 3000, 180, f"NET{i + 1}")
    p.facility("storagerack-allflash-ai", 9000 + i * 600, 5400, 0, f"STO{i + 1}")
for i in range(4):
    p.facility("crah-fanwall-200kw", 600 + i * 2700, 10200, 0, f"CRAH-{i + 1}")
p.facility("ups-huawei-ups5000-e-500", 12600, 1200, 0, "UPS-A")
p.facility("ups-huawei-ups5000-e-500", 12600, 3600, 0, "UPS-B")
p.structure("door", 14800, 7200, 200, 1800, "Door east")
p.facility("xfmr-oil-2500kva", 12000, -5400, 0, "TX-1", yard=True)
p.facility("chiller-air-1000kw", 600, -3000, 90, "CH-1", yard=True)
p.workload("llama2-13b", 2e12, None, 4 * 1024 * 1024)
p.save("ascend-910b-hall.thplan")
