// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/planpropertiesdialog.h"

#include "model/analysis/facilityanalysis.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace th {

namespace {
QString targetClassText(engine::PueTargetClass c)
{
    switch (c) {
    case engine::PueTargetClass::ChinaWesternHub:
        return PlanPropertiesDialog::tr("China, western hub node (PUE ≤ 1.20 and the national targets)");
    case engine::PueTargetClass::ChinaHub:
        return PlanPropertiesDialog::tr("China, hub node (PUE ≤ 1.25 and the national targets)");
    case engine::PueTargetClass::China:
        return PlanPropertiesDialog::tr("China (national targets: new large data centres < 1.3, GB 40879-2021)");
    case engine::PueTargetClass::None:
        break;
    }
    return PlanPropertiesDialog::tr("none (outside China; China's targets shown for reference)");
}

QString confidenceText(const std::string &c)
{
    if (c == "high")
        return PlanPropertiesDialog::tr("high");
    if (c == "medium")
        return PlanPropertiesDialog::tr("medium");
    if (c == "low")
        return PlanPropertiesDialog::tr("low");
    return QString::fromStdString(c);
}
} // namespace

PlanPropertiesDialog::PlanPropertiesDialog(const PlanProperties &current, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Plan Properties"));
    m_name = new QLineEdit(current.name);
    m_name->setObjectName(QStringLiteral("planName"));
    m_author = new QLineEdit(current.author);
    m_author->setObjectName(QStringLiteral("planAuthor"));
    m_description = new QPlainTextEdit(current.description);
    m_description->setObjectName(QStringLiteral("planDescription"));
    m_description->setTabChangesFocus(true);

    m_site = new QComboBox;
    m_site->setObjectName(QStringLiteral("siteCombo"));
    const FacilityAssumptions defaults;
    const auto defaultSite = shippedClimateSite(defaults.siteId);
    m_site->addItem(tr("not set: %1 (the analysis default)").arg(defaultSite ? siteDisplayName(*defaultSite) : defaults.siteId),
                    QString());
    for (const engine::SiteClimate &s : shippedClimateSites())
        m_site->addItem(QStringLiteral("%1 (%2)").arg(siteDisplayName(s), QString::fromStdString(s.country)),
                        QString::fromStdString(s.id));
    int index = m_site->findData(current.siteId);
    if (index < 0) {
        // A site this build does not ship (a newer file): keep it, say so.
        m_site->addItem(tr("%1 (unknown site: the analysis uses %2)").arg(current.siteId, defaults.siteId), current.siteId);
        index = m_site->count() - 1;
    }
    m_site->setCurrentIndex(index);
    m_siteInfo = new QLabel;
    m_siteInfo->setObjectName(QStringLiteral("siteInfo"));
    m_siteInfo->setWordWrap(true);
    m_siteInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_site, &QComboBox::currentIndexChanged, this, &PlanPropertiesDialog::updateSiteInfo);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Author:"), m_author);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Climate &site:"), m_site);
    form->addRow(m_siteInfo);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    updateSiteInfo();
}

PlanProperties PlanPropertiesDialog::properties() const
{
    return {m_name->text(), m_author->text(), m_description->toPlainText(), m_site->currentData().toString()};
}

void PlanPropertiesDialog::updateSiteInfo()
{
    QString id = m_site->currentData().toString();
    if (id.isEmpty())
        id = FacilityAssumptions{}.siteId;
    const auto site = shippedClimateSite(id);
    if (!site) {
        m_siteInfo->setText(tr("No climate normals for this site in this build: the analysis uses %1 and lists a warning.")
                                .arg(FacilityAssumptions{}.siteId));
        m_siteInfo->setToolTip(QString());
        return;
    }
    const QLocale locale;
    const auto &t = site->dryBulbC;
    const double annual = std::accumulate(t.begin(), t.end(), 0.0) / 12.0;
    const auto [coldest, warmest] = std::minmax_element(t.begin(), t.end());
    // What the site changes in the analysis, with where its figures come from.
    m_siteInfo->setText(tr("Monthly mean %1 °C (coldest month) to %2 °C (warmest), annual %3 °C; "
                           "grid factor %4 kg CO₂/kWh. PUE targets: %5. Climate normals confidence: %6 "
                           "(hover for the source).")
                            .arg(locale.toString(*coldest, 'f', 1), locale.toString(*warmest, 'f', 1),
                                 locale.toString(annual, 'f', 1), locale.toString(site->gridKgCo2PerKwh, 'f', 3),
                                 targetClassText(site->targetClass), confidenceText(site->confidence)));
    // Rich text so that Qt wraps the tooltip: the sources run to several hundred characters
    // (docs/climate-sources.md) and a plain-text tooltip is one line as wide as the text.
    m_siteInfo->setToolTip(QStringLiteral("<p>%1</p><p>%2</p>")
                               .arg(tr("Normals: %1").arg(QString::fromStdString(site->source).toHtmlEscaped()),
                                    tr("Grid factor: %1").arg(QString::fromStdString(site->gridSource).toHtmlEscaped())));
}

} // namespace th
