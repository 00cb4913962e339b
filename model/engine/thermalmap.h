// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace th::engine {

/// Volumetric heat capacity of air, rho c_p: standard air 1.2 kg/m3 x 1005 J/(kg K) = 1206 J/(m3 K)
/// (the "BTU/h = 1.08 x CFM x dT(F)" rule of the data-centre airflow literature is the same number
/// in IP units; docs/facility-model.md §5).
inline constexpr double kAirRhoCpJPerM3K = 1.2 * 1005.0;

/// Airflow that carries `watts` at a temperature rise of `deltaK`: V = P / (rho c_p dT), m3/s.
inline double airflowForHeatM3PerS(double watts, double deltaK)
{
    return deltaK > 0.0 ? watts / (kAirRhoCpJPerM3K * deltaK) : 0.0;
}

/**
 * A shared return plenum (ceiling plenum, hot-aisle chimneys): air rises into it from `cells` in
 * proportion to `weights` (empty: equally), mixes, and is drawn by the cooling units that name it
 * (ThermalSink::plenum). Its inflow is what those units draw, so its air is the weighted mean of
 * its cells, c Q T_plenum = sum c Q w_j T_j: the same physics as every unit drawing the share
 * Q_k / Q of each cell itself, with O(cells + units) matrix entries instead of O(cells x units).
 * A plenum no unit draws from takes no air.
 */
struct ThermalPlenum
{
    std::vector<int> cells;
    std::vector<double> weights;
};

/**
 * Indicative steady-state air temperature over a hall grid — NOT CFD (docs/facility-model.md §5).
 *
 * One well-mixed air layer of height `layerHeightM` (the rack-inlet zone) per cell. Two steps:
 * 1. Airflow: fans are volumetric sources and sinks (a rack draws its airflow from its intake
 *    cell and blows it out at its exhaust cell; a cooling unit draws its airflow from its return
 *    cells and delivers it at its supply cells). The face flows follow a potential (Darcy)
 *    field: div(k grad p) = sources, F = k (p_i - p_j), with k = 1 on open faces and
 *    `wallOpenFraction` on faces into a solid cell (rack body, wall) or across a containment
 *    boundary (cells of different `zone`). Above `directLimitCells`: conjugate gradient
 *    preconditioned by a geometric multigrid V-cycle (2 x 2 coarsening, operator-dependent
 *    bilinear transfers, Galerkin coarse operators, symmetric Gauss-Seidel); SimplicialLDLT below
 *    (and if the iteration fails).
 * 2. Energy, finite volume: upwind advection of rho c_p T by the face flows, turbulent mixing
 *    `mixingWPerK` per face (scaled like k), rack heat added to its own airflow, cooling units
 *    returning air at the weighted mean of their return cells and supplying it at `supplyC`
 *    while within capacity; above capacity the coil saturates (constant effectiveness:
 *    T_supply = T_return - eps (T_return - chilledWaterC), eps chosen so that the unit removes
 *    exactly its capacity at T_return = supplyC + designDeltaK). A weak leak to `ambientC` per
 *    cell stands for the envelope. The matrix is a column-diagonally-dominant M-matrix (every
 *    outflow of a cell is an inflow elsewhere), so the discrete energy balance is exact and more
 *    heat warms every cell. Above `directLimitCells`: BiCGSTAB preconditioned by an aggregation
 *    multigrid W-cycle whose Gauss-Seidel sweeps run downstream (cells in decreasing pressure),
 *    with the plenum and unit return rows solved exactly after the cells (a unit's return row
 *    holds its own return cells and one entry per plenum it draws from, so the rows are
 *    O(cells + units) however many exhausts a plenum collects); SparseLU below (and if the
 *    iteration fails). The saturated units are found by an active-set loop (a few solves at
 *    most), which reuses the preconditioner and starts each solve from the previous field.
 *
 * Backward compatible: a source without `intakeCell` is plain heat; a sink without return cells
 * returns from its supply cells, i.e. removes rho c_p V (T - supplyC) = capacity / designDeltaK
 * x (T - supplyC) from them (the earlier linear sink).
 * Not modelled: height (stratification, recirculation over rack tops), plenum pressure
 * non-uniformity, buoyancy, momentum (jets, entrainment), transients. Verified (hand-solved
 * cases, balance, symmetry, monotonicity), not validated against a measured or CFD hall: no
 * published case with the geometry and per-rack inlet values was found (docs/facility-model.md
 * §5, "Validation against a published case").
 */
struct ThermalGridSpec
{
    int nx = 0;
    int ny = 0;
    double cellMm = 600.0;
    /// Turbulent mixing per open face, rho c_p D_t H: 1206 J/(m3 K) x 0.05 m2/s x 2.4 m = 145 W/K
    /// (D_t between the 0.001-0.013 m2/s of naturally ventilated rooms and 0.06-0.12 m2/s of
    /// ventilated corridors; docs/facility-model.md §5). Independent of the cell size in 2D.
    double mixingWPerK = kAirRhoCpJPerM3K * 0.05 * 2.4;
    double leakWPerK = 0.5;        ///< per cell, to ambientC
    double ambientC = 24.0;
    /// Direct solvers (SimplicialLDLT, SparseLU) up to this many cells (+ units), multigrid-
    /// preconditioned iterative solvers above (already ~2.5 x faster at 1,000 cells; the direct
    /// path stays for the small hand-checked grids; docs/performance.md).
    int directLimitCells = 1000;
    double layerHeightM = 2.4;     ///< air layer (rack height) for velocities
    /// Per cell (empty: none): 1 = solid (rack body, wall, column): air passes only through the
    /// rack's own fans (sources with an intake) and leaks through `wallOpenFraction`.
    std::vector<unsigned char> solid;
    /// Per cell (empty: all 0): containment enclosure id; faces between cells of different ids
    /// are containment walls (open fraction `wallOpenFraction` for flow and mixing).
    std::vector<int> zone;
    /// Open fraction of a solid face or containment wall (gaps, doors, blanking-panel leakage).
    double wallOpenFraction = 0.03;
    /// Shared return plenums (ThermalPlenum), referred to by ThermalSink::plenum.
    std::vector<ThermalPlenum> plenums;
};


struct ThermalSource
{
    int cell = 0;                  ///< y * nx + x: where the heat (and a rack's exhaust) enters
    double watts = 0.0;
    /// A rack's fans: airflow drawn from `intakeCell` and blown out, heated by `watts`, at
    /// `cell`. -1 or airflow 0: plain heat at `cell` (power gear losses).
    int intakeCell = -1;
    double airflowM3PerS = 0.0;
};

/// A cooling unit: supplies its airflow (`airflowM3PerS`, or capacity / (rho c_p designDeltaK)
/// when 0) over `cells` in proportion to `weights` (empty: equally) and draws it back from
/// `returnCells` (`returnWeights`, empty: 1 each) and from the shared plenum `plenum` with
/// `plenumWeight` on the same scale as `returnWeights` (no return cells and no plenum: from
/// `cells` with the supply weights).
struct ThermalSink
{
    std::vector<int> cells;
    std::vector<double> weights;
    double capacityW = 0.0;
    double supplyC = 20.0;
    double designDeltaK = 12.0;
    std::vector<int> returnCells;
    std::vector<double> returnWeights;
    double airflowM3PerS = 0.0;
    double chilledWaterC = 14.0;   ///< coil water inlet; sets the effectiveness above capacity
    int plenum = -1;               ///< index into ThermalGridSpec::plenums; -1: none
    double plenumWeight = 0.0;     ///< share of the return drawn from the plenum (with returnWeights)
};

struct ThermalResult
{
    bool ok = false;
    std::vector<double> temperatureC; ///< nx * ny, row-major (y * nx + x)
    std::vector<double> sinkRemovedW; ///< per sink
    double heatInW = 0.0;
    double removedW = 0.0;         ///< by sinks
    double leakW = 0.0;            ///< to ambient
    double maxC = 0.0;
    int iterations = 0;            ///< iterative solver iterations (0 when solved directly)
    // Extensions of the advective model (all sized as their inputs):
    std::vector<double> sinkReturnC;   ///< per sink: mixed return air
    std::vector<double> sinkSupplyC;   ///< per sink: supply air (above supplyC when saturated)
    std::vector<double> sinkAirflowM3PerS;
    std::vector<unsigned char> sinkSaturated; ///< 1: load above capacity, supply air warmer
    std::vector<double> sourceInletC;  ///< per source: intake cell (the cell itself without one)
    std::vector<float> velocityXMps;   ///< per cell, cell-centred, + = towards larger x
    std::vector<float> velocityYMps;   ///< per cell, + = towards larger y
    int activeSetPasses = 0;           ///< energy solves (1 + units switched to saturation)
    std::vector<double> plenumC;       ///< per plenum: mixed air (0 when no unit draws from it)
    std::vector<double> plenumAirflowM3PerS; ///< per plenum: drawn by the units
};

ThermalResult solveThermal(const ThermalGridSpec &spec, const std::vector<ThermalSource> &sources,
                           const std::vector<ThermalSink> &sinks);

/// The same problem with every plenum written out into the return cells of the units that draw
/// from it (each unit draws its share of every plenum cell): the formulation before plenums
/// existed, O(cells x units). For tests and benchmarks of the equivalence.
std::vector<ThermalSink> sinksWithoutPlenums(const ThermalGridSpec &spec, const std::vector<ThermalSink> &sinks);

/// ASHRAE TC 9.9 thresholds for rack inlet air.
inline constexpr double kAshraeRecommendedMaxC = 27.0;
inline constexpr double kAshraeA1AllowableMaxC = 32.0;

/**
 * Rack Cooling Index, high side (M. K. Herrlin, "Rack Cooling Effectiveness in Data Centers and
 * Telecom Central Offices: The Rack Cooling Index (RCI)", ASHRAE Transactions 111(2), 2005;
 * restated in ASHRAE Journal, January 2009, p. 39), in percent over the n intake temperatures T_x:
 *   RCI_HI = [1 - sum_x max(0, T_x - T_max-rec) / ((T_max-all - T_max-rec) n)] x 100 %.
 * 100 %: no intake above the recommended maximum; it falls by 1/n percentage points per intake
 * and per 1 % of the recommended-to-allowable range exceeded, and goes below 0 when the mean
 * excess is larger than that range. Empty: 100 %. Defaults: ASHRAE recommended 27 C, A1
 * allowable 32 C.
 */
double rackCoolingIndexHiPct(const std::vector<double> &intakeC, double maxRecommendedC = kAshraeRecommendedMaxC,
                             double maxAllowableC = kAshraeA1AllowableMaxC);

} // namespace th::engine
