"""sales.text.wrap_cells: lines of at most a width of terminal cells, broken as Chinese is set
(between any two wide characters, never before a closing mark) and at spaces between words."""

from __future__ import annotations

import pytest

from sales.text import wrap_cells


@pytest.mark.parametrize("text, width, lines", [
    ("T-16  向 40 家客户发送提前续约优惠", 16, ["T-16  向 40 家客", "户发送提前续约优", "惠"]),
    ("T-7  为 GTX Plus 上线服务套餐定价", 16, ["T-7  为 GTX Plus", "上线服务套餐定价"]),
    ("签订推荐协议，并完成首单。", 12, ["签订推荐协", "议，并完成首", "单。"]),  # 议， stays together
    ("Call Acme about the renewal", 12, ["Call Acme", "about the", "renewal"]),
    ("abcdefghijklm", 5, ["abcd-", "efgh-", "ijklm"]),  # a word wider than a line: cut with a hyphen
    ("D-19  Brightwater Foods", 9, ["D-19", "Brightwa-", "ter Foods"]),  # (was `Brightwat` / `er Foods`)
    ("Acme three-year contract", 9, ["Acme", "three-", "year", "contract"]),  # after its own hyphen
    ("abcdefg", 3, ["abc", "def", "g"]),  # too narrow for a hyphen: cut bare
    ("成交 2027年1月", 8, ["成交", "2027年", "1月"]),  # a number stays with what it counts (was `2027年1` / `月`)
    ("超过 12 天", 4, ["超过", "12", "天"]),
    # the catalogue's space between a number and its counter is no place to break (was `已 25` / `天`)
    ("停留在谈判已 25 天；上限是 14 天", 17, ["停留在谈判已", "25 天；上限是", "14 天"]),
    ("预算已批准 6,000 元", 16, ["预算已批准", "6,000 元"]),
    ("有争议 D-1；主管解除", 11, ["有争议", "D-1；主管解", "除"]),  # a closing mark after a word stays with it
    ("套餐 GTX Plus，已批准", 13, ["套餐 GTX", "Plus，已批准"]),
    ("百分点变化（+5pp）", 11, ["百分点变化", "（+5pp）"]),  # an opening mark never ends a line
    ("奖金“新客户猎手”", 6, ["奖金", "“新客", "户猎", "手”"]),  # (not `奖金“` / `新客户`)
    ("", 5, [""]),
])
def test_lines_as_chinese_is_set(text, width, lines) -> None:
    assert wrap_cells(text, width) == lines
