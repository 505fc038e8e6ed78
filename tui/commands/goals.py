"""`uplift goal ...` and `uplift strategy ...`: SMART goals, check-ins, and the strategies behind them."""

from __future__ import annotations

import argparse
import sys

from sales.errors import Invalid
from sales.goals import (CONFIDENCES, DIMENSIONS, DIRECTIONS, GAP_NO_STRATEGY, OUTCOMES, ROLLUPS, percent_refusal,
                         read_target)
from sales.pace import describe_value
from tui.cli_output import say_line
from tui.cli_refs import REPEATED, add_ref, names
from tui.cli_support import EXIT_OK, BadInput, add_verb, cli_date, cli_number, open_board, whose
from tui.goal_text import metric_key, standing_text
from tui.i18n import _, n_


def cmd_goal_list(args: argparse.Namespace) -> int:
    from sales.goals import in_cycle
    from tui.cli_output import on_screen, print_json
    from tui.goals_output import goal_rows, report_json, smart_legend

    board = open_board(args)
    owner = whose(args, board)
    goals = [g for g in board.goals() if not owner or g.owner == owner]
    start, end = board.plan_period()
    # the plan's cycle's goals; the last cycle's are its review's (and `goal carry` carries one on)
    other = [] if args.all else [g.id for g in goals if not in_cycle(g, start, end)]
    reports = [board.report(g) for g in goals if g.id not in other]
    if args.json:
        print_json([report_json(r) for r in reports])
        return EXIT_OK
    if reports:
        print(goal_rows(reports))
        print(on_screen(smart_legend()))
        _print_gaps(board, GAP_NO_STRATEGY)
    elif not other:
        say_line(_("No goals match.") if board.goals() else
                 _("No goals yet: add one with `uplift goal add \"Grow revenue 15%\" --metric revenue ...`."))
    if other:
        print(n_("{count} goal of another cycle not shown ({ids}; --all shows it)",
                 "{count} goals of other cycles not shown ({ids}; --all shows them)", len(other)).format(
            count=len(other), ids=", ".join(other)))
    return EXIT_OK


def _print_gaps(board, only: str | None = None) -> None:
    """The plan's gaps (sales.goals.plan_gap_parts) in the interface's language; `only`: those of
    one template."""
    from sales.goals import plan_gap_parts
    from sales.text import safe
    from tui.cli_output import on_screen

    for template, values in plan_gap_parts(board.goals(), board.strategies(), board.tasks()):
        if only in (None, template):
            print(on_screen(safe("! " + _(template).format(**values))))


def cmd_goal_show(args: argparse.Namespace) -> int:
    from tui.cli_output import detail_on_screen, print_json
    from tui.goals_output import goal_detail, report_json

    board = open_board(args)
    report = board.report(args.id)
    history = board.history(item=report.goal.id)
    if args.json:
        print_json({"goal": report_json(report), "history": history})
    else:
        from sales.goals import contributors

        # on a terminal each long line wrapped under itself, as `task show` and `deal show` are
        goals = board.goals()
        print(detail_on_screen(goal_detail(report, history, [board.report(g) for g in contributors(
            report.goal.id, goals)], board.strategy_money(),
            [g.id for g in goals if g.carried_from == report.goal.id])))
    return EXIT_OK



def _goal_fields(board, args: argparse.Namespace, editing: bool) -> dict:
    fields: dict = {"owner": args.owner, "parent": args.parent, "rollup": args.rollup,
                    "metric": metric_key(args.metric), "unit": args.unit,
                    "direction": args.direction, "description": args.description,
                    "start": cli_date(board, args.start, "start"),
                    "deadline": cli_date(board, args.deadline, "deadline")}
    if args.baseline is not None and not args.baseline.strip():
        fields["baseline"] = fields["baseline_source"] = ""  # (cleared, below)
    elif args.baseline is not None:
        word = args.baseline.strip().lower()
        fields["baseline"] = (" ".join(args.baseline.split()) if word.split()[0] in ("snapshot", "latest")
                              else cli_number(args.baseline, "baseline"))  # `snapshot X-1`: that one's
        if not isinstance(fields["baseline"], str):
            fields["baseline_source"] = ""
    if args.target is not None and not args.target.strip():
        fields["target"] = fields["target_kind"] = ""  # (cleared, below)
    elif args.target is not None:
        # (`50%`: a rate's value, or no value of an amount: the goal's metric and unit say which)
        old = board.goal(args.id) if editing else None
        metric = fields["metric"] if fields["metric"] is not None else old.metric if old else ""
        unit = fields["unit"] if fields["unit"] is not None else old.unit if old else ""
        try:
            fields["target"], fields["target_kind"] = read_target(args.target, metric, unit)
        except ValueError as error:
            raise Invalid("target", error) from None
    scope = {name: getattr(args, name) for name in ("region", "product_line", "channel", "segment")
             if getattr(args, name) is not None}
    if scope:
        current = board.goal(args.id).scope.given() if editing else {}
        fields["scope"] = {k: v for k, v in {**current, **scope}.items() if v}
    if args.subtarget is not None:
        fields["subtargets"] = [{"text": text} for text in args.subtarget if text]
    # an empty value clears a field when editing
    return {k: (None if v == "" else v) for k, v in fields.items() if v is not None}


def cmd_goal_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    goal = board.add_goal(args.title, **_goal_fields(board, args, editing=False))
    print(goal.id)
    _say_relative_rate(goal, args)
    return EXIT_OK


def _say_relative_rate(goal, args: argparse.Namespace) -> None:
    """On stderr (stdout is the id scripts read), what a `+5%` typed for a rate's target came to:
    a change in % of the baseline (40% → 42%), where a lead may have meant points (+5pp)."""
    from tui.goal_text import relative_rate_note

    if args.target is not None and (note := relative_rate_note(goal)):
        from sales.text import safe

        print(safe(_("note: {note}").format(note=note)), file=sys.stderr)


def cmd_goal_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = _goal_fields(board, args, editing=True)
    if args.title is not None:
        fields["title"] = args.title
    if not fields:
        raise BadInput("nothing to change: give at least one of --title, --metric, --target, ...")
    goal = board.update_goal(args.id, **fields)
    print(goal.id)
    _say_relative_rate(goal, args)
    return EXIT_OK


def cmd_goal_carry(args: argparse.Namespace) -> int:
    from sales.goals import DIRECTION_LABELS, describe_target
    from sales.text import safe
    from tui.goal_text import points_word

    board = open_board(args)
    fields: dict = {"title": args.title, "owner": args.owner}
    if len(args.id) > 1 and any(v is not None for v in (args.title, args.owner, args.target)):
        raise BadInput("--target, --title and --owner are one goal's: give one goal with them "
                       "(several goals carried at once keep their own)")
    if args.target is not None:
        old = board.goal(args.id[0])
        try:
            fields["target"], fields["target_kind"] = read_target(args.target, old.metric, old.unit)
        except ValueError as error:
            raise Invalid("target", error) from None
    verbs = {direction: _(label) for direction, label in DIRECTION_LABELS.items()}
    for new in board.carry_goals(args.id, **fields):  # (all of them, or none)
        print(safe(_("{new}: {old} carried on, {start} to {deadline}, from {baseline} ({old} at its end), {target}").format(
            new=new.id, old=new.carried_from, start=new.start, deadline=new.deadline,
            baseline=describe_value(new.baseline, new.unit), target=describe_target(new, verbs, points_word(), _(" ({note})")))))
        _say_relative_rate(new, args)
    return EXIT_OK


def cmd_goal_close(args: argparse.Namespace) -> int:
    from sales.text import safe
    from tui.goal_text import standing_text

    board = open_board(args)
    value = None
    if args.value is not None:
        value = cli_number(args.value, "value")
        if why := percent_refusal(args.value, board.goal(args.id).unit):
            raise Invalid("value", why)
    goal = board.close_goal(args.id, args.outcome, args.note or "", value)
    print(safe(f"{goal.id}: " + standing_text(board.report(goal))))
    return EXIT_OK


def cmd_goal_reopen(args: argparse.Namespace) -> int:
    from tui.goal_text import standing_text

    board = open_board(args)
    goal = board.reopen_goal(args.id)
    print(_("{id} reopened; {standing}").format(id=goal.id, standing=standing_text(board.report(goal))))
    return EXIT_OK


def cmd_goal_checkin(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json
    from tui.goals_output import report_json

    board = open_board(args)
    value = cli_number(args.value, "value")
    if why := percent_refusal(args.value, board.goal(args.id).unit):
        raise Invalid("value", why)
    entry = board.checkin(args.id, value, args.confidence, args.comment or "",
                          on=cli_date(board, args.date, "date") or None)
    report = board.report(entry.goal)
    from sales.goals import number

    if report.goal.unit == "%" and 0 < abs(entry.value) < 1 and not args.value.strip().endswith("%"):
        # (0.33 on a goal in %: taken as 0.33 %, as typed, but a share written as a fraction is a slip)
        print(_("note: {goal} is measured in %: {value} was taken as {value}%; for {percent}%, "
                "give {percent}").format(goal=entry.goal, value=number(entry.value),
                                         percent=number(round(entry.value * 100, 6))), file=sys.stderr)
    if args.json:
        print_json({"checkin": entry, "goal": report_json(report)})
    else:
        # the value as read, not as typed: `12,5` is shown as the 12.5 it was taken for
        said = dict(id=entry.id, goal=entry.goal, pace=standing_text(report),
                    value=describe_value(entry.value, report.goal.unit))
        if args.date is None:
            print(_("{id}: {goal} at {value}; {pace}").format(**said))
        else:  # (a past day's value, which counts only if no later one does: the pace says the latest's)
            print(_("{id}: {goal} at {value} on {date}; {pace}").format(date=entry.at.date(), **said))
    return EXIT_OK


def cmd_goal_uncheck(args: argparse.Namespace) -> int:
    board = open_board(args)
    entry = board.delete_checkin(args.id)
    report = board.report(entry.goal)
    print(_("deleted {id} ({value} on {goal}); {goal} now {now}; {pace}").format(
        id=entry.id, value=describe_value(entry.value, report.goal.unit), goal=entry.goal,
        now=describe_value(report.pace.current, report.goal.unit), pace=standing_text(report)))
    return EXIT_OK


def deletion_note(deleted: str, links: list[tuple[str, str]], owned: str = "") -> str:
    """`deleted G-3; its 2 check-ins with it; S-1, T-4 stay, unlinked`: what a delete touched
    (links: board.links_to before it; owned: the kind that went with it: check-ins)."""
    gone = [item for kind, item in links if kind == owned]
    kept = [item for kind, item in links if kind != owned]
    parts = [_("deleted {id}").format(id=deleted)]
    if gone:  # (only check-ins go with what they belong to)
        parts.append(n_("its {count} check-in with it", "its {count} check-ins with it", len(gone)).format(count=len(gone)))
    if kept:
        parts.append(n_("{ids} stays, unlinked", "{ids} stay, unlinked", len(kept)).format(ids=", ".join(kept)))
    return _("; ").join(parts)


def cmd_goal_delete(args: argparse.Namespace) -> int:
    board = open_board(args)
    goal = board.goal(args.id)
    links = board.links_to("goal", goal.id)
    board.delete_goal(goal.id)
    print(deletion_note(goal.id, links, owned="checkin"))
    return EXIT_OK


def cmd_strategy_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json
    from tui.goals_output import strategy_rows

    board = open_board(args)
    strategies = board.strategies()
    if args.goal:
        goal = board.goal(args.goal).id
        strategies = [s for s in strategies if goal in s.goals]
    counts: dict[str, int] = {}
    for task in board.tasks():
        if task.strategy:
            counts[task.strategy] = counts.get(task.strategy, 0) + 1
    money_of = board.strategy_money()
    if args.json:
        import msgspec

        print_json([{**msgspec.to_builtins(s), "tasks": counts.get(s.id, 0),
                     "approved": money_of.get(s.id, (0.0, 0.0))[0], "spent": money_of.get(s.id, (0.0, 0.0))[1]}
                    for s in strategies])
    elif strategies:
        print(strategy_rows(strategies, counts, money_of))
        _print_gaps(board)
    else:
        say_line(_("No strategies match.") if board.strategies() else
                 _("No strategies yet: add one with `uplift strategy add \"Target mid-market\" --goal G-1`."))
    return EXIT_OK


def cmd_strategy_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    strategy = board.add_strategy(args.title, dimension=args.dimension, goals=args.goal or [],
                                  description=args.description or "")
    print(strategy.id)
    return EXIT_OK


def cmd_strategy_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = {"title": args.title, "dimension": args.dimension, "description": args.description}
    if args.goal is not None:  # the goals it serves, all of them (--goal "" for none)
        fields["goals"] = [g for g in args.goal if g.strip()]
    fields = {k: v for k, v in fields.items() if v is not None}
    if not fields:
        raise BadInput("nothing to change: give at least one of --title, --dimension, --goal, --description")
    print(board.update_strategy(args.id, **fields).id)
    return EXIT_OK


def cmd_strategy_delete(args: argparse.Namespace) -> int:
    board = open_board(args)
    strategy = board.strategy(args.id)
    links = board.links_to("strategy", strategy.id)
    board.delete_strategy(strategy.id)
    print(deletion_note(strategy.id, links))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    goal = verbs.add_parser("goal", help=_("SMART goals and their check-ins")).add_subparsers(
        title=_("goal commands"), metavar="VERB", required=True)
    lst = add_verb(goal, common, "list", cmd_goal_list, _("list goals with their SMART badges and pace"))
    add_ref(lst, "--owner", kind="member", owns=("goals",), metavar="U", help=_("only this owner's goals"))
    lst.add_argument("--mine", action="store_true", help=_("only my goals"))
    lst.add_argument("--all", action="store_true",
                     help=_("every goal, those of other cycles too (default: the plan's cycle's)"))
    lst.add_argument("--json", action="store_true")

    def goal_options(sub: argparse.ArgumentParser, owns: tuple[str, ...] = ()) -> None:
        add_ref(sub, "--owner", kind="member", owns=owns, metavar="U", help=_("who owns it (on add, you unless given)"))
        add_ref(sub, "--parent", kind="goal", metavar="G", help=_("the goal it contributes to (a rep's part of a team goal)"))
        sub.add_argument("--rollup", choices=ROLLUPS,
                         help=_("where its progress comes from: its own check-ins (none), or the sum or "
                              "average of the goals that contribute to it (same metric and unit)"))
        sub.add_argument("--metric", help=_("a diagnosis KPI (revenue, win_rate, ...) or your own"))
        for name, scope_help in (("region", _("scope: the region (all for every one)")),
                                 ("product-line", _("scope: the product line (all for every one)")),
                                 ("channel", _("scope: the channel (all for every one)")),
                                 ("segment", _("scope: the segment (all for every one)"))):
            sub.add_argument(f"--{name}", metavar="NAME", help=scope_help)
        sub.add_argument("--baseline", metavar="N", help=_("where it starts: a number, or `snapshot` for the latest diagnosis value (`snapshot X-3` for that diagnosis's)"))
        sub.add_argument("--target", metavar="N", help=_("a value (1.38M), a change (+15%%) or rate points (+5pp)"))
        sub.add_argument("--unit", help=_("$, %%, customers, ..."))
        sub.add_argument("--direction", choices=DIRECTIONS, help=_("increase to, decrease to, stay above, stay below"))
        sub.add_argument("--start", metavar="DATE")
        sub.add_argument("--deadline", metavar="DATE", help="YYYY-MM-DD, +6w, ...")
        sub.add_argument("--subtarget", action="append", metavar="TEXT",
                         help=_("e.g. \"new customers >= 30%% of the growth\" (repeatable)"))
        sub.add_argument("--description", metavar="TEXT")

    add = add_verb(goal, common, "add", cmd_goal_add, _("add a goal and print its id"))
    add.add_argument("title")
    goal_options(add)
    edit = add_verb(goal, common, "edit", cmd_goal_edit, _("change fields of a goal (an empty value clears one)"))
    names(edit.add_argument("id"), "goal")
    edit.add_argument("--title")
    goal_options(edit, owns=("goals",))  # (a goal keeps an owner who has left, until handed on)
    show = add_verb(goal, common, "show", cmd_goal_show, _("a goal with its SMART check, pace and check-ins"))
    names(show.add_argument("id"), "goal")
    show.add_argument("--json", action="store_true")
    delete = add_verb(goal, common, "delete", cmd_goal_delete,
                      _("delete a goal and its check-ins; what serves it stays, unlinked (leads only)"))
    names(delete.add_argument("id"), "goal")
    carry = add_verb(goal, common, "carry", cmd_goal_carry,
                     _("carry a goal of the last cycle on into the plan's cycle, from where it ended (leads only)"))
    names(carry.add_argument("id", nargs="+", help=_("the goal, or several (each keeping its target)")), "goal")
    carry.add_argument("--target", metavar="N",
                       help=_("the new cycle's target: an absolute value (1.5M), a change (+10%%) or, on a rate, points (+5pp); default the old one"))
    carry.add_argument("--title", help=_("the new goal's title (default the old one's)"))
    add_ref(carry, "--owner", kind="member", metavar="U", help=_("who owns it now (default the old goal's owner)"))
    close = add_verb(goal, common, "close", cmd_goal_close,
                     _("close a goal with how it ended and a closing note (a lead's, or its owner's; dropping is a lead's)"))
    names(close.add_argument("id"), "goal")
    close.add_argument("--outcome", choices=OUTCOMES,
                       help=_("how it ended (default: what its numbers say: achieved at its target, "
                              "missed if it never moved toward it, partly in between)"))
    close.add_argument("--note", metavar="TEXT", help=_("why it ended so: what worked, what did not"))
    close.add_argument("--value", metavar="N",
                       help=_("its final value (default: where it stood on its deadline, or now)"))
    reopen = add_verb(goal, common, "reopen", cmd_goal_reopen, _("take a goal's closing back: it runs again"))
    names(reopen.add_argument("id"), "goal")
    checkin = add_verb(goal, common, "checkin", cmd_goal_checkin, _("record where a goal's metric stands now"))
    names(checkin.add_argument("id"), "goal")
    checkin.add_argument("value", help=_("where the metric stands now (1.26M, 31.5, 12%%)"))
    checkin.add_argument("--confidence", choices=CONFIDENCES,
                         help=_("how sure you are that the goal will be met (default: as the last check-in said, "
                                "else on_track)"))
    checkin.add_argument("--comment", metavar="TEXT")
    checkin.add_argument("--date", metavar="DATE", help=_("where it stood on a past day (YYYY-MM-DD, yesterday, -1w; default now)"))
    checkin.add_argument("--json", action="store_true")
    uncheck = add_verb(goal, common, "uncheck", cmd_goal_uncheck,
                       _("delete a check-in (a lead's, or the rep's who made it)"))
    names(uncheck.add_argument("id", help=_("the check-in, as `goal show` lists it (C-12)")), "checkin")

    strategy = verbs.add_parser("strategy", help=_("strategies that serve the goals")).add_subparsers(
        title=_("strategy commands"), metavar="VERB", required=True)
    slist = add_verb(strategy, common, "list", cmd_strategy_list, _("list strategies with their goals and task counts"))
    add_ref(slist, "--goal", kind="goal", metavar="G", help=_("only strategies serving this goal"))
    slist.add_argument("--json", action="store_true")
    sadd = add_verb(strategy, common, "add", cmd_strategy_add, _("add a strategy and print its id"))
    sadd.add_argument("title")
    sadd.add_argument("--dimension", choices=DIMENSIONS, default="market", help=_("what it works on (default market)"))
    add_ref(sadd, "--goal", kind="goal", how=REPEATED, action="append", metavar="G", help=_("a goal it serves (repeatable)"))
    sadd.add_argument("--description", metavar="TEXT")
    sedit = add_verb(strategy, common, "edit", cmd_strategy_edit, _("change a strategy (leads only)"))
    names(sedit.add_argument("id"), "strategy")
    sedit.add_argument("--title")
    sedit.add_argument("--dimension", choices=DIMENSIONS, help=_("what it works on"))
    add_ref(sedit, "--goal", kind="goal", how=REPEATED, action="append", metavar="G",
                       help=_("a goal it serves (repeatable; replaces the list; --goal '' for none)"))
    sedit.add_argument("--description", metavar="TEXT")
    sdelete = add_verb(strategy, common, "delete", cmd_strategy_delete,
                       _("delete a strategy; its tasks, budget lines, training and the deals it brought stay, "
                         "unlinked (leads only)"))
    names(sdelete.add_argument("id"), "strategy")
