#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer of Earmark's monthly export: Python XlsxWriter writing the same
workbook content.

Reads the workbook Earmark wrote (untimed) to learn every cell with its value
and number format, the column widths, header row heights, frozen panes,
filters, page set-up and the three charts with their data ranges; then, timed,
writes all of it again with XlsxWriter from memory, the way a Python script
that already had the figures would.  Prints "seconds <best of --repeat>".

Usage: month-xlsxwriter.py EARMARK.xlsx OUT.xlsx [--repeat N]
"""
import argparse
import datetime
import posixpath
import re
import sys
import time
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import xlsxwriter

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def read_rels(archive, part):
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in archive.namelist():
        return {}
    rels = {}
    for rel in ET.fromstring(archive.read(path)).findall("rel:Relationship", NS):
        rels[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1],
                               posixpath.normpath(posixpath.join(folder, rel.get("Target"))))
    return rels


def read_charts(path):
    """{sheet: [(type, subtype, title, anchor (row, col), [(name, cats, vals)])]}"""
    result = {}
    with zipfile.ZipFile(path) as archive:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        wb_rels = read_rels(archive, "xl/workbook.xml")
        for sheet in workbook.find("m:sheets", NS):
            _, part = wb_rels[sheet.get("{%s}id" % NS["r"])]
            charts = result.setdefault(sheet.get("name"), [])
            for kind, drawing in read_rels(archive, part).values():
                if kind != "drawing":
                    continue
                drawing_rels = read_rels(archive, drawing)
                tree = ET.fromstring(archive.read(drawing))
                for anchor in tree.findall("xdr:twoCellAnchor", NS):
                    frm = anchor.find("xdr:from", NS)
                    row = int(frm.find("xdr:row", NS).text)
                    col = int(frm.find("xdr:col", NS).text)
                    chart_ref = anchor.find(".//c:chart", NS)
                    _, chart_part = drawing_rels[chart_ref.get("{%s}id" % NS["r"])]
                    charts.append(parse_chart(archive.read(chart_part), row, col))
    return result


def parse_chart(data, row, col):
    tree = ET.fromstring(data)
    title = "".join(t.text or "" for t in tree.findall("c:chart/c:title//a:t", NS))
    plot = tree.find("c:chart/c:plotArea", NS)
    for element in plot:
        tag = element.tag.split("}")[1]
        if tag in ("barChart", "lineChart"):
            break
    if tag == "barChart":
        kind = "column" if element.find("c:barDir", NS).get("val") == "col" else "bar"
    else:
        kind = "line"
    series = []
    for ser in element.findall("c:ser", NS):
        name = ser.find("c:tx//c:f", NS)
        name_v = ser.find("c:tx//c:v", NS)
        series.append(("=" + name.text if name is not None else (name_v.text if name_v is not None else None),
                       "=" + ser.find("c:cat//c:f", NS).text,
                       "=" + ser.find("c:val//c:f", NS).text))
    return (kind, title, row, col, series)


def streamed(path):
    """Earmark writes a big workbook in constant-memory mode (inline strings);
    the peer then uses XlsxWriter's own constant-memory mode too."""
    with zipfile.ZipFile(path) as archive:
        return any(b't="inlineStr"' in archive.read(name)
                   for name in archive.namelist() if name.startswith("xl/worksheets/sheet"))


def load(path):
    """Everything the writer needs, in plain Python structures."""
    wb = openpyxl.load_workbook(path)
    charts = read_charts(path)
    sheets = []
    for ws in wb:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells.append((cell.row - 1, cell.column - 1, cell.value,
                              cell.number_format, bool(cell.font and cell.font.b),
                              bool(cell.alignment and cell.alignment.wrap_text)))
        widths = {openpyxl.utils.column_index_from_string(k) - 1: d.width
                  for k, d in ws.column_dimensions.items() if d.width}
        heights = {r - 1: d.height for r, d in ws.row_dimensions.items() if d.height}
        sheets.append({
            "name": ws.title, "cells": cells, "widths": widths, "heights": heights,
            "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
            "charts": charts.get(ws.title, []),
        })
    return sheets


def write(sheets, out, constant_memory):
    wb = xlsxwriter.Workbook(out, {"constant_memory": constant_memory})
    formats = {}

    def fmt(number_format, bold, wrap):
        key = (number_format, bold, wrap)
        if key not in formats:
            props = {}
            if number_format != "General":
                props["num_format"] = number_format
            if bold:
                props["bold"] = True
            if wrap:
                props.update({"text_wrap": True, "valign": "vcenter", "bg_color": "#DDE4EE", "bottom": 1})
            formats[key] = wb.add_format(props) if props else None
        return formats[key]

    for sheet in sheets:
        ws = wb.add_worksheet(sheet["name"])
        for col, width in sheet["widths"].items():
            ws.set_column(col, col, width)
        for row, height in sheet["heights"].items():
            ws.set_row(row, height)
        write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
        for row, col, value, number_format, bold, wrap in sheet["cells"]:
            f = fmt(number_format, bold, wrap)
            if isinstance(value, str):
                write_string(row, col, value, f)
            elif isinstance(value, datetime.datetime):
                write_datetime(row, col, value, f)
            else:
                write_number(row, col, value, f)
        if sheet["freeze"]:
            ws.freeze_panes(sheet["freeze"])
        if sheet["filter"]:
            ws.autofilter(sheet["filter"])
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        for kind, title, row, col, series in sheet["charts"]:
            chart = wb.add_chart({"type": kind})
            chart.set_title({"name": title})
            for name, cats, vals in series:
                chart.add_series({"name": name, "categories": cats, "values": vals})
            ws.insert_chart(row, col, chart)
    wb.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    sheets = load(args.source)
    constant_memory = streamed(args.source)
    best = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        write(sheets, args.out, constant_memory)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print("seconds %.6f" % best)
    print("cells %d" % sum(len(s["cells"]) for s in sheets))
    print("charts %d" % sum(len(s["charts"]) for s in sheets))
    print("constant_memory %s" % constant_memory)


if __name__ == "__main__":
    sys.exit(main())
