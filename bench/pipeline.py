"""Benchmark: the pipeline screen with 5,000 deals (first render, and a move to the updated screen).

Run from the repository root: `/work/venv/bin/python bench/pipeline.py [DEALS]`. Prints a table
with the median and worst of several runs next to the budget. The board is built by one import
(a generated CSV) in a temporary folder, with histories spread over twelve weeks.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.board import Board  # noqa: E402
from tui.app import UpliftApp  # noqa: E402
from tui.screens.pipeline import PipelineScreen  # noqa: E402

RENDER_BUDGET_MS, MOVE_BUDGET_MS = 300, 50
STAGES = ("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost")


def build(path: Path, deals: int) -> Board:
    rng = random.Random(4)
    today = date.today()
    lines = ["id,title,account,owner,stage,value,opened,close,key_account"]
    for n in range(deals):
        opened = today - timedelta(days=rng.randrange(1, 84))
        stage = rng.choices(STAGES, weights=(30, 20, 15, 10, 15, 10))[0]
        close = opened + timedelta(days=rng.randrange(0, (today - opened).days + 1))
        lines.append(f"X{n},Deal {n},Account {n % 400},,{stage},{rng.randrange(500, 90_000)},"
                     f"{opened},{close if stage in ('Won', 'Lost') else ''},{'yes' if n % 50 == 0 else ''}")
    source = path.parent / "deals.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    board = Board(path, actor="bench")
    board.import_deals(source, {"id": "source"})
    return board


async def measure(path: Path, moves: int) -> dict[str, list[float]]:
    """Wall-clock times in ms. "screen" times run until Pilot reports the app idle with the new
    screen painted; "handler" times cover our code only (data, arithmetic, widget sync)."""
    times: dict[str, list[float]] = {"render": [], "render_handler": [], "move": [], "move_handler": [],
                                     "idle": []}
    for _ in range(3):
        app = UpliftApp(Board(path, actor="bench"))
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await pilot.pause()
            times["idle"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            await app.switch_mode("pipeline")
            await pilot.pause()
            times["render"].append((time.perf_counter() - start) * 1000)
            screen = app.screen
            assert isinstance(screen, PipelineScreen)
            start = time.perf_counter()
            await screen.refresh_board()
            times["render_handler"].append((time.perf_counter() - start) * 1000)
            deal_id = screen.kanban.columns[0].cards[0].id
            for n in range(moves):
                await screen.kanban.focus_card(deal_id)
                await pilot.pause()
                start = time.perf_counter()
                await pilot.press("shift+right" if n % 2 == 0 else "shift+left")
                await pilot.pause()
                times["move"].append((time.perf_counter() - start) * 1000)
                assert app.focused.card.id == deal_id
            for n in range(moves):
                start = time.perf_counter()
                await screen.move(deal_id, screen.stages[(n + 1) % 2].name)
                times["move_handler"].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    deals = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory(prefix="uplift-bench-") as folder:
        path = Path(folder) / "board"
        start = time.perf_counter()
        build(path, deals)
        built = (time.perf_counter() - start) * 1000
        board = Board(path, actor="bench")
        start = time.perf_counter()
        board.move_deal("D-1", "Qualified")
        store_move = (time.perf_counter() - start) * 1000
        times = asyncio.run(measure(path, moves=8))
    rows = [
        (f"import {deals} deals (one transaction)", [built], None),
        ("move a deal (store only)", [store_move], None),
        ("pipeline screen, first render (to painted)", times["render"], RENDER_BUDGET_MS),
        ("  of which our code (data + widget sync)", times["render_handler"], RENDER_BUDGET_MS),
        ("move a deal -> updated screen (painted)", times["move"], MOVE_BUDGET_MS),
        ("  of which our code (store + redraw)", times["move_handler"], MOVE_BUDGET_MS),
        ("(Pilot's pause on an idle app)", times["idle"], None),
    ]
    print(f"{'what':40} {'median ms':>10} {'worst ms':>9} {'budget':>7}  ok")
    for what, values, budget in rows:
        median, worst = statistics.median(values), max(values)
        ok = "" if budget is None else ("yes" if median <= budget else "NO")
        print(f"{what:40} {median:10.1f} {worst:9.1f} "
              f"{'' if budget is None else budget:>7}  {ok}")


if __name__ == "__main__":
    main()
