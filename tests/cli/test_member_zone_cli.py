"""A member's time zone (`uplift member zone`): what today and overdue are for them, wherever
the board is served from, and the log's times on the reader's clock."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import snapshot_files

EAST, WEST = "Etc/GMT-14", "Etc/GMT+12"  # UTC+14 and UTC-12: their dates always differ


def test_today_is_the_members_own(run) -> None:
    assert run("member", "zone", "ali", EAST)[:2] == (0, f"ali: {EAST}\n")
    assert run("member", "zone", "bea", WEST, user="bea")[:2] == (0, f"bea: {WEST}\n")  # a rep, their own
    east, west = (datetime.now(ZoneInfo(zone)).date() for zone in (EAST, WEST))
    assert east > west
    assert json.loads(run("today", "--json", user="ali")[1])["today"] == str(east)
    assert json.loads(run("today", "--json", user="bea")[1])["today"] == str(west)
    # due on bea's today: overdue for ali (a day or two ahead), not for bea
    run("task", "add", "Call", "--owner", "ali", "--due", str(west))
    run("task", "add", "Visit", "--owner", "bea", "--due", str(west))
    kinds = {who: {e["title"]: e["kind"] for e in json.loads(run("today", "--json", user=who)[1])["entries"]}
             for who in ("ali", "bea")}
    assert kinds["ali"]["Call"] == "overdue" and kinds["bea"]["Visit"] != "overdue"
    listed = json.loads(run("member", "list", "--json")[1])
    assert {m["name"]: m["zone"] for m in listed} == {"ali": EAST, "bea": WEST, "dana": ""}
    code, out, _ = run("member", "list")
    assert code == 0 and out.splitlines()[0].split() == ["NAME", "ROLE", "TIME", "ZONE"]
    assert run("member", "zone", "ali", "local")[:2] == (0, "ali: the machine's time zone\n")


def test_who_may_set_a_zone_and_what_is_a_zone(run, team) -> None:
    before = snapshot_files(team)
    code, out, err = run("member", "zone", "bea", "UTC", user="ali")
    assert (code, out) == (1, "") and err == "uplift: a rep may set only their own time zone; bea's is theirs or a " \
                                             "lead's to set\n"
    for typed in ("Mars/Base", "../../etc/passwd", "Europe/"):
        code, out, err = run("member", "zone", "ali", typed)
        assert (code, out) == (2, ""), typed
        assert err == f"uplift: zone: {typed!r} is not a time zone (an IANA name, such as Europe/Berlin, " \
                      "Asia/Shanghai or UTC)\n"
    assert run("member", "zone", "zed", "UTC")[0] == 1
    assert run("member", "zone", "ali", " ")[:2] == (2, "")  # an unset "$ZONE" clears nothing
    assert run("member", "add", "cy", "--role", "rep", "--zone", "Nope")[0] == 2
    assert snapshot_files(team) == before
    assert run("member", "add", "cy", "--role", "rep", "--zone", "Asia/Shanghai")[0] == 0
    assert run("member", "zone", "cy")[1] == "cy: Asia/Shanghai\n"


def test_the_log_is_read_on_the_readers_clock(run) -> None:
    """ali (UTC+14) makes a change; dana (UTC-12) reads it 26 hours earlier on her clock, and
    ali at his. Without zones the log shows times as written (the machine's)."""
    run("member", "zone", "ali", EAST)
    run("member", "zone", "dana", WEST)
    run("task", "add", "Call", "--owner", "ali", user="ali")
    stamp = json.loads(run("log", "--json")[1])[0]["at"]
    at = datetime.fromisoformat(stamp)
    seen = {}
    for who in ("ali", "dana"):
        first = run("log", user=who)[1].splitlines()[1]
        seen[who] = datetime.strptime(first[:16], "%Y-%m-%d %H:%M")
    assert seen["ali"] == at.astimezone(ZoneInfo(EAST)).replace(tzinfo=None, second=0, microsecond=0)
    assert seen["ali"] - seen["dana"] == timedelta(hours=26)


def test_a_zone_goes_out_and_comes_back_in_a_plan_file(run, tmp_path) -> None:
    run("member", "zone", "ali", "Asia/Shanghai")
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", plan)[0] == 0
    text = plan.read_text()
    assert "- name: ali\n  role: rep\n  zone: Asia/Shanghai\n" in text and text.count("zone:") == 1
    plan.write_text(text.replace("zone: Asia/Shanghai", "zone: Europe/Berlin"))
    code, out, _ = run("plan", "import", plan)
    assert code == 0 and "member ali  (zone)" in out
    assert run("member", "zone", "ali")[1] == "ali: Europe/Berlin\n"
    plan.write_text(text.replace("zone: Asia/Shanghai", "zone: Mars/X"))
    code, _, err = run("plan", "import", plan)
    assert code == 2 and f"{plan}:" in err and "'Mars/X' is not a time zone" in err
    assert run("member", "zone", "ali")[1] == "ali: Europe/Berlin\n"


def test_a_zone_spelled_in_the_wrong_case_names_the_right_spelling(run, team, monkeypatch) -> None:
    before = snapshot_files(team)
    for typed, right in (("utc", "UTC"), ("Asia/shanghai", "Asia/Shanghai"), ("europe/berlin", "Europe/Berlin")):
        code, out, err = run("member", "zone", "ali", typed)
        assert (code, out) == (2, "") and err == f"uplift: zone: {typed!r} is not a time zone; the name is " \
                                                 f"written {right}\n"
    code, _, err = run("member", "zone", "ali", "CET+1")  # nothing like it: the general message
    assert code == 2 and "an IANA name, such as Europe/Berlin" in err
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("member", "zone", "ali", "utc")[2] == "uplift: zone: 'utc' 不是时区；名称应写作 UTC\n"
    assert snapshot_files(team) == before


def test_member_add_with_an_empty_zone_is_bad_usage(run, team) -> None:
    """A script's unset "$ZONE" in `member add --zone "$ZONE"` adds nobody, as `member zone` clears nothing."""
    before = snapshot_files(team)
    code, out, err = run("member", "add", "cy", "--role", "rep", "--zone", "")
    assert (code, out) == (2, "") and err == "uplift: zone: empty; give an IANA name such as Europe/Berlin, or " \
                                             "local for the machine's\n"
    assert snapshot_files(team) == before
    assert run("member", "add", "cy", "--role", "rep", "--zone", "local")[0] == 0
    assert run("member", "zone", "cy")[1] == "cy: the machine's time zone\n"


def test_a_lead_reads_a_reps_day_on_the_reps_clock(run) -> None:
    """`today --for ali` is ali's day: the one ali is living (UTC+14), not the reader's (UTC-12),
    so what is overdue for ali is said so to the lead as to ali."""
    run("member", "zone", "ali", EAST)
    run("member", "zone", "dana", WEST)
    east, west = (datetime.now(ZoneInfo(zone)).date() for zone in (EAST, WEST))
    run("task", "add", "Call", "--owner", "ali", "--due", str(west))
    for reader in ("ali", "dana"):
        day = json.loads(run("today", "--for", "ali", "--json", user=reader)[1])
        assert day["today"] == str(east), reader
        assert {e["title"]: e["kind"] for e in day["entries"]}["Call"] == "overdue", reader
    assert json.loads(run("today", "--for", "dana", "--json", user="ali")[1])["today"] == str(west)
    assert json.loads(run("today", "--for", "bea", "--json", user="ali")[1])["today"] == str(datetime.now().date())


def test_undo_says_the_change_made_since_on_the_readers_clock(run) -> None:
    """dana (UTC-12) cannot undo her change that ali (UTC+14) changed since: the refusal says
    when on dana's clock, as `uplift log` shows it to her, not on ali's (26 hours apart)."""
    run("member", "zone", "ali", EAST)
    run("member", "zone", "dana", WEST)
    task = run("task", "add", "Call", "--owner", "ali")[1].strip()
    assert run("task", "move", task, "doing", user="ali")[0] == 0
    stamp = json.loads(run("log", "--json")[1])[0]["at"]
    seen = datetime.fromisoformat(stamp).astimezone(ZoneInfo(WEST)).strftime("%Y-%m-%d %H:%M")
    code, _, err = run("undo")
    assert code == 1 and f"(ali at {seen}: moved {task} from To do to Doing)" in err
    assert run("log", user="dana")[1].splitlines()[1].startswith(seen)


def test_the_day_of_a_tick_is_the_readers(run) -> None:
    """dana (UTC-12) ticks the weekly review; ali (UTC+14) reads the tick's day on his own clock,
    as the log shows him its time (a day or two later than dana's)."""
    run("member", "zone", "ali", EAST)
    run("member", "zone", "dana", WEST)
    assert run("weekly", "3")[0] == 0
    review = json.loads(run("weekly", "--json")[1])
    at = datetime.fromisoformat(review["items"][2]["at"])
    for who, zone in (("ali", EAST), ("dana", WEST)):
        out = run("weekly", "--week", review["week"], user=who)[1]
        assert f"  (dana, {at.astimezone(ZoneInfo(zone)).date()})" in out.splitlines()[3], who
