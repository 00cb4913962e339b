// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/csv.h"

#include <QTest>

using namespace th;

class TestCsv : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("records");
        QTest::addColumn<QStringList>("lastFields");
        QTest::addColumn<int>("lastLine");
        QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << 2 << QStringList{QStringLiteral("1"), QStringLiteral("2")} << 2;
        QTest::newRow("crlf-no-final-newline") << QByteArray("a,b\r\n1,2") << 2 << QStringList{QStringLiteral("1"), QStringLiteral("2")} << 2;
        QTest::newRow("quoted-comma-quote") << QByteArray("a,b\n\"x, \"\"y\"\"\",2\n") << 2
                                            << QStringList{QStringLiteral("x, \"y\""), QStringLiteral("2")} << 2;
        QTest::newRow("multiline-field") << QByteArray("a,b\n\"l1\nl2\",3\n4,5\n") << 3
                                         << QStringList{QStringLiteral("4"), QStringLiteral("5")} << 4;
        QTest::newRow("empty-fields") << QByteArray("a,b,c\n,,\n") << 2 << QStringList{QString(), QString(), QString()} << 2;
        QTest::newRow("blank-lines-skipped") << QByteArray("a\n\n1\n") << 2 << QStringList{QStringLiteral("1")} << 3;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "a\n1\n") << 2 << QStringList{QStringLiteral("1")} << 2;
        QTest::newRow("utf8-chinese") << QByteArray("name\n\xE6\x98\x87\xE8\x85\xBE\n") << 2 << QStringList{QStringLiteral("昇腾")} << 2;
    }
    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, records);
        QFETCH(QStringList, lastFields);
        QFETCH(int, lastLine);
        const csv::ParseResult r = csv::parse(input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.records.size(), records);
        QCOMPARE(r.records.back().fields, lastFields);
        QCOMPARE(r.records.back().line, lastLine);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("line");
        QTest::newRow("unclosed-quote") << QByteArray("a\n\"abc\n") << 2;
        QTest::newRow("quote-in-unquoted") << QByteArray("a\nab\"c\n") << 2;
        QTest::newRow("text-after-quote") << QByteArray("a\n\"ab\"c\n") << 2;
        QTest::newRow("nul-byte") << QByteArray("a\n\0b\n", 5) << 0;
        QTest::newRow("invalid-utf8") << QByteArray("a\n\xff\xfe\n") << 0;
    }
    void errors()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, line);
        const csv::ParseResult r = csv::parse(input);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(r.errorLine, line);
    }

    void roundTrip()
    {
        const QStringList fields{QStringLiteral("plain"), QStringLiteral("with, comma"), QStringLiteral("with \"quote\""),
                                 QStringLiteral("multi\nline"), QString(), QStringLiteral(" padded ")};
        const QByteArray line = csv::writeRecord(fields);
        const csv::ParseResult r = csv::parse(line);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.records.size(), 1);
        QCOMPARE(r.records.front().fields, fields);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
