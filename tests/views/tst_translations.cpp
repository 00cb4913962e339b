// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Simplified Chinese translation is complete and in step with the sources (docs/i18n.md):
// every message of resources/translations/terahall_zh_CN.ts is finished, non-empty and keeps the
// source's placeholders; lupdate run on today's sources finds no string the .ts lacks (and none it
// no longer needs); the .qm embedded under :/i18n loads; the main window speaks Chinese with it.
#include "model/catalog/catalog.h"
#include "tests/support/testpaths.h"
#include "views/dialogs/preferencesdialog.h"
#include "views/i18n/languagemanager.h"
#include "views/mainwindow.h"
#include "views/settings.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace th;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;              ///< translation type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations;  ///< the translation, or each numerus form
};

QString key(const TsMessage &m)
{
    return m.context + QChar(4) + m.source + QChar(4) + m.comment;
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage();
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

/// %1…%99, %L1, %n, %Ln and QProgressBar's %p, as a sorted multiset.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)|%p"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

/// A keyboard mnemonic: "&" before a letter or digit, not "&&" and not an HTML entity such as "&mdash;".
bool hasMnemonic(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&)(?![A-Za-z]+;)[\\p{L}\\p{N}]"));
    return re.match(text).hasMatch();
}

QString tsPath()
{
    return test::sourcePath(QStringLiteral("resources/translations/terahall_zh_CN.ts"));
}

QAction *topMenu(QMenuBar *bar, const QString &objectNameOrText)
{
    for (QAction *a : bar->actions()) {
        if (a->text() == objectNameOrText)
            return a;
    }
    return nullptr;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void tsIsComplete();
    void placeholdersAndMnemonicsKept();
    void terminology();
    void lupdateFindsNothingNew();
    void embeddedQmLoads();
    void mainWindowSpeaksChinese();
    void languageSettingAndLocale();
    void preferencesStoresLanguage();

private:
    QList<TsMessage> m_messages;
    Catalog m_catalog;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().clear();
    QString error;
    m_messages = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(m_messages.size() > 500, qPrintable(QString::number(m_messages.size())));
    QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
}

void TestTranslations::cleanup()
{
    LanguageManager::removeTranslators();
    QLocale::setDefault(QLocale::c());
    QSettings().clear();
}

void TestTranslations::tsIsComplete()
{
    QStringList problems;
    QSet<QString> seen;
    for (const TsMessage &m : std::as_const(m_messages)) {
        const QString where = QStringLiteral("%1: \"%2\"").arg(m.context, m.source.left(60));
        if (!m.type.isEmpty())
            problems << QStringLiteral("%1 is %2").arg(where, m.type);
        if (m.translations.isEmpty())
            problems << QStringLiteral("%1 has no translation").arg(where);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                problems << QStringLiteral("%1 has an empty translation").arg(where);
        }
        if (m.numerus && m.translations.size() != 1) // Chinese has one plural form
            problems << QStringLiteral("%1 has %2 numerus forms, zh_CN has 1").arg(where).arg(m.translations.size());
        if (seen.contains(key(m)))
            problems << QStringLiteral("%1 appears twice").arg(where);
        seen.insert(key(m));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersAndMnemonicsKept()
{
    QStringList problems;
    for (const TsMessage &m : std::as_const(m_messages)) {
        const QStringList expected = placeholders(m.source);
        for (const QString &t : m.translations) {
            QStringList got = placeholders(t);
            // A numerus translation may drop %n only if the source has none.
            if (got != expected)
                problems << QStringLiteral("%1: \"%2\": placeholders %3 became %4")
                                .arg(m.context, m.source.left(60), expected.join(QLatin1Char(',')), got.join(QLatin1Char(',')));
            if (hasMnemonic(m.source) && !hasMnemonic(t))
                problems << QStringLiteral("%1: \"%2\": the translation \"%3\" lost the & mnemonic").arg(m.context, m.source, t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::terminology()
{
    // The industry terms of the background reports (docs/i18n.md has the glossary).
    QHash<QString, QString> bySource;
    for (const TsMessage &m : std::as_const(m_messages))
        bySource.insert(m.context + QLatin1Char('|') + m.source, m.translations.value(0));
    const QList<QPair<QString, QString>> expected{
        {QStringLiteral("th::MainWindow|&File"), QStringLiteral("文件(&F)")},
        {QStringLiteral("th::PaletteDock|Rack-scale systems and supernodes"), QStringLiteral("超节点")},
        {QStringLiteral("th::PaletteDock|Coolant distribution units"), QStringLiteral("冷量分配单元")},
        {QStringLiteral("th::PaletteDock|CRAH units"), QStringLiteral("精密空调")},
        {QStringLiteral("th::PaletteDock|In-row coolers"), QStringLiteral("行间空调")},
        {QStringLiteral("th::PaletteDock|Chillers"), QStringLiteral("冷水机组")},
        {QStringLiteral("th::PaletteDock|Dry coolers"), QStringLiteral("干冷器")},
        {QStringLiteral("th::PaletteDock|Cooling towers"), QStringLiteral("冷却塔")},
        {QStringLiteral("th::PaletteDock|UPS"), QStringLiteral("不间断电源")},
        {QStringLiteral("th::EstimateDock|Activation recomputation"), QStringLiteral("激活重计算")},
        {QStringLiteral("th::EstimateDock|Tensor parallel degree"), QStringLiteral("张量并行")},
        {QStringLiteral("th::KpiDock|PUE (design / annual):"), QStringLiteral("PUE")},
        {QStringLiteral("th::InspectorDock|&Floor rating (kg/m²):"), QStringLiteral("楼板承重")},
    };
    for (const auto &[source, term] : expected) {
        QVERIFY2(bySource.contains(source), qPrintable(source));
        QVERIFY2(bySource.value(source).contains(term), qPrintable(source + QStringLiteral(" -> ") + bySource.value(source)));
    }
}

void TestTranslations::lupdateFindsNothingNew()
{
    const QString lupdate = QStringLiteral(TH_LUPDATE);
    if (lupdate.isEmpty() || !QFileInfo(lupdate).isExecutable())
        QSKIP("lupdate is not available");
    // The sources CMake gives lupdate (resources/translations/CMakeLists.txt), one per line.
    QFile list(QStringLiteral(TH_LUPDATE_SOURCES));
    QVERIFY2(list.open(QIODevice::ReadOnly), qPrintable(list.fileName()));
    QStringList sources;
    for (const QByteArray &line : list.readAll().split('\n')) {
        if (!line.trimmed().isEmpty() && QFileInfo::exists(QString::fromUtf8(line.trimmed())))
            sources << QString::fromUtf8(line.trimmed());
    }
    QVERIFY(sources.size() > 20);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile listFile(dir.filePath(QStringLiteral("sources.lst")));
    QVERIFY(listFile.open(QIODevice::WriteOnly));
    listFile.write(sources.join(QLatin1Char('\n')).toUtf8());
    listFile.close();
    const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
    QProcess p;
    p.start(lupdate, {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"),
                      test::sourceDir(), QLatin1Char('@') + listFile.fileName(), QStringLiteral("-ts"), fresh});
    QVERIFY2(p.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

    QString error;
    const QList<TsMessage> freshMessages = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> committed, current;
    for (const TsMessage &m : std::as_const(m_messages))
        committed.insert(key(m));
    for (const TsMessage &m : freshMessages)
        current.insert(key(m));
    QStringList added, gone;
    for (const QString &k : std::as_const(current)) {
        if (!committed.contains(k))
            added << QString(k).replace(QChar(4), QLatin1String(" | "));
    }
    for (const QString &k : std::as_const(committed)) {
        if (!current.contains(k))
            gone << QString(k).replace(QChar(4), QLatin1String(" | "));
    }
    added.sort();
    gone.sort();
    QVERIFY2(added.isEmpty(), qPrintable(QStringLiteral("strings without a zh_CN translation (run cmake --build BUILD --target "
                                                        "update_translations, then translate them):\n")
                                         + added.join(QLatin1Char('\n'))));
    QVERIFY2(gone.isEmpty(), qPrintable(QStringLiteral("strings the sources no longer use (run update_translations):\n")
                                        + gone.join(QLatin1Char('\n'))));
}

void TestTranslations::embeddedQmLoads()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/terahall_zh_CN.qm")));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China), QStringLiteral("terahall"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCOMPARE(translator.translate("th::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QCOMPARE(translator.translate("UndoCommands", "Move %n Item(s)", nullptr, 3), QStringLiteral("移动 %n 台设备"));
    // Every message of the .ts is in the .qm (lrelease drops unfinished ones).
    QStringList lost;
    for (const TsMessage &m : std::as_const(m_messages)) {
        const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8(), comment = m.comment.toUtf8();
        if (translator.translate(context.constData(), source.constData(), m.comment.isEmpty() ? nullptr : comment.constData(),
                                 m.numerus ? 2 : -1)
                .isEmpty())
            lost << m.context + QStringLiteral(": ") + m.source;
    }
    QVERIFY2(lost.isEmpty(), qPrintable(lost.join(QLatin1Char('\n'))));
}

void TestTranslations::mainWindowSpeaksChinese()
{
    QVERIFY(LanguageManager::installTranslators(QStringLiteral("zh_CN")));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    {
        MainWindow w(&m_catalog);
        QStringList titles;
        for (QAction *a : w.menuBar()->actions())
            titles << a->text();
        for (const QString &title : {QStringLiteral("文件(&F)"), QStringLiteral("编辑(&E)"), QStringLiteral("视图(&V)"),
                                     QStringLiteral("方案(&P)"), QStringLiteral("帮助(&H)")})
            QVERIFY2(titles.contains(title), qPrintable(titles.join(QLatin1String(", "))));
        QAction *edit = topMenu(w.menuBar(), QStringLiteral("编辑(&E)"));
        QVERIFY(edit && edit->menu());
        QAction *preferences = edit->menu()->findChild<QAction *>(QStringLiteral("preferencesAction"));
        if (!preferences) {
            for (QAction *a : edit->menu()->actions()) {
                if (a->objectName() == QLatin1String("preferencesAction"))
                    preferences = a;
            }
        }
        QVERIFY(preferences);
        QCOMPARE(preferences->text(), QStringLiteral("首选项(&F)…"));
        // No English left in the top-level menus or the dock titles.
        static const QRegularExpression latinWord(QStringLiteral("[A-Za-z]{3,}"));
        for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
            const QString title = dock->windowTitle().remove(QStringLiteral("KPI"));
            QVERIFY2(!latinWord.match(title).hasMatch(), qPrintable(title));
        }
    }
    LanguageManager::removeTranslators();
    MainWindow english(&m_catalog);
    QVERIFY(topMenu(english.menuBar(), QStringLiteral("&File")));
}

void TestTranslations::languageSettingAndLocale()
{
    QCOMPARE(LanguageManager::languageSetting(), QStringLiteral("system"));
    LanguageManager::setLanguageSetting(QStringLiteral("zh_CN"));
    QCOMPARE(Settings::uiLanguage.value(), QStringLiteral("zh_CN"));
    QCOMPARE(LanguageManager::languageSetting(), QStringLiteral("zh_CN"));
    Settings::uiLanguage.setValue(QStringLiteral("klingon"));
    QCOMPARE(LanguageManager::languageSetting(), QStringLiteral("system"));
    LanguageManager::setLanguageSetting(QStringLiteral("system"));
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));

    QCOMPARE(LanguageManager::localeFor(QStringLiteral("zh_CN")).name(), QStringLiteral("zh_CN"));
    QCOMPARE(LanguageManager::localeFor(QStringLiteral("en")).language(), QLocale::English);
    QCOMPARE(LanguageManager::localeFor(QStringLiteral("system")), QLocale::system());
    // English needs no translation file; numbers then follow the English locale.
    QVERIFY(!LanguageManager::installTranslators(QStringLiteral("en")));
    QCOMPARE(QLocale().language(), QLocale::English);
    QVERIFY(LanguageManager::installTranslators(QStringLiteral("zh_CN")));
    QCOMPARE(QLocale().toString(1234567.5, 'f', 1), QStringLiteral("1,234,567.5"));
    QCOMPARE(QCoreApplication::translate("th::KpiDock", "%1 kW"), QStringLiteral("%1 kW"));
    QCOMPARE(QCoreApplication::translate("th::KpiDock", "No problems found."), QStringLiteral("未发现问题。"));
}

void TestTranslations::preferencesStoresLanguage()
{
    PreferencesDialog dialog;
    QComboBox *combo = dialog.languageCombo();
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("system"));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("languageNote"));
    QVERIFY(note);
    QVERIFY(note->text().contains(QLatin1String("next time")));
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    QCOMPARE(combo->currentText(), QStringLiteral("简体中文"));
    QVERIFY(note->text().contains(QLatin1String("<b>")));
    dialog.apply();
    QCOMPARE(Settings::uiLanguage.value(), QStringLiteral("zh_CN"));
    PreferencesDialog again;
    QCOMPARE(again.languageCombo()->currentData().toString(), QStringLiteral("zh_CN"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
