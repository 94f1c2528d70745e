#!/usr/bin/python3
"""Checks that a translation is complete, valid and up to date.

Usage: check-po.py SOURCE_ROOT LANG

- msgfmt --check (formats, headers, plural forms) and --check-accelerators
  (a mnemonic "_" kept once) pass, and its statistics report every message
  translated: no fuzzy and no untranslated entry;
- the template extracted now from the files of po/POTFILES.in, with the
  keywords of meson's glib preset, has no message the translation lacks
  (msgcmp: an untranslated or fuzzy entry counts as lacking), so a string
  added to the code since the last earmark-update-po fails the test too.

Exit status 0 when all holds; otherwise the offending messages are printed.
"""
import os
import re
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib') keywords and flags.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def check_msgfmt(po):
    problems = []
    result = run(["msgfmt", "--check", "--check-accelerators=_", "--statistics",
                  "-o", os.devnull, po], env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
    if result.returncode != 0:
        problems.append("msgfmt --check failed:\n" + result.stderr.strip())
    stats = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    match = re.fullmatch(r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?"
                         r"(?:, (\d+) untranslated messages?)?\.", stats)
    if match is None:
        problems.append(f"cannot read msgfmt's statistics: {stats!r}")
    else:
        translated = int(match.group(1))
        fuzzy = int(match.group(2) or 0)
        untranslated = int(match.group(3) or 0)
        print(f"{po}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated")
        if fuzzy or untranslated:
            for option in ("--only-fuzzy", "--untranslated"):
                listing = run(["msgattrib", option, "--no-obsolete", "--no-wrap", po]).stdout
                ids = re.findall(r'^msgid "(.+)"$', listing, flags=re.M)
                if ids:
                    problems.append(f"{option[2:]} messages:\n  " + "\n  ".join(ids))
        if translated == 0:
            problems.append("no message is translated")
    return problems


def check_up_to_date(root, po):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "earmark.pot")
        result = run(["xgettext", "--package-name=earmark", "-D", root,
                      "-f", os.path.join(root, "po", "POTFILES.in"), "-o", pot] + XGETTEXT_ARGS)
        if result.returncode != 0:
            return ["xgettext failed:\n" + result.stderr.strip()]
        result = run(["msgcmp", "-N", po, pot], env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
        if result.returncode != 0:
            with open(pot, encoding="utf-8") as f:
                lines = f.read().splitlines()
            # msgcmp names the line of each entry's msgstr; its msgid precedes it.
            missing = []
            for n in re.findall(r"\.pot:(\d+): ", result.stderr):
                i = int(n) - 2
                while i > 0 and not lines[i].startswith(("msgid ", "msgid_plural ")):
                    i -= 1
                missing.append(lines[i] + (lines[i + 1] if lines[i].endswith('""') else ""))
            return ["messages of the sources missing, untranslated or fuzzy in " + po +
                    " (run meson compile -C build earmark-pot earmark-update-po):\n  " +
                    "\n  ".join(missing or [result.stderr.strip()])]
    return []


def main():
    root, lang = sys.argv[1], sys.argv[2]
    po = os.path.join(root, "po", lang + ".po")
    problems = check_msgfmt(po) + check_up_to_date(root, po)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
