"""Finding items by the words a person remembers of them (`task list --search isdom quote`), as
taskwarrior's `task /isdom/ list` and a CRM's search box do: over SSH there is no board to scroll."""

from __future__ import annotations


def holds_words(words: str, *texts: str) -> bool:
    """Whether every one of `words` (whatever their case) is in one of `texts`: `isdom quote`
    finds "Send the Isdom quote", and so does `ISDOM`; no words find everything."""
    said = "\n".join(texts).casefold()
    return all(word in said for word in words.casefold().split())
