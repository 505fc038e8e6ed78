"""Templates in two languages: NAME.yaml (English) and NAME.zh.yaml, chosen by a plain `lang`.

Each Chinese template is read and validated the way `uplift plan new --from` reads one; the
checklists keep their ticks and answers under the English text, so a tick made in one language
shows in the other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from sales.text import display_width
from store.board import Board
from store.demo import seed_demo
from store.plan_yaml import parse_plan_text
from store.templates import template_text, templates

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "plans"
TEMPLATES = ["blank", "diagnosis", "end-of-cycle-review", "gap-analysis", "sample-quarter", "weekly-review"]


def has_cjk(text: str) -> bool:
    return display_width(text) > len(text)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_has_a_chinese_version_that_is_a_valid_plan(name: str) -> None:
    data, file_name = template_text(name, "zh")
    assert file_name == f"{name}.zh.yaml"
    plan = parse_plan_text(data, file_name)  # raises PlanInvalid, with lines, if it is not a valid plan
    assert plan.document is not None
    assert has_cjk(data.decode("utf-8").split("\n", 1)[0])  # its summary line is Chinese


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_chinese_template_has_the_same_items_in_the_same_order(name: str) -> None:
    english = yaml.safe_load((PLANS / f"{name}.yaml").read_text(encoding="utf-8")) or {}
    chinese = yaml.safe_load((PLANS / f"{name}.zh.yaml").read_text(encoding="utf-8")) or {}

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value).__name__

    assert shape(chinese) == shape(english)
    for key in ("tasks", "goals", "strategies", "deals", "budget_lines"):
        assert [item.get("id") for item in chinese.get(key, [])] == [item.get("id") for item in english.get(key, [])]


def test_english_is_the_fallback_and_a_translation_can_be_named_outright() -> None:
    assert template_text("diagnosis", "fr")[1] == "diagnosis.yaml"
    assert template_text("diagnosis.yaml", "en")[1] == "diagnosis.yaml"
    assert template_text("diagnosis.zh", "en")[1] == "diagnosis.zh.yaml"


def test_templates_are_listed_once_each_with_their_languages_and_a_summary_in_the_language() -> None:
    english, chinese = templates("en"), templates("zh")
    assert [t.name for t in english] == [t.name for t in chinese] == TEMPLATES
    assert all(t.languages == ("en", "zh") for t in english)
    assert english[1].summary == "the diagnosis checklist (phase 1: where are we, and why)"
    assert chinese[1].summary == "诊断清单（第一阶段：我们在哪里，为什么）"


def test_the_chinese_demo_is_the_chinese_sample_quarter(tmp_path) -> None:
    board = seed_demo(tmp_path / "board", today=date(2026, 11, 20), lang="zh")
    assert board.actor == "王芳" and board.role == "lead"
    assert board.name == "华北团队 2026 年第四季度"
    assert [s.name for s in board.stages()] == ["线索", "已确认", "方案", "谈判", "赢单", "输单"]
    titles = [t.title for t in board.tasks()]
    assert len(titles) == 30 and all(has_cjk(title) for title in titles)
    assert {t.owner for t in board.tasks()} == {"王芳", "李雷", "韩梅", "陈晨", "刘洋", "赵敏"}
    assert board.deals() and all(d.stage in {s.name for s in board.stages()} for d in board.deals())


def test_checklists_show_in_the_language_asked_and_share_their_ticks(tmp_path) -> None:
    board = Board(tmp_path / "board", actor="dana")
    board.tick_checklist(0)
    board.tick_checklist(2, which="review")
    english, chinese = board.checklist(), board.checklist(lang="zh")
    assert english[0][0] == "Import last period's sales records (uplift diagnose FILE)"
    assert chinese[0][0] == "导入上一周期的销售记录（uplift diagnose FILE）"
    assert [tick is not None for _, tick in chinese] == [tick is not None for _, tick in english]
    assert chinese[0][1].by == "dana" and chinese[1][1] is None
    assert board.checklist("review", lang="zh")[2][1] is not None
    board.answer_question(2, "没有，跟进太慢")
    asked = board.answers_by_question(lang="zh")
    assert asked[1][0] == "执行是否到位（活动量、跟进、技能）？" and asked[1][1].answer == "没有，跟进太慢"
    assert board.answers_by_question()[1][0].startswith("Was the execution good enough")
    assert board.answers_by_question()[1][1].answer == "没有，跟进太慢"
