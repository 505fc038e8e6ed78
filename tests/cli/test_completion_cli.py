"""`uplift completion bash`: TAB completes verbs, sub-verbs, options and choices, from the parser
itself (so a new verb is offered without anyone editing the script), and the board's ids, member
names and stages where an argument names one (the script asks `uplift completion words`)."""

from __future__ import annotations

import shlex
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


def test_zsh_gets_its_own_function(capsys):
    """zsh's own completion (not bash's through bashcompinit, which shows no title beside an id)."""
    code, out, err = invoke(capsys, "completion", "zsh")
    assert (code, err) == (0, "")
    assert out.startswith("#compdef uplift") and "compdef _uplift uplift" in out and "bashcompinit" not in out
    assert invoke(capsys, "completion", "fish")[0] == 2


def test_an_unknown_shell_is_told_the_shells_not_the_hidden_verb(capsys):
    """`completion words` is the scripts' own: a wrong shell is not told to choose it."""
    code, out, err = invoke(capsys, "completion", "fish")
    assert (code, out) == (2, "")
    assert "(choose from 'bash', 'zsh')" in err and "words" not in err
    code, out, err = invoke(capsys, "completion", "word")  # nor offered as what a typo was near
    assert code == 2 and "words" not in err and "(choose from 'bash', 'zsh')" in err


# --- ids, members and stages: the script asks `uplift completion words KIND PREFIX` -----------

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def added(run, *args: str, user: str = "dana") -> str:
    """The id `uplift ... add` printed."""
    code, out, err = run(*args, user=user)
    assert code == 0, err
    return out.strip()


def offered(run, kind: str, prefix: str = "", *before: str) -> list[str]:
    """The lines `uplift [before] completion words KIND PREFIX` printed; it never fails or complains."""
    code, out, err = run(*before, "completion", "words", kind, prefix)
    assert (code, err) == (0, "")
    return out.splitlines()


def test_words_offers_open_tasks_with_their_titles(run) -> None:
    """The team board holds T-1 (Call Acme) and T-2 (Visit Betasoloin); a done task is not offered."""
    third = added(run, "task", "add", "Send the quote")
    assert third == "T-3"
    assert run("task", "done", "T-2")[0] == 0
    assert offered(run, "task") == ["T-1\tCall Acme", "T-3\tSend the quote"]
    # an id as anyone types it: any case, with or without its dash, or its number alone
    for prefix in ("T-", "t", "T3", "t-3", "3"):
        assert [line.split("\t")[0] for line in offered(run, "task", prefix)] == (["T-3"] if "3" in prefix else ["T-1", "T-3"])
    assert offered(run, "task", "D-1") == [] and offered(run, "task", "T-9") == []
    # `--depends T-1,T-`: the ids before the last comma stay
    assert offered(run, "task", "T-1,t") == ["T-1,T-1\tCall Acme", "T-1,T-3\tSend the quote"]


def test_words_offers_members_stages_deals_goals_and_strategies(run) -> None:
    deal = added(run, "deal", "add", "Acme renewal", "--stage", "Proposal", "--value", "1200")
    goal = added(run, "goal", "add", "Win 20 new accounts")
    strategy = added(run, "strategy", "add", "Partner webinars")
    assert offered(run, "member") == ["ali\trep", "bea\trep", "dana\tlead"]
    assert offered(run, "member", "B") == ["bea\trep"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", "zh")
        assert offered(run, "member", "d") == ["dana\t主管"]
    assert offered(run, "stage") == ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]
    assert offered(run, "stage", "ne") == ["Negotiation"]
    assert offered(run, "deal") == [f"{deal}\tAcme renewal (Proposal)"]
    assert offered(run, "goal", "g") == [f"{goal}\tWin 20 new accounts"]
    assert offered(run, "strategy") == [f"{strategy}\tPartner webinars"]


def test_words_says_which_check_in_and_which_spend_an_id_is(run) -> None:
    """`goal uncheck C-<TAB>` and `budget unspend E-<TAB>`: items with no title, said by what they hold."""
    goal = added(run, "goal", "add", "Grow revenue")
    assert run("goal", "checkin", goal, "1.26M")[0] == 0
    line = added(run, "budget", "request", "Trade fair booth", "3000", "--task", "T-1")
    assert run("budget", "approve", line, "--reason", "the fair brings leads")[0] == 0
    assert run("budget", "spend", line, "1250.5", "--note", "deposit")[0] == 0
    assert offered(run, "checkin") == [f"C-1\t{goal}: 1,260,000"]
    assert offered(run, "spend") == [f"E-1\t{line}: 1,250.5 deposit"]
    assert offered(run, "budget") == [f"{line}\tTrade fair booth"]


def test_words_strips_control_characters_from_titles(run) -> None:
    """A title is another person's text: no escape sequence reaches the terminal of whoever presses TAB,
    and a tab or line break in it cannot make a second candidate."""
    code, out, err = run("task", "add", "Call\x1b]52;c;aGk=\x07 Acme\tnow")
    [line] = [line for line in offered(run, "task") if line.startswith(out.strip())]
    assert "\x1b" not in line and "\x07" not in line and line.count("\t") == 1


def test_words_reads_the_board_named_on_the_line_and_writes_nothing(run, team, tmp_path) -> None:
    from tests.conftest import snapshot_files

    other = tmp_path / "other"
    assert run("--board", str(other), "member", "add", "zoe", "--role", "lead", user="zoe")[0] == 0
    before = {board: (snapshot_files(board), sorted(p.name for p in board.rglob("*"))) for board in (team, other)}
    assert offered(run, "member", "", "--board", str(other)) == ["zoe\tlead"]  # not UPLIFT_BOARD's (the team's)
    assert offered(run, "member", "z") == []
    assert offered(run, "task") != []
    assert {board: (snapshot_files(board), sorted(p.name for p in board.rglob("*"))) for board in (team, other)} == before


def test_words_over_ssh_reads_no_board_but_the_servers(run, tmp_path, monkeypatch) -> None:
    """A session over `uplift serve ssh` may not name another folder of the server's (its --board is refused)."""
    other = tmp_path / "other"
    assert run("--board", str(other), "member", "add", "zoe", "--role", "lead", user="zoe")[0] == 0
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    assert offered(run, "member", "", "--board", str(other)) == []
    assert offered(run, "member") == ["ali\trep", "bea\trep", "dana\tlead"]


@pytest.mark.parametrize("board", ["missing", "a-file", "damaged"])
def test_words_offers_nothing_where_there_is_no_board(run, tmp_path, board) -> None:
    """No board (or a file, or a board.json that is not JSON): nothing printed, exit 0, nothing made."""
    path = tmp_path / board
    if board == "a-file":
        path.write_text("x")
    elif board == "damaged":
        path.mkdir()
        (path / "board.json").write_text("{not json")
    for kind in ("task", "member", "stage"):
        assert offered(run, kind, "", "--board", str(path)) == []
    assert not path.exists() or board != "missing"
    assert offered(run, "banana", "x") == []  # a kind it does not know


def _tab(script: str, words: tuple[str, ...], env: dict) -> str:
    """COMPREPLY for the words as bash gives them to the function (`'a b'` with its quotes, as typed)."""
    quoted = " ".join(shlex.quote(word) for word in words)
    probe = (f'source "{script}"; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _uplift; '
             'echo "${COMPREPLY[*]}"')
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", probe], capture_output=True, text=True,
                            check=True, env=env)
    assert result.stderr == ""
    return result.stdout.strip()


@pytest.fixture
def tab_env(run, team, tmp_path, monkeypatch):
    """An environment in which the script's `uplift` is this checkout's, on the team board."""
    import os
    import sys
    from pathlib import Path

    run("deal", "add", "Acme renewal", "--stage", "Lead")
    assert run("task", "done", "T-2")[0] == 0
    run("task", "add", "Send the quote")
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "uplift").exists(), "the tests run from the project's installed venv"
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "UPLIFT_BOARD": str(team), "UPLIFT_USER": "dana"}


@needs_bash
@pytest.mark.parametrize("words, wanted", [
    (("uplift", "task", "done", "T-"), "T-1 T-3"),                  # open tasks only (T-2 is done)
    (("uplift", "task", "done", "T-1", "t"), "T-1 T-3"),            # several ids: each is one
    (("uplift", "task", "annotate", "T-"), "T-1 T-3"),              # a verb's alias (comment's)
    (("uplift", "task", "move", "T-1", "d"), "doing done"),         # after the ids, the status too
    (("uplift", "task", "move", "T-1", "T"), "T-1 T-3"),
    (("uplift", "deal", "move", "D-"), "D-1"),
    (("uplift", "deal", "move", "D-1", "N"), "Negotiation"),
    (("uplift", "deal", "move", "D-1", ""), "Lead Qualified Proposal Negotiation Won Lost"),
    (("uplift", "task", "list", "--owner", ""), "ali bea dana"),
    (("uplift", "task", "list", "--owner", "=", "b"), "bea"),        # --owner=b, which bash splits at =
    (("uplift", "task", "add", "x", "--priority", "h"), "high"),     # an option's choices
    (("uplift", "task", "add", "x", "--depends", "T-3,T-"), "T-3,T-1 T-3,T-3"),
    (("uplift", "task", "list", "--mine", "--s"), "--search --status --strategy"),
    (("uplift", "member", "role", "a"), "ali"),
    (("uplift", "member", "role", "ali", ""), "lead rep"),
    (("uplift", "completion", ""), "bash zsh"),                     # `words` is not offered
])
def test_tab_offers_the_boards_ids_names_and_stages(capsys, tmp_path, tab_env, words, wanted):
    code, out, err = invoke(capsys, "completion", "bash")
    script = tmp_path / "uplift.bash"
    script.write_text(out)
    assert _tab(str(script), words, tab_env) == wanted


@needs_bash
def test_tab_reads_the_board_given_by_board_on_the_line(capsys, run, tmp_path, tab_env):
    other = tmp_path / "other board"
    assert run("--board", str(other), "member", "add", "zoe", "--role", "lead", user="zoe")[0] == 0
    script = tmp_path / "uplift.bash"
    script.write_text(invoke(capsys, "completion", "bash")[1])
    assert _tab(str(script), ("uplift", "--board", str(other), "task", "list", "--owner", ""), tab_env) == "zoe"
    assert _tab(str(script), ("uplift", "task", "list", "--board", f"'{other}'", "--owner", ""), tab_env) == "zoe"
    assert _tab(str(script), ("uplift", "--board", str(tmp_path / "none"), "task", "done", ""), tab_env) == ""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh")
def test_zsh_shows_each_ids_title_beside_it(capsys, tmp_path, tab_env):
    """zsh's own completion, with its functions stood in for (they run only inside a completion
    widget): the ids go to _describe as `id:title`, the static words to compadd."""
    script = tmp_path / "uplift.zsh"
    script.write_text(invoke(capsys, "completion", "zsh")[1])
    probe = (f'source "{script}"; '
             '_describe() { print -rl -- "describe $4" "${(@P)5}"; }; compadd() { print -r -- "compadd ${(j: :)${(P)2}}"; }; '
             '_files() { print files; }; words=(uplift task move T-1 ""); CURRENT=5; _uplift')
    result = subprocess.run(["zsh", "-f", "-c", probe], capture_output=True, text=True, env=tab_env)
    assert (result.stdout.splitlines(), result.stderr) == (
        ["describe task", "T-1:Call Acme", "T-3:Send the quote", "compadd todo doing blocked done"], "")


@needs_bash
def test_a_boards_own_stages_are_offered_quoted_for_the_shell(capsys, run, team, tmp_path, tab_env):
    """The board's pipeline, not the default one; a name with a space comes back as one word."""
    from store.board import Board

    Board(team, actor="dana").set_stages([{"name": "Lead", "probability": 10}, {"name": "Contract sent", "probability": 80},
                                          {"name": "Won", "probability": 100, "outcome": "won"},
                                          {"name": "Lost", "probability": 0, "outcome": "lost"}])
    assert offered(run, "stage") == ["Lead", "Contract sent", "Won", "Lost"]
    script = tmp_path / "uplift.bash"
    script.write_text(invoke(capsys, "completion", "bash")[1])
    assert _tab(str(script), ("uplift", "deal", "move", "D-1", "c"), tab_env) == "Contract\\ sent"


# --- accounts: `account show`, `--account`, `log --item`; `log add`'s own options ---------------

def with_accounts(run) -> None:
    """Polar Tech on three deals (spelled two ways), Acme on one, Corvid Metals on an activity only."""
    for title, account in (("Polar renewal", "Polar Tech"), ("Polar add-on", "polar  tech"),
                           ("Polar pilot", "Polar Tech"), ("Acme order", "Acme")):
        added(run, "deal", "add", title, "--account", account)
    assert run("log", "add", "visit", "--account", "Corvid Metals", "Intro visit")[0] == 0


def test_words_offers_each_account_once_as_most_spell_it(run) -> None:
    with_accounts(run)
    assert offered(run, "account") == ["Acme\t1 deal", "Corvid Metals", "Polar Tech\t3 deals"]
    assert offered(run, "account", "POLAR  t") == ["Polar Tech\t3 deals"]  # any case and spacing
    assert offered(run, "account", "x") == []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", "zh")
        assert offered(run, "account", "a") == ["Acme\t1 个商机"]


def test_words_for_log_item_offers_ids_by_their_letter_accounts_and_members(run) -> None:
    with_accounts(run)
    assert offered(run, "item", "D-") == ["D-1\tPolar renewal (Lead)", "D-2\tPolar add-on (Lead)",
                                          "D-3\tPolar pilot (Lead)", "D-4\tAcme order (Lead)"]
    assert offered(run, "item", "t") == ["T-1\tCall Acme", "T-2\tVisit Betasoloin"]
    assert offered(run, "item", "a") == ["Acme\t1 deal", "ali"]
    assert offered(run, "item", "") == ["Acme\t1 deal", "Corvid Metals", "Polar Tech\t3 deals", "ali", "bea", "dana"]


@needs_bash
@pytest.mark.parametrize("words, wanted", [
    (("uplift", "account", "show", ""), "Acme Corvid\\ Metals Polar\\ Tech"),   # a space: quoted
    (("uplift", "account", "show", "p"), "Polar\\ Tech"),
    (("uplift", "account", "show", '"pol'), "Polar Tech"),           # typed in quotes: the shell closes them
    (("uplift", "account", "show", "'Corvid M"), "Corvid Metals"),
    (("uplift", "deal", "add", "x", "--account", "a"), "Acme"),
    (("uplift", "deal", "edit", "D-1", "--account", "c"), "Corvid\\ Metals"),
    (("uplift", "log", "add", "call", "--account", "p"), "Polar\\ Tech"),
    (("uplift", "log", "add", "call", "Called", "them", "--account", "a"), "Acme"),
    (("uplift", "log", "add", "call", "--deal", "D-"), "D-1 D-2 D-3 D-4 D-5"),
    (("uplift", "log", "add", "meeting", "--d"), "--deal"),
    (("uplift", "log", "add", "call", "d"), "D-1 D-2 D-3 D-4 D-5"),   # the deal named first (log add call D-4 note)
    (("uplift", "log", "add", "call", "D-2", "Called", "D-"), ""),    # a later word is the note's
    # where the activity was already said: the first word is the note's, as `log add` reads it
    (("uplift", "log", "add", "call", "--account", "Acme", "D-"), ""),
    (("uplift", "log", "add", "call", "--account=Acme", "D-"), ""),
    (("uplift", "log", "add", "call", "--acc", "Acme", "D-"), ""),
    (("uplift", "log", "add", "call", "--deal", "D-1", "D-"), ""),
    (("uplift", "log", "add", "call", "--json", "D-"), "D-1 D-2 D-3 D-4 D-5"),  # (another option: still the deal)
    (("uplift", "log", "--item", "d-"), "D-1 D-2 D-3 D-4 D-5"),
    (("uplift", "log", "--item", "c"), "Corvid\\ Metals"),
])
def test_tab_offers_accounts_and_log_adds_deals(capsys, run, tmp_path, tab_env, words, wanted):
    """D-1 is the tab_env's Acme renewal (no account); D-2..D-5 with_accounts'."""
    with_accounts(run)
    script = tmp_path / "uplift.bash"
    script.write_text(invoke(capsys, "completion", "bash")[1])
    assert _tab(str(script), words, tab_env) == wanted


@needs_bash
def test_an_account_offered_is_one_word_to_bash_itself(capsys, run, tmp_path, tab_env):
    """What TAB puts on the line, read back by bash as the command's words: `Polar\\ Tech` is one."""
    with_accounts(run)
    script = tmp_path / "uplift.bash"
    script.write_text(invoke(capsys, "completion", "bash")[1])
    line = "uplift account show " + _tab(str(script), ("uplift", "account", "show", "pol"), tab_env)
    probe = f'set -- {line}; printf "%s|" "$@"'
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout == "uplift|account|show|Polar Tech|"


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh")
def test_zsh_is_given_an_account_whole_with_its_deals(capsys, run, tmp_path, tab_env):
    """zsh quotes what it inserts itself: it is given `Polar Tech` (with its number of deals)."""
    with_accounts(run)
    script = tmp_path / "uplift.zsh"
    script.write_text(invoke(capsys, "completion", "zsh")[1])
    probe = (f'source "{script}"; '
             '_describe() { print -rl -- "describe $4" "${(@P)5}"; }; compadd() { print -r -- "compadd ${(j: :)${(P)2}}"; }; '
             '_files() { print files; }; words=(uplift account show P); CURRENT=4; _uplift')
    result = subprocess.run(["zsh", "-f", "-c", probe], capture_output=True, text=True, env=tab_env)
    assert (result.stdout.splitlines(), result.stderr) == (["describe account", "Polar Tech:3 deals"], "")


@needs_bash
@pytest.mark.parametrize("words, wanted", [
    (("uplift", "d"), "deal diagnose diagnosis"),                     # no `demo`
    (("uplift", "s"), "snapshot strategy"),                           # no `serve`
    (("uplift", "i"), "incentive"),                                   # no `init`
    (("uplift", "--"), "--help --theme --version"),                   # no `--board`
    (("uplift", "task", "done", "T-"), "T-1 T-3"),                    # the server's board, as ever
])
def test_tab_over_ssh_offers_nothing_a_session_there_refuses(capsys, tmp_path, tab_env, monkeypatch, words, wanted):
    """`uplift serve ssh` refuses `demo`, `init`, `serve` and `--board`: its script leaves them out."""
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    code, out, err = invoke(capsys, "completion", "bash")
    assert code == 0 and " demo " not in out and "--board" not in out
    script = tmp_path / "uplift.bash"
    script.write_text(out)
    assert _tab(str(script), words, {**tab_env, "UPLIFT_REMOTE": "1"}) == wanted


def test_tab_locally_still_offers_the_verbs_ssh_leaves_out(capsys) -> None:
    code, out, _ = invoke(capsys, "completion", "bash")
    assert code == 0 and " demo " in out and " serve " in out and " init " in out and "--board" in out
