"""The domain's parsers and checks give their reasons as templates: str() is the English they
always said, tui.i18n.said the same reason in Chinese (values put in, kinds of item translated)."""

from __future__ import annotations

from datetime import date

import pytest

from sales.dates import DateError, parse_date, parse_week
from sales.errors import Invalid
from sales.goals import Goal
from sales.ids import parse_id
from sales.keys import NotAKey, parse_public_key
from sales.members import Member
from sales.numbers import parse_number
from sales.rollup import mismatch
from sales.splits import parse_splits, read_splits
from sales.validation import convert
from tui.i18n import said, set_language

TODAY = date(2026, 11, 26)


def goal(**fields) -> Goal:
    return Goal(**{"id": "G-1", "title": "Grow", "metric": "revenue", "unit": "$", **fields})


CASES = {  # what raises -> (its English, its Chinese)
    "a date": (lambda: parse_date("next year", TODAY),
               "'next year' is not a date: use YYYY-MM-DD, 31/12/2026, 12/25, today, tomorrow, 3d, -1w, eow, eom or a weekday "
               "(fri, next fri)",
               "'next year' 不是日期：请用 YYYY-MM-DD、2026年12月31日、31/12/2026、12月25日、12/25、today/今天、tomorrow/明天、"
               "3d/3天、-1w/-1周、eow/本周末、eom/月底 或星期几（fri/周五、next fri/下周五）"),
    "a date that reads two ways": (lambda: parse_date("03/04/2026", TODAY),
               "'03/04/2026' reads two ways (2026-03-04 or 2026-04-03): write it as YYYY-MM-DD",
               "'03/04/2026' 有两种读法：2026年03月04日 或 2026年04月03日，请照所指的那一天写（也可写成 YYYY-MM-DD）"),
    "a year": (lambda: parse_date("3000-01-01", TODAY), "3000-01-01 is not a date between 1900 and 2999",
               "3000-01-01 不是 1900 到 2999 年之间的日期"),
    "a week": (lambda: parse_week("2026-W60", TODAY), "'2026-W60' is not a week of 2026 (weeks run 1 to 53)",
               "'2026-W60' 不是 2026 年的周（周数为 1 到 53）"),
    "a number": (lambda: parse_number("lots"), "'lots' is not a number (e.g. 1200000, 1.2M, 250k, 31.5)",
                 "'lots' 不是数字（如 1200000、1.2M、250k、31.5）"),
    "an id": (lambda: parse_id("banana", "task"), "'banana' is not a task id (expected T-12)",
              "'banana' 不是任务编号（应为 T-12 这样）"),
    "an id of an": (lambda: parse_id("T-0", "touch"), "'T-0' is not an activity id (expected A-12)",
                    "'T-0' 不是活动编号（应为 A-12 这样）"),
    "a split": (lambda: parse_splits("bo 140"), "'bo 140': a share is a percent above 0, at most 100",
                "'bo 140'：份额是大于 0、不超过 100 的百分比"),
    "a key": (lambda: parse_public_key("ssh-ed25519 AAAA!!"), "the key's data is not base64", "密钥数据不是 base64"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_parsers_reason_is_english_and_said_in_chinese(case, monkeypatch) -> None:
    raises, english, chinese = CASES[case]
    with pytest.raises(ValueError) as error:
        raises()
    assert str(error.value) == english and said(error.value) == english
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    assert said(error.value) == chinese


def test_a_models_own_rule_and_msgspecs_limits_are_said_in_chinese_at_their_field(monkeypatch) -> None:
    """(A rule of the model as a whole, a member's name, is said without a field.)"""
    errors = []
    for raises in (lambda: convert({"name": "no spaces allowed"}, Member),
                   lambda: read_splits("ann", [{"rep": "bo", "share": 60}, {"rep": "cy", "share": 50}]),
                   lambda: read_splits("ann", [{"rep": "bo", "share": 0}]),
                   lambda: convert({"id": "G-1", "title": "x" * 201, "metric": "revenue"}, Goal)):
        with pytest.raises(Invalid) as error:
            raises()
        errors.append(error.value)
    assert [str(e) for e in errors] == [
        "'no spaces allowed' is not a member name: letters, digits, '.', '_' or '-', at most 40",
        "splits: the splits give 110% of the deal; at most 100% can be shared",
        "splits[0].share: must be more than 0",
        "title: too long: at most 200 characters"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    assert [said(e) for e in errors] == [
        "'no spaces allowed' 不是成员名：只能用字母、数字、'.'、'_' 或 '-'，最多 40 个",
        "splits: 分成合计为商机的 110%；最多只能分出 100%",
        "splits[0].share: 必须大于 0",
        "title: 太长：最多 200 个字符"]


def test_a_roll_up_of_unlike_goals_is_said_in_chinese(monkeypatch) -> None:
    why = mismatch(goal(rollup="sum"), goal(id="G-2", metric="units", unit=""))
    assert str(why) == ("G-1 rolls up revenue ($) but G-2 measures units (no unit); only the same metric in "
                        "the same unit adds up")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    assert said(why) == "G-1 汇总的是收入（$），但 G-2 衡量的是销量（无单位）；只有相同指标、相同单位才能相加"  # (KPIs in words)


def test_not_a_key_and_a_date_error_are_still_value_errors() -> None:
    """Callers that catch ValueError (a form, the CSV import) still catch them."""
    assert issubclass(DateError, ValueError) and issubclass(NotAKey, ValueError)
