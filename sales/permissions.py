"""Who may do what on a board. The store calls `check` before every change.

A board with no members is in single-user mode: everyone is a lead. Otherwise a lead may change
everything; a rep may create and update their own tasks and deals, log activities and check-ins,
add interview and feedback notes (and change their own), comment on any task, tick the diagnosis
checklist, undo and redo their own changes (store/undo.py finds only the actor's), and read the
rest. Anyone who is not a member may only read.

Resources: anyone on the board may request a budget line (in their own name); only a lead
approves or rejects one (with a reason), sets the plan's budget, or manages training items; a
rep may record spending only on a line they requested. A snooze silences an alert for everyone,
so a rep may snooze only the alerts about their own tasks, deals and goals. Goals and strategies are set by leads;
check-ins on any goal are open to reps (the people closest to the numbers).

Review and reward: incentive plans (`incentive.add/edit`), the gap-analysis answers
(`answer.add/edit`), the end-of-cycle checklist (`review.tick`), approving payout statements
(`payout.approve`) and marking them paid (`payout.pay`) are a lead's; reps read their payout
statements and the leaderboard like everything else. How a deal's credit is split among reps
(`deal.split`, sales/splits.py) is a lead's call too: it moves pay; and so is recording what a
customer has paid on a won deal (`deal.paid`): it releases commission under `release: paid`.
"""

from __future__ import annotations

from sales.errors import Refused

REP_ON_OWN = {"task.edit", "task.move", "task.step", "deal.edit", "deal.move", "budget.spend",
              "note.edit", "note.delete"}
REP_CREATE_OWN = {"task.add", "deal.add"}
# Anyone on the team may write down what they heard and tick the diagnosis checklist; saving
# a diagnosis snapshot or a column mapping (diagnosis.save, mapping.save) is a lead's call.
REP_ANY = {"activity.log", "goal.checkin", "pipeline.snapshot", "budget.request",
           "note.add", "checklist.tick", "task.comment", "change.undo", "change.redo"}


def check(action: str, actor: str, role: str | None, *, single_user: bool,
          owner: str | None = None, new_owner: str | None = None) -> None:
    """Raise Refused, naming the rule, unless `actor` (with `role`) may do `action`.

    `owner` is the item's owner before the change, `new_owner` after it.
    """
    if single_user or role == "lead":
        return
    if role is None:
        raise Refused(f"{actor} is not a member of this board, so may only read it "
                      f"(a lead adds members with `uplift member add NAME --role rep`)")
    noun = action.split(".")[0]
    if action in REP_ANY:
        return
    if action == "alert.snooze":  # a snooze silences the alert for the whole team
        if owner == actor:
            return
        raise Refused("a rep may only snooze alerts about their own tasks, deals and goals; this one is "
                      + (f"{owner}'s" if owner else "about the whole team"))
    if action in REP_CREATE_OWN:
        if new_owner == actor:
            return
        raise Refused(f"a rep may only create {noun}s they own ({actor} tried for {new_owner or 'nobody'})")
    if action in REP_ON_OWN:
        if owner != actor:
            raise Refused(f"a rep may only change their own {noun}s; this one is "
                          + (f"{owner}'s" if owner else "nobody's (a lead gives it an owner)"))
        if new_owner != actor:
            raise Refused(f"only a lead may hand a {noun} to someone else")
        return
    raise Refused(f"only a lead may {said(action)} (you are a rep)")


#: Lead-only actions whose name does not say it plainly.
_SAID = {"deal.split": "split a deal's credit among reps",
         "deal.paid": "record what customers have paid on deals", "alerts.settings": "change the alert rules",
         "board.settings": "change the board's settings", "pipeline.settings": "change the pipeline's stages",
         "budget.total": "set the plan's budget", "budget.edit": "decide on budget lines",
         "budget.approve": "approve budget lines", "budget.reject": "reject budget lines",
         "payout.approve": "approve payout statements", "payout.pay": "mark payouts paid",
         "member.role": "change members' roles", "member.handover": "hand members' work over to others",
         "member.key_add": "add members' keys",
         "member.key_remove": "remove members' keys", "diagnosis.save": "keep diagnoses and column mappings",
         "mapping.save": "keep column mappings", "review.tick": "tick the end-of-cycle review",
         "weekly.tick": "tick the weekly review", "wip.set": "set WIP limits"}
_NOUNS = {"strategy": "strategies", "budget": "budget lines", "spend": "spending", "training": "training items",
          "checkin": "check-ins", "answer": "review answers", "approval": "payout approvals",
          "incentive": "incentive plans", "coaching": "coaching notes", "diagnosis": "diagnoses"}
_VERBS = {"add": "add", "edit": "change", "delete": "delete", "move": "move", "remove": "remove",
          "step": "tick the steps of"}


def said(action: str) -> str:
    """An action as a person says it: `goal.add` is "add goals"."""
    if action in _SAID:
        return _SAID[action]
    noun, _, verb = action.partition(".")
    if verb in _VERBS:
        return f"{_VERBS[verb]} {_NOUNS.get(noun, noun + 's')}"
    return f"do {action}"
