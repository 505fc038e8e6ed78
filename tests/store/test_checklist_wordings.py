"""The end-of-cycle checklist's ticks are kept under the English text of each step (a tick given
in Chinese shows in English too, and an old board's ticks read as they were). A step reworded in
its template keeps the ticks given under its old words, through the table of former wordings, so
that rewording a step no longer unticks it on every existing board."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import store.diagnoses as diagnoses
from sales.notes import ChecklistItem, ChecklistTemplate
from store.board import Board

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
OLD = "Put target and actual side by side for every goal"
NEW = "Set each goal's actual beside its target"
TEMPLATE = "end-of-cycle-review.yaml"


@pytest.fixture
def board(team) -> Board:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.set_plan_info("North, Q4", start="2026-10-01", end="2026-12-31")
    lead.tick_checklist(0, True, which="review")  # ticked under the step's words as shipped
    return lead


@pytest.fixture
def reworded(monkeypatch):
    """The template as it would be with its first step reworded (the rest as shipped)."""
    shipped = diagnoses.checklist_template

    def template(name: str = diagnoses.CHECKLIST_FILE, lang: str = "en") -> ChecklistTemplate:
        found = shipped(name, lang)
        if name != TEMPLATE or lang != "en":
            return found
        return ChecklistTemplate(found.title, [ChecklistItem(NEW), *found.items[1:]])

    monkeypatch.setattr(diagnoses, "checklist_template", template)


def test_an_old_boards_tick_is_kept_under_the_english_words_and_reads_in_chinese(board) -> None:
    assert board.checklist("review")[0][0] == OLD and board.checklist("review")[0][1] is not None
    zh = board.checklist("review", lang="zh")
    assert zh[0][0] != OLD and zh[0][1] is not None  # the same tick, the step in Chinese


def test_a_reworded_step_keeps_the_ticks_given_under_its_former_words(board, reworded, monkeypatch) -> None:
    assert board.checklist("review")[0] == (NEW, None)  # without the table: the tick is lost
    monkeypatch.setitem(diagnoses.FORMER_WORDINGS, TEMPLATE, {NEW: (OLD,)})
    text, tick = board.checklist("review")[0]
    assert text == NEW and tick is not None and tick.by == "dana"
    assert board.tick_checklist(0, which="review") is False  # toggled: the old-worded tick goes
    assert board.checklist("review")[0][1] is None
    assert board.tick_checklist(0, which="review") is True  # and a new one is kept under the new words
    assert [t.text for t in board._checklist_state("review").ticks] == [NEW]


def test_the_shipped_table_names_only_steps_of_its_templates_and_no_current_wording() -> None:
    for template, steps in diagnoses.FORMER_WORDINGS.items():
        now = [item.text for item in diagnoses.checklist_template(template).items]
        for text, former in steps.items():
            assert text in now, f"{template}: {text!r} is no step of it"
            assert not set(former) & set(now), f"{template}: a former wording of {text!r} is a step's text now"
