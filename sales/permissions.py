"""Who may do what on a board. The store calls `check` before every change.

A board with no members is in single-user mode: everyone is a lead. Otherwise a lead may change
everything; a rep may create and update their own tasks and deals, log activities and check-ins,
add interview and feedback notes (and change their own), comment on any task, tick the diagnosis
checklist, undo and redo their own changes (store/undo.py finds only the actor's), and read the
rest. Anyone who is not a member may only read.

Resources: anyone on the board may request a budget line (in their own name); only a lead
approves or rejects one (with a reason), sets the plan's budget, or manages training items; a
rep may record spending only on a line they requested, and take back (delete) only a spend they
recorded (a lead any). A snooze silences an alert for everyone,
so a rep may snooze only the alerts about their own tasks, deals and goals, and may not change
a snooze that is still running and someone else set (a lead's "until the contract is signed"
is not a rep's to shorten; `alert.resnooze`, with the snooze's author as the owner). Goals and strategies are set by leads;
a goal's number is updated by its owner and the leads (as Lattice and Tability have it): a rep
checks in on the goals they own (their part of a team goal), not on the team's or another's,
whose latest check-in would set its actual in Review; a check-in is deleted
by a lead or by the rep who made it. A goal is closed with its outcome (`goal.close`, and reopened
the same way) by a lead or by its owner, who knows best how it ended; dropping one (`goal.drop`:
no longer pursued, or reopening one that was) changes the plan, and is a lead's.

Review and reward: incentive plans (`incentive.add/edit`), the gap-analysis answers
(`answer.add/edit`), the end-of-cycle checklist (`review.tick`), approving payout statements
(`payout.approve`) and marking them paid (`payout.pay`) are a lead's; a rep reads only
their own payout statement (pay is private: check_read_pay), and the leaderboard like everything
else. How a deal's credit is split among reps
(`deal.split`, sales/splits.py) is a lead's call too: it moves pay; and so is recording what a
customer has paid on a won deal (`deal.paid`): it releases commission under `release: paid`.
"""

from __future__ import annotations

from sales.errors import Refused, Word

REP_ON_OWN = {"task.edit", "task.move", "task.step", "deal.edit", "deal.move",
              "note.edit", "note.delete", "checkin.delete", "spend.delete", "goal.close"}
REP_CREATE_OWN = {"task.add", "deal.add"}
# Anyone on the team may write down what they heard and tick the diagnosis checklist; saving
# a diagnosis snapshot or a column mapping (diagnosis.save, mapping.save) is a lead's call.
REP_ANY = {"activity.log", "pipeline.snapshot", "budget.request",
           "note.add", "checklist.tick", "task.comment", "change.undo", "change.redo"}


def check(action: str, actor: str, role: str | None, *, single_user: bool,
          owner: str | None = None, new_owner: str | None = None, near: str | None = None) -> None:
    """Raise Refused, naming the rule, unless `actor` (with `role`) may do `action`.

    `owner` is the item's owner before the change, `new_owner` after it; `near`: the member
    whose name is nearest a non-member's (a mistyped UPLIFT_USER), if any.
    """
    if single_user or role == "lead":
        return
    if role is None and near:
        raise Refused("{actor} is not a member of this board (did you mean {near}?), so may only read it "
                      "(a lead adds members with `uplift member add NAME --role rep`)", actor=actor, near=near)
    if role is None:
        raise Refused("{actor} is not a member of this board, so may only read it "
                      "(a lead adds members with `uplift member add NAME --role rep`)", actor=actor)
    noun = action.split(".")[0]
    if action in REP_ANY:
        return
    if action == "alert.snooze":  # a snooze silences the alert for the whole team
        if owner == actor:
            return
        if owner:
            raise Refused("a rep may only snooze alerts about their own tasks, deals and goals; "
                          "this one is {owner}'s", owner=owner)
        raise Refused("a rep may only snooze alerts about their own tasks, deals and goals; "
                      "this one is about the whole team")
    if action == "alert.resnooze":
        if owner == actor:
            return
        raise Refused("{owner} snoozed this alert; a rep may not change someone else's snooze "
                      "(ask a lead)", owner=owner)
    if action == "goal.checkin":  # the goal's number: its owner's and the leads' to set
        if owner == actor:
            return
        if owner:
            raise Refused("a rep may check in only on goals they own; this one is {owner}'s, "
                          "for {owner} and the leads to update", owner=owner)
        raise Refused("a rep may check in only on goals they own; this one is the team's, "
                      "for the leads to update")
    if action == "budget.spend":  # (`owner`: who requested the line; a lead's own lines are theirs too)
        if owner == actor:
            return
        raise Refused("a rep may record spending only on budget lines they asked for; this one is {owner}'s",
                      owner=owner)
    if action == "member.zone":  # one's own time zone is one's own business
        if owner == actor:
            return
        raise Refused("a rep may set only their own time zone; {owner}'s is theirs or a lead's to set", owner=owner)
    if action == "member.prefs":  # one's own language and theme too
        if owner == actor:
            return
        raise Refused("a rep may set only their own language and theme; {owner}'s are theirs or a lead's to set",
                      owner=owner)
    if action in REP_CREATE_OWN:
        if new_owner == actor:
            return
        if new_owner:  # ("(ali tried for bea)" read as a log line, not as what to do)
            raise Refused("a rep may only add {things} they own; this one would be {owner}'s",
                          things=things(noun), owner=new_owner)
        raise Refused("a rep may only add {things} they own; this one would have no owner", things=things(noun))
    if action in REP_ON_OWN:
        if owner != actor:
            if owner:
                raise Refused("a rep may only change their own {things}; this one is {owner}'s",
                              things=things(noun), owner=owner)
            raise Refused("a rep may only change their own {things}; this one is nobody's "
                          "(a lead gives it an owner)", things=things(noun))
        if new_owner != actor:
            raise Refused("only a lead may hand a {thing} to someone else", thing=_ONE.get(noun, noun))
        return
    if action in _SAID:
        raise Refused("only a lead may {action} (you are a rep)", action=_SAID[action])
    noun, _, verb = action.partition(".")
    if verb in _VERBS:
        raise Refused("only a lead may {verb} {things} (you are a rep)", verb=_VERBS[verb], things=things(noun))
    raise Refused("only a lead may do {action} (you are a rep)", action=action)


#: Lead-only actions whose name does not say it plainly.
_SAID = {"deal.split": Word("split a deal's credit among reps"),
         "deal.paid": Word("record what customers have paid on deals"),
         "alerts.settings": Word("change the alert rules"),
         "board.settings": Word("change the board's settings"),
         "pipeline.settings": Word("change the pipeline's stages"),
         "budget.total": Word("set the plan's budget"), "budget.edit": Word("decide on budget lines"),
         "budget.approve": Word("approve budget lines"), "budget.reject": Word("reject budget lines"),
         "payout.approve": Word("approve payout statements"), "payout.pay": Word("mark payouts paid"),
         "payout.hold": Word("hold payout statements"), "payout.release": Word("release held payout statements"),
         "member.role": Word("change members' roles"),
         "member.handover": Word("hand members' work over to others"),
         "member.key_add": Word("add members' keys"), "member.key_remove": Word("remove members' keys"),
         "diagnosis.save": Word("keep diagnoses and column mappings"),
         "mapping.save": Word("keep column mappings"), "review.tick": Word("tick the end-of-cycle review"),
         "goal.drop": Word("drop a goal, or reopen one dropped"),
         "weekly.tick": Word("tick the weekly review"), "wip.set": Word("set WIP limits")}
#: The kinds of item actions are on, as their plurals.
_NOUNS = {"task": Word("tasks"), "deal": Word("deals"), "goal": Word("goals"), "note": Word("notes"),
          "member": Word("members"), "strategy": Word("strategies"), "budget": Word("budget lines"),
          "spend": Word("spending"), "training": Word("training items"), "checkin": Word("check-ins"),
          "answer": Word("review answers"), "approval": Word("payout approvals"),
          "incentive": Word("incentive plans"), "coaching": Word("coaching notes"),
          "diagnosis": Word("diagnoses"), "touch": Word("account touches"), "activity": Word("activities")}
#: The kinds of item a rep may own, as one of them.
_ONE = {"task": Word("task"), "deal": Word("deal"), "budget": Word("budget line"), "note": Word("note")}
_VERBS = {"add": Word("add"), "edit": Word("change"), "delete": Word("delete"), "move": Word("move"),
          "remove": Word("remove"), "step": Word("tick the steps of"), "handover": Word("hand over"),
          "import": Word("import")}


def check_read_pay(viewer: str, role: str | None, *, single_user: bool, rep: str | None) -> None:
    """Raise Refused unless `viewer` may read `rep`'s payout statement (every rep's with None).

    Pay is the one thing on a board a rep does not read about the others (QuotaPath and Xactly
    show a rep only their own statement): a lead reads every statement, a rep their own, someone
    not on the team none. The leaderboard (attainment, won value) stays open to everyone.
    """
    if single_user or role == "lead" or (role == "rep" and rep == viewer):
        return
    if role == "rep" and rep is None:
        return  # (the statements are narrowed to the rep's own: store.incentives)
    if rep is None or role is None:
        raise Refused("pay is private: only a lead and the rep themselves read a payout statement "
                      "({viewer} is not a member of this board)", viewer=viewer)
    raise Refused("pay is private: a rep reads only their own payout statement; {rep}'s is for "
                  "{rep} and the leads", rep=rep)


def check_read_coaching(viewer: str, role: str | None, *, single_user: bool, rep: str) -> None:
    """Raise Refused unless `viewer` may read the coaching notes about `rep`: a lead every rep's,
    a rep those about them. `uplift coach bea` by ali said "No coaching notes you may read."
    (and `--json` gave `[]`, exit 0), as if bea had none: a refusal, as `payout --rep bea` is."""
    if single_user or role == "lead" or (role == "rep" and rep == viewer):
        return
    if role is None:
        raise Refused("coaching notes are private: only a lead and the rep they are about read them "
                      "({viewer} is not a member of this board)", viewer=viewer)
    raise Refused("coaching notes are private: a rep reads only the notes about them; {rep}'s are for "
                  "{rep} and the leads", rep=rep)


def reads_pay(viewer: str, role: str | None, *, single_user: bool, rep: str) -> bool:
    """Whether `viewer` may read `rep`'s pay (check_read_pay, as a yes or no)."""
    return single_user or role == "lead" or (role == "rep" and rep == viewer)


def things(noun: str) -> str:
    """The plural of a kind of item, as a message says it: `goal` is "goals"."""
    return _NOUNS.get(noun, noun + "s")


def said(action: str) -> str:
    """An action as a person says it, in English: `goal.add` is "add goals"."""
    if action in _SAID:
        return _SAID[action]
    noun, _, verb = action.partition(".")
    if verb in _VERBS:
        return f"{_VERBS[verb]} {things(noun)}"
    return f"do {action}"
