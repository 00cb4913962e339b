// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/thermalmap.h"

#include <Eigen/Dense>
#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>
#include <vector>

namespace th::engine {

namespace {

using Triplets = std::vector<Eigen::Triplet<double>>;
using SpMat = Eigen::SparseMatrix<double>;

/// Relative residual at which the iterative solves stop. The pressure tolerance bounds the
/// spurious mass sources |div F - q| <= 1e-10 |q|: each acts as a heat source c dV T that only the
/// weak envelope leak (0.5 W/K) balances, so the field is sensitive to it (at 1e-8 a randomised
/// 73 x 1 duct was 3e-3 K off the direct solve, at 1e-10 4e-6 K). The heat tolerance keeps the
/// energy balance exact to ~1e-10 of the heat (at 1e-8 it missed the 1e-9 tst_thermalmap asks for).
constexpr double kPressureTolerance = 1e-10;
constexpr double kHeatTolerance = 1e-10;

/// Cells and normalised weights of one list (cells out of range dropped, weights >= 0).
struct Spread
{
    std::vector<int> cells;
    std::vector<double> share; ///< sums to 1 (with `extraShare`)
    double extraShare = 0.0;   ///< of the extra weight (a unit's plenum)
};

/// The list normalised together with one more entry of weight `extra` (not a cell).
Spread spread(const std::vector<int> &cells, const std::vector<double> &weights, int n, double extra = 0.0)
{
    Spread s;
    const bool weighted = weights.size() == cells.size();
    double total = std::max(0.0, extra);
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
    s.extraShare = total > 0.0 ? std::max(0.0, extra) / total : 0.0;
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
    int plenum = -1;        ///< the plenum it draws ret.extraShare of its airflow from; -1: none
};

using RowMat = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using Vec = Eigen::VectorXd;

/// A compressed row-major matrix from its arrays (rows sorted by column).
RowMat fromCsr(int rows, int cols, const std::vector<int> &outer, const std::vector<int> &inner, const std::vector<double> &values)
{
    RowMat m(rows, cols);
    m.resizeNonZeros(Eigen::Index(inner.size()));
    std::copy(outer.begin(), outer.end(), m.outerIndexPtr());
    std::copy(inner.begin(), inner.end(), m.innerIndexPtr());
    std::copy(values.begin(), values.end(), m.valuePtr());
    return m;
}

/// The Galerkin coarse operator R A P of row-major sparse matrices in one pass (Gustavson's
/// row-by-row product with a dense accumulator; faster here than Eigen's general sparse product
/// applied twice).
RowMat galerkin(const RowMat &r, const RowMat &a, const RowMat &p)
{
    const int rows = int(r.rows()), cols = int(p.cols());
    const int *ro = r.outerIndexPtr(), *ri = r.innerIndexPtr(), *ao = a.outerIndexPtr(), *ai = a.innerIndexPtr();
    const int *po = p.outerIndexPtr(), *pi = p.innerIndexPtr();
    const double *rv = r.valuePtr(), *av = a.valuePtr(), *pv = p.valuePtr();
    std::vector<int> outer(std::size_t(rows) + 1, 0), inner, mark(std::size_t(cols), -1), touchedBuf(std::size_t(cols), 0);
    std::vector<double> values, accBuf(std::size_t(cols), 0.0);
    int *touched = touchedBuf.data(), *marked = mark.data();
    double *acc = accBuf.data();
    inner.reserve(std::size_t(rows) * 9);
    values.reserve(std::size_t(rows) * 9);
    for (int row = 0; row < rows; ++row) {
        int count = 0;
        for (int e = ro[row]; e < ro[row + 1]; ++e) {
            const int i = ri[e];
            for (int f = ao[i]; f < ao[i + 1]; ++f) {
                const int j = ai[f];
                const double w = rv[e] * av[f];
                for (int g = po[j]; g < po[j + 1]; ++g) {
                    const int col = pi[g];
                    if (marked[col] != row) {
                        marked[col] = row;
                        acc[col] = 0.0;
                        touched[count++] = col;
                    }
                    acc[col] += w * pv[g];
                }
            }
        }
        std::sort(touched, touched + count);
        for (int k = 0; k < count; ++k) {
            inner.push_back(touched[k]);
            values.push_back(acc[touched[k]]);
        }
        outer[std::size_t(row) + 1] = int(inner.size());
    }
    return fromCsr(rows, cols, outer, inner, values);
}

/**
 * Geometric multigrid on the structured nx x ny cell grid, used as a preconditioner (one
 * V(1,1)- or W(1,1)-cycle per application). Coarse grids halve each dimension (2 x 2 cells ->
 * 1); the coarse operators are Galerkin products R A P of the fine matrix, so faces of solid cells and
 * containment walls (low conductance) and fan links carry over without any geometry. Smoother:
 * Gauss-Seidel, forward before and backward after the coarse correction (symmetric: the cycle is
 * an SPD preconditioner for conjugate gradients), or forward both times (`downwindOnly`). With a
 * `potential`, each level is numbered (and swept) in decreasing potential: for the heat, in
 * decreasing pressure every face flow runs from a cell to a later one, so a forward sweep carries
 * the upwind advection downstream in one pass. The coarsest grid (<= kCoarsestCells) is solved by
 * dense LU. Aggregation (piecewise-constant) coarse grids keep the heat matrix an M-matrix but
 * approximate diffusion less well than bilinear ones; the W-cycle (each coarse grid visited twice)
 * makes up for it (22 -> 10 BiCGSTAB iterations on the 500 x 500 bench at ~1.5 x the work per
 * cycle).
 */
class GridMultigrid
{
public:
    enum class Transfer {
        Bilinear,  ///< P: cell-centred bilinear (9/16, 3/16, 3/16, 1/16 on a uniform grid, operator-dependent); R = P^T
        Aggregate, ///< P: piecewise constant over each 2 x 2 block; keeps an M-matrix an M-matrix
    };

    /// `a` in the natural numbering (y * nx + x); `potential` (size n or empty): the smoothing
    /// order (decreasing), coarse cells take the mean potential of their block.
    bool build(const RowMat &a, int nx, int ny, Transfer transfer, const std::vector<double> &potential, bool downwindOnly, bool wCycle)
    {
        downwindOnly_ = downwindOnly;
        coarseCycles_ = wCycle ? 2 : 1;
        levels_.clear();
        levels_.emplace_back();
        std::vector<double> pot = potential.size() == std::size_t(nx) * std::size_t(ny) ? potential : std::vector<double>{};
        {
            Level &l = levels_.back();
            l.nx = nx;
            l.ny = ny;
            l.number = numbering(pot);
            l.a = l.number.empty() ? a : renumbered(a, l.number);
        }
        for (;;) {
            Level &l = levels_.back();
            const int n = l.nx * l.ny;
            prepare(l);
            if (n <= kCoarsestCells || (l.nx == 1 && l.ny == 1) || levels_.size() >= 24)
                break;
            Level c;
            c.nx = l.nx > 1 ? (l.nx + 1) / 2 : 1;
            c.ny = l.ny > 1 ? (l.ny + 1) / 2 : 1;
            if (!pot.empty()) {
                std::vector<double> coarsePot(std::size_t(c.nx) * std::size_t(c.ny), 0.0);
                std::vector<int> count(coarsePot.size(), 0);
                for (int y = 0; y < l.ny; ++y)
                    for (int x = 0; x < l.nx; ++x) {
                        const std::size_t ci = std::size_t(coarseIndex(y, l.ny, c.ny)) * std::size_t(c.nx) + std::size_t(coarseIndex(x, l.nx, c.nx));
                        coarsePot[ci] += pot[std::size_t(y) * std::size_t(l.nx) + std::size_t(x)];
                        ++count[ci];
                    }
                for (std::size_t i = 0; i < coarsePot.size(); ++i)
                    coarsePot[i] /= std::max(1, count[i]);
                pot = std::move(coarsePot);
            }
            c.number = numbering(pot);
            l.p = prolongation(l, c, transfer);
            l.r = l.p.transpose();
            c.a = galerkin(l.r, l.a, l.p);
            levels_.push_back(std::move(c));
        }
        coarse_.compute(Eigen::MatrixXd(levels_.back().a));
        return std::isfinite(coarse_.rcond()) && coarse_.rcond() > 1e-300;
    }

    /// z = M^-1 r (natural numbering): one cycle from z = 0.
    void apply(const Eigen::Ref<const Vec> &r, Vec &z) const
    {
        const Level &l = levels_.front();
        const std::vector<int> &num = l.number;
        if (num.empty()) {
            l.b = r;
        } else {
            for (std::size_t i = 0; i < num.size(); ++i)
                l.b[num[i]] = r[Eigen::Index(i)];
        }
        l.x.setZero();
        cycle(0);
        if (num.empty()) {
            z = l.x;
        } else {
            z.resize(l.x.size());
            for (std::size_t i = 0; i < num.size(); ++i)
                z[Eigen::Index(i)] = l.x[num[i]];
        }
    }

private:
    static constexpr int kCoarsestCells = 64;

    struct Level
    {
        RowMat a;               ///< in this level's numbering
        Vec invDiag;
        std::vector<int> number; ///< grid index (y * nx + x) -> row; empty: the same
        RowMat p;               ///< from the next coarser level to this one
        RowMat r;               ///< P^T
        int nx = 0, ny = 0;
        mutable Vec x, b, res;
        int row(int gridIndex) const { return number.empty() ? gridIndex : number[std::size_t(gridIndex)]; }
    };

    static int coarseIndex(int i, int n, int cn) { return cn == n ? i : i / 2; }

    /// Rows in decreasing potential (stable: ties keep the grid order); empty without one.
    static std::vector<int> numbering(const std::vector<double> &pot)
    {
        if (pot.empty())
            return {};
        std::vector<int> order(pot.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(), [&](int i, int j) { return pot[std::size_t(i)] > pot[std::size_t(j)]; });
        std::vector<int> number(pot.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            number[std::size_t(order[k])] = int(k);
        return number;
    }

    /// Row and column i of `a` become row and column number[i].
    static RowMat renumbered(const RowMat &a, const std::vector<int> &number)
    {
        const int n = int(a.rows());
        std::vector<int> old(std::size_t(n), 0), outer(std::size_t(n) + 1, 0);
        for (int i = 0; i < n; ++i)
            old[std::size_t(number[std::size_t(i)])] = i;
        std::vector<int> inner(std::size_t(a.nonZeros()));
        std::vector<double> values(std::size_t(a.nonZeros()));
        std::vector<std::pair<int, double>> row;
        for (int k = 0; k < n; ++k) {
            row.clear();
            for (RowMat::InnerIterator e(a, old[std::size_t(k)]); e; ++e)
                row.emplace_back(number[std::size_t(e.col())], e.value());
            std::sort(row.begin(), row.end(), [](const auto &u, const auto &v) { return u.first < v.first; });
            int at = outer[std::size_t(k)];
            for (const auto &[col, v] : row) {
                inner[std::size_t(at)] = col;
                values[std::size_t(at)] = v;
                ++at;
            }
            outer[std::size_t(k) + 1] = at;
        }
        return fromCsr(n, n, outer, inner, values);
    }

    static void prepare(Level &l)
    {
        const int n = int(l.a.rows());
        l.invDiag = Vec::Zero(n);
        for (int i = 0; i < n; ++i) {
            const double d = l.a.coeff(i, i);
            l.invDiag[i] = d != 0.0 ? 1.0 / d : 0.0;
        }
        l.x.resize(n);
        l.b.resize(n);
        l.res.resize(n);
    }

    /// One-dimensional weights of fine cell i on the coarse cells (cell-centred).
    /// One-dimensional weights of fine cell i on the coarse cells (cell-centred): 1 on its own
    /// block; for bilinear also a share on the nearest other block, 1/4 on a uniform grid. The
    /// share follows the operator: kOut / (kOut + 3 kIn) with kIn the conductance to the other
    /// cell of its block and kOut to the neighbour in the other block, so an error may jump across
    /// a low-conductance face (rack body, containment wall) instead of being smeared over it
    /// (operator-dependent interpolation, after de Zeeuw, J. Comput. Appl. Math. 33, 1990).
    static int weights1d(int i, int n, int cn, Transfer t, double kIn, double kOut, int idx[2], double w[2])
    {
        if (cn == n) {
            idx[0] = i;
            w[0] = 1.0;
            return 1;
        }
        idx[0] = i / 2;
        const int other = i % 2 == 0 ? idx[0] - 1 : idx[0] + 1;
        if (t == Transfer::Aggregate || other < 0 || other >= cn || kOut <= 0.0) {
            w[0] = 1.0;
            return 1;
        }
        w[1] = kOut / (kOut + 3.0 * kIn);
        w[0] = 1.0 - w[1];
        idx[1] = other;
        return 2;
    }

    static RowMat prolongation(const Level &fine, const Level &coarse, Transfer t)
    {
        const int nx = fine.nx, ny = fine.ny, cx = coarse.nx, cy = coarse.ny;
        // Conductance between neighbouring cells of the fine level (grid indices).
        const auto k = [&](int i, int j) { return std::max(0.0, -fine.a.coeff(fine.row(i), fine.row(j))); };
        // Conductances of cell (x, y) to its block mate (kIn) and to the nearest cell of the next
        // block (kOut) along one axis; a cell alone in its block (odd size) counts as uniform.
        const auto faces = [&](int i, int pos, int len, int stride, double &kIn, double &kOut) {
            const int mate = pos ^ 1, out = pos % 2 == 0 ? pos - 1 : pos + 1;
            kOut = out >= 0 && out < len ? k(i, i + (out - pos) * stride) : 0.0;
            kIn = mate < len ? k(i, i + (mate - pos) * stride) : kOut;
        };
        std::vector<Eigen::Triplet<double>> trip;
        trip.reserve(std::size_t(nx) * std::size_t(ny) * (t == Transfer::Aggregate ? 1 : 4));
        for (int y = 0; y < ny; ++y) {
            for (int x = 0; x < nx; ++x) {
                const int i = y * nx + x;
                double inX = 1.0, outX = 1.0, inY = 1.0, outY = 1.0;
                if (t == Transfer::Bilinear) {
                    if (cx != nx)
                        faces(i, x, nx, 1, inX, outX);
                    if (cy != ny)
                        faces(i, y, ny, nx, inY, outY);
                }
                int iy[2], ix[2];
                double wy[2], wx[2];
                const int ky = weights1d(y, ny, cy, t, inY, outY, iy, wy);
                const int kx = weights1d(x, nx, cx, t, inX, outX, ix, wx);
                for (int b = 0; b < ky; ++b)
                    for (int a = 0; a < kx; ++a)
                        trip.emplace_back(fine.row(i), coarse.row(iy[b] * cx + ix[a]), wy[b] * wx[a]);
            }
        }
        RowMat p(nx * ny, cx * cy);
        p.setFromTriplets(trip.begin(), trip.end());
        return p;
    }

    /// One Gauss-Seidel sweep over the rows in their numbering.
    static void sweep(const Level &l, bool forward)
    {
        const int n = int(l.a.rows());
        const int *outer = l.a.outerIndexPtr();
        const int *inner = l.a.innerIndexPtr();
        const double *val = l.a.valuePtr();
        double *x = l.x.data();
        const double *b = l.b.data(), *invDiag = l.invDiag.data();
        for (int k = 0; k < n; ++k) {
            const int i = forward ? k : n - 1 - k;
            // x_i = (b_i - sum_{j != i} a_ij x_j) / a_ii, written as a correction of x_i.
            double s = b[i];
            for (int e = outer[i]; e < outer[i + 1]; ++e)
                s -= val[e] * x[inner[e]];
            x[i] += s * invDiag[i];
        }
    }

    /// Approximately solves level k from the guess in x (zero on entry from above).
    void cycle(std::size_t k) const
    {
        const Level &l = levels_[k];
        if (k + 1 == levels_.size()) {
            l.x = coarse_.solve(l.b);
            return;
        }
        sweep(l, true);
        l.res.noalias() = l.b - l.a * l.x;
        const Level &c = levels_[k + 1];
        c.b.noalias() = l.r * l.res;
        c.x.setZero();
        for (int g = 0; g < coarseCycles_; ++g)
            cycle(k + 1);
        l.x.noalias() += l.p * c.x;
        sweep(l, downwindOnly_);
    }

    std::vector<Level> levels_;
    Eigen::PartialPivLU<Eigen::MatrixXd> coarse_;
    bool downwindOnly_ = false;
    int coarseCycles_ = 1; ///< 1: V-cycle, 2: W-cycle
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
/// residual |b - A x| <= tol |b|. `op(v, out)` is out = A v; `step(p, y, v)` is y = M^-1 p and
/// v = A y (together, so that the operator can reuse what the preconditioner computed).
/// Returns the iterations, -1 when not converged.
template <class Op, class Step>
int biCgStab(const Op &op, const Step &step, const Vec &b, Vec &x, double tol, int maxIterations)
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
        step(p, y, v);
        alpha = rhoNew / r0.dot(v);
        s = r - alpha * v;
        if (s.norm() <= tol * bNorm) {
            x += alpha * y;
            return it;
        }
        step(s, z, t);
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

/// The pressure (Darcy) matrix of the grid, assembled row by row (5-point stencil, columns in
/// order): div(k grad p), face conductances kx (cell i to i + 1) and ky (i to i + nx).
RowMat pressureMatrix(int nx, int ny, const std::vector<double> &kx, const std::vector<double> &ky)
{
    const int n = nx * ny;
    std::vector<int> outer(std::size_t(n) + 1, 0), inner;
    std::vector<double> values;
    inner.reserve(std::size_t(n) * 5);
    values.reserve(std::size_t(n) * 5);
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            const double north = y > 0 ? ky[std::size_t(i - nx)] : 0.0, west = x > 0 ? kx[std::size_t(i - 1)] : 0.0;
            const double east = x + 1 < nx ? kx[std::size_t(i)] : 0.0, south = y + 1 < ny ? ky[std::size_t(i)] : 0.0;
            const auto put = [&](int col, double v) {
                inner.push_back(col);
                values.push_back(v);
            };
            if (y > 0)
                put(i - nx, -north);
            if (x > 0)
                put(i - 1, -west);
            // Cell 0 also pins the free constant of the pure-Neumann problem (sources sum to 0).
            put(i, north + west + east + south + (i == 0 ? 1.0 : 0.0));
            if (x + 1 < nx)
                put(i + 1, -east);
            if (y + 1 < ny)
                put(i + nx, -south);
            outer[std::size_t(i) + 1] = int(inner.size());
        }
    }
    return fromCsr(n, n, outer, inner, values);
}

/// Pressure-driven face flows (m3/s) for the volumetric sources `q` (sum 0): Fx[i] from cell i to
/// i + 1, Fy[i] from i to i + nx; the potential is left in `p`. Multigrid-preconditioned
/// conjugate gradient above `directLimitCells` (SimplicialLDLT below, and should it fail).
/// Returns false when the solve fails.
bool faceFlows(const ThermalGridSpec &spec, const std::vector<double> &kx, const std::vector<double> &ky,
               const Vec &q, std::vector<double> &fx, std::vector<double> &fy, Vec &p, int &iterations)
{
    const int nx = spec.nx, ny = spec.ny, n = nx * ny;
    const RowMat a = pressureMatrix(nx, ny, kx, ky);
    bool solved = false;
    if (n > spec.directLimitCells) {
        GridMultigrid mg;
        p = Vec::Zero(n);
        const int it = mg.build(a, nx, ny, GridMultigrid::Transfer::Bilinear, {}, false, false)
                           ? conjugateGradient(a, q, p, mg, kPressureTolerance, 500)
                           : -1;
        solved = it >= 0;
        iterations += std::max(0, it);
    }
    if (!solved) {
        Eigen::SimplicialLDLT<SpMat> solver{SpMat(a)};
        if (solver.info() != Eigen::Success)
            return false;
        p = solver.solve(q);
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

/**
 * The energy system of the iterative path, [A B; C D] [T; T_x] = b: A the cell block (advection,
 * mixing, leak, fans, air drawn by the plenums and returns), T_x the plenums' and then the units'
 * mixed return air, C their rows on the cells (T_plenum,j and T_ret,k = weighted means of their
 * cells), D lower triangular (diagonal c Q_j and c V_k; a unit's row also draws from its plenum,
 * an earlier unknown), B the coupling of the saturated units' supply cells to their return
 * (changes with the active set). Preconditioner: block lower-triangular, multigrid on A and then
 * T_x exactly from the cells by forward substitution, M = [A~ 0; C D]. Then the extra rows of
 * A M^-1 p are p_x exactly, so `step` needs C once per application instead of twice. C has one
 * entry per plenum cell and per own return cell of a unit: O(cells + units).
 */
struct HeatOperator
{
    int n = 0, m = 0;     ///< cells, extra unknowns (plenums + units)
    RowMat a;             ///< n x n
    RowMat ret;           ///< m x n: C
    RowMat ext;           ///< m x m: D, lower triangular
    const Triplets *coupling = nullptr; ///< B: (supply cell, n + P + k, value)

    /// y = D^-1 b (forward substitution).
    void solveExt(const Vec &b, Eigen::Ref<Vec> y) const
    {
        const int *outer = ext.outerIndexPtr(), *inner = ext.innerIndexPtr();
        const double *val = ext.valuePtr();
        for (int i = 0; i < m; ++i) {
            double s = b[i], d = 1.0;
            for (int e = outer[i]; e < outer[i + 1]; ++e) {
                if (inner[e] < i)
                    s -= val[e] * y[inner[e]];
                else if (inner[e] == i)
                    d = val[e];
            }
            y[i] = s / d;
        }
    }
    GridMultigrid mg;
    mutable Vec cells;

    void applyB(const Vec &v, Vec &out) const
    {
        for (const auto &e : *coupling)
            out[e.row()] += e.value() * v[e.col()];
    }
    /// out = [A B; C D] v
    void apply(const Vec &v, Vec &out) const
    {
        out.resize(n + m);
        out.head(n).noalias() = a * v.head(n);
        out.tail(m).noalias() = ret * v.head(n);
        out.tail(m).noalias() += ext * v.tail(m);
        applyB(v, out);
    }
    /// y = M^-1 p, v = [A B; C D] y
    void step(const Vec &p, Vec &y, Vec &v) const
    {
        mg.apply(p.head(n), cells);
        y.resize(n + m);
        y.head(n) = cells;
        solveExt(p.tail(m) - ret * cells, y.tail(m));
        v.resize(n + m);
        v.head(n).noalias() = a * cells;
        v.tail(m) = p.tail(m);
        applyB(y, v);
    }
};

} // namespace

ThermalResult solveThermal(const ThermalGridSpec &spec, const std::vector<ThermalSource> &sources,
                           const std::vector<ThermalSink> &sinks)
{
    ThermalResult r;
    if (spec.nx <= 0 || spec.ny <= 0)
        return r;
    const int nx = spec.nx, ny = spec.ny, n = nx * ny;
    const int m = int(sinks.size());
    const int np = int(spec.plenums.size());
    const int x0 = n + np; // row of unit 0: cells, plenums, units
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
    // Plenums: their cells (a plenum without a cell in the grid takes part in nothing).
    std::vector<Spread> plenums(static_cast<std::size_t>(np));
    std::vector<double> plenumFlow(static_cast<std::size_t>(np), 0.0); // m3/s drawn by the units
    for (int j = 0; j < np; ++j)
        plenums[std::size_t(j)] = spread(spec.plenums[std::size_t(j)].cells, spec.plenums[std::size_t(j)].weights, n);
    std::vector<Unit> units(static_cast<std::size_t>(m));
    for (int k = 0; k < m; ++k) {
        const ThermalSink &s = sinks[std::size_t(k)];
        Unit &u = units[std::size_t(k)];
        u.supply = spread(s.cells, s.weights, n);
        const bool plenum = s.plenum >= 0 && s.plenum < np && s.plenumWeight > 0.0 && !plenums[std::size_t(s.plenum)].cells.empty();
        if (plenum) {
            u.ret = spread(s.returnCells, s.returnWeights, n, s.plenumWeight);
            u.plenum = s.plenum;
        } else {
            u.ret = s.returnCells.empty() ? u.supply : spread(s.returnCells, s.returnWeights, n);
        }
        if (u.supply.cells.empty() || (u.ret.cells.empty() && u.plenum < 0) || s.capacityW <= 0.0 || s.designDeltaK <= 0.0)
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
        if (u.plenum >= 0)
            plenumFlow[std::size_t(u.plenum)] += u.flowM3PerS * u.ret.extraShare;
        anyFlow = anyFlow || u.plenum >= 0 || u.supply.cells != u.ret.cells || u.supply.share != u.ret.share;
    }
    for (int j = 0; j < np; ++j) { // a plenum takes from its cells what its units draw
        const Spread &pl = plenums[std::size_t(j)];
        for (std::size_t i = 0; i < pl.cells.size(); ++i)
            q[pl.cells[i]] -= plenumFlow[std::size_t(j)] * pl.share[i];
    }
    std::vector<double> fx(std::size_t(n), 0.0), fy(std::size_t(n), 0.0);
    Eigen::VectorXd pressure;
    if (anyFlow && !faceFlows(spec, kx, ky, q, fx, fy, pressure, r.iterations))
        return r;

    // Energy: the parts that do not depend on the units' saturation.
    Triplets base;
    base.reserve(std::size_t(n) * 7 + sources.size() * 2);
    Eigen::VectorXd rhsBase = Eigen::VectorXd::Zero(x0 + m);
    Eigen::VectorXd diag = Eigen::VectorXd::Constant(x0 + m, 0.0);
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
    for (int j = 0; j < np; ++j) {
        // Row n + j: the plenum's mixed air, c Q T_plenum = sum c Q w_i T_i (a plenum no unit
        // draws from keeps T_plenum = 0 and plays no part).
        const Spread &pl = plenums[std::size_t(j)];
        const double flow = plenumFlow[std::size_t(j)];
        diag[n + j] += flow > 0.0 ? c * flow : 1.0;
        for (std::size_t i = 0; i < pl.cells.size() && flow > 0.0; ++i) {
            diag[pl.cells[i]] += c * flow * pl.share[i];
            base.emplace_back(n + j, pl.cells[i], -c * flow * pl.share[i]);
        }
    }
    for (int k = 0; k < m; ++k) {
        const Unit &u = units[std::size_t(k)];
        // Row x0 + k: the mixed return temperature, c V T_ret = sum c V w_j T_j + c V w_p T_plenum
        // (a unit without airflow keeps T_ret = 0 and plays no part).
        diag[x0 + k] += u.flowM3PerS > 0.0 ? c * u.flowM3PerS : 1.0;
        for (std::size_t j = 0; j < u.ret.cells.size() && u.flowM3PerS > 0.0; ++j) {
            diag[u.ret.cells[j]] += c * u.flowM3PerS * u.ret.share[j];
            base.emplace_back(x0 + k, u.ret.cells[j], -c * u.flowM3PerS * u.ret.share[j]);
        }
        if (u.plenum >= 0 && u.flowM3PerS > 0.0)
            base.emplace_back(x0 + k, n + u.plenum, -c * u.flowM3PerS * u.ret.extraShare);
    }
    for (int i = 0; i < x0 + m; ++i)
        base.emplace_back(i, i, diag[i]);

    // Iterative path: the cell block does not depend on the saturation (a saturated unit only
    // couples its supply cells to its return temperature, column x0 + k), so the multigrid
    // preconditioner is built once for all active-set passes, and each pass starts from the
    // previous field. Should the multigrid or BiCGSTAB fail, SparseLU takes over.
    const int extra = np + m;
    bool direct = x0 + m <= spec.directLimitCells;
    HeatOperator heat;
    if (!direct) {
        heat.n = n;
        heat.m = extra;
        Triplets cellBlock, retBlock, extBlock;
        cellBlock.reserve(base.size());
        for (const auto &e : base) {
            if (e.row() < n)
                cellBlock.push_back(e); // no column >= n before the coupling
            else if (e.col() < n)
                retBlock.emplace_back(e.row() - n, e.col(), e.value());
            else // c Q_j, c V_k (1 without airflow); a unit's draw from its plenum (lower)
                extBlock.emplace_back(e.row() - n, e.col() - n, e.value());
        }
        heat.a.resize(n, n);
        heat.a.setFromTriplets(cellBlock.begin(), cellBlock.end());
        heat.ret.resize(extra, n);
        heat.ret.setFromTriplets(retBlock.begin(), retBlock.end());
        heat.ext.resize(extra, extra);
        heat.ext.setFromTriplets(extBlock.begin(), extBlock.end());
        // Cells ordered from high to low pressure: every face flow runs from a cell to a later
        // one, so the Gauss-Seidel sweep follows the air downstream.
        std::vector<double> potential(pressure.data(), pressure.data() + pressure.size());
        direct = !heat.mg.build(heat.a, nx, ny, GridMultigrid::Transfer::Aggregate, potential, true, true);
    }
    Eigen::VectorXd temp;
    for (int pass = 0; pass < 2 * m + 2; ++pass) {
        Eigen::VectorXd rhs = rhsBase;
        Triplets coupling; // (supply cell, x0 + k, -c V w (1 - eps)) of the saturated units
        for (int k = 0; k < m; ++k) {
            const Unit &u = units[std::size_t(k)];
            for (std::size_t j = 0; j < u.supply.cells.size() && u.flowM3PerS > 0.0; ++j) {
                const double cv = c * u.flowM3PerS * u.supply.share[j];
                if (u.saturated) { // T_sup = (1 - eps) T_ret + eps T_water
                    coupling.emplace_back(u.supply.cells[j], x0 + k, -cv * (1.0 - u.eps));
                    rhs[u.supply.cells[j]] += cv * u.eps * u.waterC;
                } else {
                    rhs[u.supply.cells[j]] += cv * u.setC;
                }
            }
        }
        if (!direct) {
            heat.coupling = &coupling;
            const auto op = [&](const Eigen::VectorXd &v, Eigen::VectorXd &out) { heat.apply(v, out); };
            const auto step = [&](const Eigen::VectorXd &p, Eigen::VectorXd &y, Eigen::VectorXd &v) { heat.step(p, y, v); };
            if (temp.size() != x0 + m)
                temp = Eigen::VectorXd::Zero(x0 + m);
            const int it = biCgStab(op, step, rhs, temp, kHeatTolerance, 1000);
            r.iterations += std::max(0, it);
            direct = it < 0;
        }
        if (direct) {
            Triplets t = base;
            t.insert(t.end(), coupling.begin(), coupling.end());
            SpMat a(x0 + m, x0 + m);
            a.setFromTriplets(t.begin(), t.end());
            Eigen::SparseLU<SpMat> solver;
            solver.compute(a);
            if (solver.info() != Eigen::Success)
                return r;
            temp = solver.solve(rhs);
            if (solver.info() != Eigen::Success)
                return r;
        }
        ++r.activeSetPasses;
        bool changed = false;
        for (int k = 0; k < m; ++k) {
            Unit &u = units[std::size_t(k)];
            if (u.flowM3PerS <= 0.0)
                continue;
            const double tr = temp[x0 + k];
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
        const double tr = temp[x0 + k];
        const double ts = u.saturated ? (1.0 - u.eps) * tr + u.eps * u.waterC : u.setC;
        r.sinkReturnC[std::size_t(k)] = tr;
        r.sinkSupplyC[std::size_t(k)] = ts;
        r.sinkAirflowM3PerS[std::size_t(k)] = u.flowM3PerS;
        r.sinkSaturated[std::size_t(k)] = u.saturated ? 1 : 0;
        r.sinkRemovedW[std::size_t(k)] = c * u.flowM3PerS * (tr - ts);
        r.removedW += r.sinkRemovedW[std::size_t(k)];
    }
    r.plenumC.assign(std::size_t(np), 0.0);
    r.plenumAirflowM3PerS = plenumFlow;
    for (int j = 0; j < np; ++j)
        r.plenumC[std::size_t(j)] = plenumFlow[std::size_t(j)] > 0.0 ? temp[n + j] : 0.0;
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

std::vector<ThermalSink> sinksWithoutPlenums(const ThermalGridSpec &spec, const std::vector<ThermalSink> &sinks)
{
    const int n = spec.nx * spec.ny, np = int(spec.plenums.size());
    std::vector<ThermalSink> out = sinks;
    for (ThermalSink &s : out) {
        if (s.plenum < 0 || s.plenum >= np || s.plenumWeight <= 0.0) {
            s.plenum = -1;
            continue;
        }
        const Spread pl = spread(spec.plenums[std::size_t(s.plenum)].cells, spec.plenums[std::size_t(s.plenum)].weights, n);
        if (!pl.cells.empty()) {
            if (s.returnWeights.size() != s.returnCells.size())
                s.returnWeights.assign(s.returnCells.size(), 1.0);
            for (std::size_t i = 0; i < pl.cells.size(); ++i) {
                s.returnCells.push_back(pl.cells[i]);
                s.returnWeights.push_back(s.plenumWeight * pl.share[i]);
            }
        }
        s.plenum = -1;
        s.plenumWeight = 0.0;
    }
    return out;
}

double rackCoolingIndexHiPct(const std::vector<double> &intakeC, double maxRecommendedC, double maxAllowableC)
{
    if (intakeC.empty() || maxAllowableC <= maxRecommendedC)
        return 100.0;
    double overK = 0.0;
    for (double t : intakeC)
        overK += std::max(0.0, t - maxRecommendedC);
    return (1.0 - overK / ((maxAllowableC - maxRecommendedC) * double(intakeC.size()))) * 100.0;
}

} // namespace th::engine
