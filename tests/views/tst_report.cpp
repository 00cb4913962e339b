// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PDF report, headless: for every sample plan `terahall report` writes a PDF whose text
// (pdftotext) holds the KPI values of `terahall evaluate` formatted by the shared helper
// (model/analysis/kpiformat.h), with enough pages and embedded fonts; Chinese labels embed a
// CJK font; A4 and Letter give their page sizes. Needs poppler-utils (skips without).
#include "model/analysis/kpiformat.h"
#include "model/analysis/reportdata.h"
#include "model/catalog/catalog.h"
#include "model/io/planfile.h"
#include "tests/support/testpaths.h"
#include "views/report/reportrenderer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace th;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runTool(const QString &program, const QStringList &args, const QString &catalog = QString())
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!catalog.isEmpty())
        env.insert(QStringLiteral("TERAHALL_CATALOG"), catalog);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted())
        return {};
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

bool havePoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
           && !QStandardPaths::findExecutable(QStringLiteral("pdffonts")).isEmpty()
           && !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty();
}

int pageCount(const QString &pdf)
{
    const Run r = runTool(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(r.out));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pageSize(const QString &pdf)
{
    const Run r = runTool(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+ x [0-9.]+) pts")).match(QString::fromUtf8(r.out));
    return m.hasMatch() ? m.captured(1) : QString();
}

/// pdffonts rows: name, and whether it is embedded.
QList<QPair<QString, bool>> fonts(const QString &pdf)
{
    QList<QPair<QString, bool>> out;
    const Run r = runTool(QStringLiteral("pdffonts"), {pdf});
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 2; i < lines.size(); ++i) {
        // Columns: name type [type] encoding emb sub uni object ID; emb is the 5th field from the end.
        const QStringList f = lines[i].simplified().split(QLatin1Char(' '));
        if (f.size() >= 6)
            out.append({f.front(), f.at(f.size() - 5) == QLatin1String("yes")});
    }
    return out;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString catalogPath() const { return m_dir.filePath(QStringLiteral("catalog.sqlite")); }
    QString terahall() const { return th::test::binaryDir() + QStringLiteral("/bin/terahall"); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(terahall()), qPrintable(terahall()));
    }

    void samplePlans_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("minPages");
        const QDir samples(th::test::sourcePath(QStringLiteral("data/samples")));
        const QStringList files = samples.entryList({QStringLiteral("*.thplan")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 5);
        for (const QString &f : files) {
            const PlanReadResult read = readPlanFile(samples.filePath(f));
            QVERIFY(read.plan);
            // Cover, summary, a page per hall, BOM, power and cooling, assumptions; training when attached.
            const int minPages = 5 + int(read.plan->halls().size()) + (read.plan->workload() ? 1 : 0);
            QTest::newRow(qPrintable(f)) << samples.filePath(f) << minPages;
        }
        QTest::newRow("chinese-label") << th::test::sourcePath(QStringLiteral("tests/testdata/report/chinese-label.thplan")) << 7;
    }

    void samplePlans()
    {
        if (!havePoppler())
            QSKIP("poppler-utils (pdftotext, pdffonts, pdfinfo) not installed");
        QFETCH(QString, plan);
        QFETCH(int, minPages);
        const QString pdf = m_dir.filePath(QFileInfo(plan).completeBaseName() + QStringLiteral(".pdf"));
        const Run report = runTool(terahall(), {QStringLiteral("report"), plan, QStringLiteral("-o"), pdf}, catalogPath());
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QVERIFY(QFileInfo(pdf).size() > 1000);

        // The executive summary holds every KPI of `terahall evaluate`, formatted identically.
        const Run evaluate = runTool(terahall(), {QStringLiteral("evaluate"), plan}, catalogPath());
        QCOMPARE(evaluate.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(evaluate.out).object();
        QVERIFY(!json.isEmpty());
        const Run text = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QCOMPARE(text.exitCode, 0);
        // NFKC: fonts ligate "fi" (U+FB01); compatibility normalisation undoes that. Chinese text
        // is checked below WITHOUT normalisation (searchability).
        const QString pdfText = QString::fromUtf8(text.out).normalized(QString::NormalizationForm_KC);
        const QList<KpiEntry> kpis = evaluationKpis(json);
        QVERIFY(kpis.size() >= 15);
        for (const KpiEntry &k : kpis) {
            const QRegularExpression line(QRegularExpression::escape(k.label) + QStringLiteral("\\s+") + QRegularExpression::escape(k.value)
                                          + QStringLiteral("(\\s|$)"));
            QVERIFY2(pdfText.contains(line), qPrintable(QStringLiteral("%1 = %2 not in the report").arg(k.label, k.value)));
        }
        if (json.value(QStringLiteral("training")).isObject())
            QVERIFY(pdfText.contains(QStringLiteral("Training estimate")));
        QVERIFY(pdfText.contains(json.value(QStringLiteral("plan")).toString().normalized(QString::NormalizationForm_KC).left(12)));
        for (const char *section : {"Executive summary", "Floor plan", "Bill of materials", "Power and cooling", "Assumptions", "Catalog sources"})
            QVERIFY2(pdfText.contains(QLatin1String(section)), section);
        QVERIFY(pdfText.contains(QRegularExpression(QStringLiteral("Page 2 of \\d+"))));
        // The indicative thermal map: one row per hall with the figures `terahall evaluate` gives.
        const QJsonArray thermalHalls =
            json.value(QStringLiteral("facility")).toObject().value(QStringLiteral("thermal")).toObject().value(QStringLiteral("halls")).toArray();
        if (!thermalHalls.isEmpty())
            QVERIFY(pdfText.contains(QStringLiteral("Thermal map (indicative, not CFD)")));
        for (const QJsonValue &v : thermalHalls) {
            const QJsonObject h = v.toObject();
            const QRegularExpression row(QRegularExpression::escape(h.value(QStringLiteral("name")).toString()) + QStringLiteral("\\s+")
                                         + QString::number(h.value(QStringLiteral("racks")).toInt()) + QStringLiteral("\\s+")
                                         + QRegularExpression::escape(QString::number(h.value(QStringLiteral("inlet_max_c")).toDouble(), 'f', 1))
                                         + QStringLiteral("\\s+\\d+\\s+\\d+\\s+")
                                         + QRegularExpression::escape(QString::number(h.value(QStringLiteral("rci_hi_pct")).toDouble(), 'f', 1)));
            QVERIFY2(pdfText.contains(row), qPrintable(QStringLiteral("thermal row %1 not in the report").arg(row.pattern())));
        }

        const int pages = pageCount(pdf);
        QVERIFY2(pages >= minPages, qPrintable(QStringLiteral("%1 pages, expected at least %2").arg(pages).arg(minPages)));
        const auto fontList = fonts(pdf);
        QVERIFY(!fontList.isEmpty());
        for (const auto &f : fontList)
            QVERIFY2(f.second, qPrintable(QStringLiteral("font %1 is not embedded").arg(f.first)));

        const bool chinese = QFileInfo(plan).completeBaseName() == QLatin1String("chinese-label");
        const bool hasCjkFont = std::any_of(fontList.begin(), fontList.end(), [](const auto &f) {
            return f.first.contains(QLatin1String("WenQuanYi")) || f.first.contains(QLatin1String("CJK"));
        });
        if (chinese) {
            QVERIFY2(hasCjkFont, "no CJK font embedded for the Chinese labels");
            // Raw extraction, no normalisation: what a PDF viewer's search sees. "中文" holds 文,
            // which Noto Sans CJK shares with the Kangxi radical U+2F42 (see reportFont()).
            const Run raw = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            const QString rawText = QString::fromUtf8(raw.out);
            for (const QString &s : {QStringLiteral("一号机房"), QStringLiteral("机柜A01"), QStringLiteral("中文标签测试")})
                QVERIFY2(rawText.contains(s), qPrintable(QStringLiteral("Chinese text \"%1\" is not searchable in the PDF").arg(s)));
            for (const QChar c : rawText)
                QVERIFY2(c.unicode() < 0x2E80 || c.unicode() > 0x2FDF, "a CJK radical code point was extracted instead of an ideograph");
        }
    }

    void paperSizes()
    {
        if (!havePoppler())
            QSKIP("poppler-utils not installed");
        const QString plan = th::test::sourcePath(QStringLiteral("data/samples/overloaded-retrofit.thplan"));
        const QString a4 = m_dir.filePath(QStringLiteral("a4.pdf"));
        const QString letter = m_dir.filePath(QStringLiteral("letter.pdf"));
        QCOMPARE(runTool(terahall(), {QStringLiteral("report"), plan, QStringLiteral("-o"), a4, QStringLiteral("--paper"), QStringLiteral("a4")},
                         catalogPath()).exitCode, 0);
        QCOMPARE(runTool(terahall(), {QStringLiteral("report"), plan, QStringLiteral("-o"), letter, QStringLiteral("--paper"), QStringLiteral("letter")},
                         catalogPath()).exitCode, 0);
        QCOMPARE(pageSize(a4), QStringLiteral("595 x 842"));
        QCOMPARE(pageSize(letter), QStringLiteral("612 x 792"));
    }

    /// In-process: the comparison section and its charts, A4, through the same renderer.
    void inProcessWithComparison()
    {
        if (!havePoppler())
            QSKIP("poppler-utils not installed");
        Catalog catalog;
        QString error;
        QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
        const PlanReadResult read = readPlanFile(th::test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan")));
        QVERIFY(read.plan);
        const CatalogCache cache(&catalog);
        ReportRequest request;
        request.version = QStringLiteral("test");
        request.compareChipIds = {QStringLiteral("nvidia-h100-sxm"), QStringLiteral("nvidia-gb200"), QStringLiteral("huawei-ascend-910c")};
        const ReportData data = buildReportData(*read.plan, cache, PlanAssumptions{}, request);
        QVERIFY(data.errors.isEmpty());
        QVERIFY(data.comparison);
        QCOMPARE(data.comparison->candidates.size(), 3);
        QVERIFY(data.sensitivity);
        QCOMPARE(data.bomTotalUsd, data.evaluation.capexUsd);
        const QString pdf = m_dir.filePath(QStringLiteral("compare-inprocess.pdf"));
        QVERIFY2(ReportRenderer::writePdf(data, pdf, {}, &error), qPrintable(error));
        const QString text = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
        QVERIFY(text.contains(QStringLiteral("Vendor comparison")));
        for (const ComparisonCandidate &c : data.comparison->candidates)
            QVERIFY2(text.contains(c.vendor), qPrintable(c.vendor));
        QVERIFY(text.contains(QStringLiteral("Sensitivity of cost per run")));

        // Unknown comparison chip: an error, nothing rendered by the CLI (tests/app).
        request.compareChipIds = {QStringLiteral("acme-9000")};
        QVERIFY(!buildReportData(*read.plan, cache, PlanAssumptions{}, request).errors.isEmpty());
    }

    void atomicWriteLeavesNothingOnFailure()
    {
        Catalog catalog;
        QString error;
        QVERIFY(catalog.openInMemory(&error));
        const PlanReadResult read = readPlanFile(th::test::sourcePath(QStringLiteral("data/samples/overloaded-retrofit.thplan")));
        QVERIFY(read.plan);
        const CatalogCache cache(&catalog);
        const ReportData data = buildReportData(*read.plan, cache, PlanAssumptions{}, {});
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("r.pdf"));
        // A render that fails: no file, no temporary left.
        QVERIFY(!writePdfAtomically(target, [](QPdfWriter &) { return false; }, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
        // Success replaces an existing file.
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY2(ReportRenderer::writePdf(data, target, {}, &error), qPrintable(error));
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
