// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/arraytooldialog.h"

#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace th {

namespace {

QDoubleSpinBox *mmBox(double max, double value, double step)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(0, max);
    box->setDecimals(0);
    box->setSingleStep(step);
    box->setSuffix(QStringLiteral(" mm"));
    box->setValue(value);
    return box;
}

} // namespace

ArrayToolDialog::ArrayToolDialog(const CatalogCache *cache, const Hall &hall, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_hall(hall)
{
    setWindowTitle(tr("Array of Racks"));
    setObjectName(QStringLiteral("arrayToolDialog"));
    m_item = new QComboBox;
    m_item->setObjectName(QStringLiteral("arrayItem"));
    if (const Catalog *catalog = cache->catalog()) {
        for (const CatalogRow &row : catalog->rows(CatalogKind::System))
            m_item->addItem(row.text("name"), QStringList{QStringLiteral("system"), row.id()});
        for (const CatalogRow &row : catalog->rows(CatalogKind::Equipment)) {
            const QString category = row.text("category");
            if (category.endsWith(QLatin1String("rack")) || category == QLatin1String("inrow")
                || category == QLatin1String("cdu") || category == QLatin1String("immersion"))
                m_item->addItem(row.text("name"), QStringList{QStringLiteral("equipment"), row.id()});
        }
    }
    m_item->setMaximumWidth(460);
    m_count = new QSpinBox;
    m_count->setRange(1, 500);
    m_count->setValue(10);
    m_pitch = mmBox(20000, 600, 100);
    m_rows = new QSpinBox;
    m_rows->setRange(1, 100);
    m_rows->setValue(2);
    m_rowPitch = mmBox(50000, 2400, 100);
    m_alternate = new QCheckBox(tr("Alternate hot/cold aisle orientation (every second row turned 180°)"));
    m_alternate->setChecked(true);
    m_x = mmBox(hall.widthMm, std::min(1200.0, hall.widthMm), hall.tileMm);
    m_y = mmBox(hall.depthMm, std::min(1200.0, hall.depthMm), hall.tileMm);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Item:"), m_item);
    form->addRow(tr("Items per &row:"), m_count);
    form->addRow(tr("&Pitch (centre to centre):"), m_pitch);
    form->addRow(tr("R&ows:"), m_rows);
    form->addRow(tr("Row p&itch:"), m_rowPitch);
    form->addRow(QString(), m_alternate);
    form->addRow(tr("First item &x (west edge):"), m_x);
    form->addRow(tr("First item &y (north edge):"), m_y);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_item, &QComboBox::currentIndexChanged, this, &ArrayToolDialog::itemChanged);
    const int gb200 = m_item->findData(QStringList{QStringLiteral("system"), QStringLiteral("nvidia-gb200-nvl72")});
    if (gb200 >= 0)
        m_item->setCurrentIndex(gb200);
    itemChanged();
}

void ArrayToolDialog::itemChanged()
{
    const QStringList data = m_item->currentData().toStringList();
    if (data.size() != 2)
        return;
    const ResolvedCatalogItem &r = m_cache->resolve(
        data[0] == QLatin1String("system") ? EquipmentKind::System : EquipmentKind::Facility, data[1]);
    if (!r.found)
        return;
    m_pitch->setValue(r.widthMm);
    m_rowPitch->setValue(std::ceil((r.depthMm + m_hall.minAisleMm) / m_hall.tileMm) * m_hall.tileMm);
}

ArrayParameters ArrayToolDialog::parameters() const
{
    ArrayParameters p;
    const QStringList data = m_item->currentData().toStringList();
    if (data.size() == 2) {
        p.kind = data[0] == QLatin1String("system") ? EquipmentKind::System : EquipmentKind::Facility;
        p.catalogId = data[1];
    }
    p.hallId = m_hall.id;
    p.startMm = QPointF(m_x->value(), m_y->value());
    p.count = m_count->value();
    p.pitchMm = m_pitch->value();
    p.rows = m_rows->value();
    p.rowPitchMm = m_rowPitch->value();
    p.alternate = m_alternate->isChecked();
    return p;
}

} // namespace th
