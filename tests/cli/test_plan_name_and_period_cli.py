"""The plan's name and cycle on the command line. The board made where nobody named a folder
(`…/uplift/board`) holds an unnamed plan: the command line said "board" for it (`uplift cycle`,
`uplift plan info`) where the app's header said nothing. It reads as unnamed until a lead names
it. A wrong --name or --end is named as typed."""

from __future__ import annotations

import json

from tests.cli.conftest import invoke


def test_the_plan_of_the_board_made_where_none_was_named_reads_as_unnamed(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("UPLIFT_BOARD", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("UPLIFT_USER", "sam")
    assert invoke(capsys, "task", "add", "Call Acme")[0] == 0  # (makes the board)

    code, out, _err = invoke(capsys, "cycle")
    assert code == 0 and out.startswith("no plan name yet · no cycle dates yet")
    code, out, _err = invoke(capsys, "plan", "info", "--start", "2027-01-04", "--end", "2027-03-31")
    assert code == 0 and out.splitlines()[:2] == ["plan   no name yet (uplift plan info --name NAME)",
                                                  "cycle  2027-01-04 to 2027-03-31"]
    assert json.loads(invoke(capsys, "plan", "info", "--json")[1])["name"] == ""

    assert invoke(capsys, "plan", "info", "--name", "North team")[0] == 0
    code, out, _err = invoke(capsys, "cycle")
    assert out.startswith("North team · 2027-01-04 to 2027-03-31")
    code, _out, err = invoke(capsys, "plan", "info", "--name", "")  # (a named plan needs a name)
    assert code == 2 and "must not be empty" in err


def test_a_board_of_a_folder_named_keeps_the_folder_s_name(run) -> None:
    assert run("plan", "info")[1].splitlines()[0] == "plan   board"  # (the `team` fixture's folder)


def test_plan_info_names_the_option_that_was_wrong_not_the_plan_file_s_field(run, tmp_path) -> None:
    """`plan info --end` before the start said "plan.period: …", a plan file's field, to someone
    who typed no file; a plan file's import still says where in the file."""
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert run("plan", "info", "--end", "2026-09-01") == (
        2, "", "uplift: end: the period ends (2026-09-01) before it starts (2026-10-01)\n")
    assert run("plan", "info", "--name", "x" * 201)[2] == "uplift: name: too long: at most 200 characters\n"
    path = tmp_path / "plan.yaml"
    path.write_text("plan:\n  name: Q4\n  period:\n    start: 2027-01-01\n    end: 2026-01-01\n")
    code, _out, err = run("plan", "import", str(path))
    assert code == 2 and err.startswith(f"{path}:5: plan.period.end: the period ends (2026-01-01)")
    assert run("plan", "info")[1].splitlines()[1] == "cycle  2026-10-01 to 2026-12-31"  # (nothing written)
