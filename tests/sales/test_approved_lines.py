"""An approved statement's line is said again from the template it kept; a template edited by
hand in a plan file (broken, or saying something else) falls back to the English approved."""

from __future__ import annotations

import pytest

from sales.approvals import ApprovedLine
from sales.phrases import Phrase


def test_a_kept_template_says_the_line_again() -> None:
    line = ApprovedLine(text="won 5 on D-1 x", said={"template": "won {value} on {id} {title}",
                                                      "values": {"value": "5", "id": "D-1", "title": "x"}})
    assert isinstance(line.shown(), Phrase) and line.shown() == "won 5 on D-1 x"


@pytest.mark.parametrize("template", ["won {value} on {id} {missing}", "won {value} on {id} {title.upper}",
                                      "won {value} on {id} {0}", "won {value} on {id} {title!z}",
                                      "paid 1,000,000 to {id}"])
def test_a_template_that_does_not_make_the_approved_english_is_not_believed(template) -> None:
    line = ApprovedLine(text="won 5 on D-1 x", said={"template": template,
                                                      "values": {"value": "5", "id": "D-1", "title": "x"}})
    assert line.shown() == "won 5 on D-1 x" and not isinstance(line.shown(), Phrase)
