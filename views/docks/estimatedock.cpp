// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/estimatedock.h"

#include "model/analysis/enginetext.h"
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/engine/limits.h"
#include "views/widgets/breakdownbar.h"
#include "views/widgets/quantityvalidator.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>
#include <cmath>

namespace th {

namespace lim = engine::limits;
using engine::Precision;

namespace {

const QString kCustomModel; // the "Custom…" item carries an empty id

QString precisionName(Precision p)
{
    return QString::fromLatin1(engine::precisionKey(p).data(), qsizetype(engine::precisionKey(p).size())).toUpper();
}

/// Peak unit of a precision: integer math is counted in operations, not floating-point ones.
QString peakUnit(Precision p, const char *prefix)
{
    return QString::fromLatin1(prefix) + (p == Precision::Int8 ? QStringLiteral("OPS") : QStringLiteral("FLOPS"));
}

QString fixed(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

/// "3.15 × 10²³": readable scientific notation for quantities that span many decades.
QString scientific(double v)
{
    if (v == 0.0 || !std::isfinite(v))
        return QLocale().toString(v);
    int exponent = static_cast<int>(std::floor(std::log10(std::abs(v))));
    double mantissa = v / std::pow(10.0, exponent);
    if (std::abs(std::round(mantissa * 100.0) / 100.0) >= 10.0) {
        mantissa /= 10.0;
        ++exponent;
    }
    static const char16_t superscripts[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString power;
    const QString digits = QString::number(std::abs(exponent));
    if (exponent < 0)
        power += QChar(u'⁻');
    for (const QChar d : digits)
        power += QChar(superscripts[d.digitValue()]);
    return QStringLiteral("%1 × 10%2").arg(fixed(mantissa, 2), power);
}

/// "175e9", "6.73842e9": C-locale text with an exponent that is a multiple of 3, which the
/// quantity validator reads back and people read as thousands, millions, billions.
QString engineeringText(double v)
{
    if (v <= 0.0 || !std::isfinite(v))
        return QString::number(v);
    const int exponent = 3 * static_cast<int>(std::floor(std::log10(v) / 3.0));
    const QString mantissa = QString::number(v / std::pow(10.0, exponent), 'g', 6);
    return exponent == 0 ? mantissa : QStringLiteral("%1e%2").arg(mantissa).arg(exponent);
}

/// Whole numbers with group separators up to a trillion, scientific beyond.
QString large(double v)
{
    return std::abs(v) >= 1e12 ? scientific(v) : fixed(std::round(v), 0);
}

/// Three significant figures without exponent noise for moderate values.
QString sig3(double v)
{
    const double a = std::abs(v);
    if (a >= 1e12)
        return scientific(v);
    if (a >= 100.0)
        return fixed(std::round(v), 0);
    if (a >= 10.0)
        return fixed(v, 1);
    if (a >= 1.0)
        return fixed(v, 2);
    return fixed(v, 3);
}

QSpinBox *intSpin(const QString &objectName, const engine::Range &range, int value)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(static_cast<int>(range.min), static_cast<int>(std::min(range.max, 2147483647.0)));
    spin->setValue(value);
    spin->setGroupSeparatorShown(true);
    spin->setToolTip(EstimateDock::tr("A whole number in [%1, %2]")
                         .arg(QLocale().toString(spin->minimum()), QLocale().toString(spin->maximum())));
    return spin;
}

QDoubleSpinBox *realSpin(const QString &objectName, double min, double max, double value, int decimals,
                         double step)
{
    auto *spin = new QDoubleSpinBox;
    spin->setObjectName(objectName);
    spin->setDecimals(decimals);
    spin->setRange(min, max);
    spin->setSingleStep(step);
    spin->setValue(value);
    spin->setToolTip(EstimateDock::tr("A number in [%1, %2]")
                         .arg(QLocale().toString(min, 'f', decimals), QLocale().toString(max, 'f', decimals)));
    return spin;
}

QLineEdit *quantityEdit(const QString &objectName, const engine::Range &range, const QString &text,
                        QObject *parent)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setValidator(new QuantityValidator(range.min, range.max, parent));
    edit->setText(text);
    edit->setToolTip(EstimateDock::tr("A number in [%1, %2]: 300e9, 3.0e11, 300B and 300,000,000,000 are the same")
                         .arg(scientific(range.min), scientific(range.max)));
    return edit;
}

QFont smaller(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}

/// Debounce of estimate-mode requests: typing "1024" must not start four searches.
constexpr int kDebounceMs = 60;
/// Searches shorter than this finish without a progress bar flashing up.
constexpr int kProgressDelayMs = 150;
constexpr int kTopConfigurations = 10;

/// What a worker needs: plain engine values only (the catalog stays on the GUI thread).
struct EstimateJob
{
    engine::PerformanceInputs inputs;
    engine::PinnedParallelism pinned;
    std::optional<engine::Parallelism> complete; ///< a fully pinned layout: evaluate, do not search
    int topK = kTopConfigurations;
};

/// Tensor-parallel degrees searchParallelism() enumerates when tp is free (the same filter, so
/// the chunked counts add up to those of one search).
std::vector<int> tpChunks(const engine::PerformanceInputs &in, const engine::PinnedParallelism &pinned)
{
    if (pinned.tp)
        return {*pinned.tp};
    std::vector<int> tps;
    const engine::ModelSpec &m = in.model;
    const int kv = m.effectiveKvHeads();
    for (int t = 1; t <= std::max(1, in.scaleUpSize) && t <= m.heads; ++t) {
        if (in.chipCount % t == 0 && m.heads % t == 0 && kv > 0 && (kv % t == 0 || t % kv == 0))
            tps.push_back(t);
    }
    return tps;
}

/// modelRun() for a job, off the GUI thread. The search runs once per tp degree; each chunk's
/// top K is exact, so the merged top K equals one search's (ties keep enumeration order, tp
/// ascending, as in the engine). Only the pruned count differs: each chunk prunes against its
/// own K-th best.
void runEstimateJob(QPromise<ModelledRun> &promise, const EstimateJob &job)
{
    ModelledRun run;
    run.step.calibrationMeasured = job.inputs.calibration.measured;
    if (job.complete) {
        promise.setProgressRange(0, 1);
        engine::PerformanceInputs in = job.inputs;
        in.parallelism = *job.complete;
        run.parallelism = *job.complete;
        run.step = engine::estimateStep(in);
        run.feasible = run.step.infeasible == engine::Infeasible::None;
        run.reason = run.step.infeasible;
        promise.setProgressValue(1);
        promise.addResult(run);
        return;
    }
    run.searched = true;
    const std::vector<int> tps = tpChunks(job.inputs, job.pinned);
    promise.setProgressRange(0, static_cast<int>(std::max<std::size_t>(1, tps.size())));
    engine::SearchResult &merged = run.search;
    if (tps.empty()) {
        merged = engine::searchParallelism(job.inputs, job.pinned, job.topK);
    }
    for (std::size_t i = 0; i < tps.size(); ++i) {
        if (promise.isCanceled())
            return;
        engine::PinnedParallelism pinned = job.pinned;
        pinned.tp = tps[i];
        const engine::SearchResult part = engine::searchParallelism(job.inputs, pinned, job.topK);
        merged.combinations += part.combinations;
        merged.evaluated += part.evaluated;
        merged.feasible += part.feasible;
        merged.pruned += part.pruned;
        for (std::size_t r = 0; r < merged.rejected.size(); ++r)
            merged.rejected[r] += part.rejected[r];
        for (const engine::SearchCandidate &c : part.best) {
            const auto at = std::upper_bound(merged.best.begin(), merged.best.end(), c.estimate.stepTimeSeconds,
                                             [](double t, const engine::SearchCandidate &b) {
                                                 return t < b.estimate.stepTimeSeconds;
                                             });
            if (at - merged.best.begin() >= job.topK)
                break; // the rest of this chunk is slower still
            merged.best.insert(at, c);
            if (static_cast<int>(merged.best.size()) > job.topK)
                merged.best.pop_back();
        }
        promise.setProgressValue(static_cast<int>(i + 1));
    }
    if (!merged.best.empty()) {
        run.feasible = true;
        run.parallelism = merged.best.front().parallelism;
        run.step = merged.best.front().estimate;
    } else {
        // As modelRun(): the most common rejection explains the failure best.
        const auto it = std::max_element(merged.rejected.begin(), merged.rejected.end());
        run.reason = it != merged.rejected.end() && *it > 0 ? engine::Infeasible(it - merged.rejected.begin())
                                                          : engine::Infeasible::ChipCountMismatch;
    }
    promise.addResult(run);
}

QString boundByShort(engine::BoundBy b)
{
    switch (b) {
    case engine::BoundBy::Compute: return EstimateDock::tr("compute");
    case engine::BoundBy::MemoryBandwidth: return EstimateDock::tr("memory bandwidth");
    case engine::BoundBy::Communication: return EstimateDock::tr("communication");
    case engine::BoundBy::PipelineBubble: return EstimateDock::tr("pipeline bubble");
    }
    return QString();
}

QString recomputeText(engine::Recompute r)
{
    switch (r) {
    case engine::Recompute::None: return EstimateDock::tr("none");
    case engine::Recompute::Selective: return EstimateDock::tr("selective");
    case engine::Recompute::Full: return EstimateDock::tr("full");
    }
    return QString();
}

QList<BreakdownBar::Segment> breakdownSegments(const engine::StepBreakdown &b)
{
    auto seg = [](const QString &name, double seconds, int colour) {
        return BreakdownBar::Segment{name, seconds, BreakdownBar::seriesColour(colour)};
    };
    return {seg(EstimateDock::tr("Compute"), b.computeSeconds, 0),
            seg(EstimateDock::tr("Memory-bound"), b.memoryBoundSeconds, 1),
            seg(EstimateDock::tr("TP comm"), b.tpCommSeconds, 2),
            seg(EstimateDock::tr("PP comm"), b.ppCommSeconds, 3),
            seg(EstimateDock::tr("PP bubble"), b.ppBubbleSeconds, 4),
            seg(EstimateDock::tr("DP exposed"), b.dpCommExposedSeconds, 5),
            seg(EstimateDock::tr("EP all-to-all"), b.epCommSeconds, 6),
            seg(EstimateDock::tr("CP ring"), b.cpCommSeconds, 7),
            seg(EstimateDock::tr("Other"), b.otherSeconds, 9)};
}

} // namespace

EstimateDock::EstimateDock(Catalog *catalog, QWidget *parent)
    : QDockWidget(tr("Training estimate"), parent)
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("estimateDock"));

    auto *content = new QWidget;
    m_columns = new QBoxLayout(QBoxLayout::TopToBottom, content);
    m_columns->setContentsMargins(4, 4, 4, 4);
    m_columns->addWidget(buildInputs(), 0, Qt::AlignTop);
    m_columns->addWidget(buildResults(), 1, Qt::AlignTop);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("estimateScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &EstimateDock::startEstimate);
    m_progressDelay = new QTimer(this);
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(kProgressDelayMs);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_watcher && m_watcher->isRunning())
            m_progressRow->show();
    });

    m_performanceBox->hide();
    reloadCatalog();
}

EstimateDock::~EstimateDock()
{
    // A running search holds only copies; cancelling lets it stop at the next chunk.
    if (m_watcher)
        m_watcher->cancel();
}

EstimateDock::MfuMode EstimateDock::mfuMode() const
{
    return static_cast<MfuMode>(m_mfuModeCombo->currentData().toInt());
}

void EstimateDock::setMfuMode(MfuMode mode)
{
    m_mfuModeCombo->setCurrentIndex(m_mfuModeCombo->findData(static_cast<int>(mode)));
}

bool EstimateDock::isEstimating() const
{
    return m_debounce->isActive() || m_watcher != nullptr;
}

void EstimateDock::mfuModeChanged()
{
    const bool estimate = mfuMode() == MfuMode::Estimated;
    m_mfuSpin->setEnabled(!estimate);
    m_parallelGroup->setTitle(estimate ? tr("Parallelism (pinned; off: search all)")
                                       : tr("Parallelism (for the memory fit)"));
    m_globalBatchEdit->setPlaceholderText(estimate ? tr("required, e.g. 4M") : tr("optional, e.g. 4M"));
    m_performanceBox->setVisible(estimate);
    if (!estimate) {
        // Leaving estimate mode: forget the request in flight and its results.
        ++m_generation;
        m_debounce->stop();
        if (m_watcher)
            m_watcher->cancel();
        m_pendingScenario.reset();
        m_lastScenario.reset();
        m_lastRun.reset();
        m_progressDelay->stop();
        m_progressRow->hide();
        clearPerformance();
        showStatus(QString());
    }
    recompute();
}

QWidget *EstimateDock::buildInputs()
{
    auto *inputs = new QWidget;
    auto *layout = new QVBoxLayout(inputs);
    layout->setContentsMargins(0, 0, 0, 0);

    // Model
    auto *modelGroup = new QGroupBox(tr("Model"));
    auto *modelForm = new QFormLayout(modelGroup);
    m_modelCombo = new QComboBox;
    // Long names elide (the popup shows them whole) instead of widening the dock.
    m_modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelCombo->setMinimumContentsLength(14);
    m_modelCombo->setObjectName(QStringLiteral("modelCombo"));
    m_modelCombo->setToolTip(tr("A model preset from the catalog, or Custom… to enter a dense model's shape"));
    m_paramsEdit = quantityEdit(QStringLiteral("paramsEdit"), lim::params, QString(), this);
    m_layersSpin = intSpin(QStringLiteral("layersSpin"), lim::layers, 96);
    m_hiddenSpin = intSpin(QStringLiteral("hiddenSpin"), lim::hidden, 12288);
    m_headsSpin = intSpin(QStringLiteral("headsSpin"), lim::heads, 96);
    m_seqLenSpin = intSpin(QStringLiteral("seqLenSpin"), lim::seqLen, 2048);
    m_vocabSpin = intSpin(QStringLiteral("vocabSpin"), lim::vocab, 50257);
    m_modelInfo = new QLabel;
    m_modelInfo->setObjectName(QStringLiteral("modelInfo"));
    m_modelInfo->setWordWrap(true);
    m_modelInfo->setFont(smaller(m_modelInfo->font()));
    m_modelInfo->setOpenExternalLinks(true);
    modelForm->addRow(tr("&Preset:"), m_modelCombo);
    modelForm->addRow(tr("Pa&rameters:"), m_paramsEdit);
    modelForm->addRow(tr("&Layers:"), m_layersSpin);
    modelForm->addRow(tr("&Hidden size:"), m_hiddenSpin);
    modelForm->addRow(tr("Attention h&eads:"), m_headsSpin);
    modelForm->addRow(tr("Se&quence length (tokens):"), m_seqLenSpin);
    modelForm->addRow(tr("&Vocabulary (tokens):"), m_vocabSpin);
    modelForm->addRow(m_modelInfo);
    layout->addWidget(modelGroup);

    // Training run
    auto *runGroup = new QGroupBox(tr("Training run"));
    auto *runForm = new QFormLayout(runGroup);
    m_tokensEdit = quantityEdit(QStringLiteral("tokensEdit"), lim::tokens, QStringLiteral("300e9"), this);
    m_globalBatchEdit = quantityEdit(QStringLiteral("globalBatchEdit"), lim::globalBatchTokens, QString(), this);
    m_globalBatchEdit->setPlaceholderText(tr("optional, e.g. 4M"));
    m_chipCombo = new QComboBox;
    // Long names elide (the popup shows them whole) instead of widening the dock.
    m_chipCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chipCombo->setMinimumContentsLength(14);
    m_chipCombo->setObjectName(QStringLiteral("chipCombo"));
    m_chipCombo->setMaxVisibleItems(20);
    m_chipInfo = new QLabel;
    m_chipInfo->setObjectName(QStringLiteral("chipInfo"));
    m_chipInfo->setWordWrap(true);
    m_chipInfo->setFont(smaller(m_chipInfo->font()));
    m_chipCountSpin = intSpin(QStringLiteral("chipCountSpin"), lim::chipCount, 1024);
    m_precisionCombo = new QComboBox;
    m_precisionCombo->setObjectName(QStringLiteral("precisionCombo"));
    m_precisionCombo->setToolTip(tr("Only the precisions this chip has a dense peak for"));
    m_mfuSpin = realSpin(QStringLiteral("mfuSpin"), 0.01, 1.0, 0.40, 2, 0.01);
    m_mfuSpin->setToolTip(tr("Model FLOPs utilisation: achieved 6N FLOP per token × tokens/s ÷ dense peak. "
                             "Well-tuned dense training runs reach 0.35–0.55."));
    runForm->addRow(tr("&Tokens:"), m_tokensEdit);
    runForm->addRow(tr("&Global batch (tokens):"), m_globalBatchEdit);
    runForm->addRow(tr("&Chip:"), m_chipCombo);
    runForm->addRow(m_chipInfo);
    runForm->addRow(tr("Chip co&unt:"), m_chipCountSpin);
    runForm->addRow(tr("Preci&sion:"), m_precisionCombo);
    m_mfuModeCombo = new QComboBox;
    m_mfuModeCombo->setObjectName(QStringLiteral("mfuModeCombo"));
    m_mfuModeCombo->addItem(tr("Typed"), static_cast<int>(MfuMode::Typed));
    m_mfuModeCombo->addItem(tr("Estimate (performance model)"), static_cast<int>(MfuMode::Estimated));
    m_mfuModeCombo->setToolTip(tr("Typed: the MFU below. Estimate: the performance model times a training step "
                                  "for the best parallel layout (needs the global batch and the model's shape)."));
    runForm->addRow(tr("MFU so&urce:"), m_mfuModeCombo);
    runForm->addRow(tr("&MFU (0.01–1.00):"), m_mfuSpin);
    layout->addWidget(runGroup);

    // Parallelism for the memory fit
    m_parallelGroup = new QGroupBox(tr("Parallelism (for the memory fit)"));
    m_parallelGroup->setObjectName(QStringLiteral("parallelismGroup"));
    m_parallelGroup->setCheckable(true);
    m_parallelGroup->setChecked(true);
    auto *parallelGrid = new QGridLayout(m_parallelGroup);
    m_tpSpin = intSpin(QStringLiteral("tpSpin"), lim::parallelDegree, 8);
    m_tpSpin->setToolTip(tr("Tensor parallel degree, normally within the chip's scale-up domain"));
    m_ppSpin = intSpin(QStringLiteral("ppSpin"), lim::parallelDegree, 8);
    m_ppSpin->setToolTip(tr("Pipeline stages"));
    m_dpLabel = new QLabel;
    m_dpLabel->setObjectName(QStringLiteral("dpLabel"));
    m_microBatchSpin = intSpin(QStringLiteral("microBatchSpin"), lim::microBatch, 1);
    m_recomputeCombo = new QComboBox;
    m_recomputeCombo->setObjectName(QStringLiteral("recomputeCombo"));
    m_recomputeCombo->addItem(tr("none"), static_cast<int>(engine::Recompute::None));
    m_recomputeCombo->addItem(tr("selective"), static_cast<int>(engine::Recompute::Selective));
    m_recomputeCombo->addItem(tr("full"), static_cast<int>(engine::Recompute::Full));
    m_recomputeCombo->setCurrentIndex(1);
    m_zeroCombo = new QComboBox;
    m_zeroCombo->setObjectName(QStringLiteral("zeroCombo"));
    m_zeroCombo->addItem(tr("0: none"), 0);
    m_zeroCombo->addItem(tr("1: optimizer"), 1);
    m_zeroCombo->addItem(tr("2: + gradients"), 2);
    m_zeroCombo->addItem(tr("3: + weights"), 3);
    m_zeroCombo->setCurrentIndex(1);
    m_zeroCombo->setToolTip(tr("ZeRO stage: what is sharded over the data-parallel ranks"));
    m_dpLabel->setToolTip(tr("Data parallel degree: chip count ÷ (TP × PP)"));
    m_microBatchSpin->setToolTip(tr("Sequences per micro-batch"));
    m_recomputeCombo->setToolTip(tr("Activation recomputation (Korthikanti et al. 2022)"));
    // Two label/field pairs per row keep the panel short enough to show without scrolling.
    const QList<QPair<QString, QWidget *>> cells{
        {tr("TP:"), m_tpSpin}, {tr("PP:"), m_ppSpin},
        {tr("DP:"), m_dpLabel}, {tr("Micro-batch:"), m_microBatchSpin},
        {tr("Recompute:"), m_recomputeCombo}, {tr("ZeRO:"), m_zeroCombo}};
    // The combos get a row of their own (spanning both pairs): beside a spin box they made the
    // panel wider than the dock's default width.
    for (int i = 0; i < cells.size(); ++i) {
        auto *label = new QLabel(cells.at(i).first);
        label->setToolTip(cells.at(i).second->toolTip());
        label->setBuddy(cells.at(i).second);
        const bool combo = i >= 4;
        const int row = combo ? 2 + (i - 4) : i / 2;
        const int column = combo ? 0 : (i % 2) * 2;
        parallelGrid->addWidget(label, row, column);
        parallelGrid->addWidget(cells.at(i).second, row, column + 1, 1, combo ? 3 : 1);
    }
    parallelGrid->setColumnStretch(1, 1);
    parallelGrid->setColumnStretch(3, 1);
    layout->addWidget(m_parallelGroup);

    // Site and cost
    const engine::FacilityAssumptions site;
    auto *siteGroup = new QGroupBox(tr("Site and cost"));
    auto *siteForm = new QFormLayout(siteGroup);
    m_pueSpin = realSpin(QStringLiteral("pueSpin"), lim::pue.min, lim::pue.max, site.pue, 2, 0.01);
    m_pueSpin->setToolTip(tr("Power usage effectiveness: facility power ÷ IT power, in [1.00, 5.00]"));
    m_electricitySpin = realSpin(QStringLiteral("electricitySpin"), lim::electricityUsdPerKwh.min,
                                 lim::electricityUsdPerKwh.max, site.electricityUsdPerKwh, 3, 0.005);
    m_gridSpin = realSpin(QStringLiteral("gridSpin"), lim::gridKgCo2PerKwh.min, lim::gridKgCo2PerKwh.max,
                          site.gridKgCo2PerKwh, 4, 0.01);
    m_gridSpin->setToolTip(tr("Grid emission factor; 0.5568 kg CO₂/kWh is the China grid figure CAICT uses"));
    m_chipHourSpin = realSpin(QStringLiteral("chipHourSpin"), lim::chipHourUsd.min, lim::chipHourUsd.max, 0.0, 2, 0.1);
    m_chipHourSpin->setSpecialValueText(tr("none: owned chips"));
    m_chipHourSpin->setToolTip(tr("Rental price per chip-hour. At 0 the chips are owned and their catalog price "
                                  "is amortised over the years below."));
    m_amortizationSpin = realSpin(QStringLiteral("amortizationSpin"), lim::amortizationYears.min,
                                  lim::amortizationYears.max, engine::CostAssumptions().amortizationYears, 2, 0.5);
    siteForm->addRow(tr("P&UE:"), m_pueSpin);
    siteForm->addRow(tr("Electricity (USD/kWh):"), m_electricitySpin);
    siteForm->addRow(tr("Grid factor (kg CO₂/kWh):"), m_gridSpin);
    siteForm->addRow(tr("Chip-hour price (USD):"), m_chipHourSpin);
    siteForm->addRow(tr("Amortisation (years):"), m_amortizationSpin);
    layout->addWidget(siteGroup);
    layout->addStretch(1);

    // Long chip and model names must not force the panel wider than the dock: combos size to a
    // fixed length and show the full text in their popup.
    for (QComboBox *combo : {m_modelCombo, m_chipCombo, m_precisionCombo, m_recomputeCombo, m_zeroCombo, m_mfuModeCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(combo == m_recomputeCombo || combo == m_zeroCombo ? 8 : 18);
    }

    connect(m_modelCombo, &QComboBox::currentIndexChanged, this, &EstimateDock::modelChosen);
    connect(m_chipCombo, &QComboBox::currentIndexChanged, this, &EstimateDock::chipChosen);
    connect(m_precisionCombo, &QComboBox::currentIndexChanged, this, &EstimateDock::recompute);
    for (QLineEdit *edit : {m_paramsEdit, m_tokensEdit, m_globalBatchEdit})
        connect(edit, &QLineEdit::textChanged, this, &EstimateDock::recompute);
    for (QSpinBox *spin : {m_layersSpin, m_hiddenSpin, m_headsSpin, m_seqLenSpin, m_vocabSpin, m_chipCountSpin,
                           m_tpSpin, m_ppSpin, m_microBatchSpin})
        connect(spin, &QSpinBox::valueChanged, this, &EstimateDock::recompute);
    for (QDoubleSpinBox *spin : {m_mfuSpin, m_pueSpin, m_electricitySpin, m_gridSpin, m_chipHourSpin, m_amortizationSpin})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &EstimateDock::recompute);
    for (QComboBox *combo : {m_recomputeCombo, m_zeroCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &EstimateDock::recompute);
    connect(m_parallelGroup, &QGroupBox::toggled, this, &EstimateDock::recompute);
    connect(m_mfuModeCombo, &QComboBox::currentIndexChanged, this, &EstimateDock::mfuModeChanged);
    return inputs;
}

QLabel *EstimateDock::addResultRow(QFormLayout *form, const QString &objectName, const QString &label)
{
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *labelWidget = new QLabel(label);
    form->addRow(labelWidget, value);
    m_results.insert(objectName, value);
    return labelWidget;
}

QWidget *EstimateDock::buildResults()
{
    auto *group = new QGroupBox(tr("Estimate"));
    group->setObjectName(QStringLiteral("resultsGroup"));
    auto *layout = new QVBoxLayout(group);
    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("inputErrorLabel"));
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("estimateStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->hide();
    layout->addWidget(m_statusLabel);
    m_progressRow = new QWidget;
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progressBar = new QProgressBar;
    m_progressBar->setObjectName(QStringLiteral("searchProgress"));
    m_progressBar->setFormat(tr("Searching layouts: %p %"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelSearchButton"));
    m_cancelButton->setToolTip(tr("Stop the search; change any input to search again"));
    connect(m_cancelButton, &QPushButton::clicked, this, &EstimateDock::cancelEstimate);
    progressLayout->addWidget(m_progressBar, 1);
    progressLayout->addWidget(m_cancelButton);
    m_progressRow->hide();
    layout->addWidget(m_progressRow);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addResultRow(form, QStringLiteral("flopValue"), tr("Training compute, 6ND (FLOP):"));
    addResultRow(form, QStringLiteral("pfDaysValue"), tr("Training compute (PF-days):"));
    m_peakLabel = addResultRow(form, QStringLiteral("peakValue"), tr("Cluster peak (PFLOPS, dense):"));
    addResultRow(form, QStringLiteral("daysValue"), tr("Training time (days):"));
    addResultRow(form, QStringLiteral("chipHoursValue"), tr("Chip-hours:"));
    addResultRow(form, QStringLiteral("tokensPerSecondValue"), tr("Throughput (tokens/s):"));
    addResultRow(form, QStringLiteral("stepTimeValue"), tr("Step time (s):"));
    addResultRow(form, QStringLiteral("mfuHfuValue"), tr("MFU / HFU (%):"));
    addResultRow(form, QStringLiteral("itPowerValue"), tr("IT power (kW):"));
    addResultRow(form, QStringLiteral("itEnergyValue"), tr("IT energy (MWh):"));
    m_facilityLabel = addResultRow(form, QStringLiteral("facilityEnergyValue"), tr("Facility energy (MWh):"));
    addResultRow(form, QStringLiteral("co2Value"), tr("CO₂ (t):"));
    addResultRow(form, QStringLiteral("computeCostValue"), tr("Compute cost (USD):"));
    addResultRow(form, QStringLiteral("energyCostValue"), tr("Energy cost (USD):"));
    addResultRow(form, QStringLiteral("totalCostValue"), tr("Total cost (USD):"));
    layout->addLayout(form);

    auto *memoryTitle = new QLabel(tr("Memory per chip (GiB):"));
    memoryTitle->setObjectName(QStringLiteral("memoryTitle"));
    m_memoryTitle = memoryTitle;
    m_memoryBar = new QProgressBar;
    m_memoryBar->setObjectName(QStringLiteral("memoryBar"));
    m_memoryBar->setRange(0, 1000);
    m_memoryBar->setTextVisible(true);
    m_memoryText = new QLabel;
    m_memoryText->setObjectName(QStringLiteral("memoryText"));
    m_memoryText->setWordWrap(true);
    layout->addWidget(memoryTitle);
    layout->addWidget(m_memoryBar);
    layout->addWidget(m_memoryText);

    layout->addWidget(buildPerformance());

    m_warningsLabel = new QLabel;
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::RichText);
    layout->addWidget(m_warningsLabel);
    layout->addStretch(1);
    return group;
}

QWidget *EstimateDock::buildPerformance()
{
    m_performanceBox = new QWidget;
    m_performanceBox->setObjectName(QStringLiteral("performanceBox"));
    auto *layout = new QVBoxLayout(m_performanceBox);
    layout->setContentsMargins(0, 4, 0, 0);

    m_bindingLabel = new QLabel;
    m_bindingLabel->setObjectName(QStringLiteral("bindingLabel"));
    m_bindingLabel->setWordWrap(true);
    layout->addWidget(m_bindingLabel);

    m_breakdownTitle = new QLabel(tr("Step time by cause:"));
    m_breakdownTitle->setObjectName(QStringLiteral("breakdownTitle"));
    m_breakdownTitle->setWordWrap(true);
    layout->addWidget(m_breakdownTitle);
    m_breakdownBar = new BreakdownBar;
    m_breakdownBar->setObjectName(QStringLiteral("breakdownBar"));
    m_breakdownBar->setUnit(tr("s"));
    m_breakdownBar->setPlaceholderText(tr("no estimate"));
    layout->addWidget(m_breakdownBar);

    // Wrapped: unwrapped, this sentence alone made the dock wider than its default width, so the
    // result values were clipped behind a horizontal scroll bar.
    auto *topTitle = new QLabel(tr("Top configurations (fastest first; select one to see its breakdown and memory):"));
    topTitle->setWordWrap(true);
    layout->addWidget(topTitle);
    m_configTable = new QTableWidget(0, 14);
    m_configTable->setObjectName(QStringLiteral("topConfigTable"));
    m_configTable->setHorizontalHeaderLabels({tr("TP"), tr("PP"), tr("DP"), tr("CP"), tr("EP"), tr("Micro-batch"),
                                              tr("Interleave"), tr("Recompute"), tr("ZeRO"), tr("Step (s)"),
                                              tr("Tokens/s"), tr("MFU (%)"), tr("Memory (GiB)"), tr("Binds")});
    const QStringList headerTips{tr("Tensor parallel degree"), tr("Pipeline stages"), tr("Data parallel replicas"),
                                 tr("Context parallel degree"), tr("Expert parallel degree"),
                                 tr("Sequences per micro-batch"), tr("Virtual pipeline stages per chip"),
                                 tr("Activation recomputation"), tr("ZeRO stage"), tr("Seconds per optimizer step"),
                                 tr("Trained tokens per second, whole cluster"),
                                 tr("Model FLOPs utilisation (6N per token)"),
                                 tr("Memory per chip, most loaded pipeline stage"), tr("The binding wall")};
    for (int c = 0; c < headerTips.size(); ++c)
        m_configTable->horizontalHeaderItem(c)->setToolTip(headerTips.at(c));
    m_configTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_configTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_configTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_configTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_configTable->verticalHeader()->setDefaultSectionSize(m_configTable->fontMetrics().height() + 6);
    m_configTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_configTable->horizontalHeader()->setStretchLastSection(true);
    m_configTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_configTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);
    // Ten rows without an inner vertical scroll bar; the panel scrolls instead.
    const int tableHeight = m_configTable->horizontalHeader()->sizeHint().height()
                            + kTopConfigurations * m_configTable->verticalHeader()->defaultSectionSize()
                            + m_configTable->horizontalScrollBar()->sizeHint().height() + 2 * m_configTable->frameWidth();
    m_configTable->setFixedHeight(tableHeight);
    connect(m_configTable, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_configTable->selectedItems();
        if (!selected.isEmpty())
            showConfiguration(selected.first()->row());
    });
    layout->addWidget(m_configTable);

    m_searchCountsLabel = new QLabel;
    m_searchCountsLabel->setObjectName(QStringLiteral("searchCountsLabel"));
    m_searchCountsLabel->setWordWrap(true);
    m_searchCountsLabel->setFont(smaller(m_searchCountsLabel->font()));
    layout->addWidget(m_searchCountsLabel);
    return m_performanceBox;
}

void EstimateDock::resizeEvent(QResizeEvent *event)
{
    QDockWidget::resizeEvent(event);
    // Wide (floating, or a bottom dock): inputs and results side by side; narrow: stacked.
    m_columns->setDirection(event->size().width() >= 700 ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

QString EstimateDock::inputErrorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void EstimateDock::reloadCatalog()
{
    m_updating = true;
    m_itWattsCache.clear();
    const QString modelId = m_modelCombo->count() ? m_modelCombo->currentData().toString()
                                                  : QStringLiteral("gpt3-175b");
    const QString chipId = m_chipCombo->count() ? m_chipCombo->currentData().toString()
                                                : QStringLiteral("nvidia-h100-sxm");

    m_models = m_catalog->rows(CatalogKind::Model);
    m_modelCombo->clear();
    for (const CatalogRow &row : m_models) {
        const double params = row.number("params").value_or(0.0);
        m_modelCombo->addItem(row.text("name"), row.id());
        m_modelCombo->setItemData(m_modelCombo->count() - 1,
                                  tr("%1 B parameters; source: %2").arg(sig3(params / 1e9), row.text("source")),
                                  Qt::ToolTipRole);
    }
    m_modelCombo->addItem(tr("Custom…"), kCustomModel);

    m_chips = m_catalog->rows(CatalogKind::Chip);
    std::stable_sort(m_chips.begin(), m_chips.end(), [](const CatalogRow &a, const CatalogRow &b) {
        const int byVendor = QString::compare(a.text("vendor"), b.text("vendor"), Qt::CaseInsensitive);
        return byVendor != 0 ? byVendor < 0 : QString::compare(a.text("name"), b.text("name"), Qt::CaseInsensitive) < 0;
    });
    m_chipCombo->clear();
    for (const CatalogRow &row : m_chips) {
        // Names usually start with the vendor ("NVIDIA H100 SXM5 80GB"); add it where they do not.
        const QString name = row.text("name");
        const QString vendor = row.text("vendor");
        m_chipCombo->addItem(name.startsWith(vendor, Qt::CaseInsensitive) ? name : tr("%1 — %2").arg(vendor, name),
                             row.id());
        m_chipCombo->setItemData(m_chipCombo->count() - 1, row.id(), Qt::ToolTipRole);
    }

    int modelAt = m_modelCombo->findData(modelId);
    m_modelCombo->setCurrentIndex(modelAt >= 0 ? modelAt : 0);
    const int chipAt = m_chipCombo->findData(chipId);
    m_chipCombo->setCurrentIndex(chipAt >= 0 ? chipAt : 0);
    m_updating = false;
    modelChosen();
    chipChosen();
}

void EstimateDock::modelChosen()
{
    if (m_updating)
        return;
    const QString id = m_modelCombo->currentData().toString();
    const bool custom = id == kCustomModel;
    for (QWidget *w : std::initializer_list<QWidget *>{m_paramsEdit, m_layersSpin, m_hiddenSpin, m_headsSpin,
                                                       m_seqLenSpin, m_vocabSpin})
        w->setEnabled(custom);
    if (custom) {
        m_modelInfo->setText(tr("Custom: a dense decoder with MLP width 4 × hidden and multi-head attention. "
                                "Architecture fields are used for the memory fit."));
        recompute();
        return;
    }
    const auto it = std::find_if(m_models.cbegin(), m_models.cend(), [&](const CatalogRow &r) { return r.id() == id; });
    if (it == m_models.cend())
        return;
    // Show the preset's shape in the (read-only) custom fields: choosing Custom then starts from it.
    m_updating = true;
    m_paramsEdit->setText(engineeringText(it->number("params").value_or(0.0)));
    m_layersSpin->setValue(it->integer("layers"));
    m_hiddenSpin->setValue(it->integer("hidden"));
    m_headsSpin->setValue(it->integer("heads"));
    m_seqLenSpin->setValue(it->integer("seq_len"));
    m_vocabSpin->setValue(it->integer("vocab"));
    m_updating = false;
    QString info;
    const std::optional<double> active = it->number("active_params");
    if (active && *active > 0.0 && *active < it->number("params").value_or(0.0))
        info += tr("Mixture of experts: %1 B active parameters per token (6ND uses them). ").arg(sig3(*active / 1e9));
    info += tr("Confidence: %1.").arg(it->text("confidence"));
    m_modelInfo->setText(info);
    m_modelInfo->setToolTip(it->text("source"));
    recompute();
}

void EstimateDock::chipChosen()
{
    if (m_updating)
        return;
    fillPrecisions();
    recompute();
}

void EstimateDock::fillPrecisions()
{
    const int at = m_chipCombo->currentIndex();
    const Precision previous = m_precisionCombo->count()
        ? static_cast<Precision>(m_precisionCombo->currentData().toInt())
        : Precision::Bf16;
    const bool wasUpdating = std::exchange(m_updating, true);
    m_precisionCombo->clear();
    if (at >= 0 && at < m_chips.size()) {
        const engine::ChipSpec chip = chipSpecFromRow(m_chips.at(at));
        for (Precision p : engine::kAllPrecisions) {
            const std::optional<double> peak = chip.peakTflops(p);
            if (!peak || *peak <= 0.0)
                continue;
            m_precisionCombo->addItem(tr("%1 (%2 %3 dense)").arg(precisionName(p), large(*peak), peakUnit(p, "T")),
                                      static_cast<int>(p));
        }
        int pick = m_precisionCombo->findData(static_cast<int>(previous));
        if (pick < 0)
            pick = m_precisionCombo->findData(static_cast<int>(Precision::Bf16));
        m_precisionCombo->setCurrentIndex(std::max(pick, 0));
    }
    m_updating = wasUpdating;
}

double EstimateDock::itWattsFor(const QString &chipId)
{
    const auto it = m_itWattsCache.constFind(chipId);
    if (it != m_itWattsCache.cend())
        return *it;
    const double watts = itWattsPerChip(*m_catalog, chipId);
    m_itWattsCache.insert(chipId, watts);
    return watts;
}

std::optional<engine::ModelSpec> EstimateDock::currentModel(QStringList *errors) const
{
    const QString id = m_modelCombo->currentData().toString();
    if (id != kCustomModel) {
        for (const CatalogRow &row : m_models) {
            if (row.id() == id)
                return modelSpecFromRow(row);
        }
        errors->append(tr("Model: no preset is selected."));
        return std::nullopt;
    }
    engine::ModelSpec m;
    m.id = "custom";
    const std::optional<double> params = QuantityValidator::parse(m_paramsEdit->text());
    if (!params || !lim::params.contains(*params)) {
        errors->append(tr("Parameters: enter a number in [%1, %2], e.g. 70e9.")
                           .arg(scientific(lim::params.min), scientific(lim::params.max)));
        return std::nullopt;
    }
    m.params = *params;
    m.layers = m_layersSpin->value();
    m.hidden = m_hiddenSpin->value();
    m.heads = m_headsSpin->value();
    m.seqLen = m_seqLenSpin->value();
    m.vocab = m_vocabSpin->value();
    return m;
}

std::optional<engine::Parallelism> EstimateDock::currentParallelism(long long chipCount, QString *problem) const
{
    if (!m_parallelGroup->isChecked())
        return std::nullopt;
    engine::Parallelism p;
    p.tp = m_tpSpin->value();
    p.pp = m_ppSpin->value();
    const long long modelParallel = static_cast<long long>(p.tp) * p.pp;
    if (chipCount % modelParallel != 0) {
        *problem = tr("The chip count %1 is not a multiple of TP × PP = %2, so there is no data-parallel layout.")
                       .arg(QLocale().toString(chipCount), QLocale().toString(modelParallel));
        return std::nullopt;
    }
    p.dp = static_cast<int>(chipCount / modelParallel);
    p.microBatch = m_microBatchSpin->value();
    p.recompute = static_cast<engine::Recompute>(m_recomputeCombo->currentData().toInt());
    p.zeroStage = m_zeroCombo->currentData().toInt();
    p.sequenceParallel = p.tp > 1;
    return p;
}

void EstimateDock::recompute()
{
    if (m_updating)
        return;
    m_lastInputs.reset();
    m_lastResult.reset();

    QStringList errors;
    engine::TrainingInputs in;
    if (const std::optional<engine::ModelSpec> model = currentModel(&errors))
        in.model = *model;

    const std::optional<double> tokens = QuantityValidator::parse(m_tokensEdit->text());
    if (!tokens || !lim::tokens.contains(*tokens)) {
        errors.append(tr("Tokens: enter a number in [%1, %2], e.g. 300e9.")
                          .arg(scientific(lim::tokens.min), scientific(lim::tokens.max)));
    } else {
        in.tokens = *tokens;
    }
    if (!m_globalBatchEdit->text().trimmed().isEmpty()) {
        const std::optional<double> batch = QuantityValidator::parse(m_globalBatchEdit->text());
        if (!batch || !lim::globalBatchTokens.contains(*batch)) {
            errors.append(tr("Global batch: enter a number of tokens in [%1, %2], e.g. 4M, or leave it empty.")
                              .arg(QLocale().toString(lim::globalBatchTokens.min), scientific(lim::globalBatchTokens.max)));
        } else {
            in.globalBatchTokens = *batch;
        }
    }

    const int chipAt = m_chipCombo->currentIndex();
    QString chipId;
    if (chipAt < 0 || chipAt >= m_chips.size()) {
        errors.append(tr("Chip: the catalog has no chips."));
    } else {
        const CatalogRow &row = m_chips.at(chipAt);
        chipId = row.id();
        in.chip = chipSpecFromRow(row);
        in.itWattsPerChip = itWattsFor(chipId);
        const std::optional<CatalogRow> system = usualSystemForChip(*m_catalog, chipId);
        QString info = tr("%1 GB %2, %3 TB/s, %4 W TDP")
                           .arg(sig3(row.number("memory_gb").value_or(0.0)), row.text("memory_type"),
                                sig3(row.number("memory_tbps").value_or(0.0)), large(row.number("tdp_w").value_or(0.0)));
        if (system && in.itWattsPerChip > 0.0)
            info += QLatin1String("; ") + tr("IT %1 W per chip in %2").arg(large(in.itWattsPerChip), system->text("name"));
        else
            info += QLatin1String("; ") + tr("no system known: IT power from TDP only");
        info += QLatin1String("; ") + tr("confidence %1").arg(row.text("confidence"));
        m_chipInfo->setText(info);
        m_chipInfo->setToolTip(row.text("source"));
    }
    in.chipCount = m_chipCountSpin->value();
    if (m_precisionCombo->currentIndex() < 0) {
        if (!chipId.isEmpty())
            errors.append(tr("Precision: the chip has no dense peak figure in the catalog."));
    } else {
        in.precision = static_cast<Precision>(m_precisionCombo->currentData().toInt());
    }
    in.mfu = m_mfuSpin->value();

    const bool estimate = mfuMode() == MfuMode::Estimated;
    if (estimate) {
        if (m_globalBatchEdit->text().trimmed().isEmpty())
            errors.append(tr("Global batch: the performance model needs the tokens per optimizer step, e.g. 4M "
                             "(or choose Typed MFU)."));
        if (in.model.params > 0.0 && !in.model.hasArchitecture())
            errors.append(tr("Model: the performance model needs the layers, hidden size, attention heads, sequence "
                             "length and vocabulary, which this preset does not give (or choose Typed MFU)."));
    }

    QString parallelProblem;
    in.parallelism = currentParallelism(in.chipCount, &parallelProblem);
    m_dpLabel->setText(in.parallelism ? QLocale().toString(in.parallelism->dp) : tr("— (see below)"));
    if (!m_parallelGroup->isChecked())
        m_dpLabel->setText(tr("—"));

    in.facility.pue = m_pueSpin->value();
    in.facility.electricityUsdPerKwh = m_electricitySpin->value();
    in.facility.gridKgCo2PerKwh = m_gridSpin->value();
    if (m_chipHourSpin->value() > 0.0)
        in.cost.chipHourUsd = m_chipHourSpin->value();
    in.cost.amortizationYears = m_amortizationSpin->value();

    if (!errors.isEmpty()) {
        if (estimate) {
            // No request: whatever is in flight belongs to older inputs.
            ++m_generation;
            m_debounce->stop();
            if (m_watcher)
                m_watcher->cancel();
            m_pendingScenario.reset();
            m_lastScenario.reset();
            m_lastRun.reset();
            clearPerformance();
            showStatus(QString());
        }
        clearResults();
        m_errorLabel->setText(errors.join(QLatin1Char('\n')));
        m_errorLabel->show();
        return;
    }
    if (estimate) {
        // The numbers on screen stay until the new estimate replaces them; the accessors and
        // the status line already say they are not current.
        m_pendingScenario = currentScenario(in, chipId);
        m_lastScenario.reset();
        m_lastRun.reset();
        ++m_generation;
        if (m_watcher)
            m_watcher->cancel();
        m_debounce->start();
        showStatus(tr("Estimating…"));
        return;
    }
    const engine::TrainingResult result = engine::estimateTraining(in);
    if (result.error != engine::EstimateError::None) {
        clearResults();
        m_errorLabel->setText(result.error == engine::EstimateError::PrecisionUnsupported
                                  ? tr("The chip has no dense peak at %1.").arg(precisionName(in.precision))
                                  : tr("Every input must be above zero."));
        m_errorLabel->show();
        return;
    }
    m_errorLabel->hide();
    m_errorLabel->clear();
    m_lastInputs = in;
    m_lastResult = result;
    showResult(in, result);
    if (!parallelProblem.isEmpty()) {
        m_memoryText->setText(tr("Not computed: %1").arg(parallelProblem));
    }
}

void EstimateDock::showMemory(const engine::MemoryBreakdown &m, bool adviseOnMisfit)
{
    const double total = m.totalGib();
    const bool fits = m.fits();
    const double fraction = m.capacityGib > 0.0 ? total / m.capacityGib : 1.0;
    m_memoryBar->setValue(static_cast<int>(std::round(std::min(fraction, 1.0) * m_memoryBar->maximum())));
    m_memoryBar->setFormat(tr("%1 of %2 GiB").arg(fixed(total, 1), fixed(m.capacityGib, 1)));
    m_memoryBar->setProperty("fits", fits);
    QPalette palette;
    palette.setColor(QPalette::Highlight, fits ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    // White text on the filled part reads on both the green and the red.
    palette.setColor(QPalette::HighlightedText, Qt::white);
    m_memoryBar->setPalette(palette);
    m_memoryBar->setToolTip(tr("Per chip, most loaded pipeline stage:\n"
                               "weights %1 GiB\ngradients %2 GiB\noptimizer %3 GiB\nactivations %4 GiB\n"
                               "runtime reserve %5 GiB\nfragmentation margin %6 GiB\n"
                               "total %7 GiB of %8 GiB")
                                .arg(fixed(m.weightsGib, 1), fixed(m.gradientsGib, 1), fixed(m.optimizerGib, 1),
                                     fixed(m.activationsGib, 1), fixed(m.reservedGib, 1), fixed(m.fragmentationGib, 1),
                                     fixed(total, 1), fixed(m.capacityGib, 1)));
    if (fits)
        m_memoryText->setText(tr("Fits: %1 % of the chip's memory (hover the bar for the breakdown).")
                                  .arg(fixed(fraction * 100.0, 0)));
    else if (adviseOnMisfit)
        m_memoryText->setText(tr("Does not fit: needs %1 GiB per chip, the chip has %2 GiB. Raise TP or PP, "
                                 "a higher ZeRO stage or recompute.")
                                  .arg(fixed(total, 1), fixed(m.capacityGib, 1)));
    else
        m_memoryText->setText(tr("Does not fit: needs %1 GiB per chip, the chip has %2 GiB.")
                                  .arg(fixed(total, 1), fixed(m.capacityGib, 1)));
}

void EstimateDock::clearResults()
{
    for (QLabel *label : std::as_const(m_results))
        label->setText(tr("—"));
    m_memoryBar->setValue(0);
    m_memoryBar->setFormat(tr("—"));
    m_memoryBar->setProperty("fits", QVariant());
    m_memoryBar->setPalette(QPalette());
    m_memoryText->clear();
    m_warningsLabel->clear();
}

void EstimateDock::showResult(const engine::TrainingInputs &in, const engine::TrainingResult &result)
{
    const engine::TrainingEstimate &e = result.estimate;
    const QString precision = precisionName(in.precision);
    auto set = [this](const char *name, const QString &text, const QString &toolTip = QString()) {
        QLabel *label = m_results.value(QString::fromLatin1(name));
        label->setText(text);
        label->setToolTip(toolTip);
    };

    set("flopValue", scientific(e.flopsTotal),
        tr("6 × %1 active parameters × %2 tokens; a quantity of work, not a rate")
            .arg(scientific(in.model.effectiveActiveParams()), scientific(in.tokens)));
    set("pfDaysValue", large(e.flopsTotal / engine::kFlopPerPetaflopDay), tr("1 PF-day = 8.64 × 10¹⁹ FLOP"));
    m_peakLabel->setText(tr("Cluster peak (%1, %2 dense):").arg(peakUnit(in.precision, "P"), precision));
    set("peakValue", large(e.peakFlopsPerSecondCluster / engine::kPeta),
        tr("Sustained at MFU %1: %2 %3").arg(fixed(in.mfu, 2), large(e.peakFlopsPerSecondCluster * in.mfu / engine::kPeta),
                                             peakUnit(in.precision, "P")));
    set("daysValue", fixed(e.days, 2), tr("%1 hours").arg(large(e.durationSeconds / engine::kSecondsPerHour)));
    set("chipHoursValue", large(e.chipHours));
    set("tokensPerSecondValue", large(e.tokensPerSecond));
    set("stepTimeValue", e.stepTimeSeconds > 0.0 ? sig3(e.stepTimeSeconds) : tr("—"),
        e.stepTimeSeconds > 0.0 ? QString() : tr("Give a global batch (tokens) to get the step time"));
    set("mfuHfuValue", tr("%1 / %2").arg(fixed(e.mfu * 100.0, 1), fixed(e.hfu * 100.0, 1)),
        tr("HFU counts the recomputed forward passes too"));
    set("itPowerValue", large(e.itPowerKw));
    set("itEnergyValue", large(e.itEnergyMwh));
    m_facilityLabel->setText(tr("Facility energy (MWh, PUE %1):").arg(fixed(in.facility.pue, 2)));
    set("facilityEnergyValue", large(e.facilityEnergyMwh));
    set("co2Value", large(e.co2Tonnes),
        tr("Facility energy × %1 kg CO₂/kWh").arg(QLocale().toString(in.facility.gridKgCo2PerKwh, 'f', 4)));
    const bool hasComputeCost = in.cost.chipHourUsd || (in.chip.priceUsd && in.cost.amortizationYears > 0.0);
    QString costBasis;
    if (in.cost.chipHourUsd)
        costBasis = tr("Rented at %1 USD per chip-hour").arg(fixed(*in.cost.chipHourUsd, 2));
    else if (hasComputeCost)
        costBasis = tr("Owned: chip price %1 USD amortised over %2 years")
                        .arg(large(*in.chip.priceUsd), fixed(in.cost.amortizationYears, 2));
    set("computeCostValue", hasComputeCost ? large(e.computeCostUsd) : tr("—"),
        hasComputeCost ? costBasis : tr("No chip-hour price and no chip price in the catalog"));
    set("energyCostValue", large(e.energyCostUsd),
        tr("Facility energy × %1 USD/kWh").arg(fixed(in.facility.electricityUsdPerKwh, 3)));
    set("totalCostValue", large(e.computeCostUsd + e.energyCostUsd));

    // Memory fit
    if (e.memory) {
        showMemory(*e.memory, true);
    } else {
        m_memoryBar->setValue(0);
        m_memoryBar->setFormat(tr("not computed"));
        m_memoryBar->setProperty("fits", QVariant());
        m_memoryBar->setPalette(QPalette());
        m_memoryBar->setToolTip(QString());
        m_memoryText->setText(m_parallelGroup->isChecked() ? QString()
                                                           : tr("Not computed: turn on Parallelism to check the fit."));
    }

    QStringList warnings;
    for (engine::Warning w : e.warnings) {
        // The memory section already explains these two.
        if (w == engine::Warning::NoParallelismNoMemory || w == engine::Warning::MemoryDoesNotFit)
            continue;
        warnings << QStringLiteral("&bull; ") + warningText(w).toHtmlEscaped();
    }
    m_warningsLabel->setText(warnings.isEmpty() ? QString()
                                                : QStringLiteral("<b>%1</b><br>%2").arg(tr("Notes"), warnings.join(QStringLiteral("<br>"))));
}

std::optional<Scenario> EstimateDock::currentScenario(const engine::TrainingInputs &in, const QString &chipId) const
{
    Scenario s;
    s.name = tr("Training estimate panel");
    s.modelPreset = m_modelCombo->currentData().toString();
    s.modelName = m_modelCombo->currentText();
    s.model = in.model;
    s.chipId = chipId;
    s.chip = in.chip;
    s.chipCount = in.chipCount;
    s.tokens = in.tokens;
    s.globalBatchTokens = in.globalBatchTokens;
    s.precision = in.precision;
    s.mfu.reset();
    // As the scenario reader: the chip's scale-up domain (HGX: 8) and its NIC bandwidth.
    s.scaleUpSize = std::max(1, in.chip.scaleUpDomainMax);
    s.scaleOutGbitPerSecPerChip = in.chip.scaleOutGbitPerSec;
    s.itWattsPerChip = in.itWattsPerChip;
    s.facility = in.facility;
    s.cost = in.cost;
    if (m_parallelGroup->isChecked()) {
        ParallelismRequest &r = s.parallelism;
        r.given = true;
        r.tp = m_tpSpin->value();
        r.pp = m_ppSpin->value();
        r.microBatch = m_microBatchSpin->value();
        r.recompute = static_cast<engine::Recompute>(m_recomputeCombo->currentData().toInt());
        r.zero = m_zeroCombo->currentData().toInt();
    }
    return s;
}

void EstimateDock::startEstimate()
{
    if (!m_pendingScenario)
        return;
    const Scenario &s = *m_pendingScenario;
    EstimateJob job;
    job.inputs = performanceInputs(s, *m_catalog); // reads the calibration: GUI thread only
    job.pinned = pinnedParallelism(s.parallelism);
    const ParallelismRequest &r = s.parallelism;
    if (r.tp && r.pp && r.microBatch && r.recompute && r.zero)
        job.complete = r.resolve(s.chipCount); // modelRun(): a complete layout is evaluated, not searched

    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<ModelledRun>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, generation, watcher] { estimateFinished(generation, watcher); });
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_progressBar, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progressBar, &QProgressBar::setValue);
    if (m_watcher)
        m_watcher->cancel();
    m_watcher = watcher;
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    watcher->setFuture(QtConcurrent::run(&runEstimateJob, job));
    m_progressDelay->start();
}

void EstimateDock::estimateFinished(quint64 generation, QFutureWatcher<ModelledRun> *watcher)
{
    watcher->deleteLater();
    if (watcher == m_watcher) {
        m_watcher = nullptr;
        m_progressDelay->stop();
        m_progressRow->hide();
    }
    // A newer request (or a cancel) superseded this one: its result is stale.
    if (generation != m_generation || watcher->isCanceled() || watcher->future().resultCount() == 0
        || !m_pendingScenario)
        return;
    showStatus(QString());
    applyRun(*m_pendingScenario, watcher->result());
}

void EstimateDock::cancelEstimate()
{
    if (!isEstimating())
        return;
    ++m_generation;
    m_debounce->stop();
    if (m_watcher)
        m_watcher->cancel();
    m_progressDelay->stop();
    m_progressRow->hide();
    m_pendingScenario.reset();
    m_lastInputs.reset();
    m_lastResult.reset();
    m_lastScenario.reset();
    m_lastRun.reset();
    clearResults();
    clearPerformance();
    showStatus(tr("Search cancelled. Change any input to estimate again."));
}

namespace {

QString searchCountsText(const engine::SearchResult &r)
{
    const QLocale locale;
    QString text = EstimateDock::tr("Searched %1 layouts: %2 evaluated, %3 feasible, %4 pruned by the lower bound, "
                                    "%5 rejected.")
                       .arg(locale.toString(r.combinations), locale.toString(r.evaluated), locale.toString(r.feasible),
                            locale.toString(r.pruned), locale.toString(r.rejectedTotal()));
    std::vector<int> reasons;
    for (int i = 1; i < engine::kInfeasibleCount; ++i) {
        if (r.rejected[static_cast<std::size_t>(i)] > 0)
            reasons.push_back(i);
    }
    std::stable_sort(reasons.begin(), reasons.end(), [&](int a, int b) {
        return r.rejected[static_cast<std::size_t>(a)] > r.rejected[static_cast<std::size_t>(b)];
    });
    for (std::size_t i = 0; i < reasons.size() && i < 3; ++i) {
        text += QLatin1Char('\n')
                + EstimateDock::tr("%1 × %2")
                      .arg(locale.toString(r.rejected[static_cast<std::size_t>(reasons[i])]),
                           infeasibleText(static_cast<engine::Infeasible>(reasons[i])));
    }
    return text;
}

QString calibrationText(bool measured)
{
    return measured ? EstimateDock::tr("Timings are calibrated on published runs of this chip.")
                    : EstimateDock::tr("This chip has no published runs to calibrate on: class defaults, lower "
                                       "confidence.");
}

} // namespace

void EstimateDock::applyRun(const Scenario &scenario, const ModelledRun &run)
{
    m_lastScenario = scenario;
    m_lastRun = run;
    m_lastInputs.reset();
    m_lastResult.reset();
    clearPerformance();
    if (!run.feasible) {
        // Never a number for an impossible request: the reason instead.
        clearResults();
        QString text = tr("No feasible layout: %1").arg(infeasibleText(run.reason));
        if (run.reason == engine::Infeasible::OutOfMemory)
            text += QLatin1Char(' ') + tr("Use more chips, a chip with more memory, or unpin the parallelism.");
        else if (run.reason == engine::Infeasible::TpExceedsScaleUpDomain)
            text += QLatin1Char(' ') + tr("This chip's scale-up domain is %1.").arg(scenario.scaleUpSize);
        else if (run.reason == engine::Infeasible::BatchNotDivisible && scenario.model.seqLen > 0) {
            // "4M" tokens is 1,953.125 sequences of 2,048: suggest the nearest power of two.
            const double sequences = scenario.globalBatchTokens / scenario.model.seqLen;
            const double suggestion = std::exp2(std::round(std::log2(std::max(1.0, sequences)))) * scenario.model.seqLen;
            text += QLatin1Char(' ')
                    + tr("The batch is %1 sequences of %2 tokens; %3 tokens (a power-of-two count of sequences) "
                         "divides evenly.")
                          .arg(QLocale().toString(sequences, 'g', 8), QLocale().toString(scenario.model.seqLen),
                               QLocale().toString(suggestion, 'f', 0));
        }
        m_errorLabel->setText(text);
        m_errorLabel->show();
        m_bindingLabel->setText(calibrationText(run.step.calibrationMeasured));
        if (run.searched)
            m_searchCountsLabel->setText(searchCountsText(run.search));
        return;
    }
    engine::TrainingInputs in = scenario.trainingInputs(run.step.mfu);
    in.parallelism = run.parallelism;
    const engine::TrainingResult result = engine::estimateTraining(in);
    if (result.error != engine::EstimateError::None) {
        clearResults();
        m_errorLabel->setText(tr("The estimate is impossible with these inputs (precision not supported or a "
                                 "non-positive value)."));
        m_errorLabel->show();
        return;
    }
    m_errorLabel->hide();
    m_errorLabel->clear();
    m_lastInputs = in;
    m_lastResult = result;
    showResult(in, result);

    if (run.searched)
        m_candidates = run.search.best;
    else
        m_candidates = {engine::SearchCandidate{run.parallelism, run.step}};
    const QSignalBlocker blocker(m_configTable);
    m_configTable->setRowCount(static_cast<int>(m_candidates.size()));
    auto cell = [this](int row, int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(column == 7 || column == 13 ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                           : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        m_configTable->setItem(row, column, item);
    };
    const QLocale locale;
    for (int row = 0; row < static_cast<int>(m_candidates.size()); ++row) {
        const engine::Parallelism &p = m_candidates[static_cast<std::size_t>(row)].parallelism;
        const engine::StepEstimate &e = m_candidates[static_cast<std::size_t>(row)].estimate;
        cell(row, 0, locale.toString(p.tp));
        cell(row, 1, locale.toString(p.pp));
        cell(row, 2, locale.toString(p.dp));
        cell(row, 3, locale.toString(p.cp));
        // Expert TP shown only where it differs from tp (a scenario pinned it): "32 (etp 1)".
        cell(row, 4, p.expertTp() == p.tp ? locale.toString(p.ep)
                                          : QStringLiteral("%1 (etp %2)").arg(locale.toString(p.ep), locale.toString(p.expertTp())));
        cell(row, 5, locale.toString(p.microBatch));
        cell(row, 6, locale.toString(p.interleave));
        cell(row, 7, recomputeText(p.recompute));
        cell(row, 8, locale.toString(p.zeroStage));
        cell(row, 9, fixed(e.stepTimeSeconds, 3));
        cell(row, 10, large(e.tokensPerSecond));
        cell(row, 11, fixed(e.mfu * 100.0, 1));
        cell(row, 12, fixed(e.memory.totalGib(), 1));
        cell(row, 13, boundByShort(e.boundBy));
    }
    m_searchCountsLabel->setText(run.searched ? searchCountsText(run.search)
                                              : tr("Every parallelism field is pinned: this layout was timed, "
                                                   "not searched. Turn Parallelism off to search."));
    m_configTable->clearSelection();
    m_configTable->setCurrentCell(-1, -1);
    if (!m_candidates.empty()) {
        m_configTable->selectRow(0);
        showConfiguration(0);
    }
}

void EstimateDock::showConfiguration(int row)
{
    if (row < 0 || row >= static_cast<int>(m_candidates.size()))
        return;
    const engine::StepEstimate &e = m_candidates[static_cast<std::size_t>(row)].estimate;
    m_breakdownBar->setSegments(breakdownSegments(e.breakdown));
    m_breakdownTitle->setText(tr("Step time by cause, configuration %1 (%2 s per step, MFU %3 %):")
                                  .arg(row + 1)
                                  .arg(fixed(e.stepTimeSeconds, 3), fixed(e.mfu * 100.0, 1)));
    showMemory(e.memory, false);
    m_memoryTitle->setText(tr("Memory per chip (GiB), configuration %1:").arg(row + 1));
    m_bindingLabel->setText(boundByText(e.boundBy) + QLatin1Char(' ') + calibrationText(e.calibrationMeasured));
}

void EstimateDock::clearPerformance()
{
    m_candidates.clear();
    {
        const QSignalBlocker blocker(m_configTable);
        m_configTable->setRowCount(0);
    }
    m_breakdownBar->setSegments({});
    m_breakdownTitle->setText(tr("Step time by cause:"));
    m_memoryTitle->setText(tr("Memory per chip (GiB):"));
    m_bindingLabel->clear();
    m_searchCountsLabel->clear();
}

void EstimateDock::showStatus(const QString &text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
}

} // namespace th
