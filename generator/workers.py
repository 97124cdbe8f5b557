"""A second process for work that splits in two: page rendering, conversion and writing in a build.

The worker is a fork of the calling process, so it starts with everything already read and checked,
and sends back only its results. Forking is safe only where the process runs a single thread: a
build, never `mkdocs serve` (its server and file watcher run in threads). There, `Helper` is a second
process of its own, a fresh interpreter kept between rebuilds.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
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


class Helper:
    """One second process for the whole of `mkdocs serve`. It is not a fork of the serving process (whose
    threads make forking unsafe) but a fresh interpreter (multiprocessing's spawn), started once and kept
    from one rebuild to the next. It shares no memory with the serving process: what it is asked to do,
    it reads from disk itself. It leaves Ctrl-C to the serving process, and ends when that process ends,
    however it ends."""

    _pool: ProcessPoolExecutor | None = None

    @classmethod
    def submit(cls, function: Callable[..., Any], *args: Any) -> Future:
        if cls._pool is None:
            cls._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_helper_started, initargs=(os.getpid(),))
            atexit.unregister(cls.stop)  # once, however many times the helper was started again
            atexit.register(cls.stop)
        try:
            return cls._pool.submit(function, *args)
        except RuntimeError:  # the process died (killed for memory, say): a new one next time
            cls.stop()
            raise

    @classmethod
    def warm(cls) -> None:
        """Start the process now, so that the first rebuild that uses it does not wait for it to start."""
        if cls._pool is None:
            cls.submit(int)

    @classmethod
    def stop(cls) -> None:
        if cls._pool is not None:
            cls._pool.shutdown(wait=False, cancel_futures=True)
            cls._pool = None


def _helper_started(parent: int) -> None:
    """In the helper, first: Ctrl-C in the terminal reaches the whole process group, and the serving process
    answers it; a serving process killed outright leaves no one to say stop, so the helper watches it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="watch-serve", daemon=True).start()
