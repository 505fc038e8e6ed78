"""The pipeline screen through Pilot: moving a deal changes the funnel; alerts jump to items."""

from __future__ import annotations

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.alerts import AlertsScreen
from tui.screens.deal_form import ActivityForm, DealForm
from tui.screens.feed import FeedScreen
from tui.screens.pipeline import FunnelPanel, PipelineScreen
from tui.widgets.kanban import Kanban

SIZE = (160, 45)


def ali_and_beas_deals(team) -> None:
    """D-1 Acme renewal, ali's (1,000), and D-2 Beta pilot, bea's (400), both in Lead."""
    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000)
    lead.add_deal("Beta pilot", owner="bea", value=400)


async def open_feed(pilot, app: UpliftApp):
    """The pipeline (4), then its feed (f): the feed's table."""
    await pilot.press("4")
    await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
    await pilot.press("f")
    await until(pilot, lambda: isinstance(app.screen, FeedScreen))
    return app.screen.query_one("#feed-table")


async def key_on_deal(pilot, app: UpliftApp, deal_id: str, key: str) -> None:
    """`key` pressed on deal `deal_id` of the pipeline, and what it opens or says let happen."""
    await app.screen.focus_item(deal_id)
    await pilot.press(key)
    await pilot.pause()


def columns(app: UpliftApp) -> dict[str, list[str]]:
    screen = app.screen
    kanban = screen.query_one(Kanban)
    return {screen.stage_name(c.key): [card.id for card in c.cards] for c in kanban.columns}


def funnel_text(app: UpliftApp) -> list[str]:
    return app.screen.query_one(FunnelPanel).lines


def sparkline(app: UpliftApp, index: int) -> list[float]:
    return app.screen.query_one(FunnelPanel).trends[index]


async def test_moving_a_deal_moves_the_funnel(team) -> None:
    ali_and_beas_deals(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        assert columns(app)["Lead"] == ["D-1", "D-2"]
        assert funnel_text(app)[0] == "Lead (10%): 2 · 1.4k · w 140 · conv –"
        assert app.focused.card.id == "D-1"
        await pilot.press("shift+right")
        await pilot.pause()
        assert columns(app)["Qualified"] == ["D-1"] and app.focused.card.id == "D-1"
        # Lead: 1 deal of 400 (w 40), its one ended stint advanced; Qualified: 1000 at 25%
        assert funnel_text(app)[0] == "Lead (10%): 1 · 400 · w 40 · conv 100%"
        assert funnel_text(app)[1] == "Qualified (25%): 1 · 1.0k · w 250 · conv –"
        assert sparkline(app, 1)[-1] == 1 and sparkline(app, 0)[-1] == 1
        # bea's deal is not ali's to move: refused, nothing moves
        await pilot.press("left")
        assert app.focused.card.id == "D-2"
        await pilot.press("shift+right")
        await pilot.pause()
        assert columns(app)["Lead"] == ["D-2"]
    board = Board(team, actor="dana")
    assert board.deal("D-1").stage == "Qualified" and board.deal("D-2").stage == "Lead"


async def test_a_rep_marking_anothers_deal_lost_is_refused_before_being_asked_why(team) -> None:
    from tui.screens.deal_form import LostReasonForm

    ali_and_beas_deals(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await key_on_deal(pilot, app, "D-2", "x")
        assert not isinstance(app.screen, LostReasonForm)
        assert any("only change their own" in n.message for n in app._notifications)
        await key_on_deal(pilot, app, "D-1", "x")  # ali's own: asked why
        assert isinstance(app.screen, LostReasonForm)
        await pilot.press("escape")
    assert [d.stage for d in Board(team, actor="dana").deals()] == ["Lead", "Lead"]


async def test_v_marks_a_deal_won_straight_away_and_may_close_its_open_tasks(team) -> None:
    from tui.screens.deal_form import WonForm

    ali_and_beas_deals(team)
    task = Board(team, actor="dana").add_task("Call Acme", owner="ali", deal="D-1")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await key_on_deal(pilot, app, "D-1", "v")
        assert isinstance(app.screen, WonForm)
        await pilot.click("#close_tasks")  # (the box is offered unticked)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
    board = Board(team, actor="dana")
    assert [h.stage for h in board.deal("D-1").history] == ["Lead", "Won"]
    assert board.task(task.id).status == "done"


async def test_new_deal_and_logging_an_activity(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        assert isinstance(app.screen, DealForm)
        await pilot.press(*"Gamma expansion")
        app.screen.query_one("#account").value = "Gamma"
        app.screen.query_one("#value").value = "2500"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert columns(app)["Lead"] == ["D-1"]
        await pilot.press("a")
        assert isinstance(app.screen, ActivityForm)
        await pilot.press(*"intro call", "enter")
        await pilot.pause()
        await pilot.press("f")
        assert isinstance(app.screen, FeedScreen)
        await pilot.press(*" call")  # (after the focused deal's id, which the filter starts with)
        await pilot.pause()
        assert app.screen.query_one("#feed-filter").value == "D-1 call"
        assert app.screen.query_one("#feed-table").row_count == 1
    board = Board(team, actor="dana")
    assert (board.deal("D-1").account, board.deal("D-1").value) == ("Gamma", 2500)
    assert [(t.type, t.deal, t.note) for t in board.touches()] == [("call", "D-1", "intro call")]


async def test_an_alert_jumps_to_its_item(team) -> None:
    lead = Board(team, actor="dana")
    lead.update_task("T-2", due="2020-01-02")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "exclamation_mark")
        assert isinstance(app.screen, AlertsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "plan" and app.focused.card.id == "T-2"


async def test_s_snoozes_an_alert_until_a_date_for_a_reason(team) -> None:
    from datetime import timedelta

    from tests.tui.waiting import until
    from tui.screens.fields_form import FieldsForm
    from tui.screens.help import Help
    from tui.widgets.footer import Footer

    lead = Board(team, actor="dana")
    lead.update_task("T-1", due="2020-01-02")
    lead.update_task("T-2", due="2020-01-03")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "exclamation_mark")
        await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and len(app.screen.alerts) == 2)
        alerts = app.screen
        assert {"Close": "esc", "Snooze": "s"}.items() <= {
            k.description: k.key_display for k in alerts.query_one(Footer).keys}.items()
        await pilot.press("down", "s")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-until"))
        assert "Overdue task · T-2" in str(app.screen.query_one(".dialog-question").render())
        app.screen.query_one("#field-until").value = "someday"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "not a date" in str(app.screen.query_one("#error-until").render()))
        app.screen.query_one("#field-until").value = "+3d"
        await pilot.press("ctrl+s")  # no reason yet: the store's refusal, next to its field
        await until(pilot, lambda: "say why" in str(app.screen.query_one("#error-reason").render()))
        app.screen.query_one("#field-reason").value = "waiting for [b]legal[/b]"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is alerts and alerts.alerts[-1].snoozed_until is not None)
        assert "Alerts: 1 (1 snoozed)" in str(alerts.query_one("#alerts-heading").render())
        listed = alerts.query_one("#alert-list")
        assert "snoozed by dana until" in str(listed.get_option_at_index(1).prompt)
        assert "waiting for [b]legal[/b]" in str(listed.get_option_at_index(1).prompt)  # as typed
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        assert ("s", "Snooze", "alerts.snooze") in app.screen.rows
    board = Board(team, actor="dana")
    snoozed = [a for a in board.alerts() if a.snoozed_until]
    assert [(a.key, a.snoozed_until, a.snooze_reason) for a in snoozed] == [
        ("overdue:T-2", board.today() + timedelta(days=3), "waiting for [b]legal[/b]")]


async def test_a_rep_is_told_before_the_form_that_a_leads_snooze_is_not_theirs_to_change(team) -> None:
    """A lead snoozed the alert on ali's own overdue task until the contract is signed; `s` on it
    as ali says who snoozed it and asks no questions the store would refuse."""
    from datetime import timedelta

    from tests.tui.waiting import until
    from tui.screens.fields_form import FieldsForm

    lead = Board(team, actor="dana")
    lead.update_task("T-1", due="2020-01-02")  # ali's
    lead.snooze("overdue:T-1", lead.today() + timedelta(days=30), "until the contract is signed")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "exclamation_mark")
        await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and app.screen.alerts)
        alerts = app.screen
        index = next(i for i, a in enumerate(alerts.alerts) if a.key == "overdue:T-1")
        alerts.query_one("#alert-list").highlighted = index
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is alerts and not isinstance(app.screen, FieldsForm)
        assert any("dana snoozed this alert; only they or a lead may change it." in str(n.message)
                   for n in app._notifications)


async def test_closed_deals_show_the_day_they_closed(team) -> None:
    from datetime import date, datetime, timezone

    def at(day: int):
        return lambda: datetime(2026, 11, day, 15, 30, tzinfo=timezone.utc)

    Board(team, actor="dana", clock=at(2)).add_deal("Acme renewal", owner="ali", value=1000, close=date(2026, 12, 20))
    Board(team, actor="dana", clock=at(2)).add_deal("Beta pilot", owner="bea", value=400, close=date(2026, 12, 1))
    Board(team, actor="dana", clock=at(9)).move_deal("D-1", "Won")
    Board(team, actor="dana", clock=at(12)).move_deal("D-2", "Lost")
    Board(team, actor="dana", clock=at(12)).add_deal("Corvid trial", owner="ali", value=50)
    app = UpliftApp(Board(team, actor="dana", clock=at(30)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        flags = {card.id: card.flag for column in app.screen.query_one(Kanban).columns for card in column.cards}
    # the closing day, not the close date the deal was expected on (short, in this year); D-3 has
    # sat in Lead since Nov 12: 18 days, past the 14 a stage allows by default
    assert flags == {"D-1": "won Nov 9", "D-2": "lost Nov 12", "D-3": "no close date  STUCK 18d"}


async def test_s_sorts_the_cards_of_each_stage_by_close_date_then_by_time_in_stage(team, monkeypatch) -> None:
    """Pipedrive sorts a pipeline's deals within their stages; so does `s`: biggest first (as the
    board opens), by close date (soonest first, none last; a closed deal by the day it closed),
    longest in the stage, and back."""
    from datetime import date, datetime, timezone

    def at(day: int):
        return lambda: datetime(2026, 11, day, 9, tzinfo=timezone.utc)

    Board(team, actor="dana", clock=at(2)).add_deal("Big", owner="ali", value=9000, close=date(2026, 12, 20))   # D-1
    Board(team, actor="dana", clock=at(1)).add_deal("Mid", owner="ali", value=5000)                            # D-2
    Board(team, actor="dana", clock=at(5)).add_deal("Small", owner="bea", value=100, close=date(2026, 12, 1))  # D-3
    Board(team, actor="dana", clock=at(1)).add_deal("Lost big", owner="bea", value=800)                        # D-4
    Board(team, actor="dana", clock=at(1)).add_deal("Lost small", owner="bea", value=300)                      # D-5
    Board(team, actor="dana", clock=at(12)).move_deal("D-4", "Lost")
    Board(team, actor="dana", clock=at(10)).move_deal("D-5", "Lost")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana", clock=at(20)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert columns(app)["Lead"] == ["D-1", "D-2", "D-3"]  # biggest first
        status = app.screen.query_one("#pipeline-status")
        assert not status.display
        await pilot.press("s")
        await pilot.pause()
        assert columns(app)["Lead"] == ["D-3", "D-1", "D-2"]  # Dec 1, Dec 20, none
        assert columns(app)["Lost"] == ["D-5", "D-4"]  # lost Nov 10, Nov 12 (the day on their cards)
        assert status.display and str(status.content) == "排序：按成交日期 · 按 s 换一种排序"
        await pilot.press("s")
        await pilot.pause()
        assert columns(app)["Lead"] == ["D-2", "D-1", "D-3"]  # in Lead since Nov 1, 2, 5
        assert str(status.content) == "排序：在阶段中停留最久的在前 · 按 s 换一种排序"
        await pilot.press("s")
        await pilot.pause()
        assert columns(app)["Lead"] == ["D-1", "D-2", "D-3"] and not status.display

async def test_in_chinese_an_open_card_says_expected_close_and_a_closed_one_won_or_lost(team, monkeypatch) -> None:
    """成交 alone reads as closed (won): an open deal's date is when it is expected to close."""
    from datetime import date, datetime, timezone

    def at(day: int):
        return lambda: datetime(2026, 11, day, 15, 30, tzinfo=timezone.utc)

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    Board(team, actor="dana", clock=at(2)).add_deal("Acme renewal", owner="ali", value=1000, close=date(2026, 12, 20))
    Board(team, actor="dana", clock=at(2)).add_deal("Beta pilot", owner="bea", value=400, close=date(2026, 12, 21))
    Board(team, actor="dana", clock=at(2)).add_deal("Corvid trial", owner="ali", value=50)
    Board(team, actor="dana", clock=at(9)).move_deal("D-1", "Won")
    app = UpliftApp(Board(team, actor="dana", clock=at(10)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        flags = {card.id: card.flag for column in app.screen.query_one(Kanban).columns for card in column.cards}
    assert flags == {"D-1": "赢单 11月9日", "D-2": "预计成交 12月21日", "D-3": "无预计成交日期"}


async def test_an_open_deal_past_its_close_date_says_so(team) -> None:
    from datetime import date, datetime, timezone

    clock = lambda: datetime(2026, 12, 2, 9, tzinfo=timezone.utc)  # noqa: E731
    lead = Board(team, actor="dana", clock=clock)
    lead.add_deal("Acme renewal", owner="ali", value=1000, close=date(2026, 11, 30))
    lead.add_deal("Beta pilot", owner="bea", value=400, close=date(2026, 12, 2))
    lead.add_deal("Corvid", owner="bea", value=300, close=date(2027, 1, 15))
    app = UpliftApp(Board(team, actor="dana", clock=clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        cards = {card.id: card for column in app.screen.query_one(Kanban).columns for card in column.cards}
        assert cards["D-1"].flag == "close Nov 30  PAST" and "overdue" in cards["D-1"].classes
        assert cards["D-2"].flag == "close Dec 2" and "overdue" not in cards["D-2"].classes
        assert cards["D-3"].flag == "close Jan 2027"  # another year: the month
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, AlertsScreen)
        assert [a.key for a in app.screen.alerts if a.kind == "slipped"] == ["slipped:D-1"]
        await pilot.press("enter")  # the first alert: D-1's
        await pilot.pause()
        assert app.current_mode == "pipeline" and app.screen.query_one(Kanban).focused_card.id == "D-1"


def test_a_card_flag_breaks_after_its_label_so_a_date_stays_whole() -> None:
    from tui.widgets.kanban import flag_lines

    assert flag_lines("close Dec 21", 20) == ["close Dec 21"]
    assert flag_lines("close Dec 21", 9) == ["close", "Dec 21"]          # not "close Dec" / "21"
    assert flag_lines("close Nov 30  PAST", 9) == ["close", "Nov 30", "PAST"]
    assert flag_lines("close Nov 30  PAST", 12) == ["close Nov 30", "PAST"]
    assert flag_lines("due 2026-11-30  OVERDUE  ★ key", 29) == ["due 2026-11-30  OVERDUE", "★ key"]
    assert flag_lines("no close date", 5) == ["no", "close date"]        # (folded further by the card)


async def on_the_pipeline_press(pilot, key: str) -> None:
    """Go to the pipeline and press `key` on its first deal."""
    await pilot.press("4")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def test_t_plans_the_next_step_of_a_deal(team) -> None:
    from textual.widgets import Input, Select

    from tui.screens.task_form import TaskForm

    Board(team, actor="dana").add_deal("Isdom pilot", owner="ali", value=18000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "t")
        assert isinstance(app.screen, TaskForm)
        assert app.screen.query_one("#deal", Select).value == "D-1"
        assert app.screen.query_one("#owner", Select).value == "ali"  # the deal's owner
        app.screen.query_one("#title", Input).value = "Send the quote"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        assert any("Added T-3 for D-1" in str(n.message) for n in app._notifications)
    task = Board(team, actor="dana").task("T-3")
    assert (task.title, task.owner, task.deal) == ("Send the quote", "ali", "D-1")


async def test_a_reps_follow_up_on_another_reps_deal_is_their_own(team) -> None:
    from textual.widgets import Select

    from tui.screens.task_form import TaskForm

    Board(team, actor="dana").add_deal("Beta pilot", owner="bea", value=400)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "t")
        assert isinstance(app.screen, TaskForm)
        assert app.screen.query_one("#owner", Select).value == "ali"  # a rep may only make their own tasks
        assert app.screen.query_one("#deal", Select).value == "D-1"


async def test_the_deal_form_calls_a_deal_commit(team) -> None:
    from textual.widgets import Select

    from tui.screens.deal_form import DealForm

    Board(team, actor="dana").add_deal("Isdom pilot", owner="ali", value=18000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "e")
        assert isinstance(app.screen, DealForm)
        assert app.screen.query_one("#forecast", Select).value == "auto"
        app.screen.query_one("#forecast", Select).value = "commit"
        assert app.screen.query_one("#business", Select).value == "auto"
        app.screen.query_one("#business", Select).value = "existing"  # a renewal: no new logo
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
    deal = Board(team, actor="dana").deal("D-1")
    assert (deal.forecast, deal.business) == ("commit", "existing")


async def test_the_deal_form_shows_the_value_as_typed(team) -> None:
    from textual.widgets import Input

    Board(team, actor="dana").add_deal("Isdom expansion", owner="ali", value=1234567.5)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "e")
        assert isinstance(app.screen, DealForm)
        assert app.screen.query_one("#value", Input).value == "1,234,567.5"  # not 1.23457e+06
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
    assert Board(team, actor="dana").deal("D-1").value == 1234567.5


async def test_the_deal_form_splits_credit_and_the_card_shows_it(team) -> None:
    from textual.widgets import Input

    Board(team, actor="dana").add_deal("Isdom pilot", owner="ali", value=18000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "e")
        assert isinstance(app.screen, DealForm)
        app.screen.query_one("#splits", Input).value = "bea forty"
        app.screen.query_one("#close", Input).value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DealForm)  # kept open, saying what is wrong and where
        assert "'bea forty' is not a split" in str(app.screen.query_one("#error-splits").render())
        assert "'someday' is not a date" in str(app.screen.query_one("#error-close").render())
        app.screen.query_one("#splits", Input).value = "bea 70, dana 40"
        app.screen.query_one("#value", Input).value = "12abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "the splits give 110%" in str(app.screen.query_one("#error-splits").render())
        assert "'12abc' is not an amount" in str(app.screen.query_one("#error-value").render())
        app.screen.query_one("#value", Input).value = "18k"
        app.screen.query_one("#close", Input).value = ""
        app.screen.query_one("#splits", Input).value = "bea 25%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        card = app.screen.query_one(Kanban).columns[0].cards[0]
        assert "ali+bea" in card.details
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#splits", Input).value == "bea 25%"
    assert [(s.rep, s.share) for s in Board(team, actor="dana").deal("D-1").splits] == [("bea", 25)]


async def test_a_rep_sees_a_deals_split_but_only_a_lead_changes_it(team) -> None:
    from textual.widgets import Input

    lead = Board(team, actor="dana")
    lead.add_deal("Isdom pilot", owner="ali", value=18000, splits=[{"rep": "bea", "share": 30}])
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "e")
        box = app.screen.query_one("#splits", Input)
        assert box.value == "bea 30%" and box.disabled
        app.screen.query_one("#next_step", Input).value = "call legal"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)  # the rest of the deal is still theirs to edit
    deal = Board(team, actor="dana").deal("D-1")
    assert (deal.next_step, [(s.rep, s.share) for s in deal.splits]) == ("call legal", [("bea", 30)])


async def test_the_deal_form_names_the_product_completing_the_ones_the_board_knows(team) -> None:
    from textual.widgets import Input

    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=5000, product="GTX Plus Pro")
    lead.add_deal("Isdom pilot", owner="ali", value=18000)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "e")  # the biggest first: Isdom pilot
        assert isinstance(app.screen, DealForm) and app.screen.deal.id == "D-2"
        app.screen.query_one("#product", Input).focus()
        await pilot.press("g", "t", "x", "right")  # the completion taken with →
        assert app.screen.query_one("#product", Input).value == "GTX Plus Pro"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
    assert Board(team, actor="dana").deal("D-2").product == "GTX Plus Pro"


async def test_the_feed_shows_a_changed_title_whole(team) -> None:
    """The one-line log cuts a value at 30 characters; the feed, which scrolls sideways, does not."""
    board = Board(team, actor="dana")
    board.add_deal("Gamma expansion", account="Gamma", value=2500)
    board.update_deal("D-1", title="Gamma expansion into the three northern plants\nnext year")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_feed(pilot, app)
        what = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert "changed D-1: title Gamma expansion → Gamma expansion into the three northern plants " \
               "next year" in what


async def test_a_rep_is_told_at_once_that_anothers_deal_is_not_theirs_to_edit(team) -> None:
    Board(team, actor="dana").add_deal("Gamma expansion", owner="ali", value=2500)
    app = UpliftApp(Board(team, actor="bea"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, DealForm)
        assert any("a rep may only change their own deals; this one is ali's" in str(n.message)
                   for n in app._notifications)


async def test_a_rep_logging_an_activity_on_anothers_deal_is_refused_before_the_form(team) -> None:
    """The rule is said when `a` is pressed, not once the note is typed; on their own deal the
    form opens and logs."""
    ali_and_beas_deals(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await key_on_deal(pilot, app, "D-2", "a")
        assert not isinstance(app.screen, ActivityForm)
        assert any("D-2 is bea's" in n.message for n in app._notifications)
        await app.screen.focus_item("D-1")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ActivityForm))
        await pilot.press(*"called", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
    assert [(t.type, t.deal, t.by) for t in Board(team, actor="dana").touches()] == [("call", "D-1", "ali")]


async def test_the_activity_form_sets_the_next_step_and_its_date_in_the_same_change(team) -> None:
    """`a` on a deal: the next step and its date, prefilled with the deal's, saved with the
    activity as one change (one undo takes both back)."""
    Board(team, actor="dana").add_deal("Acme renewal", owner="ali", value=1000, next_step="Call back")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await key_on_deal(pilot, app, "D-1", "a")
        await until(pilot, lambda: isinstance(app.screen, ActivityForm))
        assert (app.screen.query_one("#next_step").value, app.screen.query_one("#next_due").value) == ("Call back", "")
        app.screen.query_one("#next_step").value = "Send proposal"
        app.screen.query_one("#next_due").value = "2026-12-11"
        await pilot.press(*"talked pricing", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
    ali = Board(team, actor="ali")
    assert (ali.deal("D-1").next_step, str(ali.deal("D-1").next_due)) == ("Send proposal", "2026-12-11")
    assert [r.action for r in ali.undo()] == ["touch.log", "deal.edit"]
    assert (ali.deal("D-1").next_step, ali.deal("D-1").next_due, ali.touches()) == ("Call back", None, [])


async def test_recording_what_a_customer_paid_on_a_won_deal(team) -> None:
    """`$` on a won deal: a small form (a lead's); the deal form then lists the payments."""
    from sales.deals import paid_on
    from tui.screens.deal_form import PaymentForm

    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=30_000, stage="Won")
    lead.add_deal("Beta pilot", owner="ali", value=400)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:  # ali, a rep: refused before any form opens
        await pilot.press("4")
        await pilot.pause()
        await key_on_deal(pilot, app, "D-1", "dollar_sign")
        assert not isinstance(app.screen, PaymentForm)
        assert any("only a lead may record what customers have paid" in n.message for n in app._notifications)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await key_on_deal(pilot, app, "D-2", "dollar_sign")  # open: nothing to record
        assert not isinstance(app.screen, PaymentForm)
        await key_on_deal(pilot, app, "D-1", "dollar_sign")
        assert isinstance(app.screen, PaymentForm)
        await pilot.press(*"40000", "ctrl+s")  # more than the deal's 30,000: said, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, PaymentForm)
        assert "more than is left to pay" in str(app.screen.query_one("#error-amount").render())
        app.screen.query_one("#amount").value = "12k"
        app.screen.query_one("#on").value = "2026-12-01"
        app.screen.query_one("#note").value = "INV-88"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PaymentForm)
        assert any("D-1: customer paid 12,000.00 of 30,000.00" in n.message for n in app._notifications)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DealForm)
        shown = str(app.screen.query_one("#deal-payments").render())
        assert "Customer paid 12,000.00 of 30,000.00 (40%)" in shown and "2026-12-01  12,000.00  INV-88" in shown
        await pilot.press("escape")
    deal = Board(team, actor="dana").deal("D-1")
    assert paid_on(deal) == 12_000 and [p.note for p in deal.payments] == ["INV-88"]


async def test_a_payment_dated_after_today_is_said_to_count_from_its_day(team) -> None:
    from datetime import date, timedelta

    from tui.screens.deal_form import PaymentForm

    later = (date.today() + timedelta(days=20)).isoformat()
    Board(team, actor="dana").add_deal("Acme renewal", owner="ali", value=30_000, stage="Won")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await key_on_deal(pilot, app, "D-1", "dollar_sign")
        assert isinstance(app.screen, PaymentForm)
        app.screen.query_one("#amount").value = "3000"
        app.screen.query_one("#on").value = later
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, PaymentForm))
        assert any(n.message == f"D-1: customer paid 3,000.00 of 30,000.00; the payment dated {later} counts from "
                   "that day" for n in app._notifications)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, DealForm))
        assert f"{later}  3,000.00  (after today: counts from that day)" in str(
            app.screen.query_one("#deal-payments").render())


async def test_saving_the_deal_form_keeps_what_someone_else_changed_while_it_was_open(team) -> None:
    """ali edits the title while dana, elsewhere, changes the value and the next step: ali's
    save changes the title only, and dana's change stays."""
    from textual.widgets import Input

    Board(team, actor="dana").add_deal("Isdom pilot", owner="ali", value=18000, next_step="call")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "e")
        assert isinstance(app.screen, DealForm)
        Board(team, actor="dana").update_deal("D-1", value=25000, next_step="send the quote")
        app.screen.query_one("#title", Input).value = "Isdom pilot, phase 1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
    deal = Board(team, actor="dana").deal("D-1")
    assert (deal.title, deal.value, deal.next_step) == ("Isdom pilot, phase 1", 25000, "send the quote")


async def test_a_new_deal_for_nobody_is_nobodys(team) -> None:
    from textual.widgets import Select

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_pipeline_press(pilot, "n")
        assert isinstance(app.screen, DealForm)
        assert app.screen.query_one("#owner", Select).value == "dana"
        await pilot.press(*"Open tender")
        app.screen.query_one("#owner", Select).value = Select.NULL  # "nobody"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
    assert Board(team, actor="dana").deal("D-1").owner is None


async def test_a_paid_won_deal_moved_back_says_its_payments_stay(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000, stage="Won")
    lead.record_payment("D-1", 250)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
        await key_on_deal(pilot, app, "D-1", "shift+left")
        await until(pilot, lambda: any(
            str(n.message) == "D-1 is open again and keeps the 250.00 its customer paid, for the record: "
                              "it counts again once the deal is won" for n in app._notifications))
    assert Board(team, actor="dana").deal("D-1").stage == "Negotiation"


async def first_stage_details(team) -> dict[str, str]:
    """The details line of each card in the pipeline's first stage, as the lead's app shows them."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.query(Kanban))
        return {c.id: c.details for c in app.screen.query_one(Kanban).columns[0].cards}


async def test_a_card_leaves_out_the_account_its_title_names(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("Polar Tech renewal", owner="ali", value=22000, account="Polar Tech")
    lead.add_deal("Pilot", owner="bea", value=400, account="Orrin Labs")
    lead.add_deal("Walk-in", owner="bea", value=90)
    assert await first_stage_details(team) == {"D-1": "ali · 22.0k", "D-2": "Orrin Labs · bea · 400",
                                               "D-3": "– · bea · 90"}


async def test_a_card_names_the_strategy_that_brought_its_deal(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_strategy("Webinars")
    lead.add_deal("Webinar lead", owner="ali", value=1500, account="Acme", strategy="S-1")
    lead.add_deal("Walk-in", owner="bea", value=90)
    assert await first_stage_details(team) == {"D-1": "Acme · ali · 1.5k · S-1", "D-2": "– · bea · 90"}


async def test_the_open_feed_shows_a_change_another_process_makes(team) -> None:
    """The lead has the feed open; a rep logs a call from the command line: it comes in at the
    top at the next poll, and the cursor stays on the record it was on."""
    board = Board(team, actor="dana")
    board.add_deal("Gamma expansion", account="Gamma", value=2500, owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_feed(pilot, app)
        before = table.row_count
        on = str(table.get_row_at(table.cursor_row)[2])
        Board(team, actor="ali").log_activity("call", "spoke to the buyer", deal="D-1")
        await app.watch_board()  # (the half-second poll, at once)
        await until(pilot, lambda: table.row_count == before + 1)
        assert [str(c) for c in table.get_row_at(0)[1:]] == ["ali", "logged a call on D-1 Gamma: spoke to the buyer"]
        assert str(table.get_row_at(table.cursor_row)[2]) == on


async def test_the_deal_form_asks_before_saving_over_a_change_made_meanwhile_in_chinese(team, monkeypatch) -> None:
    from textual.widgets import Input, Static

    from tui.i18n import set_language

    Board(team, actor="dana").add_deal("Gamma expansion", account="Gamma", value=2500, owner="ali")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, DealForm))
        app.screen.query_one("#value", Input).value = "3000"
        Board(team, actor="ali").update_deal("D-1", value=2800)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(app.screen.query_one("#error-form", Static).render()) == (
            "此表单打开后，ali 修改了 D-1：再按 ^s 将用你的内容覆盖对方的修改，按 esc 取消")
        assert Board(team, actor="dana").deal("D-1").value == 2800
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, DealForm))
    assert Board(team, actor="dana").deal("D-1").value == 3000


async def test_a_deal_moved_elsewhere_since_the_last_poll_is_not_moved_from_where_it_was(team) -> None:
    """ali moves D-1 on to Proposal a moment before the lead, whose pipeline still shows it in
    Lead, presses shift+right: that would have taken it back to Qualified. It is said instead."""
    Board(team, actor="dana").add_deal("Gamma expansion", account="Gamma", value=2500, owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        assert app.focused.card.id == "D-1"
        Board(team, actor="ali").move_deal("D-1", "Proposal")
        screen = app.screen  # shift+right as pressed before the app's next poll: from Lead, the column drawn
        screen.kanban.post_message(Kanban.MoveRequested("D-1", screen.stage_key("Lead"), screen.stage_key("Qualified")))
        await until(pilot, lambda: any("D-1 was moved meanwhile, to Proposal" in str(n.message)
                                       for n in app._notifications))
        await until(pilot, lambda: columns(app)["Proposal"] == ["D-1"])
    assert Board(team, actor="dana").deal("D-1").stage == "Proposal"


async def test_mine_twice_keeps_the_deal_the_focus_was_on(team) -> None:
    """`m` (a lead with no deals of her own: nothing shown), then `m` again (everyone's) sent the
    focus to the first card: the person lost their place, as they did not on the task board."""
    ali_and_beas_deals(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await app.screen.focus_item("D-2")
        await pilot.press("m")
        await until(pilot, lambda: app.screen.owner_filter == "dana")
        assert app.screen.kanban.card is None  # dana owns none
        await pilot.press("m")
        await until(pilot, lambda: app.screen.owner_filter is None)
        await until(pilot, lambda: app.screen.kanban.card is not None and app.screen.kanban.card.id == "D-2")
        await app.screen.show_owner("bea")  # (as the forecast's rep does) the card still shown keeps it
        assert app.screen.kanban.card.id == "D-2"


async def test_a_stage_cut_to_its_top_cards_says_how_many_it_holds(team) -> None:
    """Twelve deals in Lead: the column shows its top eight, and its header says "8 of 12" (it
    said "8", as if eight were all, beside "top 8 shown")."""
    lead = Board(team, actor="dana")
    for n in range(12):
        lead.add_deal(f"Deal {n}", owner="ali", value=1000 + n)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and columns(app).get("Lead"))
        column = next(c for c in app.screen.query_one(Kanban).columns if app.screen.stage_name(c.key) == "Lead")
        assert len(column.cards) == 8
        header = " ".join(strip.text for strip in column.header_lines())
        assert "8 of 12" in header and "top 8 shown" in header


async def test_a_long_alerts_list_says_how_many_more_there_are(team, monkeypatch) -> None:
    """Past MOST_SHOWN alerts the list says how many more and where they all are (a floor's 5,000
    took 2 s to lay out at each change); the last one shown is still chosen with enter."""
    from tests.tui.waiting import until
    from tui.screens import alerts as alerts_screen

    monkeypatch.setattr(alerts_screen, "MOST_SHOWN", 3)
    lead = Board(team, actor="dana")
    for n in range(5):
        lead.add_task(f"Overdue call {n}", owner="ali", due=f"2020-01-0{n + 1}")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "exclamation_mark")
        await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and app.screen.alerts)
        screen = app.screen
        assert len(screen.alerts) == 6  # T-1 (due 2026-12-01, before the board's today) and T-3 to T-7
        listed = screen.query_one("#alert-list")
        assert listed.option_count == 4
        last = listed.get_option_at_index(3)
        assert last.disabled and str(last.prompt) == "… and 3 more: `uplift alerts` lists them all"
        await pilot.press("end", "enter")
        await until(pilot, lambda: not isinstance(app.screen, AlertsScreen))
        assert app.focused.card.id == screen.alerts[2].item


async def test_the_feed_shows_older_records_as_the_cursor_reaches_its_last_row(team) -> None:
    """A long log: the newest 200 first, then 200 more each time the cursor reaches the last row,
    as a timeline scrolls on, until the oldest record is shown (the whole log was cut at 200)."""
    ali = Board(team, actor="ali")
    for number in range(1, 451):
        ali.log_activity("call", f"call {number}", account="Acme")
    total = len(Board(team, actor="dana").feed(limit=None))  # (the team's own records too)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_feed(pilot, app)
        assert table.row_count == 200
        for shown in (400, total):
            table.focus()
            table.move_cursor(row=table.row_count - 1)
            await until(pilot, lambda shown=shown: table.row_count == shown)
        assert str(table.get_row_at(total - 1)[2]).startswith("added")  # the board's first change
        assert str(table.get_row_at(399)[2]) == f"logged a call on Acme: call {450 - 399}"
        table.move_cursor(row=total - 1)
        await pilot.pause()
        assert table.row_count == total


async def test_the_feed_is_filtered_by_day(team) -> None:
    """A day in the filter keeps the records of that day and since; two days, those between."""
    from datetime import datetime, timezone

    from textual.widgets import Input

    for day in (2, 5, 9):
        Board(team, actor="ali", clock=lambda day=day: datetime(2026, 11, day, 9, tzinfo=timezone.utc)).log_activity(
            "call", {2: "on the 2nd", 5: "on the 5th", 9: "on the 9th"}[day], account="Acme")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_feed(pilot, app)
        for typed, said in (("call 2026-11-05", ["on the 9th", "on the 5th"]),
                            ("2026-11-05 call 2026-11-01", ["on the 5th", "on the 2nd"]),
                            ("ali 2026-11-09 2026-11-09", ["on the 9th"])):
            app.screen.query_one("#feed-filter", Input).value = typed
            await pilot.pause()
            rows = [str(table.get_row_at(i)[2]).split(": ")[-1] for i in range(table.row_count)]
            assert rows == said, typed


async def test_f_on_a_deal_opens_the_feed_at_that_deals_records(team) -> None:
    """The feed from a focused deal shows that deal's records (its timeline), its id in the
    filter; clearing the filter shows everyone's. It opened the whole feed and said to type it."""
    from textual.widgets import Input

    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000)
    lead.add_deal("Beta pilot", owner="bea", value=500)
    Board(team, actor="ali").log_activity("call", "asked for the quote", deal="D-1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await key_on_deal(pilot, app, "D-1", "f")
        await until(pilot, lambda: isinstance(app.screen, FeedScreen))
        box, table = app.screen.query_one("#feed-filter", Input), app.screen.query_one("#feed-table")
        assert box.value == "D-1"
        rows = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert rows == ["logged a call on D-1: asked for the quote", "created D-1 “Acme renewal”"]
        box.value = ""
        await until(pilot, lambda: table.row_count > 2)


async def test_the_chinese_deal_forms_labels_are_each_its_own(team, monkeypatch) -> None:
    """Account and Customer (new or existing) were both 客户 on the Chinese deal form."""
    from textual.widgets import Static

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, DealForm))
        await pilot.pause()
        labels = [str(label.render()) for label in app.screen.query(".field-label").results(Static)]
        assert "客户" in labels and "新老客户" in labels
        assert len(labels) == len(set(labels)), labels
