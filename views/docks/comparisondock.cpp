// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/comparisondock.h"

#include "model/analysis/kpiformat.h"
#include "model/catalog/catalog.h"
#include "model/io/atomicwrite.h"
#include "model/io/comparisonio.h"
#include "model/io/scenarioreader.h"
#include "views/charts/charts.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPalette>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSet>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace th {

namespace {

constexpr int kDebounceMs = 250;

struct Job
{
    ComparisonRequest request;
    QString catalogPath;
};

/// Worker: its own catalog connection (QtSql connections are per thread), one chip at a time
/// so that progress moves; the merged result equals compareChips() on the whole request.
void runJob(QPromise<ComparisonResult> &promise, const Job &job)
{
    Catalog catalog;
    QString error;
    ComparisonResult merged;
    if (!catalog.open(job.catalogPath, &error)) {
        merged.errors.append({QString(), error});
        promise.addResult(merged);
        return;
    }
    promise.setProgressRange(0, int(job.request.chipIds.size()));
    for (int i = 0; i < job.request.chipIds.size(); ++i) {
        if (promise.isCanceled())
            return;
        ComparisonRequest one = job.request;
        one.chipIds = {job.request.chipIds.at(i)};
        const ComparisonResult r = compareChips(one, catalog);
        merged.candidates += r.candidates;
        for (const InputError &e : r.errors)
            if (e.pointer == QLatin1String("--chips"))
                merged.errors.append(e);
        promise.setProgressValue(i + 1);
    }
    if (merged.errors.isEmpty()) {
        // The "nobody meets the equaliser" verdict needs all candidates: ask the same function.
        const bool anyFeasible = std::any_of(merged.candidates.begin(), merged.candidates.end(), [](const ComparisonCandidate &c) { return c.feasible; });
        if (!anyFeasible && !merged.candidates.isEmpty())
            merged.errors = compareChips(job.request, catalog).errors;
    }
    promise.addResult(merged);
}

struct ColumnDef
{
    QString title;
    std::function<QVariant(const ComparisonCandidate &)> value; ///< raw value (UserRole)
    int decimals = -1;                                           ///< -1: text
};

QList<ColumnDef> columns()
{
    auto feas = [](auto f) {
        return [f](const ComparisonCandidate &c) -> QVariant { return c.feasible ? QVariant(f(c)) : QVariant(); };
    };
    return {
        {ComparisonDock::tr("Chip"), [](const ComparisonCandidate &c) { return QVariant(c.chipName.isEmpty() ? c.chipId : c.chipName); }},
        {ComparisonDock::tr("Vendor"), [](const ComparisonCandidate &c) { return QVariant(c.vendor); }},
        {ComparisonDock::tr("Country"), [](const ComparisonCandidate &c) { return QVariant(c.country); }},
        {ComparisonDock::tr("Confidence"), [](const ComparisonCandidate &c) { return QVariant(c.confidence); }},
        {ComparisonDock::tr("System"), [](const ComparisonCandidate &c) { return QVariant(c.systemId); }},
        {ComparisonDock::tr("Chips"), [](const ComparisonCandidate &c) { return QVariant(double(c.chips)); }, 0},
        {ComparisonDock::tr("Systems"), [](const ComparisonCandidate &c) { return QVariant(double(c.systems)); }, 0},
        {ComparisonDock::tr("Racks"), [](const ComparisonCandidate &c) { return QVariant(double(c.racks)); }, 0},
        {ComparisonDock::tr("Floor (m²)"), [](const ComparisonCandidate &c) { return QVariant(c.floorAreaM2); }, 0},
        {ComparisonDock::tr("IT (MW)"), [](const ComparisonCandidate &c) { return QVariant(c.itMw); }, 2},
        {ComparisonDock::tr("PUE"), [](const ComparisonCandidate &c) { return QVariant(c.pue); }, 2},
        {ComparisonDock::tr("Facility (MW)"), [](const ComparisonCandidate &c) { return QVariant(c.facilityMw); }, 2},
        {ComparisonDock::tr("Days"), feas([](const ComparisonCandidate &c) { return c.days; }), 1},
        {ComparisonDock::tr("MFU (est.)"), feas([](const ComparisonCandidate &c) { return c.mfu; }), 3},
        {ComparisonDock::tr("Energy (MWh)"), feas([](const ComparisonCandidate &c) { return c.energyMwh; }), 0},
        {ComparisonDock::tr("CO2 (t)"), feas([](const ComparisonCandidate &c) { return c.co2Tonnes; }), 0},
        {ComparisonDock::tr("CapEx (USD)"),
         [](const ComparisonCandidate &c) { return c.feasible && c.hasPrice ? QVariant(c.capexUsd) : QVariant(); }, 0},
        {ComparisonDock::tr("OpEx (USD/yr)"), feas([](const ComparisonCandidate &c) { return c.opexUsdPerYear; }), 0},
        {ComparisonDock::tr("Cost/run (USD)"), feas([](const ComparisonCandidate &c) { return c.costPerRunUsd; }), 0},
        {ComparisonDock::tr("Tokens/USD"), feas([](const ComparisonCandidate &c) { return c.tokensPerUsd; }), 0},
        {ComparisonDock::tr("Tokens/kWh"), feas([](const ComparisonCandidate &c) { return c.tokensPerKwh; }), 0},
        {ComparisonDock::tr("PFLOPS/kW"), feas([](const ComparisonCandidate &c) { return c.pflopsPerKw; }), 3},
        {ComparisonDock::tr("PFLOPS/m²"), feas([](const ComparisonCandidate &c) { return c.pflopsPerM2; }), 2},
        {ComparisonDock::tr("Memory fit"),
         [](const ComparisonCandidate &c) {
             if (!c.feasible || c.memoryCapacityGib <= 0)
                 return QVariant(QStringLiteral("-"));
             return QVariant(QStringLiteral("%1 / %2 GiB%3")
                                 .arg(formatKpiNumber(c.memoryPerChipGib, 1), formatKpiNumber(c.memoryCapacityGib, 0),
                                      c.memoryFits ? QString() : ComparisonDock::tr(" (no)")));
         }},
        {ComparisonDock::tr("Binding wall"), [](const ComparisonCandidate &c) { return QVariant(c.boundBy); }},
        {ComparisonDock::tr("Note"), [](const ComparisonCandidate &c) { return QVariant(c.feasible ? QString() : c.infeasibleReason); }},
    };
}

} // namespace

ComparisonDock::ComparisonDock(Catalog *catalog, QWidget *parent)
    : QDockWidget(tr("Vendor Comparison"), parent)
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("comparisonDock"));
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ComparisonDock::recompute);
    buildUi();
    reloadCatalog();
}

ComparisonDock::~ComparisonDock()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

void ComparisonDock::buildUi()
{
    auto *root = new QWidget;
    auto *layout = new QVBoxLayout(root);
    auto *splitter = new QSplitter(Qt::Horizontal);
    layout->addWidget(splitter, 1);

    // Inputs: workload, equaliser, candidates.
    auto *inputs = new QWidget;
    auto *inputLayout = new QVBoxLayout(inputs);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    auto *workload = new QGroupBox(tr("Workload"));
    auto *wf = new QFormLayout(workload);
    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("comparisonModel"));
    wf->addRow(tr("Model:"), m_model);
    m_tokens = new QDoubleSpinBox;
    m_tokens->setRange(0.001, 1e6);
    m_tokens->setDecimals(1);
    m_tokens->setValue(1000);
    m_tokens->setSuffix(tr(" B tokens"));
    wf->addRow(tr("Tokens:"), m_tokens);
    m_batch = new QDoubleSpinBox;
    m_batch->setRange(0.001, 1e4);
    m_batch->setDecimals(6);
    m_batch->setValue(4.194304);
    m_batch->setSuffix(tr(" M tokens"));
    wf->addRow(tr("Global batch:"), m_batch);
    m_precision = new QComboBox;
    for (engine::Precision p : engine::kAllPrecisions)
        m_precision->addItem(QString::fromLatin1(engine::precisionKey(p).data()));
    m_precision->setCurrentText(QStringLiteral("bf16"));
    wf->addRow(tr("Precision:"), m_precision);
    auto *mfuRow = new QHBoxLayout;
    m_autoMfu = new QCheckBox(tr("Estimate"));
    m_autoMfu->setChecked(true);
    m_mfu = new QDoubleSpinBox;
    m_mfu->setRange(0.01, 0.95);
    m_mfu->setDecimals(3);
    m_mfu->setValue(0.4);
    m_mfu->setEnabled(false);
    mfuRow->addWidget(m_autoMfu);
    mfuRow->addWidget(m_mfu, 1);
    wf->addRow(tr("MFU:"), mfuRow);
    inputLayout->addWidget(workload);

    auto *eq = new QGroupBox(tr("Make equal on"));
    auto *ef = new QFormLayout(eq);
    m_equaliser = new QComboBox;
    m_equaliser->setObjectName(QStringLiteral("equaliser"));
    m_equaliser->addItem(tr("Same chip count"), int(Equaliser::ChipCount));
    m_equaliser->addItem(tr("Same facility power (MW)"), int(Equaliser::PowerEnvelope));
    m_equaliser->addItem(tr("Same budget (USD)"), int(Equaliser::Budget));
    m_equaliser->addItem(tr("Same deadline (days)"), int(Equaliser::Deadline));
    ef->addRow(tr("Equaliser:"), m_equaliser);
    m_value = new QDoubleSpinBox;
    m_value->setObjectName(QStringLiteral("equaliserValue"));
    ef->addRow(tr("Value:"), m_value);
    m_powerCap = new QDoubleSpinBox;
    m_powerCap->setRange(0, 1e4);
    m_powerCap->setDecimals(2);
    m_powerCap->setSpecialValueText(tr("no cap"));
    m_powerCap->setSuffix(tr(" MW"));
    ef->addRow(tr("Power cap (deadline):"), m_powerCap);
    inputLayout->addWidget(eq);

    auto *cands = new QGroupBox(tr("Candidates"));
    auto *cl = new QVBoxLayout(cands);
    auto *filters = new QHBoxLayout;
    m_vendorFilter = new QComboBox;
    m_vendorFilter->setToolTip(tr("Vendor"));
    m_countryFilter = new QComboBox;
    m_countryFilter->setToolTip(tr("Country"));
    m_precisionFilter = new QComboBox;
    m_precisionFilter->setToolTip(tr("Supports precision"));
    filters->addWidget(m_vendorFilter);
    filters->addWidget(m_countryFilter);
    filters->addWidget(m_precisionFilter);
    cl->addLayout(filters);
    m_chips = new QListWidget;
    m_chips->setObjectName(QStringLiteral("candidateList"));
    cl->addWidget(m_chips, 1);
    inputLayout->addWidget(cands, 1);
    splitter->addWidget(inputs);

    // Results.
    auto *results = new QWidget;
    auto *rl = new QVBoxLayout(results);
    rl->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget;
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(false);
    m_tabs->addTab(m_table, tr("Table"));
    auto *barPage = new QWidget;
    auto *bl = new QVBoxLayout(barPage);
    m_metric = new QComboBox;
    for (ComparisonMetric m : charts::allComparisonMetrics())
        m_metric->addItem(charts::metricLabel(m), int(m));
    m_metric->setCurrentIndex(1);
    bl->addWidget(m_metric);
    m_barView = new QChartView;
    m_barView->setRenderHint(QPainter::Antialiasing);
    bl->addWidget(m_barView, 1);
    m_tabs->addTab(barPage, tr("Bars"));
    m_paretoView = new QChartView;
    m_paretoView->setRenderHint(QPainter::Antialiasing);
    m_tabs->addTab(m_paretoView, tr("Pareto"));
    rl->addWidget(m_tabs, 1);
    auto *buttons = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("comparisonStatus"));
    m_status->setWordWrap(true);
    auto *exportButton = new QPushButton(tr("Export CSV…"));
    auto *copyButton = new QPushButton(tr("Copy"));
    copyButton->setToolTip(tr("Copy the results as CSV"));
    auto *saveChart = new QPushButton(tr("Save Chart…"));
    saveChart->setToolTip(tr("Save the chart shown as PNG or SVG"));
    buttons->addWidget(m_progress);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(saveChart);
    buttons->addWidget(copyButton);
    buttons->addWidget(exportButton);
    rl->addLayout(buttons);
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 3);
    // Scrolls below its natural size instead of imposing it on the bottom dock area (which it
    // shares with the catalog): the floor plan keeps most of the window's height.
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(root);
    setWidget(scroll);

    connect(exportButton, &QPushButton::clicked, this, &ComparisonDock::exportCsvInteractive);
    connect(copyButton, &QPushButton::clicked, this, &ComparisonDock::copyToClipboard);
    connect(saveChart, &QPushButton::clicked, this, &ComparisonDock::saveCurrentChart);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &ComparisonDock::updateCharts);
    connect(m_autoMfu, &QCheckBox::toggled, this, [this](bool on) {
        m_mfu->setEnabled(!on);
        scheduleRecompute();
    });
    for (QComboBox *c : {m_vendorFilter, m_countryFilter, m_precisionFilter})
        connect(c, &QComboBox::currentIndexChanged, this, &ComparisonDock::refilter);
    for (QComboBox *c : {m_model, m_precision})
        connect(c, &QComboBox::currentIndexChanged, this, &ComparisonDock::scheduleRecompute);
    for (QDoubleSpinBox *s : {m_tokens, m_batch, m_mfu, m_value, m_powerCap})
        connect(s, &QDoubleSpinBox::valueChanged, this, &ComparisonDock::scheduleRecompute);
    connect(m_equaliser, &QComboBox::currentIndexChanged, this, &ComparisonDock::equaliserChanged);
    connect(m_chips, &QListWidget::itemChanged, this, &ComparisonDock::scheduleRecompute);
    equaliserChanged();
}

void ComparisonDock::equaliserChanged()
{
    const auto e = static_cast<Equaliser>(m_equaliser->currentData().toInt());
    const QSignalBlocker block(m_value);
    switch (e) {
    case Equaliser::ChipCount:
        m_value->setRange(1, 1e7);
        m_value->setDecimals(0);
        m_value->setSuffix(tr(" chips"));
        m_value->setValue(1024);
        break;
    case Equaliser::PowerEnvelope:
        m_value->setRange(0.001, 1e4);
        m_value->setDecimals(2);
        m_value->setSuffix(tr(" MW"));
        m_value->setValue(20);
        break;
    case Equaliser::Budget:
        m_value->setRange(1e3, 1e12);
        m_value->setDecimals(0);
        m_value->setSuffix(tr(" USD"));
        m_value->setValue(300e6);
        break;
    case Equaliser::Deadline:
        m_value->setRange(0.01, 3650);
        m_value->setDecimals(1);
        m_value->setSuffix(tr(" days"));
        m_value->setValue(30);
        break;
    }
    m_powerCap->setEnabled(e == Equaliser::Deadline);
    scheduleRecompute();
}

void ComparisonDock::reloadCatalog()
{
    const QString model = m_model->currentData().toString();
    const QStringList picked = pickedChips();
    {
        const QSignalBlocker b1(m_model), b2(m_vendorFilter), b3(m_countryFilter), b4(m_precisionFilter);
        m_model->clear();
        m_vendorFilter->clear();
        m_countryFilter->clear();
        m_precisionFilter->clear();
        m_vendorFilter->addItem(tr("All vendors"), QString());
        m_countryFilter->addItem(tr("All countries"), QString());
        m_precisionFilter->addItem(tr("Any precision"), QString());
        for (engine::Precision p : engine::kAllPrecisions) {
            const QString key = QString::fromLatin1(engine::precisionKey(p).data());
            m_precisionFilter->addItem(key, key);
        }
        if (m_catalog) {
            for (const CatalogRow &r : m_catalog->rows(CatalogKind::Model))
                m_model->addItem(r.text("name").isEmpty() ? r.id() : r.text("name"), r.id());
            QSet<QString> vendors, countries;
            for (const CatalogRow &r : m_catalog->rows(CatalogKind::Chip)) {
                vendors.insert(r.text("vendor"));
                countries.insert(r.text("country"));
            }
            QStringList v(vendors.begin(), vendors.end()), c(countries.begin(), countries.end());
            v.sort(Qt::CaseInsensitive);
            c.sort(Qt::CaseInsensitive);
            for (const QString &s : v)
                m_vendorFilter->addItem(s, s);
            for (const QString &s : c)
                m_countryFilter->addItem(s, s);
        }
        const int mi = m_model->findData(model.isEmpty() ? QStringLiteral("llama2-70b") : model);
        m_model->setCurrentIndex(std::max(0, mi));
    }
    {
        const QSignalBlocker block(m_chips);
        m_chips->clear();
        if (m_catalog) {
            for (const CatalogRow &r : m_catalog->rows(CatalogKind::Chip)) {
                auto *item = new QListWidgetItem(QStringLiteral("%1 (%2, %3; %4)").arg(r.text("name"), r.text("vendor"), r.text("country"),
                                                                                      r.text("confidence")));
                item->setData(Qt::UserRole, r.id());
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(picked.contains(r.id()) ? Qt::Checked : Qt::Unchecked);
                QStringList supported;
                for (engine::Precision p : engine::kAllPrecisions) {
                    const QString key = QString::fromLatin1(engine::precisionKey(p).data());
                    const char *column = p == engine::Precision::Int8 ? "int8_tops" : nullptr;
                    const QByteArray col = column ? QByteArray(column) : (key + QStringLiteral("_tflops")).toLatin1();
                    if (r.number(col.constData()).value_or(0.0) > 0)
                        supported << key;
                }
                item->setData(Qt::UserRole + 1, r.text("vendor"));
                item->setData(Qt::UserRole + 2, r.text("country"));
                item->setData(Qt::UserRole + 3, supported);
                m_chips->addItem(item);
            }
        }
    }
    refilter();
    scheduleRecompute();
}

void ComparisonDock::refilter()
{
    const QString vendor = m_vendorFilter->currentData().toString();
    const QString country = m_countryFilter->currentData().toString();
    const QString precision = m_precisionFilter->currentData().toString();
    for (int i = 0; i < m_chips->count(); ++i) {
        QListWidgetItem *item = m_chips->item(i);
        const bool show = (vendor.isEmpty() || item->data(Qt::UserRole + 1).toString() == vendor)
                          && (country.isEmpty() || item->data(Qt::UserRole + 2).toString() == country)
                          && (precision.isEmpty() || item->data(Qt::UserRole + 3).toStringList().contains(precision));
        item->setHidden(!show);
    }
}

void ComparisonDock::setWorkload(const QString &modelPreset, double tokens, std::optional<double> mfu, double globalBatchTokens)
{
    const int i = m_model->findData(modelPreset);
    if (i >= 0)
        m_model->setCurrentIndex(i);
    m_tokens->setValue(tokens / 1e9);
    m_batch->setValue(globalBatchTokens / 1e6);
    m_autoMfu->setChecked(!mfu);
    if (mfu)
        m_mfu->setValue(*mfu);
}

void ComparisonDock::setPickedChips(const QStringList &ids)
{
    {
        const QSignalBlocker block(m_chips);
        for (int i = 0; i < m_chips->count(); ++i) {
            QListWidgetItem *item = m_chips->item(i);
            item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    scheduleRecompute();
}

QStringList ComparisonDock::pickedChips() const
{
    QStringList ids;
    for (int i = 0; i < m_chips->count(); ++i)
        if (m_chips->item(i)->checkState() == Qt::Checked)
            ids << m_chips->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void ComparisonDock::setEqualiser(Equaliser equaliser, double value, double powerCapMw)
{
    m_equaliser->setCurrentIndex(m_equaliser->findData(int(equaliser)));
    m_value->setValue(value);
    m_powerCap->setValue(powerCapMw);
}

QJsonObject ComparisonDock::scenarioJson() const
{
    const QStringList chips = pickedChips();
    const auto e = static_cast<Equaliser>(m_equaliser->currentData().toInt());
    const double count = e == Equaliser::ChipCount ? m_value->value() : 1024.0;
    return QJsonObject{
        {QStringLiteral("schema"), QLatin1String(kScenarioSchema)},
        {QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), m_model->currentData().toString()}}},
        {QStringLiteral("training"), QJsonObject{{QStringLiteral("tokens"), m_tokens->value() * 1e9},
                                                  {QStringLiteral("global_batch_tokens"), std::round(m_batch->value() * 1e6)},
                                                  {QStringLiteral("precision"), m_precision->currentText()},
                                                  {QStringLiteral("mfu"), m_autoMfu->isChecked() ? QJsonValue(QJsonValue::Null) : QJsonValue(m_mfu->value())}}},
        {QStringLiteral("cluster"), QJsonObject{{QStringLiteral("chip"), chips.isEmpty() ? QStringLiteral("nvidia-h100-sxm") : chips.front()},
                                                 {QStringLiteral("count"), count}}}};
}

std::optional<ComparisonRequest> ComparisonDock::currentRequest() const
{
    if (!m_catalog)
        return std::nullopt;
    const QStringList chips = pickedChips();
    if (chips.isEmpty()) {
        m_status->setText(tr("Tick the chips to compare."));
        return std::nullopt;
    }
    const ScenarioReadResult read = readScenario(scenarioJson(), *m_catalog);
    if (!read.scenario) {
        QStringList errors;
        for (const InputError &e : read.errors)
            errors << e.toString();
        m_status->setText(errors.join(QLatin1Char('\n')));
        return std::nullopt;
    }
    ComparisonRequest req;
    req.scenario = *read.scenario;
    req.chipIds = chips;
    req.equaliser = static_cast<Equaliser>(m_equaliser->currentData().toInt());
    req.value = m_value->value();
    req.powerCapMw = req.equaliser == Equaliser::Deadline ? m_powerCap->value() : 0.0;
    return req;
}

void ComparisonDock::scheduleRecompute()
{
    ++m_generation; // results of older inputs are stale from now on
    m_debounce->start();
}

bool ComparisonDock::isBusy() const
{
    return m_debounce->isActive() || m_watcher != nullptr;
}

void ComparisonDock::recompute()
{
    m_debounce->stop();
    const quint64 generation = ++m_generation;
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher = nullptr; // its finished() sees a stale generation and only cleans up
    }
    const std::optional<ComparisonRequest> req = currentRequest();
    if (!req) {
        applyResult({});
        return;
    }
    const QString path = m_catalog->path();
    if (path.isEmpty() || path == QLatin1String(":memory:")) {
        // An in-memory catalog cannot be opened from another thread: evaluate here.
        applyResult(compareChips(*req, *m_catalog));
        return;
    }
    auto *watcher = new QFutureWatcher<ComparisonResult>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (m_watcher == watcher)
            m_watcher = nullptr;
        m_progress->hide();
        if (generation != m_generation || watcher->isCanceled() || watcher->future().resultCount() == 0)
            return;
        applyResult(watcher->result());
    });
    m_progress->setRange(0, int(req->chipIds.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Evaluating %n candidate(s)…", nullptr, int(req->chipIds.size())));
    watcher->setFuture(QtConcurrent::run(&runJob, Job{*req, path}));
}

void ComparisonDock::applyResult(const ComparisonResult &result)
{
    m_result = result;
    const QList<ColumnDef> cols = columns();
    m_table->clear();
    m_table->setColumnCount(int(cols.size()));
    m_table->setRowCount(int(result.candidates.size()));
    QStringList headers;
    for (const ColumnDef &c : cols)
        headers << c.title;
    m_table->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < result.candidates.size(); ++r) {
        const ComparisonCandidate &cand = result.candidates[r];
        for (int c = 0; c < cols.size(); ++c) {
            const QVariant v = cols[c].value(cand);
            auto *item = new QTableWidgetItem;
            if (cols[c].decimals >= 0) {
                item->setText(v.isValid() ? formatKpiNumber(v.toDouble(), cols[c].decimals) : QStringLiteral("-"));
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            } else {
                item->setText(v.toString());
            }
            item->setData(Qt::UserRole, v);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (!result.errors.isEmpty()) {
        QStringList errors;
        for (const InputError &e : result.errors)
            errors << e.toString();
        m_status->setText(errors.join(QLatin1Char('\n')));
    } else if (!result.candidates.isEmpty()) {
        m_status->setText(tr("%n candidate(s) compared.", nullptr, int(result.candidates.size())));
    }
    updateCharts();
    emit resultsChanged();
}

void ComparisonDock::updateCharts()
{
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    const auto metric = static_cast<ComparisonMetric>(m_metric->currentData().toInt());
    std::unique_ptr<QChart> bars = charts::comparisonBarChart(m_result.candidates, metric);
    std::unique_ptr<QChart> pareto = charts::paretoChart(m_result.candidates);
    charts::applyTheme(bars.get(), dark);
    charts::applyTheme(pareto.get(), dark);
    QChart *oldBars = m_barView->chart();
    QChart *oldPareto = m_paretoView->chart();
    m_barView->setChart(bars.release());
    m_paretoView->setChart(pareto.release());
    // QChartView does not delete a chart it is given only after another replaces it.
    delete oldBars;
    delete oldPareto;
}

QByteArray ComparisonDock::csv() const
{
    return comparisonToCsv(m_result.candidates);
}

bool ComparisonDock::exportCsv(const QString &path, QString *error)
{
    return writeFileAtomically(path, csv(), error);
}

void ComparisonDock::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Comparison"), error);
}

void ComparisonDock::copyToClipboard()
{
    QApplication::clipboard()->setText(QString::fromUtf8(csv()));
}

void ComparisonDock::saveCurrentChart()
{
    QChartView *view = m_tabs->currentIndex() == 2 ? m_paretoView : m_barView;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), QString(), tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty() || !view->chart())
        return;
    // Save a light copy at a fixed size: the view's chart stays in its scene.
    const auto metric = static_cast<ComparisonMetric>(m_metric->currentData().toInt());
    std::unique_ptr<QChart> chart = view == m_paretoView ? charts::paretoChart(m_result.candidates)
                                                         : charts::comparisonBarChart(m_result.candidates, metric);
    QString error;
    if (!charts::saveChart(chart.get(), path, QSize(900, 560), &error))
        QMessageBox::warning(this, tr("Save Chart"), error);
}

} // namespace th
