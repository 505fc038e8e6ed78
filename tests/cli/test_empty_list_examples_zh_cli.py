"""An empty list in Chinese suggests a command a Chinese team would type (`--tag 痛点`,
`--value 1.2万`, `--on 周五`), not the English example (`"Reps lose deals on price" --tag
pain_point`), and each command works as suggested."""

from __future__ import annotations

import re
import shlex

import pytest


def suggested(said: str) -> list[str]:
    return shlex.split(re.search(r"`uplift ([a-z]+ [a-z]+ [^`]+)`", said).group(1))


def test_the_suggested_note_command_works(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run(*suggested(run("note", "list")[1]))[0] == 0
    header, row, tally = run("note", "list")[1].splitlines()
    assert row.split()[-2:] == ["痛点", "销售代表因价格丢单"]


@pytest.mark.parametrize("listing, shown", [
    (("deal", "list"), "艾克美续约"), (("budget", "list"), "行业展会展位"), (("training", "list"), "定价规则")])
def test_the_suggested_commands_work(run, monkeypatch, listing, shown) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2027-12-31")[0] == 0
    command = suggested(run(*listing)[1])
    assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", " ".join(command[2:]))  # (no English title)
    if command[0] == "budget":
        assert run("strategy", "add", "主攻华北")[0] == 0
    code, out, err = run(*command)
    assert code == 0, err
    assert shown in run(*listing)[1]
