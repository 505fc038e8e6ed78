"""`uplift completion bash`: a shell completion script, as taskwarrior and gh ship theirs, so that
`uplift ta<TAB> d<TAB>` is `uplift task done` and `--<TAB>` lists a verb's options. The script is
written from the parser itself (every verb, its options and a positional's choices), so it never
lags behind a new verb; it runs nothing when TAB is pressed (no Python start, no board read)."""

from __future__ import annotations

import argparse

from tui.cli_support import EXIT_OK, add_verb
from tui.i18n import _

SHELLS = ("bash", "zsh")


def cmd_completion(args: argparse.Namespace) -> int:
    from tui.cli import build_parser

    print(script(build_parser(), args.shell))
    return EXIT_OK


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, verbs, options, choices) for `parser` and each verb under it, depth first."""
    verbs: dict[str, argparse.ArgumentParser] = {}
    options: list[str] = []
    choices: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            verbs.update(action.choices)
        elif action.option_strings:
            if action.help is not argparse.SUPPRESS:
                options += [flag for flag in action.option_strings if flag.startswith("--")]
        elif action.choices:
            choices += [str(choice) for choice in action.choices]
    yield path, sorted(verbs), sorted(set(options)), choices
    for name, sub in verbs.items():
        yield from walk(sub, (*path, name))


def _words(words) -> str:
    return " ".join(words).replace("'", "")


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion function for `shell` (zsh runs bash's through bashcompinit)."""
    steps, offers = [], []
    for path, verbs, options, choices in walk(parser):
        here = " ".join(path)
        steps += [f"            '{here}|{verb}') path='{(here + ' ' + verb).strip()}' ;;" for verb in verbs]
        offers.append(f"        '{here}') words='{_words(verbs + choices)}'; options='{_words(options)}' ;;")
    lines = [
        "# uplift completion: in ~/.bashrc, eval \"$(uplift completion bash)\""
        if shell == "bash" else
        "# uplift completion: in ~/.zshrc, eval \"$(uplift completion zsh)\"",
        *(["autoload -U +X bashcompinit && bashcompinit"] if shell == "zsh" else []),
        "_uplift() {",
        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" path='' word words options i",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        word=\"${COMP_WORDS[i]}\"",
        "        case \"$path|$word\" in",
        *steps,
        "        esac",
        "    done",
        "    case \"$path\" in",
        *offers,
        "        *) words=''; options='' ;;",
        "    esac",
        "    if [[ \"$cur\" == -* ]]; then",
        "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))",
        "    else",
        "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))",
        "    fi",
        "}",
        "complete -o default -F _uplift uplift",
    ]
    return "\n".join(lines)


def register(verbs, common: argparse.ArgumentParser) -> None:
    completion = add_verb(verbs, common, "completion", cmd_completion,
                          _("print a shell completion script: eval \"$(uplift completion bash)\" in ~/.bashrc"))
    completion.add_argument("shell", choices=SHELLS, help=_("the shell: bash or zsh"))
