"""Run a function in a forked copy of this process, on the second core, while this process goes on.

The child starts with everything already read and checked (a fork shares the parent's memory as it
was), runs the function and sends back only what it returns, pickled, through a pipe. Forking is
safe only in a process that runs a single thread: a build, never `mkdocs serve`, whose server and
file watcher run in threads (the callers decide). A child that fails or dies raises here; nothing waits
for ever.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

# Fewer items than this and a second process costs more than it saves (the seed site has 19 pages).
MIN_ITEMS = 100
JOBS_VARIABLE = "EXPLAINER_JOBS"


def worthwhile(items: int, environ: dict[str, str] | None = None) -> bool:
    """EXPLAINER_JOBS=1 keeps everything in one process, EXPLAINER_JOBS=2 always forks; by default a child
    is forked on Linux with two cores or more, for at least MIN_ITEMS items."""
    if not sys.platform.startswith("linux"):  # macOS has fork, but its system libraries do not bear it
        return False
    jobs = (os.environ if environ is None else environ).get(JOBS_VARIABLE, "").strip()
    if jobs:
        return jobs.isdigit() and int(jobs) >= 2
    return (os.cpu_count() or 1) >= 2 and items >= MIN_ITEMS


class ChildFailed(RuntimeError):
    """The forked child raised, or died before it could answer."""


class Child(Generic[T]):
    """`function()` run in a forked child; `result()` waits for what it returned."""

    def __init__(self, function: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: run, answer, and leave without running the parent's exit handlers
            os.close(read_end)
            _answer(write_end, function)
        os.close(write_end)
        self._read_end = read_end

    def result(self) -> T:
        with os.fdopen(self._read_end, "rb") as pipe:
            data = pipe.read()  # read it all before waiting: a full pipe would block the child
        _, status = os.waitpid(self._pid, 0)
        if not data:
            raise ChildFailed(f"the second process ended without an answer (wait status {status})")
        ok, value = pickle.loads(data)
        if not ok:
            raise ChildFailed(f"the second process failed:\n{value}")
        return value


def _answer(write_end: int, function: Callable[[], object]) -> None:
    code = 0
    try:
        try:
            answer = (True, function())
        except BaseException:  # noqa: BLE001 - every failure goes back to the parent, which raises it
            answer = (False, traceback.format_exc())
            code = 1
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(answer, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(code)
