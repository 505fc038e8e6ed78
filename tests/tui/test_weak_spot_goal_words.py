"""A goal made of a weak spot (g on the Diagnose screen) reads as the report names its metric
(`Raise ROI`, not `Raise roi`; in Chinese too), and a weak spot of a rep who is not on the team
(a name from the sales records) is not given to "nobody": the lead who makes it owns it, to
hand on."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.board import Board
from tui.app import UpliftApp
from tui.screens.dialogs import Pick
from tui.screens.fields_form import FieldsForm

SIZE = (120, 40)


async def form_for(app: UpliftApp, pilot, words: str) -> FieldsForm:
    """1, g, and the weak spot whose text holds `words`: the goal form it fills in."""
    await pilot.press("1")
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    if isinstance(app.screen, Pick):
        labels = [label for label, _ in app.screen.choices]
        for _ in range(next(i for i, label in enumerate(labels) if words in label)):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.screen, FieldsForm)
    return app.screen


def win_loss_kept(team: Path, tmp_path: Path, wins: dict[str, int]) -> Path:
    """Each rep's 30 deals of 100 in March, `wins[rep]` of them won, diagnosed by the lead."""
    rows = [(rep, "won" if n < won else "lost") for rep, won in wins.items() for n in range(30)]
    path = tmp_path / "reps.csv"
    path.write_text("deal,date,amount,rep,stage\n" + "".join(
        f"D{i},2026-03-{1 + i % 28:02d},100,{rep},{stage}\n" for i, (rep, stage) in enumerate(rows)), encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([path])
    return team


@pytest.fixture
def roi_kept(team: Path, tmp_path: Path) -> Path:
    """North and South each sell 10 x 100 = 1,000; North cost 500 (ROI 1.00), South 900 (0.11)."""
    sales = tmp_path / "sales.csv"
    sales.write_text("order,date,amount,region\n" + "".join(
        f"O{i},2026-03-{1 + i:02d},100,{'North' if i % 2 else 'South'}\n" for i in range(20)), encoding="utf-8")
    costs = tmp_path / "costs.csv"
    costs.write_text("region,cost\nNorth,500\nSouth,900\n", encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([sales], costs=costs)
    return team


@pytest.mark.parametrize("lang, title", [("en", "Raise ROI: South region"), ("zh", None)])
async def test_a_goal_of_an_roi_weak_spot_names_roi_as_the_report_does(roi_kept, lang, title, monkeypatch) -> None:
    from tui.i18n import _, set_language

    monkeypatch.setenv("UPLIFT_LANG", lang)
    set_language(lang)
    try:
        app = UpliftApp(Board(roi_kept, actor="dana"))
        async with app.run_test(size=SIZE) as pilot:
            form = await form_for(app, pilot, "ROI")
            said = form.query_one("#field-title").value
            if lang == "zh":
                title = _("Raise {metric}").format(metric="ROI")
                assert said.startswith(title) and "roi" not in said, said
            else:
                assert said == title
    finally:
        set_language("en")


async def test_a_weak_spot_of_a_rep_not_on_the_team_is_the_leads(team: Path, tmp_path: Path) -> None:
    """zoe (in the records, not a member) won 8 of 30, bea and ali 20 of 30 each."""
    win_loss_kept(team, tmp_path, {"zoe": 8, "bea": 20, "ali": 20})
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        form = await form_for(app, pilot, "zoe: win rate")
        assert form.query_one("#field-owner").value == "dana"
        assert form.query_one("#field-title").value.startswith("Raise win rate: ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsForm)
    assert Board(team, actor="dana").goal("G-1").owner == "dana"


async def test_g_on_a_reps_weak_spot_starts_at_the_reps_own_figure(team: Path, tmp_path: Path) -> None:
    """A rep's weak spot has no snapshot baseline to take (a goal has no rep scope): the form's
    Baseline box said "None", as typed text, and saving it was refused as not a number; then it
    was left empty. A rate's weak spot says the rep's own figure: that is where the goal starts."""
    win_loss_kept(team, tmp_path, {"ali": 8, "bea": 20, "dana": 20})
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        form = await form_for(app, pilot, "ali: win rate")
        values = {name: form.query_one(f"#field-{name}").value for name in ("owner", "baseline", "target")}
        # ali won 8 of 30 (26.7%), the median rep 20 of 30: 66.7% is the level ali fell short of
        assert values == {"owner": "ali", "baseline": "26.7", "target": "66.7"}
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsForm)
    goal = Board(team, actor="dana").goal("G-1")
    assert (goal.owner, goal.baseline, goal.target) == ("ali", 26.7, 66.7)
