"""Change history of the facts, read from the git history of the fact sheet.

For the last commits that changed `seeds/factsheet.yaml` (at most `CAP`, along the first-parent
line, following renames), the file as it was at each commit is parsed with the project's YAML
rules (dates stay text) and its facts are compared with the previous version by id: added,
removed, or which fields changed. Commit dates are committer dates, so the result is the same
for the same repository.

Fast enough for `mkdocs serve`: one `git log` per build, and what each commit changed is kept in the
on-disk cache (`diskcache`) by the two versions compared, so that only a new commit's versions are
read from git (one `git cat-file --batch`) and parsed. Outside a git checkout, without git, or with the
file untracked, `read` returns a `History` that says why, and the site builds without it.

Commit messages and author names are inputs like any other: the templates escape them.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import diskcache, yamlload

CAP = 200  # commits read at most; the page says so
_FIELD_ORDER = ("statement", "figure", "as_of", "review_after", "topics", "entities", "cite")
Version = tuple[str, str]  # (commit hash, path of the fact sheet at that commit)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Commit:
    hash: str
    date: str  # YYYY-MM-DD, committer date
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.hash[:12]

    @property
    def anchor(self) -> str:
        return f"commit-{self.short}"


@dataclass(frozen=True)
class FactChange:
    commit: Commit
    fact_id: str
    kind: str  # "added", "removed" or "changed"
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One commit that changed the fact sheet, with what it did to the facts."""

    commit: Commit
    changes: tuple[FactChange, ...]
    readable: bool = True


@dataclass
class History:
    available: bool
    reason: str = ""  # why it is not available
    path: str = ""  # the fact sheet's path in the repository
    entries: list[Entry] = field(default_factory=list)  # newest first
    capped: bool = False
    cap: int = CAP

    @classmethod
    def unavailable(cls, reason: str) -> History:
        return cls(available=False, reason=reason)

    @classmethod
    def not_read(cls) -> History:
        return cls.unavailable("it is not read for this build (the MkDocs build and "
                               "`python -m generator render` read it)")

    def for_fact(self, fact_id: str) -> list[FactChange]:
        """The fact's changes, newest first."""
        return self._by_fact.get(fact_id, [])

    @functools.cached_property
    def _by_fact(self) -> dict[str, list[FactChange]]:
        # One pass over the history, not one per fact: ten thousand facts made it quadratic.
        out: dict[str, list[FactChange]] = {}
        for entry in self.entries:
            for change in entry.changes:
                out.setdefault(change.fact_id, []).append(change)
        return out


def read(factsheet: Path, cap: int = CAP) -> History:
    """The facts' history from git, or a `History` that says plainly why there is none."""
    git = shutil.which("git")
    if git is None:
        return History.unavailable("git is not installed")
    folder = factsheet.resolve().parent
    if not folder.is_dir():
        return History.unavailable("the fact sheet's folder does not exist")
    # Two git commands on the usual path (each costs a process start, on every rebuild).
    where = _git(git, folder, "rev-parse", "--show-toplevel")
    if where is None:
        return History.unavailable("the project is not a git checkout")
    root = Path(where.decode("utf-8", "replace").strip())
    try:
        rel = factsheet.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return History.unavailable("the fact sheet is outside the git checkout")
    log = _git(git, root, "-c", "log.showSignature=false", "log", "--first-parent", "--follow",
               "--no-color", "--encoding=UTF-8", f"-n{cap + 1}",
               "--format=%x1e%H%x1f%cI%x1f%an%x1f%s", "--name-status", "--", rel)
    if not (log or b"").strip() and _git(git, root, "ls-files", "--error-unmatch", "--", rel) is None:
        return History.unavailable(f"{rel} is not tracked by git")  # (asked only when there is no log)
    if log is None:
        return History.unavailable("git could not read the history")
    commits = _parse_log(log.decode("utf-8", "replace"), rel)
    capped = len(commits) > cap
    entries = _Compare(git, root).entries(commits[::-1], baseline=capped)
    return History(available=True, path=rel, entries=entries[::-1], capped=capped, cap=cap)


# -- git --------------------------------------------------------------------------------------

def _git(git: str, cwd: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run([git, "-c", "core.quotepath=off", *args], cwd=cwd, input=stdin,
                              capture_output=True, env=env, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("git %s could not run: %s", args[0], exc)
        return None
    if done.returncode != 0:  # often expected (not a checkout, an untracked file): the caller says what it means
        log.debug("git %s exited %d: %s", args[0], done.returncode, done.stderr.decode("utf-8", "replace").strip())
        return None
    return done.stdout


def _parse_log(text: str, rel: str) -> list[tuple[Commit, str | None]]:
    """(commit, path of the file at that commit, None if the commit deleted it), newest first."""
    out: list[tuple[Commit, str | None]] = []
    current = rel  # the file's name as of the commit being read (renames are followed back)
    for record in text.split("\x1e"):
        lines = [line for line in record.split("\n") if line.strip()]
        if not lines:
            continue
        parts = lines[0].split("\x1f")
        if len(parts) != 4:
            continue
        commit = Commit(hash=parts[0], date=parts[1][:10], author=parts[2], subject=parts[3])
        path: str | None = current
        for status in lines[1:]:
            fields = status.split("\t")
            if fields[0].startswith("D"):
                path = None
            else:
                path = fields[-1]
                current = fields[1] if fields[0].startswith(("R", "C")) and len(fields) == 3 else fields[-1]
        out.append((commit, path))
    return out


class _Compare:
    """What each commit did to the facts, from the cache or by reading the two versions it compares."""

    def __init__(self, git: str, root: Path) -> None:
        self.git, self.root = git, root
        self.cache = diskcache.Store("history", (sys.modules[__name__], yamlload))
        self.facts: dict[Version, dict[str, dict] | None] = {}  # versions read by this call

    def entries(self, commits: list[tuple[Commit, str | None]], baseline: bool) -> list[Entry]:
        """Entries oldest first. With `baseline`, the oldest commit only serves as the starting point. A version
        that cannot be read is an entry of its own; the next one is compared with the last readable one."""
        previous: Version | None = None
        if baseline and commits:
            first, path = commits.pop(0)
            previous = (first.hash, path) if path else None
        out = []
        for commit, path in commits:
            version = (commit.hash, path) if path else None
            key = f"{_name(previous)}>{_name(version)}"
            done = self.cache.get(key)
            if done is diskcache.MISSING:
                done = self._compare(previous, version)
                self.cache.put(key, done)
            if done is None:
                out.append(Entry(commit=commit, changes=(), readable=False))
                continue
            out.append(Entry(commit=commit, changes=tuple(FactChange(commit, fid, kind, tuple(details))
                                                          for fid, kind, details in done)))
            previous = version
        return out

    def _compare(self, old: Version | None, new: Version | None) -> list | None:
        self._read([v for v in (old, new) if v is not None and v not in self.facts])
        before = self.facts[old] if old else {}
        after = self.facts[new] if new else {}  # a commit that deleted the file removed every fact
        if after is None:
            return None
        before = before or {}  # (the last readable version is always the one compared with)
        changes = [(fid, "added", []) for fid in after if fid not in before]
        changes += [(fid, "changed", describe(before[fid], fact))
                    for fid, fact in after.items() if fid in before and before[fid] != fact]
        changes += [(fid, "removed", []) for fid in before if fid not in after]
        return changes

    def _read(self, versions: list[Version]) -> None:
        if not versions:
            return
        request = "".join(f"{h}:{p}\n" for h, p in versions).encode("utf-8")
        blobs = _git(self.git, self.root, "cat-file", "--batch", stdin=request)
        for version, blob in zip(versions, _parse_batch(blobs or b"", len(versions)), strict=False):
            self.facts[version] = facts_of(blob)


def _name(version: Version | None) -> str:
    return f"{version[0]}:{version[1]}" if version else "-"


def _parse_batch(data: bytes, count: int) -> list[bytes | None]:
    out: list[bytes | None] = []
    pos = 0
    for _ in range(count):
        end = data.find(b"\n", pos)
        if end < 0:
            out.append(None)
            continue
        header = data[pos:end].split()
        pos = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            out.append(data[pos:pos + size])
            pos += size + 1
        else:
            out.append(None)  # "missing" or not a file
    return out


# -- facts and their differences --------------------------------------------------------------

def facts_of(blob: bytes | None) -> dict[str, dict] | None:
    """The facts of one version of the fact sheet, by id; None if it cannot be read."""
    if blob is None:
        return None
    try:
        data = yamlload.plain_values(blob.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(data, dict):
        return None
    facts = data.get("facts") or []
    if not isinstance(facts, list):
        return None
    out: dict[str, dict] = {}
    for fact in facts:
        if isinstance(fact, dict) and isinstance(fact.get("id"), str) and fact["id"] not in out:
            out[fact["id"]] = fact  # plain values already (text, numbers, lists, mappings with text keys)
    return out


def describe(old: dict, new: dict) -> list[str]:
    """What changed between two versions of one fact, one short phrase per field."""
    keys = [k for k in _FIELD_ORDER if k in old or k in new]
    keys += sorted((set(old) | set(new)) - set(_FIELD_ORDER) - {"id"})
    out = []
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key == "statement":
            out.append(f"statement reworded (before: “{_text(before)}”)")
        elif key == "figure":
            out.append(f"figure {_figure(before)} → {_figure(after)}")
        elif key in ("as_of", "review_after"):
            out.append(f"{key} {_text(before) or 'unset'} → {_text(after) or 'unset'}")
        elif key in ("topics", "entities"):
            out.append(f"{key} " + _set_change(_list(before), _list(after)))
        elif key == "cite":
            out.append(_cite_change(before, after))
        else:
            out.append(f"{key} changed")
    return out


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else ([] if value is None else [str(value)])


def _figure(value: object) -> str:
    if isinstance(value, dict):
        return " ".join(_text(value.get(k)) for k in ("text", "unit") if value.get(k) is not None) or "set"
    return "unset" if value is None else _text(value)


def _set_change(before: list[str], after: list[str]) -> str:
    added = [x for x in after if x not in before]
    removed = [x for x in before if x not in after]
    parts = [f"+{x}" for x in added] + [f"−{x}" for x in removed]
    return ", ".join(parts) if parts else "reordered"


def _cite_change(before: object, after: object) -> str:
    def sources(value: object) -> list[str]:
        items = value if isinstance(value, list) else [value] if value is not None else []
        return [str(i.get("source")) for i in items if isinstance(i, dict)]

    old, new = sources(before), sources(after)
    if old != new and sorted(set(old)) != sorted(set(new)):
        return "sources " + _set_change(old, new)
    return "citations edited (quote, paragraph, rank or claim)"
