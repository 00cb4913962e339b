// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/thermalmap.h"

#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>

namespace th::engine {

namespace {

using Triplets = std::vector<Eigen::Triplet<double>>;
using SpMat = Eigen::SparseMatrix<double>;

/// Cells and normalised weights of one list (cells out of range dropped, weights >= 0).
struct Spread
{
    std::vector<int> cells;
    std::vector<double> share; ///< sums to 1
};

Spread spread(const std::vector<int> &cells, const std::vector<double> &weights, int n)
{
    Spread s;
    const bool weighted = weights.size() == cells.size();
    double total = 0.0;
    for (std::size_t j = 0; j < cells.size(); ++j) {
        const double w = weighted ? std::max(0.0, weights[j]) : 1.0;
        if (cells[j] >= 0 && cells[j] < n && w > 0.0) {
            s.cells.push_back(cells[j]);
            s.share.push_back(w);
            total += w;
        }
    }
    for (double &w : s.share)
        w /= total;
    return s;
}

struct Unit
{
    Spread supply;
    Spread ret;
    double flowM3PerS = 0.0;
    double capacityW = 0.0;
    double setC = 0.0;
    double eps = 1.0;       ///< coil effectiveness when saturated
    double waterC = 0.0;
    bool saturated = false;
};

/// Pressure-driven face flows (m3/s) for the volumetric sources `q` (sum 0): Fx[i] from cell i to
/// i + 1, Fy[i] from i to i + nx. Returns false when the solve fails.
bool faceFlows(const ThermalGridSpec &spec, const std::vector<double> &kx, const std::vector<double> &ky,
               const Eigen::VectorXd &q, std::vector<double> &fx, std::vector<double> &fy, int &iterations)
{
    const int nx = spec.nx, ny = spec.ny, n = nx * ny;
    Triplets t;
    t.reserve(std::size_t(n) * 5);
    Eigen::VectorXd diag = Eigen::VectorXd::Zero(n);
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            if (x + 1 < nx) {
                t.emplace_back(i, i + 1, -kx[std::size_t(i)]);
                t.emplace_back(i + 1, i, -kx[std::size_t(i)]);
                diag[i] += kx[std::size_t(i)];
                diag[i + 1] += kx[std::size_t(i)];
            }
            if (y + 1 < ny) {
                t.emplace_back(i, i + nx, -ky[std::size_t(i)]);
                t.emplace_back(i + nx, i, -ky[std::size_t(i)]);
                diag[i] += ky[std::size_t(i)];
                diag[i + nx] += ky[std::size_t(i)];
            }
        }
    }
    diag[0] += 1.0; // pins the free constant of the pure-Neumann problem (sources sum to zero)
    for (int i = 0; i < n; ++i)
        t.emplace_back(i, i, diag[i]);
    SpMat a(n, n);
    a.setFromTriplets(t.begin(), t.end());
    Eigen::VectorXd p;
    if (n <= spec.directLimitCells) {
        Eigen::SimplicialLDLT<SpMat> solver(a);
        if (solver.info() != Eigen::Success)
            return false;
        p = solver.solve(q);
    } else {
        Eigen::ConjugateGradient<SpMat, Eigen::Lower | Eigen::Upper> solver(a);
        solver.setTolerance(1e-8);
        p = solver.solve(q);
        iterations += int(solver.iterations());
        if (solver.info() != Eigen::Success)
            return false;
    }
    fx.assign(std::size_t(n), 0.0);
    fy.assign(std::size_t(n), 0.0);
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            if (x + 1 < nx)
                fx[std::size_t(i)] = kx[std::size_t(i)] * (p[i] - p[i + 1]);
            if (y + 1 < ny)
                fy[std::size_t(i)] = ky[std::size_t(i)] * (p[i] - p[i + nx]);
        }
    }
    return true;
}

} // namespace

ThermalResult solveThermal(const ThermalGridSpec &spec, const std::vector<ThermalSource> &sources,
                           const std::vector<ThermalSink> &sinks)
{
    ThermalResult r;
    if (spec.nx <= 0 || spec.ny <= 0)
        return r;
    const int nx = spec.nx, ny = spec.ny, n = nx * ny;
    const int m = int(sinks.size());
    const double c = kAirRhoCpJPerM3K;
    const auto solidAt = [&](int i) { return spec.solid.size() == std::size_t(n) && spec.solid[std::size_t(i)] != 0; };
    const auto zoneAt = [&](int i) { return spec.zone.size() == std::size_t(n) ? spec.zone[std::size_t(i)] : 0; };
    const double open = std::clamp(spec.wallOpenFraction, 1e-6, 1.0);
    // Face openness (flow conductance and mixing scale alike).
    std::vector<double> kx(std::size_t(n), 0.0), ky(std::size_t(n), 0.0);
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            const auto face = [&](int j) { return solidAt(i) || solidAt(j) || zoneAt(i) != zoneAt(j) ? open : 1.0; };
            if (x + 1 < nx)
                kx[std::size_t(i)] = face(i + 1);
            if (y + 1 < ny)
                ky[std::size_t(i)] = face(i + nx);
        }
    }

    // Fans: racks (intake -> exhaust) and cooling units (return -> supply).
    Eigen::VectorXd q = Eigen::VectorXd::Zero(n);
    bool anyFlow = false;
    for (const ThermalSource &s : sources) {
        if (s.cell < 0 || s.cell >= n)
            continue;
        r.heatInW += s.watts;
        if (s.intakeCell >= 0 && s.intakeCell < n && s.airflowM3PerS > 0.0 && s.intakeCell != s.cell) {
            q[s.cell] += s.airflowM3PerS;
            q[s.intakeCell] -= s.airflowM3PerS;
            anyFlow = true;
        }
    }
    std::vector<Unit> units(static_cast<std::size_t>(m));
    for (int k = 0; k < m; ++k) {
        const ThermalSink &s = sinks[std::size_t(k)];
        Unit &u = units[std::size_t(k)];
        u.supply = spread(s.cells, s.weights, n);
        u.ret = s.returnCells.empty() ? u.supply : spread(s.returnCells, s.returnWeights, n);
        if (u.supply.cells.empty() || u.ret.cells.empty() || s.capacityW <= 0.0 || s.designDeltaK <= 0.0)
            continue;
        u.flowM3PerS = s.airflowM3PerS > 0.0 ? s.airflowM3PerS : airflowForHeatM3PerS(s.capacityW, s.designDeltaK);
        u.capacityW = s.capacityW;
        u.setC = s.supplyC;
        u.waterC = s.chilledWaterC;
        // Effectiveness that removes exactly the capacity at the design return temperature.
        const double designDeltaK = s.capacityW / (c * u.flowM3PerS);
        u.eps = std::clamp(designDeltaK / std::max(1e-9, s.supplyC + designDeltaK - s.chilledWaterC), 1e-6, 1.0);
        for (std::size_t j = 0; j < u.supply.cells.size(); ++j)
            q[u.supply.cells[j]] += u.flowM3PerS * u.supply.share[j];
        for (std::size_t j = 0; j < u.ret.cells.size(); ++j)
            q[u.ret.cells[j]] -= u.flowM3PerS * u.ret.share[j];
        anyFlow = anyFlow || u.supply.cells != u.ret.cells || u.supply.share != u.ret.share;
    }
    std::vector<double> fx(std::size_t(n), 0.0), fy(std::size_t(n), 0.0);
    if (anyFlow && !faceFlows(spec, kx, ky, q, fx, fy, r.iterations))
        return r;

    // Energy: the parts that do not depend on the units' saturation.
    Triplets base;
    base.reserve(std::size_t(n) * 7 + sources.size() * 2);
    Eigen::VectorXd rhsBase = Eigen::VectorXd::Zero(n + m);
    Eigen::VectorXd diag = Eigen::VectorXd::Constant(n + m, 0.0);
    const auto face = [&](int i, int j, double flow, double open01) {
        const double g = spec.mixingWPerK * open01;
        // Upwind: the donor cell loses c F T_donor, the receiver gains it (exact telescoping).
        const int from = flow >= 0.0 ? i : j, to = flow >= 0.0 ? j : i;
        diag[from] += c * std::abs(flow);
        base.emplace_back(to, from, -c * std::abs(flow));
        diag[i] += g;
        diag[j] += g;
        base.emplace_back(i, j, -g);
        base.emplace_back(j, i, -g);
    };
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            if (x + 1 < nx)
                face(i, i + 1, fx[std::size_t(i)], kx[std::size_t(i)]);
            if (y + 1 < ny)
                face(i, i + nx, fy[std::size_t(i)], ky[std::size_t(i)]);
            diag[i] += spec.leakWPerK;
            rhsBase[i] += spec.leakWPerK * spec.ambientC;
        }
    }
    for (const ThermalSource &s : sources) {
        if (s.cell < 0 || s.cell >= n)
            continue;
        rhsBase[s.cell] += s.watts;
        if (s.intakeCell >= 0 && s.intakeCell < n && s.airflowM3PerS > 0.0 && s.intakeCell != s.cell) {
            diag[s.intakeCell] += c * s.airflowM3PerS;             // drawn in at the intake...
            base.emplace_back(s.cell, s.intakeCell, -c * s.airflowM3PerS); // ...blown out at the exhaust
        }
    }
    for (int k = 0; k < m; ++k) {
        const Unit &u = units[std::size_t(k)];
        // Row n + k: the mixed return temperature, c V T_ret = sum c V w_j T_j (a unit without
        // airflow keeps T_ret = 0 and plays no part).
        diag[n + k] += u.flowM3PerS > 0.0 ? c * u.flowM3PerS : 1.0;
        for (std::size_t j = 0; j < u.ret.cells.size() && u.flowM3PerS > 0.0; ++j) {
            diag[u.ret.cells[j]] += c * u.flowM3PerS * u.ret.share[j];
            base.emplace_back(n + k, u.ret.cells[j], -c * u.flowM3PerS * u.ret.share[j]);
        }
    }
    for (int i = 0; i < n + m; ++i)
        base.emplace_back(i, i, diag[i]);

    Eigen::VectorXd temp;
    for (int pass = 0; pass < 2 * m + 2; ++pass) {
        Triplets t = base;
        Eigen::VectorXd rhs = rhsBase;
        for (int k = 0; k < m; ++k) {
            const Unit &u = units[std::size_t(k)];
            for (std::size_t j = 0; j < u.supply.cells.size() && u.flowM3PerS > 0.0; ++j) {
                const double cv = c * u.flowM3PerS * u.supply.share[j];
                if (u.saturated) { // T_sup = (1 - eps) T_ret + eps T_water
                    t.emplace_back(u.supply.cells[j], n + k, -cv * (1.0 - u.eps));
                    rhs[u.supply.cells[j]] += cv * u.eps * u.waterC;
                } else {
                    rhs[u.supply.cells[j]] += cv * u.setC;
                }
            }
        }
        SpMat a(n + m, n + m);
        a.setFromTriplets(t.begin(), t.end());
        if (n + m <= spec.directLimitCells) {
            Eigen::SparseLU<SpMat> solver;
            solver.compute(a);
            if (solver.info() != Eigen::Success)
                return r;
            temp = solver.solve(rhs);
            if (solver.info() != Eigen::Success)
                return r;
        } else {
            Eigen::BiCGSTAB<SpMat, Eigen::DiagonalPreconditioner<double>> solver;
            solver.setTolerance(1e-9);
            solver.compute(a);
            if (temp.size() == n + m)
                temp = solver.solveWithGuess(rhs, temp);
            else
                temp = solver.solve(rhs);
            r.iterations += int(solver.iterations());
            if (solver.info() != Eigen::Success)
                return r;
        }
        ++r.activeSetPasses;
        bool changed = false;
        for (int k = 0; k < m; ++k) {
            Unit &u = units[std::size_t(k)];
            if (u.flowM3PerS <= 0.0)
                continue;
            const double tr = temp[n + k];
            if (!u.saturated && c * u.flowM3PerS * (tr - u.setC) > u.capacityW * (1.0 + 1e-9)) {
                u.saturated = true;
                changed = true;
            } else if (u.saturated && (1.0 - u.eps) * tr + u.eps * u.waterC < u.setC - 1e-9) {
                u.saturated = false;
                changed = true;
            }
        }
        if (!changed)
            break;
    }

    r.temperatureC.assign(temp.data(), temp.data() + n);
    r.sinkRemovedW.assign(std::size_t(m), 0.0);
    r.sinkReturnC.assign(std::size_t(m), 0.0);
    r.sinkSupplyC.assign(std::size_t(m), 0.0);
    r.sinkAirflowM3PerS.assign(std::size_t(m), 0.0);
    r.sinkSaturated.assign(std::size_t(m), 0);
    for (int k = 0; k < m; ++k) {
        const Unit &u = units[std::size_t(k)];
        if (u.flowM3PerS <= 0.0)
            continue;
        const double tr = temp[n + k];
        const double ts = u.saturated ? (1.0 - u.eps) * tr + u.eps * u.waterC : u.setC;
        r.sinkReturnC[std::size_t(k)] = tr;
        r.sinkSupplyC[std::size_t(k)] = ts;
        r.sinkAirflowM3PerS[std::size_t(k)] = u.flowM3PerS;
        r.sinkSaturated[std::size_t(k)] = u.saturated ? 1 : 0;
        r.sinkRemovedW[std::size_t(k)] = c * u.flowM3PerS * (tr - ts);
        r.removedW += r.sinkRemovedW[std::size_t(k)];
    }
    for (int i = 0; i < n; ++i)
        r.leakW += spec.leakWPerK * (temp[i] - spec.ambientC);
    r.sourceInletC.reserve(sources.size());
    for (const ThermalSource &s : sources) {
        const int cell = s.intakeCell >= 0 && s.intakeCell < n ? s.intakeCell : s.cell;
        r.sourceInletC.push_back(cell >= 0 && cell < n ? temp[cell] : 0.0);
    }
    // Cell-centred velocities: the mean of the two face flows over the face area.
    const double faceAreaM2 = spec.layerHeightM * spec.cellMm / 1000.0;
    r.velocityXMps.assign(std::size_t(n), 0.0f);
    r.velocityYMps.assign(std::size_t(n), 0.0f);
    for (int y = 0; y < ny && faceAreaM2 > 0.0; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            const double west = x > 0 ? fx[std::size_t(i - 1)] : 0.0, north = y > 0 ? fy[std::size_t(i - nx)] : 0.0;
            r.velocityXMps[std::size_t(i)] = float((west + fx[std::size_t(i)]) / 2.0 / faceAreaM2);
            r.velocityYMps[std::size_t(i)] = float((north + fy[std::size_t(i)]) / 2.0 / faceAreaM2);
        }
    }
    r.maxC = r.temperatureC.empty() ? 0.0 : *std::max_element(r.temperatureC.begin(), r.temperatureC.end());
    r.ok = true;
    return r;
}

} // namespace th::engine
