// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/thermalmap.h"

#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include <algorithm>

namespace th::engine {

ThermalResult solveThermal(const ThermalGridSpec &spec, const std::vector<ThermalSource> &sources,
                           const std::vector<ThermalSink> &sinks)
{
    ThermalResult r;
    if (spec.nx <= 0 || spec.ny <= 0)
        return r;
    const int nx = spec.nx, ny = spec.ny, n = nx * ny;
    const double g = spec.mixingWPerK;
    Eigen::VectorXd diag = Eigen::VectorXd::Constant(n, spec.leakWPerK);
    Eigen::VectorXd rhs = Eigen::VectorXd::Constant(n, spec.leakWPerK * spec.ambientC);
    for (const ThermalSource &s : sources) {
        if (s.cell >= 0 && s.cell < n) {
            rhs[s.cell] += s.watts;
            r.heatInW += s.watts;
        }
    }
    std::vector<double> sinkG(sinks.size(), 0.0);
    for (std::size_t k = 0; k < sinks.size(); ++k) {
        const ThermalSink &s = sinks[k];
        const bool weighted = s.weights.size() == s.cells.size();
        double total = 0.0;
        for (std::size_t j = 0; j < s.cells.size(); ++j)
            total += (s.cells[j] >= 0 && s.cells[j] < n) ? (weighted ? std::max(0.0, s.weights[j]) : 1.0) : 0.0;
        if (total <= 0.0 || s.designDeltaK <= 0.0)
            continue;
        sinkG[k] = s.capacityW / s.designDeltaK / total; // per unit weight
        for (std::size_t j = 0; j < s.cells.size(); ++j) {
            const int c = s.cells[j];
            if (c >= 0 && c < n) {
                const double gc = sinkG[k] * (weighted ? std::max(0.0, s.weights[j]) : 1.0);
                diag[c] += gc;
                rhs[c] += gc * s.supplyC;
            }
        }
    }
    std::vector<Eigen::Triplet<double>> t;
    t.reserve(std::size_t(n) * 5);
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const int i = y * nx + x;
            double d = diag[i];
            if (x + 1 < nx) {
                t.emplace_back(i, i + 1, -g);
                t.emplace_back(i + 1, i, -g);
                d += g;
            }
            if (x > 0)
                d += g;
            if (y + 1 < ny) {
                t.emplace_back(i, i + nx, -g);
                t.emplace_back(i + nx, i, -g);
                d += g;
            }
            if (y > 0)
                d += g;
            t.emplace_back(i, i, d);
        }
    }
    Eigen::SparseMatrix<double> a(n, n);
    a.setFromTriplets(t.begin(), t.end());
    Eigen::VectorXd temp;
    if (n <= spec.directLimitCells) {
        Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(a);
        if (solver.info() != Eigen::Success)
            return r;
        temp = solver.solve(rhs);
        if (solver.info() != Eigen::Success)
            return r;
    } else {
        Eigen::ConjugateGradient<Eigen::SparseMatrix<double>, Eigen::Lower | Eigen::Upper> solver(a);
        solver.setTolerance(1e-10);
        temp = solver.solve(rhs);
        r.iterations = int(solver.iterations());
        if (solver.info() != Eigen::Success)
            return r;
    }
    r.temperatureC.assign(temp.data(), temp.data() + n);
    r.sinkRemovedW.assign(sinks.size(), 0.0);
    for (std::size_t k = 0; k < sinks.size(); ++k) {
        const bool weighted = sinks[k].weights.size() == sinks[k].cells.size();
        for (std::size_t j = 0; j < sinks[k].cells.size(); ++j) {
            const int c = sinks[k].cells[j];
            if (c >= 0 && c < n)
                r.sinkRemovedW[k] += sinkG[k] * (weighted ? std::max(0.0, sinks[k].weights[j]) : 1.0) * (temp[c] - sinks[k].supplyC);
        }
        r.removedW += r.sinkRemovedW[k];
    }
    for (int i = 0; i < n; ++i)
        r.leakW += spec.leakWPerK * (temp[i] - spec.ambientC);
    r.maxC = temp.maxCoeff();
    r.ok = true;
    return r;
}

} // namespace th::engine
