"""Lighthouse on the built site: a benchmark, not a test (`make lighthouse`).

Serves site/ on 127.0.0.1, runs Lighthouse 12.2.3 (benchmarks/lighthouse/, its own package.json so
`make test` never installs it) with Debian's Chromium on the home page and one topic page, with
the desktop preset, and prints the four category scores. Accessibility, best practices and SEO
must be 100: the script exits 1, naming the failing audits, when one is not. Performance is printed
for information only (it depends on the machine's load).

    python -m benchmarks.lighthouse [--site site] [page ...]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
PAGES = ("", "topics/sdf/")
MUST_BE_PERFECT = ("accessibility", "best-practices", "seo")
CATEGORIES = ("performance", *MUST_BE_PERFECT)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def audit(url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROME}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--preset=desktop", "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is not installed: run `make lighthouse` (npm ci in benchmarks/lighthouse)")
    if not (args.site / "index.html").is_file():
        sys.exit(f"no built site in {args.site}: run `make site`")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failed = False
    print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES))
    try:
        for page in args.pages:
            report = audit(base + page)
            scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
            print(f"{'/' + page:<16}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
            for category in MUST_BE_PERFECT:
                if scores[category] == 100:
                    continue
                failed = True
                for ref in report["categories"][category]["auditRefs"]:
                    item = report["audits"][ref["id"]]
                    if ref["weight"] and item["score"] is not None and item["score"] < 1:
                        print(f"  {category}: {ref['id']}: {item['title']}")
    finally:
        server.shutdown()
    print("performance is the desktop preset's score, for information; the others must be 100")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
