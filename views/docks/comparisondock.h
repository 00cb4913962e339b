// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/comparison.h"

#include <QDockWidget>
#include <QJsonObject>

#include <optional>

class QChartView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QTableWidget;
class QTabWidget;
class QTimer;
template<typename T>
class QFutureWatcher;

namespace th {

class Catalog;

/**
 * The vendor comparison (issue 6): one workload on several chips or systems side by side under
 * an equaliser (same chip count, power envelope, budget or deadline). Candidates come from the
 * catalog, filtered by vendor, country and precision; the user ticks them. Results recompute
 * when inputs change (debounced); with a file-backed catalog the evaluation runs off the GUI
 * thread on its own catalog connection, with progress, and stale results are dropped. The
 * table, grouped-bar and Pareto charts show compareChips() results unchanged; CSV export and
 * the clipboard use the CLI's CSV (comparisonToCsv).
 */
class ComparisonDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ComparisonDock(Catalog *catalog, QWidget *parent = nullptr);
    ~ComparisonDock() override;

    void setWorkload(const QString &modelPreset, double tokens, std::optional<double> mfu, double globalBatchTokens);
    void setPickedChips(const QStringList &ids);
    QStringList pickedChips() const;
    void setEqualiser(Equaliser equaliser, double value, double powerCapMw = 0.0);

    /// The scenario JSON ("terahall.scenario/1") of the current inputs, as `terahall compare` reads it.
    QJsonObject scenarioJson() const;
    /// The request the current inputs describe; nullopt (and a status message) when invalid.
    std::optional<ComparisonRequest> currentRequest() const;
    const ComparisonResult &result() const { return m_result; }
    bool isBusy() const;
    QTableWidget *table() const { return m_table; }
    QByteArray csv() const;
    bool exportCsv(const QString &path, QString *error);

public slots:
    void recompute();
    void reloadCatalog();
    void copyToClipboard();

signals:
    void resultsChanged();

private:
    void buildUi();
    void refilter();
    void scheduleRecompute();
    void applyResult(const ComparisonResult &result);
    void updateCharts();
    void saveCurrentChart();
    void exportCsvInteractive();
    void equaliserChanged();

    Catalog *m_catalog;
    ComparisonResult m_result;
    quint64 m_generation = 0;
    QFutureWatcher<ComparisonResult> *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    QComboBox *m_model = nullptr;
    QDoubleSpinBox *m_tokens = nullptr;
    QDoubleSpinBox *m_batch = nullptr;
    QCheckBox *m_autoMfu = nullptr;
    QDoubleSpinBox *m_mfu = nullptr;
    QComboBox *m_precision = nullptr;
    QComboBox *m_vendorFilter = nullptr;
    QComboBox *m_countryFilter = nullptr;
    QComboBox *m_precisionFilter = nullptr;
    QListWidget *m_chips = nullptr;
    QComboBox *m_equaliser = nullptr;
    QDoubleSpinBox *m_value = nullptr;
    QDoubleSpinBox *m_powerCap = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_metric = nullptr;
    QChartView *m_barView = nullptr;
    QChartView *m_paretoView = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace th
