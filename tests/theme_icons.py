"""Material's icons, drawn from the stylesheet instead of inlined into every page.

Material inlines each header icon's SVG path in every page: 2.6 KB a page, 3.2 MiB of a thousand-article
site. `overrides/.icons/material/NAME.svg` replaces each icon the site shows with an empty, sized `<svg>`
(Material's own CSS still lays it out); `docs/assets/explainer.css` paints it with the icon as a mask,
from a data URI, so no request is added. The paths come from the installed mkdocs-material:
`python -m tests.theme_icons` rewrites the stubs and the stylesheet's block after a theme upgrade, and
tests/test_icons.py fails while they differ.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import quote

from tests.helpers import ROOT

STUBS = ROOT / "overrides" / ".icons" / "material"
CSS = ROOT / "docs" / "assets" / "explainer.css"
BEGIN = "/* Material's icons as masks (python -m tests.theme_icons writes this block) */"
END = "/* end of Material's icons */"
# The icons a page shows: logo (the default, material/library), menu, palette toggles, search, back, clear, top.
ICONS = ("library", "menu", "weather-night", "weather-sunny", "magnify", "arrow-left", "close", "arrow-up")


def theme_svg(name: str) -> str:
    import material

    path = Path(material.__file__).parent / "templates" / ".icons" / "material" / f"{name}.svg"
    return path.read_text(encoding="utf-8").strip()


def stub(name: str) -> str:
    viewbox = re.search(r'viewBox="([^"]+)"', theme_svg(name)).group(1)
    return f'<svg class="ex-i ex-i-{name}" viewBox="{viewbox}" aria-hidden="true"></svg>\n'


def data_uri(svg: str) -> str:
    return "data:image/svg+xml," + quote(svg.replace('"', "'"), safe=" /=:;,.'-")


def css_block() -> str:
    rules = "\n".join(f'.ex-i-{name} {{ --ex-i: url("{data_uri(theme_svg(name))}"); }}' for name in ICONS)
    return (f"{BEGIN}\nsvg.ex-i {{ background-color: currentColor; -webkit-mask: var(--ex-i) center / contain "
            f"no-repeat; mask: var(--ex-i) center / contain no-repeat; }}\n"
            f"@media (forced-colors: active) {{ svg.ex-i {{ forced-color-adjust: none; background-color: "
            f"CanvasText; }} }}\n{rules}\n{END}\n")


def css_with_block(css: str) -> str:
    start, end = css.find(BEGIN), css.find(END)
    if start < 0:
        return css.rstrip("\n") + "\n" + css_block()
    return css[:start] + css_block() + css[end + len(END) + 1:]


def refresh() -> None:
    STUBS.mkdir(parents=True, exist_ok=True)
    for old in STUBS.glob("*.svg"):
        old.unlink()
    for name in ICONS:
        (STUBS / f"{name}.svg").write_text(stub(name), encoding="utf-8")
    CSS.write_text(css_with_block(CSS.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    refresh()
    print(f"{len(ICONS)} icons written to {STUBS.relative_to(ROOT)} and {CSS.relative_to(ROOT)}", file=sys.stderr)
