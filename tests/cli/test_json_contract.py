"""DESIGN.md's command-line contract as a script relies on it: every listing takes `--json` and
then prints one JSON document and nothing else (no note, no warning on stdout; stderr empty); an
empty board lists `[]`, not a sentence; an id that names nothing is not found (exit 1) however
long its number, one that is no id is bad input (exit 2), and a refusal under `--json` is still
exit 1 with a one-line reason on stderr."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.conftest import run_uplift
from tests.conftest import snapshot_files, write_sheet
from tui.cli import main

#: Every command that lists or shows, as a script would call it on the demo board.
LISTINGS = [
    ("today",), ("cycle",), ("task", "list"), ("task", "show", "T-7"), ("burnup",),
    ("diagnosis", "list"), ("diagnosis", "show", "X-1"), ("note", "list"), ("goal", "list"),
    ("goal", "show", "G-1"), ("strategy", "list"), ("budget", "list"), ("budget", "show", "B-1"),
    ("training", "list"), ("deal", "list"), ("deal", "show", "D-15"), ("funnel",), ("account", "list"),
    ("account", "show", "Acme"), ("forecast",), ("winloss",), ("alerts",), ("alerts", "config"), ("log",),
    ("member", "list"), ("member", "key", "list", "ali"), ("wip",), ("plan", "info"), ("review",),
    ("payout",), ("leaderboard",), ("incentive", "list"), ("incentive", "show", "I-1"), ("weekly",),
    ("undo", "--dry-run"), ("plan", "templates"), ("coach", "ali"),
]

#: The listings of a list of records: on a board that has none, an empty JSON list.
EMPTY_LISTS = [("task", "list"), ("diagnosis", "list"), ("note", "list"), ("goal", "list"),
               ("strategy", "list"), ("training", "list"), ("deal", "list"), ("account", "list"),
               ("alerts",), ("log",), ("member", "list"), ("payout",), ("leaderboard",), ("incentive", "list")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo board, made once for the module (the listings only read it)."""
    board = tmp_path_factory.mktemp("json") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", "en")
        patch.setenv("XDG_CONFIG_HOME", str(board.parent / "xdg-config"))
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["demo", "--board", str(board), "--no-open"]) == 0
    return board


@pytest.mark.parametrize("user", ["dana", "ali"])
@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_a_listings_json_is_one_document_and_nothing_else(demo, capsys, monkeypatch, command, user):
    before = snapshot_files(demo)
    code, out, err = run_uplift(demo, capsys, monkeypatch)(*command, "--json", user=user)
    assert (code, err) == (0, "")
    assert out.endswith("\n") and isinstance(json.loads(out), (list, dict))
    assert snapshot_files(demo) == before  # (a listing only reads)


#: Every `show`: what it names, under the key of its noun; the log's records of it under "history".
SHOWS = [("task", "show", "T-7"), ("goal", "show", "G-1"), ("deal", "show", "D-15"), ("budget", "show", "B-1"),
         ("incentive", "show", "I-1"), ("diagnosis", "show", "X-1"), ("account", "show", "Acme")]


@pytest.mark.parametrize("command", SHOWS, ids=" ".join)
def test_every_show_has_its_record_under_its_noun_and_its_history_apart(demo, capsys, monkeypatch, command):
    noun, _, named = command
    code, out, err = run_uplift(demo, capsys, monkeypatch)(*command, "--json", user="dana")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown[noun][{"account": "name"}.get(noun, "id")] == named
    assert shown["history"] and all(isinstance(r, dict) and {"seq", "at", "actor", "action", "item"} <= set(r)
                                    for r in shown["history"])
    assert [r["seq"] for r in shown["history"]] == sorted((r["seq"] for r in shown["history"]), reverse=True)
    if noun != "account":  # (an account is no record of its own: the records of its activities)
        assert {r["item"] for r in shown["history"]} == {named}


def test_every_show_is_walked_above():
    assert {" ".join(c[:2]) for c in SHOWS} == {" ".join(c[:2]) for c in LISTINGS if c[1:2] == ("show",)}


@pytest.mark.parametrize("command", EMPTY_LISTS, ids=" ".join)
def test_an_empty_boards_listings_are_empty_lists(team, capsys, monkeypatch, command):
    empty = run_uplift(team.parent / "empty", capsys, monkeypatch)
    assert empty("init")[0] == 0
    code, out, err = empty(*command, "--json")
    assert (code, out, err) == (0, "[]\n", "")


@pytest.mark.parametrize("command", [("task", "show"), ("task", "done"), ("goal", "show"), ("deal", "show"),
                                     ("budget", "show"), ("incentive", "show"), ("diagnosis", "show")],
                         ids=" ".join)
def test_an_id_that_names_nothing_is_not_found_however_long_and_a_non_id_bad_input(run, team, command):
    prefix = {"task": "T", "goal": "G", "deal": "D", "budget": "B", "incentive": "I", "diagnosis": "X"}[command[0]]
    before = snapshot_files(team)
    for number in ("99999", "99999999999999999999999"):
        code, out, err = run(*command, f"{prefix}-{number}", "--json")
        assert (code, out) == (1, "") and err.startswith("uplift: no ") and err.count("\n") == 1, err
        assert f"{prefix}-{number}" in err
    for malformed in (f"{prefix}-x", f"{prefix}-0", f"{prefix}-{'9' * 400}"):
        code, out, err = run(*command, malformed)
        assert (code, out) == (2, "") and err.count("\n") == 1, err
    assert snapshot_files(team) == before


def test_a_refusal_under_json_is_exit_1_with_one_line_on_stderr(run):
    code, out, err = run("task", "move", "T-2", "done", "--json", user="ali")  # bea's task
    assert (code, out) == (1, "")
    assert err == "uplift: a rep may only change their own tasks; this one is bea's\n"


@pytest.mark.parametrize("name", ["", "  "])
def test_an_account_without_a_name_is_bad_input(run, name):
    assert run("account", "show", name, "--json") == (
        2, "", "uplift: give an account's name (`uplift account list` lists them)\n")


#: The verbs whose --json prints what they changed (their own tests read it), not a listing.
CHANGES = {"task add", "task edit", "task modify", "task move", "task start", "task stop", "task done",
           "task tick", "task step", "task comment", "task annotate", "task import", "diagnose",
           "diagnosis compare", "diagnosis checklist", "goal checkin", "deal add", "deal edit", "deal move",
           "deal paid", "deal import", "snapshot", "redo", "member handover"}


def test_every_verb_with_json_is_walked_above_and_every_list_and_show_has_json():
    import argparse

    from tui.cli import build_parser

    def leaves(parser, words=()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield " ".join((*words, name)), sub
                    yield from leaves(sub, (*words, name))

    verbs = dict(leaves(build_parser()))
    with_json = {verb for verb, sub in verbs.items() if "--json" in sub._option_string_actions}
    walked = {" ".join(word for word in command if not word[0].isupper() and not word.startswith("-")
                       and word not in ("ali", "Acme")) for command in LISTINGS}
    assert with_json - walked - CHANGES == set()
    assert {verb for verb in verbs if verb.split()[-1] in ("list", "show")} - with_json == set()


@pytest.mark.parametrize("command", [("task", "import", "-"), ("deal", "import", "-"), ("plan", "import", "-"),
                                     ("member", "key", "add", "ali", "-"), ()], ids=" ".join)
def test_a_script_that_closed_standard_input_gets_bad_input_not_a_bug(run, team, monkeypatch, command):
    """`uplift task import - <&-` (cron, a daemon): Python has no sys.stdin; it was exit 3, "a bug"."""
    monkeypatch.setattr("sys.stdin", None)
    before = snapshot_files(team)
    code, out, err = run(*command)
    assert (code, out, err.count("\n")) == (2, "", 1), err
    assert ("standard input is closed" if command else "needs a terminal") in err
    assert snapshot_files(team) == before


def test_a_task_imports_json_has_one_shape_from_taskwarrior_and_from_a_spreadsheet(run, tmp_path):
    """A script reads either import's result by the same keys: each change names its place in the
    file as `row` (the nth task of a taskwarrior list), and the keys only one kind fills are null,
    empty or 0 in the other."""
    export = tmp_path / "tasks.json"
    task = {"description": "Call Acme", "status": "pending", "uuid": "11111111-1111-1111-1111-111111111111"}
    export.write_text(json.dumps([task]), encoding="utf-8")
    assert run("task", "import", str(export))[0] == 0
    export.write_text(json.dumps([{**task, "description": "Call Acme back"}]), encoding="utf-8")
    code, out, err = run("task", "import", str(export), "--json")
    assert (code, err) == (0, "")
    from_list = json.loads(out)
    sheet = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "--output", str(sheet))[0] == 0
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    write_sheet(sheet, [{**r, "priority": "high"} if r["id"] == "T-1" else r for r in rows])
    code, out, err = run("task", "import", str(sheet), "--json")
    assert (code, err) == (0, "")
    from_sheet = json.loads(out)
    assert set(from_list) == set(from_sheet)
    assert [set(c) for c in from_list["updated"]] == [set(c) for c in from_sheet["updated"]]
    assert (from_list["updated"][0]["row"], from_list["mapping"], from_list["another_board"]) == (1, None, None)
    assert (from_sheet["updated"][0]["after"], from_sheet["deleted"], from_sheet["repeated_on_board"]) == (
        {"priority": "high"}, [], 0)


#: The keys a ratio the board works out is under, in any listing: a fraction in the JSON (1.0 is
#: 100%), whatever the screens say. (A deal split's `share` is what was set, percent: not walked;
#: the forecast's `coverage`, a multiple of what is left, is checked on its own.)
RATIO_KEYS = {"win_rate", "value_win_rate", "share", "attainment", "conversion", "progress",
              "revenue_share", "new_customer_share", "repurchase_rate"}


def _ratios(value, key=None):
    """Each (key, number) under one of RATIO_KEYS in a JSON document, a record as stored left out
    (a log record's `before` and `after`, a show's `history`, a deal's `splits`)."""
    if isinstance(value, dict):
        for k, item in value.items():
            if k not in ("before", "after", "history", "splits"):
                yield from _ratios(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _ratios(item, key)
    elif key in RATIO_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool):
        yield key, value


def test_every_ratio_of_every_listing_is_a_fraction(demo, capsys, monkeypatch):
    run = run_uplift(demo, capsys, monkeypatch)
    seen = set()
    for command in LISTINGS:
        for key, value in _ratios(json.loads(run(*command, "--json", user="dana")[1])):
            assert -2 <= value <= 2, (command, key, value)  # (the demo's: none is 0-100; a change may be below 0)
            seen.add(key)
    assert seen == RATIO_KEYS  # (each walked: the test is not vacuous)


def test_the_ratios_are_the_fractions_a_script_computes(demo, capsys, monkeypatch):
    """Each figure against the counts and amounts beside it, as a script would work it out."""
    run = run_uplift(demo, capsys, monkeypatch)

    def got(*command):
        return json.loads(run(*command, "--json", user="dana")[1])

    winloss, funnel, payout, review = got("winloss"), got("funnel"), got("payout"), got("review")
    for row in [winloss["total"], *winloss["by_rep"], *winloss["by_product"]]:
        closed = row["won"] + row["lost"]
        assert row["win_rate"] == (pytest.approx(row["won"] / closed) if closed else None)
        both = row["won_value"] + row["lost_value"]
        assert row["value_win_rate"] == (pytest.approx(row["won_value"] / both) if both else None)
    for row in [*winloss["reasons"], *winloss["lost_at"]]:
        assert row["share"] == pytest.approx(row["value"] / winloss["total"]["lost_value"])
    assert review["win_loss"] == winloss and review["process"]["win_rate"] == winloss["total"]["win_rate"]
    top = max(winloss["reasons"], key=lambda r: r["value"])
    assert got("cycle")["review"]["top_reason"] == [top["name"], round(top["share"], 3)]
    assert any(stage["left"] for stage in funnel["stages"])
    for stage in funnel["stages"]:
        assert stage["conversion"] == (pytest.approx(stage["advanced"] / stage["left"]) if stage["left"] else None)
    assert 10 <= funnel["stages"][0]["probability"] <= 100  # (a stage's probability: as set, percent)
    attained = {s["rep"]: s["won_value"] / s["quota"] for s in payout if s["quota"]}
    assert attained and {s["rep"]: s["attainment"] for s in payout if s["quota"]} == pytest.approx(attained)
    assert {r["rep"]: r["attainment"] for r in got("leaderboard")} == {
        rep: round(share, 3) for rep, share in attained.items()}  # (to a tenth of a percent, as the table)
    forecast = got("forecast")
    for row in [*forecast["reps"], forecast["team"]]:
        left = (row["quota"] or 0) - row["won"]
        covered = row["quota"] is not None and left > 0 and not row["left"]
        assert row["coverage"] == (pytest.approx(row["best_case"] / left) if covered else None)
    goals = {g["id"]: g for g in got("goal", "list")}
    behind = [e for e in got("today")["entries"] if e["kind"] == "behind"]
    assert behind and all((e["expected"], e["actual"]) == (round(goals[e["item"]]["expected"], 3),
                                                           round(goals[e["item"]]["progress"], 3)) for e in behind)
    for goal in review["goals"]:
        if goal["actual"] and goal["target"] and goal["direction"] == "increase":
            assert goal["attainment"] == pytest.approx(goal["actual"] / goal["target"])
    returned = {s["strategy"]: s["returned"] for s in review["strategies"] if s["spent"]}
    assert returned and returned == pytest.approx({s["strategy"]: s["won_value"] / s["spent"]
                                                   for s in review["strategies"] if s["spent"]})
    # a spreadsheet's payroll sheet says attainment in percent, as its column's name does
    sheet = {r["rep"]: r for r in csv.DictReader(io.StringIO(run("payout", "--csv", user="dana")[1]))}
    assert {rep: float(row["attainment_pct"]) for rep, row in sheet.items() if rep in attained} == pytest.approx(
        {rep: round(share * 100, 1) for rep, share in attained.items()})


def test_diagnose_prints_what_it_kept_as_diagnosis_show_does(run, tmp_path):
    """The verb that keeps a diagnosis prints it as `diagnosis show --json` shows it (it printed
    the diagnosis bare, its id beside its figures); with --no-save the same keys, nothing kept."""
    sales = tmp_path / "sales.csv"
    sales.write_text("date,amount,region\n2026-07-01,100,North\n2026-08-01,50,South\n", encoding="utf-8")
    code, kept, err = run("diagnose", sales, "--json")
    assert code == 0 and err == "Kept as X-1 (see `uplift diagnosis list`).\n"
    assert kept == run("diagnosis", "show", "X-1", "--json")[1]
    shown = json.loads(kept)
    assert [r["action"] for r in shown["history"]] == ["diagnosis.save"]
    code, out, err = run("diagnose", sales, "--json", "--no-save")
    assert (code, err) == (0, "")
    unkept = json.loads(out)
    assert (set(unkept), set(unkept["diagnosis"]), unkept["history"]) == (set(shown), set(shown["diagnosis"]), [])
    assert [unkept["diagnosis"][k] for k in ("id", "saved_at", "saved_by")] == [None, None, None]
    assert unkept["diagnosis"]["total"] == shown["diagnosis"]["total"] and shown["diagnosis"]["total"]["revenue"] == 150
