"""Time generation alone, exactly as a build runs it: the MkDocs hook's `on_pre_build` on the project's config.

`python -m benchmarks.generate PROJECT` prints one JSON line: seconds (wall, in-process, after imports
and config loading), pages rendered, and the process's peak resident memory in bytes. A fresh process
per run, like `mkdocs build`, so template compilation and the first read of the inputs are included.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    project = Path(sys.argv[1]).resolve()
    os.chdir(project)
    sys.path.insert(0, str(project))
    from mkdocs.config import load_config

    from generator.mkdocs_adapter.hook import Adapter

    config = load_config(str(project / "mkdocs.yml"))
    adapter = Adapter()
    start = time.perf_counter()
    adapter.on_pre_build(config)
    seconds = time.perf_counter() - start
    pages = len(adapter.outputs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "pages": pages, "peak_rss": peak}))


if __name__ == "__main__":
    main()
