"""`uplift completion bash`: TAB completes verbs, sub-verbs, options and choices, from the parser
itself (so a new verb is offered without anyone editing the script)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.cli.conftest import invoke

CASES = [
    (("uplift", "ta"), "task"),
    (("uplift", "task", "d"), "delete done"),
    (("uplift", "--board", "/b", "task", "l"), "list"),
    (("uplift", "log", "add", "c"), "call"),
    (("uplift", "task", "list", "--mine", "--s"), "--search --status --strategy"),
    (("uplift", "alerts", "--m"), "--mine"),
    (("uplift", "completion", ""), "bash zsh"),
]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("words, offered", CASES)
def test_tab_offers_the_verbs_options_and_choices_that_fit(capsys, tmp_path, words, offered):
    code, out, err = invoke(capsys, "completion", "bash")
    assert (code, err) == (0, "")
    script = tmp_path / "uplift.bash"
    script.write_text(out)
    quoted = " ".join(f"'{word}'" for word in words)
    probe = (f'source "{script}"; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _uplift; '
             'echo "${COMPREPLY[*]}"')
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", probe], capture_output=True, text=True, check=True)
    assert (result.stdout.strip(), result.stderr) == (offered, "")


def test_zsh_gets_the_same_function_through_bashcompinit(capsys):
    code, out, err = invoke(capsys, "completion", "zsh")
    assert (code, err) == (0, "")
    assert "bashcompinit" in out and "complete -o default -F _uplift uplift" in out
    assert invoke(capsys, "completion", "fish")[0] == 2
