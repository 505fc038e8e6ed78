"""Members of a board and their roles."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from datetime import tzinfo
from typing import Annotated, Literal

import msgspec

from sales.errors import Reason, Refused

Role = Literal["lead", "rep"]
ROLES: tuple[str, ...] = ("lead", "rep")
_NAME = re.compile(r"^\w[\w.\-]{0,39}$")


class Member(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    role: Role = "rep"
    #: Their time zone (an IANA name; "" is the machine's): what "today" and "overdue" are for
    #: them, wherever the board is served from (a rep in Shanghai on a server in Frankfurt).
    zone: Annotated[str, msgspec.Meta(max_length=64)] = ""

    def __post_init__(self) -> None:
        _check_name(self.name)
        self.zone = self.zone.strip()
        if self.zone:
            time_zone(self.zone)


#: The interface's languages a member may keep (tui/i18n.py's LANGUAGES; "" is the server's).
LANGUAGES: tuple[str, ...] = ("en", "zh")
#: Each language by its name in its own language, as people read it (`中文`, not `zh`: codes are
#: for scripts and files); tui/i18n.py's LANGUAGE_NAMES, kept there too so that it imports no msgspec.
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
#: A theme's name as a theme file names it (tui/user_config.py's THEME_NAME); "" is the server's.
_THEME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class MemberPrefs(msgspec.Struct, forbid_unknown_fields=True):
    """A member's own language and theme, kept on the board: over `uplift serve ssh` every
    session runs under the server's account, whose config file would make one rep's pick
    everyone's. "" is no choice (the server's). Whether a theme exists is the app's to say
    (themes are files); here only its name's form is checked."""

    member: str
    language: str = ""
    theme: str = ""

    def __post_init__(self) -> None:
        self.language = pref_language(self.language)
        self.theme = pref_theme(self.theme)


def pref_language(value: str) -> str:
    """A member's language as kept ("" for none), or a Reason."""
    value = value.strip().lower()
    if value and value not in LANGUAGES:
        raise Reason("{value!r} is not a language (en or zh)", value=value)
    return value


def pref_theme(value: str) -> str:
    """A member's theme's name as kept ("" for none), or a Reason."""
    value = value.strip()
    if value and not _THEME.match(value):
        raise Reason("{value!r} is not a theme name (letters, digits and dashes)", value=value)
    return value


class FormerMember(msgspec.Struct, forbid_unknown_fields=True):
    """Someone who has left the board, as a plan file carries them (`former:`): their name stays
    on what they did and owned, and the role they left as says whether a cycle they earned in
    still pays them (store.incentives' former_reps)."""

    name: str
    role: Role = "rep"

    def __post_init__(self) -> None:
        _check_name(self.name)


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise Reason("{name!r} is not a member name: letters, digits, '.', '_' or '-', at most 40",
                     name=name).in_field("name")


def last_lead(roles: dict[str, str], name: str, *, removing: bool) -> Refused | None:
    """Why `name` may not stop being a lead (made a rep, or taken off the board: `removing`), or
    None. A board keeps at least one lead: without one nobody could add members, approve budget
    or hand work over again (and a board whose last member left would be anyone's to change)."""
    if roles.get(name) != "lead" or sum(role == "lead" for role in roles.values()) > 1:
        return None
    if removing and len(roles) == 1:
        return Refused("{name} is the board's only member, and a board keeps at least one lead; "
                       "add another lead first (uplift member add NAME --role lead)", name=name)
    return Refused("{name} is the board's only lead, and a board keeps at least one lead; "
                   "make someone else lead first", name=name)


def time_zone(name: str) -> tzinfo:
    """The time zone an IANA name (Europe/Berlin, Asia/Shanghai, UTC) names, or a Reason."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        if (like := _spelled_otherwise(name)) is not None:  # `utc`, `Asia/shanghai`: the names are case-sensitive
            raise Reason("{zone!r} is not a time zone; the name is written {like}", zone=name, like=like) from None
        raise Reason("{zone!r} is not a time zone (an IANA name, such as Europe/Berlin, Asia/Shanghai or UTC)",
                     zone=name) from None


def _spelled_otherwise(name: str) -> str | None:
    """The one IANA name that is `name` but for case (`utc`: UTC), or None."""
    from zoneinfo import available_timezones

    wanted = name.strip().casefold()
    found = [zone for zone in available_timezones() if zone.casefold() == wanted]
    return found[0] if len(found) == 1 else None


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))


def _folded(name: str) -> str:
    """A name with case, spaces and punctuation left out: `Daniell Hammack` and
    `daniell.hammack` are the same person."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def member_for(name: str, members: Collection[str]) -> str | None:
    """The member a name from elsewhere (a CRM's `Daniell Hammack`) stands for: the member of
    that name, else the one member whose name is the same but for case, spaces and punctuation
    (`daniell.hammack`, `DaniellHammack`); None when there is none, or more than one."""
    if name in members:
        return name
    if "@" in name:  # an owner's email (`ali.khan@acme.com`), as some CRMs export them: the name before the @
        return member_for(name.split("@")[0], members)
    wanted = _folded(name)
    found = [member for member in members if wanted and _folded(member) == wanted]
    return found[0] if len(found) == 1 else None


def name_for(text: str) -> str:
    """A member name for a person named elsewhere: `Daniell Hammack` -> `daniell.hammack`; an
    email, by the name before its @: `ali.khan@acme.com` -> `ali.khan`."""
    if "@" in text:
        text = text.split("@")[0].replace(".", " ").replace("_", " ")
    words = ["".join(ch for ch in word if ch.isalnum() or ch in "_-") for word in text.casefold().split()]
    return ".".join(word for word in words if word)[:40]


def nearest_member(ref: str, names: Collection[str]) -> str | None:
    """The member whose name is nearest `ref` when one is near enough (a typo, `alli`; a
    capital, `Ali`): what a "did you mean" names."""
    ordered = sorted(names)
    near = difflib.get_close_matches(ref.lower(), [n.lower() for n in ordered], n=1, cutoff=0.6)
    return next(n for n in ordered if n.lower() == near[0]) if near else None
