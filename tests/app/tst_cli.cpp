// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fuzzycompare.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString catalogPath() const { return m_dir.filePath(QStringLiteral("catalog.sqlite")); }
    QString writeFile(const QString &name, const QByteArray &data)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(data);
        return f.fileName();
    }

    Run run(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TERAHALL_CATALOG"), catalogPath());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(th::test::binaryDir() + QStringLiteral("/bin/terahall"), args);
        if (!p.waitForStarted())
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QString sample(const char *name) const
    {
        return th::test::sourcePath(QStringLiteral("data/samples/scenarios/") + QString::fromLatin1(name));
    }

    QJsonObject gpt3Scenario() const
    {
        QFile f(sample("gpt3-175b-1024-h100.json"));
        f.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void versionAndHelp()
    {
        Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("terahall "));
        r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("estimate SCENARIO.json"));
        r = run({QStringLiteral("estimate"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("terahall.scenario/1"));
        r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("estimate"), sample("gpt3-175b-1024-h100.json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--format"));
    }

    void estimateGpt3()
    {
        const Run r = run({QStringLiteral("estimate"), sample("gpt3-175b-1024-h100.json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("terahall.estimate/1"));
        const QJsonObject t = o.value(QStringLiteral("training")).toObject();
        // 6 * 175e9 * 300e9 = 3.15e23 FLOP; T = 3.15e23 / (1024 * 989.4e12 * 0.45) = 7.9967 days.
        TH_FUZZY_COMPARE(t.value(QStringLiteral("flops_total")).toDouble(), 3.15e23, 1e-12);
        TH_FUZZY_COMPARE(t.value(QStringLiteral("days")).toDouble(), 7.9967, 1e-4);
        TH_FUZZY_COMPARE(t.value(QStringLiteral("chip_hours")).toDouble(), 196530, 1e-4);
        QCOMPARE(t.value(QStringLiteral("mfu_source")).toString(), QStringLiteral("input"));
        QVERIFY(o.value(QStringLiteral("memory")).toObject().value(QStringLiteral("fits")).toBool());
        QCOMPARE(o.value(QStringLiteral("parallelism")).toObject().value(QStringLiteral("tp")).toInt(), 8);
        const QJsonObject e = o.value(QStringLiteral("energy")).toObject();
        TH_FUZZY_COMPARE(e.value(QStringLiteral("facility_mwh")).toDouble(), e.value(QStringLiteral("it_mwh")).toDouble() * 1.25, 1e-12);
    }

    void estimateFromStdinAndText()
    {
        QFile f(sample("gpt3-175b-1024-h100.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Run r = run({QStringLiteral("estimate"), QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("text")}, f.readAll());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("8.00 days"), r.out.constData());
    }

    void everySampleScenarioRuns_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"gpt3-175b-1024-h100.json", "llama3.1-405b-16384-h100.json", "llama2-70b-1024-ascend910b.json",
                                 "deepseek-v3-2048-h800.json"})
            QTest::newRow(name) << sample(name);
    }
    void everySampleScenarioRuns()
    {
        QFETCH(QString, file);
        const Run r = run({QStringLiteral("estimate"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.json().value(QStringLiteral("training")).toObject().value(QStringLiteral("days")).toDouble() > 0);
    }

    // Each class of bad input of the issue: exit 2, message naming the field and the range.
    void badInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QJsonObject s = gpt3Scenario();
        auto with = [&](const QString &section, const QString &key, const QJsonValue &v) {
            QJsonObject copy = s;
            QJsonObject sub = copy.value(section).toObject();
            if (v.isUndefined())
                sub.remove(key);
            else
                sub.insert(key, v);
            copy.insert(section, sub);
            return QJsonDocument(copy).toJson();
        };
        QTest::newRow("malformed-json") << QByteArray("{\"model\": ") << QStringLiteral("/: malformed JSON at line 1");
        QTest::newRow("missing-field") << with(QStringLiteral("training"), QStringLiteral("tokens"), QJsonValue(QJsonValue::Undefined))
                                       << QStringLiteral("/training/tokens: is required");
        QTest::newRow("wrong-type") << with(QStringLiteral("cluster"), QStringLiteral("count"), QStringLiteral("many"))
                                    << QStringLiteral("/cluster/count: must be an integer in [1, 10000000], got \"many\"");
        QTest::newRow("negative") << with(QStringLiteral("cluster"), QStringLiteral("count"), -4)
                                  << QStringLiteral("/cluster/count: must be an integer in [1, 10000000], got -4");
        QTest::newRow("zero") << with(QStringLiteral("training"), QStringLiteral("tokens"), 0) << QStringLiteral("/training/tokens: must be a number in [1000000, 1e+17], got 0");
        QTest::newRow("nan") << QByteArray(QJsonDocument(s).toJson().replace("0.45", "NaN")) << QStringLiteral("malformed JSON");
        QTest::newRow("infinite") << QByteArray(QJsonDocument(s).toJson().replace("300000000000", "1e999")) << QStringLiteral("malformed JSON at line");
        QTest::newRow("absurd-params") << with(QStringLiteral("model"), QStringLiteral("params"), 1e40) << QStringLiteral("/model/params: must be a number in [1000000, 1e+14], got 1e+40");
        QTest::newRow("mfu-1.5") << with(QStringLiteral("training"), QStringLiteral("mfu"), 1.5) << QStringLiteral("/training/mfu: must be a number in (0, 1], got 1.5");
        QTest::newRow("unknown-chip") << with(QStringLiteral("cluster"), QStringLiteral("chip"), QStringLiteral("acme-x1")) << QStringLiteral("/cluster/chip: unknown chip \"acme-x1\"");
        QTest::newRow("unknown-preset") << with(QStringLiteral("model"), QStringLiteral("preset"), QStringLiteral("gpt-9")) << QStringLiteral("/model/preset: unknown model preset \"gpt-9\"");
        QJsonObject p = s.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("parallelism")).toObject();
        p.insert(QStringLiteral("dp"), 32);
        QTest::newRow("parallelism-product") << with(QStringLiteral("cluster"), QStringLiteral("parallelism"), p)
                                             << QStringLiteral("/cluster/parallelism: tp x pp x dp x cp = 8 x 8 x 32 x 1 = 2048 must equal /cluster/count (1024)");
        {
            QJsonObject noBatch = s;
            QJsonObject t = noBatch.value(QStringLiteral("training")).toObject();
            t.insert(QStringLiteral("mfu"), QJsonValue::Null);
            t.remove(QStringLiteral("global_batch_tokens"));
            noBatch.insert(QStringLiteral("training"), t);
            QTest::newRow("mfu-null-without-batch") << QJsonDocument(noBatch).toJson() << QStringLiteral("/training/global_batch_tokens: is required when MFU is estimated");
            QJsonObject noArch = noBatch;
            noArch.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("params"), 7e9}});
            t.insert(QStringLiteral("global_batch_tokens"), 4e6);
            noArch.insert(QStringLiteral("training"), t);
            QTest::newRow("mfu-null-without-architecture") << QJsonDocument(noArch).toJson() << QStringLiteral("/model: estimating MFU needs the architecture");
        }
    }
    void badInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const QString path = writeFile(QStringLiteral("bad.json"), input);
        const Run r = run({QStringLiteral("estimate"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
        QVERIFY(r.out.isEmpty()); // nothing half-printed on stdout
    }

    void estimateWithModelledMfu()
    {
        // GPT-3 175B on 1,024 H100 with the Megatron layout pinned: MFU comes from the
        // performance model, and the breakdown adds up to the step time.
        QJsonObject sc = gpt3Scenario();
        QJsonObject t = sc.value(QStringLiteral("training")).toObject();
        t.insert(QStringLiteral("mfu"), QJsonValue::Null);
        sc.insert(QStringLiteral("training"), t);
        const Run r = run({QStringLiteral("estimate"), writeFile(QStringLiteral("modelled.json"), QJsonDocument(sc).toJson())});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("training")).toObject().value(QStringLiteral("mfu_source")).toString(), QStringLiteral("model"));
        const double mfu = o.value(QStringLiteral("training")).toObject().value(QStringLiteral("mfu")).toDouble();
        // Well-tuned dense training runs at 35-55 % MFU (DOMAIN.md §2).
        QVERIFY2(mfu > 0.30 && mfu < 0.60, QByteArray::number(mfu).constData());
        QCOMPARE(o.value(QStringLiteral("parallelism")).toObject().value(QStringLiteral("tp")).toInt(), 8);
        double sum = 0.0;
        const QJsonObject b = o.value(QStringLiteral("breakdown_s")).toObject();
        for (auto it = b.begin(); it != b.end(); ++it)
            sum += it.value().toDouble();
        TH_FUZZY_COMPARE(sum, o.value(QStringLiteral("training")).toObject().value(QStringLiteral("step_time_s")).toDouble(), 1e-6);
        QVERIFY(!o.value(QStringLiteral("bound_by")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("calibration")).toObject().value(QStringLiteral("measured")).toBool());
        // Days follow from the modelled MFU exactly as from a typed one.
        TH_FUZZY_COMPARE(o.value(QStringLiteral("training")).toObject().value(QStringLiteral("days")).toDouble(),
                         3.15e23 / (1024 * 989.4e12 * mfu) / 86400.0, 1e-9);
    }

    void searchFindsLayouts()
    {
        QJsonObject sc = gpt3Scenario();
        QJsonObject c = sc.value(QStringLiteral("cluster")).toObject();
        c.remove(QStringLiteral("parallelism"));
        sc.insert(QStringLiteral("cluster"), c);
        const QString file = writeFile(QStringLiteral("search.json"), QJsonDocument(sc).toJson());
        Run r = run({QStringLiteral("search"), file, QStringLiteral("--top"), QStringLiteral("4")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("terahall.search/1"));
        const QJsonArray cands = o.value(QStringLiteral("candidates")).toArray();
        QCOMPARE(cands.size(), 4);
        double previous = 0.0;
        for (const QJsonValue &v : cands) {
            const QJsonObject p = v.toObject().value(QStringLiteral("parallelism")).toObject();
            QCOMPARE(p.value(QStringLiteral("tp")).toInt() * p.value(QStringLiteral("pp")).toInt() * p.value(QStringLiteral("dp")).toInt()
                         * p.value(QStringLiteral("cp")).toInt(), 1024);
            QVERIFY(p.value(QStringLiteral("tp")).toInt() <= 8); // inside the NVLink domain
            const double step = v.toObject().value(QStringLiteral("step_time_s")).toDouble();
            QVERIFY(step >= previous); // fastest first
            previous = step;
            QVERIFY(v.toObject().value(QStringLiteral("memory")).toObject().value(QStringLiteral("fits")).toBool());
        }
        const QJsonObject counts = o.value(QStringLiteral("counts")).toObject();
        double rejected = 0;
        const QJsonObject rej = counts.value(QStringLiteral("rejected")).toObject();
        for (auto it = rej.begin(); it != rej.end(); ++it)
            rejected += it.value().toDouble();
        QCOMPARE(counts.value(QStringLiteral("combinations")).toDouble(),
                 counts.value(QStringLiteral("feasible")).toDouble() + rejected + counts.value(QStringLiteral("pruned")).toDouble());
        QVERIFY(rej.value(QStringLiteral("out_of_memory")).toDouble() > 0);
        r = run({QStringLiteral("search"), file, QStringLiteral("--top"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--top: must be an integer in [1, 100]"));
    }

    void impossibleRequestIsExplained()
    {
        // Llama 3.1 405B on 8 H100: fits nowhere. An explained result, exit 0 (1 with --strict).
        QJsonObject sc{{QStringLiteral("schema"), QStringLiteral("terahall.scenario/1")},
                       {QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("llama3.1-405b")}}},
                       {QStringLiteral("training"), QJsonObject{{QStringLiteral("tokens"), 1e12},
                                                                {QStringLiteral("global_batch_sequences"), 512},
                                                                {QStringLiteral("mfu"), QJsonValue::Null}}},
                       {QStringLiteral("cluster"), QJsonObject{{QStringLiteral("chip"), QStringLiteral("nvidia-h100-sxm")},
                                                               {QStringLiteral("count"), 8}}}};
        const QString file = writeFile(QStringLiteral("impossible.json"), QJsonDocument(sc).toJson());
        Run r = run({QStringLiteral("estimate"), file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("feasible")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("out_of_memory"));
        QVERIFY(!r.json().value(QStringLiteral("message")).toString().isEmpty());
        r = run({QStringLiteral("estimate"), file, QStringLiteral("--strict")});
        QCOMPARE(r.exitCode, 1);
        // Pinned tp larger than the NVLink domain: explained too.
        QJsonObject c = sc.value(QStringLiteral("cluster")).toObject();
        c.insert(QStringLiteral("count"), 16);
        c.insert(QStringLiteral("parallelism"), QJsonObject{{QStringLiteral("tp"), 16}, {QStringLiteral("pp"), 1}, {QStringLiteral("micro_batch"), 1},
                                                             {QStringLiteral("recompute"), QStringLiteral("full")}, {QStringLiteral("zero"), 1}});
        sc.insert(QStringLiteral("cluster"), c);
        r = run({QStringLiteral("estimate"), writeFile(QStringLiteral("tp16.json"), QJsonDocument(sc).toJson())});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("tp_exceeds_scale_up_domain"));
    }

    void compareEqualisers()
    {
        // Llama 2 70B, 1T tokens, MFU estimated; three vendors.
        const QJsonObject sc{{QStringLiteral("schema"), QStringLiteral("terahall.scenario/1")},
                             {QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("llama2-70b")}}},
                             {QStringLiteral("training"), QJsonObject{{QStringLiteral("tokens"), 1e12},
                                                                      {QStringLiteral("global_batch_tokens"), 4194304},
                                                                      {QStringLiteral("mfu"), QJsonValue::Null}}},
                             {QStringLiteral("cluster"), QJsonObject{{QStringLiteral("chip"), QStringLiteral("nvidia-h100-sxm")},
                                                                     {QStringLiteral("count"), 1024}}}};
        const QString file = writeFile(QStringLiteral("compare.json"), QJsonDocument(sc).toJson());
        const QString chips = QStringLiteral("nvidia-h100-sxm,nvidia-gb200,huawei-ascend-910c");
        // Same chip count (the scenario's 1,024).
        Run r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), chips});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray c = r.json().value(QStringLiteral("candidates")).toArray();
        QCOMPARE(c.size(), 3);
        for (const QJsonValue &v : c) {
            QVERIFY2(v.toObject().value(QStringLiteral("feasible")).toBool(), qPrintable(v.toObject().value(QStringLiteral("reason")).toString()));
            QCOMPARE(v.toObject().value(QStringLiteral("chips")).toDouble(), 1024.0);
        }
        // GB200 (2,500 dense BF16 TFLOPS) must train faster than H100 (989) at the same count.
        QVERIFY(c.at(1).toObject().value(QStringLiteral("days")).toDouble() < c.at(0).toObject().value(QStringLiteral("days")).toDouble());
        // Same power envelope: 5 MW facility -> whole systems that fit inside it.
        r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), chips, QStringLiteral("--equalize"), QStringLiteral("power=5")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        c = r.json().value(QStringLiteral("candidates")).toArray();
        for (const QJsonValue &v : c) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(QStringLiteral("facility_mw")).toDouble() <= 5.0);
            QVERIFY(o.value(QStringLiteral("chips")).toDouble() > 0);
        }
        QCOMPARE(std::fmod(c.at(1).toObject().value(QStringLiteral("chips")).toDouble(), 72.0), 0.0); // whole NVL72 racks
        // Deadline: the fewest H100s that train within 30 days; one system fewer misses it.
        r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm"), QStringLiteral("--equalize"),
                 QStringLiteral("deadline=30")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject d = r.json().value(QStringLiteral("candidates")).toArray().at(0).toObject();
        QVERIFY(d.value(QStringLiteral("days")).toDouble() <= 30.0);
        const int n = int(d.value(QStringLiteral("chips")).toDouble());
        QJsonObject fewer = sc;
        QJsonObject cl = fewer.value(QStringLiteral("cluster")).toObject();
        cl.insert(QStringLiteral("count"), n - 8);
        fewer.insert(QStringLiteral("cluster"), cl);
        r = run({QStringLiteral("compare"), writeFile(QStringLiteral("fewer.json"), QJsonDocument(fewer).toJson()), QStringLiteral("--chips"),
                 QStringLiteral("nvidia-h100-sxm")});
        QVERIFY(r.json().value(QStringLiteral("candidates")).toArray().at(0).toObject().value(QStringLiteral("days")).toDouble() > 30.0);
        // A deadline nobody meets inside a power cap: exit 2 with the reason.
        r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm"), QStringLiteral("--equalize"),
                 QStringLiteral("deadline=1"), QStringLiteral("--power-cap"), QStringLiteral("0.5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no candidate meets the deadline equaliser"), r.err.constData());
        // Unknown chip, unwritable output, PDF not yet: exit 2, nothing left behind.
        r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm,acme-9000")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--chips: unknown chip or system \"acme-9000\""));
        const QString csv = m_dir.filePath(QStringLiteral("cmp.csv"));
        r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), chips, QStringLiteral("-o"), csv});
        QCOMPARE(r.exitCode, 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 4); // header + 3 candidates
        r = run({QStringLiteral("compare"), file, QStringLiteral("--chips"), chips, QStringLiteral("-o"), QStringLiteral("/nonexistent/dir/x.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/dir/x.csv")));
    }

    void missingFile()
    {
        const Run r = run({QStringLiteral("estimate"), m_dir.filePath(QStringLiteral("nope.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot read"));
    }

    void catalogListShowExport()
    {
        Run r = run({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("chip")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = r.json().value(QStringLiteral("rows")).toArray();
        QVERIFY(rows.size() >= 30);
        r = run({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("huawei-ascend-910c")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("vendor")).toString(), QStringLiteral("Huawei"));
        QVERIFY(!r.json().value(QStringLiteral("source")).toString().isEmpty());
        r = run({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("no-such-thing")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("gpu")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--kind: must be one of"));
        const QString out = m_dir.filePath(QStringLiteral("models.csv"));
        r = run({QStringLiteral("catalog"), QStringLiteral("export"), out, QStringLiteral("--kind"), QStringLiteral("model")});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("id,name,family,params"));
    }

    void catalogImportAllOrNothing()
    {
        const Run listBefore = run({QStringLiteral("catalog"), QStringLiteral("list")});
        const QString exported = m_dir.filePath(QStringLiteral("chips.csv"));
        QCOMPARE(run({QStringLiteral("catalog"), QStringLiteral("export"), exported}).exitCode, 0);
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        // Two new rows; the second has a bad TDP in column tdp_w.
        QByteArray good = lines.at(1);
        good.replace(0, good.indexOf(','), "cli-good-chip");
        QByteArray bad = lines.at(2);
        bad.replace(0, bad.indexOf(','), "cli-bad-chip");
        const QList<QByteArray> header = lines.at(0).split(',');
        QList<QByteArray> badFields = bad.split(','); // the first columns hold no quoted commas
        badFields[int(header.indexOf("tdp_w"))] = "-5";
        const QString file = writeFile(QStringLiteral("import.csv"), lines.at(0) + '\n' + good + '\n' + badFields.join(',') + '\n');
        Run r = run({QStringLiteral("catalog"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("line 3, column tdp_w: must be in [1, 1000000] W, got -5"), r.err.constData());
        QCOMPARE(run({QStringLiteral("catalog"), QStringLiteral("list")}).out, listBefore.out);

        const QString fixed = writeFile(QStringLiteral("import2.csv"), lines.at(0) + '\n' + good + '\n');
        r = run({QStringLiteral("catalog"), QStringLiteral("import"), fixed});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("imported")).toInt(), 1);
        r = run({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("cli-good-chip")});
        QCOMPARE(r.json().value(QStringLiteral("origin")).toString(), QStringLiteral("user"));
    }

    void unwritableExport()
    {
        const Run r = run({QStringLiteral("catalog"), QStringLiteral("export"), QStringLiteral("/proc/forbidden/out.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot write"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
