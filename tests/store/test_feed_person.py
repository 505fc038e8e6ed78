"""The feed by person takes a member however their name is spelt (`Ali`, `ALI`), as a list's
owner filter does: the app's feed filter and `uplift log --actor` read it so (someone who has
left is read by the name the log has: tests/cli/test_small_slips_cli.py)."""

from __future__ import annotations

from store.board import Board


def test_the_feed_of_a_person_takes_their_name_in_any_case(team) -> None:
    ali, bea, lead = Board(team, actor="ali"), Board(team, actor="bea"), Board(team, actor="dana")
    ali.comment_task("T-1", "Called")
    bea.comment_task("T-2", "Visited")
    exact = [(r.actor, r.item) for r in lead.feed(person="ali")]
    assert exact == [("ali", "T-1")]
    for spelt in ("Ali", "ALI"):
        assert [(r.actor, r.item) for r in lead.feed(person=spelt)] == exact
    assert lead.feed(person="zed") == []

