// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"
#include "model/catalog/catalogtablemodel.h"

#include <QFont>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace th;

class TestCatalogTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rowsAndColumns_data();
    void rowsAndColumns();
    void headersAndLookups();
    void displayText();
    void numericSortPutsEmptyLast();
    void userRowsAreMarked();
    void filterMatchesAnyColumn();

private:
    Catalog *m_catalog = nullptr;
};

void TestCatalogTableModel::init()
{
    m_catalog = new Catalog;
    QString error;
    QVERIFY2(m_catalog->openInMemory(&error), qPrintable(error));
}

void TestCatalogTableModel::cleanup()
{
    delete m_catalog;
    m_catalog = nullptr;
}

void TestCatalogTableModel::rowsAndColumns_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("chips") << int(CatalogKind::Chip);
    QTest::newRow("systems") << int(CatalogKind::System);
    QTest::newRow("equipment") << int(CatalogKind::Equipment);
    QTest::newRow("models") << int(CatalogKind::Model);
}

void TestCatalogTableModel::rowsAndColumns()
{
    QFETCH(int, kind);
    const auto k = static_cast<CatalogKind>(kind);
    CatalogTableModel model(m_catalog);
    model.setKind(k);
    QCOMPARE(model.kind(), k);
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(model.rowCount(), m_catalog->rows(k).size());
    QCOMPARE(model.columnCount(), kindSpec(k).columns.size() + 1);
    // Every cell of the id column shows the row's id, in catalog order.
    const QList<CatalogRow> rows = m_catalog->rows(k);
    for (int r = 0; r < rows.size(); ++r) {
        QCOMPARE(model.data(model.index(r, model.columnOf(QStringLiteral("id")))).toString(), rows.at(r).id());
        QCOMPARE(model.data(model.index(r, 0), CatalogTableModel::IdRole).toString(), rows.at(r).id());
    }
}

void TestCatalogTableModel::headersAndLookups()
{
    CatalogTableModel model(m_catalog);
    QCOMPARE(model.headerData(CatalogTableModel::OriginColumn, Qt::Horizontal).toString(), QStringLiteral("origin"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("id"));
    const int bf16 = model.columnOf(QStringLiteral("bf16_tflops"));
    QVERIFY(bf16 > 1);
    QVERIFY(model.headerData(bf16, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("TFLOPS")));
    QCOMPARE(model.columnOf(QStringLiteral("no_such_column")), -1);
    const int h100 = model.rowOfId(QStringLiteral("nvidia-h100-sxm"));
    QVERIFY(h100 >= 0);
    QCOMPARE(model.catalogRow(h100).id(), QStringLiteral("nvidia-h100-sxm"));
    QCOMPARE(model.rowOfId(QStringLiteral("no-such-chip")), -1);
    // The H100's dense BF16 peak is 989 TFLOPS (datasheet); the sort value is the typed number.
    QCOMPARE(model.data(model.index(h100, bf16), CatalogTableModel::SortRole).toDouble(),
             *model.catalogRow(h100).number("bf16_tflops"));
    QCOMPARE(model.data(model.index(h100, bf16), CatalogTableModel::SortRole).typeId(), QMetaType::Double);
}

void TestCatalogTableModel::displayText()
{
    const KindSpec &chip = kindSpec(CatalogKind::Chip);
    const ColumnSpec *year = chip.column(QStringLiteral("year"));
    const ColumnSpec *bidi = chip.column(QStringLiteral("scale_up_bidirectional"));
    const ColumnSpec *bf16 = chip.column(QStringLiteral("bf16_tflops"));
    QCOMPARE(CatalogTableModel::displayText(*year, qlonglong(2024)), QStringLiteral("2024"));
    QCOMPARE(CatalogTableModel::displayText(*bidi, qlonglong(1)), QStringLiteral("yes"));
    QCOMPARE(CatalogTableModel::displayText(*bidi, qlonglong(0)), QStringLiteral("no"));
    QCOMPARE(CatalogTableModel::displayText(*bf16, QVariant()), QString());
    QCOMPARE(CatalogTableModel::displayText(*bf16, 989.4), QLocale().toString(989.4, 'f', QLocale::FloatingPointShortest));
    const ColumnSpec *params = kindSpec(CatalogKind::Model).column(QStringLiteral("params"));
    QCOMPARE(CatalogTableModel::displayText(*params, 175e9), QLocale().toString(175e9, 'g', 4));
}

void TestCatalogTableModel::numericSortPutsEmptyLast()
{
    CatalogTableModel model(m_catalog);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CatalogTableModel::SortRole);
    const int fp8 = model.columnOf(QStringLiteral("fp8_tflops"));
    proxy.sort(fp8, Qt::AscendingOrder);
    bool seenEmpty = false;
    int withValue = 0;
    double previous = -1.0;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QVariant v = proxy.data(proxy.index(r, fp8), CatalogTableModel::SortRole);
        if (!v.isValid()) {
            seenEmpty = true;
            continue;
        }
        QVERIFY2(!seenEmpty, "an empty cell sorted before a value");
        QVERIFY2(v.toDouble() >= previous, "not numerically ascending");
        previous = v.toDouble();
        ++withValue;
    }
    QVERIFY(withValue > 5);
    // Numeric, not text order: text order would put "1979" before "989".
    QVERIFY(previous > 1000.0);
}

void TestCatalogTableModel::userRowsAreMarked()
{
    CatalogTableModel model(m_catalog);
    const int shippedRows = model.rowCount();
    const int h100 = model.rowOfId(QStringLiteral("nvidia-h100-sxm"));
    QCOMPARE(model.data(model.index(h100, 0)).toString(), QStringLiteral("shipped"));
    QCOMPARE(model.data(model.index(h100, 0), CatalogTableModel::IsUserRole).toBool(), false);
    QVERIFY(!model.data(model.index(h100, 1), Qt::FontRole).isValid());

    // Override the H100 with a different TDP, and add a new chip based on it.
    const KindSpec &spec = kindSpec(CatalogKind::Chip);
    QMap<QString, QString> raw;
    const CatalogRow row = model.catalogRow(h100);
    for (const ColumnSpec &c : spec.columns)
        raw.insert(c.columnName(), valueToText(c, row.values.value(c.columnName())));
    raw[QStringLiteral("tdp_w")] = QStringLiteral("650");
    QList<CatalogIssue> issues;
    QVERIFY(m_catalog->saveUserRow(CatalogKind::Chip, raw, &issues));
    raw[QStringLiteral("id")] = QStringLiteral("my-h100-variant");
    QVERIFY(m_catalog->saveUserRow(CatalogKind::Chip, raw, &issues));
    QVERIFY(issues.isEmpty());

    model.reload();
    QCOMPARE(model.rowCount(), shippedRows + 1);
    const int overridden = model.rowOfId(QStringLiteral("nvidia-h100-sxm"));
    const int added = model.rowOfId(QStringLiteral("my-h100-variant"));
    QCOMPARE(model.data(model.index(overridden, 0)).toString(), QStringLiteral("user (overrides shipped)"));
    QCOMPARE(model.data(model.index(added, 0)).toString(), QStringLiteral("user"));
    QVERIFY(model.data(model.index(added, 3), CatalogTableModel::IsUserRole).toBool());
    QVERIFY(model.data(model.index(added, 3), Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.data(model.index(overridden, model.columnOf(QStringLiteral("tdp_w"))), CatalogTableModel::SortRole)
                 .toDouble(),
             650.0);
}

void TestCatalogTableModel::filterMatchesAnyColumn()
{
    CatalogTableModel model(m_catalog);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(QStringLiteral("HBM3E"));
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < model.rowCount());
    int hbm3eRows = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.catalogRow(r).text("memory_type").contains(QLatin1String("hbm3e"), Qt::CaseInsensitive))
            ++hbm3eRows;
    }
    QVERIFY(hbm3eRows > 0);
    QVERIFY(proxy.rowCount() >= hbm3eRows);
}

QTEST_GUILESS_MAIN(TestCatalogTableModel)
#include "tst_catalogtablemodel.moc"
