// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The facility overlays on a 5,000-item plan (label `bench`): one live step as the editor runs
// it (a rack moves, the KPI recompute with the facility physics, the overlays rebuilt from it,
// the view repainted in full), the same step through the event loop with the partial repaint
// the editor does (editorLiveStep), the overlay rebuild + repaint alone, and the thermal solve of
// the hall (the one the overlay runs on a worker). Results: docs/performance.md.
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/commands/changegeometry.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "tests/support/benchplans.h"
#include "views/scene/facilityoverlay.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/tools/draggeometrycommand.h"

#include <QPaintEvent>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <functional>

using namespace th;

namespace {

/// Best of `runs` solves in thread CPU time, ms (wall time varies with the load of the shared VM).
double bestThreadCpuMs(const std::function<void()> &solve, int runs = 3)
{
    double best = 1e300;
    for (int k = 0; k < runs; ++k) {
        timespec t0{}, t1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
        solve();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
        best = std::min(best, double(t1.tv_sec - t0.tv_sec) * 1e3 + double(t1.tv_nsec - t0.tv_nsec) / 1e6);
    }
    return best;
}


/// 5,000 items in one 300 m x 120 m hall: 4,345 DGX H100 racks (2 servers, 20.4 kW) in rows,
/// 295 in-row coolers, 300 PDUs (A/B), 50 UPS (groups A and B) and 10 transformers in the yard.
FloorPlan generatedPlan()
{
    bench::PlanBuilder b(QStringLiteral("overlay bench 5000"), 300000, 120000, 12000);
    auto add = [&](EquipmentKind kind, const char *id, double x, double y, double w, double d) -> Equipment & { return b.add(kind, id, x, y, w, d); };
    for (int i = 0; i < 4500; ++i) {
        const int row = i / 116, col = i % 116;
        const double x = 1200.0 + col * 600.0 + (col / 29) * 1800.0;
        const double y = 6000.0 + row * 2400.0;
        if (col % 29 == 28) // one in-row cooler per 29 positions
            add(EquipmentKind::Facility, "inrow-cw-60kw", x, y, 600, 1070);
        else
            add(EquipmentKind::System, "nvidia-dgx-h100", x, y, 600, 1200).setProperty(QStringLiteral("units_per_rack"), 2);
    }
    for (int i = 0; i < 140; ++i)
        add(EquipmentKind::Facility, "inrow-cw-60kw", 1200.0 + i * 1800.0, 1200.0, 600, 1070);
    for (int i = 0; i < 150; ++i) {
        add(EquipmentKind::Facility, "pdu-floor-300kva", 1200.0 + i * 1800.0, 103000.0, 1200, 900)
            .setProperty(QStringLiteral("redundancy_group"), QStringLiteral("A"));
        add(EquipmentKind::Facility, "pdu-floor-300kva", 1200.0 + i * 1800.0, 106000.0, 1200, 900)
            .setProperty(QStringLiteral("redundancy_group"), QStringLiteral("B"));
    }
    for (int i = 0; i < 25; ++i) {
        add(EquipmentKind::Facility, "ups-vertiv-exl-s1-1200", 1200.0 + i * 11000.0, 112000.0, 2600, 1000)
            .setProperty(QStringLiteral("redundancy_group"), QStringLiteral("A"));
        add(EquipmentKind::Facility, "ups-vertiv-exl-s1-1200", 4200.0 + i * 11000.0, 115000.0, 2600, 1000)
            .setProperty(QStringLiteral("redundancy_group"), QStringLiteral("B"));
    }
    for (int i = 0; i < 10; ++i) {
        Equipment &t = add(EquipmentKind::Facility, "xfmr-oil-3150kva", 1200.0 + i * 28000.0, -9000.0, 2500, 1600);
        t.setInYard(true);
    }
    return std::move(b.plan);
}

/// Counts the viewport's paint events and the area they repaint.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *viewport)
        : m_viewport(viewport)
    {
        viewport->installEventFilter(this);
    }
    int paints = 0;
    qint64 pixels = 0; ///< summed over the paints
    QRegion last;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_viewport && event->type() == QEvent::Paint) {
            ++paints;
            last = static_cast<QPaintEvent *>(event)->region();
            for (const QRect &r : last)
                pixels += qint64(r.width()) * r.height();
        }
        return false;
    }

private:
    QWidget *m_viewport;
};

} // namespace

class BenchOverlays : public QObject
{
    Q_OBJECT
    Catalog m_catalog;

    /// 1400 x 900 px fitted to the hall, power chain + utilisation + floor load on.
    static void showWithOverlays(FloorPlanView &view)
    {
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToHalls();
        for (FacilityOverlay::Layer l : {FacilityOverlay::Layer::PowerChain, FacilityOverlay::Layer::Utilisation, FacilityOverlay::Layer::FloorLoad})
            view.overlay()->setLayer(l, true);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY(m_catalog.openInMemory(&error));
        QCOMPARE(generatedPlan().equipmentCount(), 5000);
    }

    void liveStep_data()
    {
        QTest::addColumn<bool>("sizedChain");
        QTest::addColumn<bool>("withAnalysis");
        QTest::addColumn<bool>("withPowerChain");
        QTest::addColumn<int>("parts"); // 3: rebuild + repaint, 1: rebuild only, 2: repaint only
        QTest::addColumn<double>("zoom"); // times the fitted zoom, centred on the first rack
        QTest::newRow("move + KPI recompute + overlays + repaint") << false << true << true << 3 << 1.0;
        QTest::newRow("overlays + repaint only") << false << false << true << 3 << 1.0;
        QTest::newRow("utilisation + floor load + repaint (no power-chain lines)") << false << false << false << 3 << 1.0;
        // The plan above is 3.7x over its transformers, so every N-1 case lists every rack; the
        // 2N plan (tests/support/benchplans.h) is what a finished design looks like.
        QTest::newRow("2N plan: move + KPI recompute + overlays + repaint") << true << true << true << 3 << 1.0;
        QTest::newRow("2N plan: move + KPI recompute + overlays rebuilt (no repaint)") << true << true << true << 1 << 1.0;
        QTest::newRow("2N plan: overlays + repaint only") << true << false << true << 3 << 1.0;
        QTest::newRow("2N plan: repaint only") << true << false << true << 2 << 1.0;
        // Zoomed in on a block: racks large enough for outlines and labels.
        QTest::newRow("2N plan: repaint only, zoomed 6x") << true << false << true << 2 << 6.0;
    }

    void liveStep()
    {
        QFETCH(bool, sizedChain);
        QFETCH(bool, withAnalysis);
        QFETCH(bool, withPowerChain);
        QFETCH(int, parts);
        QFETCH(double, zoom);
        FloorPlanDocument doc;
        doc.resetPlan(sizedChain ? bench::powerChainPlan() : generatedPlan());
        CatalogCache cache(&m_catalog);
        FloorPlanView view(&doc, &cache);
        showWithOverlays(view);
        FacilityOverlay *overlay = view.overlay();
        PlanEvaluation ev = evaluatePlan(doc.plan(), cache); // warm the catalog cache, as the GUI keeps it
        QVERIFY(ev.facility);
        overlay->setFacility(*ev.facility);
        if (sizedChain) {
            QCOMPARE(ev.facility->powerRedundancy, QStringLiteral("2N"));
            QVERIFY(overlay->connections().size() > 7200); // 3,600 racks x 2 feeds + unit links
        } else {
            QVERIFY(overlay->connections().size() > 8000); // 4,345 racks x 2 feeds + unit links
            QCOMPARE(overlay->unitLabels().size(), 655); // 295 in-row + 300 PDU + 50 UPS + 10 transformers
        }
        overlay->setLayer(FacilityOverlay::Layer::PowerChain, withPowerChain);
        const EquipmentId rack = bench::firstOf(doc.plan(), "nvidia-dgx-h100");
        if (zoom != 1.0) {
            view.setZoom(view.zoom() * zoom);
            view.centerOn(view.floorPlanScene()->footprintInScene(*doc.plan().equipment(rack)).center() + QPointF(8000, 12000));
        }
        const double rowY = geometryOf(*doc.plan().equipment(rack)).yMm;
        double dy = 0.0;
        QBENCHMARK {
            if (withAnalysis) {
                dy = dy > 0.0 ? 0.0 : 600.0;
                Geometry g = geometryOf(*doc.plan().equipment(rack));
                g.yMm = rowY + dy;
                doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), {{rack, g}}, true));
                ev = evaluatePlan(doc.plan(), cache);
            }
            if (parts & 1)
                overlay->setFacility(*ev.facility);
            if (parts & 2)
                view.viewport()->repaint();
        }
    }

    void editorLiveStep_data()
    {
        QTest::addColumn<bool>("sizedChain");
        QTest::newRow("2N plan: drag step + KPI recompute + overlays + pending repaint") << true;
        QTest::newRow("over-capacity plan: drag step + KPI recompute + overlays + pending repaint") << false;
    }

    /// One step of a drag as the editor runs it: the select tool's mergeable move command, the
    /// KPI dock's recompute, the overlays updated from it, then the event loop: the scene's
    /// dirty items, the view's update and the one repaint of what changed (not of the whole
    /// viewport, which the rows of liveStep force).
    void editorLiveStep()
    {
        QFETCH(bool, sizedChain);
        FloorPlanDocument doc;
        doc.resetPlan(sizedChain ? bench::powerChainPlan() : generatedPlan());
        CatalogCache cache(&m_catalog);
        FloorPlanView view(&doc, &cache);
        showWithOverlays(view);
        FacilityOverlay *overlay = view.overlay();
        PlanEvaluation ev = evaluatePlan(doc.plan(), cache);
        QVERIFY(ev.facility);
        overlay->setFacility(*ev.facility);
        QCoreApplication::processEvents();
        const EquipmentId rack = bench::firstOf(doc.plan(), "nvidia-dgx-h100");
        view.floorPlanScene()->selectIds({rack}); // the select tool drags the selection
        QCoreApplication::processEvents();
        PaintCounter counter(view.viewport());
        const double rowY = geometryOf(*doc.plan().equipment(rack)).yMm;
        const int serial = DragGeometryCommand::nextSerial();
        double dy = 0.0;
        int steps = 0;
        std::array<double, 4> partMs{}; // the move, the recompute, the overlay update, the event loop
        auto threadMs = [] {
            timespec t{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
            return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
        };
        QBENCHMARK {
            const double t0 = threadMs();
            dy = dy > 0.0 ? 0.0 : 600.0;
            Geometry g = geometryOf(*doc.plan().equipment(rack));
            g.yMm = rowY + dy;
            doc.undoStack()->push(new DragGeometryCommand(&doc, QStringLiteral("Move"), {{rack, g}}, serial));
            const double t1 = threadMs();
            ev = evaluatePlan(doc.plan(), cache);
            const double t2 = threadMs();
            overlay->setFacility(*ev.facility);
            const double t3 = threadMs();
            QCoreApplication::processEvents();
            const double t4 = threadMs();
            partMs[0] += t1 - t0;
            partMs[1] += t2 - t1;
            partMs[2] += t3 - t2;
            partMs[3] += t4 - t3;
            ++steps;
        }
        qInfo("thread CPU per step: move %.2f ms, recompute %.2f ms, overlay update %.2f ms, event loop (scene, repaint) %.2f ms",
              partMs[0] / steps, partMs[1] / steps, partMs[2] / steps, partMs[3] / steps);
        qInfo("feed picks in the last step: %d replayed, %d searched (PowerChainMemo)", cache.powerChainMemo().replayedPicks(),
              cache.powerChainMemo().searchedPicks());
        QCOMPARE(counter.paints, steps); // one repaint per step, nothing left pending
        const qint64 viewportPx = qint64(view.viewport()->width()) * view.viewport()->height();
        qInfo("repainted per step: %.1f %% of the viewport (last: %lld rectangles, bounding %dx%d px)",
              100.0 * double(counter.pixels) / double(steps) / double(viewportPx), qint64(counter.last.rectCount()),
              counter.last.boundingRect().width(), counter.last.boundingRect().height());
    }

    /// With TH_OVERLAY_SHOTS=DIR, saves the view with every overlay except the thermal map
    /// (both plans, fitted to the hall and zoomed in on a block, before and after a rack move),
    /// to look at the rendering (docs/performance.md).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("TH_OVERLAY_SHOTS");
        if (dir.isEmpty())
            QSKIP("set TH_OVERLAY_SHOTS=DIR to save the screenshots");
        for (const bool sized : {false, true}) {
            // The plans too, for `terahall evaluate` before and after a change.
            QFile file(dir + (sized ? QStringLiteral("/bench-2n.thplan") : QStringLiteral("/bench-overloaded.thplan")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(writePlan(sized ? bench::powerChainPlan() : generatedPlan()));
            file.close();
            FloorPlanDocument doc;
            doc.resetPlan(sized ? bench::powerChainPlan() : generatedPlan());
            CatalogCache cache(&m_catalog);
            FloorPlanView view(&doc, &cache);
            showWithOverlays(view);
            FacilityOverlay *overlay = view.overlay();
            overlay->setFacility(*evaluatePlan(doc.plan(), cache).facility);
            const QString plan = sized ? QStringLiteral("2n") : QStringLiteral("overloaded");
            QVERIFY(view.grab().save(dir + QStringLiteral("/%1-fit.png").arg(plan)));
            // A rack moves by one row pitch: the view follows the new analysis.
            const EquipmentId rack = bench::firstOf(doc.plan(), "nvidia-dgx-h100");
            Geometry g = geometryOf(*doc.plan().equipment(rack));
            g.yMm += 1200.0;
            doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), {{rack, g}}, true));
            overlay->setFacility(*evaluatePlan(doc.plan(), cache).facility);
            QVERIFY(view.grab().save(dir + QStringLiteral("/%1-fit-moved.png").arg(plan)));
            // The same, the lines drawn again in full (the one before redrew only what changed).
            overlay->setLayer(FacilityOverlay::Layer::PowerChain, false);
            overlay->setLayer(FacilityOverlay::Layer::PowerChain, true);
            QVERIFY(view.grab().save(dir + QStringLiteral("/%1-fit-moved-full.png").arg(plan)));
            view.setZoom(view.zoom() * 6.0);
            view.centerOn(view.floorPlanScene()->footprintInScene(*doc.plan().equipment(rack)).center() + QPointF(8000, 12000));
            QVERIFY(view.grab().save(dir + QStringLiteral("/%1-zoomed.png").arg(plan)));
        }
    }

    void thermalSolveOfTheHall()
    {
        // What the thermal overlay runs on its worker after the debounce (500 x 200 tiles).
        FloorPlan plan = generatedPlan();
        CatalogCache cache(&m_catalog);
        const PlanEvaluation ev = evaluatePlan(plan, cache);
        FacilityAssumptions a;
        std::vector<HallThermalProblem> problems = thermalProblems(plan, cache, a, *ev.facility);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems.front().spec.nx * problems.front().spec.ny, 500 * 200);
        engine::ThermalResult r;
        QBENCHMARK {
            r = engine::solveThermal(problems.front().spec, problems.front().sources, problems.front().sinks);
        }
        QVERIFY(r.ok);
        const double cpuMs = bestThreadCpuMs([&] { r = engine::solveThermal(problems.front().spec, problems.front().sources, problems.front().sinks); });
        qInfo("%zu units, %zu exhausts in the return plenum, %d passes, %d iterations, max %.1f C; best thread CPU %.0f ms",
              problems.front().sinks.size(), problems.front().spec.plenums.empty() ? std::size_t(0) : problems.front().spec.plenums[0].cells.size(),
              r.activeSetPasses, r.iterations, r.maxC, cpuMs);
    }

    void thermalSolveOfTheHallPerUnitReturns()
    {
        // The same hall in the former formulation (before 2026-11-23): every unit drawing its
        // share of every exhaust (engine::sinksWithoutPlenums), and the difference to the plenum.
        FloorPlan plan = generatedPlan();
        CatalogCache cache(&m_catalog);
        const PlanEvaluation ev = evaluatePlan(plan, cache);
        std::vector<HallThermalProblem> problems = thermalProblems(plan, cache, FacilityAssumptions{}, *ev.facility);
        QCOMPARE(problems.size(), std::size_t(1));
        const HallThermalProblem &p = problems.front();
        const std::vector<engine::ThermalSink> perUnit = engine::sinksWithoutPlenums(p.spec, p.sinks);
        std::size_t weights = 0;
        for (const engine::ThermalSink &s : perUnit)
            weights += s.returnCells.size();
        engine::ThermalResult r;
        QBENCHMARK {
            r = engine::solveThermal(p.spec, p.sources, perUnit);
        }
        const engine::ThermalResult pooled = engine::solveThermal(p.spec, p.sources, p.sinks);
        QVERIFY(r.ok && pooled.ok);
        double maxDiffK = 0.0;
        for (std::size_t i = 0; i < r.temperatureC.size(); ++i)
            maxDiffK = std::max(maxDiffK, std::abs(r.temperatureC[i] - pooled.temperatureC[i]));
        const double cpuMs = bestThreadCpuMs([&] { r = engine::solveThermal(p.spec, p.sources, perUnit); });
        qInfo("%zu return weights, %d passes, %d iterations; max |dT| to the plenum formulation %.1e K; best thread CPU %.0f ms", weights,
              r.activeSetPasses, r.iterations, maxDiffK, cpuMs);
        QVERIFY(maxDiffK < 1e-6);
    }
};

QTEST_MAIN(BenchOverlays)
#include "bench_overlays.moc"
