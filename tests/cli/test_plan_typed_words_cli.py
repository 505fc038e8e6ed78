"""A plan file's problems say what was typed: a key written `true:`, `~:` or `12:` is that key
(it was said as `True`, `None`, at the item's line), and a day written `20261231` or with a time
(`2026-12-31T10:00:00`) is said with the day to write."""

from __future__ import annotations


def _problems(run, tmp_path, text: str) -> list[str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text)
    code, out, err = run("plan", "import", str(plan), "--dry-run")
    assert (code, out) == (2, "")
    return [line.removeprefix(f"{plan}:") for line in err.splitlines()[:-1]]


def test_a_key_is_said_as_typed_at_its_line(team, run, tmp_path) -> None:
    said = _problems(run, tmp_path, "true: 1\ntasks:\n- title: a\n  ~: x\n  12: y\n")
    assert [line.split(" (expected")[0] for line in said] == [
        "1: true: unknown section", "4: tasks[0].~: unknown key", "5: tasks[0].12: unknown key"]


def test_a_day_written_another_way_is_said_with_the_day_to_write(team, run, tmp_path) -> None:
    said = _problems(run, tmp_path, "tasks:\n- title: a\n  due: 20261231\n- title: b\n  due: 2026-12-31T10:00:00\n"
                                    "- title: c\n  due: 2026-12-31 10:00\n")
    assert said == [
        "3: tasks[0].due: '20261231' is not a date: write it as YYYY-MM-DD (2026-12-31)",
        "5: tasks[1].due: '2026-12-31T10:00:00' is a date and time; this field takes a day: "
        "write it as YYYY-MM-DD (2026-12-31)",
        "7: tasks[2].due: '2026-12-31 10:00' is a date and time; this field takes a day: "
        "write it as YYYY-MM-DD (2026-12-31)"]
