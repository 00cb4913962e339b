// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/changeevents.h"
#include "model/document/equipment.h"

#include <QDockWidget>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QWidget;

namespace th {

class FloorPlanDocument;
class FloorPlanScene;

/**
 * Edits the selection: label, position (x/y mm), rotation and type-specific properties
 * (units_per_rack for server systems, redundancy_group for UPS); for one selected structure
 * (and no equipment) its label, x, y, width and depth; with nothing selected, the current
 * hall (chosen by clicking its floor or in the Hall box): name, width, depth, tile, yard depth,
 * floor rating, minimum aisle. A hall is never shrunk under the items standing on it.
 *
 * Each field applies when editing finishes (Return or leaving it) as one undo command. A bad
 * value (not a number, out of the hall, not a multiple of 90, units_per_rack < 1...) is refused
 * with a message that names the field and its allowed range; it is never applied or clamped.
 */
class InspectorDock : public QDockWidget
{
    Q_OBJECT
public:
    InspectorDock(FloorPlanScene *scene, QWidget *parent = nullptr);

    /// Field editors by key: "label", "x", "y", "rotation", "units_per_rack", "redundancy_group",
    /// "hall.name", "hall.width", "hall.depth", "hall.tile", "hall.yard", "hall.floor", "hall.aisle",
    /// and for one selected structure "structure.kind" (read-only), "structure.label", "structure.x",
    /// "structure.y", "structure.width", "structure.depth".
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    /// The last refusal (empty after a successful edit).
    QString errorText() const;
    bool isShowingHall() const;
    bool isShowingStructure() const;

    /// Applies the text of one field as the user would (tests call this directly).
    bool applyField(const QString &key);

public slots:
    void refresh();

private:
    void documentChanged(const ChangeEvent &event);
    bool applyItemField(const QString &key, const QString &text);
    bool applyHallField(const QString &key, const QString &text);
    bool applyStructureField(const QString &key, const QString &text);
    void refreshStructures(const QList<quint64> &ids);
    void refuse(const QString &message);
    QLineEdit *addField(QFormLayout *form, const QString &key, const QString &label);
    void setFieldText(const QString &key, const QString &text);

    FloorPlanScene *m_scene;
    FloorPlanDocument *m_document;
    QStackedWidget *m_stack;
    QWidget *m_itemPage;
    QWidget *m_hallPage;
    QComboBox *m_hallCombo;
    QWidget *m_structurePage;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_error;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, QWidget *> m_rowLabels;
};

} // namespace th
