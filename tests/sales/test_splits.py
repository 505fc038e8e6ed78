"""Split credit's rules: how a person types splits, who is credited with what, and what is refused."""

from __future__ import annotations

import msgspec
import pytest

from sales.deals import Deal
from sales.splits import credit, credit_among, credit_text, parse_splits, splits_text


def deal(owner: str | None, *splits: tuple[str, float]) -> Deal:
    return msgspec.convert({"id": "D-1", "title": "Acme", "stage": "Lead", "owner": owner, "value": 10000,
                            "splits": [{"rep": r, "share": s} for r, s in splits]}, Deal)


@pytest.mark.parametrize(("text", "expected"), [
    ("bo 40", [("bo", 40)]),
    ("bo=40%, cy: 10", [("bo", 40), ("cy", 10)]),
    ("bo 33.5; cy 12.25", [("bo", 33.5), ("cy", 12.25)]),
    ("mary.ann 5.5 %", [("mary.ann", 5.5)]),
    ("rep2 30", [("rep2", 30)]),
    ("bo 40，cy 10", [("bo", 40), ("cy", 10)]),
    ("", []), ("none", []), ("  ", []),
])
def test_splits_as_typed(text: str, expected) -> None:
    assert [(s["rep"], s["share"]) for s in parse_splits(text)] == expected


@pytest.mark.parametrize("text", ["bo", "40", "bo40", "bo forty", "bo -5", "bo - 5", "bo 33,5", "Mary Ann 5"])
def test_what_is_not_a_split_is_named(text: str) -> None:
    with pytest.raises(ValueError, match="is not a split"):
        parse_splits(text)


def test_the_owner_keeps_what_the_splits_leave() -> None:
    d = deal("ann", ("bo", 40), ("cy", 10))
    assert credit(d.owner, d.splits) == pytest.approx({"bo": 0.4, "cy": 0.1, "ann": 0.5})
    assert credit_text(d.owner, d.splits) == "ann 50% (owner), bo 40%, cy 10%"
    assert splits_text(d.splits) == "bo 40%, cy 10%"
    assert parse_splits(splits_text(d.splits)) == [{"rep": "bo", "share": 40.0}, {"rep": "cy", "share": 10.0}]
    whole = deal("ann", ("bo", 100))
    assert credit(whole.owner, whole.splits) == {"bo": 1.0}  # the owner gave it all away
    # a lead's deal: the lead is not a rep, so their part goes to the others' row
    lead = deal("dana", ("ann", 30))
    assert credit_among(lead.owner, lead.splits, ["ann", "bo"], "") == pytest.approx({"ann": 0.3, "": 0.7})
    assert credit_among(None, [], ["ann"], "") == {"": 1.0}


@pytest.mark.parametrize(("owner", "splits", "message"), [
    ("ann", [("ann", 10)], "ann has a 10% split of the deal and cannot also own it"),
    ("ann", [("bo", 10), ("bo", 20)], "bo has two splits"),
    ("ann", [("bo", 70), ("cy", 40)], "the splits give 110%"),
    ("ann", [("bo", 0)], "Expected `float` > 0"),
    ("ann", [("bo", 101)], "Expected `float` <= 100"),
])
def test_impossible_splits_are_refused(owner, splits, message) -> None:
    with pytest.raises(msgspec.ValidationError, match=message):
        deal(owner, *splits)
