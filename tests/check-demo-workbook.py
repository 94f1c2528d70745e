#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a monthly workbook exported from the demo database (by the Reports
page) with openpyxl and checks what the page promised: the sheets in the
language asked for, one agents row per agent of the month (as many as
`earmark-cli month` prints, in its order, with its totals), the three native
charts, and caller numbers masked or not.

The sheet names, headers and the chart reader come from check-month-workbook.py.

Usage: check-demo-workbook.py FILE --lang en|zh_CN --codes C1,C2,… --totals T1,T2,…
                              [--callers masked|shown]
Exits 1 with one line per failed check.
"""
import argparse
import importlib.util
import os
import sys

import openpyxl

spec = importlib.util.spec_from_file_location(
    "check_month_workbook", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-month-workbook.py"))
base = importlib.util.module_from_spec(spec)
spec.loader.exec_module(base)

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)
    return condition


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--lang", required=True, choices=["en", "zh_CN"])
    parser.add_argument("--codes", required=True)
    parser.add_argument("--totals", required=True)
    parser.add_argument("--callers", default="masked", choices=["masked", "shown"])
    args = parser.parse_args()

    codes = args.codes.split(",")
    totals = [float(t) if t else None for t in args.totals.split(",")]
    names = base.SHEETS[args.lang]

    wb = openpyxl.load_workbook(args.file)
    if not check(wb.sheetnames == names, "sheets %r, expected %r" % (wb.sheetnames, names)):
        return finish()

    agents = [list(r) for r in wb[names[1]].iter_rows(values_only=True)]
    header = agents[0]
    check(header == base.AGENT_HEADERS[args.lang], "agents header %r" % (header,))
    total_col = header.index(base.AGENT_HEADERS[args.lang][17])
    got_codes = [str(r[0]) for r in agents[1:]]
    check(got_codes == codes, "agents rows %r, expected %r" % (got_codes, codes))
    got_totals = [r[total_col] for r in agents[1:]]
    check(len(got_totals) == len(totals) and
          all((a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)
              for a, b in zip(got_totals, totals)),
          "agents totals %r, expected %r" % (got_totals, totals))

    kinds = [type(c).__name__ for n in names for c in wb[n]._charts]
    check(kinds == ["BarChart", "BarChart", "LineChart"], "charts %r" % kinds)

    detail = [list(r) for r in wb[names[4]].iter_rows(values_only=True)]
    check(detail[0] == base.DETAIL_HEADERS[args.lang], "detail header %r" % (detail[0],))
    callers = [r[11] for r in detail[1:] if r[11]]
    check(len(callers) > 0, "detail: no caller numbers at all")
    masked = [c for c in callers if "****" in c]
    if args.callers == "masked":
        check(len(masked) == len(callers), "detail: %d of %d callers not masked" % (len(callers) - len(masked), len(callers)))
    else:
        check(len(masked) == 0, "detail: %d callers masked although shown was asked for" % len(masked))

    return finish()


def finish():
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
