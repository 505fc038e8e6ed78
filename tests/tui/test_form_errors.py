"""A form's errors read together (FieldErrors) are each shown by their field; the error as a
whole, wherever an error is said, is said in the interface's language like any other."""

from __future__ import annotations

from sales.errors import Invalid
from tui.screens.form_base import FieldErrors


def errors() -> list[Invalid]:
    return [Invalid("title", "a deal needs a title"),
            Invalid("close", "{text!r} is not a date (YYYY-MM-DD)", text="soonish")]


def test_several_errors_say_the_first_and_count_the_rest(monkeypatch) -> None:
    from tui.i18n import said, set_language

    assert str(FieldErrors(errors())) == "title: a deal needs a title (and 1 more)"
    assert str(FieldErrors(errors()[1:])) == "close: 'soonish' is not a date (YYYY-MM-DD)"
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    try:
        assert set_language() == "zh"
        assert said(FieldErrors(errors())) == "title: 商机需要标题（另有 1 处问题）"
        assert said(FieldErrors(errors()[1:])) == "close: 'soonish' 不是日期（YYYY-MM-DD）"
    finally:
        monkeypatch.setenv("UPLIFT_LANG", "en")
        set_language()
