#!/usr/bin/env python3
"""Reads an .xlsx workbook with nothing but the Python standard library (zipfile and
xml.etree), independently of libxlsxwriter and of castgraph, and prints what a test needs
as JSON: each sheet's name, its frozen pane, and every cell with its type and value.

    {"sheets": [{"name": "hosts", "frozen_rows": 1, "frozen_columns": 0,
                 "cells": {"A1": {"type": "s", "value": "host"},
                           "C2": {"type": "n", "value": 4200.0}, ...}}]}

A cell's type is the workbook's own: "n" a number (a <v> holding the number itself),
"s" a shared string (resolved to its text), "str"/"inlineStr" other strings, "b" a
boolean. Usage: read_xlsx.py FILE.xlsx
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def shared_strings(book):
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    root = ET.fromstring(book.read("xl/sharedStrings.xml"))
    # A string item is plain <t> or rich-text runs <r><t>; its text is all of them joined.
    return ["".join(t.text or "" for t in si.iter(MAIN + "t")) for si in root.iter(MAIN + "si")]


def sheet_paths(book):
    """(name, path inside the zip) of each sheet, in workbook order."""
    workbook = ET.fromstring(book.read("xl/workbook.xml"))
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_REL + "Relationship")}
    for sheet in workbook.iter(MAIN + "sheet"):
        path = target[sheet.get(REL + "id")]
        yield sheet.get("name"), path.lstrip("/") if path.startswith("/") else "xl/" + path


def read_sheet(xml, strings):
    root = ET.fromstring(xml)
    frozen_rows = frozen_columns = 0
    for pane in root.iter(MAIN + "pane"):
        if pane.get("state") == "frozen":
            frozen_rows = int(float(pane.get("ySplit", "0")))
            frozen_columns = int(float(pane.get("xSplit", "0")))
    cells = {}
    for c in root.iter(MAIN + "c"):
        kind = c.get("t", "n")
        v = c.find(MAIN + "v")
        if kind == "inlineStr":
            value = "".join(t.text or "" for t in c.iter(MAIN + "t"))
        elif v is None:
            continue
        elif kind == "s":
            value = strings[int(v.text)]
        elif kind == "n":
            value = float(v.text)
        else:
            value = v.text
        cells[c.get("r")] = {"type": kind, "value": value}
    return {"frozen_rows": frozen_rows, "frozen_columns": frozen_columns, "cells": cells}


def main(path):
    with zipfile.ZipFile(path) as book:
        strings = shared_strings(book)
        sheets = []
        for name, inner in sheet_paths(book):
            sheet = read_sheet(book.read(inner), strings)
            sheet["name"] = name
            sheets.append(sheet)
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
