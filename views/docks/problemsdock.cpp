// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/problemsdock.h"

#include "model/document/floorplandocument.h"
#include "views/docks/kpidock.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace th {

namespace {
enum Column { Severity, Items, Problem, Kind, ColumnCount };
constexpr int kIdsRole = Qt::UserRole;
constexpr int kMaxNamedItems = 4;
} // namespace

ProblemsDock::ProblemsDock(const KpiDock *kpi, const FloorPlanDocument *document, QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_kpi(kpi)
    , m_document(document)
{
    setObjectName(QStringLiteral("problemsDock"));
    auto *content = new QWidget;
    m_filter = new QComboBox;
    m_filter->setObjectName(QStringLiteral("problemSeverityFilter"));
    m_filter->addItem(tr("All problems"), QString());
    m_filter->addItem(tr("Errors only"), QStringLiteral("error"));
    m_filter->addItem(tr("Warnings only"), QStringLiteral("warning"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("problemSummary"));
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("problemTable"));
    m_table->setHorizontalHeaderLabels({tr("Severity"), tr("Items"), tr("Problem"), tr("Kind")});
    m_table->horizontalHeaderItem(Kind)->setToolTip(tr("The machine key of the problem, as in terahall evaluate"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One line per problem (the full text is in the tooltip): rows measured while the dock is a
    // hidden tab came out many lines tall.
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Severity, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Items, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(Problem, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Kind, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(Items, 170);
    m_table->setSortingEnabled(true);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        QList<quint64> ids;
        for (const QVariant &v : m_table->item(row, Severity)->data(kIdsRole).toList())
            ids << v.toULongLong();
        if (!ids.isEmpty())
            emit itemsRequested(ids);
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ProblemsDock::refresh);
    connect(kpi, &KpiDock::problemsChanged, this, &ProblemsDock::refresh);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    setWidget(content);
    refresh();
}

QString ProblemsDock::itemsText(const QList<quint64> &ids) const
{
    if (ids.isEmpty())
        return tr("the plan");
    QStringList names;
    for (qsizetype i = 0; i < ids.size() && i < kMaxNamedItems; ++i) {
        const Equipment *e = m_document->plan().equipment(ids[i]);
        names << (!e ? QString::number(ids[i]) : e->label().isEmpty() ? e->catalogId() : e->label());
    }
    QString text = names.join(QStringLiteral(", "));
    if (ids.size() > kMaxNamedItems)
        text = tr("%1, … (%n item(s))", nullptr, int(ids.size())).arg(text);
    return text;
}

void ProblemsDock::refresh()
{
    const QList<Violation> &all = m_kpi->problems();
    const QString only = m_filter->currentData().toString();
    int errors = 0, warnings = 0;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
    for (const Violation &v : all) {
        const bool error = v.severity == QLatin1String("error");
        (error ? errors : warnings) += 1;
        if (!only.isEmpty() && v.severity != only)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QColor color = error ? QColor(190, 30, 30) : QColor(160, 100, 0);
        auto *severity = new QTableWidgetItem(error ? tr("Error") : tr("Warning"));
        severity->setForeground(color);
        QVariantList ids;
        for (EquipmentId id : v.items)
            ids << QVariant::fromValue(id);
        severity->setData(kIdsRole, ids);
        auto *items = new QTableWidgetItem(itemsText(v.items));
        items->setToolTip(items->text());
        auto *problem = new QTableWidgetItem(v.message);
        problem->setToolTip(v.message);
        m_table->setItem(row, Severity, severity);
        m_table->setItem(row, Items, items);
        m_table->setItem(row, Problem, problem);
        m_table->setItem(row, Kind, new QTableWidgetItem(v.kind));
    }
    m_table->setSortingEnabled(true);
    m_summary->setText(all.isEmpty() ? tr("No problems found.")
                                     : tr("%1 error(s), %2 warning(s); click a row to select its items.").arg(errors).arg(warnings));
    setWindowTitle(all.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(all.size()));
}

} // namespace th
