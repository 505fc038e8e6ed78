"""Pure rules: dates as typed, ids, the sanitizer, permissions, statuses."""

from __future__ import annotations

from datetime import date

import pytest

from sales.dates import DateError, parse_date
from sales.errors import Refused
from sales.ids import parse_id
from sales.permissions import check
from sales.tasks import normalize_status
from sales.text import clean_line, clean_multiline, display_width, fit, safe

THURSDAY = date(2026, 11, 26)


@pytest.mark.parametrize("text, expected", [
    ("today", date(2026, 11, 26)), ("tomorrow", date(2026, 11, 27)), ("+3d", date(2026, 11, 29)),
    ("-1w", date(2026, 11, 19)), ("fri", date(2026, 11, 27)), ("Friday", date(2026, 11, 27)),
    ("thu", date(2026, 12, 3)), ("mon", date(2026, 11, 30)), ("2027-01-05", date(2027, 1, 5)),
])
def test_dates_as_people_type_them(text: str, expected: date) -> None:
    assert parse_date(text, THURSDAY) == expected


@pytest.mark.parametrize("text, expected", [  # THURSDAY 2026-11-26, counted on a calendar
    ("今天", date(2026, 11, 26)), ("明天", date(2026, 11, 27)), ("后天", date(2026, 11, 28)),
    ("昨天", date(2026, 11, 25)), ("周五", date(2026, 11, 27)), ("星期五", date(2026, 11, 27)),
    ("周四", date(2026, 12, 3)), ("周日", date(2026, 11, 29)), ("星期天", date(2026, 11, 29)),
    ("礼拜一", date(2026, 11, 30)), ("+3天", date(2026, 11, 29)), ("-1周", date(2026, 11, 19)),
    ("+2星期", date(2026, 12, 10)), ("+1个月", date(2026, 12, 26)), (" 明天 ", date(2026, 11, 27)),
])
def test_dates_as_a_chinese_team_types_them(text: str, expected: date) -> None:
    """The words a Chinese team types in a due-date box, whatever the interface's language."""
    assert parse_date(text, THURSDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("2026/12/31", date(2026, 12, 31)), ("20261231", date(2026, 12, 31)), ("2027/1/5", date(2027, 1, 5)),
    ("2026.12.31", date(2026, 12, 31)), ("2026-1-5", date(2026, 1, 5)), ("２０２６／１２／３１", date(2026, 12, 31)),
])
def test_a_full_date_year_first_is_read_however_it_is_separated(text: str, expected: date) -> None:
    """Year first, a date reads one way only: with slashes, dots, one-digit parts or none."""
    assert parse_date(text, THURSDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("31/12/2026", date(2026, 12, 31)), ("12/31/2026", date(2026, 12, 31)), ("31.12.2026", date(2026, 12, 31)),
    ("1/13/2027", date(2027, 1, 13)), ("13-1-2027", date(2027, 1, 13)), ("05/05/2026", date(2026, 5, 5)),
])
def test_a_full_date_day_or_month_first_is_read_when_it_reads_one_way(text: str, expected: date) -> None:
    """A part above 12 says which is the day (31/12/2026 and 12/31/2026 alike); the same day both
    ways (05/05/2026) is that day."""
    assert parse_date(text, THURSDAY) == expected


@pytest.mark.parametrize("text, says", [
    ("2027/2/30", "'2027/2/30' is not a date: the days of 2027-02 run 01 to 28"),
    ("20271301", "'20271301' is not a date: months run 01 to 12"),
    ("03/04/2026", "'03/04/2026' reads two ways (2026-03-04 or 2026-04-03): write it as YYYY-MM-DD"),
    ("31/02/2026", "'31/02/2026' is not a date: the days of 2026-02 run 01 to 28"),  # February has days, no 31st
    ("32/13/2026", "'32/13/2026' is not a date: no month has that day"),
    ("31/12/3026", "3026-12-31 is not a date between 1900 and 2999"),
])
def test_a_date_written_another_way_names_the_day_it_means(text: str, says: str) -> None:
    """One written year first that names no day says why, as 2027-02-30 does; one that reads two
    ways is not guessed but shows both readings, as `3/4` does."""
    with pytest.raises(DateError) as error:
        parse_date(text, THURSDAY)
    assert str(error.value) == says


@pytest.mark.parametrize("text, today, expected", [
    ("+1m", date(2026, 12, 3), date(2027, 1, 3)), ("+1m", date(2027, 1, 31), date(2027, 2, 28)),
    ("+1m", date(2028, 1, 31), date(2028, 2, 29)), ("-1m", date(2026, 3, 31), date(2026, 2, 28)),
    ("+3m", date(2026, 11, 30), date(2027, 2, 28)), ("+12m", date(2026, 12, 3), date(2027, 12, 3)),
    ("-2m", date(2026, 1, 15), date(2025, 11, 15)),
])
def test_months_are_calendar_months(text: str, today: date, expected: date) -> None:
    """`+1m` is the same day next month (the month's last when it is shorter), not 30 days."""
    assert parse_date(text, today) == expected


@pytest.mark.parametrize("text", ["frisbee", "+3x", "", "next week", "2026/123/4"])
def test_bad_dates_say_what_is_accepted(text: str) -> None:
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        parse_date(text, THURSDAY)


@pytest.mark.parametrize("text, says", [
    ("2026-02-30", "'2026-02-30' is not a date: the days of 2026-02 run 01 to 28"),
    ("2026-02-29", "'2026-02-29' is not a date: the days of 2026-02 run 01 to 28"),
    ("2028-02-30", "'2028-02-30' is not a date: the days of 2028-02 run 01 to 29"),
    ("2026-04-31", "'2026-04-31' is not a date: the days of 2026-04 run 01 to 30"),
    ("2026-01-00", "'2026-01-00' is not a date: the days of 2026-01 run 01 to 31"),
    ("2026-13-01", "'2026-13-01' is not a date: months run 01 to 12"),
    ("2026-00-10", "'2026-00-10' is not a date: months run 01 to 12"),
    ("0000-01-01", "0000-01-01 is not a date between 1900 and 2999"),
])
def test_a_day_written_as_yyyy_mm_dd_that_the_calendar_lacks_says_why(text: str, says: str) -> None:
    """Someone who wrote YYYY-MM-DD is told what is wrong with the day, not to write YYYY-MM-DD."""
    with pytest.raises(DateError) as error:
        parse_date(text, THURSDAY)
    assert str(error.value) == says
    assert parse_date("2028-02-29", THURSDAY) == date(2028, 2, 29)


def test_ids_accept_the_usual_spellings() -> None:
    assert parse_id("T-12", "task") == parse_id("t12", "task") == parse_id("12", "task") == 12
    with pytest.raises(ValueError, match="expected T-12"):
        parse_id("G-3", "task")
    with pytest.raises(ValueError, match="^'T-1' is not an incentive plan id \\(expected I-12\\)$"):
        parse_id("T-1", "incentive")
    with pytest.raises(ValueError, match="^'foo' is not a diagnosis id \\(expected X-12\\)$"):
        parse_id("foo", "snapshot")  # (the store keeps a diagnosis as a snapshot; people say diagnosis)


def test_sanitizer_strips_escapes_and_bidi_but_keeps_text() -> None:
    hostile = "a\x1b]52;c;ZXZpbA==\x07b\x1b[31mc\u202ed\x9be\x00"
    assert clean_line(hostile) == "a]52;c;ZXZpbA==b[31mcde"
    assert "\x1b" not in safe(hostile) and "\u202e" not in safe(hostile)
    assert clean_multiline("line one\r\nline\ttwo\x07") == "line one\nline\ttwo"
    assert clean_line("销售 计划") == "销售 计划"


def test_width_counts_wide_characters_twice() -> None:
    assert display_width("销售ab") == 6
    assert display_width(fit("销售计划书", 7)) == 7
    assert fit("abc", 5) == "abc  "


def test_width_of_text_mixing_latin_punctuation_and_wide_characters() -> None:
    """Counted by hand: `·` `…` `↓` and accented letters take a cell each, a combining accent
    none, CJK and full-width characters two, an emoji two."""
    assert display_width("dana · normal") == 13
    assert display_width("↓ 3 more…") == 9
    assert display_width("café") == 4
    assert display_width("cafe\u0301") == 4
    assert display_width("ali · 销售 · ＡＢ") == 17
    assert display_width("“Acme” — 🚀") == 11


def test_statuses_from_what_people_type() -> None:
    assert normalize_status("In progress") == "doing"
    assert normalize_status("To do") == "todo"
    with pytest.raises(ValueError, match="not a status"):
        normalize_status("sideways")


def test_single_user_board_lets_anyone_lead() -> None:
    check("task.delete", "anyone", None, single_user=True)


def test_lead_may_do_everything() -> None:
    check("member.add", "dana", "lead", single_user=False)


def test_rep_may_change_own_task_only() -> None:
    check("task.move", "ali", "rep", single_user=False, owner="ali", new_owner="ali")
    with pytest.raises(Refused, match="only change their own"):
        check("task.move", "ali", "rep", single_user=False, owner="bea", new_owner="bea")
    with pytest.raises(Refused, match="hand a task"):
        check("task.edit", "ali", "rep", single_user=False, owner="ali", new_owner="bea")
    with pytest.raises(Refused, match="only a lead"):
        check("task.delete", "ali", "rep", single_user=False, owner="ali")


def test_outsider_may_only_read() -> None:
    with pytest.raises(Refused, match="not a member"):
        check("task.add", "mallory", None, single_user=False, new_owner="mallory")


def test_a_date_written_another_way_means_a_day_only_when_it_reads_one_way() -> None:
    from datetime import date

    from sales.dates import meant_day

    assert meant_day("31/12/2026") == date(2026, 12, 31)   # day first: 31 is no month
    assert meant_day("12/31/2026") == date(2026, 12, 31)   # month first: 31 is no month either
    assert meant_day("31.12.2026") == date(2026, 12, 31)
    assert meant_day("2026/12/1") == date(2026, 12, 1)
    assert meant_day("2026-1-5") == date(2026, 1, 5)
    assert meant_day("05/05/2026") == date(2026, 5, 5)     # both readings are the same day
    assert meant_day("03/04/2026") is None                 # 3 April or March 4
    assert meant_day("31/02/2026") is None                 # no such day either way
    assert meant_day("31/12/9999") is None                 # outside the years a plan may hold
    assert meant_day("next friday") is None


def test_width_of_emoji_sequences_and_invisible_characters() -> None:
    """Counted by hand, as a terminal (and Rich, which draws the app) shows them: a family joined
    by zero-width joiners is one emoji of two cells; a skin tone adds none; the emoji selector
    makes ❤ and a keycap two cells; zero-width spaces, direction marks and the byte-order mark
    take none; the soft hyphen one."""
    assert display_width("👨\u200d👩\u200d👧 team") == 7
    assert display_width("👍🏽 ok") == 5
    assert display_width("❤\ufe0f Acme") == 7
    assert display_width("1\ufe0f\u20e3 first") == 8
    assert display_width("a\u200bb\u200ec\u2060d\ufeff") == 4
    assert display_width("co\u00adop") == 5
