"""A second process for work that splits in two: page rendering, conversion and writing in a build.

The worker is a fork of the calling process, so it starts with everything already read and checked,
and sends back only its results. Forking is safe only where the process runs a single thread: a
build, never `mkdocs serve` (its server and file watcher run in threads).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# Fewer items than this and a worker costs more than it saves (the seed site has 19 pages).
MIN_ITEMS = 100


def wanted(items: int) -> bool:
    """EXPLAINER_JOBS=1 keeps everything in one process, EXPLAINER_JOBS=2 always forks a worker; by
    default a worker is forked where there are two cores and at least MIN_ITEMS items."""
    if not sys.platform.startswith("linux"):  # macOS has fork, but its system libraries do not bear it
        return False
    jobs = os.environ.get("EXPLAINER_JOBS", "").strip()
    if jobs:
        return jobs.isdigit() and int(jobs) >= 2
    return (os.cpu_count() or 1) >= 2 and items >= MIN_ITEMS


class Worker:
    """`function(argument)` run in a forked copy of this process; `result()` waits for what it returns.

    A worker that dies (killed for memory, say) raises `BrokenProcessPool` in `result()`: the build
    stops with that error instead of waiting for ever."""

    def __init__(self, function: Callable[[Any], Any], argument: Any) -> None:
        self.started = time.monotonic()
        self.finished: float | None = None  # when its result arrived (for the balance of the split)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self._pending = self._pool.submit(function, argument)  # the fork happens here
        self._pending.add_done_callback(lambda _: setattr(self, "finished", time.monotonic()))

    def result(self) -> Any:
        try:
            return self._pending.result()
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the worker, done or not (a build that failed does not wait for it)."""
        if not self._pending.done():
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
