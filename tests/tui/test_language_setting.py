"""The interface's language kept in the user's config (`language:`), chosen from the palette
("Change language"), and read by the command line: UPLIFT_LANG, then the config, then the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.board import Board
from tests.tui.test_look import write
from tests.tui.waiting import notices, run_palette, until
from tui.app import UpliftApp
from tui.i18n import language, set_language
from tui.user_config import load_config
from tui.widgets.footer import Footer

SIZE = (120, 40)


@pytest.fixture
def no_language_set(monkeypatch) -> None:
    """Neither UPLIFT_LANG nor a locale says a language: the config decides."""
    for name in ("UPLIFT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield
    set_language("en")


async def test_the_palette_switches_to_chinese_on_the_same_screen_and_keeps_the_config(
        team, own_config_dir: Path, no_language_set) -> None:
    config = write(own_config_dir, "config.yaml", "# mine\ntheme: uplift-light\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert language() == "en"
        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "goals")
        await run_palette(pilot, app, "Change language")
        await until(pilot, lambda: not app.is_running)
    assert config.read_text(encoding="utf-8") == "# mine\ntheme: uplift-light\nlanguage: zh\n"
    assert app.relaunch_mode == "goals"
    # what run_app starts then: the same screen, in Chinese, saying so
    app = UpliftApp(Board(team, actor="dana"), mode=app.relaunch_mode)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._notifications)
        assert app.current_mode == "goals" and language() == "zh"
        assert notices(app) == [f"已切换到中文（记入 {config}）"]
        assert "新目标" in {k.description for k in app.screen.query_one(Footer).keys}


async def test_in_chinese_the_palette_switches_back_to_english(team, own_config_dir: Path, no_language_set) -> None:
    config = write(own_config_dir, "config.yaml", "language: zh   # 中文\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert language() == "zh"
        await run_palette(pilot, app, "切换语言")
        await until(pilot, lambda: not app.is_running)
    assert config.read_text(encoding="utf-8") == "language: en\n"
    assert app.relaunch_mode == "plan"
    UpliftApp(Board(team, actor="dana"), mode="plan")
    assert language() == "en"


async def test_uplift_lang_wins_over_the_config_and_the_switch_says_so(team, own_config_dir: Path,
                                                                        monkeypatch) -> None:
    config = write(own_config_dir, "config.yaml", "language: zh\n")
    app = UpliftApp(Board(team, actor="dana"))  # (UPLIFT_LANG=en, as every test has it)
    async with app.run_test(size=SIZE) as pilot:
        assert language() == "en"
        await run_palette(pilot, app, "Change language")
        await until(pilot, lambda: app._notifications)
        shown = notices(app)
    assert config.read_text(encoding="utf-8") == "language: zh\n" and app.relaunch_mode is None
    assert shown == [f"Saved language: 中文 in {config}, but UPLIFT_LANG is set and wins over it: "
                     "unset it to use the config"]


def test_a_bad_language_is_reported_and_ignored(own_config_dir: Path, no_language_set) -> None:
    config = write(own_config_dir, "config.yaml", "theme: uplift-light\nlanguage: klingon\n")
    read = load_config()
    assert read.language is None and read.theme == "uplift-light"
    assert read.problems == [f"{config}:2: language: 'klingon' is not a language (en or zh) (ignored)"]
    assert set_language() == "en"


def test_the_locale_comes_after_the_config(own_config_dir: Path, no_language_set, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert set_language() == "zh"
    write(own_config_dir, "config.yaml", "language: 'en'\n")
    assert set_language() == "en"
