// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The editor side of issue 5: the connection tool draws feeds through the undo stack and the
// analysis follows; each overlay shows what the facility analysis computed (numbers compared
// with the analysis, not with themselves). Runs the main window on the shipped samples.
#include "model/analysis/facilityanalysis.h"
#include "model/analysis/feedrules.h"
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/commands/changegeometry.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "tests/support/benchplans.h"
#include "tests/support/testpaths.h"
#include "views/docks/kpidock.h"
#include "views/docks/thermalrunner.h"
#include "views/mainwindow.h"
#include "views/scene/facilityoverlay.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/tools/connecttool.h"
#include "views/tools/draggeometrycommand.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace th;
using Layer = FacilityOverlay::Layer;

namespace {

// overloaded-retrofit.thplan ids
constexpr EquipmentId kDgx1 = 5, kDgx2 = 6, kUps = 9, kPdu1 = 10, kPdu2 = 11, kTx = 12;

void sendMouse(QWidget *w, QEvent::Type type, const QPoint &pos, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers)
{
    QMouseEvent event(type, QPointF(pos), QPointF(w->mapToGlobal(pos)), button, buttons, modifiers);
    QApplication::sendEvent(w, &event);
}

const FacilityUnitStatus *powerUnit(const FacilityResult &r, EquipmentId id)
{
    for (const FacilityUnitStatus &u : r.powerUnits) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

QList<EquipmentId> fedFrom(const FloorPlan &plan, EquipmentId id)
{
    QList<EquipmentId> out;
    for (const QVariant &v : plan.equipment(id)->properties().value(QStringLiteral("fed_from")).toList())
        out << EquipmentId(v.toULongLong());
    return out;
}

} // namespace

class TestFacilityOverlay : public QObject
{
    Q_OBJECT
    Catalog m_catalog;
    std::unique_ptr<MainWindow> m_window;

    FloorPlanView *view() const { return m_window->floorPlanView(); }
    FacilityOverlay *overlay() const { return view()->overlay(); }
    const FloorPlan &plan() const { return m_window->document()->plan(); }
    /// The facility result the overlay shows; it must be the KPI dock's current one.
    const FacilityResult &facility() const { return *m_window->kpiDock()->evaluation().facility; }

    void open(const char *sample)
    {
        m_window = std::make_unique<MainWindow>(&m_catalog);
        m_window->resize(1500, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCoreApplication::processEvents(); // the session start (nothing to restore)
        QVERIFY(m_window->openFile(test::sourcePath(QStringLiteral("data/samples/%1.thplan").arg(QLatin1String(sample)))));
        // The KPI dock evaluates on the next event-loop turn (its debounce); the overlay follows.
        QTRY_VERIFY(m_window->kpiDock()->evaluation().facility.has_value() && overlay()->facility().powerUnits.size() > 0);
        view()->fitToHalls();
    }

    QPoint viewPosOf(EquipmentId id) const
    {
        return view()->mapFromScene(view()->floorPlanScene()->footprintInScene(*plan().equipment(id)).center());
    }

    void click(EquipmentId id, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        const QPoint p = id ? viewPosOf(id) : QPoint(5, 5);
        QVERIFY(view()->viewport()->rect().contains(p));
        sendMouse(view()->viewport(), QEvent::MouseButtonPress, p, Qt::LeftButton, Qt::LeftButton, mods);
        sendMouse(view()->viewport(), QEvent::MouseButtonRelease, p, Qt::LeftButton, Qt::NoButton, mods);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_facilityoverlay"));
        QSettings().clear();
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void init()
    {
        // No recent file: the window's session start must not reopen the previous test's plan.
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    void cleanup() { m_window.reset(); }

    void menuHasOverlaysAndTool()
    {
        open("overloaded-retrofit");
        QMenu *menu = m_window->findChild<QMenu *>(QStringLiteral("overlayMenu"));
        QVERIFY(menu);
        QVERIFY(m_window->viewMenu()->actions().contains(menu->menuAction()));
        QStringList names;
        for (QAction *a : menu->actions())
            names << a->objectName();
        QCOMPARE(names, (QStringList{QStringLiteral("overlayPowerChainAction"), QStringLiteral("overlayUtilisationAction"),
                                     QStringLiteral("overlayFloorLoadAction"), QStringLiteral("overlayThermalAction"), QString(),
                                     QStringLiteral("connectFeedsAction"), QStringLiteral("clearFeedAction"),
                                     QStringLiteral("adoptFeedsAction")}));
    }

    void lineCacheRedrawsWhatChanged()
    {
        // 7,200 feed lines (the 2N bench plan): a new analysis redraws only the lines that
        // changed in the view's line cache. The result must be what a full redraw draws, up to
        // the rounding of aliased edges under a clip (isolated pixels; docs/performance.md).
        FloorPlanDocument doc;
        doc.resetPlan(bench::powerChainPlan());
        CatalogCache cache(&m_catalog);
        FloorPlanView view(&doc, &cache);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToHalls();
        FacilityOverlay *o = view.overlay();
        o->setLayer(Layer::PowerChain, true);
        o->setFacility(*evaluatePlan(doc.plan(), cache).facility);
        QVERIFY(o->connections().size() > 7200);
        const QImage before = view.grab().toImage();
        const EquipmentId rack = bench::firstOf(doc.plan(), "nvidia-dgx-h100");
        Geometry g = geometryOf(*doc.plan().equipment(rack));
        g.xMm += 600.0 * 20; // into the next rack column's aisle: its feeds move
        g.yMm += 1200.0;
        doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), {{rack, g}}, true));
        o->setFacility(*evaluatePlan(doc.plan(), cache).facility);
        const QImage partial = view.grab().toImage();
        o->setLayer(Layer::PowerChain, false); // drops the cache
        o->setLayer(Layer::PowerChain, true);
        const QImage full = view.grab().toImage();
        auto differing = [](const QImage &a, const QImage &b) {
            int n = 0;
            for (int y = 0; y < a.height(); ++y)
                for (int x = 0; x < a.width(); ++x)
                    n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
            return n;
        };
        QCOMPARE(partial.size(), full.size());
        const int changedByMove = differing(before, full);
        const int partialVsFull = differing(partial, full);
        qInfo("pixels changed by the move: %d; partial vs full redraw: %d", changedByMove, partialVsFull);
        QVERIFY(changedByMove > 30); // the rack and its two feed lines
        QVERIFY(differing(before, partial) > 30);
        QVERIFY(partialVsFull <= 20);
    }

    void partialRepaintMatchesFullRepaint()
    {
        // A drag step repaints only what the new analysis changed (lines, tiles, labels, the
        // moved rack). What the window then shows must be what a full repaint of the same state
        // shows, up to the rounding of aliased line edges under a clip (lineCacheRedrawsWhatChanged);
        // zoomed out (thousands of lines) and zoomed in (utilisation labels placed).
        FloorPlanDocument doc;
        doc.resetPlan(bench::powerChainPlan());
        CatalogCache cache(&m_catalog);
        FloorPlanView view(&doc, &cache);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToHalls();
        FacilityOverlay *o = view.overlay();
        for (Layer l : {Layer::PowerChain, Layer::Utilisation, Layer::FloorLoad})
            o->setLayer(l, true);
        o->setFacility(*evaluatePlan(doc.plan(), cache).facility);
        // What the window shows: the offscreen platform's backing store.
        auto shown = [&] { return view.screen()->grabWindow(view.winId()).toImage().convertToFormat(QImage::Format_RGB32); };
        QCoreApplication::processEvents();
        if (shown().isNull())
            QSKIP("this platform cannot grab the window's backing store");
        struct Recorder : QObject
        {
            QRegion painted;
            int paints = 0;
            bool eventFilter(QObject *, QEvent *e) override
            {
                if (e->type() == QEvent::Paint) {
                    painted += static_cast<QPaintEvent *>(e)->region();
                    ++paints;
                }
                return false;
            }
        } recorder;
        view.viewport()->installEventFilter(&recorder);
        auto differing = [](const QImage &a, const QImage &b) {
            int n = 0;
            for (int y = 0; y < a.height(); ++y)
                for (int x = 0; x < a.width(); ++x)
                    n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
            return n;
        };
        const EquipmentId rack = bench::firstOf(doc.plan(), "nvidia-dgx-h100");
        const int serial = DragGeometryCommand::nextSerial();
        for (const bool zoomed : {false, true}) {
            if (zoomed) {
                view.setZoom(view.zoom() * 6.0);
                view.centerOn(view.floorPlanScene()->footprintInScene(*doc.plan().equipment(rack)).center() + QPointF(4000, 9000));
            }
            view.viewport()->update();
            QCoreApplication::processEvents();
            const QImage before = shown();
            const QList<FacilityOverlay::UnitLabel> labelsBefore = o->unitLabels();
            // Two drag steps: the rack into the next rack column's aisle (its feeds move, PDU
            // loads change), then one row down.
            for (int step = 0; step < 2; ++step) {
                Geometry g = geometryOf(*doc.plan().equipment(rack));
                g.xMm += step == 0 ? 600.0 * 20 : 0.0;
                g.yMm += 1200.0;
                doc.undoStack()->push(new DragGeometryCommand(&doc, QStringLiteral("Move"), {{rack, g}}, serial));
                recorder.painted = QRegion();
                recorder.paints = 0;
                o->setFacility(*evaluatePlan(doc.plan(), cache).facility);
                QCoreApplication::processEvents();
                QCOMPARE(recorder.paints, 1);
                qint64 area = 0;
                for (const QRect &r : recorder.painted)
                    area += qint64(r.width()) * r.height();
                const qint64 viewportArea = qint64(view.viewport()->width()) * view.viewport()->height();
                qInfo("zoomed %d, step %d: repainted %.1f %% of the viewport", int(zoomed), step, 100.0 * double(area) / double(viewportArea));
                QVERIFY(area > 0);
                QVERIFY(area * 4 < viewportArea); // a partial repaint, not the whole view
            }
            int labelsChanged = 0;
            for (const FacilityOverlay::UnitLabel &l : o->unitLabels()) {
                for (const FacilityOverlay::UnitLabel &b : labelsBefore)
                    labelsChanged += b.id == l.id && b.text != l.text ? 1 : 0;
            }
            QVERIFY(labelsChanged > 0); // the PDUs the rack left and joined
            const QImage partial = shown();
            view.viewport()->update(); // the same state, repainted in full
            QCoreApplication::processEvents();
            const QImage full = shown();
            QCOMPARE(partial.size(), full.size());
            const int changedByMove = differing(before, full);
            const int partialVsFull = differing(partial, full);
            qInfo("zoomed %d: %d labels changed text; pixels changed by the moves %d; partial vs full repaint %d", int(zoomed), labelsChanged,
                  changedByMove, partialVsFull);
            if (const QString dir = qEnvironmentVariable("TH_OVERLAY_SHOTS"); !dir.isEmpty()) {
                const QString name = zoomed ? QStringLiteral("zoomed") : QStringLiteral("fit");
                before.save(QStringLiteral("%1/before-%2.png").arg(dir, name));
                partial.save(QStringLiteral("%1/partial-%2.png").arg(dir, name));
                full.save(QStringLiteral("%1/full-%2.png").arg(dir, name));
            }
            QVERIFY(changedByMove > 100);
            // Differences are edge pixels: the raster engine rounds an aliased line's edge, and
            // the edge of a scaled tile map, differently under another clip. Each differing
            // pixel has the colour the full repaint gives a neighbour (an edge one pixel over),
            // and there are few of them.
            int unexplained = 0;
            for (int y = 0; y < full.height(); ++y) {
                for (int x = 0; x < full.width(); ++x) {
                    if (partial.pixel(x, y) == full.pixel(x, y))
                        continue;
                    bool neighbour = false;
                    for (int dy = -1; dy <= 1 && !neighbour; ++dy)
                        for (int dx = -1; dx <= 1 && !neighbour; ++dx)
                            neighbour = full.valid(x + dx, y + dy) && full.pixel(x + dx, y + dy) == partial.pixel(x, y);
                    unexplained += neighbour ? 0 : 1;
                }
            }
            qInfo("  of which not an edge one pixel over: %d", unexplained);
            QVERIFY(partialVsFull * 2000 <= full.width() * full.height()); // at most 0.05 %
            QVERIFY(unexplained <= 20);
        }
        // Label placement: once per analysis and zoom, not per repaint.
        const int placements = o->labelPlacementCount();
        view.viewport()->update(QRect(0, 0, 50, 50));
        QCoreApplication::processEvents();
        view.viewport()->update();
        QCoreApplication::processEvents();
        QCOMPARE(o->labelPlacementCount(), placements);
        // The floor-load map is drawn (it covers the racks: most of this view).
        const QImage withMap = shown();
        o->setLayer(Layer::FloorLoad, false);
        QCoreApplication::processEvents();
        QVERIFY(differing(withMap, shown()) > withMap.width() * withMap.height() / 10);
    }

    void assignFeedsAutomaticallyIsOneStep()
    {
        // The H100 hall's automatic 2N assignment, drawn into the plan in one step: every rack
        // then has a drawn A and B feed, the analysis is unchanged, and undo forgets them.
        open("h100-1024-air");
        view()->floorPlanScene()->selectIds({});
        const FacilityResult before = facility();
        const QByteArray file = writePlan(plan()); // the sample draws its UPS and PDU feeds already
        const int steps = m_window->document()->undoStack()->count();
        QVERIFY(view()->connectTool()->adoptAutomaticFeeds());
        QCOMPARE(m_window->document()->undoStack()->count(), steps + 1);
        int racks = 0;
        for (int i = 0; i < plan().equipmentCount(); ++i) {
            const Equipment &e = plan().equipmentAt(i);
            if (e.kind() == EquipmentKind::System) {
                QCOMPARE(explicitFeeds(e).size(), 2);
                ++racks;
            }
        }
        QCOMPARE(racks, 64);
        QTRY_VERIFY(facility().powerUnits.size() == before.powerUnits.size());
        const FacilityResult after = facilityAnalysis(plan(), *m_window->catalogCache(), FacilityAssumptions{});
        for (const FacilityUnitStatus &u : before.powerUnits) {
            for (const FacilityUnitStatus &v : after.powerUnits) {
                if (v.id == u.id)
                    QVERIFY2(std::abs(v.loadKw - u.loadKw) < 1e-6, qPrintable(QString::number(u.id)));
            }
        }
        QVERIFY(!view()->connectTool()->adoptAutomaticFeeds()); // nothing left to assign
        m_window->document()->undoStack()->undo();
        QCOMPARE(writePlan(plan()), file);
    }

    void utilisationLabelsMatchAnalysis()
    {
        open("overloaded-retrofit");
        overlay()->action(Layer::Utilisation)->trigger();
        QVERIFY(overlay()->isOn(Layer::Utilisation));
        // Every transformer, UPS, PDU and cooling unit has a label.
        QCOMPARE(overlay()->unitLabels().size(), facility().powerUnits.size() + facility().coolingUnits.size());
        // The UPS: its output over 80 % of its 500 kW rating, as the analysis computed it.
        const FacilityUnitStatus *ups = powerUnit(facility(), kUps);
        QVERIFY(ups);
        QCOMPARE(facility().deratingFraction, 0.8);
        const FacilityOverlay::UnitLabel *label = overlay()->unitLabel(kUps);
        QVERIFY(label);
        QCOMPARE(label->percent, 100.0 * ups->loadKw / (0.8 * ups->capacityKw));
        QCOMPARE(label->text, QStringLiteral("%1 %").arg(QLocale().toString(label->percent, 'f', 0)));
        // The sample overloads its UPS (overloaded-retrofit: four NVL72 on a 500 kW UPS): red.
        QVERIFY(ups->overloaded);
        QVERIFY(label->percent > 100.0);
        QVERIFY(label->over);
        // A CRAH: % of its rating (no derating for cooling).
        const FacilityUnitStatus &crah = facility().coolingUnits.front();
        QCOMPARE(overlay()->unitLabel(crah.id)->percent, 100.0 * crah.utilisation);
        // The legend gains the utilisation section; the colour of 80 % load is between 0 and 100 %.
        const QList<LegendSection> legend = overlay()->legend();
        QCOMPARE(legend.size(), 1);
        QVERIFY(legend[0].title.contains(QLocale().toString(80.0, 'f', 0)));
        QCOMPARE(FacilityOverlay::loadColor(1.2), QColor(211, 47, 47));
        // A new analysis keeps the texts of unchanged values; another locale formats them again.
        const QString upsText = overlay()->unitLabel(kUps)->text;
        overlay()->setFacility(facility());
        QCOMPARE(overlay()->unitLabel(kUps)->text, upsText);
        const QLocale defaultLocale;
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Egypt)); // Arabic-Indic digits
        overlay()->setFacility(facility());
        const FacilityOverlay::UnitLabel *arabic = overlay()->unitLabel(kUps);
        QCOMPARE(arabic->text, QStringLiteral("%1 %").arg(QLocale().toString(arabic->percent, 'f', 0)));
        QVERIFY2(arabic->text != upsText, qPrintable(arabic->text));
        QLocale::setDefault(defaultLocale);
        overlay()->setFacility(facility());
        QCOMPARE(overlay()->unitLabel(kUps)->text, upsText);
        // Off again: nothing drawn.
        overlay()->action(Layer::Utilisation)->trigger();
        QVERIFY(overlay()->unitLabels().isEmpty());
        QVERIFY(overlay()->legend().isEmpty());
    }

    void powerChainLinesFromAnalysis()
    {
        open("overloaded-retrofit");
        overlay()->setLayer(Layer::PowerChain, true);
        QVERIFY(overlay()->action(Layer::PowerChain)->isChecked());
        int unitLinks = 0, feeds = 0;
        for (const FacilityUnitStatus &u : facility().powerUnits)
            unitLinks += int(u.feeds.size());
        for (const RackFeedStatus &f : facility().rackFeeds)
            feeds += int(f.feeds.size());
        QCOMPARE(overlay()->connections().size(), unitLinks + feeds);
        // PDU-1 is fed from the UPS in the file (drawn); the UPS's transformer is automatic.
        bool pduDrawn = false, upsAuto = false;
        for (const FacilityOverlay::Connection &c : overlay()->connections()) {
            if (c.from == kUps && c.to == kPdu1)
                pduDrawn = c.drawn && c.kind == FacilityOverlay::Connection::Kind::UnitToUnit;
            if (c.from == kTx && c.to == kUps)
                upsAuto = !c.drawn;
        }
        QVERIFY(pduDrawn);
        QVERIFY(upsAuto);
    }

    void abFeedsDistinguished()
    {
        // The H100 hall: 2N (UPS A/B), every dual-corded rack on one PDU of each side.
        open("h100-1024-air");
        overlay()->setLayer(Layer::PowerChain, true);
        int a = 0, b = 0;
        for (const FacilityOverlay::Connection &c : overlay()->connections()) {
            a += c.kind == FacilityOverlay::Connection::Kind::FeedA;
            b += c.kind == FacilityOverlay::Connection::Kind::FeedB;
        }
        int redundantRacks = 0;
        for (const RackFeedStatus &f : facility().rackFeeds)
            redundantRacks += f.redundant && f.feeds.size() == 2;
        QVERIFY(redundantRacks > 0);
        QVERIFY(a >= redundantRacks);
        QCOMPARE(b, redundantRacks);
    }

    void connectionToolDrawsFeedsAndUndo()
    {
        open("overloaded-retrofit");
        overlay()->setLayer(Layer::Utilisation, true);
        QUndoStack *undo = m_window->document()->undoStack();
        QSignalSpy messages(view(), &FloorPlanView::message);
        const double pdu2Before = powerUnit(facility(), kPdu2)->utilisation;
        QVERIFY(fedFrom(plan(), kDgx1).isEmpty());

        view()->connectTool()->setActive(true);
        QVERIFY(overlay()->isOn(Layer::PowerChain)); // the tool shows what it edits
        click(kDgx1);
        QCOMPARE(view()->connectTool()->pendingDownstream(), kDgx1);
        click(kPdu2);
        QCOMPARE(fedFrom(plan(), kDgx1), QList<EquipmentId>{kPdu2});
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Connect Feed A"));
        // A dual-corded rack: the next pick is its B feed; empty floor keeps A only.
        QVERIFY(view()->connectTool()->expectsB());
        click(0);
        QVERIFY(!view()->connectTool()->expectsB());
        QTRY_COMPARE(fedFrom(plan(), kDgx1), QList<EquipmentId>{kPdu2});
        // The analysis follows: DGX1 hangs on PDU-2 alone, PDU-2's utilisation changed and the
        // overlay label shows the new analysis value.
        QTRY_VERIFY(powerUnit(facility(), kPdu2)->utilisation != pdu2Before);
        for (const RackFeedStatus &f : facility().rackFeeds) {
            if (f.id == kDgx1)
                QCOMPARE(f.feeds, QList<EquipmentId>{kPdu2});
        }
        QCOMPARE(overlay()->unitLabel(kPdu2)->percent, 100.0 * powerUnit(facility(), kPdu2)->utilisation / 0.8);
        bool drawnLine = false;
        for (const FacilityOverlay::Connection &c : overlay()->connections())
            drawnLine = drawnLine || (c.from == kPdu2 && c.to == kDgx1 && c.drawn && c.kind == FacilityOverlay::Connection::Kind::FeedA);
        QVERIFY(drawnLine);

        // Shift-click: the B feed.
        click(kDgx1);
        click(kPdu1, Qt::ShiftModifier);
        QCOMPARE(fedFrom(plan(), kDgx1), (QList<EquipmentId>{kPdu2, kPdu1}));
        QCOMPARE(undo->count(), 2);
        QCOMPARE(undo->undoText(), QStringLiteral("Connect Feed B"));

        // Illegal links are refused with a message and leave no undo step.
        click(kPdu1);
        click(kDgx2);
        QCOMPARE(undo->count(), 2);
        QVERIFY(messages.last().at(0).toString().contains(QLatin1String("rack cannot feed")));
        QCOMPARE(fedFrom(plan(), kPdu1), QList<EquipmentId>{kUps});
        QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(view(), &esc);
        QCOMPARE(view()->connectTool()->pendingDownstream(), EquipmentId(0));
        click(kUps);
        click(kPdu1);
        QVERIFY(messages.last().at(0).toString().contains(QLatin1String("power flows")));
        click(kUps); // a unit feeding itself
        QVERIFY(messages.last().at(0).toString().contains(QLatin1String("itself")));
        QCOMPARE(undo->count(), 2);

        // Undo restores the automatic feed and the analysis returns to where it was.
        undo->undo();
        undo->undo();
        QVERIFY(fedFrom(plan(), kDgx1).isEmpty());
        QTRY_COMPARE(powerUnit(facility(), kPdu2)->utilisation, pdu2Before);
        QTRY_COMPARE(overlay()->unitLabel(kPdu2)->percent, 100.0 * pdu2Before / 0.8);

        // Clear Feed on the selected PDU: back to automatic in one step; undo brings it back.
        QApplication::sendEvent(view(), &esc);
        QApplication::sendEvent(view(), &esc); // second Esc leaves the tool
        QVERIFY(!view()->connectTool()->isActive());
        view()->floorPlanScene()->selectIds({kPdu1});
        view()->connectTool()->clearAction()->trigger();
        QVERIFY(fedFrom(plan(), kPdu1).isEmpty());
        QCOMPARE(undo->undoText(), QStringLiteral("Clear Feed (Automatic)"));
        undo->undo();
        QCOMPARE(fedFrom(plan(), kPdu1), QList<EquipmentId>{kUps});
    }

    void floorLoadMapMatchesAnalysis()
    {
        open("overloaded-retrofit");
        overlay()->action(Layer::FloorLoad)->trigger();
        QCOMPARE(facility().floorLoad.size(), 1);
        const HallGrid &g = facility().floorLoad.front();
        const QImage img = overlay()->floorLoadImage(g.hallId);
        QCOMPARE(img.size(), QSize(g.nx, g.ny)); // one pixel per 600 mm tile: 25 x 20
        QCOMPARE(img.size(), QSize(25, 20));
        const double rating = plan().hall(g.hallId)->floorRatingKgPerM2;
        QCOMPARE(rating, 1200.0);
        int over = 0, empty = 0, checked = 0;
        for (int y = 0; y < g.ny; ++y) {
            for (int x = 0; x < g.nx; ++x) {
                const double v = g.values[qsizetype(y) * g.nx + x];
                const QColor c = img.pixelColor(x, y);
                if (v <= 0.0) {
                    QCOMPARE(c.alpha(), 0);
                    ++empty;
                    continue;
                }
                const QColor want = FacilityOverlay::loadColor(v / rating);
                QVERIFY2(std::abs(c.red() - want.red()) <= 2 && std::abs(c.green() - want.green()) <= 2 && std::abs(c.blue() - want.blue()) <= 2,
                         qPrintable(QStringLiteral("tile %1,%2: %3 kg/m2").arg(x).arg(y).arg(v)));
                over += v > rating;
                ++checked;
            }
        }
        // NVL72 racks (1.36 t on 0.64 m2) load their tiles above the 1,200 kg/m2 rating: red.
        QVERIFY(over > 0);
        QVERIFY(checked > 0 && empty > 0);
        QVERIFY(overlay()->legend().front().entries[2].text.contains(QLocale().toString(1200.0, 'f', 0)));
    }

    void thermalMapOffThreadAndDebounced()
    {
        // One background solve (the KPI dock's ThermalRunner) after opening; the overlay draws
        // it and the KPI dock lists its inlet violations with the others.
        open("overloaded-retrofit");
        ThermalRunner *runner = m_window->kpiDock()->thermalRunner();
        QTRY_COMPARE_WITH_TIMEOUT(overlay()->thermalSolveCount(), 1, 20000);
        overlay()->action(Layer::Thermal)->trigger();
        // The same field as the analysis with its thermal map on (same problem, same solver).
        FacilityAssumptions a;
        a.thermalMap = true;
        const FacilityResult direct = facilityAnalysis(plan(), *m_window->catalogCache(), a);
        QCOMPARE(overlay()->thermalGrids().size(), direct.thermal.size());
        QCOMPARE(overlay()->thermalGrids().front().values, direct.thermal.front().values);
        QCOMPARE(overlay()->thermalGrids().front().maxValue, direct.thermal.front().maxValue);
        int flagged = 0;
        double maxInlet = 0.0;
        for (const RackInlet &in : direct.rackInlets) {
            flagged += in.inletC > 27.0;
            maxInlet = std::max(maxInlet, in.inletC);
        }
        QVERIFY(flagged >= 3); // the retrofit is under-cooled by design
        QCOMPARE(overlay()->inletFlags().size(), flagged);
        const QImage img = overlay()->thermalImage(1);
        QCOMPARE(img.size(), QSize(direct.thermal.front().nx, direct.thermal.front().ny));
        QVERIFY(!overlay()->legend().front().title.contains(QLatin1String("updating")));
        // KPI dock: the inlet row and the inlet warning, as `terahall evaluate` reports them.
        const QString inlets = m_window->kpiDock()->valueText(QStringLiteral("inlets"));
        QVERIFY2(inlets.contains(QLocale().toString(maxInlet, 'f', 1)), qPrintable(inlets));
        // ... and the worst hall's RCI_HI, below 100 % with inlets above 27 °C.
        QVERIFY(!direct.thermalHalls.isEmpty());
        double rci = 100.0;
        for (const HallThermalIndex &h : direct.thermalHalls)
            rci = std::min(rci, h.rciHiPct);
        QVERIFY(rci < 100.0);
        QVERIFY2(inlets.endsWith(QStringLiteral("RCI_HI %1 %").arg(QLocale().toString(rci, 'f', 1))), qPrintable(inlets));
        bool listed = false;
        QListWidget *list = m_window->kpiDock()->violationList();
        for (int i = 0; i < list->count(); ++i)
            listed = listed || list->item(i)->data(Qt::UserRole + 1).toString() == QLatin1String("inlet_above_recommended");
        QVERIFY(listed);

        // An edit re-solves once after the debounce, a burst of edits too; meanwhile the KPI row
        // says it is computing and the stale inlet warnings are not listed.
        QUndoStack *undo = m_window->document()->undoStack();
        view()->floorPlanScene()->selectIds({kDgx2});
        view()->connectTool()->setActive(true);
        click(kDgx2);
        click(kPdu2);
        click(0);
        click(kDgx2);
        click(kPdu1, Qt::ShiftModifier);
        QCOMPARE(undo->count(), 2);
        QTRY_VERIFY(runner->isBusy());
        m_window->kpiDock()->evaluate();
        QCOMPARE(m_window->kpiDock()->valueText(QStringLiteral("inlets")), QStringLiteral("computing…"));
        QTRY_COMPARE_WITH_TIMEOUT(overlay()->thermalSolveCount(), 2, 20000);
        QTest::qWait(2 * ThermalRunner::kDebounceMs);
        QCOMPARE(overlay()->thermalSolveCount(), 2);
        QVERIFY(!runner->isBusy());
        QCOMPARE(FacilityOverlay::temperatureColor(27.0), QColor(255, 255, 191));
    }

    /// Not a check: writes the screenshots of docs/screenshots when TH_SCREENSHOT_DIR is set.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("TH_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set TH_SCREENSHOT_DIR to write overlay screenshots");
        QDir().mkpath(dir);
        const QList<std::pair<const char *, QList<Layer>>> shots{
            {"overloaded-retrofit", {Layer::PowerChain, Layer::Utilisation}},
            {"overloaded-retrofit", {Layer::FloorLoad}},
            {"overloaded-retrofit", {Layer::Thermal}},
            {"h100-1024-air", {Layer::PowerChain}},
            {"h100-1024-air", {Layer::Utilisation}},
            {"h100-1024-air", {Layer::Thermal}},
            {"gb200-nvl72-pod", {Layer::PowerChain, Layer::Utilisation}},
            {"gb200-nvl72-pod", {Layer::FloorLoad}},
            {"cloudmatrix-384-hall", {Layer::PowerChain, Layer::Utilisation}},
            {"ascend-910b-hall", {Layer::Thermal}},
        };
        const bool dark = qEnvironmentVariableIsSet("TH_SCREENSHOT_DARK");
        if (dark) {
            QPalette p;
            p.setColor(QPalette::Window, QColor(45, 45, 48));
            p.setColor(QPalette::WindowText, Qt::white);
            p.setColor(QPalette::Base, QColor(30, 30, 30));
            p.setColor(QPalette::Text, Qt::white);
            p.setColor(QPalette::Button, QColor(60, 60, 60));
            p.setColor(QPalette::ButtonText, Qt::white);
            QApplication::setPalette(p);
        }
        for (const auto &[sample, layers] : shots) {
            open(sample);
            for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
                if (m_window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
                    dock->hide();
            }
            QTest::qWait(20);
            view()->fitToHalls();
            QStringList names;
            for (Layer l : layers) {
                overlay()->setLayer(l, true);
                names << QString::fromLatin1(QMetaEnum::fromType<Layer>().valueToKey(int(l)));
            }
            if (layers.contains(Layer::Thermal))
                QTRY_VERIFY_WITH_TIMEOUT(overlay()->thermalSolveCount() >= 1, 30000);
            QTest::qWait(50);
            const QString file = QStringLiteral("%1/%2-%3%4.png").arg(dir, QLatin1String(sample), names.join(QLatin1Char('-')),
                                                                    dark ? QStringLiteral("-dark") : QString());
            QVERIFY(view()->grab().save(file));
            m_window->grab().save(file.chopped(4) + QStringLiteral("-window.png"));
        }
    }
};

QTEST_MAIN(TestFacilityOverlay)
#include "tst_facilityoverlay.moc"
