"""Hostile text, and a board full of it: seeded through the store API and then written raw into
the board's files the way an older or buggy version, or a hand edit, could have left them.

Every payload carries a tag so a test can tell whether a sequence on the terminal came from the
data (`\\x1b]0;pwned`) or from Textual itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from store.board import Board

OSC52 = "\x1b]52;c;aGk=\x07"          # write "hi" to the clipboard
CLEAR = "\x1b[2Jcleared"               # clear the screen
WINDOW_TITLE = "\x1b]0;pwned\x07"      # set the window title
C1_CSI = "\x9b31mred"                  # a CSI as one C1 character
RLO = "\u202eevil"                     # right-to-left override
CLICK = "[ @click=app.quit]x"          # Textual markup that would quit the app when clicked
LINK = "[link=https://x]y[/]"          # a hyperlink in markup
CJK = "営業チームの改善計画を立てる顧客訪問"  # wide characters
RTL = "خطة تحسين المبيعات שיפור המכירות"   # Arabic and Hebrew
LONG = "L" * 10_000

PAYLOADS = (OSC52, CLEAR, WINDOW_TITLE, C1_CSI, RLO, CLICK, LINK)
HOSTILE = " ".join(PAYLOADS)

# What must never reach the terminal: each payload as it would be written if it got through.
FORBIDDEN = {
    "OSC 52 clipboard": b"\x1b]52;c;aGk=",
    "window title": b"\x1b]0;pwned",
    "clear screen from data": b"\x1b[2Jcleared",
    "C1 CSI": "\x9b".encode(),
    "bidi override": "\u202e".encode(),
    "BEL from data": b"\x07",
}


def seed(path: Path) -> Board:
    """A board with hostile text in every kind of item the screens show (through the API)."""
    board = Board(path, actor="dana")
    board.add_member("dana", "lead")
    board.add_member("ali", "rep")
    goal = board.add_goal(f"G {OSC52} {CLICK}"[:200], metric="revenue", target=100, unit="$",
                          description=HOSTILE + "\n" + CJK)
    board.checkin(goal.id, 40, comment=HOSTILE)
    strategy = board.add_strategy(f"S {LINK} {RTL}", goals=[goal.id])
    board.add_task(f"T {OSC52} {CLICK} {LINK}", owner="ali", due="2020-01-01", goal=goal.id,
                   steps=[{"text": f"step {WINDOW_TITLE} {CLICK}"}], expected_result=HOSTILE,
                   measure=RLO)
    board.comment_task("T-1", HOSTILE + "\n" + f"{CLICK} {RTL}")
    board.add_task(f"{CJK} {CJK} {CJK}", owner="dana", strategy=strategy.id)
    board.add_task(f"{RTL} {RLO} {RTL}", status="doing")
    board.add_task("W" * 200, status="blocked")
    board.add_deal(f"D {CLEAR} {CLICK}", account=f"Acme {WINDOW_TITLE}", value=1000,
                   next_step=HOSTILE)
    board.add_deal(f"{CJK}", account=RTL, value=50)
    board.move_deal("D-2", "Lost", f"R {CLICK}")
    board.request_budget(f"B {LINK} {CJK}", 500, strategy=strategy.id, note=HOSTILE)
    board.add_training(f"Tr {C1_CSI} {CLICK}", audience=f"all {RLO}")
    board.add_note(HOSTILE + " " + CJK, source=f"client {WINDOW_TITLE}")
    return board


def write_raw(path: Path) -> None:
    """Put hostile bytes straight into the files, past the store's cleaning on the way in.

    Only into fields whose stored value survives reading (within their length caps), so the
    board still opens: it is the way out that must keep them off the terminal.
    """
    tasks_file = path / "tasks" / "0000.json"
    data = json.loads(tasks_file.read_text())
    first = data["tasks"]["1"]
    first["title"] = f"raw {WINDOW_TITLE}{OSC52}{CLEAR}"
    first["owner"] = WINDOW_TITLE  # a reference: not cleaned on the way in
    first["goal"] = C1_CSI
    first["measure"] = f"{C1_CSI} {RLO} {OSC52}"
    tasks_file.write_text(json.dumps(data))
    board_file = path / "board.json"
    data = json.loads(board_file.read_text())
    data["meta"]["1"]["name"] = f"board {WINDOW_TITLE}{OSC52}"
    board_file.write_text(json.dumps(data))
    deals_file = path / "deals" / "0000.json"
    data = json.loads(deals_file.read_text())
    data["deals"]["1"]["owner"] = OSC52
    data["deals"]["2"]["lost_reason"] = f"{WINDOW_TITLE}{C1_CSI}"[:40]
    deals_file.write_text(json.dumps(data))
    log = sorted((path / "log").glob("*.json"))[-1]
    data = json.loads(log.read_text())
    last = data["activity"][max(data["activity"], key=int)]
    last["actor"] = WINDOW_TITLE
    log.write_text(json.dumps(data))


def hostile_csv(path: Path) -> Path:
    """Sales records whose header, names, regions and products are hostile text (a few controls
    only: a file full of them is refused as binary, which is right too)."""
    rows = [f'date,amount,customer,region,product,"agent {WINDOW_TITLE}"']
    names = (CLICK, CJK, RTL, LINK, "Acme")
    for month in range(1, 7):
        for index, name in enumerate(names):
            rows.append(f'2025-{month:02d}-1{index},{100 * (index + month)},"{name}","{RTL}","{CJK}","{CLICK}"')
    rows.append(f'2025-06-20,5,"{WINDOW_TITLE}","{OSC52}","{C1_CSI}","{CLEAR}"')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
