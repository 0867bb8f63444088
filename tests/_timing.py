"""How the growth tests time a run: this process's CPU time, best of a few runs.

A test that checks that work grows linearly (4x the input, nowhere near 16x
the time) must not fail because the machine is busy: wall time counts every
other process on a loaded CI machine, CPU time of this process much less, and
the best of several runs drops the rest of the noise. Speed targets in
seconds are not asserted in tests; they live in ``benchmarks/``.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def cpu_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time (seconds, this process) that ``run()`` took over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return best
