// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace th::engine {

/// Families of accelerators that share a software stack and therefore similar achievable
/// fractions of peak. Chips without measurements get the defaults of their class.
enum class ArchitectureClass {
    NvidiaAmpere,
    NvidiaHopper,
    NvidiaBlackwell,
    AmdCdna,
    GoogleTpu,
    IntelGaudi,
    HuaweiAscend,
    OtherDomestic, ///< Chinese GPGPUs (Cambricon, Hygon, Kunlunxin, Biren, Moore Threads, ...)
};
inline constexpr int kArchitectureClassCount = 8;

/// One point of a matmul efficiency curve: a GEMM of `flop` FLOP (or more) sustains
/// `efficiency` x dense peak.
struct EfficiencyPoint
{
    double flop = 0.0;
    double efficiency = 0.0;
};

/**
 * Matmul efficiency as a function of GEMM size in FLOP (Calculon, Isaev et al. SC'23, system
 * files: piecewise table keyed by op size, e.g. A100 `[[128 GFLOP,0.95],[16,0.9],[1,0.6],[0,0.1]]`).
 * Points are kept sorted by ascending FLOP; between two points the efficiency is interpolated
 * linearly in log(FLOP) (linearly in FLOP on the segment that starts at 0). Fixed capacity so
 * the struct is trivially copyable and evaluation never allocates.
 */
struct MatmulCurve
{
    static constexpr int kMaxPoints = 8;
    std::array<EfficiencyPoint, kMaxPoints> points{};
    int count = 0;

    /// Efficiency (0..1] of one GEMM of `flop` FLOP. An empty curve returns 1.
    double efficiencyAt(double flop) const;
    /// Multiplies every efficiency by `factor` (clamped to 1).
    MatmulCurve scaled(double factor) const;
};

/// Parses "1e11:0.95;1.6e10:0.9;1e9:0.6;0:0.1" (FLOP:efficiency pairs, any order). Returns
/// nullopt on malformed text, more than kMaxPoints points, negative FLOP or efficiency outside (0,1].
std::optional<MatmulCurve> parseMatmulCurve(std::string_view text);

/**
 * What one chip achieves of its datasheet figures on real training kernels. `measured` is true
 * when the figures come from published measurements of that chip (data/catalog/chip-calibration.csv),
 * false when they are the defaults of its architecture class (lower confidence).
 */
struct ChipCalibration
{
    MatmulCurve matmul;                    ///< bf16/fp16 GEMM efficiency vs GEMM FLOP
    /// fp8/fp4 GEMMs reach a lower fraction of their (2x/4x) peak: scaling casts, smaller tiles
    /// relative to the faster math. Multiplies the curve for those precisions.
    double lowPrecisionMatmulFactor = 0.8;
    /// Same for fp4 (NVFP4/MXFP4) against the fp4 peak. Lower than fp8: fp4 recipes keep some
    /// GEMMs (final layers, parts of the backward) in higher precision and add random Hadamard
    /// transforms (NVIDIA, "Pretraining LLMs with NVFP4", arXiv:2509.25149 §4).
    double fp4MatmulFactor = 0.6;
    /// Flash-attention (Dao et al. 2022/2023) forward+backward throughput as a fraction of the
    /// 16-bit dense peak, for the causal-masked work actually done.
    double attentionEfficiency = 0.5;
    double hbmEfficiency = 0.8;            ///< achievable fraction of HBM bandwidth (STREAM-like)
    double scaleUpEfficiency = 0.8;        ///< achievable fraction of scale-up link bandwidth (busBW)
    double scaleOutEfficiency = 0.8;       ///< achievable fraction of NIC bandwidth
    double scaleUpLatencySeconds = 5e-6;   ///< per collective step (ring hop) inside the domain
    double scaleOutLatencySeconds = 15e-6; ///< per collective step across the fabric
    /// Kernel launch, framework and synchronisation overhead per transformer layer per
    /// micro-batch (forward + backward), seconds.
    double overheadPerLayerSeconds = 100e-6;
    /// Fraction of communication time hidden under compute that still slows the compute down:
    /// NCCL/RCCL kernels occupy SMs and HBM bandwidth while they run (Rashidi et al. 2021,
    /// "Enabling compute-communication overlap", §2; Jangda et al. 2022 §2).
    double overlapInterference = 0.2;
    /// Power-limited tensor throughput. Under sustained training load a chip runs at its power
    /// limit; where that happens (near the voltage floor) power grows about in proportion to the
    /// clock, so the sustained tensor throughput follows the power limit rather than the
    /// datasheet's boost-clock peak. `matmul` and `attentionEfficiency` hold at this power
    /// density (watts of TDP per dense 16-bit datasheet TFLOP/s); a chip of the class with
    /// another density has both scaled by its own density / this one (tensorThroughputFactor()
    /// in performancemodel.h). 0: not applied (the class's calibration data hold one power
    /// density only, so the law is untested there). docs/performance-model.md.
    double referenceWattsPerTflops = 0.0;
    bool measured = false;
};

/// Defaults per class; see docs/performance-model.md ("Calibration") for the evidence.
ChipCalibration defaultCalibration(ArchitectureClass cls);

/**
 * Whole-model GEMM efficiency plateau per unit of "maximum achievable matmul FLOPS" (MAMF: the
 * best large bf16 GEMM of a shape sweep, as a fraction of the dense peak). On the three classes
 * where both are known, fitted plateau / MAMF is A100 0.78 / 0.869 = 0.898, H100 0.64 / 0.803 =
 * 0.797, B200 0.75 / 0.776 = 0.966 (MAMF: stas00/ml-engineering, compute/accelerator/README.md,
 * bf16 table, torch 2.6-2.7); mean 0.887. Chips without training runs get their plateau as
 * MAMF x this ratio, so a microbenchmark of the chip grounds the default without fitting a
 * training run; the spread (0.80-0.97) is the uncertainty of that transfer (about +-10 %).
 * Since the Blackwell class is power-limited (referenceWattsPerTflops = 0.58 W per TFLOP/s),
 * its 0.75 is the plateau at that density; B200 itself (0.44 W per TFLOP/s) runs 0.75 x 0.77 =
 * 0.57, i.e. 0.74 of its MAMF (GB200 0.62 / 0.729 = 0.85, B300 0.63 / 0.786 = 0.80). The ratio
 * above still uses 0.75 / 0.776; recomputed from the chips it would be lower
 * (docs/performance-model.md, "Power-limited clocks").
 */
inline constexpr double kMamfToTrainingPlateau = 0.89;

/**
 * True when a chip-calibration row's `source` starts with "microbenchmarks" (case-insensitive,
 * leading blanks ignored): its figures come from kernel microbenchmarks of the chip (GEMM, HBM
 * copy, collective bus bandwidth), not from training runs of it. Such a row refines the class
 * defaults, but a result that uses it stays "class defaults / lower confidence"
 * (ChipCalibration::measured = false).
 */
bool calibrationSourceIsMicrobenchmark(std::string_view source);

/// Maps a catalog architecture string ("Ampere", "Hopper", "Blackwell", "CDNA3", "TPU v5p",
/// "Gaudi 3", "Da Vinci", ...) to its class; unknown strings map to OtherDomestic.
ArchitectureClass architectureClassFromKey(std::string_view architecture);

/// Machine key of a class ("nvidia-hopper"); not user-visible text.
std::string_view architectureClassKey(ArchitectureClass cls);

} // namespace th::engine
