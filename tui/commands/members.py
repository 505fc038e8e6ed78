"""`uplift member ...` and `uplift wip`: who is on the board, and the columns' WIP limits."""

from __future__ import annotations

import argparse

from sales.errors import NotFound
from sales.tasks import STATUSES
from tui.cli_output import say_line
from tui.cli_refs import add_ref, names
from tui.cli_support import EXIT_OK, BadInput, add_path, add_verb, open_board, status_arg, stdin_buffer
from tui.i18n import N_, _, say

#: A member's role as the command line shows it (the role typed is `lead` or `rep`).
ROLE_WORDS = {"lead": N_("lead"), "rep": N_("rep")}


def cmd_member_add(args: argparse.Namespace) -> int:
    if args.zone is not None and not args.zone.strip():  # (a script's unset "$ZONE": say so, as `member zone` does)
        raise BadInput("zone: empty; give an IANA name such as Europe/Berlin, or local for the machine's")
    from sales.members import name_for, valid_name

    if not valid_name(args.name) and valid_name(like := name_for(args.name)):
        # a person's full name or email, as a CRM names them: the member name a deals file matches them by
        raise BadInput("member: {name!r} is not a member name: letters, digits, '.', '_' or '-', at most 40; "
                       "{like} would do (a deals file's {name!r} is then {like})", name=args.name, like=like)
    board = open_board(args, create=True)
    member = board.add_member(args.name, args.role, args.zone or "")
    print(_("{name} ({role})").format(name=member.name, role=_(ROLE_WORDS[member.role])))
    return EXIT_OK


def cmd_member_zone(args: argparse.Namespace) -> int:
    board = open_board(args)
    if args.zone is None:  # what it is now
        member = next((m for m in board.members() if m.name == args.name), None)
        if member is None:
            raise NotFound("{name} is not a member of this board", name=args.name)
    elif not args.zone.strip():  # (a script's unset "$ZONE" would clear it unsaid)
        raise BadInput("zone: empty; give an IANA name such as Europe/Berlin, or local for the machine's")
    else:
        member = board.set_member_zone(args.name, args.zone)
    print(_("{name}: {zone}").format(name=member.name, zone=member.zone or _("the machine's time zone")))
    return EXIT_OK


def cmd_member_lang(args: argparse.Namespace) -> int:
    """A member's own language on the board: the one their sessions over `uplift serve ssh` use."""
    language = _pref_value(args.language, "language", N_("en, zh, or default for the server's"))
    if language:
        from tui.i18n import LANGUAGES, language_code

        code = language_code(language)
        language = code if code in LANGUAGES else language  # (zh_CN as zh; anything else: the store says why)
    prefs = _set_prefs(args, language=language)
    from tui.i18n import LANGUAGE_NAMES

    # (by its name, 中文, as people read it; --json and the board keep the code)
    print(_("{name}: {value}").format(name=prefs.member, value=LANGUAGE_NAMES.get(prefs.language, prefs.language)
                                      or _("the server's")))
    return EXIT_OK


def cmd_member_theme(args: argparse.Namespace) -> int:
    """A member's own colour theme on the board: the one their sessions over `uplift serve ssh` use."""
    theme = _pref_value(args.theme_name, "theme", N_("a theme's name, or default for the server's"))
    if theme:
        from tui.themes import theme_names

        names = theme_names()
        if theme.strip() not in names:
            raise BadInput("theme: there is no theme named {theme!r} (themes: {themes})",
                           theme=theme, themes=", ".join(names))
    prefs = _set_prefs(args, theme=theme)
    print(_("{name}: {value}").format(name=prefs.member, value=prefs.theme or _("the server's")))
    return EXIT_OK


def _pref_value(typed: str | None, field: str, what: str) -> str | None:
    """None: only show it; "": back to the server's (`default`); else the value typed."""
    if typed is None:
        return None
    if not typed.strip():  # (a script's unset "$LANG" would clear it unsaid)
        raise BadInput("{field}: empty; give {what}", field=field, what=_(what))
    return "" if typed.strip().casefold() == "default" else typed


def _set_prefs(args: argparse.Namespace, **prefs: str | None):
    board = open_board(args)
    if all(value is None for value in prefs.values()):  # what it is now
        if args.name not in {m.name for m in board.members()}:
            raise NotFound("{name} is not a member of this board", name=args.name)
        return board.member_prefs(args.name)
    return board.set_member_prefs(args.name, **prefs)


def cmd_member_role(args: argparse.Namespace) -> int:
    board = open_board(args)
    member = board.set_member_role(args.name, args.role)
    print(_("{name} ({role})").format(name=member.name, role=_(ROLE_WORDS[member.role])))
    return EXIT_OK


def cmd_member_remove(args: argparse.Namespace) -> int:
    board = open_board(args)
    work = board.open_work(args.name) if args.to else None  # (read to say what moved; the move is locked)
    member = board.remove_member(args.name, to=args.to)  # (OpenWork, refused, says only the kinds of work there are)
    if work:
        print(handed_text(work, args.to))
    print(_("removed {name}").format(name=member.name))
    return EXIT_OK


def work_counts(deals: int, tasks: int, goals: int, lines: int = 0) -> str:
    """`1 open deal and 2 unfinished tasks`, or `…, 2 unfinished tasks and 1 running goal`, in
    the interface's language: only the kinds there are some of (sales.handover.owned)."""
    from sales.handover import owned

    return say(owned(deals, tasks, goals, lines))


def cmd_member_handover(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    moved = open_board(args).hand_over(args.name, args.to, dry_run=args.dry_run)
    if args.json:
        print_json(moved)
        return EXIT_OK
    if not moved:
        print(_("{name} has no open deals, unfinished tasks or running goals: nothing to hand over").format(
            name=args.name))
        return EXIT_OK
    print(table(["ID", _("TITLE")], [[item.id, item.title]
                                      for item in [*moved.deals, *moved.tasks, *moved.goals, *moved.budget]]))
    print(handed_text(moved, args.to))
    return EXIT_OK


def handed_text(moved, receiver: str) -> str:
    """`handed 2 open deals and 3 unfinished tasks from ali to bea` (or `would hand`, dry)."""
    work = work_counts(len(moved.deals), len(moved.tasks), len(moved.goals), len(moved.budget))
    said = (_("would hand {work} from {giver} to {receiver} (dry run: nothing written)")
            if moved.dry_run else _("handed {work} from {giver} to {receiver}"))
    return said.format(work=work, giver=moved.giver, receiver=receiver)


def cmd_member_list(args: argparse.Namespace) -> int:
    import msgspec

    from tui.cli_output import print_json, table

    board = open_board(args)
    members = board.members()
    if args.json:  # (with each one's language and theme as kept on the board: `member lang`, `member theme`)
        print_json([{**msgspec.to_builtins(m), "language": prefs.language, "theme": prefs.theme}
                    for m in members for prefs in [board.member_prefs(m.name)]])
    elif members:
        zones = any(m.zone for m in members)
        print(table([_("NAME"), _("ROLE")] + ([_("TIME ZONE")] if zones else []),
                    [[m.name, _(ROLE_WORDS[m.role])] + ([m.zone or "–"] if zones else []) for m in members]))
    else:
        say_line(_("No members: the board is in single-user mode (everyone is a lead). "
                   "Add the lead first: `uplift member add NAME --role lead`."))
    return EXIT_OK


def cmd_key_add(args: argparse.Namespace) -> int:
    from sales.keys import MAX_KEY_FILE

    board = open_board(args)
    board.require("member.key_add")  # (a rep's key file, or stdin, is not read only to be refused)
    try:
        if args.keyfile == "-":
            raw = stdin_buffer().read(MAX_KEY_FILE + 1)
        else:
            with open(args.keyfile, "rb") as handle:
                raw = handle.read(MAX_KEY_FILE + 1)
    except OSError as error:
        raise BadInput("{file}: cannot read it: {reason}", file=args.keyfile, reason=error.strerror or error) from None
    text = public_key_text(raw)
    key = board.add_member_key(args.name, text)
    print(f"{key.member}: {key.fingerprint} ({key.type})")
    return EXIT_OK


def public_key_text(raw: bytes) -> str:
    """The key file's text, after the SSH library agreed it is one public key (not a private one)."""
    import asyncssh

    from sales.keys import NotAKey, parse_public_key

    try:
        text = raw.decode("ascii")
        parse_public_key(text)  # clear words for private keys and other files
        asyncssh.import_public_key(text)
    except UnicodeDecodeError:
        raise BadInput("not a public key file (it is not plain text)") from None
    except (NotAKey, asyncssh.KeyImportError, ValueError) as error:
        raise BadInput("not a usable public key: {reason}", reason=error) from None
    return text


def cmd_key_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = open_board(args)
    keys = board.member_keys(args.name)
    names = [m.name for m in board.members()]
    if args.name is not None and not keys and args.name not in names:
        if names:
            raise NotFound("{name!r} is not a member of this board (members: {members})",
                           name=args.name, members=", ".join(names))
        raise NotFound("{name!r} is not a member of this board (members: none yet)", name=args.name)
    if args.json:
        print_json(keys)
    elif keys:
        print(table([_("MEMBER"), _("TYPE"), _("FINGERPRINT"), _("COMMENT")],
                    [[k.member, k.type, k.fingerprint, k.comment] for k in keys]))
    else:
        say_line(_("No SSH keys yet: `uplift member key add NAME KEYFILE.pub`."))
    return EXIT_OK


def cmd_key_remove(args: argparse.Namespace) -> int:
    removed = open_board(args).remove_member_key(args.name, args.fingerprint)
    for key in removed:
        print(_("removed {member}: {fingerprint}").format(member=key.member, fingerprint=key.fingerprint))
    return EXIT_OK


def cmd_wip(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json

    board = open_board(args, create=args.status is not None)  # (showing them reads: no board made)
    if args.status is not None:
        if args.limit is None:
            raise BadInput("give a limit (a whole number) or `off`")
        limit = None if args.limit.lower() in ("off", "none", "0") else _positive(args.limit)
        board.set_wip_limit(args.status, limit)
        if not args.json:
            print((_("{status}: {limit}") if limit else _("{status}: no limit")).format(
                status=_(args.status), limit=limit))
            return EXIT_OK
    limits = board.wip_limits()
    shown = {s: limits[s] for s in STATUSES if s in limits}  # in the board's column order
    if args.json:  # (after setting one: the limits now)
        print_json(shown)
    else:
        print("\n".join(_("{status}: {limit}").format(status=_(s), limit=n) for s, n in shown.items())
              or _("No WIP limits set."))
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit():
        from sales.tasks import WIP_MAX  # (said only: the store keeps the bound)

        raise BadInput("limit: {text!r} is not a WIP limit: give a whole number from 1 to {most}, or off", text=text,
                       most=WIP_MAX)
    return int(text)


def register(verbs, common: argparse.ArgumentParser) -> None:
    member = verbs.add_parser("member", help=_("the board's members and roles")).add_subparsers(
        title=_("member commands"), metavar="VERB", required=True)
    madd = add_verb(member, common, "add", cmd_member_add, _("add a member (the first must be a lead)"))
    madd.add_argument("name")
    madd.add_argument("--role", choices=("lead", "rep"), required=True,
                      help=_("lead (may change everything) or rep (their own work)"))
    madd.add_argument("--zone", metavar="ZONE", help=_("their time zone, e.g. Asia/Shanghai (what today is for them)"))
    mzone = add_verb(member, common, "zone", cmd_member_zone,
                     _("a member's time zone: what today and overdue are for them (a rep sets their own)"))
    add_ref(mzone, "name", kind="member", said_as="member zone")
    mzone.add_argument("zone", nargs="?", help=_("an IANA name such as Europe/Berlin; local: the machine's"))
    mlang = add_verb(member, common, "lang", cmd_member_lang,
                     _("a member's own language over `uplift serve ssh` (a rep sets their own)"))
    add_ref(mlang, "name", kind="member", said_as="member lang")
    mlang.add_argument("language", nargs="?", help=_("en or zh; default: the server's"))
    mtheme = add_verb(member, common, "theme", cmd_member_theme,
                      _("a member's own colour theme over `uplift serve ssh` (a rep sets their own)"))
    add_ref(mtheme, "name", kind="member", said_as="member theme")
    mtheme.add_argument("theme_name", metavar="theme", nargs="?", help=_("a theme's name (uplift-light, nord, ...); default: the server's"))
    mrole = add_verb(member, common, "role", cmd_member_role,
                     _("make a member a lead or a rep (a lead's call; the board keeps at least one lead)"))
    add_ref(mrole, "name", kind="member", said_as="member role")
    mrole.add_argument("role", choices=("lead", "rep"), help=_("lead (may change everything) or rep (their own work)"))
    mrem = add_verb(member, common, "remove", cmd_member_remove,
                    _("remove a member (refused while they own open work, unless --to takes it over, "
                      "and for the board's last lead)"))
    add_ref(mrem, "name", kind="member", said_as="member remove")
    add_ref(mrem, "--to", kind="member", metavar="NAME", help=_("hand their open deals, unfinished tasks, running goals and open budget lines to NAME first"))
    mhand = add_verb(member, common, "handover", cmd_member_handover,
                     _("hand a member's open deals, unfinished tasks, running goals and open budget lines to another member"))
    add_ref(mhand, "name", kind="member", owns=("tasks", "deals", "goals"), said_as="member handover")
    add_ref(mhand, "--to", kind="member", metavar="NAME", required=True, help=_("the member who takes them over"))
    mhand.add_argument("--dry-run", action="store_true", help=_("say what would move; write nothing"))
    mhand.add_argument("--json", action="store_true", help=_("machine-readable output"))
    mlist = add_verb(member, common, "list", cmd_member_list, _("list members"))
    mlist.add_argument("--json", action="store_true")
    key = member.add_parser("key", help=_("members' SSH public keys (for `uplift serve ssh`)")).add_subparsers(
        title=_("member key commands"), metavar="VERB", required=True)
    kadd = add_verb(key, common, "add", cmd_key_add,
                    _("let a member in over `uplift serve ssh` with their public key (a lead does this)"))
    add_ref(kadd, "name", kind="member", said_as="member key add")
    add_path(kadd, "keyfile", metavar="KEYFILE", help=_("their .pub file, or - for standard input"))
    klist = add_verb(key, common, "list", cmd_key_list, _("list the keys (of one member, or all)"))
    add_ref(klist, "name", kind="member", said_as="member key list", nargs="?")
    klist.add_argument("--json", action="store_true")
    krem = add_verb(key, common, "remove", cmd_key_remove, _("remove a member's keys (or one, by fingerprint)"))
    add_ref(krem, "name", kind="member", said_as="member key remove")
    krem.add_argument("fingerprint", nargs="?", help=_("SHA256:... as `member key list` shows it"))

    wip = add_verb(verbs, common, "wip", cmd_wip, _("show WIP limits, or set one: uplift wip doing 4 (or off)"))
    names(wip.add_argument("status", nargs="?", type=status_arg, help=_("the status whose limit to set")), "status")
    wip.add_argument("limit", nargs="?", help=_("the most tasks it may hold, or off"))
    wip.add_argument("--json", action="store_true", help=_("machine-readable output"))
