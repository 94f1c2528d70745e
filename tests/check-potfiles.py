#!/usr/bin/python3
"""Fails when a file with translatable strings is missing from po/POTFILES.in.

Usage: check-potfiles.py SOURCE_ROOT

A string marked for translation in a file that POTFILES.in does not list
never reaches the template, so it stays English in every language however
complete zh_CN.po looks. Checked:

- every C file under app/ and widgets/ that marks a string (_(), N_(), C_(),
  NC_(), ngettext, g_dngettext, g_dpgettext2),
- every .ui file under resources/ with translatable="yes",
- the desktop file, the AppStream metainfo and the GSettings schema,

must be listed; every listed file must exist (xgettext stops at the first
that does not) and be listed once.
"""
import os
import re
import sys

MARKS_C = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(')
MARKS_UI = re.compile(r'translatable="yes"')
ALWAYS = (
    "resources/io.github.earmark.Earmark.desktop.in",
    "resources/io.github.earmark.Earmark.gschema.xml",
    "resources/io.github.earmark.Earmark.metainfo.xml.in",
)


def strip_c_comments(text):
    # A commented-out _() is not a string anyone sees.
    return re.sub(r'/\*.*?\*/', '', text, flags=re.S)


def files_with_strings(root):
    found = set(ALWAYS)
    for top in ("app", "widgets", "resources"):
        for folder, _dirs, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                if name.endswith((".c", ".h")):
                    with open(path, encoding="utf-8") as f:
                        if MARKS_C.search(strip_c_comments(f.read())):
                            found.add(rel)
                elif name.endswith(".ui"):
                    with open(path, encoding="utf-8") as f:
                        if MARKS_UI.search(f.read()):
                            found.add(rel)
    return found


def listed_files(root):
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    return listed


def main():
    root = sys.argv[1]
    listed = listed_files(root)
    problems = []

    for path in sorted(files_with_strings(root) - set(listed)):
        problems.append(f"{path}: has translatable strings but is not in po/POTFILES.in")
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            problems.append(f"po/POTFILES.in: {path}: no such file")
    for path in sorted({p for p in listed if listed.count(p) > 1}):
        problems.append(f"po/POTFILES.in: {path}: listed more than once")

    for problem in problems:
        print(problem)
    print(f"{len(listed)} files listed, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
