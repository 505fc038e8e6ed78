"""A card's Chinese title is set as Chinese is: its lines break between any two characters, so a
title after `T-3  向 40` goes on on the same line (it was left alone there, the rest below it,
as if `家客户发送…` were one English word)."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.widgets.kanban import Kanban

TITLE = "向 40 家客户发送提前续约优惠"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_chinese_title_fills_its_lines_and_breaks_between_characters(team, monkeypatch, size) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    Board(team, actor="dana").add_task(TITLE, owner="dana")  # T-3, in To do
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.screen.query_one(Kanban).columns[0].data is not None)
        await pilot.pause()
        column = app.screen.query_one(Kanban).columns[0]
        texts = ["".join(s.text for s in column.render_line(y)) for y in range(column.size.height)]
        inner = [text.strip().lstrip("▎▌").strip() for text in texts]
        first = next(i for i, text in enumerate(inner) if text.startswith("T-3 "))
        details = next(i for i in range(first, len(inner)) if inner[i].startswith("dana · "))
        title_lines = inner[first:details]
        assert len(title_lines) >= 2  # (the column is narrower than the title)
        # broken between characters only: put back together, nothing is lost, not even a space
        assert "".join(title_lines) == f"T-3  {TITLE}"
