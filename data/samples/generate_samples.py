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
        return item["id"]

    def facility(self, eid, x, y, rot=0, label="", yard=False, props=None):
        e = equipment[eid]
        item = {"id": self._id(), "kind": "facility", "catalog_id": eid, "hall": 1, "x_mm": x, "y_mm": y, "rotation": rot,
                "width_mm": float(e["width_mm"]), "depth_mm": float(e["depth_mm"])}
        if yard:
            item["yard"] = True
        if label:
            item["label"] = label
        if props:
            item["properties"] = props
        self.doc["equipment"].append(item)
        return item["id"]

    def site(self, site_id):
        self.doc["site"] = site_id

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



def lineup(plan, eid, n, x0, y, rot=0, prefix="U", yard=False, props=None):
    """n units of one catalog item side by side (touching), left to right from x0."""
    w = float(equipment[eid]["width_mm"]) if rot in (0, 180) else float(equipment[eid]["depth_mm"])
    return [plan.facility(eid, x0 + i * w, y, rot, f"{prefix}{i + 1}", yard, dict(props or {})) for i in range(n)]


def power_2n(plan, it_kw, ups_id, n_ups, pdu_id, n_pdu, xfmr_id, ups_xy, pdu_a_xy, pdu_b_xy, tx_a_xy, tx_b_xy):
    """A 2N power chain: transformer -> UPS system -> PDUs on each of the A and B sides. Every
    rack is dual-corded and is fed automatically from the nearest PDU of each side."""
    ids = {}
    for side, tx_xy in (("A", tx_a_xy), ("B", tx_b_xy)):
        ids["tx" + side] = plan.facility(xfmr_id, tx_xy[0], tx_xy[1], 0, f"TX-{side}", yard=True,
                                         props={"redundancy_group": side})
    ux, uy = ups_xy
    ups_w = float(equipment[ups_id]["width_mm"])
    for side, offset in (("A", 0), ("B", n_ups)):
        ids["ups" + side] = [plan.facility(ups_id, ux + (offset + i) * ups_w, uy, 0, f"UPS-{side}{i + 1}", False,
                                           {"redundancy_group": side, "fed_from": [ids["tx" + side]]}) for i in range(n_ups)]
    for side, (px, py) in (("A", pdu_a_xy), ("B", pdu_b_xy)):
        pdu_w = float(equipment[pdu_id]["width_mm"])
        ids["pdu" + side] = [plan.facility(pdu_id, px + i * pdu_w, py, 0, f"PDU-{side}{i + 1}", False,
                                           {"redundancy_group": side, "fed_from": ids["ups" + side]}) for i in range(n_pdu)]
    return ids


# 1. GB200 NVL72 liquid-cooled pod, ~1 MW IT -------------------------------------------------------
p = Plan("GB200 NVL72 pod (8 racks, ~1 MW IT)",
         "Eight GB200 NVL72 racks (576 GPUs, 120 kW each = 960 kW IT, 85 % of the heat to liquid) in two rows "
         "of four around a contained hot aisle, with two network racks (988 kW IT). Site: Ulanqab (western "
         "hub, cool and dry). Liquid: 1,350 kW in-row CDUs at both ends of each row (N+1 per row for ~816 kW) on "
         "a 32/40 C loop rejected by a cooling tower. Air: two 200 kW fan-wall CRAHs for the ~170 kW air share (N+1), a 1,000 kW "
         "air-cooled chiller for hot hours. Power 2N: per side one 3,150 kVA transformer, two 1,200 kW UPS in "
         "parallel and nine 300 kVA floor PDUs (one per 120 kW rack, so that either side alone carries every rack). NVL72 racks weigh 1.36 t on 0.64 m2: slab floor rated 2,500 kg/m2. Workload: "
         "Llama 3.1 70B on 15T tokens, MFU estimated by the performance model.", 21000, 15000, yard=9000, rating=2500)
p.site("ulanqab")
x0 = 6000.0
for i in range(4):
    p.system("nvidia-gb200-nvl72", x0 + i * 600, 3000, 180, f"NVL-A{i + 1}")
    p.system("nvidia-gb200-nvl72", x0 + i * 600, 3000 + 1068 + 1200, 0, f"NVL-B{i + 1}")
p.facility("netrack-ib-ndr", x0 + 4 * 600, 3000 - 132, 180, "NET1")  # 1,200 mm deep: backs aligned
p.facility("netrack-ib-ndr", x0 + 4 * 600, 3000 + 1068 + 1200, 0, "NET2")
p.structure("hot_aisle", x0, 3000 + 1068, 5 * 600, 1200, "Hot aisle 1")
# In-row CDUs at both ends of each row (1,200 mm deep, aligned with the 1,068 mm racks' backs),
# so that every row keeps a CDU when one fails.
p.facility("cdu-inrow-1350kw", x0 - 1200, 3000 - 132, 0, "CDU-A1")
p.facility("cdu-inrow-1350kw", x0 + 5 * 600, 3000 - 132, 0, "CDU-A2")
p.facility("cdu-inrow-1350kw", x0 - 1200, 3000 + 1068 + 1200, 0, "CDU-B1")
p.facility("cdu-inrow-1350kw", x0 + 5 * 600, 3000 + 1068 + 1200, 0, "CDU-B2")
lineup(p, "crah-fanwall-200kw", 3, 3000, 9600, 0, "CRAH-")
power_2n(p, 988, "ups-vertiv-exl-s1-1200", 2, "pdu-floor-300kva", 9, "xfmr-oil-3150kva",
         ups_xy=(10200, 12600), pdu_a_xy=(10200, 4200), pdu_b_xy=(10200, 6600), tx_a_xy=(600, -8400), tx_b_xy=(3600, -8400))
p.structure("door", 0, 12600, 200, 1800, "Door west")
p.facility("coolingtower-1750kw", 7200, -8400, 0, "CT-1", yard=True)
p.facility("chiller-air-1000kw", 600, -3000, 90, "CH-1", yard=True)
p.workload("llama3.1-70b", 15e12, None, 16 * 1024 * 1024 / 2)
p.save("gb200-nvl72-pod.thplan")

# 2. 1,024-GPU H100 air-cooled hall ------------------------------------------------------------------
p = Plan("H100 air-cooled hall (1,024 GPUs)",
         "128 DGX H100 (1,024 GPUs) at two servers per rack (20.4 kW per rack, within the 30-40 kW air-cooling "
         "limit) in 64 racks: four pairs of rows of eight around contained hot aisles, plus eight network and "
         "four storage racks around a fifth contained aisle (1,478 kW IT). Site: Ashburn VA. Cooling: ten 200 kW CRAHs on the north and south "
         "walls (N+1 for ~1.5 MW), two 1,400 kW water-cooled chillers and a 3,500 kW cooling tower in the yard. "
         "Power 2N: per side one 3,150 kVA transformer, two 1,200 kW UPS in parallel and seven 300 kVA floor "
         "PDUs. Raised floor with heavy-duty pedestals rated 1,500 kg/m2 (a 1.3 t floor PDU loads 1,204 kg/m2). Workload: GPT-3 175B on 300B tokens at a typed MFU of 0.45 "
         "(Megatron layout tp 8, pp 8).", 30000, 24000, yard=9000, rating=1500)
p.site("ashburn")
for pair in range(4):
    y0 = 2400.0 + pair * 4800
    row_pair(p, "nvidia-dgx-h100", 8, 3600, y0, 1200, units=2, prefix=f"P{pair + 1}")
    p.structure("hot_aisle", 3600, y0 + 1200, 8 * 600, 1200, f"Hot aisle {pair + 1}")
# Network and storage racks as a contained pair too: eight network racks facing north, back to
# back across a hot aisle with four storage racks and four empty racks (blanking the row, so the
# containment is closed) facing south. An open row end here recirculated exhaust to the last
# network rack's inlet in the thermal map.
lineup(p, "netrack-ib-ndr", 8, 9600, 2400, 180, "NET")
p.structure("hot_aisle", 9600, 3600, 8 * 600, 1200, "Hot aisle 5")
lineup(p, "storagerack-allflash-ai", 4, 9600, 4800, 0, "STO")
lineup(p, "rack-600x1200-48u", 4, 12000, 4800, 0, "BLANK")
lineup(p, "crah-fanwall-200kw", 5, 1200, 0, 0, "CRAH-N")
lineup(p, "crah-fanwall-200kw", 5, 1200, 22200, 0, "CRAH-S")
power_2n(p, 1478, "ups-vertiv-exl-s1-1200", 2, "pdu-floor-300kva", 7, "xfmr-oil-3150kva",
         ups_xy=(16800, 10800), pdu_a_xy=(16800, 14400), pdu_b_xy=(16800, 16800), tx_a_xy=(1200, -8400), tx_b_xy=(4200, -8400))
p.structure("door", 29800, 12000, 200, 1800, "Door east")
p.facility("chiller-water-1400kw", 9000, -6000, 0, "CH-1", yard=True)
p.facility("chiller-water-1400kw", 12000, -6000, 0, "CH-2", yard=True)
p.facility("coolingtower-3500kw", 16800, -8400, 0, "CT-1", yard=True)
p.workload("gpt3-175b", 300e9, 0.45, 1536 * 2048,
           parallelism={"tp": 8, "pp": 8, "micro_batch": 1, "recompute": "selective", "zero": 1})
p.save("h100-1024-air.thplan")

# 3. CloudMatrix 384 hall ---------------------------------------------------------------------------------
p = Plan("CloudMatrix 384 hall (2 supernodes, 768 Ascend 910C)",
         "Two Huawei CloudMatrix 384 supernodes (each 16 racks: 12 compute + 4 network, 559 kW, moved as one "
         "group) = 1,118 kW IT, about 70 % of the heat to liquid. Site: Guiyang (national hub, mild). Liquid: "
         "1,350 kW CDUs at both ends of each supernode (N+1 for ~780 kW) on a cooling tower. Air: three 200 kW CRAHs (N+1 for ~340 kW) "
         "and a 1,400 kW water-cooled chiller. Power 2N: per side one 3,150 kVA transformer, two 1,200 kW UPS "
         "and six 300 kVA PDUs. Slab floor 2,000 kg/m2 (16 t over 11.5 m2 per supernode). Workload: Llama 2 70B "
         "on 2T tokens at a typed MFU of 0.35 (the user's assumption; no published 910C run).", 27000, 18000,
         yard=9000, rating=2000)
p.site("guiyang")
p.system("huawei-cloudmatrix-384", 4800, 2400, 0, "CM384-1")
p.system("huawei-cloudmatrix-384", 4800, 7200, 0, "CM384-2")
for k, y in enumerate((2400, 7200)):
    p.facility("cdu-inrow-1350kw", 3600, y, 0, f"CDU-{k + 1}W")
    p.facility("cdu-inrow-1350kw", 4800 + 8 * 600, y, 0, f"CDU-{k + 1}E")
lineup(p, "crah-fanwall-200kw", 4, 2400, 15600, 0, "CRAH-")
power_2n(p, 1118, "ups-huawei-ups5000-h-1200", 2, "pdu-floor-300kva", 6, "xfmr-oil-3150kva",
         ups_xy=(14400, 1200), pdu_a_xy=(14400, 4800), pdu_b_xy=(14400, 7200), tx_a_xy=(1200, -8400), tx_b_xy=(4200, -8400))
p.structure("door", 26800, 12000, 200, 1800, "Door east")
p.facility("coolingtower-1750kw", 7200, -8400, 0, "CT-1", yard=True)
p.facility("chiller-water-1400kw", 12000, -6000, 0, "CH-1", yard=True)
p.workload("llama2-70b", 2e12, 0.35, 4 * 1024 * 1024)
p.save("cloudmatrix-384-hall.thplan")

# 4. Ascend 910B hall of 64 Atlas 800T A2 servers ------------------------------------------------------
p = Plan("Ascend 910B hall (64 Atlas 800T A2, 512 NPUs)",
         "64 Atlas 800T A2 servers (8 x Ascend 910B each, 512 NPUs) at four servers per rack (22.4 kW per "
         "rack, air-cooled) in 16 racks: two rows of eight around a contained hot aisle, plus two network "
         "and two storage racks (412 kW IT). Site: Wuhu (Yangtze River Delta hub). Cooling: four 200 kW CRAHs "
         "(N+1), a 1,000 kW air-cooled chiller. Power 2N: per side one 2,500 kVA transformer, two 500 kW UPS "
         "in parallel and two 300 kVA PDUs; raised floor with heavy-duty pedestals rated 1,500 kg/m2. Workload: Llama 2 13B on 2T tokens, MFU estimated by the performance model "
         "(Ascend uses architecture-class defaults: lower confidence). Finding: with air cooling in Wuhu's climate the "
         "annual PUE misses the national hub target of 1.25.", 18000, 13200, yard=6000, rating=1500)
p.site("wuhu")
row_pair(p, "huawei-atlas-800t-a2", 8, 3000, 3000, 1200, units=4, prefix="A")
p.structure("hot_aisle", 3000, 4200, 8 * 600, 1200, "Hot aisle")
p.facility("netrack-ethernet-800g-spine", 7800, 3000, 180, "NET1")
p.facility("netrack-ethernet-800g-spine", 8400, 3000, 180, "NET2")
p.facility("storagerack-allflash-ai", 7800, 5400, 0, "STO1")
p.facility("storagerack-allflash-ai", 8400, 5400, 0, "STO2")
lineup(p, "crah-fanwall-200kw", 4, 1200, 11400, 0, "CRAH-")
power_2n(p, 412, "ups-huawei-ups5000-e-500", 2, "pdu-floor-300kva", 2, "xfmr-oil-2500kva",
         ups_xy=(10200, 1200), pdu_a_xy=(12000, 4200), pdu_b_xy=(12000, 6600), tx_a_xy=(600, -5400), tx_b_xy=(3600, -5400))
p.structure("door", 17800, 9000, 200, 1800, "Door east")
p.facility("chiller-air-1000kw", 600, -3000, 90, "CH-1", yard=True)
p.workload("llama2-13b", 2e12, None, 4 * 1024 * 1024)
p.save("ascend-910b-hall.thplan")

# 5. A hall with problems: the facility analysis must find them -------------------------------------------
p = Plan("Overloaded retrofit (violations on purpose)",
         "A retrofit gone wrong, to show what the analysis catches: four GB200 NVL72 racks (480 kW, mostly "
         "liquid) squeezed into an air-cooled room with one 500 kW UPS and no CDU, next to two DGX H100 racks. "
         "Expected findings: liquid-cooled racks with no CDU in reach, the UPS above its 80 % continuous rating, "
         "no power redundancy, an aisle narrower than 1.2 m, and racks heavier than the 1,200 kg/m2 raised "
         "floor. Site: Shanghai.", 15000, 12000, yard=6000, rating=1200)
p.site("shanghai")
for i in range(4):
    p.system("nvidia-gb200-nvl72", 3000 + i * 600, 3000, 180, f"NVL{i + 1}")
p.system("nvidia-dgx-h100", 3000, 4668, 0, "DGX1", units=2)
p.system("nvidia-dgx-h100", 3600, 4668, 0, "DGX2", units=2)
lineup(p, "crah-fanwall-200kw", 2, 1200, 10200, 0, "CRAH-")
ups = p.facility("ups-schneider-galaxy-vx-500", 10800, 1200, 0, "UPS-1")
p.facility("pdu-floor-300kva", 10800, 3600, 0, "PDU-1", props={"fed_from": [ups]})
p.facility("pdu-floor-300kva", 12000, 3600, 0, "PDU-2", props={"fed_from": [ups]})
p.facility("xfmr-oil-2500kva", 600, -5400, 0, "TX-1", yard=True)
p.facility("chiller-air-1000kw", 600, -3000, 90, "CH-1", yard=True)
p.save("overloaded-retrofit.thplan")
