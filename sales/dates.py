"""Dates as people type them: ISO, `today`, `tomorrow`, `+3d` (or `3d`), `-2w`, `+1m`, `fri`, `next fri`,
`eow`, `eom`, `eoy` (taskwarrior's), `12/25`, `31/12/2026`, `2026/12/31`, `20261231` (and 明天, 周五, 下周五, 月底, 12月25日, +3天)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone

from sales.errors import Reason
from sales.phrases import Phrase
from sales.text import half_width

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL = {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
         "fri": "friday", "sat": "saturday", "sun": "sunday"}
_OFFSET = re.compile(r"^([+-]?)(\d{1,4})([dwm])$")  # (`3d`, as taskwarrior takes it: `+3d`)
#: The same words in Chinese, for a team that types them (今天, 明天, 周五, 星期五, +3天): taken
#: whatever the interface's language, as the English ones are.
_CHINESE_DAYS = {"今天": 0, "明天": 1, "后天": 2, "昨天": -1}
_CHINESE_WEEKDAYS = {**{f"{p}{d}": i for p in ("周", "星期", "礼拜") for i, d in enumerate("一二三四五六日")},
                     "周天": 6, "星期天": 6, "礼拜天": 6}
_CHINESE_UNITS = {"天": "d", "日": "d", "周": "w", "星期": "w", "个月": "m", "月": "m"}
_CHINESE_OFFSET = re.compile(r"^([+-]?)(\d{1,4})(天|日|周|星期|个月|月)$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
#: The ends taskwarrior names (`eow`: this ISO week's Sunday), and the same in Chinese.
_ENDS = {"eod": "eod", "eow": "eow", "eom": "eom", "eoy": "eoy", "本周末": "eow", "这周末": "eow",
         "周末": "eow", "月底": "eom", "本月底": "eom", "月末": "eom", "年底": "eoy", "今年底": "eoy", "年末": "eoy"}
#: A weekday of a named week (`next fri`: the Friday of next week, as 下周五; `this fri`: of this one).
_WEEK_OF = re.compile(r"^(this|next|last)\s+([a-z]+)$")
_CHINESE_WEEK_OF = re.compile(r"^(本|这|下|上)(周|星期|礼拜)([一二三四五六日天])$")
_CHINESE_WEEKS = {"this": 0, "next": 1, "last": -1, "本": 0, "这": 0, "下": 1, "上": -1}
#: A day without its year: `12/25` (month/day), or 12月25日.
_MONTH_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_CHINESE_MONTH_DAY = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
_CHINESE_DAY = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")  # 2026年12月1日


def written(day: date) -> Phrase:
    """`day` as a message offers it to be typed: YYYY-MM-DD in English, 2027年03月04日 in Chinese
    (both forms parse_date reads, and neither reads two ways)."""
    return Phrase("{year}-{month}-{day}", year=str(day.year), month=f"{day.month:02d}", day=f"{day.day:02d}")


class DateError(Reason):
    """The text is not a date this module understands; the message (a template and its values,
    sales.errors) says what is accepted."""


#: The years a plan's dates may fall in. A due date in 9999 is a typo, and a day after it does
#: not exist: a repeating task's next date, or a calendar entry's end, would have nowhere to go.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def year_problem(day: date) -> DateError | None:
    """Why `day` is not a date a plan may hold (str() of it in English), or None."""
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return DateError("{day} is not a date between {first} and {last}", day=day.isoformat(),
                     first=FIRST_YEAR, last=LAST_YEAR)


def no_such_day(text: str, year_first: bool = False) -> DateError | None:
    """Why `text`, written as YYYY-MM-DD, names no day (2026-02-30, 2026-13-01), or None when it
    names one or is written otherwise. Telling someone who wrote YYYY-MM-DD to "use YYYY-MM-DD"
    would not say what is wrong. With `year_first`, a day typed year first another way
    (2026/02/30, 20260230) is said so too, as parse_date takes those."""
    match = _ISO_DAY.match(text.strip())
    if match is None and year_first:
        match = _YEAR_FIRST.match(text.strip()) or _COMPACT.match(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return DateError("{day} is not a date between {first} and {last}", day=text.strip(),
                         first=FIRST_YEAR, last=LAST_YEAR)
    if not 1 <= month <= 12:
        return DateError("{text!r} is not a date: months run 01 to 12", text=text.strip())
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return DateError("{text!r} is not a date: the days of {month} run 01 to {days}", text=text.strip(),
                         month=f"{year}-{month:02d}", days=days)
    return None


_OTHER_ORDER = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")  # 31/12/2026, 12/31/2026, 31.12.2026
_YEAR_FIRST = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$")  # 2026/12/31, 2026-1-5
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20261231 (ISO's basic form; in a YAML file, a number)


def meant_day(text: str) -> date | None:
    """The one day a date written another way than YYYY-MM-DD can mean (31/12/2026: 2026-12-31),
    or None: not such a date, or one that reads two ways (03/04/2026: 3 April or March 4). Typed
    in full-width (２０２６－１２－２０) or the Chinese way (2026年12月20日), the day it names."""
    text = half_width(text).strip()
    if (chinese := _CHINESE_DAY.match(text)) is not None:
        text = "-".join(chinese.groups())
    if (match := _YEAR_FIRST.match(text) or _COMPACT.match(text)) is not None:
        readings = [tuple(int(part) for part in match.groups())]
    elif (match := _OTHER_ORDER.match(text)) is not None:
        first, second, year = (int(part) for part in match.groups())
        readings = [(year, second, first), (year, first, second)]
    else:
        return None
    days = set()
    for year, month, day in readings:
        try:
            days.add(date(year, month, day))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 and year_problem(next(iter(days))) is None else None


def months_later(day: date, months: int) -> date:
    """`day` moved by whole calendar months (back, when negative), on the same day of the month
    or the month's last where it is shorter (Jan 31 + 1 month: Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year < 1:
        year = 1  # (past any plan's first year: the caller's year check refuses it)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def parse_date(text: str, today: date) -> date:
    """A date from what a person typed, relative to `today` where the text is relative.

    A weekday name (`fri`, `friday`) means the next such day after today (`fri` on a Friday is
    a week later); `next fri` the Friday of next week, `this fri` of this one. `eow`, `eom` and
    `eoy` are the last day of this ISO week (Sunday), month and year; `3d` is `+3d`; `12/25` the
    25 December nearest today; `31/12/2026` and `12/31/2026` that day (one that reads two ways,
    `03/04/2026`, is refused with both); year first, `2026/12/31`, `2026.12.31`, `2026-1-5` and
    `20261231` that day too. Full-width digits and dashes (`２０２６－１２－０１`) read as ASCII, and a day
    written the Chinese way (`2026年12月1日`) as that day.
    """
    word = half_width(text).strip().lower()  # (２０２６－１２－０１ typed in full-width mode)
    if (chinese := _CHINESE_DAY.match(word)) is not None:
        year, month, day_of_month = chinese.groups()
        word = f"{year}-{int(month):02d}-{int(day_of_month):02d}"  # (a day that does not exist is said so below)
    elif word in _CHINESE_DAYS:
        return today + timedelta(days=_CHINESE_DAYS[word])
    elif word in _CHINESE_WEEKDAYS:
        word = WEEKDAYS[_CHINESE_WEEKDAYS[word]]
    elif (chinese := _CHINESE_OFFSET.match(word)) is not None and (chinese.group(1) or chinese.group(3) not in "日月"):
        word = chinese.group(1) + chinese.group(2) + _CHINESE_UNITS[chinese.group(3)]  # (3日, 3月: a day, a month)
    elif (chinese := _CHINESE_WEEK_OF.match(word)) is not None:
        return _weekday_of_week(today, _CHINESE_WEEKS[chinese.group(1)], "一二三四五六日天".index(chinese.group(3)) % 7)
    elif (chinese := _CHINESE_MONTH_DAY.match(word)) is not None:
        return _month_day(int(chinese.group(1)), int(chinese.group(2)), today, text, both_ways=False)
    if word in _ENDS:
        return _end_of(_ENDS[word], today)
    if (match := _MONTH_DAY.match(word)) is not None:
        return _month_day(int(match.group(1)), int(match.group(2)), today, text, both_ways=True)
    if (match := _OTHER_ORDER.match(word)) is not None:
        return _full_day(*(int(part) for part in match.groups()), text)
    if (match := _YEAR_FIRST.match(word) or _COMPACT.match(word)) is not None:
        # 2026/12/31, 2026.12.31, 2026-1-5, 20261231: year first, these read one way only
        if (why := no_such_day(word, year_first=True)) is not None:  # (2026/02/30: February's days, not a form)
            raise why
        year, month, day_of_month = (int(part) for part in match.groups())
        word = f"{year:04d}-{month:02d}-{day_of_month:02d}"
    if (match := _WEEK_OF.match(word)) is not None and (weekday := _weekday(match.group(2))) is not None:
        return _weekday_of_week(today, _CHINESE_WEEKS[match.group(1)], weekday)
    if word in ("today", "now"):
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "yesterday":
        return today - timedelta(days=1)
    match = _OFFSET.match(word)
    if match:
        sign, count, unit = match.groups()
        if unit == "m":  # calendar months, as a person means them (it was 30 days: +1m from Dec 3, Jan 2)
            return months_later(today, -int(count) if sign == "-" else int(count))
        days = int(count) * {"d": 1, "w": 7}[unit]
        return today + timedelta(days=-days if sign == "-" else days)
    if (index := _weekday(word)) is not None:
        ahead = (index - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    try:
        day = date.fromisoformat(word)
    except ValueError:
        # (a few of each kind of form taken, not only YYYY-MM-DD: in full, without the year, words, counts, ends)
        raise no_such_day(word) or DateError("{text!r} is not a date: use YYYY-MM-DD, 31/12/2026, 12/25, today, "
                                             "tomorrow, 3d, -1w, eow, eom or a weekday (fri, next fri)",
                                             text=text) from None
    if (why := year_problem(day)) is not None:
        raise DateError(why)
    return day


def _weekday(word: str) -> int | None:
    """The weekday (0 Monday) a word names (`fri`, `friday`, `thurs`), or None."""
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and _FULL[name].startswith(word):
            return index
    return None


def _weekday_of_week(today: date, weeks: int, weekday: int) -> date:
    """The `weekday` of the ISO week `weeks` from today's (`next fri`: 1, 4): "next Friday" said
    on a Thursday is the Friday of next week, 8 days on, where `fri` alone is tomorrow."""
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks, days=weekday)


def _end_of(span: str, today: date) -> date:
    """The last day of today's ISO week (Sunday), month or year; `eod` is today (a board's dates
    are days, not moments)."""
    if span == "eow":
        return today + timedelta(days=6 - today.weekday())
    if span == "eom":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if span == "eoy":
        return today.replace(month=12, day=31)
    return today


def _month_day(month: int, day: int, today: date, text: str, both_ways: bool) -> date:
    """A day typed without its year (`12/25`, `25/12`, 12月25日): the one such day nearest today
    (on 28 December, `1/5` is the coming 5 January; on 3 January, `12/20` the one just gone).
    Written with a slash, it is read month first or day first, whichever names a day; one that
    names a day both ways (`3/4`: 4 March or 3 April) is not guessed."""
    readings = {(month, day), (day, month)} if both_ways else {(month, day)}
    return _one_meaning({_nearest(one_month, one_day, today) for one_month, one_day in readings} - {None}, text,
                        [(_nearest_year(one_month, today), one_month, one_day) for one_month, one_day in readings])


def _full_day(first: int, second: int, year: int, text: str) -> date:
    """A day typed with its year after it (`31/12/2026`, `12/31/2026`, `31.12.2026`): read day
    first or month first, whichever names a day; one that names two days (`03/04/2026`: 3 April
    or March 4) is not guessed, as `3/4` is not."""
    meanings = set()
    for month, day in ((second, first), (first, second)):
        try:
            meanings.add(date(year, month, day))
        except ValueError:
            continue
    day = _one_meaning(meanings, text, [(year, second, first), (year, first, second)])
    if (why := year_problem(day)) is not None:
        raise DateError(why)
    return day


def _no_such_day(text: str, readings: list[tuple[int, int, int]]) -> DateError:
    """Why a day typed day or month first names no day: the days of the one month it can name
    (`31/02/2026`, `2/30`: February's, as 2026-02-30 says), rather than "no month has that day"
    (February has days; it has no 31st); no month when neither part is one (`13/13`)."""
    for year, month, _day in readings:
        if 1 <= month <= 12:
            return DateError("{text!r} is not a date: the days of {month} run 01 to {days}", text=text.strip(),
                             month=f"{year}-{month:02d}", days=calendar.monthrange(year, month)[1])
    return DateError("{text!r} is not a date: no month has that day", text=text.strip())


def _nearest_year(month: int, today: date) -> int:
    """The year of the `month` nearest today (a day typed without its year is looked for there)."""
    if not 1 <= month <= 12:
        return today.year
    return min((today.year - 1, today.year, today.year + 1),
               key=lambda year: abs((date(year, month, 15) - today).days))


def _one_meaning(meanings: set[date], text: str, readings: list[tuple[int, int, int]]) -> date:
    """The one day `text` can mean, of the days it reads as (DateError when none, or two: not
    guessed). `readings`: the (year, month, day) it was read as, to say why it names no day."""
    if not meanings:
        raise _no_such_day(text, readings)
    if len(meanings) > 1:
        earlier, later = sorted(meanings)
        raise DateError("{text!r} reads two ways ({first} or {second}): write it as YYYY-MM-DD",
                        text=text.strip(), first=written(earlier), second=written(later))
    return next(iter(meanings))


def _nearest(month: int, day: int, today: date) -> date | None:
    """The `day` of `month` nearest today, last year's, this year's or next (None: no such day)."""
    days = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:
            continue
    return min(days, key=lambda found: (abs((found - today).days), found)) if days else None


_RELATIVE_WEEKS = {"this": 0, "last": -1, "next": 1, "本周": 0, "这周": 0, "上周": -1, "下周": 1}
_ISO_WEEK = re.compile(r"^(\d{4})-?w(\d{1,2})$")


def parse_week(text: str, today: date) -> date:
    """The Monday of the ISO week a person named: `2026-W48`, or any date `parse_date` reads
    (`today`, `-1w`, `2026-11-20`) meaning the week that holds it; `this`, `last` and `next`
    (optionally followed by `week`) too, and 本周, 上周 and 下周."""
    word = text.strip().lower().removesuffix("week").strip()
    if word in _RELATIVE_WEEKS:
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(weeks=_RELATIVE_WEEKS[word])
    match = _ISO_WEEK.match(half_width(text).strip().lower())
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            return date.fromisocalendar(year, week, 1)
        except ValueError:
            raise DateError("{text!r} is not a week of {year} (weeks run 1 to {last})", text=text, year=year,
                            last=date(year, 12, 28).isocalendar()[1]) from None
    day = parse_date(text, today)
    return day - timedelta(days=day.weekday())


def week_start(moment: datetime) -> datetime:
    """Monday, midnight, of the ISO week `moment` falls in, on `moment`'s own clock."""
    day = moment.date()
    return datetime.combine(day - timedelta(days=day.weekday()), time(0), tzinfo=moment.tzinfo)



def stamp(moment: datetime) -> str:
    """A moment as the board writes it down: RFC 3339 in UTC to the second (`2026-12-03T10:00:00Z`),
    as msgspec writes a datetime, so that every time in a file or a `--json` answer reads alike
    (the log's said `+00:00` where a deal's stage history said `Z`). A naive moment is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
