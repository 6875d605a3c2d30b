"""Progress reporting on stderr for long runs, with no dependency.

Library functions take ``progress: bool | Progress | None``; the command line turns it
on when stderr is a terminal and ``--quiet`` is not given. A phase is a ``with`` block::

    with as_progress(progress).phase("projection"):
        ...

which prints ``[partylinks] projection ...`` when it starts and ``done in 1.2 s`` when
it ends. ``Progress.times`` keeps every phase's seconds, which the benchmark reads.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager

__all__ = ["Progress", "as_progress"]


class Progress:
    """Times phases and, when ``enabled``, reports them on ``stream`` (stderr).

    Examples
    --------
    >>> p = Progress(enabled=False)
    >>> with p.phase("load"):
    ...     pass
    >>> list(p.times)
    ['load']
    """

    def __init__(self, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.times: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str):
        """Time the ``with`` block as phase ``name`` and report it when enabled."""
        if self.enabled:
            print(f"[partylinks] {name} ...", file=self.stream, flush=True)
        t0 = time.perf_counter()
        try:
            yield self
        finally:
            dt = time.perf_counter() - t0
            self.times[name] = self.times.get(name, 0.0) + dt
            if self.enabled:
                print(f"[partylinks] {name} done in {dt:.2f} s", file=self.stream, flush=True)

    def note(self, text: str) -> None:
        """A one-line message when enabled."""
        if self.enabled:
            print(f"[partylinks] {text}", file=self.stream, flush=True)


def as_progress(progress: bool | Progress | None) -> Progress:
    """A :class:`Progress` from a flag (``None``/``False`` = silent, still timing).

    Examples
    --------
    >>> as_progress(None).enabled, as_progress(True).enabled
    (False, True)
    """
    if isinstance(progress, Progress):
        return progress
    return Progress(enabled=bool(progress))
