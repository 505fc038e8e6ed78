"""Split credit: one deal's value shared among reps, as Salesforce's opportunity splits and the
credit splits of QuotaPath and Xactly do (an account executive and a solutions engineer, a
hand-over between territories).

A deal's splits name the other reps and their share in percent; its owner is credited with the
rest. A deal of 10,000 owned by ann with splits bo 40 and cy 10 credits bo 4,000, cy 1,000 and
ann 5,000. Payouts, the leaderboard, each rep's review results and each rep's forecast count a
rep's share of the deals they are credited on; team totals count every deal once, whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Annotated

import msgspec

from sales.errors import Invalid, Reason, Word
from sales.numbers import cents
from sales.text import NAME_MAX, clean_line
from sales.validation import convert

SPLITS_MAX = 10
Share = Annotated[float, msgspec.Meta(gt=0, le=100)]


class Split(msgspec.Struct, forbid_unknown_fields=True):
    """One other rep's part of a deal's credit, in percent of its value."""

    rep: Annotated[str, msgspec.Meta(min_length=1, max_length=NAME_MAX)]
    share: Share

    def __post_init__(self) -> None:
        self.rep = clean_line(self.rep).strip()
        if not self.rep:
            raise Reason("a split needs a rep").in_field("rep")
        self.share = round(self.share, 2)


def check_splits(owner: str | None, splits: Sequence[Split]) -> None:
    """ValueError unless each rep has one split, none is the owner's, and they share at most
    the whole deal."""
    seen: set[str] = set()
    for split in splits:
        if split.rep == owner:
            raise Reason("{rep} has a {share:g}% split of the deal and cannot also own it: "
                         "the owner is credited with what the splits leave", rep=split.rep, share=split.share)
        if split.rep in seen:
            raise Reason("{rep} has two splits of the deal: give them one share", rep=split.rep)
        seen.add(split.rep)
    total = sum(split.share for split in splits)
    if total > 100 + 1e-9:
        raise Reason("the splits give {total:g}% of the deal; at most 100% can be shared", total=total)


def read_splits(owner: str | None, raw: object) -> list[Split]:
    """`raw` splits (as a form, the command line or a change gives them) checked for a deal of
    `owner`; Invalid naming the splits (`splits[0].share: must be more than 0`, `splits: the
    splits give 110%...`), so that the problem shows at the splits, not at the deal."""
    splits = convert(raw, list[Split], "splits")
    try:
        check_splits(owner, splits)
    except ValueError as error:
        raise Invalid("splits", error) from None
    return splits


def split_rep_problem(rep: str, roles: Mapping[str, str]) -> Reason | None:
    """Why `rep` may not hold a split on a board with these members (name -> role), or None:
    a split is a rep's (a lead's part would be credited to nobody's quota)."""
    if not roles:
        return None  # single-user mode: names are free
    if rep not in roles:
        return Reason("{ref!r} is not a member (members: {members})", ref=rep, members=", ".join(sorted(roles)))
    if roles[rep] != "rep":
        return Reason("{rep} is a {role}: a deal's credit is split among reps", rep=rep, role=Word(roles[rep]))
    return None


def credit(owner: str | None, splits: Sequence[Split]) -> dict[str | None, float]:
    """Who is credited with what fraction of the deal: each split rep their share, the owner
    (None: nobody) the rest. The fractions add up to 1."""
    shares: dict[str | None, float] = {split.rep: split.share / 100 for split in splits}
    rest = 1.0 - sum(shares.values())
    if rest > 1e-9:
        shares[owner] = shares.get(owner, 0.0) + rest
    return shares


def credit_among(owner: str | None, splits: Sequence[Split], reps: Sequence[str], others: str) -> dict[str, float]:
    """credit() with everyone not among `reps` (a lead, nobody) gathered under `others`."""
    found: dict[str, float] = {}
    for who, fraction in credit(owner, splits).items():
        key = who if who is not None and who in reps else others
        found[key] = found.get(key, 0.0) + fraction
    return found


def credited_values(value: float, owner: str | None, splits: Sequence[Split]) -> dict[str | None, float]:
    """Who is credited with how much of a deal of `value`, as payouts count it: each split rep
    their share to the cent (half up), the owner what the splits leave, so the parts add up to
    the deal (of 3,000.03 split 50%: the rep 1,500.02, the owner 1,500.01)."""
    if not splits:
        return {owner: value}
    parts: dict[str | None, float] = {split.rep: cents(value * split.share / 100) for split in splits}
    rest = cents(value - sum(parts.values()))
    if rest > 0:
        parts[owner] = parts.get(owner, 0.0) + rest
    return parts


def share_of(owner: str | None, splits: Sequence[Split], rep: str) -> float:
    """The fraction of the deal `rep` is credited with (0.0: none)."""
    return credit(owner, splits).get(rep, 0.0)


#: One split: a rep's name (one word, as member names are), `=`, `:` or a space, a share in percent.
_PART = re.compile(r"^(?P<rep>[^\s=:%]+)(?:\s*[=:]\s*|\s+)(?P<share>\d+(?:\.\d+)?)\s*%?$")


def parse_splits(text: str) -> list[dict]:
    """Splits as a person types them: `bo 40, cy 10` (also `bo=40%`, `bo: 40`; commas or
    semicolons between); nothing or `none` for none. ValueError says which part is wrong."""
    wanted = text.strip()
    if wanted.lower() in ("", "none", "-", "无"):
        return []
    parts = [part.strip() for part in re.split(r"[,;，；]", wanted) if part.strip()]
    if len(parts) > SPLITS_MAX:
        raise Reason("at most {most} splits on a deal", most=SPLITS_MAX)
    splits = []
    for part in parts:
        match = _PART.match(part)
        if not match:
            raise Reason("{part!r} is not a split: write the rep and their share, e.g. `bo 40` or `bo=40`", part=part)
        share = float(match.group("share"))
        if not 0 < share <= 100:  # (said here, with what was typed, not as the model's splits[0].share)
            raise Reason("{part!r}: a share is a percent above 0, at most 100", part=part)
        splits.append({"rep": match.group("rep"), "share": share})
    return splits


def splits_text(splits: Sequence[Split] | Sequence[Mapping]) -> str:
    """`bo 40%, cy 10%`: what parse_splits reads back."""
    return ", ".join(f"{_get(s, 'rep')} {_get(s, 'share'):g}%" for s in splits)


def credit_text(owner: str | None, splits: Sequence[Split]) -> str:
    """`ann 50% (owner), bo 40%, cy 10%`: everyone's share, the owner's first."""
    if not splits:
        return ""
    rest = 100 - sum(split.share for split in splits)
    head = [f"{owner} {round(rest, 2):g}% (owner)"] if owner and rest > 1e-9 else []
    return ", ".join(head + [f"{split.rep} {split.share:g}%" for split in splits])


def _get(split: Split | Mapping, name: str):
    return split[name] if isinstance(split, Mapping) else getattr(split, name)
