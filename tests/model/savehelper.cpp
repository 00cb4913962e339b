// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_crashsafety (not a test): loads two plans and saves them alternately to one path
// with the model's atomic save (savePlanFile) until it is killed. After each completed save it
// writes one byte to stdout: 'a' or 'b' for the plan now on disk.
//
//   savehelper TARGET PLAN_A PLAN_B FIRST(0|1)
#include "model/io/planfile.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: savehelper TARGET PLAN_A PLAN_B FIRST\n");
        return 2;
    }
    th::FloorPlan plans[2];
    for (int i = 0; i < 2; ++i) {
        const th::PlanReadResult r = th::readPlanFile(args.at(2 + i));
        if (!r.plan) {
            std::fprintf(stderr, "savehelper: %s\n", qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
            return 2;
        }
        plans[i] = *r.plan;
    }
    std::fputs("r", stdout);
    std::fflush(stdout);
    for (int i = args.at(4).toInt();; i = 1 - i) {
        QString error;
        if (!th::savePlanFile(args.at(1), plans[i], &error)) {
            std::fprintf(stderr, "savehelper: %s\n", qPrintable(error));
            return 1;
        }
        std::fputc(i == 0 ? 'a' : 'b', stdout);
        std::fflush(stdout);
    }
}
