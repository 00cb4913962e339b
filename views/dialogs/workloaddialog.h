// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/workload.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace th {

class Catalog;

/**
 * Attaches a training workload to the plan: model preset, tokens, precision and MFU, or
 * "estimate" (MFU unset: the performance model decides). The chips are the plan's placed
 * accelerators. "Detach" removes the workload. The caller pushes a SetWorkloadCommand with
 * result().
 */
class WorkloadDialog : public QDialog
{
    Q_OBJECT
public:
    WorkloadDialog(const Catalog *catalog, const std::optional<Workload> &current, QWidget *parent = nullptr);

    /// The workload to set (nullopt = detach). Valid after accept().
    std::optional<Workload> result() const { return m_result; }

    QComboBox *modelCombo() const { return m_model; }
    QLineEdit *tokensEdit() const { return m_tokens; }
    QCheckBox *estimateCheck() const { return m_estimate; }
    QDoubleSpinBox *mfuBox() const { return m_mfu; }
    QLabel *errorLabel() const { return m_error; }

public slots:
    void accept() override;
    void detach();

private:
    QComboBox *m_model;
    QLineEdit *m_tokens;
    QComboBox *m_precision;
    QCheckBox *m_estimate;
    QDoubleSpinBox *m_mfu;
    QLabel *m_error;
    std::optional<Workload> m_base;
    std::optional<Workload> m_result;
};

} // namespace th
