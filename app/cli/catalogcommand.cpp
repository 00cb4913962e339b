// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/catalog/catalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace th::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString catalogUsage()
{
    return Tr::tr("Usage:\n"
              "  terahall catalog list [--kind chip|system|equipment|model|calibration]\n"
              "  terahall catalog show ID\n"
              "  terahall catalog import FILE.csv\n"
              "  terahall catalog export FILE.csv [--kind KIND]   (default kind: chip; - writes to standard output)\n"
              "\n"
              "Imported rows are user rows: they override shipped rows with the same id without deleting\n"
              "them, and survive catalog updates. An import with any bad row changes nothing.\n");
}

QJsonValue jsonValue(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::LongLong:
    case QMetaType::Int:
        return v.toDouble();
    default:
        return v.toString();
    }
}

QJsonObject rowJson(const CatalogRow &row, bool full)
{
    const KindSpec &spec = kindSpec(row.kind);
    QJsonObject o;
    o.insert(QStringLiteral("kind"), spec.kindKey());
    o.insert(QStringLiteral("origin"), row.isUser ? QStringLiteral("user") : QStringLiteral("shipped"));
    if (row.overridesShipped)
        o.insert(QStringLiteral("overrides_shipped"), true);
    if (full) {
        for (const ColumnSpec &c : spec.columns)
            o.insert(c.columnName(), jsonValue(row.values.value(c.columnName())));
    } else {
        for (const char *key : {"id", "chip_id", "name", "vendor", "category", "family", "confidence"}) {
            if (spec.column(QString::fromLatin1(key)))
                o.insert(QString::fromLatin1(key), jsonValue(row.values.value(QString::fromLatin1(key))));
        }
    }
    return o;
}

/// Extracts "--kind X"; returns false (after printing) on a bad value.
bool takeKind(Context &ctx, QStringList &args, const KindSpec **kind)
{
    const int i = int(args.indexOf(QStringLiteral("--kind")));
    if (i < 0)
        return true;
    if (i + 1 >= args.size()) {
        ctx.fail(Tr::tr("--kind: needs one of chip, system, equipment, model, calibration"));
        return false;
    }
    *kind = kindSpecForKey(args.at(i + 1));
    if (!*kind) {
        ctx.fail(Tr::tr("--kind: must be one of chip, system, equipment, model, calibration, got \"%1\"").arg(args.at(i + 1)));
        return false;
    }
    args.remove(i, 2);
    return true;
}

int list(Context &ctx, QStringList args)
{
    const KindSpec *kind = nullptr;
    if (!takeKind(ctx, args, &kind))
        return BadInput;
    if (!args.isEmpty())
        return ctx.fail(Tr::tr("catalog list: unexpected argument \"%1\"").arg(args.front()));
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    QJsonArray rows;
    QString text;
    for (const KindSpec &k : catalogKinds()) {
        if (kind && kind->kind != k.kind)
            continue;
        for (const CatalogRow &r : catalog->rows(k.kind)) {
            rows.append(rowJson(r, false));
            text += QStringLiteral("%1  %2  %3  %4%5\n")
                        .arg(k.kindKey(), -11)
                        .arg(r.id(), -28)
                        .arg(r.text("name").isEmpty() ? r.text("source").left(40) : r.text("name"), -40)
                        .arg(r.text("confidence"), r.isUser ? Tr::tr("  (user)") : QString());
        }
    }
    if (ctx.format == Format::Text)
        ctx.out(text);
    else
        ctx.out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("rows"), rows}}).toJson(QJsonDocument::Indented)));
    return Success;
}

int show(Context &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.fail(Tr::tr("catalog show: expects one id, got %1 arguments").arg(args.size()));
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    const QString id = args.front();
    std::optional<CatalogRow> row = catalog->findAnyKind(id);
    if (!row)
        row = catalog->row(CatalogKind::ChipCalibration, id);
    if (!row)
        return ctx.fail(Tr::tr("catalog show: no row with id \"%1\" (terahall catalog list shows the ids)").arg(id));
    if (ctx.format == Format::Text) {
        const KindSpec &spec = kindSpec(row->kind);
        QString text;
        for (const ColumnSpec &c : spec.columns) {
            const QString value = valueToText(c, row->values.value(c.columnName()));
            text += QStringLiteral("%1 %2%3\n")
                        .arg(c.columnName() + QLatin1Char(':'), -24)
                        .arg(value.isEmpty() ? QStringLiteral("-") : value)
                        .arg(c.unit && !value.isEmpty() ? QLatin1Char(' ') + QString::fromUtf8(c.unit) : QString());
        }
        text += QStringLiteral("%1 %2\n").arg(QStringLiteral("origin:"), -24).arg(row->isUser ? QStringLiteral("user") : QStringLiteral("shipped"));
        ctx.out(text);
    } else {
        ctx.out(QString::fromUtf8(QJsonDocument(rowJson(*row, true)).toJson(QJsonDocument::Indented)));
    }
    return Success;
}

int import(Context &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.fail(Tr::tr("catalog import: expects one CSV file, got %1 arguments").arg(args.size()));
    QByteArray data;
    if (!readInputFile(ctx, args.front(), &data))
        return BadInput;
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    const ImportResult result = catalog->importCsv(data);
    if (!result.ok) {
        if (!result.error.isEmpty())
            ctx.err(QStringLiteral("terahall: %1: %2\n").arg(args.front(), result.error));
        for (const CatalogIssue &issue : result.issues)
            ctx.err(QStringLiteral("terahall: %1: %2\n").arg(args.front(), issue.toString()));
        return ctx.fail(Tr::tr("catalog import: nothing was imported"));
    }
    const QJsonObject summary{{QStringLiteral("imported"), result.rowCount}, {QStringLiteral("kind"), result.kind->kindKey()}};
    if (ctx.format == Format::Text)
        ctx.out(Tr::tr("imported %1 %2 rows\n").arg(result.rowCount).arg(result.kind->kindKey()));
    else
        ctx.out(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Indented)));
    return Success;
}

int exportCsv(Context &ctx, QStringList args)
{
    const KindSpec *kind = &kindSpec(CatalogKind::Chip);
    if (!takeKind(ctx, args, &kind))
        return BadInput;
    if (args.size() != 1)
        return ctx.fail(Tr::tr("catalog export: expects one output file (or -), got %1 arguments").arg(args.size()));
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    const QByteArray data = catalog->exportCsv(kind->kind);
    if (args.front() == QLatin1String("-")) {
        ctx.out(QString::fromUtf8(data));
        return Success;
    }
    return writeOutputFile(ctx, args.front(), data) ? Success : BadInput;
}

} // namespace

int runCatalog(Context &ctx)
{
    QStringList args = ctx.args;
    if (args.contains(QLatin1String("--help"))) {
        ctx.out(catalogUsage());
        return Success;
    }
    if (args.isEmpty()) {
        ctx.err(catalogUsage());
        return ctx.fail(Tr::tr("catalog: needs a sub-command: list, show, import or export"));
    }
    const QString sub = args.takeFirst();
    if (sub == QLatin1String("list"))
        return list(ctx, args);
    if (sub == QLatin1String("show"))
        return show(ctx, args);
    if (sub == QLatin1String("import"))
        return import(ctx, args);
    if (sub == QLatin1String("export"))
        return exportCsv(ctx, args);
    ctx.err(catalogUsage());
    return ctx.fail(Tr::tr("catalog: unknown sub-command \"%1\"").arg(sub));
}

} // namespace th::cli
