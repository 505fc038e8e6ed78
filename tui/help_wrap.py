"""argparse's help wrapped by the cells a terminal gives each character, as Chinese is set.

argparse wraps help with textwrap, which counts characters and breaks only at spaces: a line of
Chinese help (two cells a character, and hardly a space) ran far past an 80-column terminal's
edge and broke there at its left margin, under the option names (`uplift deal add --help`: 113
cells); `用法：` counted three cells of its six, so a usage line ran over by three. `CellWrap`
wraps text holding wide characters with sales.text.wrap_cells (between any two of them, never
before a closing mark); English help is wrapped as argparse wraps it.
"""

from __future__ import annotations

import argparse

from sales.text import display_width, wrap_cells

#: The fewest cells a wrapped line is given, however far in the help column starts.
LEAST = 11


def _wide(text: str) -> bool:
    return display_width(text) != len(text)


class CellWrap(argparse.HelpFormatter):
    """argparse's help, with lines that hold wide characters wrapped to the terminal's cells."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not _wide(text):
            return super()._split_lines(text, width)
        return wrap_cells(self._whitespace_matcher.sub(" ", text).strip(), max(width, LEAST))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not _wide(text):
            return super()._fill_text(text, width, indent)
        lines = wrap_cells(self._whitespace_matcher.sub(" ", text).strip(), max(width - len(indent), LEAST))
        return "\n".join(indent + line for line in lines)

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        said = argparse._("usage: ") if prefix is None else prefix  # (argparse's own default, as speak() says it)
        extra = display_width(said) - len(said)
        self._width -= extra
        try:
            return super()._format_usage(usage, actions, groups, said)
        finally:
            self._width += extra
