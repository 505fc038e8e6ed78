"""The CRM pipeline's product-line view from the natural command: its products file joined on
`product` gives each deal's `series` as its product line, no --map, though products.csv says
"GTX Pro" where the pipeline says "GTXPro". Expected figures worked out here with the csv module."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

CRM = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "crm-opportunities"

pytestmark = pytest.mark.skipif(not CRM.is_dir(), reason=f"shared data not found at {CRM}")


def _rows(name: str) -> list[dict[str, str]]:
    with (CRM / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_joining_the_products_file_gives_product_lines_without_a_map(run) -> None:
    series = {row["product"].replace(" ", "").casefold(): row["series"] for row in _rows("products.csv")}
    expected: dict[str, float] = defaultdict(float)
    for deal in _rows("sales_pipeline.csv"):
        if deal["deal_stage"] == "Won":
            expected[series[deal["product"].replace(" ", "").casefold()]] += float(deal["close_value"])
    assert "GTXPro" in {d["product"] for d in _rows("sales_pipeline.csv")}
    assert "GTX Pro" in {p["product"] for p in _rows("products.csv")}
    code, out, err = run("diagnose", CRM / "sales_pipeline.csv", "--join", "sales_teams.csv:sales_agent",
                         "--join", "products.csv:product", "--json", "--no-save")
    assert code == 0, err
    d = json.loads(out)["diagnosis"]
    lines = {row["value"]: row["metrics"]["revenue"] for row in d["breakdowns"]["product_line"]}
    assert lines == pytest.approx(dict(expected))
    assert d["source"]["mapping"]["product_line"] == "series"
    assert not any("no match" in note for note in d["source"]["notes"])
    code, out, err = run("diagnose", CRM / "sales_pipeline.csv", "--join", "products.csv:product", "--no-save")
    assert code == 0 and "By product line (top 3 of 3 by revenue)" in out


def test_without_the_join_the_report_says_which_file_gives_the_lines(run) -> None:
    code, out, err = run("diagnose", CRM / "sales_pipeline.csv", "--join", "sales_teams.csv:sales_agent", "--no-save")
    assert code == 0, err
    assert ("no product line column: products.csv gives each product's line ('series'); "
            "--join products.csv:product adds it") in out
    assert "By product line" not in out  # a suggestion: nothing is joined unasked


def test_the_hint_names_the_key_as_each_file_spells_it_and_needs_a_product_line(run, tmp_path) -> None:
    (tmp_path / "deals.csv").write_text("deal,date,Item,amount\nA1,2026-07-01,Widget,100\n", encoding="utf-8")
    (tmp_path / "product_list.csv").write_text("item,price\nWidget,3\n", encoding="utf-8")  # no line in it
    code, out, err = run("diagnose", tmp_path / "deals.csv", "--no-save")
    assert code == 0 and "no product line column" not in out, err
    (tmp_path / "products.csv").write_text("ITEM,category\nWidget,Tools\n", encoding="utf-8")
    code, out, err = run("diagnose", tmp_path / "deals.csv", "--no-save")
    assert "products.csv gives each product's line ('category'); --join products.csv:Item=ITEM adds it" in out
    code, out, err = run("diagnose", tmp_path / "deals.csv", "--join", "products.csv:Item=ITEM", "--json", "--no-save")
    assert code == 0 and [r["value"] for r in json.loads(out)["diagnosis"]["breakdowns"]["product_line"]] == ["Tools"]


def test_without_the_teams_join_the_report_says_which_file_gives_the_regions(run) -> None:
    """sales_teams.csv gives each agent's regional office (the data's README: "Region comes from
    sales_teams.csv"); without its join the report had no region view and said nothing of it."""
    code, out, err = run("diagnose", CRM / "sales_pipeline.csv", "--join", "products.csv:product", "--no-save")
    assert code == 0, err
    assert ("no region column: sales_teams.csv gives each rep's region ('regional_office'); "
            "--join sales_teams.csv:sales_agent adds it") in out
    assert "By region" not in out  # a suggestion: nothing is joined unasked
    code, out, err = run("diagnose", CRM / "sales_pipeline.csv", "--join", "sales_teams.csv:sales_agent", "--no-save")
    assert code == 0 and "no region column" not in out and "By region (top 3 of 3 by revenue)" in out


def test_the_region_hint_needs_the_reps_column_and_a_region(run, tmp_path) -> None:
    (tmp_path / "deals.csv").write_text("deal,date,Seller,amount\nA1,2026-07-01,Ann,100\n", encoding="utf-8")
    (tmp_path / "team.csv").write_text("seller,manager\nAnn,Bo\n", encoding="utf-8")  # no region in it
    code, out, err = run("diagnose", tmp_path / "deals.csv", "--no-save")
    assert code == 0 and "no region column" not in out, err
    (tmp_path / "team.csv").write_text("SELLER,region\nAnn,North\n", encoding="utf-8")
    code, out, err = run("diagnose", tmp_path / "deals.csv", "--no-save")
    assert "team.csv gives each rep's region ('region'); --join team.csv:Seller=SELLER adds it" in out
