// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/estimatedock.h"

#include "model/analysis/enginetext.h"
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/engine/limits.h"
#include "views/widgets/quantityvalidator.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>

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

    reloadCatalog();
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
    for (int i = 0; i < cells.size(); ++i) {
        auto *label = new QLabel(cells.at(i).first);
        label->setToolTip(cells.at(i).second->toolTip());
        label->setBuddy(cells.at(i).second);
        parallelGrid->addWidget(label, i / 2, (i % 2) * 2);
        parallelGrid->addWidget(cells.at(i).second, i / 2, (i % 2) * 2 + 1);
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
    for (QComboBox *combo : {m_modelCombo, m_chipCombo, m_precisionCombo, m_recomputeCombo, m_zeroCombo}) {
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

    m_warningsLabel = new QLabel;
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::RichText);
    layout->addWidget(m_warningsLabel);
    layout->addStretch(1);
    return group;
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
        clearResults();
        m_errorLabel->setText(errors.join(QLatin1Char('\n')));
        m_errorLabel->show();
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
        const engine::MemoryBreakdown &m = *e.memory;
        const double total = m.totalGib();
        const bool fits = m.fits();
        const double fraction = m.capacityGib > 0.0 ? total / m.capacityGib : 1.0;
        m_memoryBar->setValue(static_cast<int>(std::round(std::min(fraction, 1.0) * m_memoryBar->maximum())));
        m_memoryBar->setFormat(tr("%1 of %2 GiB").arg(fixed(total, 1), fixed(m.capacityGib, 1)));
        m_memoryBar->setProperty("fits", fits);
        QPalette palette;
        palette.setColor(QPalette::Highlight, fits ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        m_memoryBar->setPalette(palette);
        m_memoryBar->setToolTip(tr("Per chip, most loaded pipeline stage:\n"
                                   "weights %1 GiB\ngradients %2 GiB\noptimizer %3 GiB\nactivations %4 GiB\n"
                                   "runtime reserve %5 GiB\nfragmentation margin %6 GiB\n"
                                   "total %7 GiB of %8 GiB")
                                    .arg(fixed(m.weightsGib, 1), fixed(m.gradientsGib, 1), fixed(m.optimizerGib, 1),
                                         fixed(m.activationsGib, 1), fixed(m.reservedGib, 1),
                                         fixed(m.fragmentationGib, 1), fixed(total, 1), fixed(m.capacityGib, 1)));
        m_memoryText->setText(fits ? tr("Fits: %1 % of the chip's memory (hover the bar for the breakdown).")
                                         .arg(fixed(fraction * 100.0, 0))
                                   : tr("Does not fit: needs %1 GiB per chip, the chip has %2 GiB. Raise TP or PP, "
                                        "a higher ZeRO stage or recompute.")
                                         .arg(fixed(total, 1), fixed(m.capacityGib, 1)));
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

} // namespace th
