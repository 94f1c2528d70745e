#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box smoke test: the real Earmark, driven through AT-SPI.

Starts build/app/earmark on a demo database (earmark-cli demo) with the
accessibility bus on, and does what a user (or a screen reader user) does,
finding every widget by its accessible role and name: switches pages with
the view switcher, reads the Calls page, opens a call by typing its id in
the search and pressing Enter, tells Earmark who is evaluating, reads the
evaluate view's total, marks an item not met and sees the total drop by the
item's points, goes back (which saves the draft: read back from the
database) and closes the window.

Run by meson as a gui test (tests/run-all gives it a display and a session
bus; without a bus it starts its own with dbus-run-session).  Prints TAP.
Needs Debian's /usr/bin/python3 with python3-pyatspi, and at-spi2-core.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

if "DBUS_SESSION_BUS_ADDRESS" not in os.environ and "EARMARK_ATSPI_REEXEC" not in os.environ:
    os.environ["EARMARK_ATSPI_REEXEC"] = "1"
    os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable] + sys.argv)

import pyatspi  # noqa: E402  (after the session bus is there)

# tests/run-all stretches the waits as it stretches meson's timeouts
# (under the sanitizers the program takes far longer to start).
TIMEOUT = 20.0 * float(os.environ.get("EARMARK_TIMEOUT_MULTIPLIER", "1"))
if TIMEOUT > 20.0:
    # AT-SPI's own wait for a reply (25 s by default) likewise.
    from gi.repository import Atspi  # noqa: E402
    Atspi.set_timeout(int(TIMEOUT * 1250), int(TIMEOUT * 1500))
build_dir = os.environ.get("EARMARK_BUILD_DIR", "build")
cli = os.environ.get("EARMARK_CLI", os.path.join(build_dir, "app", "earmark-cli"))
earmark = os.path.join(build_dir, "app", "earmark")

step = 0


class Failure(Exception):
    pass


def ok(description):
    global step
    step += 1
    print(f"ok {step} /atspi-smoke/{description}", flush=True)


def wait_for(what, function, timeout=TIMEOUT):
    """Polls function() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = function()
        except Exception:  # a node went away while we looked: look again
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def find(root, predicate, max_depth=40):
    """The first node below root (breadth first, at most max_depth down)
    for which predicate holds."""
    level = [root]
    for _ in range(max_depth + 1):
        following = []
        for node in level:
            try:
                if predicate(node):
                    return node
                following.extend(child for child in node if child is not None)
            except Exception:  # defunct node
                continue
        if not following:
            return None
        level = following
    return None


def role_named(role, name):
    return lambda node: node.getRoleName() == role and node.name == name


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def action_names(node):
    action = node.queryAction()
    return [action.getName(i) for i in range(action.nActions)]


def do_action(node, name):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == name:
            if not action.doAction(i):
                raise Failure(f"{node.getRoleName()} “{node.name}” refused {name}")
            return
    raise Failure(f"{node.getRoleName()} “{node.name}” has no action {name}")


def earmark_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "earmark":
            return app
    return None


def query(db_path, sql, *params):
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchone()


def make_demo(directory):
    db_path = os.path.join(directory, "demo.db")
    subprocess.run([cli, "demo", "--db", db_path, "--end-month", "2024-06"],
                   check=True, stdout=subprocess.DEVNULL)
    return db_path


def start_earmark(db_path):
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)         # the tests' environment turns it off
    env["GSK_RENDERER"] = env.get("GSK_RENDERER", "cairo")
    return subprocess.Popen([earmark, "--db", db_path], env=env)


def find_all(root, predicate, max_depth):
    found = []
    find(root, lambda node: predicate(node) and found.append(node), max_depth)
    return found


def check_pages(frame):
    """The view switcher's tabs switch pages.  The window has three
    switchers (wide, narrow and the bottom bar), and only the one shown
    can be clicked; GTK 4.8 does not tell which one is shown, so every tab
    of that name is clicked and one of them must become the current page."""
    for name in ("Evaluations", "Calls"):
        tabs = wait_for(f"the “{name}” tab", lambda: find_all(frame, role_named("page tab", name), 12))
        for tab in tabs:
            do_action(tab, "click")
        wait_for(f"the “{name}” tab to be the current page",
                 lambda: any(tab.getState().contains(pyatspi.STATE_SELECTED) for tab in tabs))
    ok("view-switcher")


def check_calls(frame, db_path):
    page = wait_for("the Calls page", lambda: find(frame, lambda n: n.name == "EmCallsPage", 12))
    n_calls, = query(db_path, "SELECT count(*) FROM calls")
    newest, = query(db_path, "SELECT external_id FROM calls ORDER BY started_at DESC, id DESC LIMIT 1")
    wait_for(f"“{n_calls} calls”", lambda: find(page, role_named("label", f"{n_calls} calls")))
    rows = wait_for("the list of calls", lambda: find(page, lambda n: n.getRoleName() == "list"
                                                      and n.name == "GtkColumnListView"))
    first_cell = wait_for("a row drawn", lambda: rows[0][0][0])
    if first_cell.name != newest:
        raise Failure(f"first row shows {first_cell.name!r}, the newest call is {newest!r}")
    ok("calls-listed")
    return page


def open_call(page, call_id):
    """Types the call id in the search, selects the one row it leaves and
    opens it with the page's “calls.open-selected” action (GTK 4.8 gives
    rows no action; Enter would need keyboard focus, which a window under
    Xvfb without a window manager does not get)."""
    entry = wait_for("the search entry", lambda: find(page, lambda n: n.getRoleName() == "entry"))
    if not entry.queryEditableText().setTextContents(call_id):
        raise Failure("the search entry did not take the text")
    wait_for("“1 call”", lambda: find(page, role_named("label", "1 call")))
    rows = find(page, lambda n: n.getRoleName() == "list" and n.name == "GtkColumnListView")
    wait_for(f"the row of {call_id}", lambda: rows[0][0][0].name == call_id)
    if not rows.querySelection().selectChild(0):
        raise Failure("the row could not be selected")
    wait_for("calls.open-selected to be offered",
             lambda: "calls.open-selected" in action_names(page))
    do_action(page, "calls.open-selected")


def toplevel(app, name):
    """A window of the application other than the main one, by title."""
    for window in app:
        if window is not None and window.name == name:
            return window
    return None


def answer_inspector(app):
    """The first call opened asks who is evaluating."""
    dialog = wait_for("the “Who Is Evaluating?” dialog", lambda: toplevel(app, "Who Is Evaluating?"))
    name = wait_for("the “Your name” entry", lambda: find(dialog, lambda n: n.name == "Your name"
                                                           and n.getRoleName() in ("entry", "text")))
    name.queryEditableText().setTextContents("李敏")
    # The dialog's buttons are there twice (wide and narrow layouts); only
    # the shown “Save” responds.
    for save in find_all(dialog, lambda n: n.getRoleName() == "push button"
                         and n.name.split(" ")[-1] == "Save", 8):
        do_action(save, "click")
    wait_for("the dialog to close", lambda: toplevel(app, "Who Is Evaluating?") is None)
    ok("inspector-asked")


def evaluate(frame, app, call_id):
    view = wait_for("the evaluate view", lambda: find(frame, lambda n: n.name == "EmEvaluateView", 12))
    wait_for(f"the evaluate view titled {call_id}", lambda: find(view, role_named("label", call_id), 8))
    ok("call-opened")
    answer_inspector(app)

    total = wait_for("the total", lambda: find(view, lambda n: n.getRoleName() == "label"
                                               and n.description == "Total score"))
    before = text_of(total)
    switch = wait_for("an item's met switch",
                      lambda: find(view, lambda n: n.getRoleName() == "check box"
                                   and n.description == "Met (on) or not met (off)"))
    row = switch.parent.parent
    cost = wait_for("the item's rule", lambda: find(row, lambda n: n.getRoleName() == "label"
                                                    and n.name.startswith("Not met: −"), 3))
    points = int(cost.name.removeprefix("Not met: −"))
    expected = str(int(before) - points)
    do_action(switch, "toggle")
    wait_for(f"the total to go from {before} to {expected} ({switch.name} not met)",
             lambda: text_of(total) == expected)
    ok("total-follows-the-form")
    return view, int(expected)


def go_back(view, db_path, call_id, total):
    back = wait_for("the Back button", lambda: find(view, role_named("push button", "Back"), 8))
    do_action(back, "click")
    wait_for(f"the draft of {call_id} stored with {total}",
             lambda: query(db_path, "SELECT e.total FROM evaluations e JOIN calls c ON c.id = e.call_id "
                                    "WHERE c.external_id = ? AND e.inspector = '李敏'",
                           call_id) == (total * 100,))
    ok("back-saves-the-draft")


def close(frame, process):
    do_action(frame, "window.close")
    try:
        status = process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Failure("Earmark did not quit after its window was closed")
    if status != 0:
        raise Failure(f"Earmark exited with status {status}")
    ok("quits")


def main():
    directory = tempfile.mkdtemp(prefix="earmark-atspi-")
    process = None
    print("1..7", flush=True)
    try:
        db_path = make_demo(directory)
        call_id, = query(db_path, "SELECT external_id FROM calls c WHERE NOT EXISTS "
                                  "(SELECT 1 FROM evaluations e WHERE e.call_id = c.id) "
                                  "ORDER BY started_at DESC, id DESC LIMIT 1")
        process = start_earmark(db_path)
        app = wait_for("Earmark on the accessibility bus", earmark_app)
        frame = wait_for("the main window", lambda: find(app, role_named("frame", "Earmark"), 1))

        check_pages(frame)
        page = check_calls(frame, db_path)
        open_call(page, call_id)
        view, total = evaluate(frame, app, call_id)
        go_back(view, db_path, call_id, total)
        close(frame, process)
        process = None
        return 0
    except Failure as failure:
        print(f"not ok {step + 1} {failure}", flush=True)
        print(f"Bail out! {failure}", flush=True)
        return 1
    finally:
        if process is not None:
            process.kill()
            process.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
