// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogrow.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace th {

class Catalog;

/**
 * Adds or edits one user row of the catalog. The form is generated from the kind's KindSpec:
 * a line edit per column, a combo box for enum and yes/no columns, tooltips with the allowed
 * range and unit, required fields marked. OK validates (th::validateRow, then
 * Catalog::saveUserRow, one transaction): on any problem the dialog stays open, lists every
 * problem by field and range, and the catalog is unchanged.
 *
 * Editing a shipped row stores a user row with the same id that overrides it; the shipped row
 * comes back when the user row is removed.
 */
class CatalogRowDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode {
        Add,       ///< empty form, new id
        Edit,      ///< the row's values, id fixed (a shipped row becomes a user override)
        Duplicate, ///< the row's values, new id
    };

    /// `source` is required for Edit and Duplicate and ignored for Add.
    CatalogRowDialog(Catalog *catalog, CatalogKind kind, Mode mode, const CatalogRow *source = nullptr,
                     QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    CatalogKind kind() const { return m_kind; }
    /// Raw text of a field as it would be saved ("" for empty).
    QString fieldText(const QString &column) const;
    /// Sets a field (line edit text, or the combo item with this raw value). For tests and presets.
    void setFieldText(const QString &column, const QString &text);
    /// The editor widget of a column (QLineEdit or QComboBox), nullptr for an unknown column.
    QWidget *fieldEditor(const QString &column) const;
    /// The problems shown after the last refused OK, one per line; empty when none.
    QString errorText() const;
    /// Id of the row saved by the last successful OK.
    QString savedId() const { return m_savedId; }

    /// Validates and saves; closes only on success.
    void accept() override;

private:
    QMap<QString, QString> rawValues() const;
    void showIssues(const QList<CatalogIssue> &issues);
    QString idColumn() const;

    Catalog *m_catalog;
    CatalogKind m_kind;
    Mode m_mode;
    QHash<QString, QLineEdit *> m_lineEdits;
    QHash<QString, QComboBox *> m_combos;
    QHash<QString, QLabel *> m_labels;
    QLabel *m_errorLabel = nullptr;
    QString m_savedId;
};

} // namespace th
