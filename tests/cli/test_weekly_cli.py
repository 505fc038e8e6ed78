"""`uplift weekly`: this week's review checklist, ticking by number, other weeks, --json."""

from __future__ import annotations

import json
from datetime import date, timedelta


def this_and_last_week() -> tuple[str, str]:
    today = date.today()
    last = today - timedelta(weeks=1)
    return (f"{today.isocalendar()[0]}-W{today.isocalendar()[1]:02d}",
            f"{last.isocalendar()[0]}-W{last.isocalendar()[1]:02d}")


def test_list_tick_and_json(run) -> None:
    week, _ = this_and_last_week()
    code, out, _ = run("weekly")
    assert code == 0
    assert out.splitlines()[0] == f"Weekly review {week}: 0 of 9 done"
    assert out.splitlines()[1] == "[ ] 1. Walk the deal pipeline stage by stage"
    code, out, _ = run("weekly", "3")
    assert code == 0 and out.strip() == f"ticked 3 for {week}"
    code, out, _ = run("weekly")
    assert out.splitlines()[0] == f"Weekly review {week}: 1 of 9 done"
    assert out.splitlines()[3].startswith("[x] 3. Compare each stage's conversion with last week  (dana, ")
    code, out, _ = run("weekly", "3", "--undo")
    assert code == 0 and out.strip() == f"unticked 3 for {week}"
    code, out, _ = run("weekly", "--json")
    data = json.loads(out)
    assert data["week"] == week and len(data["items"]) == 9
    assert data["items"][2] == {"number": 3, "text": "Compare each stage's conversion with last week",
                                "done": False, "by": None, "at": None}


def test_another_week(run) -> None:
    week, last = this_and_last_week()
    assert run("weekly", "9", "--week", "last")[0] == 0
    code, out, _ = run("weekly", "--week", last, "--json")
    assert [i["number"] for i in json.loads(out)["items"] if i["done"]] == [9]
    code, out, _ = run("weekly", "--json")
    assert json.loads(out)["week"] == week and not any(i["done"] for i in json.loads(out)["items"])


def test_refusals_and_bad_input(run, team) -> None:
    code, _, err = run("weekly", "1", user="ali")
    assert code == 1 and err.strip() == "uplift: only a lead may tick the weekly review (you are a rep)"
    code, _, err = run("weekly", "12")
    assert code == 1 and "has no item 12 (it has 9)" in err
    code, _, err = run("weekly", "--week", "2026-W60")
    assert code == 2 and "--week" in err and "not a week of 2026" in err
    code, _, err = run("weekly", "--week", "someday")
    assert code == 2 and "--week" in err


def test_the_weeks_pipeline_under_the_checklist(run) -> None:
    # every deal is made this week: nothing open at its start; two new (1,200 and 800), one won
    run("deal", "add", "Acme", "--value", "1200", "--owner", "ali")
    run("deal", "add", "Beta", "--value", "800", "--owner", "ali", "--stage", "Proposal")
    run("deal", "move", "D-2", "Won")
    code, out, _ = run("weekly")
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("The pipeline from ")))
    assert code == 0 and lines[start + 1].split() == ["PIPELINE", "DEALS", "VALUE", "WHICH"]
    assert lines[start + 2].split() == ["open", "at", "the", "start", "0", "0"]
    assert lines[start + 3].split() == ["+", "new", "2", "2,000", "D-1,", "D-2"]
    assert lines[start + 4].split() == ["−", "won", "1", "800", "D-2"]
    assert lines[start + 5].split() == ["open", "at", "the", "end", "1", "1,200", "net", "+1,200"]
    code, out, _ = run("weekly", "--json")
    pipeline = json.loads(out)["pipeline"]
    assert pipeline["open_end"] == [1, 1200] and [c["id"] for c in pipeline["won"]] == ["D-2"]


def test_a_deal_made_and_moved_on_this_week_is_new_and_advanced(run) -> None:
    # made in the first stage (Lead) and moved to Proposal the same week: nothing was open at
    # the week's start, so it is new at its value, and its move since it was made is an advance
    run("deal", "add", "Acme", "--account", "Acme AB", "--value", "10k", "--owner", "ali")
    assert run("deal", "move", "D-1", "Proposal")[0] == 0
    code, out, _ = run("weekly")
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("The pipeline from ")))
    assert code == 0 and lines[start + 3].split() == ["+", "new", "1", "10,000", "D-1"]
    assert lines[start + 4].split() == ["open", "at", "the", "end", "1", "10,000", "net", "+10,000"]
    assert lines[start + 5] == "Advanced: D-1 (Lead → Proposal)"
    pipeline = json.loads(run("weekly", "--json")[1])["pipeline"]
    assert [(c["id"], c["amount"], c["detail"]) for c in pipeline["new"]] == [("D-1", 10000, "Proposal")]
    assert [(c["id"], c["detail"]) for c in pipeline["advanced"]] == [("D-1", "Lead → Proposal")]


def test_ticking_with_json_prints_the_item_as_json(run) -> None:
    """`weekly 3 --json` printed "ticked 3 for 2026-W49": --json prints JSON and nothing else."""
    week, _ = this_and_last_week()
    code, out, err = run("weekly", "3", "--json")
    assert (code, err) == (0, "")
    item = json.loads(out)
    assert {k: item[k] for k in ("week", "number", "text", "done", "by")} == {
        "week": week, "number": 3, "text": "Compare each stage's conversion with last week", "done": True, "by": "dana"}
    item = json.loads(run("weekly", "3", "--undo", "--json")[1])
    assert (item["done"], item["by"], item["at"]) == (False, None, None)


def test_undo_or_toggle_without_a_number_is_bad_usage(run, team) -> None:
    """They were ignored: `weekly --undo` listed the week as if nothing had been asked."""
    from tests.conftest import snapshot_files

    run("weekly", "2")
    run("review", "tick", "2")
    before = snapshot_files(team)
    for args, says in ((("weekly", "--undo"), "--undo needs the item's number: uplift weekly N --undo"),
                       (("weekly", "--toggle"), "--toggle needs the item's number: uplift weekly N --toggle"),
                       (("review", "tick", "--undo"), "--undo needs the item's number: uplift review tick N --undo")):
        assert run(*args) == (2, "", f"uplift: {says}\n")
    for args in (("weekly", "2", "--undo", "--toggle"), ("review", "tick", "2", "--undo", "--toggle")):
        code, out, err = run(*args)
        assert (code, out) == (2, "") and "argument --toggle: not allowed with argument --undo" in err
    assert snapshot_files(team) == before


def test_ticking_what_is_already_ticked_says_so_and_logs_nothing(run) -> None:
    week, _ = this_and_last_week()
    assert run("weekly", "2")[0] == 0
    before = run("log", "--limit", "100")[1]
    code, out, _ = run("weekly", "2")  # again: no change
    assert code == 0 and out.strip() == f"2 for {week} was already ticked"
    code, out, _ = run("weekly", "5", "--undo")  # never ticked
    assert code == 0 and out.strip() == f"5 for {week} was not ticked"
    assert run("log", "--limit", "100")[1] == before
    code, out, _ = run("review", "tick", "1")
    assert code == 0 and out.strip() == "ticked 1"
    code, out, _ = run("review", "tick", "1")
    assert code == 0 and out.strip() == "1 was already ticked"
    code, out, _ = run("review", "tick", "2", "--undo")
    assert code == 0 and out.strip() == "2 was not ticked"


def test_weekly_json_is_english_in_the_chinese_interface(run, monkeypatch) -> None:
    """`uplift weekly --json` under UPLIFT_LANG=zh gave the items' Chinese text: a script reading it
    saw another text in each language."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("weekly")[1].splitlines()[1] == "[ ] 1. 逐个阶段过一遍商机管道"  # a person reads Chinese
    data = json.loads(run("weekly", "--json")[1])
    assert data["items"][0]["text"] == "Walk the deal pipeline stage by stage"
    item = json.loads(run("weekly", "3", "--json")[1])
    assert (item["text"], item["done"]) == ("Compare each stage's conversion with last week", True)


def test_the_weeks_pipeline_in_json_ends_now_to_the_second(run) -> None:
    """Every time `--json` prints is UTC to the second (README); this week's end is now."""
    import re

    end = json.loads(run("weekly", "--json")[1])["pipeline"]["end"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", end), end
