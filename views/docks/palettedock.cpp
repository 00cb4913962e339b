// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/palettedock.h"

#include "model/catalog/catalog.h"
#include "views/scene/structureitem.h"
#include "views/tools/placeequipmenttool.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace th {

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kStructureRole = Qt::UserRole + 2; ///< structure kind key for structure leaves

/// A tree whose leaves drag as catalog items.
class PaletteTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {PlaceEquipmentTool::mimeType()}; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty() || items.first()->data(0, kIdRole).toString().isEmpty())
            return nullptr;
        const QTreeWidgetItem *item = items.first();
        if (const auto kind = structureKindFromKey(item->data(0, kStructureRole).toString()))
            return PlaceEquipmentTool::createMimeData(CatalogItemRef::structure(*kind));
        return PlaceEquipmentTool::createMimeData(
            {item->data(0, kKindRole).toBool() ? EquipmentKind::System : EquipmentKind::Facility,
             item->data(0, kIdRole).toString()});
    }
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
};

struct Group
{
    QString key;
    const char *title;
};

// Display order of the equipment categories.
const Group kEquipmentGroups[] = {
    {QStringLiteral("network_rack"), QT_TRANSLATE_NOOP("th::PaletteDock", "Network racks")},
    {QStringLiteral("storage_rack"), QT_TRANSLATE_NOOP("th::PaletteDock", "Storage racks")},
    {QStringLiteral("rack"), QT_TRANSLATE_NOOP("th::PaletteDock", "Empty racks")},
    {QStringLiteral("ups"), QT_TRANSLATE_NOOP("th::PaletteDock", "UPS")},
    {QStringLiteral("pdu"), QT_TRANSLATE_NOOP("th::PaletteDock", "PDUs")},
    {QStringLiteral("rpp"), QT_TRANSLATE_NOOP("th::PaletteDock", "Remote power panels")},
    {QStringLiteral("busway"), QT_TRANSLATE_NOOP("th::PaletteDock", "Busways")},
    {QStringLiteral("transformer"), QT_TRANSLATE_NOOP("th::PaletteDock", "Transformers")},
    {QStringLiteral("generator"), QT_TRANSLATE_NOOP("th::PaletteDock", "Generators")},
    {QStringLiteral("crah"), QT_TRANSLATE_NOOP("th::PaletteDock", "CRAH units")},
    {QStringLiteral("inrow"), QT_TRANSLATE_NOOP("th::PaletteDock", "In-row coolers")},
    {QStringLiteral("rdhx"), QT_TRANSLATE_NOOP("th::PaletteDock", "Rear-door heat exchangers")},
    {QStringLiteral("cdu"), QT_TRANSLATE_NOOP("th::PaletteDock", "Coolant distribution units")},
    {QStringLiteral("immersion"), QT_TRANSLATE_NOOP("th::PaletteDock", "Immersion tanks")},
    {QStringLiteral("chiller"), QT_TRANSLATE_NOOP("th::PaletteDock", "Chillers")},
    {QStringLiteral("drycooler"), QT_TRANSLATE_NOOP("th::PaletteDock", "Dry coolers")},
    {QStringLiteral("coolingtower"), QT_TRANSLATE_NOOP("th::PaletteDock", "Cooling towers")},
};

} // namespace

QString PaletteDock::iconPathForCategory(const QString &category)
{
    static const QHash<QString, QString> icons{
        {QStringLiteral("system"), QStringLiteral("system-rack")},
        {QStringLiteral("supernode"), QStringLiteral("supernode")},
        {QStringLiteral("network_rack"), QStringLiteral("network-rack")},
        {QStringLiteral("storage_rack"), QStringLiteral("storage-rack")},
        {QStringLiteral("rack"), QStringLiteral("empty-rack")},
        {QStringLiteral("ups"), QStringLiteral("ups")},
        {QStringLiteral("pdu"), QStringLiteral("pdu")},
        {QStringLiteral("rpp"), QStringLiteral("pdu")},
        {QStringLiteral("busway"), QStringLiteral("pdu")},
        {QStringLiteral("transformer"), QStringLiteral("transformer")},
        {QStringLiteral("generator"), QStringLiteral("generator")},
        {QStringLiteral("crah"), QStringLiteral("crah")},
        {QStringLiteral("inrow"), QStringLiteral("crah")},
        {QStringLiteral("rdhx"), QStringLiteral("crah")},
        {QStringLiteral("cdu"), QStringLiteral("cdu")},
        {QStringLiteral("immersion"), QStringLiteral("immersion")},
        {QStringLiteral("chiller"), QStringLiteral("chiller")},
        {QStringLiteral("drycooler"), QStringLiteral("chiller")},
        {QStringLiteral("coolingtower"), QStringLiteral("chiller")},
    };
    return QStringLiteral(":/icons/%1.svg").arg(icons.value(category, QStringLiteral("empty-rack")));
}

namespace {

/// The catalog's cooling and placement values are keys; show them in the user's language.
QString coolingName(const QString &key)
{
    if (key == QLatin1String("air"))
        return PaletteDock::tr("air", "cooling");
    if (key == QLatin1String("liquid"))
        return PaletteDock::tr("liquid", "cooling");
    if (key == QLatin1String("hybrid"))
        return PaletteDock::tr("hybrid", "cooling");
    if (key == QLatin1String("immersion"))
        return PaletteDock::tr("immersion", "cooling");
    return key;
}

QString placementName(const QString &key)
{
    if (key == QLatin1String("hall"))
        return PaletteDock::tr("in the hall", "placement");
    if (key == QLatin1String("yard"))
        return PaletteDock::tr("outdoor yard", "placement");
    return key;
}

} // namespace

PaletteDock::PaletteDock(const Catalog *catalog, QWidget *parent)
    : QDockWidget(tr("Palette"), parent)
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("paletteDock"));
    auto *content = new QWidget;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("paletteFilter"));
    m_filter->setPlaceholderText(tr("Filter (name or id)"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new PaletteTree;
    m_tree->setObjectName(QStringLiteral("paletteTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setIconSize(QSize(22, 22));
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setToolTip(tr("Drag items onto the hall"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    setWidget(content);
    connect(m_filter, &QLineEdit::textChanged, this, &PaletteDock::setFilterText);
    reload();
}

void PaletteDock::addStructuresGroup()
{
    auto *group = new QTreeWidgetItem(m_tree, {tr("Structures")});
    group->setIcon(0, QIcon(iconPathForCategory(QStringLiteral("rack"))));
    for (StructureKind kind : {StructureKind::Wall, StructureKind::Column, StructureKind::Door, StructureKind::HotAisle,
                               StructureKind::ColdAisle}) {
        const QString key = structureKindKey(kind);
        const QSizeF size = PlaceEquipmentTool::structureDefaultSize(kind);
        auto *leaf = new QTreeWidgetItem(group, {StructureItem::kindName(kind)});
        leaf->setData(0, kIdRole, key);
        leaf->setData(0, kStructureRole, key);
        leaf->setToolTip(0, tr("%1\n%2 × %3 mm (edit the size in the inspector)")
                                .arg(StructureItem::kindName(kind), QLocale().toString(size.width()),
                                     QLocale().toString(size.height())));
        leaf->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    group->setFlags(Qt::ItemIsEnabled);
    group->setText(0, QStringLiteral("%1 (%2)").arg(group->text(0)).arg(group->childCount()));
}

void PaletteDock::reload()
{
    m_tree->clear();
    if (!m_catalog || !m_catalog->isOpen()) {
        addStructuresGroup();
        setFilterText(m_filter->text());
        return;
    }
    auto addLeaf = [](QTreeWidgetItem *group, const CatalogRow &row, bool system, const QString &detail) {
        auto *leaf = new QTreeWidgetItem(group, {row.text("name")});
        leaf->setData(0, kKindRole, system);
        leaf->setData(0, kIdRole, row.id());
        leaf->setIcon(0, group->icon(0));
        leaf->setToolTip(0, QStringLiteral("%1\n%2\n%3").arg(row.text("name"), row.id(), detail));
        leaf->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        return leaf;
    };

    auto *servers = new QTreeWidgetItem(m_tree, {tr("Servers (placed in racks)")});
    servers->setIcon(0, QIcon(iconPathForCategory(QStringLiteral("system"))));
    auto *rackScale = new QTreeWidgetItem(m_tree, {tr("Rack-scale systems and supernodes")});
    rackScale->setIcon(0, QIcon(iconPathForCategory(QStringLiteral("supernode"))));
    for (const CatalogRow &row : m_catalog->rows(CatalogKind::System)) {
        const int units = row.integer("units_per_rack", 1);
        const QString detail = tr("%1 accelerators, %2 kW IT, %3 cooling")
                                   .arg(QLocale().toString(row.integer("chips")),
                                        QLocale().toString(row.number("it_kw").value_or(0.0)),
                                        coolingName(row.text("cooling")));
        addLeaf(units > 1 ? servers : rackScale, row, true, units > 1 ? detail + tr(", %1 per rack").arg(units) : detail);
    }

    QHash<QString, QTreeWidgetItem *> groups;
    for (const Group &g : kEquipmentGroups) {
        auto *item = new QTreeWidgetItem(m_tree, {tr(g.title)});
        item->setIcon(0, QIcon(iconPathForCategory(g.key)));
        groups.insert(g.key, item);
    }
    for (const CatalogRow &row : m_catalog->rows(CatalogKind::Equipment)) {
        const QString category = row.text("category");
        QTreeWidgetItem *group = groups.value(category);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {category});
            group->setIcon(0, QIcon(iconPathForCategory(category)));
            groups.insert(category, group);
        }
        addLeaf(group, row, false,
                tr("%1 × %2 mm, %3")
                    .arg(QLocale().toString(row.number("width_mm").value_or(0)), QLocale().toString(row.number("depth_mm").value_or(0)),
                         placementName(row.text("placement"))));
    }
    for (int i = m_tree->topLevelItemCount() - 1; i >= 0; --i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        if (group->childCount() == 0) {
            delete group;
            continue;
        }
        group->setFlags(Qt::ItemIsEnabled);
        group->setText(0, QStringLiteral("%1 (%2)").arg(group->text(0)).arg(group->childCount()));
    }
    addStructuresGroup();
    m_tree->topLevelItem(0)->setExpanded(true);
    if (m_tree->topLevelItemCount() > 1)
        m_tree->topLevelItem(1)->setExpanded(true);
    setFilterText(m_filter->text());
}

void PaletteDock::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        int visible = 0;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *leaf = group->child(j);
            const bool match = text.isEmpty() || leaf->text(0).contains(text, Qt::CaseInsensitive)
                               || leaf->data(0, kIdRole).toString().contains(text, Qt::CaseInsensitive);
            leaf->setHidden(!match);
            visible += match;
        }
        group->setHidden(visible == 0);
        if (!text.isEmpty() && visible > 0)
            group->setExpanded(true);
    }
}

} // namespace th
