#!/usr/bin/env python3
"""Prints "N passed, N failed" from meson's testlog.json.

A TAP test (the GLib tests run with --tap) counts each subtest; any other
test counts once. A TAP test that failed without a "not ok" line (a crash,
a timeout) counts one failure more, so a crash is never hidden.

count-results.py TESTLOG.json [EXTRA_FAILED]: EXTRA_FAILED (default 0)
failures are added, e.g. the sanitizer reports tests/run-all found.
"""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        test = json.loads(line)
        result = test.get("result")
        ok_lines = not_ok_lines = 0
        if "--tap" in (test.get("command") or []):
            for out in (test.get("stdout") or "").splitlines():
                if re.match(r"^ok\b", out):
                    ok_lines += 1
                elif re.match(r"^not ok\b", out):
                    not_ok_lines += 1
        if ok_lines or not_ok_lines:
            passed += ok_lines
            failed += not_ok_lines
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_ok_lines == 0:
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result != "SKIP":
            failed += 1

if len(sys.argv) > 2:
    failed += int(sys.argv[2])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
