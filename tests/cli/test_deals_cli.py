"""The pipeline's command line: deal verbs, funnel, alerts, log add, exit codes, --json."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files, write_sheet


def test_deal_add_move_show_list(run) -> None:
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "12000", "--key",
               "--owner", "ali")[:2] == (0, "D-1\n")
    assert run("deal", "move", "D-1", "proposal", user="ali")[:2] == (0, "D-1 → Proposal\n")
    code, _, err = run("deal", "move", "D-1", "won", user="bea")
    assert code == 1 and "only change their own deals" in err
    code, out, _ = run("deal", "show", "D-1", "--json")
    shown = json.loads(out)["deal"]
    assert (shown["stage"], shown["value"], shown["key_account"]) == ("Proposal", 12000, True)
    assert [e["stage"] for e in shown["history"]] == ["Lead", "Proposal"]
    code, out, _ = run("deal", "list", "--stage", "Proposal", "--json")
    assert [d["id"] for d in json.loads(out)] == ["D-1"]
    code, _, err = run("deal", "move", "D-1", "someday")
    assert code == 2 and "not a stage" in err


def test_funnel_json(run) -> None:
    run("deal", "add", "A", "--value", "1000", "--owner", "ali")
    run("deal", "add", "B", "--value", "400", "--owner", "bea", "--stage", "Negotiation")
    run("deal", "move", "D-1", "Qualified")
    code, out, _ = run("funnel", "--json")
    funnel = json.loads(out)
    rows = {r["stage"]: r for r in funnel["stages"]}
    assert (rows["Qualified"]["count"], rows["Qualified"]["weighted"]) == (1, 250)   # 1000 at 25%
    assert (rows["Negotiation"]["value"], rows["Negotiation"]["weighted"]) == (400, 300)  # at 75%
    assert (rows["Lead"]["left"], rows["Lead"]["advanced"], rows["Lead"]["conversion"]) == (1, 1, 1.0)
    assert funnel["weighted_pipeline"] == 550
    assert len(rows["Lead"]["trend"]) == 12 and rows["Qualified"]["trend"][-1] == 1
    code, out, _ = run("funnel")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["STAGE", "PROB", "DEALS"]


def test_log_add_and_the_feed(run) -> None:
    run("deal", "add", "Acme", "--owner", "ali", "--account", "Acme")
    assert run("log", "add", "call", "--deal", "D-1", "asked for a quote", user="ali")[:2] == (0, "A-1\n")
    code, _, err = run("log", "add", "visit", "--deal", "D-1", "x", user="bea")
    assert code == 1 and "own deals" in err
    code, out, _ = run("log", "--json")
    records = json.loads(out)
    assert code == 0 and records[0]["action"] == "touch.log" and records[0]["after"]["note"] == "asked for a quote"
    code, out, _ = run("log", "--type", "call")
    assert "logged a call on D-1 Acme: asked for a quote" in out
    assert run("log", "add", "fax", "--deal", "D-1")[0] == 2


def test_an_activity_on_a_deal_is_on_that_deals_account(run, team) -> None:
    """`--deal D-1 --account Other` would count a call on Acme's deal as Other's activity (and
    keep Other's quiet key account from alerting): bad input, nothing written."""
    run("deal", "add", "Acme", "--owner", "ali", "--account", "Acme")
    before = snapshot_files(team)
    code, out, err = run("log", "add", "call", "--deal", "D-1", "--account", "Globex", "hello", user="ali")
    assert (code, out) == (2, "")
    assert err == "uplift: account: D-1 is Acme's deal, not Globex's: give --deal alone, or --account alone\n"
    assert snapshot_files(team) == before
    code, out, _ = run("log", "add", "call", "--deal", "D-1", "--account", " acme ", "--json", "hi", user="ali")
    assert code == 0 and json.loads(out)["account"] == "Acme"


def test_the_feed_says_an_email(run) -> None:
    run("deal", "add", "Acme", "--owner", "ali", "--account", "Acme")
    assert run("log", "add", "email", "--deal", "D-1", "sent the quote", user="ali")[0] == 0
    code, out, _ = run("log", "--type", "email")
    assert code == 0 and "logged an email on D-1 Acme: sent the quote" in out


def test_alerts_json_and_snooze(run) -> None:
    run("task", "edit", "T-1", "--due", "2020-01-01")
    code, out, _ = run("alerts", "--json")
    alerts = json.loads(out)
    assert [(a["kind"], a["item"], a["key"]) for a in alerts] == [("overdue", "T-1", "overdue:T-1")]
    assert "was due 2020-01-01" in alerts[0]["message"]
    assert run("alerts", "snooze", "overdue:T-1", "--until", "+2d", "--reason", "waiting on legal")[0] == 0
    assert json.loads(run("alerts", "--json")[1]) == []
    assert json.loads(run("alerts", "--all", "--json")[1])[0]["snooze_reason"] == "waiting on legal"


def test_a_bad_import_exits_2_and_writes_nothing(run, team, tmp_path) -> None:
    bad = tmp_path / "deals.csv"
    bad.write_text("title,stage,value\nA,Lead,10\nB,Nowhere,20\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(bad))
    assert code == 2 and "row 3: stage" in err and out == ""
    assert snapshot_files(team) == before
    good = tmp_path / "good.csv"
    good.write_text("title,stage,value,owner\nA,Lead,10,ali\nB,Won,20,bea\n", encoding="utf-8")
    code, out, _ = run("deal", "import", str(good), "--json")
    assert code == 0 and json.loads(out)["imported"] == 2


@pytest.mark.parametrize("lang, says", [
    ("en", "  row 2: close: '2026-02-30' is not a date: the days of 2026-02 run 01 to 28\n"),
    ("zh", "  第 2 行：close: '2026-02-30' 不是日期：2026-02 的日期为 01 到 28\n"),
])
def test_an_imported_day_the_calendar_lacks_says_why(run, team, tmp_path, monkeypatch, lang, says) -> None:
    """It said "is not a date (YYYY-MM-DD)" of a date written YYYY-MM-DD."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    deals = tmp_path / "deals.csv"
    deals.write_text("title,stage,value,close\nA,Lead,10,2026-02-30\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(deals))
    assert (code, out) == (2, "") and err.endswith(says)
    assert snapshot_files(team) == before


def test_an_owner_who_is_not_a_member_is_named_with_their_row_or_rows(run, tmp_path) -> None:
    deals = tmp_path / "deals.csv"
    deals.write_text("title,stage,owner\nA,Lead,Moses Frase\nB,Lead,ali\nC,Lead,zoe\nD,Lead,zoe\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(deals))
    assert code == 2
    assert "owner 'Moses Frase' (row 2) is not a member" in err  # it said "(rows 2)"
    assert "owner 'zoe' (rows 4, 5) is not a member" in err


def test_a_folder_given_as_the_deals_file_is_said_to_be_a_folder(run, tmp_path) -> None:
    """It said "no such file" of a folder that is there."""
    (tmp_path / "deals.csv").mkdir()
    assert run("deal", "import", str(tmp_path / "deals.csv")) == (
        2, "", f"uplift: {tmp_path / 'deals.csv'}: a folder, not a file, and it holds no file that could be imported "
                 "(CSV, TSV, XLSX, XLS, XLSM)\n")
    assert run("deal", "import", str(tmp_path / "none.csv")) == (
        2, "", f"uplift: {tmp_path / 'none.csv'}: no such file\n")


def test_a_closed_deal_shows_the_day_it_closed(run) -> None:
    run("deal", "add", "Acme renewal", "--value", "12000", "--owner", "ali", "--close", "2030-06-30")
    run("deal", "add", "Beta pilot", "--value", "500", "--owner", "ali", "--close", "2030-07-31")
    run("deal", "move", "D-1", "won")
    entered = json.loads(run("deal", "show", "D-1", "--json")[1])["deal"]["history"][-1]["at"][:10]
    code, out, _ = run("deal", "list")
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    # CLOSE: the day it was won for the closed deal, the expected date for the open one
    assert code == 0 and rows["D-1"][3] == entered and rows["D-2"][3] == "2030-07-31"
    shown = run("deal", "show", "D-1")[1]
    assert f"closed    {entered} (won)" in shown and "2030-06-30" not in shown
    assert "close     2030-07-31" in run("deal", "show", "D-2")[1]


def test_follow_up_tasks_of_a_deal(run) -> None:
    assert run("deal", "add", "Isdom pilot", "--owner", "ali", "--value", "18000")[0] == 0
    code, out, _ = run("task", "add", "Send the quote", "--deal", "D-1", "--due", "2027-01-08", user="ali")
    assert code == 0 and out.strip() == "T-3"
    code, out, _ = run("task", "list", "--deal", "d-1")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["T-3"]
    code, out, _ = run("deal", "show", "D-1")
    assert "  tasks\n    T-3  To do     due 2027-01-08  Send the quote" in out
    code, out, _ = run("deal", "show", "D-1", "--json")
    assert [t["id"] for t in json.loads(out)["tasks"]] == ["T-3"]
    code, _, err = run("task", "add", "x", "--deal", "D-5")
    assert code == 1 and "--deal D-5: no such deal" in err


def test_a_deal_called_commit_or_left_out_of_the_forecast(run) -> None:
    assert run("deal", "add", "Isdom pilot", "--owner", "ali", "--value", "18000", "--close", "2099-01-01")[0] == 0
    assert run("deal", "add", "Acme add-on", "--owner", "ali", "--value", "5000", "--close", "2099-01-01")[0] == 0
    code, out, _ = run("deal", "edit", "D-1", "--forecast", "commit", user="ali")
    assert code == 0 and "  forecast  commit (called by its owner)" in run("deal", "show", "D-1")[1]
    assert run("deal", "edit", "D-2", "--forecast", "omit", user="ali")[0] == 0
    data = json.loads(run("forecast", "--json")[1])
    assert data["team"]["commit"] == 18000 and data["team"]["omitted"] == ["D-2"]
    code, _, err = run("deal", "edit", "D-1", "--forecast", "maybe")
    assert code == 2 and "invalid choice" in err


def test_lists_as_csv_for_a_spreadsheet_that_runs_no_formula(run) -> None:
    import csv
    import io

    run("deal", "add", "=HYPERLINK(\"http://x\",\"click\")", "--account", "+Acme", "--value", "1200", "--owner", "ali")
    run("deal", "move", "D-1", "lost", "--reason", "@price", user="ali")
    run("task", "add", "-2 calls", "--owner", "ali", "--due", "2026-12-04", "--tags", "call,q4", "--deal", "D-1")
    code, out, _ = run("deal", "list", "--csv")
    (deal,) = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and (deal["id"], deal["stage"], deal["outcome"], deal["value"]) == ("D-1", "Lost", "lost", "1200")
    assert (deal["title"], deal["account"], deal["lost_reason"]) == (
        "'=HYPERLINK(\"http://x\",\"click\")", "'+Acme", "'@price")
    assert deal["weighted"] == "0" and deal["key_account"] == "no" and deal["closed"]
    code, out, _ = run("task", "list", "--csv", "--deal", "D-1")
    (task,) = list(csv.DictReader(io.StringIO(out)))
    assert (task["title"], task["due"], task["tags"], task["deal"], task["status"]) == (
        "'-2 calls", "2026-12-04", "call q4", "D-1", "todo")


def test_stuck_deals_alert_and_their_limits_per_stage(run, team) -> None:
    from datetime import datetime, timedelta, timezone

    from store.board import Board

    long_ago = datetime.now(timezone.utc) - timedelta(days=20)
    Board(team, actor="dana", clock=lambda: long_ago).add_deal("Acme", owner="ali", value=900, stage="Proposal")
    code, out, _ = run("alerts", "--json")
    stuck = [a for a in json.loads(out) if a["kind"] == "stuck"]
    assert [a["item"] for a in stuck] == ["D-1"] and "in Proposal for 20 days" in stuck[0]["message"]
    code, out, _ = run("alerts", "config", "--stuck", "proposal=30", "--default-stuck", "10", "--json")
    settings = json.loads(out)
    assert code == 0 and settings["stuck_days"] == {"Proposal": 30} and settings["default_stuck_days"] == 10
    code, out, _ = run("alerts", "--json")
    assert not [a for a in json.loads(out) if a["kind"] == "stuck"]
    code, _, err = run("alerts", "config", "--stuck", "Proposal")
    assert code == 2 and "STAGE=DAYS" in err
    code, _, err = run("alerts", "config", "--default-stuck", "0")
    assert code == 2 and "at least 1" in err
    run("alerts", "config", "--stuck", "Proposal=5")
    code, out, _ = run("today", "--for", "ali")
    assert "Deals stuck in their stage\n  D-1  Acme · 900 · in Proposal since " in out
    assert run("alerts", "snooze", "stuck:D-1", "--until", "+3d", "--reason", "waiting on their board")[0] == 0
    assert "Deals stuck" not in run("today", "--for", "ali")[1]


def test_alert_settings_out_of_range_are_said_by_the_option_typed(run, team) -> None:
    """They were said by the settings' own names, three at once ("min_left, default_quiet_days
    and default_stuck_days are at least 1" for --default-stuck 0)."""
    before = snapshot_files(team)
    for args, says in ((["--drop", "-5"], "--drop: -5 is not a number of points above 0, at most 100"),
                       (["--drop", "120"], "--drop: 120 is not a number of points above 0, at most 100"),
                       (["--min-left", "0"], "--min-left: at least 1, not 0"),
                       (["--default-quiet", "0"], "--default-quiet: at least 1 day, not 0"),
                       (["--default-stuck", "-2"], "--default-stuck: at least 1 day, not -2"),
                       (["--stuck", "Proposal=0"], "--stuck Proposal=0: at least 1 day, not 0"),
                       (["--quiet", "Lead=0"], "--quiet Lead=0: at least 1 day, not 0")):
        assert run("alerts", "config", *args) == (2, "", f"uplift: {says}\n"), args
    assert snapshot_files(team) == before


def test_split_credit_from_the_command_line(run, team) -> None:
    import csv
    import io

    assert run("deal", "add", "Acme", "--owner", "ali", "--value", "10000", "--split", "bea=40")[:2] == (0, "D-1\n")
    code, out, _ = run("deal", "show", "D-1")
    assert code == 0 and "credit    ali 60% (owner), bea 40%" in out
    before = snapshot_files(team)
    for bad, message in ((["--split", "bea forty"], "--split bea forty: 'bea forty' is not a split"),
                         (["--split", "bea 70", "--split", "dana 40"], "splits: the splits give 110%"),
                         (["--split", "dana 10"], "splits: dana is a lead: a deal's credit is split among reps"),
                         (["--split", "bea 0"], "--split bea 0: 'bea 0': a share is a percent above 0, at most 100"),
                         (["--split", "bea=140"], "--split bea=140: 'bea=140': a share is a percent above 0, at most 100"),
                         (["--split", "none", "--split", "bea 10"], "--split none clears the splits: give it alone"),
                         (["--split", "ali 10"], "splits: ali has a 10% split of the deal and cannot also own it")):
        code, _, err = run("deal", "edit", "D-1", *bad)
        assert (code, message in err, "Traceback" in err) == (2, True, False), (bad, err)
    code, _, err = run("deal", "edit", "D-1", "--split", "zed 10")  # no member, as for any --owner
    assert (code, err) == (1, "uplift: --split zed: no such member on this board (members: ali, bea, dana)\n")
    code, _, err = run("deal", "edit", "D-1", "--split", "none", user="ali")
    assert code == 1 and "only a lead may split a deal's credit" in err
    assert snapshot_files(team) == before  # nothing written
    assert run("deal", "edit", "D-1", "--split", "bea 50")[0] == 0
    code, out, _ = run("deal", "list", "--csv")
    assert list(csv.DictReader(io.StringIO(out)))[0]["splits"] == "bea 50%"
    assert run("deal", "edit", "D-1", "--split", "none")[0] == 0
    assert json.loads(run("deal", "show", "D-1", "--json")[1])["deal"]["splits"] == []


def test_the_log_leaves_the_weekly_pipeline_snapshots_out_unless_asked(run) -> None:
    run("deal", "add", "Acme", "--owner", "ali")
    run("deal", "move", "D-1", "Proposal")
    code, out, _ = run("log")
    assert code == 0 and "moved D-1 from Lead to Proposal" in out and "snapshot" not in out
    code, out, _ = run("log", "--type", "pipeline")
    assert code == 0 and "pipeline snapshot" in out and "D-1" not in out


def test_amounts_are_typed_as_people_type_them(run) -> None:
    for typed, value in (("48k", 48000), ("1.2M", 1_200_000), ("1,500", 1500), ("$950", 950)):
        code, out, _ = run("deal", "add", f"deal of {typed}", "--value", typed)
        assert code == 0 and json.loads(run("deal", "show", out.strip(), "--json")[1])["deal"]["value"] == value
    code, _, err = run("deal", "add", "x", "--value", "lots")
    assert code == 2 and "value: 'lots' is not a number" in err and "usage:" not in err


def test_a_deals_list_imports_back_as_it_was(run, team, tmp_path, capsys, monkeypatch) -> None:
    """`deal list --csv` on one board, `deal import` of that file on another: every deal comes
    back with the same fields, including what closed when, the product, forecast and splits."""
    import csv
    import io

    from store.board import Board
    from tests.cli.conftest import run_uplift

    for command in (("deal", "add", "Acme renewal", "--account", "Acme", "--owner", "ali", "--value", "12000",
                     "--close", "2030-06-30", "--product", "GTX Pro", "--split", "bea 25", "--forecast", "commit"),
                    ("deal", "add", "Isdom pilot", "--account", "Isdom", "--owner", "bea", "--value", "4000", "--key"),
                    ("deal", "move", "D-2", "won"),
                    ("deal", "add", "Halden plant", "--owner", "ali", "--value", "900", "--next", "call, then visit"),
                    ("deal", "add", "=1+1 deal", "--owner", "ali", "--next", "@legal"),
                    ("deal", "move", "D-3", "lost", "--reason", "price")):
        assert run(*command)[0] == 0, command
    assert "  product   GTX Pro\n" in run("deal", "show", "D-1")[1]
    code, exported, _ = run("deal", "list", "--csv")
    assert code == 0
    path = tmp_path / "deals.csv"
    path.write_text(exported, encoding="utf-8")

    other = tmp_path / "other"
    lead = Board(other, actor="dana")
    for name, role in (("dana", "lead"), ("ali", "rep"), ("bea", "rep")):
        lead.add_member(name, role)
    code, out, err = run_uplift(other, capsys, monkeypatch)("deal", "import", str(path))
    assert (code, err) == (0, ""), err
    assert "closed → closed" in out and "splits → splits" in out and "opening date" not in out
    code, again, _ = run_uplift(other, capsys, monkeypatch)("deal", "list", "--csv")

    def rows(text: str) -> list[dict]:
        return sorted(({k: v for k, v in row.items() if k not in ("id", "board")}  # (each board's own)
                       for row in csv.DictReader(io.StringIO(text))), key=lambda row: row["title"])

    assert rows(again) == rows(exported)
    by_title = {row["title"]: row for row in rows(again)}
    assert (by_title["Isdom pilot"]["outcome"], by_title["Isdom pilot"]["key_account"]) == ("won", "yes")
    assert by_title["Isdom pilot"]["closed"] and by_title["Halden plant"]["closed"]
    assert (by_title["Halden plant"]["lost_reason"], by_title["Halden plant"]["next_step"]) == ("price", "call, then visit")
    assert by_title["'=1+1 deal"]["next_step"] == "'@legal"  # guarded in the file
    formula = [deal for deal in Board(other, actor="dana").deals() if deal.next_step == "@legal"]
    assert [deal.title for deal in formula] == ["=1+1 deal"]  # as typed, not as guarded in the file
    acme = by_title["Acme renewal"]
    assert (acme["product"], acme["forecast"], acme["splits"], acme["close"]) == ("GTX Pro", "commit", "bea 25%",
                                                                                 "2030-06-30")


def test_a_deal_says_whether_it_brings_a_new_customer(run, team, tmp_path) -> None:
    """A renewal on an account the board has not seen win is not a new logo once marked
    existing; a deal marked new counts though its account won before. Counted by hand: the
    review's new customers, with each deal won in the cycle."""
    import csv
    import io

    from store.board import Board

    Board(team, actor="dana").set_plan_info("Q4", "2026-01-01", "2030-12-31")
    for args in (("Acme renewal", "--account", "Acme", "--business", "existing"),
                 ("Beta first order", "--account", "Beta"),
                 ("Beta second site", "--account", "Beta", "--business", "new")):
        assert run("deal", "add", *args, "--owner", "ali", "--value", "1000")[0] == 0
    for deal in ("D-1", "D-2", "D-3"):
        assert run("deal", "move", deal, "won")[0] == 0
    assert json.loads(run("review", "--json")[1])["process"]["new_customers"] == 1  # Beta, once
    assert "  customer  existing (set by hand)" in run("deal", "show", "D-1")[1]
    rows = list(csv.DictReader(io.StringIO(run("deal", "list", "--csv")[1])))
    assert {r["id"]: r["business"] for r in rows} == {"D-1": "existing", "D-2": "auto", "D-3": "new"}
    sheet = tmp_path / "crm.csv"
    sheet.write_text("Name,Stage,Owner,Deal Type\nA,Lead,ali,New Business\nB,Lead,ali,Renewal\n"
                     "C,Lead,ali,Existing Business - Upgrade\nD,Lead,ali,\n", encoding="utf-8")
    assert run("deal", "import", str(sheet))[0] == 0
    kinds = {d["title"]: d["business"] for d in json.loads(run("deal", "list", "--json")[1])}
    assert [kinds[t] for t in "ABCD"] == ["new", "existing", "existing", "auto"]
    sheet.write_text("Name,Stage,Owner,Deal Type\nE,Lead,ali,Hardware\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(sheet))
    assert code == 2 and "row 2: business: 'Hardware' is not a deal type" in err


def test_deal_import_reads_what_spreadsheets_write(run, team, tmp_path) -> None:
    """Latin-1 (Excel on Windows), UTF-16 with its mark, semicolons (a European Excel), a workbook
    named .xls, and a close date by its own name: each imported as written."""
    import pandas as pd

    files = {
        "latin1.csv": ("title,stage,value,owner,close\nCafé Noir,Lead,500,ali,2026-12-01\n").encode("latin-1"),
        "utf16.csv": ("title,stage,value,owner,close\nÜberall,Lead,500,ali,2026-12-01\n").encode("utf-16"),
        "semi.csv": b"title;stage;value;owner;close\nSemi;Lead;500;ali;2026-12-01\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    pd.DataFrame({"title": ["Sheet"], "stage": ["Lead"], "value": ["500"], "owner": ["ali"],
                  "close": ["2026-12-01"]}).to_excel(tmp_path / "book.xls", index=False)  # an xlsx, misnamed
    for name in [*files, "book.xls"]:
        code, out, err = run("deal", "import", str(tmp_path / name), "--json")
        assert (code, err) == (0, ""), name
    deals = {d["title"]: d for d in json.loads(run("deal", "list", "--json")[1])}
    assert set(deals) == {"Café Noir", "Überall", "Semi", "Sheet"}
    assert {d["close"] for d in deals.values()} == {"2026-12-01"}
    assert {d["value"] for d in deals.values()} == {500}


def test_deal_import_reads_excels_delimiter_line_and_numbers_rows_as_excel_shows_them(run, team, tmp_path) -> None:
    """`sep=;` above the column names (written for Excel, which shows it as no row): the file is
    split on it, and a bad value is named by the row Excel shows (the header is row 1)."""
    good = tmp_path / "good.csv"
    good.write_bytes(b"sep=;\r\ntitle;stage;value;owner\r\nSep deal;Lead;1.200,50;ali\r\n")
    code, out, err = run("deal", "import", str(good), "--json")
    assert (code, err) == (0, "")
    deals = {d["title"]: d for d in json.loads(run("deal", "list", "--json")[1])}
    assert deals["Sep deal"]["value"] == 1200.5
    bad = tmp_path / "bad.csv"
    bad.write_text("SEP=,\ntitle,stage,value\nA,Lead,5\nB,Lead,five\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(bad))
    assert (code, out) == (2, "")
    assert "row 3: value: 'five'" in err
    assert snapshot_files(team) == before


def test_deal_import_names_the_row_pandas_would_misread(run, team, tmp_path) -> None:
    """A row with more cells than the header (pandas shifted them into other columns), a header
    naming a column twice, a quote never closed: exit 2, the row named, nothing written."""
    cases = {
        "long.csv": ("title,stage,value\nA,Lead,5\n\nB,Lead,5,extra,more\n", "row 3: 5 cells, but the header has 3"),
        "twice.csv": ("title,title,stage\nA,B,Lead\n", "row 1: the column 'title' is there twice"),
        "quote.csv": ('title,stage,value\nA,Lead,5\n"B,Lead,5\nC,Lead,5\n', 'row 3: a quote (") is opened and never'),
        "date.csv": ("title,stage,close\nA,Lead,2026-12-01\nB,Lead,31/02/2026\n", "row 3: close: '31/02/2026' is not a date"),
    }
    before = snapshot_files(team)
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, err = run("deal", "import", str(tmp_path / name))
        assert (code, out) == (2, ""), name
        assert message in err and name in err, (name, err)
    assert snapshot_files(team) == before


def test_deal_import_refuses_what_it_could_only_guess_at(run, team, tmp_path) -> None:
    """A header with no rows (it said "would import 0 deals", exit 0), a column or a field named
    twice in --map (the last silently won), a row in another encoding further down than the
    sniffed start (pandas' codec error, with a byte offset, no row): exit 2, nothing written."""
    deals = tmp_path / "deals.csv"
    deals.write_text("title,name,stage,value,owner\nA,Alpha,Lead,10,ali\n", encoding="utf-8")
    header = tmp_path / "header.csv"
    header.write_text("title,stage,value,owner\n\n", encoding="utf-8")
    rows = "".join(f"Deal {i},Lead,{i},ali\n" for i in range(3000)).encode()
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(b"title,stage,value,owner\n" + rows + "Café,Lead,5,ali\n".encode("cp1252"))
    import openpyxl

    blank = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(blank)  # said "a header but no data rows" of a sheet with no header
    cases = [
        ([str(header)], "header.csv: empty file: a header but no data rows"),
        ([str(blank)], "blank.xlsx: empty file: the workbook's first sheet has no header and no rows"),
        ([str(deals), "--map", "title=title", "--map", "name=title"],
         "--map name=title: title is already mapped to the column 'title'"),
        ([str(deals), "--map", "name=title", "--map", "name=account"],
         "--map name=account: the column 'name' is already mapped to title"),
        ([str(mixed)], "mixed.csv: row 3002, column 'title': not UTF-8 text (byte 0xe9)"),
    ]
    before = snapshot_files(team)
    for args, message in cases:
        for dry in ([], ["--dry-run"]):
            code, out, err = run("deal", "import", *args, *dry)
            assert (code, out) == (2, ""), (args, err)
            assert message in err, (message, err)
    assert snapshot_files(team) == before
    code, out, _ = run("deal", "import", str(deals), "--map", "name=title", "--map", "title=-", "--json")
    assert code == 0 and json.loads(out)["imported"] == 1
    assert [d["title"] for d in json.loads(run("deal", "list", "--json")[1])] == ["Alpha"]


def test_a_deal_import_into_a_board_not_made_yet_makes_it_only_for_a_file_that_imports(
        tmp_path, capsys, monkeypatch) -> None:
    """A bad file, or a dry run, made the board folder all the same ("nothing imported")."""
    import io

    from tests.cli.conftest import run_uplift

    board = tmp_path / "new-board"
    run = run_uplift(board, capsys, monkeypatch)
    bad = tmp_path / "bad.csv"
    bad.write_text("title,stage,value\nA,Lead,10\nB,Lead,lots\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("title,stage,value\nA,Lead,10\nB,Won,20\n", encoding="utf-8")
    code, out, err = run("deal", "import", bad)
    assert (code, out) == (2, "") and "row 3: value: 'lots' is not an amount" in err
    code, out, _ = run("deal", "import", good, "--dry-run")
    assert code == 0 and out.startswith("would import 2 deals")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(good.read_bytes())))
    code, out, _ = run("deal", "import", "-", "--dry-run")
    assert code == 0 and out.startswith("would import 2 deals")
    assert not board.exists()
    code, out, _ = run("deal", "import", good, "--json")
    assert code == 0 and json.loads(out)["imported"] == 2
    assert [d["title"] for d in json.loads(run("deal", "list", "--json")[1])] == ["B", "A"]


def test_funnel_weeks_out_of_range_is_bad_input_not_a_crash(run) -> None:
    """`funnel --weeks 0`, a negative or a huge number crashed (exit 3: IndexError,
    OverflowError); they are bad input now, as `forecast --weeks` is."""
    for weeks in ("0", "-1", "521", "99999999999999999999"):
        code, out, err = run("funnel", "--weeks", weeks)
        assert (code, out) == (2, ""), weeks
        assert f"weeks: a trend of 1 to 520 weeks, not {weeks}" in err
    code, out, _ = run("funnel", "--weeks", "520", "--json")
    assert code == 0 and all(len(row["trend"]) == 520 for row in json.loads(out)["stages"])


def test_a_decimal_comma_is_read_as_one_not_dropped(run, team, tmp_path) -> None:
    """Commas were all dropped: `--value 1,5M` made a deal of 15,000,000, `12,50` one of 1,250,
    and a semicolon file's `1.234,56` came in as 1.23. A comma groups thousands (1,200,000) or
    comes before decimals (1,5M; 1.234,56); anything else is bad input."""
    for typed, value in (("1,5M", 1_500_000), ("12,50", 12.5), ("1,234,567", 1_234_567), ("1.234,56", 1234.56)):
        code, out, err = run("deal", "add", f"Deal {typed}", "--value", typed, "--owner", "ali")
        assert code == 0, err
        assert json.loads(run("deal", "show", out.strip(), "--json")[1])["deal"]["value"] == value, typed
    before = snapshot_files(team)
    code, out, err = run("deal", "add", "Unclear", "--value", "12,3456")
    assert (code, out) == (2, "") and "'12,3456' is not a number" in err
    assert snapshot_files(team) == before
    (tmp_path / "eu.csv").write_text("title;stage;value;owner\nMunich;Lead;1.234,56;ali\nLyon;Won;980,5;bea\n",
                                     encoding="utf-8")
    assert run("deal", "import", str(tmp_path / "eu.csv"))[0] == 0
    deals = {d["title"]: d["value"] for d in json.loads(run("deal", "list", "--json")[1])}
    assert (deals["Munich"], deals["Lyon"]) == (1234.56, 980.5)
    (tmp_path / "odd.csv").write_text("title,stage,value\nA,Lead,\"12,3456\"\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(tmp_path / "odd.csv"))
    assert code == 2 and "row 2: value: '12,3456' is not an amount" in err


def test_a_rep_snoozes_only_alerts_about_their_own_work(run, team) -> None:
    """A snooze silences an alert for the whole team, lead included: a rep could silence the alert
    on another rep's overdue task or stuck deal, or a WIP limit. Now only their own (exit 1
    otherwise, naming whose it is); a lead snoozes any."""
    run("task", "edit", "T-1", "--due", "2020-01-01")  # ali's, overdue
    run("task", "edit", "T-2", "--due", "2020-01-02")  # bea's, overdue
    run("wip", "todo", "1")
    keys = {a["key"] for a in json.loads(run("alerts", "--json")[1])}
    assert {"overdue:T-1", "overdue:T-2", "wip:column:todo"} <= keys
    before = snapshot_files(team)
    for key, whose in (("overdue:T-2", "bea's"), ("wip:column:todo", "about the whole team")):
        code, out, err = run("alerts", "snooze", key, "--until", "+2d", "--reason", "hide it", user="ali")
        assert (code, out) == (1, ""), key
        assert f"a rep may only snooze alerts about their own tasks, deals and goals; this one is {whose}" in err
    assert snapshot_files(team) == before
    assert run("alerts", "snooze", "overdue:T-1", "--until", "+2d", "--reason", "on it", user="ali")[0] == 0
    assert run("alerts", "snooze", "overdue:T-2", "--until", "+2d", "--reason", "bea is away")[0] == 0
    snoozed = {a["key"]: a["snoozed_until"] is not None for a in json.loads(run("alerts", "--all", "--json")[1])}
    assert snoozed == {"overdue:T-1": True, "overdue:T-2": True, "wip:column:todo": False}


def test_a_rep_does_not_change_a_snooze_someone_else_set(run, team) -> None:
    """The lead snoozed the alert on ali's overdue task for a month ("until the contract is
    signed"); ali could snooze it again for two days, and the lead's snooze was gone. A running
    snooze set by someone else is not a rep's to change (exit 1, nothing written); their own is,
    a lead changes any, and one that has run out is anyone's who may snooze the alert."""
    run("task", "edit", "T-1", "--due", "2020-01-01")  # ali's, overdue
    assert run("alerts", "snooze", "overdue:T-1", "--until", "+30d", "--reason", "until the contract is signed")[0] == 0
    before = snapshot_files(team)
    code, out, err = run("alerts", "snooze", "overdue:T-1", "--until", "+2d", "--reason", "mine", user="ali")
    assert (code, out) == (1, "")
    assert "dana snoozed this alert; a rep may not change someone else's snooze (ask a lead)" in err
    assert snapshot_files(team) == before
    listed = json.loads(run("alerts", "--all", "--json")[1])
    assert [(a["snooze_reason"], a["snoozed_by"]) for a in listed if a["key"] == "overdue:T-1"] == [
        ("until the contract is signed", "dana")]
    code, out, _ = run("alerts", "--all")
    assert code == 0
    assert run("alerts", "snooze", "overdue:T-1", "--until", "+3d", "--reason", "signed early")[0] == 0  # the lead
    run("task", "edit", "T-2", "--due", "2020-01-01", "--owner", "ali")
    assert run("alerts", "snooze", "overdue:T-2", "--until", "+3d", "--reason", "a", user="ali")[0] == 0
    assert run("alerts", "snooze", "overdue:T-2", "--until", "+5d", "--reason", "b", user="ali")[0] == 0


def test_a_snooze_names_something_on_the_board(run, team) -> None:
    """`alerts snooze quiet:foo` and `overdue:T-99` were kept (exit 0) for alerts that can never
    fire. What an alert is about must be on the board (not found: exit 1); a key of the wrong
    shape is bad input (exit 2); a key typed in another case is kept as the alerts name it."""
    before = snapshot_files(team)
    for key, code, says in (
            ("overdue:T-99", 1, "no task T-99 on this board"),
            ("quiet:D-9", 1, "no deal D-9 on this board"),
            ("pace:G-4", 1, "no goal G-4 on this board"),
            ("conversion:stage:Nope", 1, "no stage 'Nope' on this board (stages: Lead, Qualified, Proposal, "
                                         "Negotiation, Won, Lost)"),
            ("wip:column:nope", 1, "no column 'nope' on this board"),
            ("quiet:foo", 2, "alert: 'quiet:foo' is not an alert key: 'foo' is not a deal id"),
            ("overdue:D-1", 2, "alert: 'overdue:D-1' is not an alert key: 'D-1' is not a task id"),
            ("wip:todo", 2, "alert: 'wip:todo' is not an alert key (a wip alert's key is like wip:column:doing)")):
        result = run("alerts", "snooze", key, "--until", "+2d", "--reason", "x")
        assert result[:2] == (code, ""), key
        assert result[2].startswith(f"uplift: {says}"), result[2]
    code, out, _ = run("alerts", "snooze", "overdue:t-1", "--until", "+2d", "--reason", "x", user="ali")
    assert (code, out.split()[0]) == (0, "overdue:T-1")
    code, out, _ = run("alerts", "snooze", "conversion:stage:proposal", "--until", "+2d", "--reason", "x")
    assert (code, out.split()[0]) == (0, "conversion:stage:Proposal")
    assert snapshot_files(team) != before


def test_a_boards_own_deal_list_imported_back_is_a_bulk_edit(run, team, tmp_path) -> None:
    """`deal list --csv`, edited in a spreadsheet and imported back into the same board: each
    row whose id is a deal of this board with the same title or account updates that deal (it
    was refused, and before that added every deal a second time, the won value and the payouts
    counted twice); as it was exported, it changes nothing; a deal won on the board the sheet
    reopens is kept; the same file imports into another board as new deals
    (test_a_deals_list_imports_back_as_it_was)."""
    import csv
    import io

    run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "30000", "--stage", "Won", "--account", "Acme")
    run("deal", "add", "Betasol pilot", "--owner", "bea", "--value", "12000", "--account", "Betasol")
    run("deal", "add", "Cirrus trial", "--owner", "bea", "--value", "8000", "--account", "Cirrus")
    code, out, _ = run("deal", "list", "--csv")
    path = tmp_path / "deals.csv"
    path.write_text(out, encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path))
    assert (code, err) == (0, "")
    assert out.startswith("no new deals\n3 deals already as the file has them\n")
    assert snapshot_files(team) == before
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["title"], r["value"]) for r in rows] == [("D-1", "Acme renewal", "30000"),
                                                                   ("D-2", "Betasol pilot", "12000"),
                                                                   ("D-3", "Cirrus trial", "8000")]
    rows[0]["stage"] = "Proposal"  # won on the board: kept
    rows[1].update(title="Betasol pilot, phase 2", value="15000", stage="Proposal")  # the same account
    rows[2].update(next_step="Call their CFO")
    write_sheet(path, rows)
    code, out, err = run("deal", "import", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == [
        "no new deals", "updated 2 deals:",
        "  changed D-2: title Betasol pilot → Betasol pilot, phase 2, stage Lead → Proposal, value 12,000 → 15,000",
        "  changed D-3: next_step – → Call their CFO"]
    assert lines[4].startswith("kept D-1 'Acme renewal' as the board has it, Won, where the file (row 2) has it in "
                               "Proposal")
    deals = {d["id"]: d for d in json.loads(run("deal", "list", "--json")[1])}
    assert len(deals) == 3
    assert (deals["D-2"]["title"], deals["D-2"]["value"], deals["D-2"]["stage"]) == \
        ("Betasol pilot, phase 2", 15000, "Proposal")
    # the same id twice is an error naming both rows
    written = path.read_bytes().decode("utf-8")
    path.write_text(written + written.splitlines()[3] + "\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "") and "row 5: id: D-3 repeats row 4" in err
    assert snapshot_files(team) == before


def test_alert_settings_in_words_per_stage_values_kept_and_closed_stages_refused(run, team) -> None:
    code, out, _ = run("alerts", "config")
    assert code == 0 and out.splitlines() == [
        "Alerts fire when",
        "  conversion  a stage's conversion falls 10 points below its four-week mean (once 3 deals have left it in the week)",
        "  quiet       a key account has had no activity for 14 days",
        "  stuck       an open deal has stayed in its stage for 14 days"]
    assert run("alerts", "config", "--stuck", "Proposal=7")[0] == 0
    code, out, _ = run("alerts", "config", "--stuck", "lead=3", "--quiet", "Negotiation=5")  # adds to Proposal's
    assert code == 0
    assert "  quiet       a key account has had no activity for 14 days (in Negotiation 5)" in out.splitlines()
    assert "  stuck       an open deal has stayed in its stage for 14 days (in Proposal 7, Lead 3)" in out.splitlines()
    for args in (["alerts", "config", "--json"], ["alerts", "--json", "config"]):
        code, out, _ = run(*args)
        settings = json.loads(out)
        assert settings["stuck_days"] == {"Proposal": 7, "Lead": 3} and settings["quiet_days"] == {"Negotiation": 5}
    before = snapshot_files(team)
    assert run("alerts", "config", "--stuck", "Won=5") == (
        2, "", "uplift: --stuck Won=5: Won is a closed stage (won); days are set for the open stages\n")
    code, _, err = run("alerts", "config", "--quiet", "Nowhere=5")
    assert code == 2 and err.startswith("uplift: --quiet Nowhere=5: 'Nowhere' is not a stage")
    assert snapshot_files(team) == before


def test_a_repeat_snapshot_says_it_wrote_nothing(run) -> None:
    code, out, _ = run("snapshot", "--json")
    assert code == 0
    taken = json.loads(out)
    code, out, err = run("snapshot")
    counts = ", ".join(f"{stage} {count}" for stage, count in taken["counts"].items())
    assert (code, err) == (0, "")
    assert out == f"{taken['week']}: {counts}\n(this week's snapshot already holds these counts: nothing written)\n"


def test_a_plain_deals_file_imported_twice_is_refused_the_second_time(run, tmp_path) -> None:
    """A CRM's file without ids or source ids, imported again by mistake, would add every deal (its
    won value, its pay) a second time: each row the same as a deal on the board is refused, naming
    it, and nothing is imported; a row that differs in any field is a deal of its own."""
    path = tmp_path / "crm.csv"
    path.write_text("title,account,owner,stage,value\nAcme renewal,Acme,ali,Won,10000\nBeta pilot,Beta,bea,Lead,500\n")
    assert run("deal", "import", str(path))[0] == 0
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert "row 2: D-1 'Acme renewal' is on this board already (the same title, account, owner, stage, value" in err
    assert "row 3: D-2 'Beta pilot' is on this board already" in err
    assert len(json.loads(run("deal", "list", "--json")[1])) == 2
    path.write_text("title,account,owner,stage,value\nAcme renewal,Acme,ali,Won,12000\n")  # another deal
    assert run("deal", "import", str(path))[0] == 0
    assert len(json.loads(run("deal", "list", "--json")[1])) == 3


def test_deal_show_says_how_long_the_deal_has_been_in_its_stage(team, run, monkeypatch) -> None:
    from datetime import datetime, timedelta

    from store.board import Board

    made = datetime.now().astimezone() - timedelta(days=3, hours=12)
    Board(team, actor="dana", clock=lambda: made).add_deal("Acme pilot", owner="ali", value=1000)  # D-1
    code, out, _ = run("deal", "show", "D-1")
    assert code == 0 and "  Lead  (now, 3.5 days so far)" in out  # Pipedrive's and HubSpot's days in stage
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "  Lead  （至今，已 3.5 天）" in run("deal", "show", "D-1")[1]


def test_a_blank_cell_in_a_deal_bulk_edit_clears_its_field_and_a_column_left_out_leaves_it(run, team, tmp_path) -> None:
    """The board's own `deal list --csv` edited in a sheet: a cell emptied clears the field (the
    owner: nobody), a column deleted leaves it; a CRM's export (no ids of this board) still
    leaves a blank cell's field as the board has it (test_deal_reimport_cli)."""
    import csv
    import io

    run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "30000", "--account", "Acme", "--product", "Suite",
        "--close", "2026-12-20", "--next", "Send the terms")
    path = tmp_path / "deals.csv"
    assert run("deal", "list", "--csv", "-o", str(path))[0] == 0
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[0].update(owner="", close="", next_step="")
    for row in rows:
        del row["product"]  # (a column deleted: the product stays)
    write_sheet(path, rows)
    code, out, err = run("deal", "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[1:3] == ["updated 1 deal:",
                                     "  changed D-1: owner ali → –, close 2026-12-20 → –, next_step Send the terms → –"]
    deal = json.loads(run("deal", "list", "--json")[1])[0]
    assert (deal["owner"], deal["close"], deal["next_step"], deal["product"], deal["account"]) == (
        None, None, "", "Suite", "Acme")
