"""`uplift completion bash`: a shell completion script, as taskwarrior and gh ship theirs, so that
`uplift ta<TAB> d<TAB>` is `uplift task done` and `--<TAB>` lists a verb's options. The script is
written from the parser itself (every verb, its options, their choices and what each argument
names), so it never lags behind a new verb.

Verbs, options and choices are in the script: that TAB runs nothing. An argument that names a
record on the board (an id, a member, a stage: tui/cli_refs.py `names`, set where the argument is
declared) is completed by asking the board: the script runs the hidden `uplift completion words
KIND PREFIX`, which prints one candidate a line (`T-12<TAB>Call Acme`; zsh shows the title beside
the id) from a quick look at only the files that hold them (store/peek.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from sales.tasks import STATUSES
from tui.argparse_words import shown
from tui.cli_refs import FIRST, FIRST_UNLESS, NAMES, WITHIN
from tui.cli_support import EXIT_OK, add_verb
from tui.i18n import _, n_
from tui.remote import LOCAL_VERBS, is_remote

SHELLS = ("bash", "zsh")
#: Kinds an argument may name whose words never change: written into the script.
STATIC = {"status": STATUSES}


class Verb:
    """What completion needs of one parser: `path` is its words after `uplift` (`task done`).
    (A plain class: a dataclass costs a TAB's process milliseconds to build.)"""

    def __init__(self, path: str) -> None:
        self.path = path
        self.verbs: list[str] = []
        self.options: list[str] = []   # the shown ones, for `--<TAB>`
        self.takes: list[str] = []     # every option that takes a value
        self.values: dict[str, list[str]] = {}  # an option, or a positional's place ("0", "*") -> the kinds it names
        self.words: dict[str, list[str]] = {}   # the same -> the words it takes (choices)
        # a catch-all's first word that may name a record (`log add call D-4 note`): its place ->
        # (the kind, the words that, given before it, make it the note's: `--account` and its abbreviations)
        self.firsts: dict[str, tuple[str, list[str]]] = {}


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[Verb]:
    """A Verb for `parser` and each verb under it (hidden verbs left out), depth first."""
    verb = Verb(" ".join(path))
    subs: dict[str, argparse.ArgumentParser] = {}
    slots: list[tuple[argparse.Action, int, float]] = []  # each positional: fewest and most words
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            # a verb listed in the help, and its aliases (`task annotate`); not a hidden one (`completion words`)
            listed = shown(action)
            if not path and is_remote():  # (over `uplift serve ssh`: not the verbs it refuses)
                listed = [name for name in listed if name not in LOCAL_VERBS]
            subs.update((name, action.choices[name]) for name in listed)
            verb.verbs += sorted(listed)
        elif action.option_strings:
            _option(verb, action)
        else:
            fewest, most = {"?": (0, 1), "*": (0, float("inf")), "+": (1, float("inf")),
                            argparse.REMAINDER: (0, float("inf"))}.get(action.nargs, (1, 1))
            if isinstance(action.nargs, int):
                fewest = most = action.nargs
            slots.append((action, fewest, most))
            within = getattr(action, WITHIN, None)  # (`log add call --deal D-<TAB>`: its words' own options)
            for option in within._actions if within is not None else ():
                if option.option_strings:
                    _option(verb, option)
    _place(verb, slots)
    verb.options = sorted(set(verb.options))
    yield verb
    for name, sub in subs.items():
        yield from walk(sub, (*path, name))


def _option(verb: Verb, action: argparse.Action) -> None:
    """Note an option: shown for `--<TAB>` (unless hidden), and what its value may be."""
    if "--board" in action.option_strings and is_remote():
        return  # (over `uplift serve ssh` the server chooses the board: there is no other to name)
    flags = [flag for flag in action.option_strings if flag.startswith("--")]
    if action.help is not argparse.SUPPRESS:
        verb.options += flags
    if action.nargs != 0:
        verb.takes += action.option_strings
        for flag in flags:
            _offer(verb, flag, action)


def _offer(verb: Verb, key: str, action: argparse.Action) -> None:
    """Note what the value of `action`, at `key` (its flag or a position), may be."""
    kind = getattr(action, NAMES, None)
    if kind in STATIC:
        verb.words.setdefault(key, []).extend(STATIC[kind])
    elif kind:
        verb.values.setdefault(key, []).append(kind)
    if action.choices and not isinstance(action.choices, dict):
        verb.words.setdefault(key, []).extend(str(c) for c in action.choices)


def _place(verb: Verb, slots: list[tuple[argparse.Action, int, float]]) -> None:
    """What each positional word may be, by its place after the verb: the n-th word may fill any
    slot that the words before it can reach (`task move T-1 T-2 done`: after the first id, another
    id or the status). "*" is every place after the last one listed."""
    before_fewest, before_most = 0, 0.0
    reach: list[tuple[argparse.Action, int, float]] = []
    for action, fewest, most in slots:
        reach.append((action, before_fewest, before_most + most - 1))
        before_fewest += fewest
        before_most += most
    last = int(max([first for _, first, _ in reach] + [final for _, _, final in reach if final != float("inf")],
                   default=-1))
    for place in range(last + 1):
        for action, first, final in reach:
            if first <= place <= final:
                _offer(verb, str(place), action)
    for action, first, final in reach:
        if final == float("inf"):
            _offer(verb, "*", action)
        if kind := getattr(action, FIRST, ""):  # (its first word only: `log add call D-<TAB>`)
            verb.firsts[str(first)] = (kind, _spellings(getattr(action, WITHIN), getattr(action, FIRST_UNLESS, ())))


def _spellings(parser: argparse.ArgumentParser, flags: tuple[str, ...]) -> list[str]:
    """Each of `flags` as `parser` reads it: whole, or cut short to a prefix of no other of its
    options (`--acc` for `--account`, as argparse takes it)."""
    others = [flag for action in parser._actions for flag in action.option_strings]
    return [flag[:end] for flag in flags for end in range(3, len(flag) + 1)
            if end == len(flag) or parser.allow_abbrev and [o for o in others if o.startswith(flag[:end])] == [flag]]


def _quoted(words: str) -> str:
    return words.replace("'", "")


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion function for `shell`: one walk of the words typed, then bash's COMPREPLY or
    zsh's own completion (which shows each id's title beside it). The shell code runs in both
    shells, so it names no variable zsh keeps for itself (`path` is zsh's $PATH, `options` its
    settings, `words` the line being completed)."""
    steps, paths, values, firsts = [], [], [], []
    for verb in walk(parser):
        for place, (kind, unless) in sorted(verb.firsts.items()):
            given = "|".join(f"*' {flag} '*" for flag in unless)
            offer = f"kinds=\"${{kinds:+$kinds }}{kind}\""
            firsts.append(f"        '{verb.path}|{place}') " + (f"case \"$given\" in {given}) ;; *) {offer} ;; esac ;;"
                                                           if given else f"{offer} ;;"))
        here = verb.path
        steps += [f"            '{here}|{name}') verb='{(here + ' ' + name).strip()}'; at=0; continue ;;"
                  for name in verb.verbs]
        paths.append(f"        '{here}') verbs='{_quoted(' '.join(verb.verbs))}'; "
                     f"opts='{_quoted(' '.join(verb.options))}'; takes=' {_quoted(' '.join(verb.takes))} ' ;;")
        for key in sorted(set(verb.values) | set(verb.words)):
            values.append(f"        '{here}|{key}') kinds='{' '.join(verb.values.get(key, []))}'; "
                          f"static='{_quoted(' '.join(verb.words.get(key, [])))}' ;;")
    walk_words = [
        "    local cur=\"${w[cword]}\" verb='' word='' value='' board='' given=' ' at=0 i verbs opts takes kinds='' static=''",
        "    for ((i = base + 1; i < cword; i++)); do",
        "        word=\"${w[i]}\"",
        "        if [[ -n \"$value\" ]]; then  # the value of the option before it",
        "            [[ \"$word\" == = ]] && continue  # (--owner=ali: bash splits the word at =)",
        "            [[ \"$value\" == --board ]] && board=\"$word\"",
        "            value=''",
        "            continue",
        "        fi",
        "        case \"$word\" in",
        "            --board=*) board=\"${word#--board=}\"; continue ;;",
        "            -*=*) given=\"$given${word%%=*} \"; continue ;;",
        "            -*) given=\"$given$word \"; _uplift_path \"$verb\"; [[ \"$takes\" == *\" $word \"* ]] && value=\"$word\"; continue ;;",
        "        esac",
        "        case \"$verb|$word\" in",
        *steps,
        "        esac",
        "        at=$((at + 1))",
        "    done",
        "    [[ \"$cur\" == = && -n \"$value\" ]] && cur=''",
        "    local quote=''  # (\"Polar T: a name begun in quotes, looked up without them; the shell closes them)",
        "    case \"$cur\" in \\\"*|\\'*) quote=\"${cur:0:1}\"; cur=\"${cur:1}\" ;; esac",
        "    _uplift_path \"$verb\"",
        "    local head=''  # --owner=b as one word (zsh's, and bash's without = in COMP_WORDBREAKS)",
        "    if [[ -z \"$value\" && \"$cur\" == --*=* && \"$takes\" == *\" ${cur%%=*} \"* ]]; then",
        "        value=\"${cur%%=*}\"; head=\"$value=\"; cur=\"${cur#*=}\"",
        "    fi",
        "    if [[ -n \"$value\" ]]; then",
        "        _uplift_value \"$verb|$value\"",
        "    elif [[ \"$cur\" == -* ]]; then",
        "        static=\"$opts\"",
        "    else",
        "        _uplift_value \"$verb|$at\" || _uplift_value \"$verb|*\"",
        "        _uplift_first \"$verb|$at\"",
        "        ((at == 0)) && static=\"$verbs $static\"",
        "    fi",
        "    case \"$board\" in \\\"*\\\"|\\'*\\') board=\"${board:1:${#board}-2}\" ;; esac  # (--board '/a b')",
        "    local -a where=()",
        "    [[ -n \"$board\" ]] && where=(--board \"$board\")",
    ]
    helpers = [
        "_uplift_path() {  # the verbs, shown options and options taking a value of a path",
        "    case \"$1\" in",
        *paths,
        "        *) verbs=''; opts=''; takes=' --board ' ;;",
        "    esac",
        "}",
        "_uplift_value() {  # what an option's value, or the positional word at a place, may be",
        "    case \"$1\" in",
        *values,
        "        *) return 1 ;;",
        "    esac",
        "}",
        "_uplift_first() {  # a catch-all's first word that names a record, unless an option given before says where",
        "    case \"$1\" in",
        *firsts,
        "    esac",
        "}",
        "_uplift_words() {  # the board's records of each kind in $kinds that begin with $cur",
        "    local kind",
        "    for kind in $=kinds; do" if shell == "zsh" else "    for kind in $kinds; do",
        "        uplift completion words \"${where[@]}\" -- \"$kind\" \"$cur\" 2>/dev/null </dev/null",
        "    done",
        "}",
    ]
    if is_remote():  # (no --board to follow: the server's board is the only one)
        walk_words = [line for line in walk_words if "board" not in line or line.lstrip().startswith("local ")]
        helpers = [line.replace("takes=' --board '", "takes=' '") for line in helpers]
    if shell == "bash":
        body = [
            "# uplift completion: in ~/.bashrc, eval \"$(uplift completion bash)\"",
            *helpers,
            "_uplift() {",
            "    local -a w=(\"${COMP_WORDS[@]}\")",
            "    local cword=$COMP_CWORD base=0",
            *walk_words,
            "    COMPREPLY=()",
            "    if [[ -n \"$kinds\" ]]; then",
            "        mapfile -t COMPREPLY < <(_uplift_words)",
            "        COMPREPLY=(\"${COMPREPLY[@]%%$'\\t'*}\")  # (bash shows no title beside an id)",
            "        # a stage's or an account's name may hold a space or a quote (unless typed in quotes)",
            "        if [[ -z \"$quote\" && ( \"$kinds\" == *stage* || \"$kinds\" == *account* || \"$kinds\" == *item* ) ]]; then",
            "            for i in \"${!COMPREPLY[@]}\"; do printf -v 'COMPREPLY[i]' '%q' \"${COMPREPLY[i]}\"; done",
            "        fi",
            "    fi",
            "    COMPREPLY+=($(compgen -W \"$static\" -- \"$cur\"))",
            "    [[ -n \"$head\" ]] && COMPREPLY=(\"${COMPREPLY[@]/#/$head}\")",
            "    return 0",
            "}",
            "complete -o default -F _uplift uplift",
        ]
    else:
        body = [
            "#compdef uplift",
            "# uplift completion: in ~/.zshrc, eval \"$(uplift completion zsh)\"",
            *helpers,
            "_uplift() {",
            "    local -a w=(\"${words[@]}\") found plain",
            "    local cword=$CURRENT base=1 line word ret=1",
            *walk_words,
            "    local -a keep=()  # (--owner=: kept before each word, which -U would replace too)",
            "    [[ -n \"$head\" ]] && keep=(-P \"$head\")",
            "    if [[ -n \"$kinds\" ]]; then",
            "        while IFS= read -r line; do",
            "            word=\"${${line%%$'\\t'*}//:/\\\\:}\"",
            "            [[ \"$line\" == *$'\\t'* ]] && found+=(\"$word:${line#*$'\\t'}\") || found+=(\"$word\")",
            "        done < <(_uplift_words)",
            "        # (-U: the board said which match; `t12` is T-12 there, not to zsh's matching)",
            "        ((${#found})) && _describe -V -t values \"${kinds// /, }\" found -U \"${keep[@]}\" && ret=0",
            "    fi",
            "    [[ -n \"$head\" ]] && compset -P '*='",
            "    plain=(${=static})",
            "    ((${#plain})) && compadd -a plain && ret=0",
            "    ((ret)) && _files && ret=0",
            "    return ret",
            "}",
            "(( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }",
            "compdef _uplift uplift",
        ]
    return "\n".join(body)


def cmd_completion(args: argparse.Namespace) -> int:
    from tui.cli import build_parser

    print(script(build_parser(), args.shell))
    return EXIT_OK


def cmd_words(args: argparse.Namespace) -> int:
    """Each record of a kind that begins with a prefix, a line each (`T-12<TAB>title`), for the
    script; nothing (and exit 0) for no board, an unknown kind, or anything that goes wrong:
    a TAB must never print an error into the line being typed, nor write anything."""
    try:
        from store.location import default_board_path
        from store.peek import TABLES, candidates

        from tui.remote import is_remote

        if args.board is not None and (not args.board.strip() or is_remote()):
            return EXIT_OK  # (over `uplift serve ssh` the server chooses the board: another one is not to be read)
        folder = args.board or default_board_path()
        # `--depends T-1,T-`: the id after the last comma, offered with the ones before it
        head, comma, prefix = args.prefix.rpartition(",") if args.kind in TABLES else ("", "", args.prefix)
        found = candidates(folder, args.kind, prefix)
        if args.kind == "member":  # a member's role, in the interface's language
            found = [(name, _(role) if role in ("lead", "rep") else role) for name, role in found]
        elif args.kind in ("account", "item"):  # an account's number of deals
            found = [(word, n_("{count} deal", "{count} deals", int(text)).format(count=text)
                      if text.isdigit() else text) for word, text in found]
        lines = [f"{head}{comma}{word}\t{text}" if text else f"{head}{comma}{word}" for word, text in found]
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")
    except Exception:  # (a damaged or foreign folder: offer nothing)
        pass
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    shells = verbs.add_parser("completion", help=_("print a shell completion script: eval \"$(uplift completion bash)\" in ~/.bashrc")
                              ).add_subparsers(title=_("the shell: bash or zsh"), metavar="SHELL", required=True)
    for shell in SHELLS:
        add_verb(shells, common, shell, cmd_completion, _("print a shell completion script: eval \"$(uplift completion bash)\" in ~/.bashrc")
                 if shell == "bash" else _("print a zsh completion script: eval \"$(uplift completion zsh)\" in ~/.zshrc")
                 ).set_defaults(shell=shell)
    # (hidden: the scripts run it on TAB)
    words = shells.add_parser("words", parents=[common], add_help=False)
    words.set_defaults(run=cmd_words, command=words.prog)
    words.add_argument("kind", help=argparse.SUPPRESS)
    words.add_argument("prefix", nargs="?", default="", help=argparse.SUPPRESS)
