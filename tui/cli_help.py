"""One line of help for what every verb shares, said once here rather than at each verb.

`uplift task show --help` listed `id` and `--json` with nothing beside them, and `uplift task
--help` had no line saying what the group is for. `explain(parser)` fills in, for each verb's
arguments that have no help of their own, what they mean (an item's id by the kind of item its
group holds; --json, a title, a description, the same for every verb), and gives each group the
line `uplift --help` shows for it. An argument's own help always wins.
"""

from __future__ import annotations

import argparse

from tui.help_wrap import CellWrap
from tui.i18n import N_, _

#: An item's id, by the group whose verbs take it (`uplift deal show ID`).
ID_HELP = {
    "task": N_("the task's id, e.g. T-12"), "goal": N_("the goal's id, e.g. G-3"),
    "strategy": N_("the strategy's id, e.g. S-2"), "deal": N_("the deal's id, e.g. D-40"),
    "note": N_("the note's id, e.g. N-4"), "budget": N_("the budget line's id, e.g. B-5"),
    "training": N_("the training item's id, e.g. L-2"), "diagnosis": N_("the diagnosis's id, e.g. X-1"),
    "incentive": N_("the incentive plan's id, e.g. I-1"),
}

#: What an argument means wherever it has no help of its own, by its name.
SHARED_HELP = {
    "json": N_("machine-readable output"),
    "title": N_("its title"),
    "--title": N_("its new title"),
    "--description": N_("a longer description"),
    "--start": N_("when work on it starts (YYYY-MM-DD, today, +3d, ...)"),
    "--comment": N_("a comment kept with it"),
    "--note": N_("a note kept with it"),
    "--goal": N_("the goal it serves"),
    "--strategy": N_("the strategy it serves"),
    "--task": N_("the task it pays for"),
    "--priority": N_("how urgent it is"),
    "--account": N_("the customer the deal is with"),
    "amount": N_("how much (48000, 48k, 1.2M)"),
    "name": N_("the member's name (as $UPLIFT_USER or the login names them)"),
    "--host": N_("the address to listen on (default %(default)s)"),
    "--port": N_("the port to listen on (default %(default)s)"),
}


#: What to type, as the README's examples show it, by verb (`uplift task add --help` ends with
#: them, as `gh` and `git` help does). The commands stay as typed; where an example holds data
#: (a title, a stage), the Chinese one holds Chinese data, as the Chinese sample board does.
EXAMPLES = {
    "uplift task list": ("uplift task list --mine --status doing",
                         "uplift task list --tag visit --json"),
    "uplift task add": (N_('uplift task add "Quote the Isdom expansion" --owner chen --due fri --priority high --step "price it"'),
                        N_('uplift task add "Tidy the CRM" --owner ""'),
                        N_('uplift task add "Weekly pipeline call" --due mon --every week'),
                        N_('uplift task add "Send the Isdom quote" --deal D-15 --due +2d')),
    "uplift task edit": ("uplift task edit T-16 --depends T-15",
                         "uplift task edit T-24 --tags visit,q4",
                         N_('uplift task edit T-12 --due +1w --expected "8 meetings booked"')),
    "uplift task move": ("uplift task move T-12 doing",),
    "uplift deal add": (N_('uplift deal add "Isdom expansion" --account Isdom --value 48k --owner chen --close +3w'),
                        N_('uplift deal add "Vik renewal" --account Vik --key --stage Qualified --next "Send the terms"')),
    "uplift deal move": (N_("uplift deal move D-4 Proposal"), N_("uplift deal move D-7 lost --reason price")),
    "uplift goal add": (N_("uplift goal add \"Grow revenue\" --metric revenue --region North --baseline 1.2M --target +15% "
                           "--unit '$' --start 2026-10-01 --deadline 2026-12-31 --owner dana"),),
    "uplift goal checkin": ('uplift goal checkin G-1 1286400 --confidence at_risk --comment "..." --date -1w',),
    "uplift log add": (N_('uplift log add call --deal D-4 "Walked through the proposal"'),
                       N_('uplift log add visit --account Acme "Met their new buyer"'),
                       N_("uplift log add call D-4 Sent the revised quote, they sign Friday")),
    "uplift diagnose": ('uplift diagnose sales.csv --map "Umsatz=amount" --period quarter',
                        "uplift diagnose sales_pipeline.csv --join sales_teams.csv:sales_agent",
                        "uplift diagnose sales.csv --costs costs.csv"),
}


class KeepLines(CellWrap):
    """argparse's help, but an epilog of several lines (the examples) keeps its lines."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def explain(parser: argparse.ArgumentParser, group: str = "") -> None:
    """Fill in the help that `parser`'s verbs (however deep) leave out."""
    for choices in parser._subparsers._group_actions if parser._subparsers else ():
        shown = {action.dest: action.help for action in choices._choices_actions}
        for name, sub in choices.choices.items():
            if sub.description is None and shown.get(name):
                sub.description = shown[name]
            if sub.prog in EXAMPLES and sub.epilog is None:
                sub.epilog = "\n".join([_("examples:"), *("  " + _(line) for line in EXAMPLES[sub.prog])])
                sub.formatter_class = KeepLines
            kind = group or name
            for action in sub._actions:
                if action.help is None:
                    action.help = _help_for(action, kind)
            explain(sub, kind)


def _help_for(action: argparse.Action, kind: str) -> str | None:
    if not action.option_strings:
        key = action.dest
        if key == "id" and kind in ID_HELP:
            return _(ID_HELP[kind])
    else:
        key = "json" if action.dest == "json" else action.option_strings[-1]
    return _(SHARED_HELP[key]) if key in SHARED_HELP else None
