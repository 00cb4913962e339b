// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogrow.h"
#include "model/engine/trainingestimate.h"

#include <QDockWidget>
#include <QHash>

#include <optional>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;

namespace th {

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
 */
class EstimateDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit EstimateDock(Catalog *catalog, QWidget *parent = nullptr);

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
    QProgressBar *m_memoryBar = nullptr;
    QLabel *m_memoryText = nullptr;
    QLabel *m_warningsLabel = nullptr;

    std::optional<engine::TrainingInputs> m_lastInputs;
    std::optional<engine::TrainingResult> m_lastResult;
};

} // namespace th
