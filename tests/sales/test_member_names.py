"""A name from another system (a CRM's `Daniell Hammack`) and the board's member it stands for."""

from __future__ import annotations

from sales.members import member_for, name_for, valid_name


def test_a_name_matches_its_member_whatever_the_spelling() -> None:
    members = {"daniell.hammack", "ali", "Bea_K"}
    assert member_for("Daniell Hammack", members) == "daniell.hammack"
    assert member_for("DANIELL-HAMMACK", members) == "daniell.hammack"
    assert member_for("ali", members) == "ali" and member_for("bea k", members) == "Bea_K"
    assert member_for("Ali Baba", members) is None and member_for("", members) is None
    assert member_for("Ann Lee", {"ann.lee", "annlee"}) is None  # two could be meant: neither is taken


def test_the_member_name_suggested_for_a_person_is_a_valid_one() -> None:
    assert name_for("Daniell Hammack") == "daniell.hammack"
    assert name_for("  Anna  O'Neil-Smith ") == "anna.oneil-smith"
    assert all(valid_name(name_for(text)) for text in ("Daniell Hammack", "Anna O'Neil-Smith", "Zoë Ångström"))
