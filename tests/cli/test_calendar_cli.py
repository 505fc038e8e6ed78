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
    code, out, _ = run("calendar", "--for", "bea", "-o", str(tmp_path / "bea.ics"))  # T-2 has no date
    assert code == 0 and out.strip() == f"wrote 1 event to {tmp_path / 'bea.ics'}"  # (it said "1 events")


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


def calendar_lines(data: str) -> list[str]:
    return data.replace("\r\n ", "").split("\r\n")


def test_the_calendar_speaks_the_interfaces_language(run, monkeypatch) -> None:
    """What the file says around the board's text (a deal "closes", its owner, a task's status
    and priority, the cycle's end) is in the interface's language; ids and the text typed stay."""
    run("plan", "info", "--start", "2030-01-01", "--end", "2030-03-31")
    run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "1200", "--close", "2030-01-15",
        "--account", "Acme", "--next", "Send the quote")
    run("goal", "add", "Grow Acme", "--owner", "ali")
    run("task", "add", "Quote Acme", "--owner", "ali", "--due", "2030-01-10", "--priority", "high",
        "--goal", "G-1", "--deal", "D-1", "--expected", "a signed quote")
    code, english, _ = run("calendar")
    assert code == 0
    lines = calendar_lines(english)
    assert "SUMMARY:D-1 closes: Acme renewal (1\\,200)" in lines
    assert "DESCRIPTION:To do\\, high priority\\, owner ali\\ngoal G-1\\, deal D-1\\nexpected: a signed quote" in lines
    assert "DESCRIPTION:Lead\\, 1\\,200\\, owner ali\\, account Acme\\nnext step: Send the quote" in lines
    assert "CATEGORIES:task" in lines and "CATEGORIES:deal" in lines
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, chinese, _ = run("calendar")
    assert code == 0
    lines = calendar_lines(chinese)
    assert "SUMMARY:T-1 Call Acme" in lines  # a title is data
    assert "SUMMARY:D-1 成交：Acme renewal（1\\,200）" in lines
    assert "DESCRIPTION:待办\\，高优先级\\，负责人：ali\\n目标 G-1\\，商机 D-1\\n预期结果：a signed quote" not in lines  # (， is no separator)
    assert "DESCRIPTION:待办，高优先级，负责人：ali\\n目标 G-1，商机 D-1\\n预期结果：a signed quote" in lines
    assert "DESCRIPTION:Lead，1\\,200，负责人：ali，客户：Acme\\n下一步：Send the quote" in lines
    assert "SUMMARY:周期结束：" + lines[5].removeprefix("X-WR-CALNAME:") in lines
    assert "CATEGORIES:任务" in lines and "CATEGORIES:商机" in lines
    assert [line for line in lines if line.startswith("UID:")] == [
        line for line in calendar_lines(english) if line.startswith("UID:")]


def uids(data: str) -> list[str]:
    return [line.removeprefix("UID:") for line in data.replace("\r\n ", "").split("\r\n") if line.startswith("UID:")]


def test_a_board_moved_to_another_folder_keeps_its_events_uids(run, team, tmp_path, capsys, monkeypatch) -> None:
    """The UIDs were made from the board folder's path: a board moved, or reached by another path
    (a rep's mount, the SSH server's), gave every event new UIDs and a subscribed calendar showed
    each one twice. A board keeps a key of its own from its making; two boards' keys differ."""
    import json
    import shutil

    from tests.cli.conftest import run_uplift

    first = uids(run("calendar")[1])
    assert first and all(uid.startswith("T-") for uid in first)
    moved = tmp_path / "elsewhere" / "board"
    shutil.copytree(team, moved)
    assert uids(run_uplift(moved, capsys, monkeypatch)("calendar")[1]) == first
    other = run_uplift(tmp_path / "other", capsys, monkeypatch)
    other("task", "add", "Call Acme", "--due", "2026-12-01")
    assert uids(other("calendar")[1])[0].split("@")[1] != first[0].split("@")[1]
    # a board made before boards had keys: its folder's path, as before (its UIDs unchanged)
    data = json.loads((moved / "board.json").read_text())
    del data["meta"]["1"]["key"]
    (moved / "board.json").write_text(json.dumps(data))
    assert uids(run_uplift(moved, capsys, monkeypatch)("calendar")[1]) != first


def test_a_calendar_app_reads_the_file_back_as_written(run, tmp_path) -> None:
    """The file as a calendar app reads it (icalendar, an independent RFC 5545 parser): lines of
    at most 75 octets ending in CRLF, folded between whole UTF-8 characters; `,;\\` and line breaks
    in a Chinese title come back as typed; all-day events with DTSTAMP in UTC and a UID each."""
    from datetime import date

    from icalendar import Calendar

    title = "拜访上海客户，讨论年度合同续约；价格\\折扣, 以及 a; b, c：用于测试七十五个八位字节处的折行是否完整"
    run("task", "add", title, "--owner", "ali", "--due", "2030-02-28", "--expected", "第一行\n第二行, done;",
        "--tags", "年度,key")
    run("deal", "add", "深圳, 年度续约", "--owner", "ali", "--value", "12000", "--close", "2030-03-01")
    target = tmp_path / "ali.ics"
    assert run("calendar", "--mine", "-o", str(target), user="ali")[0] == 0
    data = target.read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines) and any(line.startswith(b" ") for line in lines)
    assert all(line.decode() for line in lines)  # (each physical line whole UTF-8: no character cut in two)
    found = {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(data).walk("VEVENT")}
    task, deal = found["T-3-due"], found["D-1-close"]
    assert str(task["SUMMARY"]) == f"T-3 {title}"
    assert str(task["DESCRIPTION"]) == "To do, normal priority, owner ali\nexpected: 第一行\n第二行, done;"
    assert task["CATEGORIES"].cats == ["task", "年度", "key"]
    assert (task["DTSTART"].dt, task["DTEND"].dt) == (date(2030, 2, 28), date(2030, 3, 1))
    assert task["DTSTART"].params["VALUE"] == "DATE" and task["DTSTAMP"].dt.utcoffset().total_seconds() == 0
    assert str(deal["SUMMARY"]) == "D-1 closes: 深圳, 年度续约 (12,000)"
    assert deal["DTSTART"].dt == date(2030, 3, 1)


def test_a_calendar_for_no_member_is_refused(run) -> None:
    """`calendar --mine` as someone not on the team printed a calendar of the cycle's end alone,
    as if they had nothing due; `today` refuses them, and so does this (as `--for zed` was)."""
    code, out, err = run("calendar", "--for", "zed")
    assert (code, out) == (1, "") and "not a member of this board" in err
    code, out, err = run("calendar", "--mine", user="nobody")
    assert (code, out) == (1, "") and "'nobody' is not a member" in err
    assert run("calendar", "--mine", user="ali")[0] == 0


def test_a_changed_item_comes_back_as_a_newer_version_of_its_event(run, team, tmp_path) -> None:
    """Each event says how many times its item was changed since it was made (SEQUENCE) and when
    it last was (LAST-MODIFIED, UTC), so a calendar importing the file again takes the moved due
    date as a newer version of the event; the cycle's end, no item's, says neither."""
    from datetime import datetime, timezone

    from icalendar import Calendar

    from store.board import Board

    def exported() -> dict:
        target = tmp_path / "ali.ics"
        assert run("calendar", "--mine", "-o", str(target), user="ali")[0] == 0
        return {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}

    run("plan", "info", "--start", "2030-01-01", "--end", "2030-03-31")
    run("task", "add", "Quote Acme", "--owner", "ali", "--due", "2030-01-10")
    first = exported()["T-3-due"]
    assert first["SEQUENCE"] == 0
    run("task", "edit", "T-3", "--due", "2030-01-17")
    run("task", "edit", "T-3", "--priority", "high")
    found = exported()
    task = found["T-3-due"]
    newest = datetime.fromisoformat(Board(team, actor="dana").history(item="T-3")[0].at).astimezone(timezone.utc)
    assert task["SEQUENCE"] == 2 and task["LAST-MODIFIED"].dt == newest.replace(microsecond=0)
    assert task["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt
    assert "SEQUENCE" not in found["cycle-end"] and "LAST-MODIFIED" not in found["cycle-end"]


def test_the_cycles_own_days_are_events(run, tmp_path, monkeypatch) -> None:
    """The cycle's first day (with its budget), its last, and on the last the payout period of
    each incentive plan: for everyone, for a lead, and for a rep the plans that cover them."""
    from datetime import date

    from icalendar import Calendar

    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q1 commission\nquotas: [{rep: ali, amount: 1000}]\ntiers: [{from_pct: 0, rate: 10}]\n")
    run("plan", "info", "--name", "Q1", "--start", "2030-01-01", "--end", "2030-03-31")
    run("budget", "total", "6500")
    run("incentive", "set", str(plan))

    def days(*args: str, user: str = "dana") -> dict[str, tuple]:
        code, data, _ = run("calendar", *args, user=user)
        assert code == 0
        return {str(e["UID"]).split("@")[0]: (e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"]),
                                              str(e.get("DESCRIPTION", "")), str(e["CATEGORIES"].cats[0]))
                for e in Calendar.from_ical(data.encode()).walk("VEVENT") if str(e["UID"]).startswith("cycle")}

    whole = days()
    assert whole == {
        "cycle-start": (date(2030, 1, 1), date(2030, 1, 2), "Cycle starts: Q1", "2030-01-01 to 2030-03-31\nbudget 6,500",
                        "cycle"),
        "cycle-end": (date(2030, 3, 31), date(2030, 4, 1), "Cycle ends: Q1", "2030-01-01 to 2030-03-31", "cycle"),
        "cycle-payouts-I-1": (date(2030, 3, 31), date(2030, 4, 1), "Payout period ends: Q1 commission",
                              "incentive plan I-1\n2030-01-01 to 2030-03-31", "incentive plan")}
    assert days("--mine", user="ali") == whole == days("--for", "dana")
    assert set(days("--mine", user="bea")) == {"cycle-start", "cycle-end"}  # (no plan of bea's)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    chinese = days()
    assert chinese["cycle-start"][2:4] == ("周期开始：Q1", "2030-01-01 至 2030-03-31\n预算 6,500")
    assert chinese["cycle-payouts-I-1"][2] == "提成结算期结束：Q1 commission"


def test_training_items_are_events_a_reps_own_and_the_teams(run, monkeypatch) -> None:
    """Each training item with a day, done or not; a rep's calendar holds the team's (an audience
    that names no member) and those whose audience names them, as a whole word (ali is not in
    "all reps"), and not another rep's. The topic is data: its comma and semicolon escaped."""
    from datetime import date

    from icalendar import Calendar

    run("training", "add", "Pricing; the new caps, again", "--audience", "all reps", "--on", "2030-01-14")
    run("training", "add", "Demo kit", "--audience", "Ali and Chen", "--on", "2030-01-17", user="dana")
    run("training", "add", "Objections", "--audience", "bea", "--on", "2030-01-18")
    run("training", "add", "Caps", "--on", "2020-12-02")
    assert run("training", "done", "L-4")[0] == 0  # (held: a day gone by)
    run("training", "add", "Someday")

    def training(*args: str, user: str = "dana") -> dict[str, tuple]:
        code, data, _ = run("calendar", *args, user=user)
        assert code == 0
        return {str(e["UID"]).split("@")[0]: (e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"]),
                                              str(e.get("DESCRIPTION", "")), str(e["CATEGORIES"].cats[0]))
                for e in Calendar.from_ical(data.encode()).walk("VEVENT") if str(e["UID"]).startswith("L-")}

    whole = training()
    assert whole == {
        "L-1-on": (date(2030, 1, 14), date(2030, 1, 15), "L-1 training: Pricing; the new caps, again",
                   "for all reps", "training"),
        "L-2-on": (date(2030, 1, 17), date(2030, 1, 18), "L-2 training: Demo kit", "for Ali and Chen", "training"),
        "L-3-on": (date(2030, 1, 18), date(2030, 1, 19), "L-3 training: Objections", "for bea", "training"),
        "L-4-on": (date(2020, 12, 2), date(2020, 12, 3), "L-4 training: Caps", "for the whole team\ndone", "training")}
    assert set(training("--mine", user="ali")) == {"L-1-on", "L-2-on", "L-4-on"}
    assert set(training("--for", "bea", user="ali")) == {"L-1-on", "L-3-on", "L-4-on"}  # (read as the board is)
    assert training("--for", "dana") == {k: v for k, v in whole.items() if k in ("L-1-on", "L-4-on")}
    code, raw, _ = run("calendar")
    assert "SUMMARY:L-1 training: Pricing\\; the new caps\\, again" in calendar_lines(raw)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    chinese = training()
    assert chinese["L-4-on"][2:] == ("L-4 培训：Caps", "面向整个团队\n已完成", "培训")
    assert chinese["L-2-on"][3] == "面向 Ali and Chen"
