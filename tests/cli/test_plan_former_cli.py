"""A plan file from a board someone has left reads into a fresh board (`former:`)."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now, snapshot_files


def test_a_file_from_a_board_people_left_reads_into_a_fresh_board_and_back_byte_for_byte(
        run, tmp_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc))
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert run("member", "add", "eve", "--role", "lead")[0] == 0
    assert run("strategy", "add", "Trade fairs")[0] == 0
    assert run("note", "add", "Customer wants faster delivery", "--tag", "pain", user="ali")[0] == 0
    assert run("deal", "add", "Renewal, Isdom", "--value", "12000", "--stage", "Won", user="ali")[0] == 0
    assert run("budget", "request", "Stand at Expo", "500", "--strategy", "S-1", user="ali")[0] == 0
    assert run("budget", "approve", "B-1", "--reason", "ok")[0] == 0
    assert run("budget", "spend", "B-1", "200", user="ali")[0] == 0
    assert run("review", "answer", "1", "Pipeline was thin in October", user="eve")[0] == 0
    assert run("member", "remove", "ali", "--to", "bea")[0] == 0
    assert run("member", "remove", "eve")[0] == 0
    exported = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", exported)[0] == 0
    text = exported.read_text()
    assert "\nformer:\n- name: ali\n  role: rep\n- name: eve\n  role: lead\n" in text
    fresh = run_uplift(tmp_path / "fresh", capsys, monkeypatch)
    code, out, err = fresh("plan", "import", exported)
    assert code == 0, err
    assert "  former ali  rep\n  former eve  lead\n" in out
    code, again, _ = fresh("plan", "export")
    assert (code, again) == (0, text)
    # the fresh board knows them as having left: history reads them, new work is refused as there
    code, _, err = fresh("deal", "add", "Upsell, Isdom", "--owner", "ali")
    assert code == 1 and "--owner ali: ali has left this board, so takes no new work (members: bea, dana)" in err
    code, out, _ = fresh("deal", "list", "--owner", "ali")
    assert code == 0 and "Renewal, Isdom" in out
    code, out, _ = fresh("log")
    assert "recorded that ali has left the board (as rep)" in out


def test_a_file_that_lists_someone_as_member_and_former_is_refused_at_its_line(run, tmp_path, team) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("members:\n- name: dana\n  role: lead\n- name: cara\nformer:\n- name: cara\n  role: rep\n"
                    "tasks:\n- title: Call Acme again\n  owner: zed\n")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", plan)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (f"{plan}:6: former[0].name: cara is in members too (members[1]): someone is on "
                                   "the board or has left it, not both; take them out of one of the lists")
    assert snapshot_files(team) == before


def test_a_file_without_former_reads_as_before(run, tmp_path, team) -> None:
    plan = tmp_path / "plan.yaml"
    assert run("member", "remove", "ali", "--to", "bea")[0] == 0
    plan.write_text("tasks:\n- id: T-9\n  title: Called Acme\n  owner: ali\n  status: done\n")
    code, _, err = run("plan", "import", plan)
    assert code == 2 and f"{plan}:4: tasks[0].owner: 'ali' has left this board, so takes no new work" in err
