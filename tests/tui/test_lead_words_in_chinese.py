"""A lead is 主管 in Chinese wherever a rule says who may change a thing: a rep's task form said
`负责人 · 由负责人修改` ("Owner · the owner changes it"), the opposite of the rule (a lead's to
change), and a rep setting another's language was told `由其本人或负责人设置`."""

from __future__ import annotations

from textual.widgets import Label, Static

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.i18n import set_language


def words(app) -> list[str]:
    return [str(w.render()) for w in app.screen.query(Label).results()] + \
           [str(w.render()) for w in app.screen.query(Static).results()]


async def test_a_reps_task_form_says_a_lead_changes_the_owner(team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="ali"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("3", "n")
            await until(pilot, lambda: any("负责人 · " in w for w in words(app)))
            assert "负责人 · 由主管修改" in [w.strip() for w in words(app)]
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()
