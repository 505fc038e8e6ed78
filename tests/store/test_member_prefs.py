"""A member's own language and theme, kept on the board (store/members.py): what sessions over
`uplift serve ssh` open in, one member's pick never another's."""

from __future__ import annotations

import pytest

from sales.errors import Invalid, NotFound, Refused
from store.board import Board


def test_two_members_keep_different_languages_and_one_pick_leaves_the_other_alone(team) -> None:
    lead = Board(team, actor="dana")
    lead.set_member_prefs("ali", language="zh")
    Board(team, actor="bea").set_member_prefs("bea", language="en", theme="nord")
    assert (lead.member_prefs("ali").language, lead.member_prefs("ali").theme) == ("zh", "")
    assert (lead.member_prefs("bea").language, lead.member_prefs("bea").theme) == ("en", "nord")
    Board(team, actor="ali").set_member_prefs("ali", theme="uplift-light")
    assert (lead.member_prefs("ali").language, lead.member_prefs("ali").theme) == ("zh", "uplift-light")
    assert (lead.member_prefs("bea").language, lead.member_prefs("bea").theme) == ("en", "nord")
    assert (lead.member_prefs("dana").language, lead.member_prefs("dana").theme) == ("", "")


def test_a_rep_sets_only_their_own_and_a_lead_anyones(team) -> None:
    with pytest.raises(Refused, match="a rep may set only their own language and theme; bea's"):
        Board(team, actor="ali").set_member_prefs("bea", language="zh")
    assert Board(team, actor="dana").member_prefs("bea").language == ""
    with pytest.raises(NotFound):
        Board(team, actor="dana").set_member_prefs("zed", language="zh")
    with pytest.raises(Refused, match="outsider is not a member"):  # (someone not on the board reads only)
        Board(team, actor="outsider").set_member_prefs("ali", language="zh")


@pytest.mark.parametrize(("change", "field"), [({"language": "fr"}, "language"),
                                                ({"theme": "Not A Theme"}, "theme"),
                                                ({"theme": "[red]x"}, "theme")])
def test_a_bad_value_names_its_field_and_writes_nothing(team, change, field) -> None:
    board = Board(team, actor="ali")
    before = len(board.history())
    with pytest.raises(Invalid) as raised:
        board.set_member_prefs("ali", **change)
    assert raised.value.field == field
    assert len(board.history()) == before and board.member_prefs("ali").language == ""


def test_the_same_choice_again_writes_nothing_and_default_clears_it(team) -> None:
    board = Board(team, actor="ali")
    board.set_member_prefs("ali", language="zh")
    before = len(board.history())
    board.set_member_prefs("ali", language="zh")
    assert len(board.history()) == before
    board.set_member_prefs("ali", language="")
    assert board.member_prefs("ali").language == "" and len(board.history()) == before + 1
    assert board.history(limit=1)[0].action == "member.prefs"


def test_a_member_removed_takes_their_choices_with_them(team) -> None:
    lead = Board(team, actor="dana")
    lead.set_member_prefs("bea", language="zh", theme="nord")
    lead.remove_member("bea", to="dana")
    assert (lead.member_prefs("bea").language, lead.member_prefs("bea").theme) == ("", "")
    lead.add_member("bea", "rep")  # (back on the board: a fresh start, the server's)
    assert lead.member_prefs("bea").language == ""
