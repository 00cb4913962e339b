// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/catalogrowdialog.h"

#include "model/catalog/catalog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace th {

namespace {

QString rangeText(const ColumnSpec &c)
{
    return QStringLiteral("[%1, %2]").arg(QString::number(c.min, 'g', 10), QString::number(c.max, 'g', 10));
}

QString kindTitle(CatalogKind kind)
{
    switch (kind) {
    case CatalogKind::Chip:
        return CatalogRowDialog::tr("chip");
    case CatalogKind::System:
        return CatalogRowDialog::tr("system");
    case CatalogKind::Equipment:
        return CatalogRowDialog::tr("equipment");
    case CatalogKind::Model:
        return CatalogRowDialog::tr("model preset");
    case CatalogKind::ChipCalibration:
        return CatalogRowDialog::tr("chip calibration");
    }
    return QString();
}

/// What a column accepts, for the tooltip and the label.
QString columnHelp(const ColumnSpec &c)
{
    const QString unit = c.unit ? QString::fromUtf8(c.unit) : QString();
    QString help;
    switch (c.type) {
    case ColumnType::Text:
        help = CatalogRowDialog::tr("Text");
        break;
    case ColumnType::Enum:
        help = CatalogRowDialog::tr("One of: %1").arg(c.allowedValues().join(QLatin1String(", ")));
        break;
    case ColumnType::Bool:
        help = CatalogRowDialog::tr("Yes (1) or no (0)");
        break;
    case ColumnType::Real:
        help = c.hasRange() ? CatalogRowDialog::tr("A number in %1").arg(rangeText(c)) : CatalogRowDialog::tr("A number");
        break;
    case ColumnType::Integer:
        help = c.hasRange() ? CatalogRowDialog::tr("A whole number in %1").arg(rangeText(c))
                            : CatalogRowDialog::tr("A whole number");
        break;
    }
    if (!unit.isEmpty())
        help += QLatin1Char(' ') + CatalogRowDialog::tr("(unit: %1)").arg(unit);
    help += QLatin1String(". ") + (c.required ? CatalogRowDialog::tr("Required.") : CatalogRowDialog::tr("Optional."));
    return help;
}

} // namespace

CatalogRowDialog::CatalogRowDialog(Catalog *catalog, CatalogKind kind, Mode mode, const CatalogRow *source,
                                   QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_kind(kind)
    , m_mode(source ? mode : Mode::Add)
{
    const KindSpec &spec = kindSpec(kind);
    const QString what = kindTitle(kind);
    QString intro;
    switch (m_mode) {
    case Mode::Add:
        setWindowTitle(tr("Add %1").arg(what));
        intro = tr("A new user row. Fields marked * are required; hover over a field to see what it accepts.");
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit %1 %2").arg(what, source->id()));
        if (source->isUser) {
            intro = tr("You are editing your user row <b>%1</b>.").arg(source->id().toHtmlEscaped());
        } else {
            intro = tr("<b>%1</b> is shipped with Terahall. Saving creates a <b>user row with the same id</b> that "
                       "overrides the shipped one; removing your row later brings the shipped values back.")
                        .arg(source->id().toHtmlEscaped());
        }
        break;
    case Mode::Duplicate:
        setWindowTitle(tr("Duplicate %1 %2").arg(what, source->id()));
        intro = tr("A new user row starting from the values of <b>%1</b>. Give it a new id.")
                    .arg(source->id().toHtmlEscaped());
        break;
    }

    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    introLabel->setObjectName(QStringLiteral("introLabel"));

    auto *form = new QWidget;
    auto *formLayout = new QFormLayout(form);
    formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    QStringList chipIds;
    if (kind == CatalogKind::System || kind == CatalogKind::ChipCalibration) {
        for (const CatalogRow &chip : catalog->rows(CatalogKind::Chip))
            chipIds << chip.id();
    }

    for (const ColumnSpec &c : spec.columns) {
        const QString name = c.columnName();
        QString labelText = name;
        if (c.unit)
            labelText += QLatin1String(" (") + QString::fromUtf8(c.unit) + QLatin1Char(')');
        if (c.required)
            labelText += QLatin1String(" *");
        auto *label = new QLabel(labelText);
        const QString help = columnHelp(c);
        label->setToolTip(help);
        if (c.required) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
        }
        m_labels.insert(name, label);

        const QVariant value = source ? source->values.value(name) : QVariant();
        QWidget *editor = nullptr;
        if (c.type == ColumnType::Enum || c.type == ColumnType::Bool) {
            auto *combo = new QComboBox;
            if (!c.required)
                combo->addItem(tr("(none)"), QString());
            if (c.type == ColumnType::Bool) {
                combo->addItem(tr("yes"), QStringLiteral("1"));
                combo->addItem(tr("no"), QStringLiteral("0"));
            } else {
                for (const QString &v : c.allowedValues())
                    combo->addItem(v, v);
            }
            const int at = combo->findData(valueToText(c, value));
            combo->setCurrentIndex(at >= 0 ? at : 0);
            m_combos.insert(name, combo);
            editor = combo;
        } else {
            auto *edit = new QLineEdit;
            edit->setText(valueToText(c, value));
            if (c.type == ColumnType::Real || c.type == ColumnType::Integer)
                edit->setPlaceholderText(c.hasRange() ? rangeText(c) : QString());
            if (name == QLatin1String("chip_id") && !chipIds.isEmpty()) {
                auto *completer = new QCompleter(chipIds, edit);
                completer->setFilterMode(Qt::MatchContains);
                edit->setCompleter(completer);
            }
            m_lineEdits.insert(name, edit);
            editor = edit;
        }
        editor->setObjectName(name);
        editor->setToolTip(help);
        formLayout->addRow(label, editor);
    }

    const QString idName = idColumn();
    if (m_mode == Mode::Edit) {
        // The id is the row's identity: editing keeps it (a shipped id becomes an override).
        if (QLineEdit *idEdit = m_lineEdits.value(idName))
            idEdit->setReadOnly(true);
    } else if (m_mode == Mode::Duplicate) {
        if (QLineEdit *idEdit = m_lineEdits.value(idName)) {
            idEdit->setText(source->id() + QLatin1String("-copy"));
            idEdit->selectAll();
        }
    }

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    auto *required = new QLabel(tr("* required"), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CatalogRowDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CatalogRowDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(scroll, 1);
    layout->addWidget(required);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(560, 640);
}

QString CatalogRowDialog::idColumn() const
{
    return m_kind == CatalogKind::ChipCalibration ? QStringLiteral("chip_id") : QStringLiteral("id");
}

QString CatalogRowDialog::fieldText(const QString &column) const
{
    if (const QLineEdit *edit = m_lineEdits.value(column))
        return edit->text().trimmed();
    if (const QComboBox *combo = m_combos.value(column))
        return combo->currentData().toString();
    return QString();
}

void CatalogRowDialog::setFieldText(const QString &column, const QString &text)
{
    if (QLineEdit *edit = m_lineEdits.value(column)) {
        edit->setText(text);
    } else if (QComboBox *combo = m_combos.value(column)) {
        const int at = combo->findData(text);
        if (at >= 0)
            combo->setCurrentIndex(at);
    }
}

QWidget *CatalogRowDialog::fieldEditor(const QString &column) const
{
    if (QLineEdit *edit = m_lineEdits.value(column))
        return edit;
    return m_combos.value(column);
}

QString CatalogRowDialog::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

QMap<QString, QString> CatalogRowDialog::rawValues() const
{
    QMap<QString, QString> raw;
    for (const ColumnSpec &c : kindSpec(m_kind).columns)
        raw.insert(c.columnName(), fieldText(c.columnName()));
    return raw;
}

void CatalogRowDialog::showIssues(const QList<CatalogIssue> &issues)
{
    // Reset the marks, then mark every field with a problem.
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        it.value()->setPalette(QPalette());
    QStringList lines;
    for (const CatalogIssue &issue : issues) {
        lines << issue.toString();
        if (QLabel *label = m_labels.value(issue.column)) {
            QPalette p = label->palette();
            p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
            label->setPalette(p);
        }
    }
    if (lines.isEmpty()) {
        m_errorLabel->clear();
        m_errorLabel->hide();
        return;
    }
    m_errorLabel->setText(tr("Nothing was saved. Please correct:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_errorLabel->show();
    if (QWidget *first = fieldEditor(issues.front().column))
        first->setFocus();
}

void CatalogRowDialog::accept()
{
    const QMap<QString, QString> raw = rawValues();
    const QString id = raw.value(idColumn());
    QList<CatalogIssue> issues;
    // Add and Duplicate create a new row: an existing id would silently replace (or override)
    // it, which is what Edit is for.
    if (m_mode != Mode::Edit && !id.isEmpty() && m_catalog->row(m_kind, id)) {
        issues.append({0, idColumn(), tr("a row with id '%1' already exists; choose another id or edit that row").arg(id)});
        showIssues(issues);
        return;
    }
    if (!validateRow(kindSpec(m_kind), raw, 0, &issues) || !m_catalog->saveUserRow(m_kind, raw, &issues)) {
        if (issues.isEmpty())
            issues.append({0, idColumn(), tr("the row could not be saved")});
        showIssues(issues);
        return;
    }
    showIssues({});
    m_savedId = id;
    QDialog::accept();
}

} // namespace th
