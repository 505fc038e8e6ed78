"""The Chinese empty notes list suggests a command a Chinese team would type (`--tag 痛点`, not
`"Reps lose deals on price" --tag pain_point`), and that command works as suggested."""

from __future__ import annotations

import re
import shlex


def test_the_suggested_note_command_works(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    said = run("note", "list")[1]
    command = shlex.split(re.search(r"`uplift (note add [^`]+)`", said).group(1))
    assert run(*command)[0] == 0
    header, row, tally = run("note", "list")[1].splitlines()
    assert row.split()[-2:] == ["痛点", "销售代表因价格丢单"]
