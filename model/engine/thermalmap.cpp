// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/thermalmap.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>
#include <vector>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace th::engine {

namespace {
struct DbgTimer { // TEMP
    std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
    void lap(const char *what) { if (!std::getenv("TH_THERMAL_DEBUG")) return; auto t1 = std::chrono::steady_clock::now(); std::fprintf(stderr, "%-28s %8.1f ms\n", what, std::chrono::duration<double, std::milli>(t1 - t0).count()); t0 = t1; }
};
DbgTimer g_dbg; // TEMP

using Triplets = std::vector<Eigen::Triplet<double>>;
using SpMat = Eigen::SparseMatrix<double>;

/// Relative residual at which the iterative solves stop. The pressure tolerance bounds the
/// spurious mass sources (|div F - q| <= 1e-10 |q|); the heat tolerance keeps the energy balance
/// exact to ~1e-9 of the heat and the temperatures within ~1e-6 K of a direct solve.
constexpr double kPressureTolerance = 1e-10;
constexpr double kHeatTolerance = 1e-10;

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

using RowMat = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using Vec = Eigen::VectorXd;

/**
 * Geometric multigrid on the structured nx x ny cell grid, used as a preconditioner (one
 * V(1,1)-cycle per application). Coarse grids halve each dimension (2 x 2 cells -> 1); the coarse
 * operators are Galerkin products R A P of the fine matrix, so faces of solid cells and
 * containment walls (low conductance) and fan links carry over without any geometry. Smoother:
 * Gauss-Seidel in a given cell order, forward before and backward after the coarse correction
 * (symmetric: the cycle is an SPD preconditioner for conjugate gradients), or forward both times
 * (`downwindOnly`, for the advection matrix ordered from upstream to downstream: upwind
 * advection is then solved in one sweep). The coarsest grid (<= kCoarsestCells) is solved by LU.
 */
class GridMultigrid
{
public:
    enum class Transfer {
        Bilinear,  ///< P: cell-centred bilinear interpolation (9/16, 3/16, 3/16, 1/16); R = P^T
        Aggregate, ///< P: piecewise constant over each 2 x 2 block; keeps an M-matrix an M-matrix
    };

    /// `potential` (size n or empty): cells are smoothed in decreasing potential (natural order
    /// when empty); coarse cells take the mean potential of their block.
    bool build(const RowMat &a, int nx, int ny, Transfer transfer, const std::vector<double> &potential, bool downwindOnly)
    {
        downwindOnly_ = downwindOnly;
        levels_.clear();
        levels_.push_back({});
        levels_.back().a = a;
        levels_.back().nx = nx;
        levels_.back().ny = ny;
        std::vector<double> pot = potential;
        for (;;) {
            Level &l = levels_.back();
            const int n = l.nx * l.ny;
            prepare(l, pot);
            if (n <= kCoarsestCells || (l.nx == 1 && l.ny == 1) || levels_.size() >= 24)
                break;
            const int cx = l.nx > 1 ? (l.nx + 1) / 2 : 1, cy = l.ny > 1 ? (l.ny + 1) / 2 : 1;
            l.p = prolongation(l.nx, l.ny, cx, cy, transfer);
            l.r = l.p.transpose();
            Level c;
            c.nx = cx;
            c.ny = cy;
            c.a = RowMat(l.r * (l.a * l.p));
            std::vector<double> coarsePot;
            if (!pot.empty()) {
                coarsePot.assign(std::size_t(cx) * std::size_t(cy), 0.0);
                std::vector<int> count(coarsePot.size(), 0);
                for (int y = 0; y < l.ny; ++y)
                    for (int x = 0; x < l.nx; ++x) {
                        const std::size_t ci = std::size_t(coarseIndex(y, l.ny, cy)) * std::size_t(cx) + std::size_t(coarseIndex(x, l.nx, cx));
                        coarsePot[ci] += pot[std::size_t(y) * std::size_t(l.nx) + std::size_t(x)];
                        ++count[ci];
                    }
                for (std::size_t i = 0; i < coarsePot.size(); ++i)
                    coarsePot[i] /= std::max(1, count[i]);
            }
            pot = std::move(coarsePot);
            levels_.push_back(std::move(c));
        }
        coarse_.compute(SpMat(levels_.back().a));
        return coarse_.info() == Eigen::Success;
    }

    /// z = M^-1 r: one V-cycle from z = 0.
    void apply(const Vec &r, Vec &z) const
    {
        levels_.front().b = r;
        cycle(0);
        z = levels_.front().x;
    }

    int levels() const { return int(levels_.size()); }

private:
    static constexpr int kCoarsestCells = 400;

    struct Level
    {
        RowMat a;
        Vec invDiag;
        std::vector<int> order; ///< Gauss-Seidel order
        RowMat p;               ///< from the next coarser level to this one
        RowMat r;               ///< P^T
        int nx = 0, ny = 0;
        mutable Vec x, b, res;
    };

    static int coarseIndex(int i, int n, int cn) { return cn == n ? i : i / 2; }

    static void prepare(Level &l, const std::vector<double> &pot)
    {
        const int n = int(l.a.rows());
        l.invDiag = Vec::Zero(n);
        for (int i = 0; i < n; ++i) {
            const double d = l.a.coeff(i, i);
            l.invDiag[i] = d != 0.0 ? 1.0 / d : 0.0;
        }
        l.order.resize(std::size_t(n));
        for (int i = 0; i < n; ++i)
            l.order[std::size_t(i)] = i;
        if (pot.size() == std::size_t(n))
            std::stable_sort(l.order.begin(), l.order.end(), [&](int i, int j) { return pot[std::size_t(i)] > pot[std::size_t(j)]; });
        l.x.resize(n);
        l.b.resize(n);
        l.res.resize(n);
    }

    /// One-dimensional weights of fine cell i on the coarse cells (cell-centred).
    static int weights1d(int i, int n, int cn, Transfer t, int idx[2], double w[2])
    {
        if (cn == n) {
            idx[0] = i;
            w[0] = 1.0;
            return 1;
        }
        idx[0] = i / 2;
        const int other = i % 2 == 0 ? idx[0] - 1 : idx[0] + 1;
        if (t == Transfer::Aggregate || other < 0 || other >= cn) {
            w[0] = 1.0;
            return 1;
        }
        w[0] = 0.75;
        idx[1] = other;
        w[1] = 0.25;
        return 2;
    }

    static RowMat prolongation(int nx, int ny, int cx, int cy, Transfer t)
    {
        std::vector<Eigen::Triplet<double>> trip;
        trip.reserve(std::size_t(nx) * std::size_t(ny) * 4);
        for (int y = 0; y < ny; ++y) {
            int iy[2], ix[2];
            double wy[2], wx[2];
            const int ky = weights1d(y, ny, cy, t, iy, wy);
            for (int x = 0; x < nx; ++x) {
                const int kx = weights1d(x, nx, cx, t, ix, wx);
                for (int b = 0; b < ky; ++b)
                    for (int a = 0; a < kx; ++a)
                        trip.emplace_back(y * nx + x, iy[b] * cx + ix[a], wy[b] * wx[a]);
            }
        }
        RowMat p(nx * ny, cx * cy);
        p.setFromTriplets(trip.begin(), trip.end());
        return p;
    }

    static void sweep(const Level &l, bool forward)
    {
        const int n = int(l.order.size());
        const int *outer = l.a.outerIndexPtr();
        const int *inner = l.a.innerIndexPtr();
        const double *val = l.a.valuePtr();
        for (int k = 0; k < n; ++k) {
            const int i = l.order[std::size_t(forward ? k : n - 1 - k)];
            double s = l.b[i];
            for (int e = outer[i]; e < outer[i + 1]; ++e)
                if (inner[e] != i)
                    s -= val[e] * l.x[inner[e]];
            l.x[i] = s * l.invDiag[i];
        }
    }

    void cycle(std::size_t k) const
    {
        const Level &l = levels_[k];
        if (k + 1 == levels_.size()) {
            l.x = coarse_.solve(l.b);
            return;
        }
        l.x.setZero();
        sweep(l, true);
        l.res.noalias() = l.b - l.a * l.x;
        const Level &c = levels_[k + 1];
        c.b.noalias() = l.r * l.res;
        cycle(k + 1);
        l.x.noalias() += l.p * c.x;
        sweep(l, downwindOnly_);
    }

    std::vector<Level> levels_;
    Eigen::SparseLU<SpMat> coarse_;
    bool downwindOnly_ = false;
};

/// Conjugate gradient preconditioned by `mg` (SPD `a`), from the guess in `x`. Stops at
/// |b - A x| <= tol |b|. Returns the iterations, -1 when not converged in `maxIterations`.
int conjugateGradient(const RowMat &a, const Vec &b, Vec &x, const GridMultigrid &mg, double tol, int maxIterations)
{
    const double bNorm = b.norm();
    if (bNorm == 0.0) {
        x.setZero();
        return 0;
    }
    Vec r = b - a * x, z(b.size()), p, ap(b.size());
    if (r.norm() <= tol * bNorm)
        return 0;
    mg.apply(r, z);
    p = z;
    double rz = r.dot(z);
    for (int it = 1; it <= maxIterations; ++it) {
        ap.noalias() = a * p;
        const double alpha = rz / p.dot(ap);
        x += alpha * p;
        r -= alpha * ap;
        if (r.norm() <= tol * bNorm)
            return it;
        mg.apply(r, z);
        const double rzNew = r.dot(z);
        p = z + (rzNew / rz) * p;
        rz = rzNew;
    }
    return -1;
}

/// BiCGSTAB (van der Vorst 1992) with right preconditioning, so the stopping test is on the true
/// residual |b - A x| <= tol |b|. `op(v, out)` is out = A v, `precond(v, out)` is out = M^-1 v.
/// Returns the iterations, -1 when not converged.
template <class Op, class Precond>
int biCgStab(const Op &op, const Precond &precond, const Vec &b, Vec &x, double tol, int maxIterations)
{
    const double bNorm = b.norm();
    if (bNorm == 0.0) {
        x.setZero();
        return 0;
    }
    const Eigen::Index n = b.size();
    Vec r(n), ax(n);
    op(x, ax);
    r = b - ax;
    if (r.norm() <= tol * bNorm)
        return 0;
    Vec r0 = r, p = Vec::Zero(n), v = Vec::Zero(n), y(n), s(n), z(n), t(n);
    double rho = 1.0, alpha = 1.0, omega = 1.0;
    for (int it = 1; it <= maxIterations; ++it) {
        double rhoNew = r0.dot(r);
        if (std::abs(rhoNew) < 1e-30 * r0.squaredNorm()) { // breakdown: restart on the current residual
            r0 = r;
            rhoNew = r.squaredNorm();
            p.setZero();
            v.setZero();
            rho = alpha = omega = 1.0;
        }
        const double beta = (rhoNew / rho) * (alpha / omega);
        p = r + beta * (p - omega * v);
        precond(p, y);
        op(y, v);
        alpha = rhoNew / r0.dot(v);
        s = r - alpha * v;
        if (s.norm() <= tol * bNorm) {
            x += alpha * y;
            return it;
        }
        precond(s, z);
        op(z, t);
        const double tt = t.squaredNorm();
        omega = tt > 0.0 ? t.dot(s) / tt : 0.0;
        x += alpha * y + omega * z;
        r = s - omega * t;
        if (r.norm() <= tol * bNorm)
            return it;
        if (omega == 0.0)
            return -1;
        rho = rhoNew;
    }
    return -1;
}

/// Pressure-driven face flows (m3/s) for the volumetric sources `q` (sum 0): Fx[i] from cell i to
/// i + 1, Fy[i] from i to i + nx; the potential is left in `p`. Returns false when the solve fails.
bool faceFlows(const ThermalGridSpec &spec, const std::vector<double> &kx, const std::vector<double> &ky,
               const Vec &q, std::vector<double> &fx, std::vector<double> &fy, Vec &p, int &iterations)
{
    const int nx = spec.nx, ny = spec.ny, n = nx * ny;
    Triplets t;
    t.reserve(std::size_t(n) * 5);
    Vec diag = Vec::Zero(n);
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
    if (n <= spec.directLimitCells) {
        SpMat a(n, n);
        a.setFromTriplets(t.begin(), t.end());
        Eigen::SimplicialLDLT<SpMat> solver(a);
        if (solver.info() != Eigen::Success)
            return false;
        p = solver.solve(q);
    } else {
        RowMat a(n, n);
        a.setFromTriplets(t.begin(), t.end());
        GridMultigrid mg;
        if (!mg.build(a, nx, ny, GridMultigrid::Transfer::Bilinear, {}, false))
            return false;
        g_dbg.lap("pressure mg build");
        p = Vec::Zero(n);
        const int it = conjugateGradient(a, q, p, mg, kPressureTolerance, 500);
        if (it < 0)
            return false;
        iterations += it;
        g_dbg.lap("pressure cg");
        if (std::getenv("TH_THERMAL_DEBUG")) std::fprintf(stderr, "  cg its %d levels %d\n", it, mg.levels());
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
    g_dbg.lap("start");
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
    Eigen::VectorXd pressure;
    if (anyFlow && !faceFlows(spec, kx, ky, q, fx, fy, pressure, r.iterations))
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

    // Iterative path: the cell block does not depend on the saturation (a saturated unit only
    // couples its supply cells to its return temperature, column n + k), so the multigrid
    // preconditioner is built once for all active-set passes, and each pass starts from the
    // previous field.
    const bool direct = n + m <= spec.directLimitCells;
    g_dbg.lap("heat assembly");
    RowMat full;
    GridMultigrid mg;
    if (!direct) {
        full.resize(n + m, n + m);
        full.setFromTriplets(base.begin(), base.end());
        Triplets cellBlock;
        cellBlock.reserve(base.size());
        for (const auto &e : base)
            if (e.row() < n && e.col() < n)
                cellBlock.push_back(e);
        RowMat a(n, n);
        a.setFromTriplets(cellBlock.begin(), cellBlock.end());
        // Cells ordered from high to low pressure: every face flow runs from a cell to a later
        // one, so the Gauss-Seidel sweep follows the air downstream.
        std::vector<double> potential(pressure.data(), pressure.data() + pressure.size());
        if (!mg.build(a, nx, ny, GridMultigrid::Transfer::Aggregate, potential, true))
            return r;
        g_dbg.lap("heat mg build");
    }
    Eigen::VectorXd temp;
    for (int pass = 0; pass < 2 * m + 2; ++pass) {
        Eigen::VectorXd rhs = rhsBase;
        Triplets coupling; // (supply cell, n + k, -c V w (1 - eps)) of the saturated units
        for (int k = 0; k < m; ++k) {
            const Unit &u = units[std::size_t(k)];
            for (std::size_t j = 0; j < u.supply.cells.size() && u.flowM3PerS > 0.0; ++j) {
                const double cv = c * u.flowM3PerS * u.supply.share[j];
                if (u.saturated) { // T_sup = (1 - eps) T_ret + eps T_water
                    coupling.emplace_back(u.supply.cells[j], n + k, -cv * (1.0 - u.eps));
                    rhs[u.supply.cells[j]] += cv * u.eps * u.waterC;
                } else {
                    rhs[u.supply.cells[j]] += cv * u.setC;
                }
            }
        }
        if (direct) {
            Triplets t = base;
            t.insert(t.end(), coupling.begin(), coupling.end());
            SpMat a(n + m, n + m);
            a.setFromTriplets(t.begin(), t.end());
            Eigen::SparseLU<SpMat> solver;
            solver.compute(a);
            if (solver.info() != Eigen::Success)
                return r;
            temp = solver.solve(rhs);
            if (solver.info() != Eigen::Success)
                return r;
        } else {
            const auto op = [&](const Eigen::VectorXd &v, Eigen::VectorXd &out) {
                out.noalias() = full * v;
                for (const auto &e : coupling)
                    out[e.row()] += e.value() * v[e.col()];
            };
            // Block lower-triangular preconditioner: multigrid on the cells, then the return rows
            // exactly from those cells (exact when no unit is saturated).
            const auto precond = [&](const Eigen::VectorXd &v, Eigen::VectorXd &out) {
                Eigen::VectorXd cells;
                mg.apply(v.head(n), cells);
                out.resize(n + m);
                out.head(n) = cells;
                for (int k = 0; k < m; ++k) {
                    double s = v[n + k], d = 1.0;
                    for (RowMat::InnerIterator e(full, n + k); e; ++e) {
                        if (e.col() < n)
                            s -= e.value() * cells[e.col()];
                        else if (e.col() == n + k)
                            d = e.value();
                    }
                    out[n + k] = s / d;
                }
            };
            if (temp.size() != n + m)
                temp = Eigen::VectorXd::Zero(n + m);
            const int it = biCgStab(op, precond, rhs, temp, kHeatTolerance, 1000);
            if (it < 0)
                return r;
            r.iterations += std::max(1, it);
            g_dbg.lap("heat bicgstab");
            if (std::getenv("TH_THERMAL_DEBUG")) std::fprintf(stderr, "  bicgstab its %d levels %d\n", it, mg.levels());
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
