// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace th::engine {

/**
 * Indicative steady-state air temperature over a hall grid — NOT CFD (docs/facility-model.md §5).
 *
 * Each cell holds one well-mixed air temperature T. Neighbouring cells exchange heat through a
 * mixing conductance G_mix (W/K: air movement and turbulent mixing lumped into one number,
 * rho c_p v_eff A_face: 1.2 kg/m3 x 1005 J/kgK x 0.5 m/s x 0.6 m x 2.5 m ~ 900 W/K for a 600 mm
 * tile). Rack air heat enters as sources; each cooling unit is a sink drawing
 * G_u (T - T_supply) from its cells with G_u = capacity / designDeltaT (it removes its
 * capacity when its cells are designDeltaT above supply); every cell leaks weakly to the
 * ambient through G_leak (building envelope; also keeps the system non-singular).
 * Steady state: (L + D) T = q + D T_ref, L the 5-point graph Laplacian times G_mix, D the
 * sink and leak conductances: symmetric positive definite, solved with Eigen's SimplicialLDLT
 * (ConjugateGradient above `directLimitCells`).
 * Not modelled: advection (plume direction, recirculation over racks), containment, height.
 */
struct ThermalGridSpec
{
    int nx = 0;
    int ny = 0;
    double cellMm = 600.0;
    double mixingWPerK = 900.0;
    double leakWPerK = 0.5;        ///< per cell, to ambientC
    double ambientC = 24.0;
    int directLimitCells = 400000;
};

struct ThermalSource
{
    int cell = 0;                  ///< y * nx + x
    double watts = 0.0;
};

/// A cooling unit: its conductance G_u = capacity / designDeltaT is spread over `cells` in
/// proportion to `weights` (empty: equally). Spreading over the unit's supply area (raised-floor
/// tiles, the cold aisle of an in-row unit) stands in for the supply air that the diffusion
/// model cannot carry.
struct ThermalSink
{
    std::vector<int> cells;
    std::vector<double> weights;
    double capacityW = 0.0;
    double supplyC = 20.0;
    double designDeltaK = 12.0;
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
    int iterations = 0;            ///< CG iterations (0 when solved directly)
};

ThermalResult solveThermal(const ThermalGridSpec &spec, const std::vector<ThermalSource> &sources,
                           const std::vector<ThermalSink> &sinks);

/// ASHRAE TC 9.9 thresholds for rack inlet air.
inline constexpr double kAshraeRecommendedMaxC = 27.0;
inline constexpr double kAshraeA1AllowableMaxC = 32.0;

} // namespace th::engine
