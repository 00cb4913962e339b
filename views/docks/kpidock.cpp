// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/kpidock.h"

#include "model/analysis/enginetext.h"
#include "model/document/floorplandocument.h"
#include "views/docks/thermalrunner.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace th {

namespace {

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString money(double usd)
{
    if (usd >= 1e9)
        return KpiDock::tr("US$ %1 bn").arg(number(usd / 1e9, 2));
    if (usd >= 1e6)
        return KpiDock::tr("US$ %1 M").arg(number(usd / 1e6, 1));
    return KpiDock::tr("US$ %1").arg(number(usd, 0));
}

} // namespace

KpiDock::KpiDock(FloorPlanDocument *document, const CatalogCache *cache, QWidget *parent)
    : QDockWidget(tr("Floor-plan KPIs"), parent)
    , m_document(document)
    , m_cache(cache)
    , m_timer(new QTimer(this))
    , m_thermal(new ThermalRunner(document, cache, this))
{
    setObjectName(QStringLiteral("kpiDock"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &KpiDock::evaluate);
    connect(document, &FloorPlanDocument::changed, this, [this] {
        ++m_revision;
        scheduleEvaluation();
    });
    connect(m_thermal, &ThermalRunner::started, this, &KpiDock::refreshThermalRow);
    connect(m_thermal, &ThermalRunner::finished, this, [this] {
        refreshThermalRow();
        refreshViolations();
    });

    auto *content = new QWidget;
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_precision = new QComboBox;
    m_precision->setObjectName(QStringLiteral("kpiPrecision"));
    for (engine::Precision p : engine::kAllPrecisions) {
        const QString key = QString::fromLatin1(engine::precisionKey(p).data(), qsizetype(engine::precisionKey(p).size()));
        m_precision->addItem(key.toUpper(), key);
    }
    m_precision->setCurrentIndex(m_precision->findData(QStringLiteral("bf16")));
    connect(m_precision, &QComboBox::currentIndexChanged, this, &KpiDock::evaluate);
    form->addRow(tr("Precision:"), m_precision);

    auto add = [&](const QString &key, const QString &label, const QString &tip = {}) {
        auto *value = new QLabel;
        value->setObjectName(key + QStringLiteral("Value"));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        auto *l = new QLabel(label);
        if (!tip.isEmpty()) {
            l->setToolTip(tip);
            value->setToolTip(tip);
        }
        form->addRow(l, value);
        m_values.insert(key, value);
        return l;
    };
    add(QStringLiteral("accelerators"), tr("Accelerators:"));
    m_peakLabel = add(QStringLiteral("peak"), tr("Peak (dense):"),
                      tr("Sum of the chips' dense peak at the chosen precision (no sparsity)"));
    add(QStringLiteral("itKw"), tr("IT power:"));
    add(QStringLiteral("facilityKw"), tr("Facility power:"));
    add(QStringLiteral("pue"), tr("PUE (design / annual):"),
        tr("From the placed power chain and cooling plant at the plan's climate site (docs/facility-model.md); "
           "without power and cooling equipment, a first estimate from the cooling technology of the IT load."));
    add(QStringLiteral("pueTargets"), tr("PUE targets (annual):"),
        tr("China's PUE targets that apply at the plan's site (DOMAIN.md §4: national hub nodes ≤ 1.25, western "
           "hubs ≤ 1.20, new large data centres < 1.3, green data centres ≤ 1.30, GB 40879-2021 grades), checked "
           "against the annual PUE. Hover the value for every target with its source."));
    add(QStringLiteral("kwPerRack"), tr("kW per rack (max / avg):"));
    add(QStringLiteral("kwPerM2"), tr("IT kW per m² of hall:"));
    add(QStringLiteral("kgPerM2"), tr("Heaviest floor load:"));
    add(QStringLiteral("redundancy"), tr("Redundancy:"),
        tr("Power: what the N-1 analysis of the placed power chain achieves (N, N+1, 2N). Cooling: whether "
           "every cooling zone keeps its heat load with its largest unit failed."));
    add(QStringLiteral("inlets"), tr("Rack inlets (indicative):"),
        tr("Indicative 2-D airflow and heat model of each hall (not CFD; docs/facility-model.md §5), solved in the "
           "background after each change: the warmest rack inlet, the racks above 27 °C (ASHRAE recommended) and "
           "the Rack Cooling Index RCI_HI of the worst hall (Herrlin 2005: 100 % = no inlet above 27 °C; it falls "
           "with the inlets' excess over 27 °C relative to the 32 °C allowable limit)."));
    add(QStringLiteral("capex"), tr("CapEx:"));
    add(QStringLiteral("training"), tr("Workload training time:"));

    m_violations = new QListWidget;
    m_violations->setObjectName(QStringLiteral("violationList"));
    m_violations->setWordWrap(true);
    m_violations->setMinimumHeight(60);
    connect(m_violations, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        QList<quint64> ids;
        for (const QVariant &v : item->data(Qt::UserRole).toList())
            ids << v.toULongLong();
        if (!ids.isEmpty())
            emit itemsRequested(ids);
    });
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(form);
    auto *violationsTitle = new QLabel(tr("<b>Problems</b> (click to select the items)"));
    layout->addWidget(violationsTitle);
    layout->addWidget(m_violations, 1);
    // In a scroll area, like the inspector: when the dock is short, rows keep their full height
    // (wrapped values such as the PUE target badges were clipped) and the dock scrolls instead.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("kpiScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(scroll);
    evaluate();
}

QString KpiDock::valueText(const QString &key) const
{
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
}

void KpiDock::scheduleEvaluation()
{
    m_timer->start();
}

void KpiDock::evaluate()
{
    m_timer->stop();
    PlanAssumptions assumptions;
    const auto precision = engine::precisionFromKey(m_precision->currentData().toString().toStdString());
    assumptions.peakPrecision = precision.value_or(engine::Precision::Bf16);
    m_evaluation = evaluatePlan(m_document->plan(), *m_cache, assumptions);
    ++m_evaluationCount;
    const PlanEvaluation &ev = m_evaluation;

    m_values[QStringLiteral("accelerators")]->setText(
        ev.dominantChipId.isEmpty() ? number(double(ev.accelerators), 0)
                                    : tr("%1 (mostly %2)").arg(number(double(ev.accelerators), 0), ev.dominantChipId));
    m_peakLabel->setText(tr("Peak %1 (dense):").arg(m_precision->currentText()));
    const double peak = ev.peakPflops(assumptions.peakPrecision);
    m_values[QStringLiteral("peak")]->setText(ev.accelerators > 0 && peak <= 0
                                                  ? tr("not supported by these chips")
                                                  : tr("%1 PFLOPS").arg(number(peak, peak < 100 ? 1 : 0)));
    m_values[QStringLiteral("itKw")]->setText(tr("%1 kW").arg(number(ev.itKw, 0)));
    m_values[QStringLiteral("facilityKw")]->setText(tr("%1 kW").arg(number(ev.facilityKw, 0)));
    // The model keeps the method in English (it is also a JSON value); it is marked for translation there.
    const QString pueMethod = QCoreApplication::translate("PlanAnalysis", ev.pueMethod.toUtf8().constData());
    m_values[QStringLiteral("pue")]->setText(ev.facility ? tr("%1 / %2 (%3, %4)").arg(number(ev.pue, 2), number(ev.pueAnnual, 2), pueMethod,
                                                                                         siteDisplayName(*ev.facility))
                                                         : tr("%1 (%2)").arg(number(ev.pue, 2), pueMethod));
    refreshPueTargets();
    m_values[QStringLiteral("kwPerRack")]->setText(
        tr("%1 / %2 kW (%n rack(s))", nullptr, ev.racks).arg(number(ev.kwPerRackMax, 1), number(ev.kwPerRackAvg, 1)));
    m_values[QStringLiteral("kwPerM2")]->setText(tr("%1 kW/m² (hall %2 m²)").arg(number(ev.kwPerM2, 2), number(ev.hallAreaM2, 0)));
    m_values[QStringLiteral("kgPerM2")]->setText(tr("%1 kg/m²").arg(number(ev.kgPerM2Max, 0)));
    QString capex = money(ev.capexUsd);
    if (ev.itemsWithoutPrice > 0)
        capex += tr(" (%n item(s) without price)", nullptr, ev.itemsWithoutPrice);
    if (ev.facility && ev.facility->hasPowerChain)
        m_values[QStringLiteral("redundancy")]->setText(tr("power %1, cooling %2")
                                                            .arg(ev.facility->powerRedundancy,
                                                                 ev.coolingNMinus1Ok ? tr("N+1") : tr("not N+1")));
    else
        m_values[QStringLiteral("redundancy")]->setText(tr("no power chain placed"));
    m_values[QStringLiteral("capex")]->setText(capex);
    QString training;
    if (!m_document->plan().workload())
        training = tr("no workload attached (Plan ▸ Workload…)");
    else if (ev.training)
        training = tr("%1 days at MFU %2").arg(number(ev.training->days, 1), number(ev.training->mfu, 2));
    else
        training = ev.workloadProblems.join(tr("; "));
    m_values[QStringLiteral("training")]->setText(training);

    refreshViolations();
    if (ev.facility && m_scheduledRevision != m_revision) {
        m_scheduledRevision = m_revision;
        m_thermal->schedule(*ev.facility, m_revision);
    }
    refreshThermalRow();
    emit evaluated();
}

void KpiDock::refreshPueTargets()
{
    QLabel *label = m_values[QStringLiteral("pueTargets")];
    if (!m_evaluation.facility) {
        label->setText(tr("no facility model (place power and cooling equipment)"));
        label->setToolTip(QString());
        return;
    }
    const FacilityResult &f = *m_evaluation.facility;
    // Badges: green tick or red cross per applicable target; the tooltip lists every target.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QString passColor = dark ? QStringLiteral("#7ee787") : QStringLiteral("#1a7f37");
    const QString failColor = dark ? QStringLiteral("#ff7b72") : QStringLiteral("#c62828");
    // Compact: a red badge per missed target (what the planner must act on), one green badge
    // counting the met ones; the tooltip lists every target with its source and verdict.
    QStringList missed, tips;
    int applicable = 0, met = 0;
    for (const engine::PueCompliance &c : f.compliance) {
        const QString verdict = !c.applicable ? tr("for reference") : (c.pass ? tr("pass") : tr("fail"));
        tips << QStringLiteral("%1: %2").arg(pueTargetText(c).toHtmlEscaped(), verdict);
        if (!c.applicable)
            continue;
        ++applicable;
        if (c.pass)
            ++met;
        else
            missed << QStringLiteral("<span style=\"color:%1\">✗&nbsp;%2</span>")
                          .arg(failColor, pueTargetShortText(c).toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
    }
    if (met > 0)
        missed << QStringLiteral("<span style=\"color:%1\">✓&nbsp;%2</span>")
                      .arg(passColor, tr("%1 of %2 met").arg(met).arg(applicable).replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
    label->setTextFormat(Qt::RichText);
    label->setText(applicable == 0 ? tr("none apply at %1 (China's targets)").arg(siteDisplayName(f).toHtmlEscaped())
                                   : missed.join(QStringLiteral(" ")));
    label->setToolTip(tr("Annual PUE %1 against:").arg(number(f.pueAnnual, 3)) + QStringLiteral("<br>")
                      + tips.join(QStringLiteral("<br>")));
}

void KpiDock::refreshViolations()
{
    m_problems = m_evaluation.violations;
    // The thermal map's inlet violations, when its solve belongs to the plan as it is now.
    if (m_thermal->resultRevision() == m_revision)
        m_problems += m_thermal->result().violations;
    const QList<Violation> &all = m_problems;
    m_violations->clear();
    for (const Violation &v : std::as_const(all)) {
        const bool error = v.severity == QLatin1String("error");
        auto *item = new QListWidgetItem((error ? tr("Error: %1") : tr("Warning: %1")).arg(v.message));
        item->setForeground(error ? QColor(190, 30, 30) : QColor(160, 100, 0));
        QVariantList ids;
        for (EquipmentId id : v.items)
            ids << QVariant::fromValue(id);
        item->setData(Qt::UserRole, ids);
        item->setData(Qt::UserRole + 1, v.kind);
        item->setToolTip(v.message);
        m_violations->addItem(item);
    }
    if (all.isEmpty())
        m_violations->addItem(tr("No problems found."));
    emit problemsChanged();
}

void KpiDock::refreshThermalRow()
{
    QLabel *label = m_values[QStringLiteral("inlets")];
    if (!m_evaluation.facility) {
        label->setText(tr("no halls"));
        return;
    }
    if (m_thermal->resultRevision() != m_revision) {
        label->setText(tr("computing…"));
        return;
    }
    const QList<RackInlet> &inlets = m_thermal->result().rackInlets;
    if (inlets.isEmpty()) {
        label->setText(tr("no air-cooled racks"));
        return;
    }
    double maxC = -1e9;
    int warm = 0;
    for (const RackInlet &in : inlets) {
        maxC = std::max(maxC, in.inletC);
        warm += in.inletC > engine::kAshraeRecommendedMaxC ? 1 : 0;
    }
    QString text = tr("max %1 °C, %n rack(s) above 27 °C", nullptr, warm).arg(number(maxC, 1));
    // Herrlin's Rack Cooling Index of the worst hall (100 % = no inlet above 27 °C; docs/facility-model.md §5).
    const QList<HallThermalIndex> &halls = m_thermal->result().thermalHalls;
    if (!halls.isEmpty()) {
        double rci = 100.0;
        for (const HallThermalIndex &h : halls)
            rci = std::min(rci, h.rciHiPct);
        text += tr(", RCI_HI %1 %").arg(number(rci, rci >= 99.95 ? 0 : 1));
    }
    label->setText(text);
}

} // namespace th
