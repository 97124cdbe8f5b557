"""`make bench`: speed and size of the explainer at 1 to 1,000 articles, with budgets.

For every scale (the real seeds, then synthetic seeds from `benchmarks/synth.py`) it measures, each as the
median of several runs in fresh processes:

- generation alone: the MkDocs adapter's `on_pre_build` (read → check → render → export), wall time and
  peak memory;
- a full `mkdocs build --strict`: wall time (the command, start to exit) and peak memory;
- the preview: a real `mkdocs serve` on 127.0.0.1; one line of seeds/factsheet.yaml is edited and the
  served page is polled until the edit shows; the server log tells how many rebuilds each save set off;
- the built site's size, and the gzip size of what a first visit to the home page and to a topic page
  loads (the HTML, and the CSS and JavaScript it references, the search worker included);
- at 100 and 1,000 articles, the floor: the same pages converted to HTML beforehand and handed to MkDocs
  as page content by a three-line hook (theme, search index and writing only; `floor_project`);
- at 100 and 1,000 articles, the baseline: the same generated Markdown (`generator render --out`) built with
  a plain Material `mkdocs.yml` (no nav, so every page is listed in every page; no prune), in the same run.

Budgets are printed PASS/FAIL at the end (medians of 3 runs at every scale by default); the exit status is 0
either way (the figures are the product). The site size at 1,000 articles and the preview at 100 are reported.
Options: `--quick` (seed, 1, 10 and 100 articles, one run each), `--scales 1,10`, `--runs N`,
`--zensical` (also build and preview with Zensical, from `generator render --out`), `--json FILE`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import synth

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides")  # what a site project is, besides seeds/ and generator/
MiB = 1024 * 1024
KiB = 1024


# -- processes ------------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    peak: int  # bytes, the process's peak resident set
    code: int
    out: str
    err: str


def timed(cmd: list[str], cwd: Path, timeout: float = 3600) -> Run:
    """Run a command; wall time from start to exit, and its own peak memory (not its parent's)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=ENV)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            raise
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_maxrss * 1024, proc.returncode, out.read().decode(errors="replace"),
                   err.read().decode(errors="replace"))


def check_ok(run: Run, what: str) -> Run:
    if run.code != 0:
        raise SystemExit(f"{what} failed (exit {run.code}):\n{run.err[-3000:]}")
    return run


# -- projects -------------------------------------------------------------------------------------


def make_project(where: Path, seeds: Path | None = None, articles: int = 0) -> Path:
    """A throwaway copy of the site project around the real generator, as a git checkout (the hook
    reads the fact sheet's history), with the real seeds or `articles` synthetic ones."""
    if where.exists():
        shutil.rmtree(where)
    where.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        elif source.is_file():
            shutil.copy(source, where / name)
    (where / "generator").symlink_to(ROOT / "generator")
    if seeds is not None:
        shutil.copytree(seeds, where / "seeds")
    else:
        synth.write_seeds(where / "seeds", articles)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=where, check=True)
    subprocess.run([*git, "add", "-A"], cwd=where, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "seeds"], cwd=where, check=True)
    return where


def baseline_project(where: Path, project: Path) -> Path:
    """The same generated pages built the way a default Material site is: hand-written and generated
    Markdown in one docs folder, no nav (MkDocs lists every page, in every page), no prune, no hook.
    The Markdown extensions and search stay as in ours: without them the pages would not be the same."""
    if where.exists():
        shutil.rmtree(where)
    where.mkdir(parents=True)
    shutil.copytree(project / "docs", where / "docs")
    check_ok(timed([PY, "-m", "generator", "render", "--seeds", str(project / "seeds"), "--out",
                    str(where / "docs"), "--docs", str(project / "docs")], cwd=project), "generator render")
    ours = (project / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:[ -].*\n)+", ours, re.M)
    search = re.search(r"^plugins:\n(?:[ -].*\n)+", ours, re.M)
    (where / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme:\n  name: material\n"
        + "extra_css:\n  - assets/explainer.css\n"
        + (extensions.group(0) if extensions else "")
        + (search.group(0) if search else "plugins:\n  - search\n"),
        encoding="utf-8")
    return where


FLOOR_HOOK = """from pathlib import Path

HTML = Path(__file__).parent / "html"


def on_page_content(html, page, config, files):
    done = HTML / page.file.src_uri
    return done.read_text(encoding="utf-8") if done.exists() else html
"""


def floor_project(where: Path, project: Path) -> Path:
    """What MkDocs and Material cost on their own for our pages: the same generated pages, converted to
    HTML beforehand (with the Markdown extensions of mkdocs.yml; not timed), handed over as each page's
    content by a three-line hook, so the build does no Markdown and no generation; theme, search index,
    sitemap and writing remain. No build of these pages with MkDocs can be faster than this."""
    import markdown
    from mkdocs.config import load_config

    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(project, where, symlinks=True, ignore=shutil.ignore_patterns("site", "serve.log", ".git"))
    shutil.rmtree(where / "docs")
    shutil.copytree(project / "docs", where / "docs")
    check_ok(timed([PY, "-m", "generator", "render", "--seeds", "seeds", "--out", "docs", "--docs", "docs"],
                   cwd=where), "generator render for the floor")
    config = load_config(str(where / "mkdocs.yml"))
    convert = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    hand_written = {p.relative_to(project / "docs") for p in (project / "docs").rglob("*.md")}
    for page in (where / "docs").rglob("*.md"):
        relative = page.relative_to(where / "docs")
        if relative in hand_written:
            continue
        text = page.read_text(encoding="utf-8")
        front = re.match(r"---\n.*?\n---\n", text, re.S)
        body = text[front.end():] if front else text
        title = re.search(r"^# (.+)$", body, re.M)
        convert.reset()
        done = where / "html" / relative
        done.parent.mkdir(parents=True, exist_ok=True)
        done.write_text(convert.convert(body), encoding="utf-8")
        page.write_text((front.group(0) if front else "") + f"# {title.group(1) if title else 'Page'}\n",
                        encoding="utf-8")
    (where / "floor_hook.py").write_text(FLOOR_HOOK, encoding="utf-8")
    ours = (where / "mkdocs.yml").read_text(encoding="utf-8")
    ours = re.sub(r"^hooks:\n(?:[ -].*\n)+", "hooks:\n  - floor_hook.py\n", ours, flags=re.M)
    (where / "mkdocs.yml").write_text(ours, encoding="utf-8")
    return where


# -- sizes ----------------------------------------------------------------------------------------


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


_JSON_LD = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S)


def site_parts(site: Path) -> dict[str, int]:
    """Where a built site's bytes are: the data downloads, the search index, and in the HTML pages the
    page's own content (its <article>), its JSON-LD, and the theme's frame around them (header, search
    box, navigation, table of contents, footer); "other" is theme assets, images and the sitemap."""
    parts = dict.fromkeys(("data", "search", "content", "json_ld", "frame", "other"), 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        top = path.relative_to(site).parts[0]
        if top in ("data", "search"):
            parts[top] += size
        elif path.suffix == ".html":
            page = path.read_bytes()
            start, end = page.find(b"<article"), page.find(b"</article>")
            content = end - start if 0 <= start < end else 0
            json_ld = sum(len(m) for m in _JSON_LD.findall(page))
            parts["content"] += content
            parts["json_ld"] += json_ld
            parts["frame"] += size - content - json_ld
        else:
            parts["other"] += size
    return parts


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.found.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.found.append(a["src"])
        self.in_config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data):
        if self.in_config:
            self.config += data

    def handle_endtag(self, tag):
        self.in_config = False


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def first_load(site: Path, page: str) -> dict[str, int]:
    """Gzip bytes a first visit to `page` (a path under site/, e.g. "index.html") transfers: the HTML, and
    every stylesheet and script it references, plus the search worker Material starts at load."""
    html_path = site / page
    html = html_path.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    refs = list(parser.found)
    if parser.config:
        worker = json.loads(parser.config).get("search")
        if worker:
            refs.append(worker if "/" in worker else worker)
    total = gz(html)
    assets = 0
    for ref in dict.fromkeys(refs):
        if re.match(r"^[a-z]+:", ref):
            continue  # outside the site: not ours to count (there should be none)
        target = (html_path.parent / ref.split("?")[0].split("#")[0]).resolve()
        if not target.is_file() and parser.config:  # the worker path is relative to the site's base
            base = json.loads(parser.config).get("base", ".")
            target = (html_path.parent / base / ref).resolve()
        if target.is_file():
            assets += gz(target.read_bytes())
    index = site / "search" / "search_index.json"
    return {"html": total, "assets": assets, "total": total + assets,
            "search_index": gz(index.read_bytes()) if index.is_file() else 0}


# -- preview --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def edit_target(project: Path) -> tuple[int, str]:
    """The line of the first topic's summary (one line in the YAML) and the page that shows it."""
    sys.path.insert(0, str(ROOT))
    from generator.errors import Problems
    from generator.yamlload import load_yaml

    loaded = load_yaml(project / "seeds" / "factsheet.yaml", Problems())
    assert loaded is not None
    line = loaded.line_of(("topics", 0, "summary"))
    topic = loaded.data["topics"][0]["id"]
    return line, f"topics/{topic}/"


def edit_line(path: Path, line: int, token: str) -> None:
    """Put `token` at the start of the quoted value on `line` (1-based): a one-line edit, saved in place."""
    lines = path.read_text(encoding="utf-8").split("\n")
    key, _, value = lines[line - 1].partition(": ")
    if value.startswith(('"', "'")):
        value = value[0] + token + " " + value[1:]
    else:
        value = token + " " + value
    lines[line - 1] = f"{key}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")


@dataclass
class Preview:
    latencies: list[float] = field(default_factory=list)
    rebuilds: list[int] = field(default_factory=list)  # builds the server ran per save
    error: str = ""


def preview(project: Path, runs: int, command: list[str] | None = None, after_save: list[str] | None = None,
            page_url: str | None = None, build_marker: str = "Building documentation") -> Preview:
    """Latency from saving seeds/factsheet.yaml to the served page showing the edit.

    `command` is the server (default `mkdocs serve`); `after_save` runs right after each save and
    counts in the latency (for a builder that ignores hooks: `generator render --out`)."""
    line, page = edit_target(project)
    port = free_port()
    log_path = project / "serve.log"
    cmd = command or [PY, "-m", "mkdocs", "serve", "-a", "127.0.0.1:{port}"]
    cmd = [c.replace("{port}", str(port)) for c in cmd]
    url = f"http://127.0.0.1:{port}/{page_url or page}"
    result = Preview()
    with log_path.open("w") as log:
        server = subprocess.Popen(cmd, cwd=project, stdout=log, stderr=subprocess.STDOUT, env=ENV)
        try:
            if not _wait(lambda: "</html>" in fetch(url), 1200):
                result.error = "the server never served " + url
                return result
            _quiet(log_path, build_marker)
            sheet = project / "seeds" / "factsheet.yaml"
            for k in range(runs):
                token = f"Edit{k}x{os.getpid()}"
                before = log_path.read_text(errors="replace").count(build_marker)
                start = time.perf_counter()
                edit_line(sheet, line, token)
                if after_save:
                    subprocess.run(after_save, cwd=project, env=ENV, check=True, capture_output=True)
                if not _wait(lambda token=token: token in fetch(url), 600, step=0.01):
                    result.error = f"the edit never showed at {url}"
                    return result
                result.latencies.append(time.perf_counter() - start)
                _quiet(log_path, build_marker)
                result.rebuilds.append(log_path.read_text(errors="replace").count(build_marker) - before)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    return result


def _wait(predicate, limit: float, step: float = 0.1) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


def _quiet(log: Path, marker: str, settle: float = 1.5) -> None:
    """Wait until the server log has not grown for `settle` seconds (every rebuild a save causes is done)."""
    size, since = -1, time.monotonic()
    while time.monotonic() - since < settle:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        time.sleep(0.1)


# -- one scale ------------------------------------------------------------------------------------


@dataclass
class Scale:
    label: str
    articles: int
    facts: int = 0
    pages: int = 0
    gen: list[float] = field(default_factory=list)
    gen_peak: list[int] = field(default_factory=list)
    build: list[float] = field(default_factory=list)
    build_peak: list[int] = field(default_factory=list)
    preview: Preview = field(default_factory=Preview)
    site_bytes: int = 0
    site_files: int = 0
    site_parts: dict = field(default_factory=dict)
    home: dict = field(default_factory=dict)
    topic: dict = field(default_factory=dict)
    baseline: list[float] = field(default_factory=list)
    baseline_peak: list[int] = field(default_factory=list)
    baseline_bytes: int = 0
    floor: list[float] = field(default_factory=list)
    zensical: dict = field(default_factory=dict)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure(label: str, project: Path, articles: int, runs: int, baseline_runs: int, preview_runs: int,
            zensical: bool, work: Path, gen_runs: int) -> Scale:
    scale = Scale(label, articles)
    checked = check_ok(timed([PY, "-m", "generator", "check", "--seeds", "seeds"], cwd=project), "generator check")
    found = re.search(r"(\d+) facts", checked.out)
    scale.facts = int(found.group(1)) if found else 0
    say(f"[{label}] {checked.out.strip()}")
    for _ in range(gen_runs):
        run = check_ok(timed([PY, "-m", "benchmarks.generate", str(project)], cwd=ROOT), "generation")
        data = json.loads(run.out.strip().splitlines()[-1])
        scale.gen.append(data["seconds"])
        scale.gen_peak.append(data["peak_rss"])
        scale.pages = data["pages"]
    say(f"[{label}] generation {median(scale.gen):.3f} s ({scale.pages} pages)")
    for _ in range(runs):
        run = check_ok(timed([PY, "-m", "mkdocs", "build", "--strict"], cwd=project), "mkdocs build")
        scale.build.append(run.wall)
        scale.build_peak.append(run.peak)
    say(f"[{label}] full build {median(scale.build):.2f} s")
    site = project / "site"
    scale.site_bytes = tree_size(site)
    scale.site_files = sum(1 for p in site.rglob("*") if p.is_file())
    scale.site_parts = site_parts(site)
    scale.home = first_load(site, "index.html")
    topic = edit_target(project)[1]
    scale.topic = first_load(site, topic + "index.html")
    if baseline_runs:
        base = baseline_project(work / f"{label}-baseline", project)
        for _ in range(baseline_runs):
            run = check_ok(timed([PY, "-m", "mkdocs", "build"], cwd=base), "baseline mkdocs build")
            scale.baseline.append(run.wall)
            scale.baseline_peak.append(run.peak)
        scale.baseline_bytes = tree_size(base / "site")
        say(f"[{label}] baseline build {median(scale.baseline):.2f} s, {scale.baseline_bytes / MiB:.1f} MiB")
        shutil.rmtree(base)
        floor = floor_project(work / f"{label}-floor", project)
        for _ in range(baseline_runs):
            scale.floor.append(check_ok(timed([PY, "-m", "mkdocs", "build"], cwd=floor), "floor mkdocs build").wall)
        say(f"[{label}] MkDocs floor (same HTML, no Markdown, no generation) {median(scale.floor):.2f} s")
        shutil.rmtree(floor)
    if preview_runs:
        scale.preview = preview(project, preview_runs)
        say(f"[{label}] preview {median(scale.preview.latencies):.2f} s, rebuilds per save "
            f"{scale.preview.rebuilds} {scale.preview.error}")
    if zensical:
        scale.zensical = measure_zensical(project, work / f"{label}-zensical", runs, preview_runs)
    return scale


# -- Zensical -------------------------------------------------------------------------------------

def zensical_bin() -> Path | str:
    """Zensical, as the test requirements install it beside MkDocs (pinned in requirements.lock)."""
    exe = Path(PY).parent / "zensical"
    return exe if exe.exists() else f"Zensical is not installed in {Path(PY).parent.parent}: run `make test` once"


def zensical_project(where: Path, project: Path) -> Path:
    """Zensical reads mkdocs.yml but runs no hooks: the pages come from `generator render --out` into a
    docs folder of their own (hand-written pages copied beside them); the config points docs_dir there."""
    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(project, where, symlinks=True, ignore=shutil.ignore_patterns("site", "serve.log"))
    shutil.rmtree(where / "docs")
    shutil.copytree(project / "docs", where / "docs")
    check_ok(timed(zensical_render(where), cwd=where), "generator render for Zensical")
    return where


def zensical_render(project: Path) -> list[str]:
    return [PY, "-m", "generator", "render", "--seeds", "seeds", "--out", "docs", "--docs", "docs"]


def measure_zensical(project: Path, where: Path, runs: int, preview_runs: int) -> dict:
    exe = zensical_bin()
    if isinstance(exe, str):
        say(exe)
        return {"error": exe}
    zproject = zensical_project(where, project)
    out: dict = {"build": [], "render": []}
    for _ in range(runs):
        rendered = check_ok(timed(zensical_render(zproject), cwd=zproject), "generator render")
        shutil.rmtree(zproject / "site", ignore_errors=True)
        run = timed([str(exe), "build", "--clean"], cwd=zproject)
        if run.code != 0:
            out["error"] = (run.err or run.out).strip()[-1500:]
            say(f"Zensical build failed: {out['error']}")
            return out
        out["render"].append(rendered.wall)
        out["build"].append(run.wall)
    out["site_bytes"] = tree_size(zproject / "site")
    say(f"Zensical build {median(out['build']):.2f} s (+ render {median(out['render']):.2f} s)")
    if preview_runs:
        result = preview(zproject, preview_runs, command=[str(exe), "serve", "-a", "127.0.0.1:{port}"],
                         after_save=zensical_render(zproject), build_marker="Build started")
        out["preview"] = result.latencies
        out["preview_error"] = result.error
        say(f"Zensical preview {median(result.latencies):.2f} s {result.error}")
    shutil.rmtree(zproject, ignore_errors=True)
    return out


# -- report ---------------------------------------------------------------------------------------


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def per_article(a: Scale, b: Scale) -> float:
    """Build seconds each article adds between two scales (medians)."""
    return (median(b.build) - median(a.build)) / (b.articles - a.articles)


def report(scales: list[Scale], zensical: bool) -> list[tuple[str, bool, str]]:
    rows = [
        ("articles", lambda s: f"{s.articles}"),
        ("facts", lambda s: f"{s.facts}"),
        ("pages generated", lambda s: f"{s.pages}"),
        ("generation, s (median)", lambda s: f"{median(s.gen):.3f}"),
        ("generation, peak MiB", lambda s: f"{max(s.gen_peak) / MiB:.0f}"),
        ("full build, s (median)", lambda s: f"{median(s.build):.2f}"),
        ("full build, peak MiB", lambda s: f"{max(s.build_peak) / MiB:.0f}"),
        ("generation / build", lambda s: f"{median(s.gen) / median(s.build):.1%}"),
        ("runs (gen, build)", lambda s: f"{len(s.gen)}, {len(s.build)}"),
        ("preview after YAML edit, s", lambda s: f"{median(s.preview.latencies):.2f}" if s.preview.latencies else "-"),
        ("preview runs", lambda s: f"{len(s.preview.latencies)}" if s.preview.latencies else "-"),
        ("rebuilds per save", lambda s: ",".join(map(str, s.preview.rebuilds)) or "-"),
        ("site size, MiB", lambda s: f"{s.site_bytes / MiB:.1f}"),
        ("  page content (<article>)", lambda s: f"{s.site_parts['content'] / MiB:.1f}"),
        ("  page frame (theme)", lambda s: f"{s.site_parts['frame'] / MiB:.1f}"),
        ("  JSON-LD", lambda s: f"{s.site_parts['json_ld'] / MiB:.1f}"),
        ("  search index", lambda s: f"{s.site_parts['search'] / MiB:.1f}"),
        ("  data downloads", lambda s: f"{s.site_parts['data'] / MiB:.1f}"),
        ("  theme assets, other", lambda s: f"{s.site_parts['other'] / MiB:.1f}"),
        ("site files", lambda s: f"{s.site_files}"),
        ("home first load, KiB gz", lambda s: f"{s.home['total'] / KiB:.1f}"),
        ("  of which HTML", lambda s: f"{s.home['html'] / KiB:.1f}"),
        ("topic first load, KiB gz", lambda s: f"{s.topic['total'] / KiB:.1f}"),
        ("  of which HTML", lambda s: f"{s.topic['html'] / KiB:.1f}"),
        ("search index, KiB gz", lambda s: f"{s.home['search_index'] / KiB:.0f}"),
        ("baseline build, s", lambda s: f"{median(s.baseline):.2f}" if s.baseline else "-"),
        ("baseline peak MiB", lambda s: f"{max(s.baseline_peak) / MiB:.0f}" if s.baseline else "-"),
        ("ours / baseline build", lambda s: f"{median(s.build) / median(s.baseline):.2f}x" if s.baseline else "-"),
        ("baseline site, MiB", lambda s: f"{s.baseline_bytes / MiB:.1f}" if s.baseline else "-"),
        ("MkDocs floor (no Markdown), s", lambda s: f"{median(s.floor):.2f}" if s.floor else "-"),
        ("floor / baseline build", lambda s: f"{median(s.floor) / median(s.baseline):.2f}x" if s.floor else "-"),
    ]
    if zensical:
        rows += [
            # a missing figure (Zensical failed, or not run) raises KeyError and prints "-"
            ("Zensical build, s", lambda s: f"{median(s.zensical['build']):.2f}"),
            ("  + render --out, s", lambda s: f"{median(s.zensical['render']):.2f}"),
            ("(both) / MkDocs build", lambda s: f"{zensical_ratio(s):.2f}x"),
            ("Zensical preview, s", lambda s: f"{median(s.zensical['preview']):.2f}"),
            ("Zensical site, MiB", lambda s: f"{s.zensical['site_bytes'] / MiB:.1f}"),
        ]
    width = max(len(r[0]) for r in rows)
    cols = [max(11, len(s.label) + 2) for s in scales]
    print("\n" + "".ljust(width) + "".join(s.label.rjust(c) for s, c in zip(scales, cols, strict=True)))
    for name, cell in rows:
        values = []
        for s in scales:
            try:
                values.append(cell(s))
            except (KeyError, ValueError, ZeroDivisionError, statistics.StatisticsError):
                values.append("-")
        print(name.ljust(width) + "".join(v.rjust(c) for v, c in zip(values, cols, strict=True)))
    for s in scales:
        if s.zensical.get("error"):
            print(f"\nZensical at {s.label}: {s.zensical['error']}")
    return budgets(scales)


def zensical_ratio(s: Scale) -> float:
    """Zensical's build plus the `render --out` it needs, over the MkDocs build (which renders in its hook)."""
    return (median(s.zensical["build"]) + median(s.zensical["render"])) / median(s.build)


def budgets(scales: list[Scale]) -> list[tuple[str, bool, str]]:
    by = {s.label: s for s in scales}
    synthetic = [s for s in scales if s.label != "seed"]
    out: list[tuple[str, bool, str]] = []
    for s in [x for x in synthetic if x.articles >= 100]:
        per_hundred = median(s.gen) / s.articles * 100
        out.append((f"generation <= 0.6 s per 100 articles ({s.label})", per_hundred <= 0.6,
                    f"{per_hundred:.2f} s per 100"))
    if "100" in by and "1000" in by:
        a, b = by["100"], by["1000"]
        ratio = (median(b.gen) / b.articles) / (median(a.gen) / a.articles)
        out.append(("generation linear: per-article cost 1000 vs 100 <= 1.3x", ratio <= 1.3, f"{ratio:.2f}x"))
    if "1000" in by and by["1000"].baseline:
        s = by["1000"]
        ratio = median(s.build) / median(s.baseline)
        out.append(("full build at 1000 <= 0.35x default Material", ratio <= 0.35, f"{ratio:.2f}x"))
    if "seed" in by and by["seed"].preview.latencies:
        p = median(by["seed"].preview.latencies)
        out.append(("YAML edit visible in preview <= 1.0 s (seed)", p <= 1.0, f"{p:.2f} s"))
    rebuilds = [n for s in scales for n in s.preview.rebuilds]
    if rebuilds:
        out.append(("one rebuild per save", all(n == 1 for n in rebuilds), f"{rebuilds}"))
    if "1" in by and "1000" in by:
        cost = per_article(by["1"], by["1000"]) * 1000
        out.append(("each added article <= 30 ms of build (1 -> 1000)", cost <= 30, f"{cost:.1f} ms"))
    if "1" in by and "100" in by and "200" in by:
        first = per_article(by["1"], by["100"])
        second = per_article(by["100"], by["200"])
        ratio = second / first if first > 0 else float("inf")
        out.append(("second hundred articles <= 1.5x the first", ratio <= 1.5,
                    f"{second * 1000:.1f} vs {first * 1000:.1f} ms/article = {ratio:.2f}x"))
    for s in synthetic + [x for x in scales if x.label == "seed"]:
        kib = s.topic["total"] / KiB
        out.append((f"topic page first load <= 90 KiB gz ({s.label})", kib <= 90, f"{kib:.1f} KiB"))
    print("\nBudgets")
    for name, ok, value in out:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {value}")
    if "1000" in by:  # reported, not budgeted: where a large site's bytes go is in the table above
        print(f"  info  site at 1000 articles: {by['1000'].site_bytes / MiB:.1f} MiB")
    if "100" in by and by["100"].preview.latencies:
        print(f"  info  YAML edit visible in preview at 100 articles: {median(by['100'].preview.latencies):.2f} s")
    if "100" in by and "1000" in by and by["100"].floor and by["1000"].floor:
        a, b = by["100"], by["1000"]
        floor = (median(b.floor) - median(a.floor)) / (b.articles - a.articles) * 1000
        ours = per_article(a, b) * 1000
        print(f"  info  MkDocs floor per added article, 100 -> 1000 (same HTML, no Markdown, no generation): "
              f"{floor:.1f} ms; ours over the same span: {ours:.1f} ms")
    return out


# -- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="Speed and size of the explainer.")
    parser.add_argument("--scales", default="seed,1,10,100,200,1000",
                        help="comma-separated: 'seed' (the real seeds/) and article counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median reported)")
    parser.add_argument("--baseline-runs", type=int, default=1,
                        help="runs of the default-Material baseline (slow at 1,000 articles)")
    parser.add_argument("--baseline-at", default="100,1000", help="scales that also build the baseline")
    parser.add_argument("--preview-runs", type=int, default=3)
    parser.add_argument("--big-runs", type=int, default=3,
                        help="runs per figure above 200 articles (one run of a 20-second build can be 25%% off here)")
    parser.add_argument("--quick", action="store_true",
                        help="seed, 1, 10, 100; one run of each, so a cold one (the first build of a new project: "
                             "history and template caches empty)")
    parser.add_argument("--zensical", action="store_true", default=os.environ.get("ZENSICAL", "") not in ("", "0"),
                        help="also build and preview with Zensical (or ZENSICAL=1)")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway projects")
    args = parser.parse_args(argv)
    if args.quick:
        args.scales, args.runs, args.preview_runs = "seed,1,10,100", 1, 1
    labels = [x.strip() for x in args.scales.split(",") if x.strip()]
    baseline_at = {x.strip() for x in args.baseline_at.split(",")}
    work = Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    started = time.perf_counter()
    scales: list[Scale] = []
    try:
        for label in labels:
            articles = 0 if label == "seed" else int(label)
            where = work / label
            if label == "seed":
                project = make_project(where, seeds=ROOT / "seeds")
            else:
                project = make_project(where, articles=articles)
            if label == "seed":
                articles = len(list((project / "seeds" / "articles").glob("*.txt")))
            big = articles > 200  # fewer runs where one build takes minutes (the table says how many)
            runs = min(args.runs, args.big_runs) if big else args.runs
            scales.append(measure(label, project, articles, runs,
                                  args.baseline_runs if label in baseline_at else 0,
                                  min(args.preview_runs, args.big_runs) if big else args.preview_runs,
                                  args.zensical, work, gen_runs=args.runs))
            if not args.keep:
                shutil.rmtree(project, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"projects kept in {work}")
    print(f"\nExplainer benchmark: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, Python "
          f"{sys.version.split()[0]}; medians of {args.runs} runs up to 200 articles, {args.big_runs} above "
          f"(generation: {args.runs} at every scale; baseline: {args.baseline_runs}; preview: {args.preview_runs} "
          f"edits, {args.big_runs} above 200).")
    results = report(scales, args.zensical)
    print(f"\nbenchmark time: {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps({"scales": [s.__dict__ | {"preview": s.preview.__dict__} for s in scales],
                                         "budgets": results}, indent=1, default=str), encoding="utf-8")
