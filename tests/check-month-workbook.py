#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a monthly workbook exported from the test fixture (tests/em-month-fixture.c)
with openpyxl, an independent reader, and checks what a QA manager would look
at: sheet names and headers in the right language, the figures worked out by
hand in the fixture, masked caller numbers, frozen headers, filters, number
formats, printing set-up, and the three native charts with their data ranges
(read from the chart XML, as openpyxl keeps only part of it).

Usage: check-month-workbook.py FILE --lang en|zh_CN [--team NAME]
                               [--callers masked|shown] [--empty]
Exits 1 with one line per failed check.
"""
import argparse
import datetime
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

SHEETS = {
    "en": ["Summary", "Agents", "Deductions", "12-month trend", "Evaluations"],
    "zh_CN": ["汇总", "坐席成绩", "扣分项", "近12个月趋势", "评分明细"],
}

AGENT_HEADERS = {
    "en": ["Code", "Name", "Team", "Calls", "Evaluations", "QA score",
           "Answered within 20 s", "Answered within 20 s (points)",
           "Caller satisfaction", "Caller satisfaction (points)",
           "Mean satisfaction rating",
           "Resolution rate", "Resolution rate (points)",
           "Average talk time (s)", "Average talk time (points)",
           "Tickets closed on time", "Tickets closed on time (points)",
           "Total", "Grade", "Rank", "Team rank"],
    "zh_CN": ["工号", "姓名", "班组", "通话数", "评分数", "质检成绩",
              "接听及时率", "接听及时率得分", "通话满意度", "通话满意度得分",
              "满意度评价均分", "问题解决率", "问题解决率得分",
              "平均通话时长（秒）", "平均通话时长得分",
              "工单处理及时率", "工单处理及时率得分",
              "月度总分", "等级", "排名", "班组排名"],
}

DETAIL_HEADERS = {
    "en": ["Call ID", "Date", "Code", "Name", "Team", "Inspector", "Scorecard", "Status",
           "Score", "Fatal", "Excluded", "Caller"],
    "zh_CN": ["通话编号", "通话时间", "工号", "姓名", "班组", "质检员", "评分表", "状态",
              "得分", "致命错误", "剔除", "主叫号码"],
}

WORDS = {
    "en": {"good": "Good", "pass": "Pass", "center": "All agents", "whole_team": "Whole team",
           "finalised": "Finalised", "draft": "Draft", "no": "No", "yes": "Yes",
           "scorecard": "Hotline call QA",
           "items": ["Forbidden phrases", "Hanging up early", "Information accurate (rev. 2)",
                     "Casual language"],
           "a001_first_item": "Information accurate"},
    "zh_CN": {"good": "良好", "pass": "合格", "center": "全中心", "whole_team": "班组整体",
              "finalised": "已定稿", "draft": "草稿", "no": "否", "yes": "是",
              "scorecard": "热线通话质检评分表",
              "items": ["服务禁语", "提前挂机", "信息内容准确（修订）", "语言随意"],
              "a001_first_item": "信息内容准确无误"},
}

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)
    return condition


def near(a, b):
    return a is not None and b is not None and abs(a - b) < 1e-6


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def column_of(header_row, title):
    return header_row.index(title) + 1


def letter(col):
    return openpyxl.utils.get_column_letter(col)


# ---------------------------------------------------------------- charts

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def read_rels(archive, part):
    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", name + ".rels")
    if rels_path not in archive.namelist():
        return {}
    tree = ET.fromstring(archive.read(rels_path))
    rels = {}
    for rel in tree.findall("rel:Relationship", NS):
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
        rels[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
    return rels


def charts_by_sheet(path):
    """{sheet name: [(kind, [(categories, values), ...]), ...]}"""
    result = {}
    with zipfile.ZipFile(path) as archive:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        workbook_rels = read_rels(archive, "xl/workbook.xml")
        for sheet in workbook.find("m:sheets", NS):
            _, part = workbook_rels[sheet.get("{%s}id" % NS["r"])]
            charts = result.setdefault(sheet.get("name"), [])
            for kind, drawing in read_rels(archive, part).values():
                if kind != "drawing":
                    continue
                for kind2, chart_part in read_rels(archive, drawing).values():
                    if kind2 == "chart":
                        charts.append(parse_chart(archive.read(chart_part)))
    return result


def unquote(ref):
    # 'Sheet name'!$A$1:$B$2 and Sheet!$A$1:$B$2 are the same range
    m = re.match(r"^'?(.*?)'?!(.*)$", ref)
    return "%s!%s" % (m.group(1).replace("''", "'"), m.group(2))


def parse_chart(data):
    tree = ET.fromstring(data)
    plot = tree.find("c:chart/c:plotArea", NS)
    for element in plot:
        tag = element.tag.split("}")[1]
        if tag == "barChart":
            kind = "column" if element.find("c:barDir", NS).get("val") == "col" else "bar"
        elif tag == "lineChart":
            kind = "line"
        else:
            continue
        series = []
        for ser in element.findall("c:ser", NS):
            cat = ser.find("c:cat//c:f", NS)
            val = ser.find("c:val//c:f", NS)
            series.append((unquote(cat.text) if cat is not None else None,
                           unquote(val.text) if val is not None else None))
        return (kind, series)
    return ("unknown", [])


# ---------------------------------------------------------------- sheets

def check_agents(ws, lang, team):
    data = rows(ws)
    header = data[0]
    check(header == AGENT_HEADERS[lang], "agents header: %r" % (header,))
    check(ws.freeze_panes == "C2", "agents: frozen at %r, not C2" % ws.freeze_panes)
    check(ws.auto_filter.ref == "A1:U%d" % len(data), "agents: filter %r" % ws.auto_filter.ref)
    check(ws.page_setup.orientation == "landscape", "agents: not landscape")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          "agents: not fit to page")
    check(ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0,
          "agents: fit %r × %r" % (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight))
    check(ws.column_dimensions["G"].width >= 8, "agents: column G has no width")

    codes = [r[0] for r in data[1:]]
    expected = ["A001", "A002", "A003"] if team == "一组" else ["A001", "A002", "A003", "B002", "B001"]
    check(codes == expected, "agents: rows %r, expected %r" % (codes, expected))

    a001 = data[1]
    words = WORDS[lang]
    want = ["A001", "王芳", "一组", 11, 2, 90, 0.9, 10, 0.7, 6, 3.8, 0.9, 10, 180, 10, 0.75, 6,
            87, words["good"], 1, 1]
    for i, (got, exp) in enumerate(zip(a001, want)):
        ok = near(got, exp) if isinstance(exp, (int, float)) else got == exp
        check(ok, "agents A001 %s: %r, expected %r" % (header[i], got, exp))

    check(ws["G2"].number_format == "0.00%", "agents: rate format %r" % ws["G2"].number_format)
    check(ws["F2"].number_format == "0.00", "agents: QA format %r" % ws["F2"].number_format)
    a002 = data[2]
    check(a002[5] is None and a002[8] is None, "agents A002: no QA score / satisfaction expected")
    check(near(a002[6], 0.8999) and a002[7] == 8, "agents A002: 89.99 %% → 8, got %r %r" % (a002[6], a002[7]))
    if team is None:
        b001 = data[5]
        check(b001[0] == "B001" and near(b001[17], 69) and b001[18] == words["pass"] and b001[19] == 5,
              "agents B001: %r" % (b001,))
        check([r[19] for r in data[1:]] == [1, 2, 2, 2, 5], "agents: ranks %r" % [r[19] for r in data[1:]])
    return len(data) - 1, column_of(header, AGENT_HEADERS[lang][17])


def check_summary(ws, lang, team):
    data = rows(ws)
    words = WORDS[lang]
    check(data[0][0] == ("Monthly evaluation 2024-05" if lang == "en" else "2024-05 月度考核"),
          "summary title %r" % data[0][0])
    check(data[1][1] == (team or ("All teams" if lang == "en" else "全部班组")), "summary team %r" % data[1][1])
    labels = [r[0] for r in data]
    teams = {r[0]: r for r in data if r[0] in ("一组", "二组", words["center"])}
    check(set(teams) == ({"一组", words["center"]} if team else {"一组", "二组", words["center"]}),
          "summary: team rows %r" % sorted(teams))
    # Team, Agents, Calls, Evaluations, QA score, 11 metric columns, Total, Grade, Rank
    check(near(teams["一组"][4], 89) and near(teams["一组"][16], 82.5) and teams["一组"][17] == words["good"],
          "summary 一组: %r" % (teams["一组"],))
    check(near(teams[words["center"]][16], 78.17) and teams[words["center"]][2] == 10020,
          "summary center: %r" % (teams[words["center"]],))
    if not team:
        check(near(teams["二组"][16], 73.5) and teams["二组"][18] == 2, "summary 二组: %r" % (teams["二组"],))
    grade_row = labels.index("Excellent" if lang == "en" else "优秀")
    counts = [data[grade_row + i][2] for i in range(4)]
    check(counts == ([0, 3, 0, 0] if team else [0, 4, 1, 0]), "summary grade counts %r" % counts)


def check_deductions(ws, lang, team):
    data = rows(ws)
    words = WORDS[lang]
    overall = [r[1] for r in data[1:] if r[1] is not None]
    if team:
        # 一组 only ever used revision 1 of the scorecard
        expected = [words["items"][0], words["a001_first_item"], words["items"][3]]
    else:
        expected = words["items"]
    check(overall == expected, "deductions overall %r, expected %r" % (overall, expected))
    if not team:
        check(near(data[1][4], 34) and data[1][3] == 5 and near(data[1][5], 34 / 94),
              "deductions first row %r" % (data[1],))
        check(data[1][2] == words["scorecard"], "deductions scorecard %r" % data[1][2])
    a001 = [r for r in data[1:] if r[7] == "A001"]
    check(len(a001) == 3 and a001[0][10] == words["a001_first_item"] and near(a001[0][13], 12),
          "deductions A001 %r" % (a001,))
    check(ws.freeze_panes == "A2", "deductions: frozen at %r" % ws.freeze_panes)
    return len(overall)


def check_trend(ws, lang, team):
    data = rows(ws)
    words = WORDS[lang]
    months = ["2023-%02d" % m for m in range(6, 13)] + ["2024-%02d" % m for m in range(1, 6)]
    check(data[0][3:] == months, "trend months %r" % (data[0][3:],))
    check(data[1][1] == words["center"] and near(data[1][14], 78.17), "trend center %r" % (data[1],))
    group_rows = [r for r in data[1:] if r[0] is None]
    check(len(group_rows) == (2 if team else 3), "trend group rows %r" % group_rows)
    check(group_rows[1][1] == words["whole_team"], "trend team row %r" % (group_rows[1],))
    if not team:
        b001 = [r for r in data if r[0] == "B001"][0]
        check(near(b001[13], 55) and near(b001[14], 69) and b001[12] is None, "trend B001 %r" % (b001,))
    check(ws.freeze_panes == "D2", "trend: frozen at %r" % ws.freeze_panes)
    return len(group_rows)


def check_detail(ws, lang, team, callers):
    data = rows(ws)
    words = WORDS[lang]
    check(data[0] == DETAIL_HEADERS[lang], "detail header %r" % (data[0],))
    check(len(data) - 1 == (7 if team else 9), "detail: %d rows" % (len(data) - 1))
    check(ws.freeze_panes == "B2", "detail: frozen at %r" % ws.freeze_panes)
    check(ws.auto_filter.ref == "A1:L%d" % len(data), "detail: filter %r" % ws.auto_filter.ref)
    by_id = {r[0]: r for r in data[1:]}
    if not team:
        first = data[1]
        check(first[0] == "B001-01" and first[1] == datetime.datetime(2024, 5, 1, 0, 30),
              "detail: first row %r (the +8 call of May 1st, 00:30)" % (first,))
        check(ws["B2"].number_format == "yyyy-mm-dd hh:mm:ss", "detail date format %r" % ws["B2"].number_format)
    a001 = by_id["A001-01"]
    check(a001[5] == "质检员甲" and a001[6] == words["scorecard"] and a001[7] == words["finalised"]
          and near(a001[8], 92.5) and a001[9] == words["no"] and a001[10] == words["no"],
          "detail A001-01 %r" % (a001,))
    check(by_id["A001-03"][10] == words["yes"], "detail A001-03 excluded %r" % (by_id["A001-03"],))
    check(by_id["A001-04"][7] == words["draft"], "detail A001-04 status %r" % (by_id["A001-04"],))
    expected = {"A001-01": "13812345678", "A001-03": "010-62345678", "A003-01": "13600000001"}
    masked = {"A001-01": "138****5678", "A001-03": "010-****5678", "A003-01": "136****0001"}
    for call, number in expected.items():
        want = number if callers == "shown" else masked[call]
        check(by_id[call][11] == want, "detail %s caller %r, expected %r" % (call, by_id[call][11], want))
    if callers != "shown":
        for r in data[1:]:
            check(r[11] is None or "****" in r[11], "detail: caller %r not masked" % r[11])


def check_charts(path, lang, names, n_agents, total_col, n_top, n_group_rows):
    charts = charts_by_sheet(path)
    summary, agents, deductions, trend = names[0], names[1], names[2], names[3]
    t = letter(total_col)

    check([c[0] for c in charts[summary]] == ["column"], "summary charts %r" % charts[summary])
    if charts[summary]:
        check(charts[summary][0][1] == [("%s!$B$2:$B$%d" % (agents, n_agents + 1),
                                         "%s!$%s$2:$%s$%d" % (agents, t, t, n_agents + 1))],
              "column chart series %r" % charts[summary][0][1])

    check([c[0] for c in charts[deductions]] == ["bar"], "deductions charts %r" % charts[deductions])
    if charts[deductions]:
        check(charts[deductions][0][1] == [("%s!$B$2:$B$%d" % (deductions, n_top + 1),
                                            "%s!$E$2:$E$%d" % (deductions, n_top + 1))],
              "bar chart series %r" % charts[deductions][0][1])

    check([c[0] for c in charts[trend]] == ["line"], "trend charts %r" % charts[trend])
    if charts[trend]:
        want = [("%s!$D$1:$O$1" % trend, "%s!$D$%d:$O$%d" % (trend, r, r)) for r in range(2, 2 + n_group_rows)]
        check(charts[trend][0][1] == want, "line chart series %r, expected %r" % (charts[trend][0][1], want))

    check(charts[names[4]] == [], "detail sheet has charts")


def check_empty(path, wb, lang):
    names = SHEETS[lang]
    check(wb.sheetnames == names, "sheets %r" % wb.sheetnames)
    check(wb[names[1]].max_row == 1, "agents sheet not empty")
    check(wb[names[4]].max_row == 1, "detail sheet not empty")
    check(rows(wb[names[1]])[0] == AGENT_HEADERS[lang], "agents header on an empty month")
    charts = charts_by_sheet(path)
    check(charts[names[0]] == [] and charts[names[2]] == [], "charts over no data")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--lang", required=True, choices=["en", "zh_CN"])
    parser.add_argument("--team")
    parser.add_argument("--callers", default="masked", choices=["masked", "shown"])
    parser.add_argument("--empty", action="store_true")
    args = parser.parse_args()

    wb = openpyxl.load_workbook(args.file)
    if args.empty:
        check_empty(args.file, wb, args.lang)
    else:
        names = SHEETS[args.lang]
        check(wb.sheetnames == names, "sheets %r, expected %r" % (wb.sheetnames, names))
        if wb.sheetnames == names:
            # openpyxl itself must find the charts too
            kinds = [type(c).__name__ for n in names for c in wb[n]._charts]
            check(kinds == ["BarChart", "BarChart", "LineChart"], "openpyxl charts %r" % kinds)
            n_agents, total_col = check_agents(wb[names[1]], args.lang, args.team)
            check_summary(wb[names[0]], args.lang, args.team)
            n_top = check_deductions(wb[names[2]], args.lang, args.team)
            n_groups = check_trend(wb[names[3]], args.lang, args.team)
            check_detail(wb[names[4]], args.lang, args.team, args.callers)
            check_charts(args.file, args.lang, names, n_agents, total_col, n_top, n_groups)

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
