// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/performancebridge.h"
#include "model/catalog/catalogrow.h"
#include "model/engine/trainingestimate.h"
#include "model/io/scenario.h"

#include <QDockWidget>
#include <QFutureWatcher>
#include <QHash>

#include <optional>
#include <vector>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace th {

class BreakdownBar;
class Catalog;

/**
 * The training estimate panel: a model (catalog preset or custom shape), tokens, chip, chip
 * count, precision, MFU, an optional parallelism layout for the memory fit, and site/cost
 * assumptions. Every change recomputes th::engine::estimateTraining at once (no button) and
 * shows FLOP, days, chip-hours, throughput, power, energy, CO2, cost and memory per chip.
 *
 * Inputs are checked against model/engine/limits.h before the engine runs; an invalid input
 * clears the results and says which field and range. Child widgets carry object names (see the
 * .cpp) so tests can drive them like a user.
 *
 * MFU is either typed (synchronous) or estimated by the performance model (modelRun semantics:
 * a fully pinned layout is evaluated, anything else searched). Estimates run debounced on the
 * thread pool, split into one search per tensor-parallel degree so that progress is reported
 * and a cancel takes effect between chunks; a result whose request is no longer the newest is
 * discarded (generation counter). The panel then shows the step-time breakdown, the modelled
 * memory, the top configurations and the binding wall; an impossible request shows its reason
 * and no numbers.
 */
class EstimateDock : public QDockWidget
{
    Q_OBJECT
public:
    enum class MfuMode { Typed, Estimated };

    explicit EstimateDock(Catalog *catalog, QWidget *parent = nullptr);
    ~EstimateDock() override;

    MfuMode mfuMode() const;
    void setMfuMode(MfuMode mode);
    /// True while an estimate-mode request waits for its debounce or its search.
    bool isEstimating() const;
    /// Estimate mode: the scenario and outcome of the last finished request (nullopt otherwise).
    const std::optional<Scenario> &lastScenario() const { return m_lastScenario; }
    const std::optional<ModelledRun> &lastRun() const { return m_lastRun; }
    /// Estimate mode: the configurations listed in the table, fastest first.
    const std::vector<engine::SearchCandidate> &topConfigurations() const { return m_candidates; }

    /// Inputs of the last successful estimate (nullopt when the inputs are invalid).
    const std::optional<engine::TrainingInputs> &lastInputs() const { return m_lastInputs; }
    /// Result of the last estimate (nullopt when the inputs are invalid).
    const std::optional<engine::TrainingResult> &lastResult() const { return m_lastResult; }
    /// The problems with the inputs, one per line; empty when the estimate is shown.
    QString inputErrorText() const;

public slots:
    /// Re-reads chips and model presets after the catalog changed, keeping the choices.
    void reloadCatalog();
    /// Runs the engine on the current inputs and shows the result.
    void recompute();
    /// Stops the running search; the results stay empty until an input changes.
    void cancelEstimate();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildInputs();
    QWidget *buildResults();
    void modelChosen();
    void chipChosen();
    void fillPrecisions();
    void updateDerivedDp();
    void clearResults();
    void showResult(const engine::TrainingInputs &in, const engine::TrainingResult &result);
    std::optional<engine::ModelSpec> currentModel(QStringList *errors) const;
    std::optional<engine::Parallelism> currentParallelism(long long chipCount, QString *problem) const;
    double itWattsFor(const QString &chipId);
    QLabel *addResultRow(QFormLayout *form, const QString &objectName, const QString &label);
    QWidget *buildPerformance();
    void mfuModeChanged();
    std::optional<Scenario> currentScenario(const engine::TrainingInputs &in, const QString &chipId) const;
    void startEstimate();
    void estimateFinished(quint64 generation, QFutureWatcher<ModelledRun> *watcher);
    void applyRun(const Scenario &scenario, const ModelledRun &run);
    void showConfiguration(int row);
    void clearPerformance();
    void showMemory(const engine::MemoryBreakdown &m, bool adviseOnMisfit);
    void showStatus(const QString &text);

    Catalog *m_catalog;
    QList<CatalogRow> m_chips;
    QList<CatalogRow> m_models;
    QHash<QString, double> m_itWattsCache;
    bool m_updating = false;

    QBoxLayout *m_columns = nullptr;

    // Inputs
    QComboBox *m_modelCombo = nullptr;
    QLineEdit *m_paramsEdit = nullptr;
    QSpinBox *m_layersSpin = nullptr;
    QSpinBox *m_hiddenSpin = nullptr;
    QSpinBox *m_headsSpin = nullptr;
    QSpinBox *m_seqLenSpin = nullptr;
    QSpinBox *m_vocabSpin = nullptr;
    QLabel *m_modelInfo = nullptr;
    QLineEdit *m_tokensEdit = nullptr;
    QLineEdit *m_globalBatchEdit = nullptr;
    QComboBox *m_chipCombo = nullptr;
    QLabel *m_chipInfo = nullptr;
    QSpinBox *m_chipCountSpin = nullptr;
    QComboBox *m_precisionCombo = nullptr;
    QDoubleSpinBox *m_mfuSpin = nullptr;
    QGroupBox *m_parallelGroup = nullptr;
    QSpinBox *m_tpSpin = nullptr;
    QSpinBox *m_ppSpin = nullptr;
    QLabel *m_dpLabel = nullptr;
    QSpinBox *m_microBatchSpin = nullptr;
    QComboBox *m_recomputeCombo = nullptr;
    QComboBox *m_zeroCombo = nullptr;
    QDoubleSpinBox *m_pueSpin = nullptr;
    QDoubleSpinBox *m_electricitySpin = nullptr;
    QDoubleSpinBox *m_gridSpin = nullptr;
    QDoubleSpinBox *m_chipHourSpin = nullptr;
    QDoubleSpinBox *m_amortizationSpin = nullptr;

    // Results
    QLabel *m_errorLabel = nullptr;
    QHash<QString, QLabel *> m_results;
    QLabel *m_peakLabel = nullptr;   ///< the row label, which names the precision
    QLabel *m_facilityLabel = nullptr;
    QLabel *m_memoryTitle = nullptr;
    QProgressBar *m_memoryBar = nullptr;
    QLabel *m_memoryText = nullptr;
    QLabel *m_warningsLabel = nullptr;

    // Performance model (estimate mode)
    QComboBox *m_mfuModeCombo = nullptr;
    QWidget *m_performanceBox = nullptr;
    QLabel *m_statusLabel = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_bindingLabel = nullptr;
    BreakdownBar *m_breakdownBar = nullptr;
    QLabel *m_breakdownTitle = nullptr;
    QTableWidget *m_configTable = nullptr;
    QLabel *m_searchCountsLabel = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_progressDelay = nullptr;
    QFutureWatcher<ModelledRun> *m_watcher = nullptr;
    quint64 m_generation = 0;
    std::optional<Scenario> m_pendingScenario;  ///< the request of m_generation
    std::optional<Scenario> m_lastScenario;
    std::optional<ModelledRun> m_lastRun;
    std::vector<engine::SearchCandidate> m_candidates;

    std::optional<engine::TrainingInputs> m_lastInputs;
    std::optional<engine::TrainingResult> m_lastResult;
};

} // namespace th
