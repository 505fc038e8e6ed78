"""`uplift review`, `uplift payout`, `uplift leaderboard`, `uplift incentive`: phase 5, review
and reward. Reading is open to everyone on the board; answers, ticks and incentive plans are a
lead's."""

from __future__ import annotations

import argparse
import sys

import msgspec

from sales.errors import Refused
from tui.cli_output import say_line
from tui.cli_refs import add_ref, names
from tui.cli_support import EXIT_BAD_INPUT, EXIT_OK, BadInput, add_output_flags, add_path, add_verb, check_output_flags, item_number, open_board, whose, write_output
from tui.cycle_reading import reading_given_cycle
from tui.i18n import N_, _, language, p_, say
from tui.number_text import gap_or_dash, num_or_dash, pct_or_dash


#: `uplift review`'s tables (upper-cased, as `uplift forecast`'s are).
GOAL_COLUMNS = (N_("Goal"), N_("Baseline"), N_("Target"), N_("Actual"), N_("Attained"), N_("Gap"), N_("Source"), N_("Title"))
PROCESS_COLUMNS = (N_("Process metric"),)
#: Which columns a narrow terminal leaves out first (by index): where a figure came from, then
#: where it began, the gap (target less actual), the target; the title is wrapped.
GOAL_LEAST_FIRST = (6, 1, 5, 2)
#: The won deals' ids first (`uplift deal list` has them), then the spend, tasks and deals.
STRATEGY_LEAST_FIRST = (3, 5, 1, 2)
LEADERBOARD_COLUMNS = (N_("Rank"), N_("Rep"), N_("Attainment"), N_("Won value"), N_("Activities"))
RECOGNITION_COLUMN = N_("Recognition")
INCENTIVE_COLUMNS = (N_("Quota"), N_("Tiers"), N_("Cap"), N_("Pays"), N_("Name"))


def cmd_review(args: argparse.Namespace) -> int:
    board = open_board(args)
    with reading_given_cycle(board, args):
        return _print_review(board, args)


def _print_review(board, args: argparse.Namespace) -> int:
    from sales.text import safe
    from tui.cli_output import WIN_LOSS_RATIOS, on_screen, print_json, table

    if args.json:
        print_json(board.review(), fractions=(*WIN_LOSS_RATIOS, "attainment"))
        return EXIT_OK
    start, end = board.period()
    if start and end:  # (which cycle: this one, or the one --start and --end named)
        print(on_screen(_("cycle  {start} to {end}").format(start=start, end=end)))
        print()
    goals = board.goal_results()
    print(table([_(name).upper() for name in GOAL_COLUMNS], [
        [g.goal, num_or_dash(g.baseline, g.unit), num_or_dash(g.target, g.unit), num_or_dash(g.actual, g.unit), pct_or_dash(g.attainment),
         gap_or_dash(g.gap, g.unit), say(g.source), g.title] for g in goals], least_first=GOAL_LEAST_FIRST)
          if goals else _("No goals yet.") if not board.goals() else
          _("No goals in this cycle (`uplift goal carry ID --target N` carries one of the last cycle's on)."))
    p = board.process_metrics()
    print()
    print(table([*(_(name).upper() for name in PROCESS_COLUMNS), p_("process metric", "value").upper()], [
        [_("won value"), num_or_dash(p.won_value)], [_("deals won"), str(p.won_deals)],
        [_("new customers"), str(p.new_customers)], [_("activities"), str(p.activities)],
        [_("win rate"), pct_or_dash(p.win_rate)],
        [_("customer satisfaction"),
         f"{num_or_dash(p.csat)} ({say(p.csat_source)})" if p.csat is not None else _("not recorded")],
        [_("budget spent"), num_or_dash(p.spent)], [_("spent per deal won"), num_or_dash(p.spent_per_won)]],
        figures=(1,)))  # (right-aligned although "not recorded" may stand in one's place)
    strategies = board.strategy_results()
    if strategies:
        from tui.review_text import STRATEGY_COLUMNS, STRATEGY_FIGURES, strategy_rows

        print()
        print(table([_(name).upper() for name in STRATEGY_COLUMNS], strategy_rows(strategies),
                    least_first=STRATEGY_LEAST_FIRST, max_last=50,
                    figures=[i for i, name in enumerate(STRATEGY_COLUMNS) if name in STRATEGY_FIGURES]))
        print(on_screen(_("A deal counts for the strategy that brought it (uplift deal edit D-N --strategy S-N), "
                          "else for each strategy whose tasks worked on it (a task's deal: uplift task edit T-N "
                          "--deal D-N)."), hang=0))
    print()
    answers = board.may("answer.add")  # (a rep is not sent to a lead's command)
    for n, (question, answer) in enumerate(board.answers_by_question(lang=language()), 1):
        print(on_screen(safe(f"{n}. {question}"), hang=len(str(n)) + 2))
        said = (answer.answer if answer and answer.answer
                else _("(not answered: uplift review answer {number} TEXT)").format(number=n) if answers
                else _("(not answered yet: a lead answers it)"))
        print(on_screen(safe("   " + said), hang=3))  # (on a terminal, wrapped under itself)
    return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    board = open_board(args)
    with reading_given_cycle(board, args):
        answer = board.answer_question(args.number, " ".join(args.text))
    print(answer.id)
    return EXIT_OK


def cmd_tick(args: argparse.Namespace) -> int:
    if args.number is None and (args.undo or args.toggle):
        raise BadInput("{flag} needs the item's number: uplift review tick N {flag}",
                       flag="--undo" if args.undo else "--toggle")
    board = open_board(args)
    with reading_given_cycle(board, args):
        if args.number is None:
            from tui.cli_output import checklist_item

            for n, (text, tick) in enumerate(board.checklist("review", lang=language()), 1):
                print(checklist_item(n, tick is not None, text))
            return EXIT_OK
        before = board.checklist("review", lang=language())
        was = before[args.number - 1][1] is not None if 0 < args.number <= len(before) else None
        done = board.tick_checklist(args.number - 1, None if args.toggle else not args.undo, which="review")
    if was == done:  # nothing changed (and nothing was logged)
        print((_("{number} was already ticked") if done else _("{number} was not ticked")).format(number=args.number))
    else:
        print((_("ticked {number}") if done else _("unticked {number}")).format(number=args.number))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from sales.review_report import render
    from tui.i18n import say

    board = open_board(args)
    with reading_given_cycle(board, args):
        text = render(board.review_data(language()), say)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return EXIT_OK
    write_output(args.output, text.encode("utf-8"), board)
    print(_("wrote {path}").format(path=args.output))
    return EXIT_OK


def cmd_payout(args: argparse.Namespace) -> int:
    from sales.payout import money
    from sales.text import safe
    from tui.cli_output import detail_on_screen, print_json
    from tui.review_text import approval_text, changed_lines, hold_text

    check_output_flags(args)
    board = open_board(args)
    with reading_given_cycle(board, args):  # (a past cycle's statements, with their approvals: `--start --end`)
        statements = board.payouts(whose(args, board))
        period = board.period()
    if args.team and (args.json or args.csv):
        raise BadInput("--team is the team's overview, for a person: the statements in full are --json or --csv alone")
    if args.json:
        print_json(statements, fractions=("attainment",))
        return EXIT_OK
    if args.csv:
        _payroll_csv(statements, *period, args.output, board)
        return EXIT_OK
    if args.team and statements:
        from tui.cli_output import table
        from tui.review_text import TEAM_COLUMNS, team_row

        print(table([_(name).upper() for name in TEAM_COLUMNS], [team_row(s) for s in statements], figures=(1,)))
        return EXIT_OK
    for index, s in enumerate(statements):
        if index:
            print()
        print(detail_on_screen(safe(_("{rep} ({plan}): {total}").format(
            rep=s.rep, plan=s.plan or _("no incentive plan"), total=money(s.total)))))
        if s.hold is not None:  # (first: the rep reads why it is not paid before the figures)
            print(detail_on_screen(safe("  " + hold_text(s.hold))))
        for line in s.lines:
            print(detail_on_screen(safe(f"  {say(line.text)}")))  # (on a terminal, wrapped under itself)
        for award in s.recognition:
            print(detail_on_screen(safe("  " + _("recognition: {award}").format(award=award))))
        if approved := approval_text(s, "uplift payout approve"):
            print(detail_on_screen(safe("  " + approved)))
        for text, _amount in changed_lines(s):
            print(detail_on_screen(safe(f"    {text}")))
    if not statements:  # (a newcomer's board: say what fills it, as the leaderboard does)
        say_line(_("No reps on this board yet: add one with `uplift member add NAME --role rep`."))
    return EXIT_OK


PAYROLL_COLUMNS = ("rep", "plan", "cycle_start", "cycle_end", "quota", "won_value", "attainment_pct", "commission",
                   "bonuses", "clawback", "total", "approval", "approved_by", "approved_at", "approved_total",
                   "changed_since_approval", "paid_so_far", "to_pay", "paid_at", "paid_ref", "release", "earned", "held",
                   "carried_in", "carried_out")


def _payroll_csv(statements, start, end, output: str | None, board) -> None:
    """One row per rep, as payroll takes it: the statement's sums and its sign-off (whether the
    statement still says what was approved). `total` is what is payable now; under an incentive
    plan with `release: paid`, `earned` is the total were nothing held and `held` waits for
    customers to pay (release `won`: earned = total, held 0). `carried_in`: a balance below zero
    an earlier cycle's approved statement left, netted; `carried_out`: what this one leaves below
    zero for the next (its total is then 0)."""
    from sales.approvals import same_as_approved, to_pay
    from sales.numbers import half_up
    from sales.text import safe
    from tui.cli_output import print_csv

    def instant(moment) -> str:  # (as --json writes it: 2026-12-05T03:23:00Z)
        return msgspec.to_builtins(moment)

    rows = []
    for s in statements:
        if s.hold is not None:  # held out of the payroll run until a lead releases it
            print(safe(_("{rep}: on hold ({id}: {reason}), left out of the payroll export").format(
                rep=s.rep, id=s.hold.id, reason=s.hold.reason)), file=sys.stderr)
            continue
        a = s.approval
        rows.append([s.rep, s.plan, start, end, s.quota, s.won_value,
                     None if s.attainment is None else half_up(s.attainment, 1), s.commission, s.bonuses,
                     s.clawback, s.total, a and a.id, a and a.by, a and instant(a.at),
                     a and a.total, None if a is None else not same_as_approved(a, s),
                     s.paid, to_pay(a, s.paid), a and a.paid_at and instant(a.paid_at),
                     a and a.paid_ref, s.release, s.earned, s.held, s.carried_in, s.carried_out])
    print_csv(PAYROLL_COLUMNS, rows, output, board)


def cmd_payout_paid(args: argparse.Namespace) -> int:
    board = open_board(args)
    with reading_given_cycle(board, args):  # (a past cycle's: what was released since it ended, approved again)
        return _mark_paid(board, args)


def _mark_paid(board, args: argparse.Namespace) -> int:
    from sales.approvals import overpaid, to_pay
    from sales.payout import money
    from sales.text import safe
    from tui.review_text import beyond_text

    statements = board.payouts(args.rep)  # (read once: each read works every statement out again)
    before = {s.rep: s.paid for s in statements}  # paid for the cycle already
    marked = board.mark_paid(args.rep, args.ref or "")
    # (held: left out of payroll, and said, as approving says it)
    _say_held(statements, _("{rep}: on hold ({id}: {reason}), not marked paid until a lead releases it"))
    for approval in marked:
        paid = before.get(approval.rep)
        values = dict(id=approval.id, rep=approval.rep, total=money(approval.total), ref=approval.paid_ref,
                      before=money(paid or 0), now=money(to_pay(approval, paid) or 0))
        beyond = overpaid(approval, paid)
        if beyond:  # approved lower than was paid: nothing taken back, the rest carried on
            print(safe(_("{id} {rep}: {total} marked paid; {before} paid before, so nothing now; {more}").format(
                more=beyond_text(beyond), **values)))
            continue
        said = ((_("{id} {rep}: {total} paid ({ref}); {before} of it paid before, so {now} now") if paid else
                 _("{id} {rep}: {total} paid ({ref})")) if approval.paid_ref else
                (_("{id} {rep}: {total} paid; {before} of it paid before, so {now} now") if paid else
                 _("{id} {rep}: {total} paid")))
        print(safe(said.format(**values)))
    if not marked:
        from sales.approvals import same_as_approved

        on_plan = [s for s in statements if s.plan and s.hold is None]
        if any(s.hold is not None for s in statements):  # held: nothing done, and why
            raise Refused("nothing marked paid: the statements left to pay are on hold (a lead releases one with "
                          "`uplift payout hold REP --release`)")
        if on_plan and all(s.approval and s.approval.paid_at and same_as_approved(s.approval, s) for s in on_plan):
            print(_("Nothing to mark paid: every statement is paid as approved."))  # done already: a repeat
            return EXIT_OK
        raise Refused("nothing to mark paid: no approved statement is waiting for payment "
                      "(uplift payout approve first)")
    return EXIT_OK


def cmd_payout_approve(args: argparse.Namespace) -> int:
    board = open_board(args)
    with reading_given_cycle(board, args):  # (a past cycle's: a deal moved or paid since it ended, approved again)
        return _approve(board, args)


def _approve(board, args: argparse.Namespace) -> int:
    from sales.payout import money

    made = board.approve_payouts(args.rep, args.note or "")
    for approval in made:
        print(_("{id} {rep}: {total}").format(id=approval.id, rep=approval.rep, total=money(approval.total)))
    statements = board.payouts(args.rep)  # (read once: each read works every statement out again)
    _say_held(statements, _("{rep}: on hold ({id}: {reason}), not approved until a lead releases it"))
    end = board.period()[1]
    if made and end is not None and board.today() < end:  # allowed (an advance), and said
        print(_("note: the cycle runs to {end}: these statements are approved as they stand today; "
                "a deal that moves later changes them, and they show as changed since").format(end=end), file=sys.stderr)
    if not made and not any(s.plan for s in statements):  # nothing there to approve: refused
        if args.rep:
            raise Refused("nothing to approve: {rep} is on no incentive plan (uplift incentive set FILE.yaml)",
                          rep=args.rep)
        raise Refused("nothing to approve: no rep is on an incentive plan (uplift incentive set FILE.yaml)")
    if not made and any(s.hold is not None for s in statements):  # held: nothing done, and why
        raise Refused("nothing approved: the statements left to approve are on hold (a lead releases one with "
                      "`uplift payout hold REP --release`)")
    if not made and not any(s.approval for s in statements if s.plan):  # only empty ones: nothing there
        if args.rep:
            raise Refused("nothing to approve: {rep}'s statement has nothing in it (every amount 0.00)",
                          rep=args.rep)
        raise Refused("nothing to approve: no statement has anything in it (every amount 0.00)")
    for s in _empty(statements):  # (My day does not ask for these either: sales.approvals.waits_for_approval)
        print(_("{rep}: nothing in the statement (every amount 0.00), not approved").format(rep=s.rep),
              file=sys.stderr)
    if not made:  # approved as they stand already: a repeat, done
        print(_("Nothing to approve: every statement with anything in it says what its approval says.")
              if _empty(statements) else _("Nothing to approve: every statement says what its approval says."))
    return EXIT_OK


def _empty(statements) -> list:
    """The statements on a plan and not held, never approved, whose every amount is 0.00: not
    asked for nor approved (sales.approvals.waits_for_approval)."""
    from sales.approvals import waits_for_approval

    return [s for s in statements if s.plan and s.hold is None and s.approval is None and not waits_for_approval(s)]


def _say_held(statements, message: str) -> None:
    """Say on stderr, with `message` ({rep}, {id}, {reason}), each statement left as it is because a
    lead holds it (approving and marking paid skip those)."""
    from sales.text import safe

    for s in statements:
        if s.hold is not None:
            print(safe(message.format(rep=s.rep, id=s.hold.id, reason=s.hold.reason)), file=sys.stderr)


def cmd_payout_hold(args: argparse.Namespace) -> int:
    """`uplift payout hold ali "Disputed split on D-7"`, or `--release`: a lead's."""
    from sales.text import safe

    reason = " ".join(args.reason or []).strip()
    if args.release and reason:
        raise BadInput("give a reason to hold the statement, or --release to release it, not both")
    if not args.release and not reason:
        raise BadInput('a hold needs its reason: uplift payout hold {rep} "Disputed split on D-7"', rep=args.rep)
    board = open_board(args)
    with reading_given_cycle(board, args):  # (a past cycle's statement: `--start --end`)
        if args.release:
            hold = board.release_hold(args.rep)
            print(safe(_("{id} {rep}: hold released; the statement may be approved and paid").format(
                id=hold.id, rep=hold.rep)))
            return EXIT_OK
        hold, changed = board.hold_payout(args.rep, reason)
    if changed:
        print(safe(_("{id} {rep}: on hold for {start} to {end}: {reason}").format(
            id=hold.id, rep=hold.rep, start=hold.start, end=hold.end, reason=hold.reason)))
    else:  # held already, for that reason: a repeat, done
        print(safe(_("{rep}'s statement is on hold already ({id}): {reason}").format(
            id=hold.id, rep=hold.rep, reason=hold.reason)))
    return EXIT_OK


def cmd_leaderboard(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = open_board(args)
    with reading_given_cycle(board, args):
        rows = board.leaderboard()
    if args.json:
        print_json(rows, fractions=("attainment",))
    elif not rows:
        say_line(_("No reps on this board yet: add one with `uplift member add NAME --role rep`."))
    else:
        from tui.review_text import awards_text

        # the recognition earned, where anyone earned some (a board without awards keeps its table)
        shown = any(r.recognition for r in rows)
        print(table([_(name).upper() for name in LEADERBOARD_COLUMNS + (RECOGNITION_COLUMN,) * shown], [
            [str(r.rank), r.rep, pct_or_dash(r.attainment), num_or_dash(r.won_value), str(r.activities)]
            + [awards_text(r.recognition)] * shown for r in rows],
            least_first=(4, 0, 3)))  # (narrow: the activities, the rank (the order says it), the won value give way)
    return EXIT_OK


def cmd_incentive_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = open_board(args)
    plans = board.incentive_plans()
    if args.json:
        print_json(plans)
    elif plans:
        print(table(["ID"] + [_(name).upper() for name in INCENTIVE_COLUMNS], [
            [p.id, _quota_cell(p), str(len(p.tiers)), num_or_dash(p.cap), _cycles_cell(p), p.name] for p in plans],
            least_first=(2, 4, 3, 1)))  # (narrow: the tiers, the cycles it pays, the cap, the quota give way)
    else:
        say_line(_("No incentive plans: add one with `uplift incentive set FILE.yaml`."))
    return EXIT_OK


def _cycles_cell(plan) -> str:
    """The cycles a plan pays (its `start` and `end`): `every cycle`, `from 2027-01-01`, `to
    2026-12-31`, or both, so that last cycle's plan is told from this one's."""
    if plan.start and plan.end:
        return _("{start} to {end}").format(start=plan.start, end=plan.end)
    if plan.start:
        return _("from {start}").format(start=plan.start)
    if plan.end:
        return _("to {end}").format(end=plan.end)
    return _("every cycle")


def _quota_cell(plan) -> str:
    """The plan's quota for every rep, and how many reps have one of their own (`50,000; 2 set per
    rep`): a plan of per-rep quotas alone read `–`, as if it had none."""
    if not plan.quotas:
        return num_or_dash(plan.quota)
    if plan.quota is None:
        return _("{count} set per rep").format(count=len(plan.quotas))
    return _("{quota}; {count} set per rep").format(quota=num_or_dash(plan.quota), count=len(plan.quotas))


def cmd_incentive_show(args: argparse.Namespace) -> int:
    """One plan as YAML, written as a plan file writes it (so it can be edited and `set` back)."""
    from sales.plan import Plan
    from sales.text import safe
    from store.plan_yaml import dump_plan
    from tui.cli_output import print_json

    board = open_board(args)
    plan = board.incentive_plan(args.id)
    if args.json:
        print_json({"incentive": plan, "history": board.history(item=plan.id)})
    else:
        print(safe(dump_plan(Plan(incentives=[plan])).split("incentives:\n", 1)[-1].rstrip()))
    return EXIT_OK


def cmd_incentive_set(args: argparse.Namespace) -> int:
    """Add or replace incentive plans from a YAML file (`-`: standard input): one plan (a
    mapping), a list of them (as `incentive show` prints one), or a plan file's `incentives:`
    list. A plan with the id of one on the board replaces it. It is a plan import of the
    incentives alone, so a problem is reported as `FILE:LINE: incentives[0].cap: ...`."""
    from tui.commands.plans import apply_plan, read_plan_argument

    # the rule before the file: a rep piping a plan in was told what was wrong with the file, then refused
    board = open_board(args)
    board.require("incentive.add")
    text = read_plan_argument(args.file)
    if text is None:
        return EXIT_BAD_INPUT
    document = text.document
    if isinstance(document, list):
        text = text.within("incentives")
    elif isinstance(document, dict) and "incentives" in document:
        text.document = {"incentives": document["incentives"]}  # (a whole plan file: its incentives only)
    elif isinstance(document, dict):
        text = text.within("incentives", 0)
    else:
        raise BadInput("{file}:1: file: expected an incentive plan (a mapping), a list of them "
                       "(as `uplift incentive show` prints one) or a plan file with `incentives:`", file=text.name)

    set_ids: list[str] = []

    def report(summary) -> None:
        for item in [item for item, _title in summary.created] + [item for item, _keys in summary.changed] \
                + summary.unchanged:
            print(item)
            set_ids.append(item)

    code = apply_plan(board, text, dry_run=False, report=report)
    if code == EXIT_OK:
        _note_outranked(board, set_ids)
    return code


def _note_outranked(board, plan_ids: list[str]) -> None:
    """Say which reps a plan just set does not pay in the cycle now, because another plan in force
    comes first for them (a Q1 plan added while the Q4 plan, with no `end`, pays every cycle), or
    takes from the plan that paid them (the Q4 plan set again without its `end`)."""
    from datetime import timedelta

    from sales.incentives import outranked
    from sales.text import safe

    start, end = board.period()
    plans, reps = board.cycle_plans(), board.reps()
    for plan_id in [p.id for p in plans]:  # a plan just set, outranked or outranking another
        for other, whom in outranked(plans, plan_id, reps).items():
            if plan_id not in plan_ids and other not in plan_ids:
                continue
            if start is not None and end is not None:
                print(safe(_("note: in the cycle {start} to {end}, {other} pays {reps}, not {id} (the first plan in "
                             "force naming a rep's quota pays them, else the first with a quota for everyone); for "
                             "{id} to pay this cycle, give {other} an end: `end: {day}`").format(
                    start=start.isoformat(), end=end.isoformat(), other=other, reps=", ".join(whom), id=plan_id,
                    day=(start - timedelta(days=1)).isoformat())), file=sys.stderr)
            else:
                print(safe(_("note: {other} pays {reps}, not {id} (the first plan in force naming a rep's quota "
                             "pays them, else the first with a quota for everyone)").format(
                    other=other, reps=", ".join(whom), id=plan_id)), file=sys.stderr)


def _add_cycle(parser: argparse.ArgumentParser, verb: bool = True) -> None:
    """--start and --end: another cycle's review. On a verb, given after it or before it
    (`review --start D --end D answer 3 ...`): the verb's default does not hide the group's."""
    default = argparse.SUPPRESS if verb else None
    parser.add_argument("--start", metavar="DATE", default=default,
                        help=_("with --end: an earlier cycle's review, by its dates"))
    parser.add_argument("--end", metavar="DATE", default=default, help=_("the last day of that cycle"))


def register(verbs, common: argparse.ArgumentParser) -> None:
    review = verbs.add_parser("review", parents=[common], help=_("the end-of-cycle review: goals, process metrics, gap analysis"),
                              description=_("Target against actual per goal, the process metrics and the gap-analysis answers."))
    review.set_defaults(run=cmd_review)
    review.add_argument("--json", action="store_true")
    _add_cycle(review, verb=False)
    sub = review.add_subparsers(title=_("review commands"), metavar="VERB")
    answer = add_verb(sub, common, "answer", cmd_answer, _("answer gap-analysis question N (lead)"))
    answer.add_argument("number", type=item_number, metavar="N", help=_("the question's number, as `uplift review` lists them"))
    answer.add_argument("text", nargs="+", help=_("the answer (the words may come unquoted)"))
    _add_cycle(answer)
    tick = add_verb(sub, common, "tick", cmd_tick, _("list the end-of-cycle checklist, or tick item N (lead)"))
    tick.add_argument("number", type=item_number, nargs="?", metavar="N", help=_("the item's number, as the list shows them"))
    how = tick.add_mutually_exclusive_group()
    how.add_argument("--undo", action="store_true", help=_("untick it"))
    how.add_argument("--toggle", action="store_true", help=_("toggle it"))
    _add_cycle(tick)
    export = add_verb(sub, common, "export", cmd_export, _("write the review report as Markdown"))
    add_path(export, "-o", "--output", metavar="FILE.md", help=_("the file to write (default: print it)"))
    _add_cycle(export)

    payout = add_verb(verbs, common, "payout", cmd_payout, _("each rep's payout statement, line by line"))
    add_ref(payout, "--rep", kind="member", owns=("deals",), metavar="U", help=_("only this rep's statement"))
    payout.add_argument("--mine", action="store_true", help=_("only your own statement"))
    payout.add_argument("--team", action="store_true",
                        help=_("the team at a glance: a line per rep with the total and where it stands"))
    add_output_flags(payout)
    _add_cycle(payout, verb=False)
    payout_verbs = payout.add_subparsers(title=_("payout commands"), metavar="VERB")
    approve = add_verb(payout_verbs, common, "approve", cmd_payout_approve,
                       _("sign off the statements as they stand, for the cycle (lead); a change later shows"))
    add_ref(approve, "--rep", kind="member", owns=("deals",), metavar="U", help=_("only this rep's statement"))
    approve.add_argument("--note", metavar="TEXT", help=_("why, or for whom (payroll run, ...)"))
    _add_cycle(approve)
    paid = add_verb(payout_verbs, common, "paid", cmd_payout_paid,
                    _("record that payroll paid the approved statements (lead)"))
    add_ref(paid, "--rep", kind="member", owns=("deals",), metavar="U", help=_("only this rep's statement"))
    paid.add_argument("--ref", metavar="TEXT", help=_("the payroll run's reference"))
    _add_cycle(paid)
    hold = add_verb(payout_verbs, common, "hold", cmd_payout_hold,
                    _("hold a rep's statement out of approval and payroll, with why (lead); --release to release it"))
    add_ref(hold, "rep", kind="member", owns=("deals",), said_as="payout hold", metavar="REP", help=_("the rep whose statement to hold"))
    hold.add_argument("reason", nargs="*", default=[], metavar="REASON", help=_("why (the dispute, as the rep will read it)"))
    hold.add_argument("--release", action="store_true", help=_("release the hold"))
    hold.set_defaults(words_anywhere="reason")  # (`hold ali --start D --end D "reason"`: the words after the options)
    _add_cycle(hold)
    board = add_verb(verbs, common, "leaderboard", cmd_leaderboard,
                     _("reps ranked by attainment, won value and activities"))
    board.add_argument("--json", action="store_true")
    _add_cycle(board, verb=False)

    incentive = verbs.add_parser("incentive", help=_("incentive plans (commission tiers, bonuses, recognition)")
                                 ).add_subparsers(title=_("incentive commands"), metavar="VERB", required=True)
    lst = add_verb(incentive, common, "list", cmd_incentive_list, _("list the incentive plans"))
    lst.add_argument("--json", action="store_true")
    show = add_verb(incentive, common, "show", cmd_incentive_show, _("show one plan as YAML"))
    names(show.add_argument("id"), "incentive")
    show.add_argument("--json", action="store_true")
    put = add_verb(incentive, common, "set", cmd_incentive_set,
                   _("add or replace incentive plans from a YAML file (lead); prints their ids"))
    add_path(put, "file", metavar="FILE.yaml", help=_("the incentive plans, as `incentive show` writes one"))
