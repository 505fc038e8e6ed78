"""Asking for what the board already holds is a refusal by the board's state (exit 1, one line,
nothing written), as an id that names nothing is: not bad input (exit 2), which is for a value
that could never be right. Doing again what is already done says so and exits 0."""

from __future__ import annotations

import pytest

from tests.cli.conftest import invoke
from tests.conftest import snapshot_files
from tui.cli import main

ALI_PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAtCbtg1undMkjZVHflrRxP5P5J8BX9OCiCCtd3In4Iw ali@laptop\n"


@pytest.fixture
def ali_pub(tmp_path):
    path = tmp_path / "ali.pub"
    path.write_text(ALI_PUB)
    return path


@pytest.mark.parametrize("lang, member, mine, others", [
    ("en", "uplift: ali is already a member\n", "uplift: ali already has this key\n",
     "uplift: this key already lets ali in; one key, one member\n"),
    ("zh", "uplift: ali 已经是成员\n", "uplift: ali 已经有这个密钥\n",
     "uplift: 这个密钥已用于 ali 登录；一个密钥只对应一名成员\n"),
])
def test_a_member_or_a_key_the_board_already_has_is_refused(run, team, ali_pub, monkeypatch,
                                                            lang, member, mine, others):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert run("member", "key", "add", "ali", ali_pub)[0] == 0
    before = snapshot_files(team)
    assert run("member", "add", "ali", "--role", "rep") == (1, "", member)
    assert run("member", "add", "ali", "--role", "lead") == (1, "", member)  # (a role is changed elsewhere)
    assert run("member", "key", "add", "ali", ali_pub) == (1, "", mine)
    assert run("member", "key", "add", "bea", ali_pub) == (1, "", others)
    assert snapshot_files(team) == before


def test_a_rep_adding_a_member_is_told_the_rule_first(run):
    """Whether the name is taken or not, a rep hears the rule that stops them."""
    for name in ("bea", "zoe"):
        assert run("member", "add", name, "--role", "rep", user="ali") == (
            1, "", "uplift: only a lead may add members (you are a rep)\n")


def test_a_demo_in_a_folder_that_holds_a_board_is_refused(team, capsys):
    before = snapshot_files(team)
    code, out, err = invoke(capsys, "demo", "--board", team, "--no-open")
    assert (code, out) == (1, "")
    assert err == f"uplift: {team} already holds a board; the demo needs a new folder\n"
    assert snapshot_files(team) == before


def test_doing_again_what_is_done_is_no_refusal(run):
    assert run("task", "done", "T-1", user="ali")[0] == 0
    assert run("task", "done", "T-1", user="ali") == (0, "T-1 was already done\n", "")


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: Ali would be the same person as ali, already a member: names that differ only in case or "
           "punctuation are one person\n"),
    ("zh", "uplift: Ali 会被当作已是成员的 ali：只在大小写或标点上不同的名字是同一个人\n"),
])
def test_a_name_that_differs_only_in_case_is_the_member_already_there(run, team, monkeypatch, lang, says):
    """A deals file's owner `Ali` is read as ali (sales.members.member_for); with both on the
    board it would be read as nobody."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("member", "add", "Ali", "--role", "rep") == (1, "", says)
    assert snapshot_files(team) == before
    assert run("member", "add", "alison", "--role", "rep")[0] == 0
