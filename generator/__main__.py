"""Command line: `python -m generator check|render|schema`."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

import click

from . import coverage, editor_schema, newarticle, pipeline, urls
from .articles import Article, valid_name
from .errors import InputError, Problem, Problems, display_path
from .model import Site
from .write import collisions, write_pages

SEEDS_OPTION = click.option("--seeds", type=click.Path(path_type=Path, file_okay=False), default=pipeline.SEEDS,
                            show_default=True, help="Folder with articles/ and factsheet.yaml.")


class Command(click.Group):
    """Input errors print as plain lines; anything unexpected shows a traceback only with --debug."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            if ctx.params.get("debug"):  # for developers: where the input error was raised
                traceback.print_exc()
            raise
        except Exception as exc:  # a bug, not bad input: say so briefly
            if ctx.params.get("debug"):
                traceback.print_exc()
            else:
                click.echo(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
            ctx.exit(2)


@click.group(cls=Command)
@click.option("--debug", is_flag=True, help="Show a traceback with any error.")
def main(debug: bool) -> None:
    """Generate the explainer's pages from seeds/ (articles and fact sheet)."""
    # What the core logs (a cache that cannot be written, git that cannot run) is said, not swallowed.
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, format="%(name)s: %(message)s")


@main.command()
@SEEDS_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(seeds: Path, strict: bool) -> None:
    """Check the fact sheet and articles by the build's rules, without building; list what each article
    leaves out as page furniture and how much of it the fact sheet covers."""
    site, warnings, covered = pipeline.check(seeds, strict=strict)
    warnings = warnings + _schema_warnings(seeds, site, strict)
    for warning in warnings:
        click.echo(str(warning), err=True)
    sheet = site.sheet
    for article in site.articles:
        _left_out(article, display_path(article.path), hint=False)
    if any(article.left_out for article in site.articles):
        click.echo(LEFT_OUT_HINT)
    worked = coverage.worked_through(sheet)
    for item in covered.articles:
        rule = f"minimum {covered.minimum_percent}" if item.article.id in worked else \
            "not yet worked through, so no minimum applies"
        click.echo(f"coverage: {item.article.id}: {len(item.covered)} of {item.total} sentences covered "
                   f"({item.percent}; {rule})")
    click.echo(f"ok: {len(site.articles)} articles, {len(sheet.entities)} entities, {len(sheet.events)} events, "
               f"{len(sheet.facts)} facts, {len(sheet.quotes)} quotes, {len(sheet.glossary)} glossary terms")


@main.command()
@SEEDS_OPTION
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--name", help="Its file name in seeds/articles (lower-case letters, digits, hyphens, ending "
                             "in .txt); by default the file's own name.")
def article(seeds: Path, path: Path, name: str | None) -> None:
    """Add a news report: check it, copy it into seeds/articles byte for byte, add its source entry to the
    fact sheet, and print its paragraphs and sentences as a citation checklist."""
    name = name or path.name
    if not newarticle.good_name(name):
        offer = valid_name(name)
        question = f"The file name {name!r} cannot be a page address. Use {offer!r}?"
        if not (sys.stdin.isatty() and click.confirm(question, default=True)):
            raise InputError([Problem(display_path(path), 0, "", f"the file name {name!r} cannot be a page address",
                                      f"run again with --name {offer} (make article FILE=… NAME={offer})")])
        name = offer
    problems = Problems()
    planned = newarticle.plan(path, seeds, name, problems)
    problems.raise_if_errors()
    assert planned is not None
    copied = not planned.target.exists()
    schema = newarticle.add(planned)
    target, sheet, item = display_path(planned.target), display_path(planned.sheet), planned.article
    click.echo(f"{'copied' if copied else 'found'} {target}, byte for byte as {display_path(path)} "
               f"({len(item.paragraphs)} paragraphs)")
    if planned.text:
        click.echo(f"{sheet}:{planned.line}: added its source entry, id {planned.source_id}; fill in its publisher, "
                   f"date and address at line {planned.editor_line}, marked {newarticle.EDITOR_MARK}")
    else:
        click.echo(f"{sheet}:{planned.line}: its source entry, id {planned.source_id}, is there already (unchanged)")
    if schema is not None:
        click.echo(f"{display_path(schema)}: your editor's YAML extension now completes {planned.source_id}")
    _left_out(item, target)
    click.echo("\n".join(newarticle.checklist(item, planned.source_id)))
    click.echo("Next: cite these sentences in facts, quotes and events (README.md, \"Editor's quick start\", has one "
               "of each), watch them with `make serve`, then set worked_through: true and run `make check`.")


LEFT_OUT_HINT = ("left out: page furniture, not the article's text (a line left out wrongly: list it under `keep:` on "
                 "the article's source entry; one to leave out: under `skip:`)")


def _left_out(article: Article, shown: str, hint: bool = True) -> None:
    """The lines an article leaves out as page furniture, as `path:line: left out (what): text`."""
    for line in article.left_out:
        click.echo(f"{shown}:{line.line}: left out ({line.why}): {line.text}")
    if hint and article.left_out:
        click.echo(LEFT_OUT_HINT)


def _schema_warnings(seeds: Path, site: Site, strict: bool) -> list[Problem]:
    """A warning if the published JSON Schema is not what `make schema` would write now (new ids, say)."""
    path = seeds / editor_schema.FILE
    problems = Problems()
    known = editor_schema.ids_of(site.sheet, [a.id for a in site.articles])
    if path.is_file() and path.read_text(encoding="utf-8") != editor_schema.published(known):
        problems.warn(path, 0, "", "the ids your editor's YAML extension completes are out of date",
                      "run `make schema`")
    problems.raise_if_errors(strict=strict)
    return problems.warnings


@main.command()
@SEEDS_OPTION
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the generated Markdown into.")
@click.option("--docs", type=click.Path(path_type=Path, file_okay=False), default=Path("docs"),
              show_default=True, help="Hand-written pages that generated ones must not shadow.")
@click.option("--html-links", type=click.Choice(urls.LINK_STYLES), default="source", show_default=True,
              help="How links inside the HTML blocks are written: as paths to Markdown files, like the Markdown "
                   "links (for builders that resolve links in HTML too, such as Zensical), or as the addresses "
                   "pages are published at, with `use_directory_urls` on or off (for builders that leave HTML "
                   "alone, such as MkDocs without the hook).")
def render(seeds: Path, out: Path, docs: Path, html_links: str) -> None:
    """Write the generated pages as Markdown files (for builders that ignore MkDocs hooks)."""
    result = pipeline.build(seeds, with_history=True, parallel_ok=True, html_links=html_links)
    problems = Problems()
    if docs.resolve() != out.resolve():
        collisions(result.outputs, docs, problems)
    problems.raise_if_errors()
    report = write_pages(result.outputs, out)
    click.echo(f"{len(report.written)} written, {len(report.unchanged)} unchanged, "
               f"{len(report.removed)} removed in {out}")


@main.command()
@SEEDS_OPTION
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help=f"Where to write it  [default: SEEDS/{editor_schema.FILE}]")
def schema(seeds: Path, out: Path | None) -> None:
    """Write the fact sheet's JSON Schema for editors' YAML extensions, with the ids of its topics, entities
    and sources and the names of the articles, so that the extension completes them."""
    problems = Problems()
    known = editor_schema.ids(seeds, problems)
    problems.raise_if_errors()
    out = out or seeds / editor_schema.FILE
    out.write_text(editor_schema.published(known), encoding="utf-8")
    click.echo(f"wrote {display_path(out)}")


if __name__ == "__main__":
    try:
        main(prog_name="python -m generator")
    except InputError as exc:  # raised outside click's own handling
        exc.show()
        sys.exit(1)
