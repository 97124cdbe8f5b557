"""The one place that writes generated pages to disk (for builders that ignore MkDocs hooks).

It writes a file only when its bytes change (so a live preview does not rebuild twice),
never overwrites a file it did not write itself, and removes only its own stale pages,
which it knows from a manifest kept in the output folder.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems

MANIFEST = ".generated-pages"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` whole or not at all: a watching server or a reader never sees half a file.
    An existing file keeps its permissions; a new one gets the usual ones (0666 less the umask)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}")
    try:
        with os.fdopen(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as out:
            out.write(data)
        if target.exists():
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def collisions(pages: dict[str, str], docs: Path, problems: Problems) -> None:
    """A generated page may never shadow a hand-written one in `docs`."""
    for path in sorted(pages):
        hand = docs / path
        if hand.is_file():
            problems.add(hand, 0, "", f"this hand-written page has the same path as the generated page {path}",
                         "rename or move the hand-written page; generated pages never overwrite it")


def write_pages(pages: dict[str, str], out: Path) -> WriteReport:
    """Write `pages` under `out`; raise `InputError` before writing if any would clobber a foreign file."""
    problems = Problems()
    manifest = out / MANIFEST
    ours = set(manifest.read_text(encoding="utf-8").split("\n")) - {""} if manifest.is_file() else set()
    for path in sorted(pages):
        target = out / path
        if target.exists() and path not in ours:
            problems.add(target, 0, "", f"exists and was not written by the generator (page {path})",
                         "move it away or choose another --out folder; it is left untouched")
    problems.raise_if_errors()

    report = WriteReport()
    for path in sorted(pages):
        target = out / path
        data = pages[path].encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged.append(path)
            continue
        write_whole(target, data)
        report.written.append(path)
    for path in sorted(ours - set(pages)):
        stale = out / path
        if stale.is_file():
            stale.unlink()
            report.removed.append(path)
    listing = "\n".join(sorted(pages)) + "\n"
    if not manifest.is_file() or manifest.read_text(encoding="utf-8") != listing:
        out.mkdir(parents=True, exist_ok=True)
        manifest.write_text(listing, encoding="utf-8")
    return report
