"""`uplift diagnose`, `uplift diagnosis` and `uplift note` as scripts use them, on the shared
datasets; expected figures are computed here with the csv module."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from store.board import Board
from tests.conftest import DATA, needs_data, snapshot_files
from tui.cli import main

SUPERSTORE = DATA / "superstore" / "superstore.csv"
CRM = DATA / "crm-opportunities" / "sales_pipeline.csv"
TEAMS = DATA / "crm-opportunities" / "sales_teams.csv"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@needs_data
def test_superstore_json_numbers_and_the_kept_snapshot(run, team) -> None:
    lines = rows(SUPERSTORE)
    total = sum(float(r["Sales"]) for r in lines)
    by_region: dict[str, float] = defaultdict(float)
    for r in lines:
        by_region[r["Region"]] += float(r["Sales"])
    code, out, err = run("diagnose", SUPERSTORE, "--json")
    assert code == 0, err
    d = json.loads(out)["diagnosis"]  # stdout is the JSON and nothing else
    assert d["total"]["revenue"] == pytest.approx(total)
    assert d["total"]["orders"] == len({r["Order ID"] for r in lines})
    regions = {g["value"]: g["metrics"]["revenue"] for g in d["breakdowns"]["region"]}
    assert regions == pytest.approx(dict(by_region))
    assert "Kept as X-1" in err and d["id"] == "X-1"  # (a script needs the id, not stderr's words)

    code, out, _ = run("diagnosis", "list", "--json")
    [kept] = json.loads(out)
    assert kept["id"] == "X-1" and kept["files"] == [str(SUPERSTORE)]
    assert kept["total"]["revenue"] == pytest.approx(total)
    assert kept["mapping"]["amount"] == "Sales" and kept["findings"] == d["findings"]
    code, out, _ = run("diagnosis", "list")
    assert "X-1" in out and "superstore.csv" in out
    code, out, _ = run("diagnosis", "show")
    assert out.startswith("X-1, saved") and "Weak spots" in out
    # the snapshot holds aggregates only: no order id or customer of the records
    stored = (team / "diagnosis.json").read_text(encoding="utf-8")
    assert lines[0]["Order ID"] not in stored and lines[0]["Customer Name"] not in stored


@needs_data
def test_crm_with_a_joined_team_file(run) -> None:
    deals = rows(CRM)
    office = {r["sales_agent"]: r["regional_office"] for r in rows(TEAMS)}
    won = [r for r in deals if r["deal_stage"] == "Won"]
    lost = [r for r in deals if r["deal_stage"] == "Lost"]
    revenue: dict[str, float] = defaultdict(float)
    for r in won:
        revenue[office[r["sales_agent"]]] += float(r["close_value"])
    code, out, err = run("diagnose", CRM, "--join", f"{TEAMS}:sales_agent", "--period", "quarter", "--json")
    assert code == 0, err
    d = json.loads(out)["diagnosis"]
    assert d["total"]["won"] == len(won) and d["total"]["lost"] == len(lost)
    assert d["total"]["win_rate"] == pytest.approx(len(won) / (len(won) + len(lost)))
    assert {g["value"]: g["metrics"]["revenue"] for g in d["breakdowns"]["region"]} == pytest.approx(dict(revenue))
    assert d["dropped"]  # open deals are counted, not hidden
    assert sum(d["dropped"].values()) == len(deals) - len(won) - len(lost)


@needs_data
def test_a_joined_file_named_alone_is_found_beside_the_main_file(run, tmp_path, monkeypatch) -> None:
    """`--join sales_teams.csv:sales_agent` from another folder: the teams file beside the
    pipeline is the one meant, for the run and for the mapping it saves on the board."""
    office = {r["sales_agent"]: r["regional_office"] for r in rows(TEAMS)}
    monkeypatch.chdir(tmp_path)
    code, out, err = run("diagnose", CRM, "--join", f"{Path(TEAMS).name}:sales_agent", "--json")
    assert code == 0, err
    assert {g["value"] for g in json.loads(out)["diagnosis"]["breakdowns"]["region"]} == set(office.values())


@needs_data
def test_a_join_key_named_differently_in_each_file(run, tmp_path) -> None:
    """`--join teams.csv:sales_agent=agent`: the teams file calls its key `agent`. Won revenue
    per regional office, worked out here from the two files, is the region breakdown's."""
    office = {r["sales_agent"]: r["regional_office"] for r in rows(TEAMS)}
    teams = tmp_path / "teams.csv"
    teams.write_text("agent,regional_office\n" + "".join(f"{a},{o}\n" for a, o in office.items()), encoding="utf-8")
    won: dict[str, float] = {}
    for r in rows(CRM):
        if r["deal_stage"] == "Won":
            won[office[r["sales_agent"]]] = won.get(office[r["sales_agent"]], 0) + float(r["close_value"])
    code, out, err = run("diagnose", CRM, "--join", f"{teams}:sales_agent=agent", "--json", "--no-save")
    assert code == 0, err
    assert {g["value"]: g["metrics"]["revenue"] for g in json.loads(out)["diagnosis"]["breakdowns"]["region"]} == \
        pytest.approx(won)
    code, _, err = run("diagnose", CRM, "--join", f"{teams}:sales_agent=", "--no-save")
    assert code == 2 and "expected FILE:KEY or FILE:KEY=JOINED_KEY" in err
    code, _, err = run("diagnose", CRM, "--join", f"{teams}:sales_agent=nobody", "--no-save")
    assert code == 2 and "no join key column 'nobody'" in err and "teams.csv" in err


ODD = "when,total,area,notes\n2026-01-05,100,North,a\n2026-01-20,50,South,b\n2026-02-03,30,North,c\n"


def test_a_mapping_given_once_is_reused_for_files_with_the_same_columns(run, team, tmp_path) -> None:
    first, second = tmp_path / "jan.csv", tmp_path / "feb.csv"
    first.write_text(ODD, encoding="utf-8")
    second.write_text("Area,Notes,When,Total\nSouth,x,2026-03-01,70\n", encoding="utf-8")
    code, _, err = run("diagnose", first)
    assert code == 2 and "date" in err  # 'when' is no known date header
    code, out, err = run("diagnose", first, "--map", "when=date", "--map", "total=amount", "--json")
    assert code == 0, err
    mapped = json.loads(out)["diagnosis"]
    assert mapped["total"]["revenue"] == 180 and mapped["source"]["mapping"]["region"] == "area"

    code, out, err = run("diagnose", first, "--json")
    assert code == 0 and "reused the column mapping" in err
    again = json.loads(out)["diagnosis"]
    assert again["total"] == mapped["total"] and again["source"]["mapping"] == mapped["source"]["mapping"]
    # same columns in another order and case: the same layout
    code, out, _ = run("diagnose", second, "--json")
    assert code == 0 and json.loads(out)["diagnosis"]["total"]["revenue"] == 70

    # --map wins over the saved mapping, and becomes the saved mapping
    code, out, _ = run("diagnose", first, "--map", "area=ignore", "--json")
    assert code == 0 and "region" not in json.loads(out)["diagnosis"]["source"]["mapping"]
    code, out, _ = run("diagnose", first, "--json")
    assert "region" not in json.loads(out)["diagnosis"]["source"]["mapping"]
    [saved] = Board(team, actor="dana").saved_mappings()
    assert saved.overrides == {"when": "date", "total": "amount", "area": "ignore"}


def test_a_kept_diagnosis_says_where_each_mapping_came_from(run, team, tmp_path) -> None:
    """A snapshot's explanation is kept: a mapping reused from the board's saved one must not
    read "set by --map" when no --map was given on that run."""
    first = tmp_path / "jan.csv"
    first.write_text(ODD, encoding="utf-8")
    assert run("diagnose", first, "--map", "when=date", "--map", "total=amount")[0] == 0
    # the same file again: the saved mapping for 'when' and 'total', a new --map for 'area'
    code, _, err = run("diagnose", first, "--map", "area=region")
    assert code == 0, err
    given, reused = Board(team, actor="dana").snapshots()
    assert "'when' -> date (order / invoice / close date; set by --map)" in given.diagnosis.source.explanation[0]
    lines = reused.diagnosis.source.explanation
    saved = "from the mapping saved on the board for files with these columns"
    assert f"'when' -> date (order / invoice / close date; {saved})" in lines
    assert any(line.startswith("'total' -> amount") and line.endswith(f"; {saved})") for line in lines)
    assert any(line.startswith("'area' -> region") and line.endswith("; set by --map)") for line in lines)
    code, out, _ = run("diagnosis", "show", reused.id)
    assert code == 0 and saved in out


@pytest.mark.parametrize("maps, message", [
    # the last --map used to win silently: 'rev' became the amount, 'total' was dropped
    (["total=amount", "rev=amount"], "--map rev=amount: amount is already mapped to the column 'total'"),
    # ... and here the amount vanished, and the error blamed the file ("missing required column")
    (["total=amount", "Total=region"], "--map Total=region: the column 'total' is already mapped to amount"),
])
def test_a_mapping_that_says_two_things_is_refused(run, team, tmp_path, maps, message) -> None:
    path = tmp_path / "two.csv"
    path.write_text("when,total,rev\n2026-01-05,10,20\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("diagnose", path, "--map", "when=date", *[a for m in maps for a in ("--map", m)])
    assert (code, out) == (2, "") and message in err and "nothing was saved" in err
    assert snapshot_files(team) == before
    # the same pair given twice says one thing
    code, _, err = run("diagnose", path, "--map", "when=date", "--map", "total=amount", "--map", "total=amount",
                       "--json")
    assert code == 0 and json.loads(_)["diagnosis"]["total"]["revenue"] == 10


@pytest.mark.parametrize("content, message", [
    ("date,amount\n2026-01-05,10\n2026-01-06,ten\n", "column 'amount', row 3"),
    ("date,amount\n2026-01-05,10\n2026-02-30,5\n", "column 'date', row 3"),
    ("", "empty file"),
    ("date,region\n2026-01-05,North\n", "missing required column: an amount column"),
    # 1e400 is infinity to a float: every total was infinite and shown as revenue 0.00, exit 0
    ("date,amount\n2026-01-05,10\n2026-01-06,1e400\n", "column 'amount', row 3: a number too big to add up"),
    ("date,amount\n2026-01-05,10\n2026-01-06,$1e400\n2026-01-07,$5\n", "column 'amount', row 3: cannot read '$1e400'"),
])
def test_bad_input_names_column_and_row_and_saves_nothing(run, team, tmp_path, content, message) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("diagnose", path)
    assert code == 2 and out == ""
    assert message in err and "nothing was saved" in err and err.count("\n") == 1
    assert snapshot_files(team) == before


def test_a_failed_run_makes_no_board_and_a_good_one_does(tmp_path, capsys, monkeypatch) -> None:
    from tests.cli.conftest import run_uplift

    where = tmp_path / "new-board"
    run = run_uplift(where, capsys, monkeypatch)
    code, _, err = run("diagnose", tmp_path / "missing.csv")
    assert code == 2 and "nothing was saved" in err and not where.exists()
    good = tmp_path / "s.csv"
    good.write_text("date,amount\n2026-01-05,10\n", encoding="utf-8")
    code, out, _ = run("diagnose", good)
    assert code == 0 and "Kept as X-1" in out and (where / "board.json").exists()


def test_a_rep_may_diagnose_but_not_keep_a_snapshot(run, team, tmp_path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("date,amount\n2026-01-05,10\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("diagnose", path, user="ali")
    assert code == 1 and "only a lead" in err and "--no-save" in err
    code, out, err = run("diagnose", path, "--no-save", user="ali")
    assert code == 0 and "revenue" in out and "Kept as" not in out
    code, out, err = run("diagnose", path, "--no-save", "--json", user="ali")
    assert code == 0 and json.loads(out)["diagnosis"]["id"] is None and json.loads(out)["diagnosis"]["total"]["revenue"] == 10
    assert snapshot_files(team) == before


def test_diagnose_without_a_board_creates_one(tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "s.csv"
    path.write_text("date,amount\n2026-01-05,10\n", encoding="utf-8")
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["diagnose", str(path), "--board", str(tmp_path / "new")]) == 0
    assert [s.id for s in Board(tmp_path / "new", actor="dana").snapshots()] == ["X-1"]


def test_notes_add_list_filter_edit(run, team) -> None:
    code, out, _ = run("note", "add", "Deals stall at legal review\nevery time", "--tag", "pain point",
                       "--source", "ali", user="ali")
    assert (code, out) == (0, "N-1\n")
    code, out, _ = run("note", "add", "Rival X is cheaper", "--kind", "feedback", "--tag", "competitor",
                       "--tag", "unmet_need", "--source", "Acme buyer")
    assert out == "N-2\n"
    code, out, _ = run("note", "list", "--json")
    notes = json.loads(out)
    assert [n["id"] for n in notes] == ["N-2", "N-1"]
    assert notes[1] == {"id": "N-1", "kind": "interview", "text": "Deals stall at legal review\nevery time",
                        "source": "ali", "tags": ["pain_point"], "author": "ali", "created": notes[1]["created"]}
    assert notes[0]["tags"] == ["unmet_need", "competitor"]
    code, out, _ = run("note", "list", "--tag", "competitor", "--json")
    assert [n["id"] for n in json.loads(out)] == ["N-2"]
    code, out, _ = run("note", "list", "--kind", "interview")
    assert "N-1" in out and "N-2" not in out
    code, _, err = run("note", "list", "--tag", "gossip")
    assert code == 2 and "not a tag" in err
    # a rep changes only their own notes
    before = snapshot_files(team)
    code, _, err = run("note", "edit", "N-2", "--tag", "praise", user="ali")
    assert code == 1 and "own notes" in err and snapshot_files(team) == before
    assert run("note", "edit", "N-1", "--tag", "praise", "--tag", "pain_point", user="ali")[0] == 0
    code, out, _ = run("note", "list", "--tag", "praise", "--json")
    assert [(n["id"], n["tags"]) for n in json.loads(out)] == [("N-1", ["pain_point", "praise"])]
    code, out, _ = run("note", "list", "--tag", "competitor")
    assert "Rival X is cheaper" in out and "Acme buyer" in out
    assert run("note", "delete", "N-1")[0] == 0
    code, out, _ = run("log", "--limit", "1")
    assert "deleted N-1" in out


def test_hostile_note_text_never_reaches_the_terminal(run) -> None:
    run("note", "add", "evil\x1b]52;c;aGk=\x07\x1b[2J text", "--source", "\x1b[31mred")
    code, out, _ = run("note", "list")
    assert "\x1b" not in out and "\x07" not in out


def test_reading_snapshots_and_notes_does_not_import_pandas(team, tmp_path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "s.csv"
    path.write_text("date,amount\n2026-01-05,10\n", encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([path])
    probe = ("import sys; from tui.cli import main; codes = [main(['diagnosis', 'list', '--json']), "
             "main(['note', 'add', 'x']), main(['note', 'list'])]; "
             "heavy = [m for m in ('textual', 'pandas', 'rich') if m in sys.modules]; "
             "print(codes, heavy)")
    env = {**os.environ, "UPLIFT_BOARD": str(team), "UPLIFT_USER": "dana"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[2], env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[0, 0, 0] []"


def test_counts_in_the_weak_spots_have_thousands_separators(run, tmp_path) -> None:
    # North: 1,200 orders of 10; South: 40 orders of 100 -> North's order value is far below.
    orders = tmp_path / "orders.csv"
    orders.write_text("order,date,amount,region\n" + "".join(
        f"O{i},2026-01-{1 + i % 28:02d},{10 if i < 1200 else 100},{'North' if i < 1200 else 'South'}\n"
        for i in range(1240)), encoding="utf-8")
    # East: 500 won of 1,000 deals; West: 90 won of 100 -> East's win rate is far below.
    deals = tmp_path / "deals.csv"
    deals.write_text("deal,date,amount,region,stage\n" + "".join(
        f"D{i},2026-01-{1 + i % 28:02d},50,{'East' if i < 1000 else 'West'},"
        f"{'won' if (i < 500 or 1000 <= i < 1090) else 'lost'}\n" for i in range(1100)), encoding="utf-8")
    code, out, err = run("diagnose", orders, "--no-save")
    assert code == 0, err
    assert "North region: average order value" in out and "(1,200 orders)" in out
    code, out, err = run("diagnose", deals, "--no-save")
    assert code == 0, err
    assert "East region: win rate 50% vs 90% elsewhere (500 won of 1,000 decided deals)" in out


def period_lines(out: str) -> list[str]:
    """The "Latest months" table of the text report, without its heading and the table's."""
    block = out.split("Latest months")[1].split("\n\n")[0]
    return [line.strip() for line in block.splitlines()[2:]]


def test_new_customers_are_a_count_beside_their_share_and_the_first_period_is_marked(run, tmp_path) -> None:
    # January: Ann and Bob buy (both new); February: Ann again and Cy (1 new of 2); March: Ann,
    # Bob, Dee and Eve (2 new of 4). The last order is on the 31st, so March is not partial.
    buyers = {"2026-01-01": ["Ann", "Bob"], "2026-02-01": ["Ann", "Cy"], "2026-03-31": ["Ann", "Bob", "Dee", "Eve"]}
    orders = tmp_path / "orders.csv"
    orders.write_text("order,date,customer,amount\n" + "".join(
        f"O{day}{name},{day},{name},100\n" for day, names in buyers.items() for name in names), encoding="utf-8")
    seen: set[str] = set()
    expected = []
    for names in buyers.values():
        new = [n for n in names if n not in seen]
        seen.update(names)
        expected.append(f"{len(new)} of {len(names)} ({len(new) / len(names):.1%})")
    code, out, err = run("diagnose", orders, "--no-save")
    assert code == 0, err
    lines = period_lines(out)
    assert out.split("Latest months")[1].splitlines()[1].split()[-2:] == ["NEW", "CUSTOMERS"]
    assert [line.split("  ")[-1].strip() for line in lines[:3]] == [expected[0] + "*", expected[1], expected[2]]
    assert lines[3] == "* first month of the data: every customer is new"


def test_the_first_period_mark_goes_when_the_first_period_is_not_shown(run, tmp_path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text("order,date,customer,amount\n" + "".join(
        f"O{month},2026-{month:02d}-01,C{month % 2},100\n" for month in range(1, 7)), encoding="utf-8")
    code, out, err = run("diagnose", orders, "--no-save")
    assert code == 0, err
    lines = period_lines(out)
    assert [line.split()[0] for line in lines] == ["2026-03", "2026-04", "2026-05", "2026-06"]
    assert all(line.endswith("  0 of 1 (0.0%)") and "*" not in line for line in lines)
    assert "first month" not in out


def test_mapping_errors_name_the_map_option(run, tmp_path) -> None:
    """The command line names a bad mapping by its --map (the Diagnose screen names it by its
    form: tests/tui/test_diagnose_screen.py)."""
    sales = tmp_path / "sales.csv"
    sales.write_text("date,amount,region\n2026-01-05,100,North\n", encoding="utf-8")
    code, _, err = run("diagnose", sales, "--map", "Foo=amount")
    assert code == 2 and "--map Foo=amount: no column 'Foo' (columns: date, amount, region)" in err
    code, _, err = run("diagnose", sales, "--map", "region=colour")
    assert code == 2 and "--map region=colour: unknown field 'colour'" in err
    code, _, err = run("diagnose", sales, "--join", "teams.csv")
    assert code == 2 and "--join 'teams.csv': expected FILE:KEY or FILE:KEY=JOINED_KEY" in err
    (tmp_path / "teams.csv").write_text("rep,team\nAnn,East\n", encoding="utf-8")
    code, _, err = run("diagnose", sales, "--join", f"{tmp_path / 'teams.csv'}:rep")
    assert code == 2 and "sales.csv, column 'rep': --join teams.csv:rep: no column 'rep' in the main file" in err
    (tmp_path / "dates.csv").write_text("date,region\n2026-01-05,North\n", encoding="utf-8")
    code, _, err = run("diagnose", tmp_path / "dates.csv")
    assert code == 2 and "missing required column: an amount column" in err and "name one with --map COLUMN=amount" in err


def test_costs_by_a_dimension_the_records_lack_are_refused(run, team, tmp_path) -> None:
    # costs by region on records with no region were set against all the revenue (ROI -0.99)
    sales, costs = tmp_path / "sales.csv", tmp_path / "costs.csv"
    sales.write_text("date,customer,amount\n2026-01-05,A,100\n2026-01-06,B,200\n", encoding="utf-8")
    costs.write_text("region,cost\nNorth,5000\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("diagnose", sales, "--costs", costs)
    assert (code, out) == (2, "") and snapshot_files(team) == before
    assert ("sales.csv: the cost file costs.csv gives costs by region, but the sales records have no region "
            "column; name one with --map COLUMN=region") in err
    # with the column, the same cost file gives each region's ROI: North (100 - 5000) / 5000
    sales.write_text("date,customer,amount,area\n2026-01-05,A,100,North\n2026-01-06,B,200,South\n", encoding="utf-8")
    code, out, err = run("diagnose", sales, "--costs", costs, "--map", "area=region", "--json")
    assert code == 0, err
    north = next(r for r in json.loads(out)["diagnosis"]["breakdowns"]["region"] if r["value"] == "North")
    assert north["metrics"]["roi"] == pytest.approx((100 - 5000) / 5000)


def test_figures_are_rounded_half_up(run, tmp_path) -> None:
    """Eight orders of 0.125: the average order value 0.125 reads 0.13, as a person rounds it."""
    path = tmp_path / "orders.csv"
    path.write_text("Order ID,Order Date,Sales,Customer ID\n"
                    + "".join(f"O-{n},2026-01-0{n},0.125,C-{n}\n" for n in range(1, 9)))
    code, out, err = run("diagnose", path)
    assert code == 0, err
    assert "  average order value  0.13\n" in out
    assert "  revenue              1.00\n" in out


def test_a_negative_cost_is_refused_naming_its_row(run, team, tmp_path) -> None:
    """A cost of -100 was taken as it was: the region's ROI vanished and the whole data's cost
    line with it (the costs added up to below zero), without a word."""
    sales, costs = tmp_path / "sales.csv", tmp_path / "costs.csv"
    sales.write_text("date,region,amount\n2026-01-05,North,100\n2026-01-06,South,50\n", encoding="utf-8")
    costs.write_text("region,cost\nSouth,10\nNorth,-100\n", encoding="utf-8")
    files = snapshot_files(team)
    code, out, err = run("diagnose", sales, "--costs", costs)
    assert (code, out) == (2, "")
    assert err == "uplift: costs.csv, column 'cost', row 3: a cost cannot be negative (-100) (nothing was saved)\n"
    assert snapshot_files(team) == files
    costs.write_text("region,cost\nSouth,10\nNorth,0\n", encoding="utf-8")  # a cost of nothing is a cost
    assert run("diagnose", sales, "--costs", costs, "--no-save")[0] == 0


@needs_data
def test_a_kept_diagnosis_shown_as_json_is_named_as_the_list_names_it(run) -> None:
    """`diagnosis show X-1 --json` is the item `diagnosis list --json` lists, with every table:
    its id, when and by whom it was kept, and the same figures; `diagnose --json`, the run that
    kept it, printed it so too (it printed the diagnosis bare, with its id alone)."""
    code, whole, err = run("diagnose", SUPERSTORE, "--json")
    assert code == 0, err
    [kept] = json.loads(run("diagnosis", "list", "--json")[1])
    code, out, err = run("diagnosis", "show", "X-1", "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)["diagnosis"]
    assert (shown["id"], shown["saved_by"], shown["saved_at"]) == ("X-1", "dana", kept["saved_at"])
    assert shown["overrides"] == kept["overrides"]
    for key in ("period", "first_date", "last_date", "rows_read", "rows_used", "dropped", "total", "findings"):
        assert shown[key] == kept[key]
    assert json.loads(out) == json.loads(whole)  # (what `diagnose --json` printed as it kept it: the same)


def test_a_cost_file_matches_groups_as_a_join_does_and_says_what_matched_nothing(run, monkeypatch, tmp_path) -> None:
    """A cost file's 'NORTH' is the sales' North (it got no ROI), and its 'Nort' (a typo) and the
    sales' South with no cost were dropped without a word."""
    sales, costs = tmp_path / "sales.csv", tmp_path / "costs.csv"
    sales.write_text("date,region,amount\n2026-01-05,North,300\n2026-01-06,South,50\n", encoding="utf-8")
    costs.write_text("region,cost\nNORTH,100\nNort,7\n", encoding="utf-8")
    code, out, err = run("diagnose", sales, "--costs", costs, "--no-save")
    assert code == 0, err
    assert "  costs from costs.csv by region; no sales for 'Nort'; no cost for 'South'" in out.splitlines()
    assert ["North", "300", "85.7%", "300.00", "2.00"] in [line.split() for line in out.splitlines()]
    # the whole data's ROI where the cost is known: North's 300 against the 107 spent (South's 50
    # has no cost: set against the rest's it made 2.27)
    assert "  cost                 107.00   ROI 1.80" in out.splitlines()
    costs.write_text("region,cost\nnorth,100\nSouth,25\n", encoding="utf-8")
    code, out, err = run("diagnose", sales, "--costs", costs, "--no-save")
    assert "  costs from costs.csv by region" in out.splitlines()
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    costs.write_text("region,cost\nNort,7\n", encoding="utf-8")
    code, out, err = run("diagnose", sales, "--costs", costs, "--no-save")
    assert "  成本来自 costs.csv，按区域；'Nort' 没有销售；'North', 'South' 没有成本" in out.splitlines()


def test_rows_two_overlapping_exports_both_hold_count_once(run, monkeypatch, tmp_path) -> None:
    """January-February and February-March: February's rows counted twice, 900 of revenue for 600,
    without a word. A row repeated within one file is two lines and stays."""
    first, second = tmp_path / "jan-feb.csv", tmp_path / "feb-mar.csv"
    first.write_text("order,date,amount\nO1,2026-01-10,100\nO1,2026-01-10,100\nO2,2026-02-10,300\n", encoding="utf-8")
    second.write_text("order,date,amount\nO2,2026-02-10,300\nO3,2026-03-10,100\n", encoding="utf-8")
    code, out, err = run("diagnose", first, second, "--no-save")
    assert code == 0, err
    assert "  revenue              600.00" in out.splitlines()
    assert "  2026-01-10 to 2026-03-10, by month; 4 of 5 rows used" in out.splitlines()
    assert out.splitlines()[-1] == "Dropped rows: the same row in an earlier file (files that overlap): 1"
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("diagnose", first, second, "--no-save")
    assert out.splitlines()[-1] == "丢弃的行：与前一个文件中的某行完全相同（文件有重叠）：1"


def test_note_list_counts_each_tag_and_finds_words(run) -> None:
    """A lead with a dozen notes wants "7 pain points, 3 about price" without counting rows: the
    list ends with how many notes it shows and how many carry each tag, and `--search` keeps the
    notes holding the words. Expected counts come from the notes as written here."""
    notes = [("Customers say we are too expensive", ["pain_point"]),
             ("Price came up again, Rival X is cheaper", ["pain_point", "competitor"]),
             ("Onboarding takes too long", ["pain_point"]),
             ("They want a monthly plan", ["unmet_need"]),
             ("PRICE list is hard to read", ["pain_point"]),
             ("Support was great", ["praise"]),
             ("No tag at all", [])]
    for text, tags in notes:
        assert run("note", "add", text, *[a for t in tags for a in ("--tag", t)])[0] == 0
    tally = {tag: sum(tag in tags for _, tags in notes) for tag in ("pain_point", "unmet_need", "competitor", "praise")}
    code, out, _ = run("note", "list")
    assert code == 0 and out.rstrip().splitlines()[-1] == (
        f"{len(notes)} notes listed; by tag: pain_point {tally['pain_point']}, unmet_need {tally['unmet_need']}, "
        f"competitor {tally['competitor']}, praise {tally['praise']}")
    about_price = [text for text, tags in notes if "pain_point" in tags and "price" in text.casefold()]
    code, out, _ = run("note", "list", "--tag", "pain point", "--search", "Price")
    assert code == 0 and out.rstrip().splitlines()[-1] == f"{len(about_price)} notes listed; by tag: pain_point 2, competitor 1"
    assert all(text in out for text in about_price) and "too expensive" not in out
    code, out, _ = run("note", "list", "--search", "rival cheaper", "--json")
    assert [n["text"] for n in json.loads(out)] == ["Price came up again, Rival X is cheaper"]
    code, out, _ = run("note", "list", "--search", "no tag")
    assert out.rstrip().splitlines()[-1] == "1 note listed; none tagged"
    code, out, _ = run("note", "list", "--search", "nowhere")
    assert (code, out) == (0, "No notes match.\n")


def test_a_folder_given_as_the_file_names_the_record_files_it_holds(run, team, tmp_path) -> None:
    exports = tmp_path / "exports"
    (exports / "q1").mkdir(parents=True)
    (exports / "orders-2025.csv").write_text("order,date,amount\nO1,2026-01-05,100\n", encoding="utf-8")
    (exports / "Orders-2026.XLSX").write_bytes(b"")
    (exports / "notes.txt").write_text("not records", encoding="utf-8")
    code, out, err = run("diagnose", str(exports))
    assert (code, out) == (2, "")
    assert err == ("uplift: exports: a folder, not a file; its CSV, XLSX and XLS files: orders-2025.csv, "
                   "Orders-2026.XLSX (nothing was saved)\n")
    code, out, err = run("diagnose", str(exports / "q1"))
    assert code == 2 and err == "uplift: q1: a folder, not a file, and it holds no CSV, XLSX or XLS file (nothing was saved)\n"
    assert Board(team, actor="dana").snapshots() == []
