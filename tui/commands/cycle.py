"""`uplift cycle`: the whole cycle at a glance, where each of the five phases stands."""

from __future__ import annotations

import argparse

from tui.cli_support import EXIT_OK, add_verb, open_board
from tui.i18n import _


def cmd_cycle(args: argparse.Namespace) -> int:
    from sales.text import safe
    from tui.cli_output import detail_on_screen, print_json
    from tui.cycle_text import heading, phases
    from tui.remote import is_remote

    board = open_board(args)
    cycle = board.cycle()
    if args.json:
        import msgspec

        from sales.phrases import english
        from tui.cli_output import fraction

        data = msgspec.to_builtins(cycle, enc_hook=english)
        if (review := data.get("review")) and review.get("top_reason"):  # [reason, share of the value lost]
            review["top_reason"] = [review["top_reason"][0], fraction(review["top_reason"][1])]
        print_json(data)
        return EXIT_OK
    print(detail_on_screen(safe(heading(cycle, may_set=board.may("board.settings")))))
    for _mode, title, lines in phases(cycle, may_diagnose=board.may("diagnosis.save"), remote=is_remote(),
                                       may_carry=board.may("goal.add")):
        print()
        print(safe(title))
        for line in lines:
            print(detail_on_screen(safe(f"  {line}")))  # (on a terminal, wrapped under itself)
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    cycle = add_verb(verbs, common, "cycle", cmd_cycle, _("the whole cycle at a glance: where each phase stands"))
    cycle.add_argument("--json", action="store_true")
