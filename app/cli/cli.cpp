// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "app/cli/clicontext.h"
#include "model/catalog/catalog.h"
#include "model/io/atomicwrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace th::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const QStringList kCommands{QStringLiteral("estimate"), QStringLiteral("search"), QStringLiteral("evaluate"),
                            QStringLiteral("report"), QStringLiteral("compare"), QStringLiteral("catalog"),
                            QStringLiteral("help")};

QString usage()
{
    return Tr::tr("Usage: terahall [COMMAND] [OPTIONS]\n"
              "\n"
              "Without a command, opens the Terahall desktop application.\n"
              "\n"
              "Commands:\n"
              "  estimate SCENARIO.json           training estimate for a scenario (JSON to stdout)\n"
              "  search SCENARIO.json [--top K]   best parallel layouts for the scenario's chips\n"
              "  catalog list [--kind KIND]       list catalog rows (KIND: chip, system, equipment, model, calibration)\n"
              "  catalog show ID                  every field of one catalog row, with source and confidence\n"
              "  catalog import FILE.csv          add or override rows from a CSV (all rows or none)\n"
              "  catalog export FILE.csv [--kind KIND]  write the rows in force as CSV (default kind: chip)\n"
              "  evaluate PLAN.thplan             all KPIs of a floor plan\n"
              "  compare SCENARIO.json --chips ID,ID [--equalize count=N|power=MW|budget=USD|deadline=DAYS] [-o OUT.csv|OUT.pdf]\n"
              "                                   the same workload on several chips side by side\n"
              "  report PLAN.thplan -o OUT.pdf [--compare ID,ID] [--paper a4|letter]\n"
              "                                   the PDF report of a plan\n"
              "\n"
              "Options:\n"
              "  --format json|text   output format (default json)\n"
              "  --catalog PATH       catalog database to use (default: $TERAHALL_CATALOG, else the user's data directory)\n"
              "  -h, --help           this help; COMMAND --help for a command\n"
              "  -v, --version        print the version\n"
              "\n"
              "Exit status: 0 success, 1 result failed a requested check, 2 bad input or usage.\n");
}

} // namespace

bool isCliInvocation(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.front();
    // Anything but an existing file (a plan to open in the GUI) is a command line: an unknown
    // word gets the usage message instead of silently opening a window.
    return kCommands.contains(first) || first.startsWith(QLatin1Char('-')) || !QFileInfo::exists(first);
}

bool needsGuiApplication(const QStringList &arguments)
{
    if (arguments.contains(QLatin1String("report")))
        return true;
    if (!arguments.contains(QLatin1String("compare")))
        return false;
    const int o = int(arguments.indexOf(QLatin1String("-o")));
    return o >= 0 && o + 1 < arguments.size() && arguments.at(o + 1).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

void Context::out(const QString &text) const
{
    QFile f;
    f.open(stdout, QIODevice::WriteOnly);
    f.write(text.toUtf8());
}

void Context::err(const QString &text) const
{
    QFile f;
    f.open(stderr, QIODevice::WriteOnly);
    f.write(text.toUtf8());
}

int Context::fail(const QString &message) const
{
    err(QStringLiteral("terahall: ") + message + QLatin1Char('\n'));
    return BadInput;
}

std::unique_ptr<Catalog> Context::openCatalog() const
{
    auto catalog = std::make_unique<Catalog>();
    QString path = catalogPath;
    if (path.isEmpty())
        path = qEnvironmentVariable("TERAHALL_CATALOG");
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        path = dir + QStringLiteral("/catalog.sqlite");
    }
    QString error;
    if (!catalog->open(path, &error)) {
        fail(error);
        return nullptr;
    }
    return catalog;
}

bool takeOption(QStringList &args, const QString &flag, QString *value)
{
    const int i = int(args.indexOf(flag));
    if (i < 0)
        return false;
    *value = i + 1 < args.size() ? args.at(i + 1) : QString();
    args.remove(i, std::min<qsizetype>(2, args.size() - i));
    return true;
}

bool readInputFile(const Context &ctx, const QString &path, QByteArray *data)
{
    QFile f;
    if (path == QLatin1String("-")) {
        f.open(stdin, QIODevice::ReadOnly);
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly)) {
            ctx.fail(Tr::tr("cannot read %1: %2").arg(path, f.errorString()));
            return false;
        }
    }
    // Scenario and CSV files are small; refuse anything huge rather than exhaust memory.
    constexpr qint64 kMaxBytes = 64 * 1024 * 1024;
    *data = f.read(kMaxBytes + 1);
    if (data->size() > kMaxBytes) {
        ctx.fail(Tr::tr("%1 is larger than 64 MiB; not a scenario or catalog file").arg(path));
        return false;
    }
    return true;
}

bool writeOutputFile(const Context &ctx, const QString &path, const QByteArray &data)
{
    QString error;
    if (!writeFileAtomically(path, data, &error)) {
        ctx.fail(error);
        return false;
    }
    return true;
}

int run(const QStringList &arguments)
{
    Context ctx;
    QStringList rest;
    bool help = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--format") || a.startsWith(QLatin1String("--format="))) {
            QString value = a.contains(QLatin1Char('=')) ? a.section(QLatin1Char('='), 1) : (i + 1 < arguments.size() ? arguments.at(++i) : QString());
            if (value == QLatin1String("json"))
                ctx.format = Format::Json;
            else if (value == QLatin1String("text"))
                ctx.format = Format::Text;
            else
                return ctx.fail(Tr::tr("--format: must be json or text, got \"%1\"").arg(value));
        } else if (a == QLatin1String("--catalog") || a.startsWith(QLatin1String("--catalog="))) {
            ctx.catalogPath = a.contains(QLatin1Char('=')) ? a.section(QLatin1Char('='), 1) : (i + 1 < arguments.size() ? arguments.at(++i) : QString());
            if (ctx.catalogPath.isEmpty())
                return ctx.fail(Tr::tr("--catalog: needs a file path"));
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            help = true;
        } else if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
            ctx.out(QStringLiteral("terahall %1\n").arg(QCoreApplication::applicationVersion()));
            return Success;
        } else {
            rest << a;
        }
    }
    if (rest.isEmpty() || rest.front() == QLatin1String("help")) {
        ctx.out(usage());
        return help || !rest.isEmpty() ? Success : BadInput;
    }
    const QString command = rest.takeFirst();
    ctx.args = rest;
    if (help) {
        ctx.args.prepend(QStringLiteral("--help"));
    }
    if (command == QLatin1String("estimate"))
        return runEstimate(ctx);
    if (command == QLatin1String("catalog"))
        return runCatalog(ctx);
    if (command == QLatin1String("search"))
        return runSearch(ctx);
    if (command == QLatin1String("evaluate"))
        return runEvaluate(ctx);
    if (command == QLatin1String("compare"))
        return runCompare(ctx);
    if (command == QLatin1String("report"))
        return runReport(ctx);
    ctx.err(usage());
    return ctx.fail(Tr::tr("unknown command \"%1\"").arg(command));
}

} // namespace th::cli
