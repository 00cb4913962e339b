// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/planfile.h"

#include "model/io/atomicwrite.h"
#include "model/io/jsonfieldreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PlanFile)
};

const QString kSchemaPrefix = QStringLiteral("terahall.plan/");
// Sizes: a hall up to 1 km, items up to 100 m, positions anywhere within +-1 km of the origin.
constexpr engine::Range kHallMm{1000, 1e6};
constexpr engine::Range kTileMm{100, 3000};
constexpr engine::Range kYardMm{0, 1e6};
constexpr engine::Range kItemMm{10, 1e5};
constexpr engine::Range kPositionMm{-1e6, 1e6};
constexpr engine::Range kFloorRating{100, 1e5};
constexpr engine::Range kId{1, 9e15};

/// Removes the keys a reader handled, leaving what to keep for the round trip.
QJsonObject unknownOf(const QJsonObject &o, const QStringList &known)
{
    QJsonObject rest = o;
    for (const QString &k : known)
        rest.remove(k);
    return rest;
}

void readHall(const QJsonObject &o, const QString &ptr, InputErrors &errors, FloorPlan &plan)
{
    JsonFieldReader r(o, ptr, &errors);
    const QStringList known{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("width_mm"), QStringLiteral("depth_mm"),
                            QStringLiteral("tile_mm"), QStringLiteral("yard_depth_mm"), QStringLiteral("floor_rating_kg_per_m2"),
                            QStringLiteral("min_aisle_mm")};
    Hall h;
    h.id = HallId(r.integer(QStringLiteral("id"), {1, 4e9}, true).value_or(0));
    h.name = r.string(QStringLiteral("name")).value_or(QString());
    h.widthMm = r.number(QStringLiteral("width_mm"), kHallMm, true).value_or(h.widthMm);
    h.depthMm = r.number(QStringLiteral("depth_mm"), kHallMm, true).value_or(h.depthMm);
    h.tileMm = r.number(QStringLiteral("tile_mm"), kTileMm).value_or(h.tileMm);
    h.yardDepthMm = r.number(QStringLiteral("yard_depth_mm"), kYardMm).value_or(0.0);
    h.floorRatingKgPerM2 = r.number(QStringLiteral("floor_rating_kg_per_m2"), kFloorRating).value_or(h.floorRatingKgPerM2);
    h.minAisleMm = r.number(QStringLiteral("min_aisle_mm"), {0, 1e5}).value_or(h.minAisleMm);
    h.unknownFields = unknownOf(o, known);
    if (plan.hall(h.id))
        r.error(QStringLiteral("id"), Tr::tr("hall id %1 is used twice").arg(h.id));
    plan.addHall(h);
}

void readEquipment(const QJsonObject &o, const QString &ptr, InputErrors &errors, FloorPlan &plan)
{
    JsonFieldReader r(o, ptr, &errors);
    const QStringList known{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("catalog_id"), QStringLiteral("hall"),
                            QStringLiteral("yard"), QStringLiteral("x_mm"), QStringLiteral("y_mm"), QStringLiteral("rotation"),
                            QStringLiteral("width_mm"), QStringLiteral("depth_mm"), QStringLiteral("label"), QStringLiteral("properties")};
    const EquipmentId id = EquipmentId(r.integer(QStringLiteral("id"), kId, true).value_or(0));
    const QString kind = r.choice(QStringLiteral("kind"), {QStringLiteral("system"), QStringLiteral("facility")}, true).value_or(QString());
    const QString catalogId = r.string(QStringLiteral("catalog_id"), true).value_or(QString());
    auto e = std::make_unique<Equipment>(id, kind == QLatin1String("facility") ? EquipmentKind::Facility : EquipmentKind::System, catalogId);
    const HallId hall = HallId(r.integer(QStringLiteral("hall"), {1, 4e9}, true).value_or(0));
    if (hall && !plan.hall(hall))
        r.error(QStringLiteral("hall"), Tr::tr("no hall with id %1 in this plan").arg(hall));
    e->setHallId(hall);
    if (r.has(QStringLiteral("yard"))) {
        const QJsonValue v = o.value(QStringLiteral("yard"));
        if (!v.isBool())
            r.error(QStringLiteral("yard"), Tr::tr("must be true or false, got %1").arg(jsonTypeName(v)));
        e->setInYard(v.toBool());
    }
    e->setPositionMm(r.number(QStringLiteral("x_mm"), kPositionMm, true).value_or(0), r.number(QStringLiteral("y_mm"), kPositionMm, true).value_or(0));
    const long long rot = r.integer(QStringLiteral("rotation"), {0, 270}).value_or(0);
    if (rot % 90 != 0)
        r.error(QStringLiteral("rotation"), Tr::tr("must be 0, 90, 180 or 270, got %1").arg(rot));
    e->setRotationDeg(int(rot));
    e->setSizeMm(r.number(QStringLiteral("width_mm"), kItemMm, true).value_or(600), r.number(QStringLiteral("depth_mm"), kItemMm, true).value_or(1200));
    e->setLabel(r.string(QStringLiteral("label")).value_or(QString()));
    if (std::optional<QJsonObject> props = r.object(QStringLiteral("properties")))
        e->setProperties(props->toVariantMap());
    e->setUnknownFields(unknownOf(o, known));
    if (id && plan.equipment(id))
        r.error(QStringLiteral("id"), Tr::tr("item id %1 is used twice").arg(id));
    else if (id)
        plan.insertEquipment(std::move(e));
}

void readStructure(const QJsonObject &o, const QString &ptr, InputErrors &errors, FloorPlan &plan)
{
    JsonFieldReader r(o, ptr, &errors);
    const QStringList known{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("hall"), QStringLiteral("x_mm"),
                            QStringLiteral("y_mm"), QStringLiteral("width_mm"), QStringLiteral("depth_mm"), QStringLiteral("label")};
    Structure s;
    s.id = StructureId(r.integer(QStringLiteral("id"), kId, true).value_or(0));
    QStringList kinds;
    for (StructureKind k : {StructureKind::Wall, StructureKind::Column, StructureKind::Door, StructureKind::HotAisle, StructureKind::ColdAisle})
        kinds << structureKindKey(k);
    if (std::optional<QString> k = r.choice(QStringLiteral("kind"), kinds, true))
        s.kind = *structureKindFromKey(*k);
    s.hallId = HallId(r.integer(QStringLiteral("hall"), {1, 4e9}, true).value_or(0));
    if (s.hallId && !plan.hall(s.hallId))
        r.error(QStringLiteral("hall"), Tr::tr("no hall with id %1 in this plan").arg(s.hallId));
    s.rectMm = QRectF(r.number(QStringLiteral("x_mm"), kPositionMm, true).value_or(0), r.number(QStringLiteral("y_mm"), kPositionMm, true).value_or(0),
                      r.number(QStringLiteral("width_mm"), kItemMm, true).value_or(100), r.number(QStringLiteral("depth_mm"), kItemMm, true).value_or(100));
    s.label = r.string(QStringLiteral("label")).value_or(QString());
    s.unknownFields = unknownOf(o, known);
    plan.insertStructure(s);
}

void readWorkload(const QJsonObject &o, InputErrors &errors, FloorPlan &plan)
{
    JsonFieldReader r(o, QStringLiteral("/workload"), &errors);
    r.rejectUnknownKeys({QStringLiteral("model"), QStringLiteral("tokens"), QStringLiteral("global_batch_tokens"),
                         QStringLiteral("precision"), QStringLiteral("mfu"), QStringLiteral("parallelism")});
    Workload w;
    w.model = r.object(QStringLiteral("model"), true).value_or(QJsonObject());
    w.tokens = r.number(QStringLiteral("tokens"), engine::limits::tokens, true).value_or(0);
    w.globalBatchTokens = r.number(QStringLiteral("global_batch_tokens"), engine::limits::globalBatchTokens).value_or(0);
    w.precision = r.string(QStringLiteral("precision")).value_or(QStringLiteral("bf16"));
    w.mfu = r.number(QStringLiteral("mfu"), engine::limits::mfu);
    w.parallelism = r.object(QStringLiteral("parallelism")).value_or(QJsonObject());
    plan.setWorkload(w);
}

template<typename Fn>
void readArray(JsonFieldReader &root, const QJsonObject &rootObject, const QString &key, InputErrors &errors, Fn fn)
{
    if (root.isNull(key))
        return;
    const QJsonValue v = rootObject.value(key);
    if (!v.isArray()) {
        root.error(key, Tr::tr("must be an array, got %1").arg(jsonTypeName(v)));
        return;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString ptr = root.pointer(key) + QLatin1Char('/') + QString::number(i);
        if (!a.at(i).isObject()) {
            errors.append({ptr, Tr::tr("must be an object, got %1").arg(jsonTypeName(a.at(i)))});
            continue;
        }
        fn(a.at(i).toObject(), ptr);
    }
}

} // namespace

PlanReadResult readPlan(const QByteArray &data)
{
    PlanReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors.append({QString(), Tr::tr("not a readable plan: the JSON is corrupt or truncated at byte %1 (%2)")
                                             .arg(parseError.offset)
                                             .arg(parseError.errorString())});
        return result;
    }
    if (!doc.isObject()) {
        result.errors.append({QString(), Tr::tr("not a Terahall plan: expected a JSON object")});
        return result;
    }
    const QJsonObject root = doc.object();
    const QString schema = root.value(QStringLiteral("schema")).toString();
    if (!schema.startsWith(kSchemaPrefix)) {
        result.errors.append({QStringLiteral("/schema"), schema.isEmpty()
                                                             ? Tr::tr("not a Terahall plan: no \"schema\": \"terahall.plan/N\" field")
                                                             : Tr::tr("not a Terahall plan: this is a \"%1\" document").arg(schema)});
        return result;
    }
    bool ok = false;
    const int version = schema.mid(kSchemaPrefix.size()).toInt(&ok);
    if (!ok || version < 1) {
        result.errors.append({QStringLiteral("/schema"), Tr::tr("unknown plan version \"%1\"").arg(schema)});
        return result;
    }
    if (version > kPlanSchemaVersion) {
        result.errors.append({QStringLiteral("/schema"), Tr::tr("this plan was written by a newer Terahall (format version %1; this "
                                                            "version reads up to %2): update Terahall to open it")
                                                             .arg(version)
                                                             .arg(kPlanSchemaVersion)});
        return result;
    }
    // Version 1 is the first format: there is nothing to migrate yet. A future version N adds
    // a migrateVN(QJsonObject&) step here, applied in order to older documents.

    FloorPlan plan;
    InputErrors &errors = result.errors;
    JsonFieldReader r(root, QString(), &errors);
    plan.name = r.string(QStringLiteral("name")).value_or(QString());
    plan.author = r.string(QStringLiteral("author")).value_or(QString());
    plan.description = r.string(QStringLiteral("description")).value_or(QString());
    plan.siteId = r.string(QStringLiteral("site")).value_or(QString());
    readArray(r, root, QStringLiteral("halls"), errors, [&](const QJsonObject &o, const QString &p) { readHall(o, p, errors, plan); });
    if (plan.halls().isEmpty() && errors.isEmpty())
        errors.append({QStringLiteral("/halls"), Tr::tr("a plan needs at least one hall")});
    readArray(r, root, QStringLiteral("equipment"), errors, [&](const QJsonObject &o, const QString &p) { readEquipment(o, p, errors, plan); });
    readArray(r, root, QStringLiteral("structures"), errors, [&](const QJsonObject &o, const QString &p) { readStructure(o, p, errors, plan); });
    if (std::optional<QJsonObject> w = r.object(QStringLiteral("workload")))
        readWorkload(*w, errors, plan);
    // Files before 2026-11-23 carried "next_id"; it is read and dropped.
    r.integer(QStringLiteral("next_id"), kId);
    plan.unknownFields = unknownOf(root, {QStringLiteral("schema"), QStringLiteral("name"), QStringLiteral("author"),
                                          QStringLiteral("description"), QStringLiteral("site"), QStringLiteral("halls"), QStringLiteral("equipment"),
                                          QStringLiteral("structures"), QStringLiteral("workload"), QStringLiteral("next_id")});
    if (errors.isEmpty())
        result.plan = std::move(plan);
    return result;
}

PlanReadResult readPlanFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        PlanReadResult r;
        r.errors.append({QString(), Tr::tr("cannot open %1: %2").arg(path, f.errorString())});
        return r;
    }
    constexpr qint64 kMaxBytes = 512LL * 1024 * 1024;
    if (f.size() > kMaxBytes) {
        PlanReadResult r;
        r.errors.append({QString(), Tr::tr("%1 is larger than 512 MiB: not a plan").arg(path)});
        return r;
    }
    return readPlan(f.readAll());
}

QByteArray writePlan(const FloorPlan &plan)
{
    QJsonObject root = plan.unknownFields;
    root.insert(QStringLiteral("schema"), kSchemaPrefix + QString::number(kPlanSchemaVersion));
    root.insert(QStringLiteral("name"), plan.name);
    if (!plan.author.isEmpty())
        root.insert(QStringLiteral("author"), plan.author);
    if (!plan.description.isEmpty())
        root.insert(QStringLiteral("description"), plan.description);
    if (!plan.siteId.isEmpty())
        root.insert(QStringLiteral("site"), plan.siteId);
    // No id counter in the file: it would make "undo everything, save" differ from the original
    // file. Ids are unique per file; a loaded plan continues after its largest id.
    QJsonArray halls;
    for (const Hall &h : plan.halls()) {
        QJsonObject o = h.unknownFields;
        o.insert(QStringLiteral("id"), double(h.id));
        o.insert(QStringLiteral("name"), h.name);
        o.insert(QStringLiteral("width_mm"), h.widthMm);
        o.insert(QStringLiteral("depth_mm"), h.depthMm);
        o.insert(QStringLiteral("tile_mm"), h.tileMm);
        o.insert(QStringLiteral("yard_depth_mm"), h.yardDepthMm);
        o.insert(QStringLiteral("floor_rating_kg_per_m2"), h.floorRatingKgPerM2);
        o.insert(QStringLiteral("min_aisle_mm"), h.minAisleMm);
        halls.append(o);
    }
    root.insert(QStringLiteral("halls"), halls);
    QJsonArray equipment;
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        const Equipment &e = plan.equipmentAt(i);
        QJsonObject o = e.unknownFields();
        o.insert(QStringLiteral("id"), double(e.id()));
        o.insert(QStringLiteral("kind"), e.kind() == EquipmentKind::Facility ? QStringLiteral("facility") : QStringLiteral("system"));
        o.insert(QStringLiteral("catalog_id"), e.catalogId());
        o.insert(QStringLiteral("hall"), double(e.hallId()));
        if (e.inYard())
            o.insert(QStringLiteral("yard"), true);
        o.insert(QStringLiteral("x_mm"), e.xMm());
        o.insert(QStringLiteral("y_mm"), e.yMm());
        o.insert(QStringLiteral("rotation"), e.rotationDeg());
        o.insert(QStringLiteral("width_mm"), e.widthMm());
        o.insert(QStringLiteral("depth_mm"), e.depthMm());
        if (!e.label().isEmpty())
            o.insert(QStringLiteral("label"), e.label());
        if (!e.properties().isEmpty())
            o.insert(QStringLiteral("properties"), QJsonObject::fromVariantMap(e.properties()));
        equipment.append(o);
    }
    root.insert(QStringLiteral("equipment"), equipment);
    QJsonArray structures;
    for (const Structure &s : plan.structures()) {
        QJsonObject o = s.unknownFields;
        o.insert(QStringLiteral("id"), double(s.id));
        o.insert(QStringLiteral("kind"), structureKindKey(s.kind));
        o.insert(QStringLiteral("hall"), double(s.hallId));
        o.insert(QStringLiteral("x_mm"), s.rectMm.x());
        o.insert(QStringLiteral("y_mm"), s.rectMm.y());
        o.insert(QStringLiteral("width_mm"), s.rectMm.width());
        o.insert(QStringLiteral("depth_mm"), s.rectMm.height());
        if (!s.label.isEmpty())
            o.insert(QStringLiteral("label"), s.label);
        structures.append(o);
    }
    root.insert(QStringLiteral("structures"), structures);
    if (const std::optional<Workload> &w = plan.workload()) {
        QJsonObject o{{QStringLiteral("model"), w->model},
                      {QStringLiteral("tokens"), w->tokens},
                      {QStringLiteral("precision"), w->precision},
                      {QStringLiteral("mfu"), w->mfu ? QJsonValue(*w->mfu) : QJsonValue(QJsonValue::Null)}};
        if (w->globalBatchTokens > 0)
            o.insert(QStringLiteral("global_batch_tokens"), w->globalBatchTokens);
        if (!w->parallelism.isEmpty())
            o.insert(QStringLiteral("parallelism"), w->parallelism);
        root.insert(QStringLiteral("workload"), o);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool savePlanFile(const QString &path, const FloorPlan &plan, QString *error)
{
    return writeFileAtomically(path, writePlan(plan), error);
}

} // namespace th
