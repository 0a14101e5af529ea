"""Bulletins rendered: HTML (Jinja2, every store value escaped), Markdown, PDF (WeasyPrint).

Arabic bulletins are `<html lang="ar" dir="rtl">` and typeset in Noto Naskh Arabic (Debian's
fonts-noto-core); the charts are SVG images without words, named by the HTML legend.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from hudna.errors import PublishError
from hudna.publish import charts, labels
from hudna.publish.areas import BOUNDARIES, load_governorates
from hudna.publish.model import Bulletin

TEMPLATES = Path(__file__).parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _signed(value: float) -> str:
    """'+5' / '-2' / '0', led by a left-to-right mark so a right-to-left page keeps the sign first."""
    return "\u200e" + ("+" if value > 0 else "") + labels.number(value)


def _isolate(value: object) -> Markup:
    """Store text escaped and bidi-isolated (FSI…PDI): one text run for the typesetter, where a
    <bdi> element would cost an inline box; its direction is taken from its own first letter."""
    return Markup("\u2068{}\u2069").format(value)


def _ltr(value: object) -> Markup:
    """Escaped and isolated left to right (LRI…PDI): dates, signed numbers, URLs."""
    return Markup("\u2066{}\u2069").format(value)


def _md(value: object) -> str:
    """Store text made inert in Markdown: special characters escaped, lines joined."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _md_url(value: object) -> str:
    return str(value).replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _is_http(url: str) -> bool:
    return url.startswith(("http://", "https://"))


@lru_cache(maxsize=2)
def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("hudna.publish", "templates"),
        autoescape=select_autoescape(["html", "html.j2"]) if autoescape else False,
        undefined=StrictUndefined,
        trim_blocks=not autoescape,
        lstrip_blocks=not autoescape,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md
    env.filters["isolate"] = _isolate
    env.filters["ltr"] = _ltr
    env.filters["mdurl"] = _md_url
    return env


def _context(b: Bulletin) -> dict[str, Any]:
    def qty(kind: str, value: float, qualifier: str) -> str:
        return labels.amount(b.lang, value, qualifier)

    return {
        "b": b,
        "L": labels.labels(b.lang),
        "signed": _signed,
        "qty": qty,
        "kind": lambda code: labels.kind(b.lang, code),
        "color": charts.color,
        "is_http": _is_http,
    }


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def stylesheet() -> str:
    """The bulletin's CSS: hudna's own file, so it is inlined unescaped."""
    return (TEMPLATES / "bulletin.css").read_text(encoding="utf-8")


def render_html(b: Bulletin, *, boundaries: Path | None = None) -> str:
    """The bulletin as one self-contained HTML page (styles and charts inline); the map's
    outlines come from `boundaries` (default: the shipped admin1 file, when installed)."""
    path = boundaries or BOUNDARIES
    governorates = load_governorates(path) if path.is_file() else ()
    legend = list(dict.fromkeys([*b.trend.counts, *(p.category for p in b.map_points)]))
    context = _context(b) | {
        "css": Markup(stylesheet()),
        "map_uri": _data_uri(charts.map_svg(governorates, b.map_points)),
        "trend_uri": _data_uri(charts.trend_svg(b.trend)),
        "legend": legend,
    }
    return _environment(True).get_template("bulletin.html.j2").render(context)


def render_markdown(b: Bulletin) -> str:
    """The bulletin as Markdown (tables, footnotes for evidence; no charts)."""
    return _environment(False).get_template("bulletin.md.j2").render(_context(b))


def render_pdf(
    b: Bulletin, path: Path, *, html: str | None = None, boundaries: Path | None = None
) -> Path:
    """Write the bulletin as PDF to `path` (A4); pass `html` to reuse a rendering."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:
        raise PublishError(
            f"WeasyPrint cannot load ({e}); install its system libraries: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
        ) from e
    page = html if html is not None else render_html(b, boundaries=boundaries)
    try:
        HTML(string=page, base_url=str(TEMPLATES)).write_pdf(path)
    except OSError as e:
        raise PublishError(f"cannot write the PDF {path}: {e}") from e
    return path
