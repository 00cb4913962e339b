// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/floorplandocument.h"

namespace th {

FloorPlanDocument::FloorPlanDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

FloorPlanDocument::~FloorPlanDocument()
{
    // Commands hold pointers into the plan; clear them while the plan still exists. Clearing can
    // flip the clean state: do not announce that from a half-destroyed document to receivers that
    // may be mid-destruction themselves (UBSan caught MainWindow's slot being called from ~QWidget).
    disconnect(&m_undoStack, nullptr, this, nullptr);
    blockSignals(true);
    m_undoStack.clear();
}

void FloorPlanDocument::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    emit fileNameChanged(fileName);
}

void FloorPlanDocument::resetPlan(const FloorPlan &plan)
{
    m_undoStack.clear();
    m_plan = plan;
    m_undoStack.setClean();
    emit changed({ChangeEvent::Type::DocumentReloaded, {}, 0, 0});
}

} // namespace th
