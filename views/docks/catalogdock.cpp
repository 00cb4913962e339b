// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/catalogdock.h"

#include "model/catalog/catalog.h"
#include "model/catalog/catalogtablemodel.h"
#include "model/io/atomicwrite.h"
#include "views/dialogs/catalogrowdialog.h"
#include "views/settings.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace th {

namespace {

/// The kinds the browser offers, in combo order (chip calibration is an engine detail).
const QList<CatalogKind> &browsableKinds()
{
    static const QList<CatalogKind> kinds{CatalogKind::Chip, CatalogKind::System, CatalogKind::Equipment,
                                          CatalogKind::Model};
    return kinds;
}

QString kindLabel(CatalogKind kind)
{
    switch (kind) {
    case CatalogKind::Chip:
        return CatalogDock::tr("Chips");
    case CatalogKind::System:
        return CatalogDock::tr("Systems");
    case CatalogKind::Equipment:
        return CatalogDock::tr("Equipment");
    case CatalogKind::Model:
        return CatalogDock::tr("Model presets");
    case CatalogKind::ChipCalibration:
        return CatalogDock::tr("Chip calibration");
    }
    return QString();
}

/// Escapes text for HTML and turns http(s) addresses into links.
QString linkified(const QString &text)
{
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s;,<>"]+))"));
    QString html;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        html += text.mid(last, m.capturedStart() - last).toHtmlEscaped();
        const QString address = m.captured(1);
        html += QStringLiteral("<a href=\"%1\">%2</a>").arg(address.toHtmlEscaped(), address.toHtmlEscaped());
        last = m.capturedEnd();
    }
    html += text.mid(last).toHtmlEscaped();
    return html;
}

QString confidenceColor(const QString &confidence)
{
    if (confidence == QLatin1String("high"))
        return QStringLiteral("#1e7d32");
    if (confidence == QLatin1String("medium"))
        return QStringLiteral("#a15c00");
    return QStringLiteral("#b01c1c");
}

QString confidenceExplanation(const QString &confidence)
{
    if (confidence == QLatin1String("high"))
        return CatalogDock::tr("vendor datasheet or equivalent primary source");
    if (confidence == QLatin1String("medium"))
        return CatalogDock::tr("secondary source or derived figure; check before relying on it");
    if (confidence == QLatin1String("low"))
        return CatalogDock::tr("estimate; confirm before relying on it");
    return QString();
}

} // namespace

CatalogDock::CatalogDock(Catalog *catalog, QWidget *parent)
    : QDockWidget(tr("Catalog"), parent)
    , m_catalog(catalog)
    , m_model(new CatalogTableModel(catalog, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("catalogDock"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(CatalogTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *content = new QWidget(this);

    m_kindCombo = new QComboBox(content);
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    for (CatalogKind kind : browsableKinds())
        m_kindCombo->addItem(kindLabel(kind), static_cast<int>(kind));

    m_filterEdit = new QLineEdit(content);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter: any column, e.g. nvidia or hbm3e"));
    m_filterEdit->setClearButtonEnabled(true);
    auto *kindLabelWidget = new QLabel(tr("&Show:"), content);
    kindLabelWidget->setBuddy(m_kindCombo);

    m_addAction = new QAction(tr("&Add…"), this);
    m_addAction->setToolTip(tr("Add a user row of this kind"));
    m_editAction = new QAction(tr("&Edit…"), this);
    m_editAction->setToolTip(tr("Edit the selected row (a shipped row is overridden by a user row with the same id)"));
    m_duplicateAction = new QAction(tr("&Duplicate as user row…"), this);
    m_duplicateAction->setToolTip(tr("Start a new user row from the selected row's values"));
    m_removeAction = new QAction(tr("&Remove user row"), this);
    m_removeAction->setToolTip(tr("Remove the selected user row (shipped rows cannot be removed)"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_importAction = new QAction(tr("&Import CSV…"), this);
    m_importAction->setToolTip(tr("Import rows of any kind from a CSV file in the shipped format"));
    m_exportAction = new QAction(tr("E&xport CSV…"), this);
    m_exportAction->setToolTip(tr("Export the rows of this kind as CSV"));
    connect(m_addAction, &QAction::triggered, this, &CatalogDock::addRow);
    connect(m_editAction, &QAction::triggered, this, &CatalogDock::editRow);
    connect(m_duplicateAction, &QAction::triggered, this, &CatalogDock::duplicateRow);
    connect(m_removeAction, &QAction::triggered, this, &CatalogDock::removeRow);
    connect(m_importAction, &QAction::triggered, this, &CatalogDock::importCsv);
    connect(m_exportAction, &QAction::triggered, this, &CatalogDock::exportCsv);

    auto *toolBar = new QToolBar(content);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_editAction);
    toolBar->addAction(m_duplicateAction);
    toolBar->addAction(m_removeAction);
    toolBar->addSeparator();
    toolBar->addAction(m_importAction);
    toolBar->addAction(m_exportAction);

    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->addAction(m_removeAction);
    connect(m_table, &QTableView::doubleClicked, this, &CatalogDock::editRow);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CatalogDock::selectionChanged);

    m_details = new QTextBrowser(content);
    m_details->setObjectName(QStringLiteral("detailsBrowser"));
    m_details->setOpenExternalLinks(true);
    m_details->setPlaceholderText(tr("Select a row to see all its figures, their units, source and confidence."));

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(kindLabelWidget);
    top->addWidget(m_kindCombo);
    top->addWidget(m_filterEdit, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(toolBar);
    layout->addWidget(m_splitter, 1);
    setWidget(content);

    // Side docks are tall and narrow: stack the details under the table there.
    connect(this, &QDockWidget::dockLocationChanged, this, [this](Qt::DockWidgetArea area) {
        m_splitter->setOrientation(area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea
                                       ? Qt::Vertical
                                       : Qt::Horizontal);
    });
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &CatalogDock::kindChosen);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CatalogDock::selectionChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CatalogDock::updateActions);

    const int savedKind = Settings::catalogKind.value();
    if (savedKind > 0 && savedKind < m_kindCombo->count())
        m_kindCombo->setCurrentIndex(savedKind);
    else
        kindChosen(0);
}

CatalogKind CatalogDock::kind() const
{
    return m_model->kind();
}

void CatalogDock::setKind(CatalogKind kind)
{
    const int at = m_kindCombo->findData(static_cast<int>(kind));
    if (at >= 0)
        m_kindCombo->setCurrentIndex(at);
}

void CatalogDock::kindChosen(int comboIndex)
{
    if (comboIndex < 0)
        return;
    m_model->setKind(static_cast<CatalogKind>(m_kindCombo->itemData(comboIndex).toInt()));
    Settings::catalogKind.setValue(comboIndex);
    m_table->resizeColumnsToContents();
    // Free-text columns (sources, notes) would make the table very wide: cap them.
    const int cap = m_table->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (m_table->columnWidth(c) > cap)
            m_table->setColumnWidth(c, cap);
    }
    updateActions();
}

void CatalogDock::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
}

bool CatalogDock::selectRowById(const QString &id)
{
    const int sourceRow = m_model->rowOfId(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

QString CatalogDock::selectedId() const
{
    const CatalogRow *row = selectedRow();
    return row ? row->id() : QString();
}

QString CatalogDock::detailsText() const
{
    return m_details->toPlainText();
}

const CatalogRow *CatalogDock::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const QModelIndex source = m_proxy->mapToSource(rows.front());
    if (!source.isValid())
        return nullptr;
    return &m_model->catalogRow(source.row());
}

void CatalogDock::selectionChanged()
{
    updateActions();
    updateDetails();
}

void CatalogDock::updateActions()
{
    const CatalogRow *row = selectedRow();
    m_editAction->setEnabled(row);
    m_duplicateAction->setEnabled(row);
    m_removeAction->setEnabled(row && row->isUser);
}

void CatalogDock::updateDetails()
{
    const CatalogRow *row = selectedRow();
    if (!row) {
        m_details->clear();
        return;
    }
    m_details->setHtml(detailsHtml(*row));
}

QString CatalogDock::detailsHtml(const CatalogRow &row) const
{
    const KindSpec &spec = kindSpec(row.kind);
    std::optional<CatalogRow> shipped;
    if (row.overridesShipped)
        shipped = m_catalog->shippedRow(row.kind, row.id());

    QString html;
    const QString name = row.values.value(QStringLiteral("name")).toString();
    html += QStringLiteral("<h3 style=\"margin-bottom:2px\">%1</h3>").arg((name.isEmpty() ? row.id() : name).toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin-top:0\"><code>%1</code> &middot; %2</p>")
                .arg(row.id().toHtmlEscaped(), CatalogTableModel::originText(row).toHtmlEscaped());

    const QString source = row.text("source");
    const QString confidence = row.text("confidence");
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" style=\"background:#f2f4f7\" width=\"100%\">");
    // Confidence first: it is short and decides how far to trust every figure below.
    html += QStringLiteral("<tr><td><b>%1</b></td><td><b><span style=\"color:%2\">%3</span></b> &ndash; %4</td></tr>")
                .arg(tr("Confidence"), confidenceColor(confidence), confidence.toHtmlEscaped(),
                     confidenceExplanation(confidence).toHtmlEscaped());
    html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                .arg(tr("Source"), source.isEmpty() ? tr("(none given)") : linkified(source));
    html += QStringLiteral("</table>");

    if (row.overridesShipped) {
        html += QStringLiteral("<p style=\"background:#fff3cd\">%1</p>")
                    .arg(tr("This user row <b>overrides the shipped row</b> with the same id. The column "
                            "<i>Shipped</i> shows the shipped values it replaces (changed ones in bold); "
                            "remove the user row to bring them back."));
    } else if (row.isUser) {
        html += QStringLiteral("<p>%1</p>").arg(tr("A user row: you added it, and Terahall keeps it when its catalog is updated."));
    }

    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"right\">%2</th><th align=\"left\">%3</th>")
                .arg(tr("Field"), tr("Value"), tr("Unit"));
    if (shipped)
        html += QStringLiteral("<th align=\"right\">%1</th>").arg(tr("Shipped"));
    html += QStringLiteral("</tr>");
    const QString none = QStringLiteral("&mdash;");
    for (const ColumnSpec &c : spec.columns) {
        const QVariant value = row.values.value(c.columnName());
        QString text = CatalogTableModel::displayText(c, value);
        const bool freeText = c.type == ColumnType::Text;
        text = text.isEmpty() ? none : (freeText ? linkified(text) : text.toHtmlEscaped());
        const QString unit = c.unit ? QString::fromUtf8(c.unit).toHtmlEscaped() : QString();
        html += QStringLiteral("<tr><td><code>%1</code></td><td align=\"%2\">%3</td><td>%4</td>")
                    .arg(c.columnName(), freeText ? QStringLiteral("left") : QStringLiteral("right"), text, unit);
        if (shipped) {
            const QVariant old = shipped->values.value(c.columnName());
            QString oldText = CatalogTableModel::displayText(c, old);
            const bool changed = valueToText(c, old) != valueToText(c, value);
            oldText = oldText.isEmpty() ? none : oldText.toHtmlEscaped();
            if (changed)
                oldText = QStringLiteral("<b>%1</b>").arg(oldText);
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(oldText);
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

void CatalogDock::reload()
{
    const QString id = selectedId();
    m_model->reload();
    if (!id.isEmpty())
        selectRowById(id);
    updateActions();
}

void CatalogDock::finishEdit(const QString &selectId)
{
    m_model->reload();
    // A filter could hide the row just saved: show it.
    if (!selectId.isEmpty() && !selectRowById(selectId)) {
        m_filterEdit->clear();
        selectRowById(selectId);
    }
    updateDetails();
    updateActions();
    emit catalogChanged();
}

void CatalogDock::addRow()
{
    CatalogRowDialog dialog(m_catalog, kind(), CatalogRowDialog::Mode::Add, nullptr, this);
    if (dialog.exec() == QDialog::Accepted)
        finishEdit(dialog.savedId());
}

void CatalogDock::editRow()
{
    const CatalogRow *row = selectedRow();
    if (!row)
        return;
    const CatalogRow copy = *row;
    CatalogRowDialog dialog(m_catalog, kind(), CatalogRowDialog::Mode::Edit, &copy, this);
    if (dialog.exec() == QDialog::Accepted)
        finishEdit(dialog.savedId());
}

void CatalogDock::duplicateRow()
{
    const CatalogRow *row = selectedRow();
    if (!row)
        return;
    const CatalogRow copy = *row;
    CatalogRowDialog dialog(m_catalog, kind(), CatalogRowDialog::Mode::Duplicate, &copy, this);
    if (dialog.exec() == QDialog::Accepted)
        finishEdit(dialog.savedId());
}

void CatalogDock::removeRow()
{
    const CatalogRow *row = selectedRow();
    if (!row || !row->isUser)
        return;
    const QString id = row->id();
    const QString question = row->overridesShipped
        ? tr("Remove your row %1? The shipped row with the same id comes back.").arg(id)
        : tr("Remove your row %1? This cannot be undone.").arg(id);
    if (QMessageBox::question(this, tr("Remove user row"), question, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No)
        != QMessageBox::Yes)
        return;
    QString error;
    if (!m_catalog->removeUserRow(kind(), id, &error)) {
        QMessageBox::warning(this, tr("Remove user row"), tr("The row was not removed: %1").arg(error));
        return;
    }
    finishEdit(m_model->rowOfId(id) >= 0 ? id : QString());
}

void CatalogDock::importCsv()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Import catalog CSV"),
                                                          Settings::catalogCsvDirectory.value(),
                                                          tr("CSV files (*.csv);;All files (*)"));
    if (fileName.isEmpty())
        return;
    Settings::catalogCsvDirectory.setValue(QFileInfo(fileName).absolutePath());
    importCsvFile(fileName);
}

bool CatalogDock::importCsvFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Import CSV"), tr("%1 could not be read: %2").arg(fileName, file.errorString()));
        return false;
    }
    const ImportResult result = m_catalog->importCsv(file.readAll());
    if (!result.ok) {
        QStringList problems;
        if (!result.error.isEmpty())
            problems << result.error;
        for (const CatalogIssue &issue : result.issues)
            problems << issue.toString();
        QMessageBox box(QMessageBox::Warning, tr("Import CSV"),
                        tr("Nothing was imported from %1: %n problem(s) found.", nullptr, int(problems.size()))
                            .arg(QFileInfo(fileName).fileName()),
                        QMessageBox::Ok, this);
        // Every problem, not just the first: in the text for a few, in the details for many.
        const int shown = 12;
        box.setInformativeText(problems.mid(0, shown).join(QLatin1Char('\n'))
                               + (problems.size() > shown ? QStringLiteral("\n…") : QString()));
        if (problems.size() > shown)
            box.setDetailedText(problems.join(QLatin1Char('\n')));
        box.exec();
        return false;
    }
    if (result.kind && result.kind->kind != CatalogKind::ChipCalibration)
        setKind(result.kind->kind);
    finishEdit(QString());
    QMessageBox::information(this, tr("Import CSV"),
                             tr("Imported %n row(s) from %1 as user rows.", nullptr, result.rowCount)
                                 .arg(QFileInfo(fileName).fileName()));
    return true;
}

void CatalogDock::exportCsv()
{
    const KindSpec &spec = kindSpec(kind());
    const QString dir = Settings::catalogCsvDirectory.value();
    const QString suggested = (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) + QString::fromLatin1(spec.csvFile);
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export %1 as CSV").arg(kindLabel(kind())),
                                                          suggested, tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    Settings::catalogCsvDirectory.setValue(QFileInfo(fileName).absolutePath());
    exportCsvFile(fileName);
}

bool CatalogDock::exportCsvFile(const QString &fileName)
{
    QString error;
    if (!writeFileAtomically(fileName, m_catalog->exportCsv(kind()), &error)) {
        QMessageBox::warning(this, tr("Export CSV"), error);
        return false;
    }
    return true;
}

} // namespace th
