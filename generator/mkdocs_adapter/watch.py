"""Under `mkdocs serve`, hear a save through the operating system's file events (inotify on Linux).

MkDocs 1.6 polls the watched folders every half second, so a save waits a quarter of a second on
average before anything starts (`make bench`: preview after a YAML edit); file events arrive within
milliseconds. MkDocs offers no public way to choose its observer, so this swaps the one its live-reload
server made: the one place in the project that touches MkDocs' private attributes (`observer`,
`_watched_paths`, `_watch_refs`). It does so only for the versions whose server it was written
against, when those attributes are there, and when the system grants file events for every watched
folder; otherwise it says why, once, and MkDocs keeps polling.
"""

from __future__ import annotations

import logging

# The builders and versions whose LiveReloadServer keeps its observer and watches in these attributes.
KNOWN_VERSIONS = {"mkdocs": "1.6.", "properdocs": "1.6."}
PRIVATE_ATTRIBUTES = ("observer", "_watched_paths", "_watch_refs")


def builder_version() -> tuple[str, str]:
    """(builder, version) of the MkDocs in this process; ProperDocs stands in for `mkdocs` when it runs."""
    import mkdocs

    name = "properdocs" if mkdocs.__name__.startswith("properdocs") else "mkdocs"
    return name, getattr(mkdocs, "__version__", "")


def unsupported(server, version: tuple[str, str] | None = None) -> str:
    """Why file events cannot be put in, or "" if they can."""
    name, number = version or builder_version()
    prefix = KNOWN_VERSIONS.get(name)
    if prefix is None or not number.startswith(prefix):
        return f"{name} {number} is not a version this was written for"
    missing = [a for a in PRIVATE_ATTRIBUTES if not hasattr(server, a)]
    if missing:
        return f"the live-reload server has no {', '.join(missing)}"
    if not (isinstance(server._watched_paths, dict) and isinstance(server._watch_refs, dict)):
        return "the live-reload server keeps its watches in another form"
    return ""


def use_file_events(server, log: logging.Logger, version: tuple[str, str] | None = None) -> bool:
    """Move every folder `server` watches to an observer of file events; False (and one log line) if not."""
    reason = unsupported(server, version)
    watched = dict(server._watched_paths) if not reason else {}
    if not reason:
        try:
            observer = _changes_observer()
            _try_watching(list(watched))
        except (OSError, TypeError) as exc:  # e.g. the system's limit of inotify watches is reached
            reason = f"file events unavailable ({exc})"
    if reason:
        log.info("%s; MkDocs keeps polling every half second", reason)
        return False
    server.observer = observer
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path, count in watched.items():  # the same folders, as often as they were asked for (unwatch counts)
        for _ in range(count):
            server.watch(path)
    return True


def _changes_observer():
    """An observer of the operating system's file events that reports only what changes a file.
    (watchdog is imported here: only `mkdocs serve` needs it.)"""
    from watchdog import events
    from watchdog.observers import Observer

    # Inotify also reports every file opened or read, and MkDocs rebuilds on any event: reading a
    # template during a build would set off the next build, for ever.
    changes = [events.FileModifiedEvent, events.FileCreatedEvent, events.FileDeletedEvent,
               events.FileMovedEvent, events.FileClosedEvent]

    class ChangesObserver(Observer):  # type: ignore[valid-type,misc]
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, follow_symlink=follow_symlink,
                                    event_filter=event_filter or changes)

    return ChangesObserver()


def _try_watching(paths: list[str]) -> None:
    """Watch the folders once and stop: raises OSError now, at startup, if file events cannot be had
    for them (watchdog would otherwise raise it from inside `mkdocs serve` and end the server)."""
    from watchdog.events import FileSystemEventHandler

    probe, ignore = _changes_observer(), FileSystemEventHandler()
    for path in paths:
        probe.schedule(ignore, path, recursive=True)
    probe.start()
    probe.stop()
    probe.join(timeout=5)
