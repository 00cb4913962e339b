// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"
#include "model/catalog/catalogtablemodel.h"
#include "tests/views/modalhelper.h"
#include "views/dialogs/catalogrowdialog.h"
#include "views/docks/catalogdock.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace th;

namespace {

/// Fills every field of a dialog from a row's values.
void fillFrom(CatalogRowDialog *dialog, const CatalogRow &row)
{
    for (const ColumnSpec &c : kindSpec(row.kind).columns)
        dialog->setFieldText(c.columnName(), valueToText(c, row.values.value(c.columnName())));
}

/// A chips CSV with one row copied from the H100 under a new id, with some values replaced.
QByteArray chipCsv(const CatalogRow &base, const QString &id, const QMap<QString, QString> &replace)
{
    auto quoted = [](QString v) { return QLatin1Char('"') + v.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"'); };
    QStringList header;
    QStringList values;
    for (const ColumnSpec &c : kindSpec(CatalogKind::Chip).columns) {
        header << c.columnName();
        QString v = valueToText(c, base.values.value(c.columnName()));
        if (c.columnName() == QLatin1String("id"))
            v = id;
        v = replace.value(c.columnName(), v);
        values << quoted(v);
    }
    return (header.join(QLatin1Char(',')) + QLatin1Char('\n') + values.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8();
}

void clickOk(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestCatalogDock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void kindSwitchChangesRowCount_data();
    void kindSwitchChangesRowCount();
    void filterMatchesAnyColumnCaseInsensitive();
    void sortsNumerically();
    void detailsShowSourceAndConfidence();
    void addRefusesBadValueAndChangesNothing();
    void addValidRowAppears();
    void editShippedRowCreatesOverride();
    void removeUserRowRestoresShipped();
    void actionsFollowSelection();
    void importShowsEveryProblemAndChangesNothing();
    void importValidCsvAddsUserRows();
    void exportWritesTheRowsInForce();

private:
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<CatalogDock> m_dock;
};

void TestCatalogDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_catalogdock"));
}

void TestCatalogDock::init()
{
    m_catalog = std::make_unique<Catalog>();
    QString error;
    QVERIFY2(m_catalog->openInMemory(&error), qPrintable(error));
    m_dock = std::make_unique<CatalogDock>(m_catalog.get());
    m_dock->resize(1200, 500);
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
    m_dock->setKind(CatalogKind::Chip);
    m_dock->setFilterText(QString());
}

void TestCatalogDock::cleanup()
{
    m_dock.reset();
    m_catalog.reset();
}

void TestCatalogDock::kindSwitchChangesRowCount_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("systems") << int(CatalogKind::System);
    QTest::newRow("equipment") << int(CatalogKind::Equipment);
    QTest::newRow("model presets") << int(CatalogKind::Model);
    QTest::newRow("chips") << int(CatalogKind::Chip);
}

void TestCatalogDock::kindSwitchChangesRowCount()
{
    QFETCH(int, kind);
    const auto k = static_cast<CatalogKind>(kind);
    // Through the combo box, as a user would.
    auto *combo = m_dock->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    QVERIFY(combo);
    m_dock->setKind(CatalogKind::Model == k ? CatalogKind::Chip : CatalogKind::Model);
    combo->setCurrentIndex(combo->findData(kind));
    QCOMPARE(m_dock->kind(), k);
    QCOMPARE(m_dock->tableView()->model()->rowCount(), m_catalog->rows(k).size());
    QCOMPARE(m_dock->tableView()->model()->columnCount(), kindSpec(k).columns.size() + 1);
}

void TestCatalogDock::filterMatchesAnyColumnCaseInsensitive()
{
    const QList<CatalogRow> chips = m_catalog->rows(CatalogKind::Chip);
    QStringList nvidiaIds;       // vendor NVIDIA
    QStringList mentionIds;      // any other row that mentions NVIDIA somewhere (e.g. in its source)
    for (const CatalogRow &row : chips) {
        if (row.text("vendor") == QLatin1String("NVIDIA")) {
            nvidiaIds << row.id();
            continue;
        }
        for (auto it = row.values.cbegin(); it != row.values.cend(); ++it) {
            if (it.value().toString().contains(QLatin1String("nvidia"), Qt::CaseInsensitive)) {
                mentionIds << row.id();
                break;
            }
        }
    }
    QVERIFY(nvidiaIds.size() >= 8);

    m_dock->setFilterText(QStringLiteral("nvidia"));
    QAbstractItemModel *shown = m_dock->tableView()->model();
    QStringList shownIds;
    for (int r = 0; r < shown->rowCount(); ++r)
        shownIds << shown->data(shown->index(r, 0), CatalogTableModel::IdRole).toString();
    shownIds.sort();
    QStringList expected = nvidiaIds + mentionIds;
    expected.sort();
    // Exactly the NVIDIA chips plus rows whose text names NVIDIA; no AMD, Huawei, ... rows.
    QCOMPARE(shownIds, expected);
    QVERIFY(shownIds.size() < chips.size());
    QVERIFY(mentionIds.size() < nvidiaIds.size());

    // Case does not matter, and clearing the filter shows everything again.
    m_dock->setFilterText(QStringLiteral("NVIDIA"));
    QCOMPARE(shown->rowCount(), expected.size());
    m_dock->setFilterText(QString());
    QCOMPARE(shown->rowCount(), chips.size());
}

void TestCatalogDock::sortsNumerically()
{
    QSortFilterProxyModel *proxy = m_dock->proxyModel();
    const int tdp = m_dock->tableModel()->columnOf(QStringLiteral("tdp_w"));
    m_dock->tableView()->sortByColumn(tdp, Qt::DescendingOrder);
    double previous = 1e300;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QVariant v = proxy->data(proxy->index(r, tdp), CatalogTableModel::SortRole);
        QVERIFY(v.isValid()); // tdp_w is required
        QVERIFY2(v.toDouble() <= previous, qPrintable(proxy->data(proxy->index(r, 1)).toString()));
        previous = v.toDouble();
    }
    // The hottest chip leads: numeric order, not text order ("700" > "1400" as text).
    double maxTdp = 0.0;
    for (const CatalogRow &row : m_catalog->rows(CatalogKind::Chip))
        maxTdp = std::max(maxTdp, row.number("tdp_w").value_or(0.0));
    QCOMPARE(proxy->data(proxy->index(0, tdp), CatalogTableModel::SortRole).toDouble(), maxTdp);
}

void TestCatalogDock::detailsShowSourceAndConfidence()
{
    QVERIFY(m_dock->detailsText().isEmpty());
    QVERIFY(m_dock->selectRowById(QStringLiteral("nvidia-h100-sxm")));
    QCOMPARE(m_dock->selectedId(), QStringLiteral("nvidia-h100-sxm"));
    const CatalogRow row = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    const QString details = m_dock->detailsText();
    QVERIFY(!row.text("source").isEmpty());
    QVERIFY2(details.contains(QStringLiteral("Source")), qPrintable(details));
    QVERIFY2(details.contains(row.text("source")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Confidence")), qPrintable(details));
    QVERIFY2(details.contains(row.text("confidence")), qPrintable(details));
    // Every field is listed, with its unit: the dense BF16 peak is 989.4 TFLOPS.
    for (const ColumnSpec &c : kindSpec(CatalogKind::Chip).columns)
        QVERIFY2(details.contains(c.columnName()), c.name);
    QVERIFY(details.contains(QStringLiteral("TFLOPS")));
    QVERIFY(details.contains(CatalogTableModel::displayText(*kindSpec(CatalogKind::Chip).column(QStringLiteral("bf16_tflops")),
                                                            row.values.value(QStringLiteral("bf16_tflops")))));
    QVERIFY(details.contains(QStringLiteral("shipped")));
}

void TestCatalogDock::addRefusesBadValueAndChangesNothing()
{
    const int before = m_catalog->rows(CatalogKind::Chip).size();
    const CatalogRow h100 = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    QSignalSpy changed(m_dock.get(), &CatalogDock::catalogChanged);
    QString errorShown;
    bool stayedOpen = false;
    th::test::whenModalShown([&](QWidget *modal) {
        auto *dialog = qobject_cast<CatalogRowDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), CatalogRowDialog::Mode::Add);
        fillFrom(dialog, h100);
        dialog->setFieldText(QStringLiteral("id"), QStringLiteral("test-chip"));
        dialog->setFieldText(QStringLiteral("bf16_tflops"), QStringLiteral("2e9")); // above 1e7 TFLOPS
        clickOk(dialog);
        errorShown = dialog->errorText();
        stayedOpen = dialog->isVisible() && dialog->result() != QDialog::Accepted;
        dialog->reject();
    });
    m_dock->addRowAction()->trigger();
    QVERIFY(stayedOpen);
    QVERIFY2(errorShown.contains(QLatin1String("bf16_tflops")), qPrintable(errorShown));
    QVERIFY2(errorShown.contains(QLatin1String("[0, 10000000]")), qPrintable(errorShown));
    QCOMPARE(m_catalog->rows(CatalogKind::Chip).size(), before);
    QVERIFY(!m_catalog->row(CatalogKind::Chip, QStringLiteral("test-chip")));
    QCOMPARE(m_dock->proxyModel()->rowCount(), before);
    QCOMPARE(changed.count(), 0);
}

void TestCatalogDock::addValidRowAppears()
{
    const int before = m_catalog->rows(CatalogKind::Chip).size();
    const CatalogRow h100 = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    QSignalSpy changed(m_dock.get(), &CatalogDock::catalogChanged);
    th::test::whenModalShown([&](QWidget *modal) {
        auto *dialog = qobject_cast<CatalogRowDialog *>(modal);
        QVERIFY(dialog);
        fillFrom(dialog, h100);
        dialog->setFieldText(QStringLiteral("id"), QStringLiteral("test-chip"));
        dialog->setFieldText(QStringLiteral("name"), QStringLiteral("Test chip"));
        dialog->setFieldText(QStringLiteral("bf16_tflops"), QStringLiteral("1234.5"));
        clickOk(dialog);
        if (dialog->isVisible()) { // refused: report why, then give up
            qWarning("%s", qPrintable(dialog->errorText()));
            dialog->reject();
        }
    });
    m_dock->addRowAction()->trigger();
    QCOMPARE(changed.count(), 1);
    const std::optional<CatalogRow> saved = m_catalog->row(CatalogKind::Chip, QStringLiteral("test-chip"));
    QVERIFY(saved);
    QVERIFY(saved->isUser);
    QVERIFY(!saved->overridesShipped);
    QCOMPARE(*saved->number("bf16_tflops"), 1234.5);
    QCOMPARE(m_dock->proxyModel()->rowCount(), before + 1);
    // The new row is selected, marked as a user row, and described.
    QCOMPARE(m_dock->selectedId(), QStringLiteral("test-chip"));
    const QModelIndex current = m_dock->tableView()->selectionModel()->selectedRows().value(0);
    QCOMPARE(current.sibling(current.row(), CatalogTableModel::OriginColumn).data().toString(), QStringLiteral("user"));
    QVERIFY(current.sibling(current.row(), 2).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(m_dock->detailsText().contains(QStringLiteral("Test chip")));
    QVERIFY(m_dock->removeRowAction()->isEnabled());
}

void TestCatalogDock::editShippedRowCreatesOverride()
{
    QVERIFY(m_dock->selectRowById(QStringLiteral("nvidia-h100-sxm")));
    const double shippedTdp = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"))->number("tdp_w");
    QString intro;
    th::test::whenModalShown([&](QWidget *modal) {
        auto *dialog = qobject_cast<CatalogRowDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), CatalogRowDialog::Mode::Edit);
        intro = dialog->findChild<QLabel *>(QStringLiteral("introLabel"))->text();
        QCOMPARE(dialog->fieldText(QStringLiteral("id")), QStringLiteral("nvidia-h100-sxm"));
        dialog->setFieldText(QStringLiteral("tdp_w"), QStringLiteral("650"));
        clickOk(dialog);
        if (dialog->isVisible()) {
            qWarning("%s", qPrintable(dialog->errorText()));
            dialog->reject();
        }
    });
    m_dock->editRowAction()->trigger();
    QVERIFY2(intro.contains(QLatin1String("user row with the same id")), qPrintable(intro));
    const CatalogRow row = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    QVERIFY(row.isUser);
    QVERIFY(row.overridesShipped);
    QCOMPARE(*row.number("tdp_w"), 650.0);
    QCOMPARE(m_dock->proxyModel()->rowCount(), m_catalog->rows(CatalogKind::Chip).size());
    const QString details = m_dock->detailsText();
    QVERIFY2(details.contains(QLatin1String("overrides the shipped row")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Shipped")), qPrintable(details));
    QVERIFY2(details.contains(QLocale().toString(shippedTdp, 'f', QLocale::FloatingPointShortest)), qPrintable(details));
}

void TestCatalogDock::removeUserRowRestoresShipped()
{
    // Override the H100, then remove the override through the dock (confirming the question).
    const CatalogRow shipped = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    QMap<QString, QString> raw;
    for (const ColumnSpec &c : kindSpec(CatalogKind::Chip).columns)
        raw.insert(c.columnName(), valueToText(c, shipped.values.value(c.columnName())));
    raw[QStringLiteral("tdp_w")] = QStringLiteral("650");
    QVERIFY(m_catalog->saveUserRow(CatalogKind::Chip, raw, nullptr));
    m_dock->reload();
    QVERIFY(m_dock->selectRowById(QStringLiteral("nvidia-h100-sxm")));
    QVERIFY(m_dock->removeRowAction()->isEnabled());

    th::test::whenModalShown([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    m_dock->removeRowAction()->trigger();
    const CatalogRow row = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    QVERIFY(!row.isUser);
    QCOMPARE(row.number("tdp_w"), shipped.number("tdp_w"));
    QCOMPARE(m_dock->selectedId(), QStringLiteral("nvidia-h100-sxm"));
    QVERIFY(!m_dock->removeRowAction()->isEnabled()); // shipped rows cannot be removed
}

void TestCatalogDock::actionsFollowSelection()
{
    QVERIFY(m_dock->addRowAction()->isEnabled());
    QVERIFY(m_dock->importCsvAction()->isEnabled());
    QVERIFY(!m_dock->editRowAction()->isEnabled());
    QVERIFY(!m_dock->removeRowAction()->isEnabled());
    QVERIFY(m_dock->selectRowById(QStringLiteral("amd-mi300x")));
    QVERIFY(m_dock->editRowAction()->isEnabled());
    QVERIFY(m_dock->duplicateRowAction()->isEnabled());
    QVERIFY(!m_dock->removeRowAction()->isEnabled());
}

void TestCatalogDock::importShowsEveryProblemAndChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CatalogRow h100 = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(chipCsv(h100, QStringLiteral("imported-chip"),
                       {{QStringLiteral("bf16_tflops"), QStringLiteral("abc")}, {QStringLiteral("tdp_w"), QStringLiteral("-1")}}));
    file.close();
    const int before = m_catalog->rows(CatalogKind::Chip).size();
    QSignalSpy changed(m_dock.get(), &CatalogDock::catalogChanged);
    QString shown;
    th::test::whenModalShown([&shown](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        shown = box->text() + QLatin1Char('\n') + box->informativeText();
        box->accept();
    });
    QVERIFY(!m_dock->importCsvFile(path));
    QVERIFY2(shown.contains(QLatin1String("Nothing was imported")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("bf16_tflops")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("tdp_w")), qPrintable(shown));
    QCOMPARE(m_catalog->rows(CatalogKind::Chip).size(), before);
    QVERIFY(!m_catalog->row(CatalogKind::Chip, QStringLiteral("imported-chip")));
    QCOMPARE(changed.count(), 0);
}

void TestCatalogDock::importValidCsvAddsUserRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CatalogRow h100 = *m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm"));
    const QString path = dir.filePath(QStringLiteral("good.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(chipCsv(h100, QStringLiteral("imported-chip"), {{QStringLiteral("tdp_w"), QStringLiteral("640")}}));
    file.close();
    m_dock->setKind(CatalogKind::Model);
    const int before = m_catalog->rows(CatalogKind::Chip).size();
    QSignalSpy changed(m_dock.get(), &CatalogDock::catalogChanged);
    QString shown;
    th::test::whenModalShown([&shown](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        shown = box->text();
        box->accept();
    });
    QVERIFY(m_dock->importCsvFile(path));
    QVERIFY2(shown.contains(QLatin1String("Imported 1 row")), qPrintable(shown));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_dock->kind(), CatalogKind::Chip); // shows what was imported
    QCOMPARE(m_dock->proxyModel()->rowCount(), before + 1);
    const std::optional<CatalogRow> row = m_catalog->row(CatalogKind::Chip, QStringLiteral("imported-chip"));
    QVERIFY(row && row->isUser);
    QCOMPARE(*row->number("tdp_w"), 640.0);
}

void TestCatalogDock::exportWritesTheRowsInForce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_dock->setKind(CatalogKind::System);
    const QString path = dir.filePath(QStringLiteral("systems.csv"));
    QVERIFY(m_dock->exportCsvFile(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QCOMPARE(written, m_catalog->exportCsv(CatalogKind::System));
    QVERIFY(written.startsWith("id,name,vendor,chip_id"));
}

QTEST_MAIN(TestCatalogDock)
#include "tst_catalogdock.moc"
