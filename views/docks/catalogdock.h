// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogschema.h"

#include <QDockWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace th {

class Catalog;
class CatalogTableModel;
struct CatalogRow;

/**
 * The catalog browser: one kind at a time (chips, systems, equipment, model presets) in a
 * sortable table with a filter that matches any column, a details pane with every figure of the
 * selected row (unit, source, confidence, and the shipped values a user row overrides), and the
 * actions that edit user rows or import/export CSV. Every edit goes through Catalog (one
 * transaction) and is announced with catalogChanged().
 */
class CatalogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit CatalogDock(Catalog *catalog, QWidget *parent = nullptr);

    CatalogKind kind() const;
    void setKind(CatalogKind kind);
    void setFilterText(const QString &text);
    /// Selects the row with this id in the current kind; false when it is not shown.
    bool selectRowById(const QString &id);
    /// Id of the selected row, empty when none.
    QString selectedId() const;
    /// Plain text of the details pane.
    QString detailsText() const;

    QTableView *tableView() const { return m_table; }
    /// The filtered, sorted model the table shows.
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    CatalogTableModel *tableModel() const { return m_model; }

    /// Imports a CSV file (any kind, as user rows); shows every problem and changes nothing on
    /// failure. The Import action asks for the file and calls this.
    bool importCsvFile(const QString &fileName);
    /// Writes the rows in force of the current kind as CSV (atomically).
    bool exportCsvFile(const QString &fileName);

    QAction *addRowAction() const { return m_addAction; }
    QAction *editRowAction() const { return m_editAction; }
    QAction *duplicateRowAction() const { return m_duplicateAction; }
    QAction *removeRowAction() const { return m_removeAction; }
    QAction *importCsvAction() const { return m_importAction; }
    QAction *exportCsvAction() const { return m_exportAction; }

public slots:
    void addRow();
    void editRow();
    void duplicateRow();
    void removeRow();
    void importCsv();
    void exportCsv();
    /// Re-reads the catalog (after an edit elsewhere), keeping the selection when possible.
    void reload();

signals:
    /// The catalog's content changed through this dock (add, edit, remove, import).
    void catalogChanged();

private:
    void kindChosen(int comboIndex);
    void selectionChanged();
    void updateActions();
    void updateDetails();
    void finishEdit(const QString &selectId);
    const CatalogRow *selectedRow() const;
    QString detailsHtml(const CatalogRow &row) const;

    Catalog *m_catalog;
    CatalogTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_kindCombo;
    QLineEdit *m_filterEdit;
    QTableView *m_table;
    QTextBrowser *m_details;
    QSplitter *m_splitter;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_duplicateAction;
    QAction *m_removeAction;
    QAction *m_importAction;
    QAction *m_exportAction;
};

} // namespace th
