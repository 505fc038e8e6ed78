"""`uplift plan import` of a file carrying the first phase (diagnoses, notes, ticks): a wrong
field is said as FILE:LINE: path: what is wrong (exit 2, nothing written), the dry run says what
it would create, and a file brought to another board brings its diagnoses and notes along."""

from __future__ import annotations

from tests.conftest import snapshot_files

RECORDS = "date,amount,region\n2026-01-05,100,North\n2026-02-05,50,South\n2026-03-05,80,North\n"


def test_a_plan_file_moves_the_first_phase_to_a_new_board(run, tmp_path) -> None:
    records = tmp_path / "q1.csv"
    records.write_text(RECORDS)
    assert run("diagnose", str(records), "--period", "quarter", "--map", "region=region")[0] == 0
    assert run("note", "add", "Quotes take a week", "--tag", "pain_point", user="ali")[0] == 0
    assert run("diagnosis", "checklist", "3", user="bea")[0] == 0
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0

    other = tmp_path / "new"
    code, out, err = run("--board", str(other), "plan", "import", str(plan), "--dry-run")
    assert (code, err) == (0, "")
    assert "  X-1  q1.csv 2026-Q1" in out and "  N-1  Quotes take a week" in out
    assert "  M-1  amount|date|region" in out  # (the column mapping saved, for the next run of these columns)
    assert "  tick diagnosis  Compare win rate by region, channel and rep" in out
    assert not other.exists()
    assert run("--board", str(other), "plan", "import", str(plan))[0] == 0
    code, out, _ = run("--board", str(other), "diagnosis", "list")
    assert code == 0 and "q1.csv" in out
    code, out, _ = run("--board", str(other), "note", "list")
    assert "Quotes take a week" in out and "ali" in out
    again = tmp_path / "again.yaml"
    assert run("--board", str(other), "plan", "export", "-o", str(again))[0] == 0
    assert again.read_bytes() == plan.read_bytes()
    code, _, err = run("--board", str(other), "diagnose", str(records), "--period", "quarter")
    assert code == 0 and "reused the column mapping saved for files with these columns: region=region" in err


def test_a_wrong_tick_names_its_line_and_field_and_writes_nothing(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("ticks:\n- checklist: weekly\n  week: 2026-W60\n  text: Walk the deal pipeline stage by stage\n"
                    "  by: dana\n  at: '2026-12-01T10:00:00Z'\n- checklist: diagnosis\n  text: Walk the dog\n"
                    "  by: dana\n  at: '2026-12-01T10:00:00Z'\n")
    before = snapshot_files(team)
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert f"{plan}:3: ticks[0].week: '2026-W60' is not a week: write it as YYYY-Www (2026-W48)" in err
    assert "Traceback" not in err
    assert snapshot_files(team) == before
    plan.write_text("ticks:\n- checklist: diagnosis\n  text: Walk the dog\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n")
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert f"{plan}:3: ticks[0].text: 'Walk the dog' is not a step of the diagnosis checklist (its steps: Import" in err
    assert snapshot_files(team) == before


def test_a_note_in_a_plan_file_is_held_to_the_notes_rules(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("notes:\n- text: ''\n  kind: rumour\n  tags: [gossip]\n")
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert f"{plan}:3: notes[0].kind:" in err and f"{plan}:4: notes[0].tags[0]:" in err
    plan.write_text("notes:\n- text: " + "x" * 20_000 + "\n")
    code, _, err = run("plan", "import", str(plan))
    assert code == 2 and f"{plan}:2: notes[0].text:" in err


def test_a_tick_by_someone_who_is_no_member_is_refused_and_writes_nothing(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("ticks:\n- checklist: diagnosis\n  text: Compare win rate by region, channel and rep\n"
                    "  by: ghost\n  at: '2026-12-01T10:00:00Z'\n")
    before = snapshot_files(team)
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert f"{plan}:4: ticks[0].by: 'ghost' is not a member (members: ali, bea, dana)" in err
    assert "Traceback" not in err
    assert snapshot_files(team) == before


def test_a_wrong_column_mapping_names_its_line_and_field_and_writes_nothing(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("mappings:\n- id: M-1\n  signature: amount|date\n  columns: [date, amount]\n  overrides:\n"
                    "    Date: date\n    Total: revenue\n  saved_at: '2026-12-01T10:00:00Z'\n  saved_by: dana\n")
    before = snapshot_files(team)
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert f"{plan}:7: mappings[0].overrides.Total: unknown field 'revenue' (known: order_id, date," in err
    assert snapshot_files(team) == before
