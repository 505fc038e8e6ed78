"""`uplift account list` and `uplift account show` as a rep and a script use them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import snapshot_files


@pytest.fixture
def accounts(run):
    """Acme (two spellings, a key account) with ali's and bea's deals, Betasol with bea's, and a
    visit on Corvid, which no deal names."""
    for args, user in ((("Acme renewal", "--account", "Acme", "--value", "12000", "--stage", "Proposal",
                         "--close", "2026-12-20", "--next", "Send the revised quote", "--key"), "ali"),
                       (("Acme add-on", "--account", "ACME", "--value", "3000"), "bea"),
                       (("Betasol pilot", "--account", "Betasol", "--value", "20000"), "bea"),
                       (("Acme pilot", "--account", "acme", "--value", "900", "--stage", "Lost",
                         "--lost-reason", "price"), "ali")):
        assert run("deal", "add", *args, user=user)[0] == 0
    assert run("log", "add", "call", "D-1", "Walked them through the quote", user="ali")[0] == 0
    assert run("log", "add", "visit", "--account", "Corvid", "Intro visit", user="bea")[0] == 0
    assert run("note", "add", "Acme says the price is too high", "--kind", "feedback", user="bea")[0] == 0


def test_the_list_biggest_open_value_first(run, accounts):
    code, out, err = run("account", "list", user="ali")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ACCOUNT", "OPEN", "OPEN", "VALUE", "WON", "WON", "VALUE", "LAST", "TOUCH", "OWNERS"]
    assert [line.split()[0] for line in lines[1:]] == ["Betasol", "Acme", "Corvid"]
    acme = lines[2].split()
    assert acme[:4] == ["Acme", "★", "2", "15,000"]  # (12,000 + 3,000 open; the lost 900 is not)
    assert acme[-2:] == ["ali,", "bea"]


def test_the_list_for_scripts(run, accounts):
    code, out, _err = run("account", "list", "--json")
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["Acme"] | {"last_activity": None} == {
        "name": "Acme", "key_account": True, "owners": ["ali", "bea"], "open_deals": 2, "open_value": 15000.0,
        "won_deals": 0, "won_value": 0.0, "lost_deals": 1, "last_activity": None}
    assert rows["Corvid"]["open_deals"] == 0 and rows["Corvid"]["last_activity"]
    code, out, _err = run("account", "list", "--csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["account"] for r in table] == ["Betasol", "Acme", "Corvid"]
    assert (table[1]["key_account"], table[1]["open_value"], table[1]["owners"]) == ("yes", "15000", "ali bea")


def test_an_account_shown_by_any_spelling(run, accounts):
    code, out, err = run("account", "show", "  acme ", user="bea")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Acme ★"
    assert "  open         2 deals, 15,000" in lines
    text = "\n".join(lines)
    # the open deals under their stages, each with its next step; then the lost one, with why
    assert text.index("  Lead\n    D-2  3,000") < text.index("  Proposal\n    D-1  12,000  close 2026-12-20  ali  Acme renewal")
    assert "      next step: Send the revised quote" in lines
    assert any(line.startswith("  D-4  ") and line.endswith("Acme pilot  (price)") for line in lines)
    assert any(line.endswith("ali  call D-1  Walked them through the quote") for line in lines)
    assert any(line.endswith("Customer feedback · bea: Acme says the price is too high") for line in lines)
    code, out, _err = run("account", "show", "ACME", "--json")
    page = json.loads(out)
    assert [d["id"] for d in page["open"]] == ["D-2", "D-1"]
    assert [d["id"] for d in page["lost"]] == ["D-4"] and page["days_since_touch"] == 0


def test_an_account_no_one_names(run, team, accounts):
    before = snapshot_files(team)
    assert run("account", "show", "Acmee") == (
        1, "", "uplift: no deal or activity names the account 'Acmee' (did you mean Acme?)\n")
    code, _out, err = run("account", "show", "Zebra")
    assert code == 1 and "`uplift account list` lists them" in err
    code, _out, err = run("account", "list", "-o", "accounts.csv")
    assert code == 2 and "--csv" in err
    assert snapshot_files(team) == before


def test_no_accounts_yet_says_how_one_is_made(run):
    code, out, _err = run("account", "list")
    assert code == 0 and "--account Acme" in out
