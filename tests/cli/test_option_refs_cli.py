"""Options that name another record (`--deal D-4`, `--owner ali`): a well-formed id that names
nothing is "not found" (exit 1), one that is no id at all is bad input (exit 2), and so is a name
that is no member (a person's name is typed, as a typo is: tests/cli/test_member_names_cli.py);
each said in one line naming the option and the value, and nothing written."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files

# each: the command, the option and its value that names nothing, and one that is no id at all
CASES = [
    (("task", "add", "x"), "--deal", "D-999", "banana"),
    (("task", "add", "x"), "--goal", "G-999", "banana"),
    (("task", "add", "x"), "--strategy", "S-999", "banana"),
    (("task", "add", "x"), "--owner", "zed", "z d"),
    (("task", "add", "x"), "--depends", "T-999", "banana"),
    (("task", "edit", "T-1"), "--deal", "D-999", "D-x"),
    (("task", "edit", "T-1"), "--depends", "T-2,T-999", "T-2,nine"),
    (("task", "list"), "--goal", "G-999", "banana"),
    (("task", "list"), "--deal", "D-999", "G-1"),
    (("task", "list"), "--owner", "zed", "z@d"),
    (("log", "add", "call", "a note"), "--deal", "D-999", "banana"),
    (("budget", "request", "Fair", "100"), "--task", "T-999", "banana"),
    (("budget", "request", "Fair", "100"), "--strategy", "S-999", "banana"),
    (("training", "add", "Demo skills"), "--strategy", "S-999", "S-0"),
    (("deal", "add", "Acme"), "--owner", "zed", "z d"),
    (("deal", "add", "Acme"), "--split", "zed=10", "z d=10"),
    (("deal", "list"), "--owner", "zed", "z d"),
    (("goal", "add", "Grow"), "--parent", "G-999", "banana"),
    (("goal", "add", "Grow"), "--owner", "zed", "z d"),
    (("strategy", "add", "Referrals"), "--goal", "G-999", "banana"),
    (("strategy", "list",), "--goal", "G-999", "banana"),
    (("member", "handover", "ali"), "--to", "zed", "z d"),
    (("member", "remove", "ali"), "--to", "zed", "z d"),
    (("today",), "--for", "zed", "z d"),
    (("calendar",), "--for", "zed", "z d"),
    (("forecast",), "--rep", "zed", "z d"),
    (("winloss",), "--rep", "zed", "z d"),
    (("payout",), "--rep", "zed", "z d"),
]


@pytest.mark.parametrize("command, option, missing, malformed", CASES,
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_an_option_naming_nothing_is_not_found_and_a_non_id_is_bad_input(
        run, team, command, option, missing, malformed) -> None:
    run("deal", "add", "Acme renewal", "--owner", "ali")  # D-1, so that a deal id alone is not the test
    before = snapshot_files(team)
    code, out, err = run(*command, option, missing)
    name = missing.split(",")[-1].split("=")[0]
    assert (code, out, len(err.splitlines())) == (1, "", 1), err
    assert err.startswith(f"uplift: {option} {name}: "), err
    code, out, err = run(*command, option, malformed)
    assert (code, out, len(err.splitlines())) == (2, "", 1), err
    assert err.startswith(f"uplift: {option}"), err
    assert snapshot_files(team) == before  # nothing written either way


def test_the_messages_say_what_was_not_found_or_wrong(run) -> None:
    assert run("task", "add", "x", "--deal", "D-999")[::2] == (1, "uplift: --deal D-999: no such deal on this board\n")
    assert run("log", "add", "call", "--deal", "D-999", "note")[::2] == (
        1, "uplift: --deal D-999: no such deal on this board\n")
    assert run("task", "add", "x", "--deal", "banana")[::2] == (
        2, "uplift: --deal: 'banana' is not a deal id (expected D-12)\n")
    assert run("task", "add", "x", "--owner", "zed")[::2] == (
        1, "uplift: --owner zed: no such member on this board (members: ali, bea, dana)\n")


def test_an_id_is_taken_as_typed_and_kept_as_the_board_writes_it(run) -> None:
    run("deal", "add", "Acme renewal", "--owner", "ali")
    code, out, _ = run("task", "add", "Send the quote", "--deal", "d1", "--depends", "t1, 2")
    assert (code, out) == (0, "T-3\n")
    task = json.loads(run("task", "show", "T-3", "--json")[1])["task"]
    assert (task["deal"], task["depends"]) == ("D-1", ["T-1", "T-2"])
    code, out, _ = run("task", "list", "--deal", "1", "--json")
    assert [t["id"] for t in json.loads(out)] == ["T-3"]
    assert run("task", "edit", "T-3", "--deal", "")[0] == 0  # an empty value still clears the link
    assert json.loads(run("task", "show", "T-3", "--json")[1])["task"]["deal"] is None


@pytest.mark.parametrize("typed", ["T-1 T-2", "T-1, T-2", "t1  2", "T-1，T-2", " T-1\tT-2 "])
def test_ids_of_a_list_may_be_separated_by_spaces_as_a_shell_quotes_them(run, typed) -> None:
    code, out, err = run("task", "add", "Send the quote", "--depends", typed)
    assert (code, out) == (0, "T-3\n"), err
    assert json.loads(run("task", "show", "T-3", "--json")[1])["task"]["depends"] == ["T-1", "T-2"]
    assert run("task", "edit", "T-3", "--depends", "T-2 T-1")[0] == 0
    assert json.loads(run("task", "show", "T-3", "--json")[1])["task"]["depends"] == ["T-2", "T-1"]


def test_a_repeatable_id_option_takes_several_in_one_value_too(run) -> None:
    for title in ("Grow revenue", "Win more", "Keep customers"):
        assert run("goal", "add", title, "--metric", "revenue", "--target", "100000", "--deadline", "+8w")[0] == 0
    assert run("strategy", "add", "Referrals", "--goal", "G-1 g2", "--goal", "G-3")[:2] == (0, "S-1\n")
    goals = lambda: json.loads(run("strategy", "list", "--json")[1])[0]["goals"]  # noqa: E731
    assert goals() == ["G-1", "G-2", "G-3"]
    assert run("strategy", "edit", "S-1", "--goal", "G-3,G-1")[0] == 0
    assert goals() == ["G-3", "G-1"]
    assert run("strategy", "edit", "S-1", "--goal", "")[0] == 0  # still: none
    assert goals() == []


def test_a_spaced_list_with_a_word_that_is_no_id_names_it(run, team) -> None:
    before = snapshot_files(team)
    assert run("task", "add", "Send the quote", "--depends", "T-1 banana")[::2] == (
        2, "uplift: --depends: 'banana' is not a task id (expected T-12)\n")
    assert snapshot_files(team) == before


def test_someone_who_left_can_still_be_listed_by_what_they_own(run) -> None:
    assert run("task", "done", "T-1")[0] == 0  # ali's only task, done: ali may leave
    assert run("member", "remove", "ali")[0] == 0
    code, out, _ = run("task", "list", "--owner", "ali", "--json")
    assert code == 0 and [t["id"] for t in json.loads(out)] == ["T-1"]
    code, out, err = run("deal", "list", "--owner", "ali")  # owns no deal: listed, as one who left
    assert (code, err) == (0, "") and "D-" not in out
    code, _, err = run("deal", "list", "--owner", "zed")  # never on the board
    assert code == 1 and "--owner zed: not a member of this board and owns no deal" in err
    code, _, err = run("task", "add", "x", "--owner", "ali")  # no new work for someone who left
    left = "ali has left this board, so takes no new work (members: bea, dana)"
    assert (code, err) == (1, f"uplift: --owner ali: {left}\n")


def test_a_board_without_members_takes_any_owner(tmp_path, capsys, monkeypatch) -> None:
    from tests.cli.conftest import run_uplift

    solo = run_uplift(tmp_path / "solo", capsys, monkeypatch)
    assert solo("task", "add", "Call Acme", "--owner", "Acme Corp")[:2] == (0, "T-1\n")
    code, out, _ = solo("task", "list", "--owner", "Acme Corp", "--json")
    assert code == 0 and [t["id"] for t in json.loads(out)] == ["T-1"]
