"""Problems found in the inputs, collected and reported together.

Every problem names a file, a line, a key path, what is wrong and what to do, so an
editor can fix all of them in one pass instead of one per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    key: str
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        key = f" {self.key}:" if self.key else ""
        hint = f" ({self.hint})" if self.hint else ""
        level = " warning:" if self.warning else ""
        return f"{where}:{level}{key} {self.message}{hint}"


@dataclass
class Problems:
    """A collector: stages add to it, the pipeline fails once at the end."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, line: int, key: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(display_path(path), line, key, message, hint))

    def warn(self, path: str | Path, line: int, key: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(display_path(path), line, key, message, hint, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return sorted({p for p in self.items if not p.warning})

    @property
    def warnings(self) -> list[Problem]:
        return sorted({p for p in self.items if p.warning})

    def raise_if_errors(self, strict: bool = False) -> None:
        failing = self.errors + (self.warnings if strict else [])
        if failing:
            raise InputError(failing)


class InputError(click.ClickException):
    """Raised once with every problem; click prints it as plain lines and exits 1."""

    exit_code = 1

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in problems]
        lines.append(f"{count} {noun} found; nothing was written.")
        super().__init__("\n".join(lines))

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # no "Error: " prefix: each line starts with its file
        click.echo(self.format_message(), err=True, file=file)


def display_path(path: str | Path) -> str:
    """A path relative to the working directory when possible, with forward slashes."""
    p = Path(path)
    try:
        p = p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        pass
    return p.as_posix()
