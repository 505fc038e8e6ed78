"""`uplift member ...` and `uplift wip`: who is on the board, and the columns' WIP limits."""

from __future__ import annotations

import argparse

from sales.tasks import STATUSES
from tui.cli_support import EXIT_OK, BadInput, add_verb, open_board, status_arg


def cmd_member_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    member = board.add_member(args.name, args.role)
    print(f"{member.name} ({member.role})")
    return EXIT_OK


def cmd_member_remove(args: argparse.Namespace) -> int:
    board = open_board(args)
    member = board.remove_member(args.name)
    print(f"removed {member.name}")
    return EXIT_OK


def cmd_member_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = open_board(args)
    members = board.members()
    if args.json:
        print_json(members)
    elif members:
        print(table(["NAME", "ROLE"], [[m.name, m.role] for m in members]))
    else:
        print("No members: the board is in single-user mode (everyone is a lead). "
              "Add the lead first: `uplift member add NAME --role lead`.")
    return EXIT_OK


def cmd_wip(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    if args.status is None:
        limits = board.wip_limits()
        print("\n".join(f"{s}: {limits[s]}" for s in STATUSES if s in limits) or "No WIP limits set.")
        return EXIT_OK
    if args.limit is None:
        raise BadInput("give a limit (a whole number) or `off`")
    limit = None if args.limit.lower() in ("off", "none", "0") else _positive(args.limit)
    board.set_wip_limit(args.status, limit)
    print(f"{args.status}: {limit if limit else 'no limit'}")
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit():
        raise BadInput(f"limit: {text!r} is not a whole number")
    return int(text)


def register(verbs, common: argparse.ArgumentParser) -> None:
    member = verbs.add_parser("member", help="the board's members and roles").add_subparsers(
        title="member commands", metavar="VERB", required=True)
    madd = add_verb(member, common, "add", cmd_member_add, "add a member (the first must be a lead)")
    madd.add_argument("name")
    madd.add_argument("--role", choices=("lead", "rep"), required=True)
    mrem = add_verb(member, common, "remove", cmd_member_remove, "remove a member")
    mrem.add_argument("name")
    mlist = add_verb(member, common, "list", cmd_member_list, "list members")
    mlist.add_argument("--json", action="store_true")

    wip = add_verb(verbs, common, "wip", cmd_wip, "show WIP limits, or set one: uplift wip doing 4 (or off)")
    wip.add_argument("status", nargs="?", type=status_arg)
    wip.add_argument("limit", nargs="?")
