"""Members' SSH public keys: the one thing that says who a session over `uplift serve ssh` is.

A key is kept as OpenSSH writes it in a `.pub` file (`TYPE BASE64 [COMMENT]`), with its SHA256
fingerprint (as `ssh-keygen -l` prints it) so that people can tell keys apart. The checks here are
structural (the blob is base64 and names the same type as the line); the command line also has
the SSH library parse the key before it is stored.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct

import msgspec

from sales.errors import Reason
from sales.members import valid_name
from sales.text import clean_line

KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
             "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
             "sk-ecdsa-sha2-nistp256@openssh.com")
MAX_KEY_FILE = 16_384
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


class NotAKey(Reason):
    """Not a usable public key (the message, a template and its values, says why)."""


class MemberKey(msgspec.Struct, forbid_unknown_fields=True):
    member: str
    type: str
    blob: str          # the base64 part of the .pub line
    fingerprint: str   # SHA256:... as ssh-keygen prints it
    comment: str = ""

    def __post_init__(self) -> None:
        if not valid_name(self.member):
            raise Reason("{name!r} is not a member name", name=self.member)
        self.comment = clean_line(self.comment)[:100]
        if self.type not in KEY_TYPES:
            raise Reason("{type!r} is not an SSH public key type ({types})", type=self.type, types=", ".join(KEY_TYPES))
        if fingerprint(self.blob) != self.fingerprint:
            raise Reason("the fingerprint does not match the key")

    def line(self) -> str:
        return f"{self.type} {self.blob}" + (f" {self.comment}" if self.comment else "")


def parse_public_key(text: str) -> tuple[str, str, str]:
    """(type, base64 blob, comment) of the first key line of a `.pub` file; NotAKey if none."""
    if len(text) > MAX_KEY_FILE:
        raise NotAKey("too long for a public key file ({count} characters)", count=len(text))
    if "PRIVATE KEY" in text:
        raise NotAKey("this is a PRIVATE key: never hand it over; give the matching .pub file")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        raise NotAKey("the file holds no key")
    parts = lines[0].split(None, 2)
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        raise NotAKey("not an OpenSSH public key line (`ssh-ed25519 AAAA... comment`)")
    kind, blob = parts[0], parts[1]
    if not _BASE64.match(blob):
        raise NotAKey("the key's data is not base64")
    try:
        raw = base64.b64decode(blob, validate=True)
        (length,) = struct.unpack(">I", raw[:4])
        embedded = raw[4:4 + length].decode("ascii")
    except (binascii.Error, struct.error, UnicodeDecodeError):
        raise NotAKey("the key's data is damaged") from None
    if embedded != kind:
        raise NotAKey("the key's data says {embedded!r} but the line says {kind!r}", embedded=embedded, kind=kind)
    return kind, blob, parts[2] if len(parts) > 2 else ""


def fingerprint(blob: str) -> str:
    """`SHA256:...` of a key's base64 blob, as `ssh-keygen -l` prints it."""
    try:
        digest = hashlib.sha256(base64.b64decode(blob)).digest()
    except binascii.Error:
        return ""
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")
