// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/workloaddialog.h"

#include "model/catalog/catalog.h"
#include "model/engine/units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

#include <cmath>

namespace th {

WorkloadDialog::WorkloadDialog(const Catalog *catalog, const std::optional<Workload> &current, QWidget *parent)
    : QDialog(parent)
    , m_base(current)
{
    setWindowTitle(tr("Workload"));
    setObjectName(QStringLiteral("workloadDialog"));
    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("workloadModel"));
    if (catalog) {
        for (const CatalogRow &row : catalog->rows(CatalogKind::Model))
            m_model->addItem(QStringLiteral("%1 (%2)").arg(row.text("name"), row.id()), row.id());
    }
    m_tokens = new QLineEdit;
    m_tokens->setObjectName(QStringLiteral("workloadTokens"));
    m_tokens->setPlaceholderText(tr("e.g. 15e12"));
    m_precision = new QComboBox;
    for (engine::Precision p : engine::kAllPrecisions) {
        const QString key = QString::fromLatin1(engine::precisionKey(p).data(), qsizetype(engine::precisionKey(p).size()));
        m_precision->addItem(key.toUpper(), key);
    }
    m_estimate = new QCheckBox(tr("&Estimate MFU with the performance model"));
    m_estimate->setObjectName(QStringLiteral("workloadEstimate"));
    m_mfu = new QDoubleSpinBox;
    m_mfu->setObjectName(QStringLiteral("workloadMfu"));
    m_mfu->setRange(0.01, 1.0);
    m_mfu->setDecimals(2);
    m_mfu->setSingleStep(0.01);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    connect(m_estimate, &QCheckBox::toggled, m_mfu, &QWidget::setDisabled);

    const Workload w = current.value_or(Workload{});
    const QString preset = w.model.value(QStringLiteral("preset")).toString();
    const int index = m_model->findData(preset.isEmpty() ? QStringLiteral("llama3.1-70b") : preset);
    m_model->setCurrentIndex(std::max(0, index));
    m_tokens->setText(current ? QString::number(w.tokens, 'g', 6) : QStringLiteral("15e12"));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(w.precision)));
    m_estimate->setChecked(current && !w.mfu);
    m_mfu->setValue(w.mfu.value_or(0.40));
    m_mfu->setEnabled(!m_estimate->isChecked());

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Tokens:"), m_tokens);
    form->addRow(tr("&Precision:"), m_precision);
    form->addRow(QString(), m_estimate);
    form->addRow(tr("M&FU:"), m_mfu);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton *detachButton = buttons->addButton(tr("&Detach"), QDialogButtonBox::DestructiveRole);
    detachButton->setObjectName(QStringLiteral("workloadDetach"));
    detachButton->setEnabled(current.has_value());
    connect(buttons, &QDialogButtonBox::accepted, this, &WorkloadDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(detachButton, &QPushButton::clicked, this, &WorkloadDialog::detach);
    form->addRow(buttons);
}

void WorkloadDialog::accept()
{
    bool ok = false;
    double tokens = QLocale().toDouble(m_tokens->text().trimmed(), &ok);
    if (!ok)
        tokens = m_tokens->text().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(tokens) || tokens < 1e6 || tokens > 1e16) {
        m_error->setText(tr("Tokens must be a number from 1e6 to 1e16; \u201c%1\u201d is not.").arg(m_tokens->text()));
        return;
    }
    if (m_model->currentIndex() < 0) {
        m_error->setText(tr("Choose a model (the catalog has none)."));
        return;
    }
    Workload w = m_base.value_or(Workload{});
    QJsonObject model = w.model;
    // A different preset drops overrides that belonged to the old one.
    if (model.value(QStringLiteral("preset")).toString() != m_model->currentData().toString())
        model = QJsonObject{};
    model.insert(QStringLiteral("preset"), m_model->currentData().toString());
    w.model = model;
    w.tokens = tokens;
    w.precision = m_precision->currentData().toString();
    w.mfu = m_estimate->isChecked() ? std::nullopt : std::optional<double>(m_mfu->value());
    m_result = w;
    QDialog::accept();
}

void WorkloadDialog::detach()
{
    m_result.reset();
    QDialog::accept();
}

} // namespace th
