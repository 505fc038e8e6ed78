"""How many of a chart's axis labels to show: plotext drops the labels that would overlap, which
left uneven gaps (2025-01, 2025-03, 2025-04 ...); showing every n-th one keeps them even."""

from __future__ import annotations

import math


def label_step(count: int, width: int, room: int, gap: int = 2) -> int:
    """Show every step-th of `count` labels `width` cells wide, so that they fit in `room`
    cells with `gap` cells between them."""
    fits = max(1, room // (width + gap))
    return max(1, math.ceil(count / fits))
