// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Undo/redo property test (issue 7, docs/hardening.md): ≥ 10,000 random edits through the real
// undo commands, interleaved with random undo/redo jumps. Invariants:
//   - every state the stack can return to equals (field by field, and every 25th time byte by
//     byte when saved) the plan as it was when that state was first reached;
//   - undo all  -> the saved file is byte-identical to the start;
//   - redo all  -> the saved file is byte-identical to the end.
// Seeded: TH_UNDO_SEED=<n> reproduces a run (the seed is printed on failure).
#include "model/commands/addremoveequipment.h"
#include "model/commands/changegeometry.h"
#include "model/commands/planedits.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "tests/support/testpaths.h"

#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace th;

class TestUndoProperty : public QObject
{
    Q_OBJECT
private slots:
    void randomEditsUndoRedo_data();
    void randomEditsUndoRedo();
    void removeStructuresInAnyOrder();
};

namespace {

constexpr int kEdits = 10000; // pushes in the main row in each row

/// Drives random edits on one document and keeps the bytes of every reachable stack index.
class Fuzzer
{
public:
    Fuzzer(FloorPlanDocument &doc, quint32 seed)
        : m_doc(doc)
        , m_rng(seed)
    {
    }

    int pushes = 0;
    int merges = 0;
    int undos = 0;
    int redos = 0;
    QString failure;

    int rand(int lo, int hi) { return lo + int(m_rng.bounded(quint32(hi - lo + 1))); } // [lo, hi]
    bool chance(int percent) { return rand(1, 100) <= percent; }

    QString randomText()
    {
        static const QStringList pieces{QStringLiteral("R"), QStringLiteral("A-"), QStringLiteral("row 7"), QStringLiteral("'; DROP TABLE chips;--"),
                                        QStringLiteral("<b>x</b>"), QStringLiteral("\t\n\x01"), QStringLiteral("机柜"), QStringLiteral("\"q\""),
                                        QStringLiteral("\\"), QString()};
        QString s;
        for (int i = rand(0, 3); i > 0; --i)
            s += pieces.at(rand(0, int(pieces.size()) - 1));
        return s;
    }

    QList<EquipmentId> randomItems(int maxCount)
    {
        const FloorPlan &plan = m_doc.plan();
        QList<EquipmentId> ids;
        if (plan.equipmentCount() == 0)
            return ids;
        for (int i = rand(1, maxCount); i > 0; --i) {
            const EquipmentId id = plan.equipmentAt(rand(0, plan.equipmentCount() - 1)).id();
            if (!ids.contains(id))
                ids << id;
        }
        return ids;
    }

    HallId randomHall() { return m_doc.plan().halls().at(rand(0, int(m_doc.plan().halls().size()) - 1)).id; }

    Equipment newItem(double x, double y, int rotation)
    {
        static const QStringList systems{QStringLiteral("dgx-h100"), QStringLiteral("gb200-nvl72"), QStringLiteral("cloudmatrix-384")};
        static const QStringList facility{QStringLiteral("ups-500kw"), QStringLiteral("crah-150kw"), QStringLiteral("cdu-1mw")};
        const bool isFacility = chance(30);
        Equipment e(0, isFacility ? EquipmentKind::Facility : EquipmentKind::System,
                    (isFacility ? facility : systems).at(rand(0, 2)));
        e.setHallId(randomHall());
        e.setPositionMm(x, y);
        e.setRotationDeg(rotation);
        e.setSizeMm(600.0 * rand(1, 2), 600.0 * rand(1, 3));
        if (chance(30))
            e.setLabel(randomText());
        if (chance(30))
            e.setProperty(QStringLiteral("units_per_rack"), rand(1, 8));
        return e;
    }

    double tile() { return 600.0 * rand(0, 40); }

    void push(QUndoCommand *cmd)
    {
        if (m_trace)
            qInfo("push #%d '%s' at index %d/%d", pushes, qPrintable(cmd->text()), m_doc.undoStack()->index(), m_doc.undoStack()->count());
        const int before = m_doc.undoStack()->count();
        const int indexBefore = m_doc.undoStack()->index();
        m_doc.undoStack()->push(cmd);
        ++pushes;
        if (m_doc.undoStack()->count() <= before && m_doc.undoStack()->index() <= indexBefore)
            ++merges;
        record();
    }

    /// The state after a push is new: it replaces what was recorded at this index and the
    /// discarded redo history.
    void record()
    {
        const int index = m_doc.undoStack()->index();
        m_states[index] = m_doc.plan();
        while (!m_states.isEmpty() && m_states.lastKey() > m_doc.undoStack()->count())
            m_states.erase(std::prev(m_states.end()));
    }

    /// After undo/redo: the state must equal the one when this index was first reached (every
    /// field, in order); every 25th check also compares the serialised bytes.
    bool check(const char *what)
    {
        const int index = m_doc.undoStack()->index();
        if (!m_states.contains(index)) {
            failure = QStringLiteral("%1: no recorded state for index %2").arg(QLatin1String(what)).arg(index);
            return false;
        }
        const FloorPlan &then = m_states[index];
        const bool same = ++m_checks % 25 == 0 ? writePlan(then) == writePlan(m_doc.plan()) : then == m_doc.plan();
        if (!same) {
            failure = QStringLiteral("%1 to index %2 (of %3) after %4 pushes: the plan differs from when this index was reached")
                          .arg(QLatin1String(what))
                          .arg(index)
                          .arg(m_doc.undoStack()->count())
                          .arg(pushes);
            return false;
        }
        return true;
    }

    bool step()
    {
        QUndoStack *stack = m_doc.undoStack();
        const int r = rand(0, 999);
        auto undoSteps = [&](int count) {
            int done = 0;
            for (; done < count && stack->canUndo(); ++done) {
                stack->undo();
                ++undos;
                if (!check("undo"))
                    return -1;
            }
            return done;
        };
        auto redoSteps = [&](int count) {
            for (int i = 0; i < count && stack->canRedo(); ++i) {
                stack->redo();
                ++redos;
                if (!check("redo"))
                    return false;
            }
            return true;
        };
        if (r < 50) { // undo a few steps and redo them (the history survives)
            const int done = undoSteps(rand(1, 8));
            return done >= 0 && redoSteps(rand(0, done));
        }
        if (r < 70) // undo a few steps and continue editing from there (the redo history goes)
            return undoSteps(rand(1, 3)) >= 0;
        if (r < 80) // redo whatever is left
            return redoSteps(rand(1, 5));
        if (r < 90) { // jump through the history view, then back to the top
            const int to = rand(std::max(0, stack->index() - 30), stack->count());
            if (m_trace)
                qInfo("setIndex %d -> %d", stack->index(), to);
            stack->setIndex(to);
            if (!check("setIndex"))
                return false;
            stack->setIndex(stack->count());
            return check("setIndex");
        }
        edit();
        return true;
    }

    void edit()
    {
        FloorPlan &plan = m_doc.plan();
        const int n = plan.equipmentCount();
        // Keep the plan between ~30 and ~120 items so the file stays small and edits find items.
        int kind = rand(0, 99);
        if (n < 30 && kind >= 30)
            kind = rand(0, 29);
        else if (n > 120 && kind < 30)
            kind = rand(30, 99);

        if (kind < 10) { // add one item
            push(new AddEquipmentCommand(&m_doc, {newItem(tile(), tile(), 90 * rand(0, 3))}));
        } else if (kind < 20) { // array tool: N racks at a pitch, one step
            std::vector<Equipment> items;
            const int count = rand(2, 12);
            const double pitch = 600.0 * rand(1, 2);
            const bool alongX = chance(50);
            const double x0 = tile(), y0 = tile();
            const Equipment proto = newItem(x0, y0, alongX ? 0 : 90);
            for (int i = 0; i < count; ++i) {
                Equipment e = proto;
                e.setPositionMm(alongX ? x0 + i * pitch : x0, alongX ? y0 : y0 + i * pitch);
                items.push_back(e);
            }
            push(new AddEquipmentCommand(&m_doc, std::move(items)));
        } else if (kind < 30) { // paste: copies of existing items (labels, properties, unknown fields kept)
            std::vector<Equipment> copies;
            const double dx = 600.0 * rand(1, 5), dy = 600.0 * rand(-2, 2);
            for (EquipmentId id : randomItems(6)) {
                Equipment copy = *plan.equipment(id);
                copy.setId(0);
                copy.setPositionMm(copy.xMm() + dx, copy.yMm() + dy);
                copies.push_back(copy);
            }
            if (!copies.empty())
                push(new AddEquipmentCommand(&m_doc, std::move(copies)));
        } else if (kind < 40) { // delete
            const QList<EquipmentId> ids = randomItems(5);
            if (!ids.isEmpty())
                push(new RemoveEquipmentCommand(&m_doc, ids));
        } else if (kind < 50) { // non-mergeable move / align (sometimes into another hall or the yard)
            QHash<EquipmentId, Geometry> g;
            const double dx = 600.0 * rand(-3, 3), dy = 600.0 * rand(-3, 3);
            const bool otherHall = chance(10);
            const HallId hall = randomHall();
            for (EquipmentId id : randomItems(4)) {
                Geometry geo = geometryOf(*plan.equipment(id));
                geo.xMm += dx;
                geo.yMm += dy;
                if (otherHall)
                    geo.hallId = hall;
                if (chance(5))
                    geo.inYard = !geo.inYard;
                g.insert(id, geo);
            }
            push(new ChangeGeometryCommand(&m_doc, QStringLiteral("Move"), g, false));
        } else if (kind < 58) { // drag: a run of mergeable moves of one set, sometimes back to the start
            const QList<EquipmentId> ids = randomItems(3);
            QHash<EquipmentId, Geometry> start;
            for (EquipmentId id : ids)
                start.insert(id, geometryOf(*plan.equipment(id)));
            const int moves = rand(2, 6);
            const bool backToStart = chance(25);
            for (int m = 0; m < moves; ++m) {
                QHash<EquipmentId, Geometry> g = start;
                const double dx = 600.0 * rand(-4, 4), dy = 600.0 * rand(-4, 4);
                for (Geometry &geo : g) {
                    if (!(backToStart && m == moves - 1)) {
                        geo.xMm += dx;
                        geo.yMm += dy;
                    }
                }
                push(new ChangeGeometryCommand(&m_doc, QStringLiteral("Move"), g, true));
            }
        } else if (kind < 65) { // rotate by 90
            QHash<EquipmentId, Geometry> g;
            for (EquipmentId id : randomItems(3)) {
                Geometry geo = geometryOf(*plan.equipment(id));
                geo.rotationDeg = (geo.rotationDeg + 90 * rand(1, 3)) % 360;
                g.insert(id, geo);
            }
            push(new ChangeGeometryCommand(&m_doc, QStringLiteral("Rotate"), g, false));
        } else if (kind < 73) { // label typed letter by letter (merges), sometimes back to the old text
            const QList<EquipmentId> ids = randomItems(2);
            if (ids.isEmpty())
                return;
            const QString old = plan.equipment(ids.first())->label();
            const QString target = randomText() + QString::number(rand(0, 99));
            for (int len = 1; len <= target.size(); len += rand(1, 3))
                push(new ChangeEquipmentValueCommand(&m_doc, ids, QStringLiteral("label"), target.left(len)));
            if (chance(20))
                push(new ChangeEquipmentValueCommand(&m_doc, ids, QStringLiteral("label"), old));
        } else if (kind < 80) { // property: set, change type, or remove (invalid QVariant)
            static const QStringList keys{QStringLiteral("units_per_rack"), QStringLiteral("feed"), QStringLiteral("redundancy_group")};
            const QString key = keys.at(rand(0, 2));
            QVariant value;
            switch (rand(0, 3)) {
            case 0: value = rand(1, 8); break;
            case 1: value = QStringLiteral("A") + QString::number(rand(0, 3)); break;
            case 2: value = 0.5 * rand(0, 10); break;
            default: break; // remove
            }
            push(new ChangeEquipmentValueCommand(&m_doc, randomItems(4), key, value));
        } else if (kind < 85) { // hall properties (spin boxes merge)
            Hall h = *plan.hall(randomHall());
            for (int i = rand(1, 3); i > 0; --i) {
                switch (rand(0, 4)) {
                case 0: h.widthMm = 600.0 * rand(20, 80); break;
                case 1: h.depthMm = 600.0 * rand(20, 80); break;
                case 2: h.name = randomText(); break;
                case 3: h.yardDepthMm = 1000.0 * rand(0, 10); break;
                default: h.minAisleMm = 100.0 * rand(9, 20); break;
                }
                push(new ChangeHallCommand(&m_doc, h));
            }
        } else if (kind < 91) { // structures: add one or remove some
            if (plan.structures().isEmpty() || chance(55)) {
                Structure s;
                s.kind = StructureKind(rand(0, 4));
                s.hallId = randomHall();
                s.rectMm = QRectF(tile(), tile(), 100.0 * rand(1, 60), 100.0 * rand(1, 60));
                s.label = chance(30) ? randomText() : QString();
                push(new AddRemoveStructuresCommand(&m_doc, AddRemoveStructuresCommand::Mode::Add, {s}));
            } else {
                QList<Structure> remove;
                for (int i = rand(1, 2); i > 0; --i) {
                    const Structure &s = plan.structures().at(rand(0, int(plan.structures().size()) - 1));
                    if (!std::any_of(remove.begin(), remove.end(), [&](const Structure &r) { return r.id == s.id; }))
                        remove << s;
                }
                push(new AddRemoveStructuresCommand(&m_doc, AddRemoveStructuresCommand::Mode::Remove, remove));
            }
        } else if (kind < 95) { // workload set / change / unset
            if (plan.workload() && chance(30)) {
                push(new SetWorkloadCommand(&m_doc, std::nullopt));
            } else {
                Workload w = plan.workload().value_or(Workload{});
                w.model = QJsonObject{{QStringLiteral("preset"), chance(50) ? QStringLiteral("llama3.1-70b") : QStringLiteral("gpt3-175b")}};
                w.tokens = 1e12 * rand(1, 15);
                w.precision = chance(50) ? QStringLiteral("bf16") : QStringLiteral("fp8");
                w.mfu = chance(50) ? std::optional<double>(0.05 * rand(4, 12)) : std::nullopt;
                push(new SetWorkloadCommand(&m_doc, w));
            }
        } else if (kind < 97) { // plan name / author, or all properties including the climate site
            if (chance(50))
                push(new ChangePlanPropertiesCommand(&m_doc, randomText(), chance(50) ? randomText() : plan.author));
            else
                push(new ChangePlanPropertiesCommand(&m_doc, PlanProperties{plan.name, plan.author, chance(50) ? randomText() : plan.description,
                                                                            chance(50) ? QStringLiteral("ulanqab") : QString()}));
        } else { // composite: move + relabel as one step (parent command with children)
            const QList<EquipmentId> ids = randomItems(3);
            if (ids.isEmpty())
                return;
            auto *parent = new QUndoCommand(QStringLiteral("Move and Relabel"));
            QHash<EquipmentId, Geometry> g;
            for (EquipmentId id : ids) {
                Geometry geo = geometryOf(*plan.equipment(id));
                geo.yMm += 600.0;
                g.insert(id, geo);
            }
            new ChangeGeometryCommand(&m_doc, QStringLiteral("Move"), g, false, parent);
            new ChangeEquipmentValueCommand(&m_doc, ids, QStringLiteral("label"), randomText(), parent);
            push(parent);
        }
    }

private:
    FloorPlanDocument &m_doc;
    QRandomGenerator m_rng;
    QMap<int, FloorPlan> m_states; ///< stack index -> the plan when that index was reached
    int m_checks = 0;
    const bool m_trace = qEnvironmentVariableIsSet("TH_UNDO_TRACE"); ///< log every step (debugging a seed)
};

QByteArray saveAndRead(const FloorPlan &plan, const QString &path)
{
    QString error;
    if (!savePlanFile(path, plan, &error))
        return QByteArray("save failed: ") + error.toUtf8();
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("cannot read back");
}

} // namespace

void TestUndoProperty::randomEditsUndoRedo_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<quint32>("baseSeed");
    QTest::addColumn<quint32>("offset");
    QTest::addColumn<int>("edits");
    bool ok = false;
    const quint32 envSeed = qEnvironmentVariable("TH_UNDO_SEED").toUInt(&ok);
    const quint32 seed = ok ? envSeed : 20261123u;
    QTest::newRow("gb200-pod") << QStringLiteral("data/samples/gb200-nvl72-pod.thplan") << seed << 0u << kEdits;
    QTest::newRow("ascend-hall") << QStringLiteral("data/samples/ascend-910b-hall.thplan") << seed << 1u << kEdits;
}

void TestUndoProperty::randomEditsUndoRedo()
{
    QFETCH(QString, sample);
    QFETCH(quint32, baseSeed);
    QFETCH(quint32, offset);
    QFETCH(int, edits);
    const quint32 seed = baseSeed + offset;
    const PlanReadResult read = readPlanFile(test::sourcePath(sample));
    QVERIFY2(read.plan, qPrintable(read.errors.isEmpty() ? QString() : read.errors.first().toString()));

    FloorPlanDocument doc;
    FloorPlan start = *read.plan;
    // Two halls so that moves across halls and hall edits are exercised.
    Hall second = start.halls().first();
    second.id = 1 + std::max_element(start.halls().begin(), start.halls().end(), [](const Hall &a, const Hall &b) { return a.id < b.id; })->id;
    second.name = QStringLiteral("Hall B");
    start.addHall(second);
    doc.resetPlan(start);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("plan.thplan"));
    const QByteArray startBytes = saveAndRead(doc.plan(), file);
    QVERIFY(startBytes.startsWith('{'));

    Fuzzer f(doc, seed);
    f.record();
    const QString reproduce = QStringLiteral(" (reproduce: TH_UNDO_SEED=%1 tst_undoproperty)").arg(baseSeed);
    while (f.pushes < edits)
        QVERIFY2(f.step(), qPrintable(f.failure + reproduce));

    // Every so often the saved form must also load again: edits never produce an invalid file.
    const PlanReadResult reread = readPlan(writePlan(doc.plan()));
    QVERIFY2(reread.plan, qPrintable(reread.errors.isEmpty() ? QString() : reread.errors.first().toString() + reproduce));

    // Redo everything still undoable-forward so the end state is the top of the stack.
    QUndoStack *stack = doc.undoStack();
    while (stack->canRedo()) {
        stack->redo();
        QVERIFY2(f.check("redo"), qPrintable(f.failure + reproduce));
    }
    const QByteArray endBytes = saveAndRead(doc.plan(), file);
    QVERIFY(endBytes != startBytes);

    while (stack->canUndo()) {
        stack->undo();
        QVERIFY2(f.check("undo"), qPrintable(f.failure + reproduce));
    }
    QVERIFY2(saveAndRead(doc.plan(), file) == startBytes, qPrintable(QStringLiteral("undo all differs from the start") + reproduce));
    while (stack->canRedo())
        stack->redo();
    QVERIFY2(saveAndRead(doc.plan(), file) == endBytes, qPrintable(QStringLiteral("redo all differs from the end") + reproduce));

    qInfo("seed %u: %d pushes (%d merged or obsolete), %d undos, %d redos interleaved; %d commands on the stack, %d items at the end",
          seed, f.pushes, f.merges, f.undos, f.redos, stack->count(), doc.plan().equipmentCount());
}

// Regression (found by randomEditsUndoRedo): removing structures given in descending file order
// and undoing put them back in the wrong order.
void TestUndoProperty::removeStructuresInAnyOrder()
{
    FloorPlan plan;
    Hall hall;
    hall.id = 1;
    plan.addHall(hall);
    for (StructureId id = 1; id <= 4; ++id) {
        Structure s;
        s.id = id;
        s.hallId = 1;
        s.rectMm = QRectF(0, 0, 100, 100);
        plan.insertStructure(s);
    }
    FloorPlanDocument doc;
    doc.resetPlan(plan);
    const QByteArray before = writePlan(doc.plan());
    doc.undoStack()->push(new AddRemoveStructuresCommand(&doc, AddRemoveStructuresCommand::Mode::Remove,
                                                         {plan.structures().at(2), plan.structures().at(0)}));
    QCOMPARE(doc.plan().structures().size(), 2);
    doc.undoStack()->undo();
    QList<StructureId> order;
    for (const Structure &s : doc.plan().structures())
        order << s.id;
    QCOMPARE(order, (QList<StructureId>{1, 2, 3, 4}));
    QCOMPARE(writePlan(doc.plan()), before);
}

QTEST_GUILESS_MAIN(TestUndoProperty)
#include "tst_undoproperty.moc"
