// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/fuzzentry.h"

#include "model/catalog/catalog.h"
#include "model/io/planfile.h"
#include "model/io/scenarioreader.h"

#include <QCoreApplication>

#include <memory>

namespace th::fuzz {

namespace {

/// One in-memory catalog for the whole process (opening one loads the shipped CSVs: slow).
/// Imports add user rows; the catalog is reopened every so often so that a long fuzz run's
/// memory stays bounded and inputs see (nearly) the shipped content.
class FuzzCatalog
{
public:
    Catalog &get()
    {
        if (!m_catalog || m_uses >= kReopenAfter) {
            m_catalog.reset();
            m_catalog = std::make_unique<Catalog>();
            QString error;
            if (!m_catalog->openInMemory(&error))
                qFatal("fuzz: cannot open the in-memory catalog: %s", qPrintable(error));
            m_uses = 0;
        }
        return *m_catalog;
    }
    void countWrite() { ++m_uses; }

private:
    static constexpr int kReopenAfter = 200;
    std::unique_ptr<Catalog> m_catalog;
    int m_uses = 0;
};

FuzzCatalog &fuzzCatalog()
{
    // Never destroyed: at exit Qt SQL's connection registry may already be gone (a static
    // FuzzCatalog crashed in QSqlDatabase::removeDatabase during exit). Reachable, so no leak report.
    static FuzzCatalog *s_catalog = new FuzzCatalog;
    return *s_catalog;
}

QString checkErrors(const InputErrors &errors)
{
    for (const InputError &e : errors) {
        if (e.message.trimmed().isEmpty())
            return QStringLiteral("an error with an empty message at pointer '%1'").arg(e.pointer);
        if (!e.pointer.isEmpty() && !e.pointer.startsWith(QLatin1Char('/')))
            return QStringLiteral("an error pointer that is not a JSON pointer: '%1'").arg(e.pointer);
    }
    return QString();
}

} // namespace

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int s_argc = 1;
    static char s_name[] = "terahall-fuzz";
    static char *s_argv[] = {s_name, nullptr};
    static QCoreApplication *s_app = new QCoreApplication(s_argc, s_argv); // lives until exit
    Q_UNUSED(s_app);
}

QString checkPlanInput(const QByteArray &data)
{
    const PlanReadResult r = readPlan(data);
    if (r.plan.has_value() == !r.errors.isEmpty())
        return QStringLiteral("readPlan: plan %1 but %2 errors").arg(r.plan ? QStringLiteral("set") : QStringLiteral("unset")).arg(r.errors.size());
    if (!r.plan) {
        // A refusal names the field (a pointer) except for whole-document problems (not JSON,
        // not an object), which are reported alone.
        if (r.errors.size() > 1 || !r.errors.front().pointer.isEmpty())
            for (const InputError &e : r.errors)
                if (e.pointer.isEmpty())
                    return QStringLiteral("readPlan: an error without a pointer among field errors: %1").arg(e.message);
        return checkErrors(r.errors);
    }
    // Accepted: save -> load -> save must be byte-identical (docs/file-format.md).
    const QByteArray first = writePlan(*r.plan);
    const PlanReadResult again = readPlan(first);
    if (!again.plan)
        return QStringLiteral("readPlan accepted a plan whose written form it refuses: %1")
            .arg(again.errors.isEmpty() ? QString() : again.errors.front().toString());
    const QByteArray second = writePlan(*again.plan);
    if (first != second)
        return QStringLiteral("write -> read -> write is not byte-identical (%1 vs %2 bytes)").arg(first.size()).arg(second.size());
    return QString();
}

QString checkScenarioInput(const QByteArray &data)
{
    const ScenarioReadResult r = readScenario(data, fuzzCatalog().get());
    if (r.scenario.has_value() == !r.errors.isEmpty())
        return QStringLiteral("readScenario: scenario %1 but %2 errors")
            .arg(r.scenario ? QStringLiteral("set") : QStringLiteral("unset"))
            .arg(r.errors.size());
    return checkErrors(r.errors);
}

QString checkCatalogImportInput(const QByteArray &data)
{
    Catalog &catalog = fuzzCatalog().get();
    const ImportResult r = catalog.importCsv(data);
    if (r.ok) {
        fuzzCatalog().countWrite();
        if (!r.issues.isEmpty() || !r.error.isEmpty())
            return QStringLiteral("importCsv: ok with %1 issues and error '%2'").arg(r.issues.size()).arg(r.error);
        if (!r.kind)
            return QStringLiteral("importCsv: ok without a kind");
        if (r.rowCount < 0)
            return QStringLiteral("importCsv: negative row count");
        return QString();
    }
    if (r.rowCount != 0)
        return QStringLiteral("importCsv: refused but reports %1 rows written").arg(r.rowCount);
    if (r.error.trimmed().isEmpty() && r.issues.isEmpty())
        return QStringLiteral("importCsv: refused without an error or issue");
    for (const CatalogIssue &i : r.issues) {
        if (i.line < 1)
            return QStringLiteral("importCsv: issue without a line: %1").arg(i.message);
        if (i.column.isEmpty() || i.message.trimmed().isEmpty())
            return QStringLiteral("importCsv: issue at line %1 without a column or message").arg(i.line);
    }
    return QString();
}

} // namespace th::fuzz
