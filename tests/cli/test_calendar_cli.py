"""`uplift calendar`: a person's dates as an .ics file, on standard output or into a file."""

from __future__ import annotations


def events(data: str) -> list[str]:
    return [line.removeprefix("SUMMARY:") for line in data.replace("\r\n ", "").split("\r\n")
            if line.startswith("SUMMARY:")]


def test_a_reps_calendar_and_the_whole_boards(run, tmp_path) -> None:
    run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "1200", "--close", "2030-01-15")
    run("task", "add", "Quote Acme", "--owner", "ali", "--due", "2030-01-10")
    run("task", "add", "Bea's visit", "--owner", "bea", "--due", "2030-01-11")
    code, data, _ = run("calendar", "--mine", user="ali")
    assert code == 0 and data.startswith("BEGIN:VCALENDAR\r\n")
    # the team board's tasks: T-1 Call Acme (ali, due 2026-12-01), T-2 Visit Betasoloin (bea, no date)
    assert events(data) == ["T-1 Call Acme", "T-3 Quote Acme", "D-1 closes: Acme renewal (1\\,200)"]
    target = tmp_path / "team.ics"
    code, out, _ = run("calendar", "-o", str(target))
    assert code == 0 and out.strip() == f"wrote 4 events to {target}"
    assert events(target.read_bytes().decode()) == [
        "T-1 Call Acme", "T-3 Quote Acme", "T-4 Bea's visit", "D-1 closes: Acme renewal (1\\,200)"]


def test_calendar_refuses_what_it_cannot_answer(run, tmp_path) -> None:
    code, _, err = run("calendar", "--for", "zed")  # not found, as `today --for zed` says
    assert (code, err) == (1, "uplift: --for zed: not a member of this board and owns no task or deal "
                              "(members: ali, bea, dana)\n")
    code, _, err = run("calendar", "--mine", "--for", "ali")
    assert code == 2 and "not both" in err
    # the machine refusing the file is exit 1, naming it, as for plan export -o (it was 2 here)
    code, _, err = run("calendar", "-o", str(tmp_path / "missing" / "x.ics"))
    assert (code, err) == (1, f"uplift: {tmp_path / 'missing' / 'x.ics'}: No such file or directory\n")
    code, _, err = run("review", "export", "-o", str(tmp_path))
    assert (code, err) == (1, f"uplift: {tmp_path}: Is a directory\n")
    code, _, err = run("plan", "export", "-o", str(tmp_path / "missing" / "plan.yaml"))
    assert code == 1 and str(tmp_path / "missing") in err
