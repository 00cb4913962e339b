// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `terahall report` and `terahall compare -o OUT.pdf`: success, and bad input (unknown chip, an
// equaliser nobody meets, unwritable output, wrong suffix or paper) -> exit 2, a clear message,
// and nothing (not even a temporary) left under the output name.
#include "tests/support/testpaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    Run run(const QStringList &args, bool withDisplayVar = false)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TERAHALL_CATALOG"), m_dir.filePath(QStringLiteral("catalog.sqlite")));
        // The CLI must pick the offscreen platform itself when none is set.
        if (!withDisplayVar)
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(th::test::binaryDir() + QStringLiteral("/bin/terahall"), args);
        if (!p.waitForStarted())
            return {};
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QString plan() const { return th::test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan")); }
    QString scenario()
    {
        const QJsonObject sc{{QStringLiteral("schema"), QStringLiteral("terahall.scenario/1")},
                             {QStringLiteral("model"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("llama2-70b")}}},
                             {QStringLiteral("training"), QJsonObject{{QStringLiteral("tokens"), 1e12},
                                                                      {QStringLiteral("global_batch_tokens"), 4194304},
                                                                      {QStringLiteral("mfu"), QJsonValue::Null}}},
                             {QStringLiteral("cluster"), QJsonObject{{QStringLiteral("chip"), QStringLiteral("nvidia-h100-sxm")},
                                                                     {QStringLiteral("count"), 1024}}}};
        QFile f(m_dir.filePath(QStringLiteral("scenario.json")));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(sc).toJson());
        return f.fileName();
    }
    /// Files in `dir` whose name contains `stem` (the output or its temporaries).
    static QStringList leftovers(const QString &dir, const QString &stem)
    {
        return QDir(dir).entryList({QStringLiteral("*") + stem + QStringLiteral("*")}, QDir::Files | QDir::Hidden);
    }

private slots:
    void reportSucceedsWithoutDisplay()
    {
        const QString out = m_dir.filePath(QStringLiteral("ok.pdf"));
        const Run r = run({QStringLiteral("report"), plan(), QStringLiteral("-o"), out, QStringLiteral("--compare"),
                           QStringLiteral("nvidia-h100-sxm,nvidia-gb200"), QStringLiteral("--paper"), QStringLiteral("letter")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        QCOMPARE(leftovers(m_dir.path(), QStringLiteral("ok.pdf")), QStringList{QStringLiteral("ok.pdf")});
    }

    void reportBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("message");
        const QString dir = m_dir.path();
        const QString p = plan();
        QTest::newRow("unknown-chip") << QStringList{QStringLiteral("report"), p, QStringLiteral("-o"), dir + QStringLiteral("/u.pdf"),
                                                     QStringLiteral("--compare"), QStringLiteral("nvidia-h100-sxm,acme-9000")}
                                      << dir + QStringLiteral("/u.pdf") << QStringLiteral("unknown chip or system \"acme-9000\"");
        QTest::newRow("unwritable-dir") << QStringList{QStringLiteral("report"), p, QStringLiteral("-o"), QStringLiteral("/nonexistent/dir/r.pdf")}
                                        << QStringLiteral("/nonexistent/dir/r.pdf") << QStringLiteral("cannot write /nonexistent/dir/r.pdf");
        QTest::newRow("proc") << QStringList{QStringLiteral("report"), p, QStringLiteral("-o"), QStringLiteral("/proc/r.pdf")}
                              << QStringLiteral("/proc/r.pdf") << QStringLiteral("cannot write /proc/r.pdf");
        QTest::newRow("output-is-dir") << QStringList{QStringLiteral("report"), p, QStringLiteral("-o"), dir + QStringLiteral("/adir.pdf")}
                                       << dir + QStringLiteral("/adir.pdf/x") << QStringLiteral("cannot write");
        QTest::newRow("not-pdf") << QStringList{QStringLiteral("report"), p, QStringLiteral("-o"), dir + QStringLiteral("/r.txt")}
                                 << dir + QStringLiteral("/r.txt") << QStringLiteral("must end in .pdf");
        QTest::newRow("no-output") << QStringList{QStringLiteral("report"), p} << QString() << QStringLiteral("-o: needs the output file");
        QTest::newRow("bad-paper") << QStringList{QStringLiteral("report"), p, QStringLiteral("-o"), dir + QStringLiteral("/b.pdf"),
                                                  QStringLiteral("--paper"), QStringLiteral("a3")}
                                   << dir + QStringLiteral("/b.pdf") << QStringLiteral("--paper: must be a4 or letter");
        QTest::newRow("missing-plan") << QStringList{QStringLiteral("report"), dir + QStringLiteral("/none.thplan"), QStringLiteral("-o"),
                                                     dir + QStringLiteral("/m.pdf")}
                                      << dir + QStringLiteral("/m.pdf") << QStringLiteral("none.thplan");
    }

    void reportBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, output);
        QFETCH(QString, message);
        QDir(m_dir.path()).mkpath(QStringLiteral("adir.pdf"));
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        if (!output.isEmpty()) {
            QVERIFY(!QFileInfo(output).isFile());
            const QFileInfo info(output);
            if (info.dir().exists())
                QVERIFY2(leftovers(info.dir().path(), info.fileName()).isEmpty(), qPrintable(leftovers(info.dir().path(), info.fileName()).join(u',')));
        }
    }

    void comparePdf()
    {
        const QString sc = scenario();
        const QString out = m_dir.filePath(QStringLiteral("cmp.pdf"));
        Run r = run({QStringLiteral("compare"), sc, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm,nvidia-gb200,huawei-ascend-910c"),
                     QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        f.close();
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QProcess t;
            t.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
            QVERIFY(t.waitForFinished());
            const QByteArray text = t.readAllStandardOutput();
            QVERIFY(text.contains("Vendor comparison"));
            QVERIFY(text.contains("Huawei"));
            QVERIFY(text.contains("Tokens per kWh"));
        }
        // Unknown chip: exit 2, nothing written.
        const QString bad = m_dir.filePath(QStringLiteral("cmp-bad.pdf"));
        r = run({QStringLiteral("compare"), sc, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm,acme-9000"), QStringLiteral("-o"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown chip or system \"acme-9000\""));
        QVERIFY(leftovers(m_dir.path(), QStringLiteral("cmp-bad")).isEmpty());
        // An equaliser nobody meets: exit 2 with the reason, nothing written.
        r = run({QStringLiteral("compare"), sc, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm"), QStringLiteral("--equalize"),
                 QStringLiteral("deadline=1"), QStringLiteral("--power-cap"), QStringLiteral("0.5"), QStringLiteral("-o"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no candidate meets the deadline equaliser"), r.err.constData());
        QVERIFY(leftovers(m_dir.path(), QStringLiteral("cmp-bad")).isEmpty());
        // Unwritable output.
        r = run({QStringLiteral("compare"), sc, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm"), QStringLiteral("-o"),
                 QStringLiteral("/nonexistent/dir/c.pdf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot write /nonexistent/dir/c.pdf"));
        // Bad paper.
        r = run({QStringLiteral("compare"), sc, QStringLiteral("--chips"), QStringLiteral("nvidia-h100-sxm"), QStringLiteral("-o"), bad,
                 QStringLiteral("--paper"), QStringLiteral("tabloid")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(leftovers(m_dir.path(), QStringLiteral("cmp-bad")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
