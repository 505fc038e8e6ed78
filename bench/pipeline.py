"""Benchmark: the pipeline screen with 5,000 deals (first render, and a move to the updated screen).

Run from the repository root: `python bench/pipeline.py [DEALS]`. Prints a table
with the median and worst of several runs next to the budget. The board is built by one import
(a generated CSV) in a temporary folder, with histories spread over twelve weeks.

How a screen is timed: from the action (switching to the screen; a key press, posted as the
terminal's would be) to the last frame the app paints for it. Frames are timed where Textual
hands them to the terminal (`App._display`: run headless, a frame is composed in full and not
written). Pilot's waits are not counted: `press` and `pause` poll for an idle CPU 20 ms at a time
(two polls and one, at least: about 60 ms), so the same runs timed up to Pilot's pause are
printed too, for comparison with figures measured that way. A bare Textual app is timed in the
same runs, switching to a screen of the widgets a pipeline of widget-per-card columns had:
on a shared machine, read figures against it.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual.app import App  # noqa: E402
from textual.containers import Horizontal, Vertical, VerticalScroll  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Footer, Header, Sparkline, Static  # noqa: E402

from store.board import Board  # noqa: E402
from tui.app import UpliftApp  # noqa: E402
from tui.screens.pipeline import PipelineScreen  # noqa: E402

RENDER_BUDGET_MS, MOVE_BUDGET_MS, STORE_MOVE_BUDGET_MS = 300, 50, 15
STAGES = ("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost")
RUNS, MOVES = 5, 8
QUIET = 0.1  # seconds without a new frame: the screen is done

FRAMES: list[float] = []
_display = App._display


def _timed_display(self, screen, renderable) -> None:
    if renderable is not None:
        FRAMES.append(time.perf_counter())
    _display(self, screen, renderable)


App._display = _timed_display


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


def store_move(path: Path, deal_id: str) -> float:
    """Milliseconds to move one deal to the next stage through a Board opened just before (so
    nothing is cached, as in a new `uplift deal move` process)."""
    board = Board(path, actor="bench")
    names = [stage.name for stage in board.stages()]
    target = names[(names.index(board.deal(deal_id).stage) + 1) % len(names)]
    start = time.perf_counter()
    board.move_deal(deal_id, target)
    return (time.perf_counter() - start) * 1000


async def settle(pilot) -> None:
    """Wait until the app is idle and has painted nothing for QUIET seconds."""
    while True:
        await pilot.pause()
        painted = len(FRAMES)
        await asyncio.sleep(QUIET)
        await pilot.pause()
        if len(FRAMES) == painted:
            return


async def painted_ms(pilot, action) -> float:
    """From the action to the last frame painted for it, in ms."""
    await settle(pilot)
    FRAMES.clear()
    start = time.perf_counter()
    await action()
    await settle(pilot)
    return (FRAMES[-1] - start) * 1000 if FRAMES else float("nan")


class CardsScreen(Screen):
    """For scale: what the pipeline was made of (a widget per card, per line of the funnel)."""

    def compose(self):
        yield Header()
        with Horizontal():
            with Horizontal():
                for stage in STAGES:
                    with Vertical(classes="column"):
                        yield Static(f"{stage}  800", classes="header")
                        with VerticalScroll():
                            for n in range(8):
                                yield Static(f"D-{n}  Deal {n}\nAccount {n} · ali · 12.5k\nclose 2026-12-01",
                                             classes="card")
            with Vertical(classes="funnel"):
                yield Static("Funnel · last 12 weeks")
                for stage in STAGES:
                    yield Static(f"{stage} (50%): 800 · 1.2M · w 600k · conv 40%")
                    yield Sparkline(list(range(12)))
                yield Static("Weighted pipeline: 3.1M")
        yield Footer()


class Bare(App):
    CSS = """.column { width: 1fr; border: round $primary; } .header { background: $panel; }
    .card { margin: 0 0 1 0; background: $boost; border-left: wide $primary; padding: 0 1; }
    .funnel { width: 40; border: round $primary; padding: 0 1; } Sparkline { height: 1; }"""
    MODES = {"start": Screen, "cards": CardsScreen}

    def on_mount(self) -> None:
        self.switch_mode("start")


async def measure(path: Path) -> dict[str, list[float]]:
    """Wall-clock times in ms: "render"/"move" to the last painted frame, "..._pilot" up to
    Pilot's pause (its waits included), "..._handler" our code only (data, arithmetic, sync)."""
    times: dict[str, list[float]] = {key: [] for key in (
        "render", "render_pilot", "render_handler", "move", "move_pilot", "move_handler", "bare", "idle")}
    for _ in range(RUNS):
        bare = Bare()
        async with bare.run_test(size=(160, 45)) as pilot:
            times["bare"].append(await painted_ms(pilot, lambda: bare.switch_mode("cards")))
        app = UpliftApp(Board(path, actor="bench"))
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            start = time.perf_counter()
            await pilot.pause()
            times["idle"].append((time.perf_counter() - start) * 1000)
            FRAMES.clear()
            start = time.perf_counter()
            await app.switch_mode("pipeline")
            await pilot.pause()
            times["render_pilot"].append((time.perf_counter() - start) * 1000)
            await settle(pilot)
            times["render"].append((FRAMES[-1] - start) * 1000)
            screen = app.screen
            assert isinstance(screen, PipelineScreen)
            start = time.perf_counter()
            await screen.refresh_board()
            times["render_handler"].append((time.perf_counter() - start) * 1000)
            deal_id = screen.kanban.columns[0].cards[0].id
            for n in range(MOVES):
                await screen.kanban.focus_card(deal_id)
                key = "shift+right" if n % 2 == 0 else "shift+left"
                times["move"].append(await painted_ms(pilot, lambda: _press(app, key)))
                assert app.focused.card.id == deal_id
            for n in range(MOVES):
                await screen.kanban.focus_card(deal_id)
                await settle(pilot)
                start = time.perf_counter()
                await pilot.press("shift+right" if n % 2 == 0 else "shift+left")
                await pilot.pause()
                times["move_pilot"].append((time.perf_counter() - start) * 1000)
                assert app.focused.card.id == deal_id
            for n in range(MOVES):
                start = time.perf_counter()
                await screen.move(deal_id, screen.stages[(n + 1) % 2].name)
                times["move_handler"].append((time.perf_counter() - start) * 1000)
    return times


async def _press(app: App, key: str) -> None:
    app.simulate_key(key)


def reading_ms(path: Path, read) -> float:
    """Milliseconds `read(board)` takes on a Board opened just before (as a new process would)."""
    board = Board(path, actor="bench")
    start = time.perf_counter()
    read(board)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("deals", nargs="?", type=int, default=5000, help="how many deals (default 5000)")
    deals = parser.parse_args().deals
    with tempfile.TemporaryDirectory(prefix="uplift-bench-") as folder:
        path = Path(folder) / "board"
        start = time.perf_counter()
        build(path, deals)
        built = (time.perf_counter() - start) * 1000
        after_import = store_move(path, "D-1")
        store_moves = [store_move(path, f"D-{n}") for n in range(2, 11)]
        start = time.perf_counter()
        Board(path, actor="bench").deals()
        read = (time.perf_counter() - start) * 1000
        week = [reading_ms(path, lambda board: board.week_movement(board.today())) for _ in range(5)]
        winloss = [reading_ms(path, lambda board: board.win_loss()) for _ in range(5)]
        trend = [reading_ms(path, lambda board: board.forecast_trend(8)) for _ in range(3)]
        times = asyncio.run(measure(path))
    rows = [
        (f"import {deals} deals (one transaction)", [built], None),
        ("first change after it (checks its journal)", [after_import], None),
        ("move a deal (store only, as a new process)", store_moves, STORE_MOVE_BUDGET_MS),
        (f"read {deals} deals (store, first time)", [read], None),
        ("this week's pipeline movement (all imported)", week, None),
        ("win/loss of every deal", winloss, None),
        ("the forecast's history, 8 weeks and now", trend, None),
        ("pipeline screen, first render (painted)", times["render"], RENDER_BUDGET_MS),
        ("  the same, to Pilot's pause after it", times["render_pilot"], None),
        ("  of which our code (data + widget sync)", times["render_handler"], RENDER_BUDGET_MS),
        ("move a deal -> updated screen (painted)", times["move"], MOVE_BUDGET_MS),
        ("  the same, Pilot's press and pause", times["move_pilot"], None),
        ("  of which our code (store + redraw)", times["move_handler"], MOVE_BUDGET_MS),
        ("bare Textual, a screen of card widgets", times["bare"], None),
        ("(Pilot's pause on an idle app)", times["idle"], None),
    ]
    print(f"{'what':44} {'median ms':>10} {'worst ms':>9} {'budget':>7}  ok")
    for what, values, budget in rows:
        median, worst = statistics.median(values), max(values)
        ok = "" if budget is None else ("yes" if median <= budget else "NO")
        print(f"{what:44} {median:10.1f} {worst:9.1f} "
              f"{'' if budget is None else budget:>7}  {ok}")


if __name__ == "__main__":
    main()
