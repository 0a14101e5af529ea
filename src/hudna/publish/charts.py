"""The bulletin's trend chart and map, drawn with matplotlib (Agg, no pyplot state) as SVG.

Charts carry no words: matplotlib does not shape Arabic, so categories are told apart by
colour and the bulletin's HTML legend names them in the bulletin's language.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.ticker import MaxNLocator

from hudna.publish.areas import Governorate
from hudna.publish.model import MapPoint, TrendSeries

COLORS = {
    "ASSAULT": "#c0392b", "COERCE": "#e67e22", "MOBILIZE": "#8e5a2b", "SANCTION": "#7f8c8d",
    "PROTEST": "#f1c40f", "THREATEN": "#8e44ad", "REJECT": "#6c3483", "ACCUSE": "#d35480",
    "REQUEST": "#2980b9", "RETREAT": "#16a085", "AID": "#27ae60", "COOPERATE": "#1abc9c",
    "CONCEDE": "#48c9b0", "SUPPORT": "#5dade2", "CONSULT": "#2e86c1", "AGREE": "#1f618d",
}  # fmt: skip
_RC: dict[Any, Any] = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "svg.hashsalt": "hudna",
}


def color(category: str) -> str:
    return COLORS.get(category, "#555555")


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.index("<svg") :]


def trend_svg(trend: TrendSeries) -> str:
    """Stacked bars of counts per day by category."""
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(7.0, 2.4))
        ax = fig.add_subplot()
        x = list(range(len(trend.days)))
        bottom = [0] * len(x)
        for category, counts in trend.counts.items():
            days = [i for i in x if counts[i]]  # no empty bars: they would only weigh down the SVG
            heights = [counts[i] for i in days]
            base = [bottom[i] for i in days]
            ax.bar(days, heights, bottom=base, color=color(category), width=0.8, linewidth=0)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        step = max(1, len(x) // 10)
        ax.set_xticks(x[::step], [d.strftime("%m-%d") for d in trend.days[::step]])
        ax.set_ylim(0, max([*bottom, 1]) * 1.1)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


SIZES = ((1, 14.0), (5, 30.0), (20, 55.0))  # up to this many items → marker area (pt²)


def _extent(governorates: Sequence[Governorate], points: Sequence[MapPoint]) -> list[float]:
    """The outlines' frame when there are outlines (points beyond it are left out), else the
    points' frame, else Syria's."""
    xs = [x for g in governorates for r in g.rings for x, _ in r] or [p.lon for p in points]
    ys = [y for g in governorates for r in g.rings for _, y in r] or [p.lat for p in points]
    if not xs:
        return [35.5, 42.5, 32.0, 37.5]
    pad = 0.2
    return [min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad]


def _size(count: int) -> float:
    return next((area for limit, area in SIZES if count <= limit), 80.0)


def _scatter(ax: Any, points: Sequence[MapPoint]) -> None:
    """One scatter per colour and size class, so the SVG defines each marker once."""
    groups: dict[tuple[str, float], list[MapPoint]] = {}
    for p in points:
        groups.setdefault((p.category, _size(p.count)), []).append(p)
    for (category, size), members in sorted(groups.items()):
        ax.scatter(
            [p.lon for p in members], [p.lat for p in members], s=size, color=color(category),
            alpha=0.75, edgecolors="white", linewidths=0.4, zorder=3,
        )  # fmt: skip


def map_svg(governorates: Sequence[Governorate], points: Sequence[MapPoint]) -> str:
    """Governorate outlines with the period's located items as dots coloured by category,
    sized by how many items each stands for. When no item lies within the outlines (a
    ceasefire elsewhere than Syria), the map frames the items alone."""
    x0, x1, y0, y1 = _extent(governorates, points)
    inside = [p for p in points if x0 <= p.lon <= x1 and y0 <= p.lat <= y1]
    if points and not inside:
        governorates = ()
        x0, x1, y0, y1 = _extent(governorates, points)
        inside = list(points)
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(5.5, 4.6))
        ax = fig.add_subplot()
        for g in governorates:
            for ring in g.rings:
                outline = Polygon(
                    ring, closed=True, facecolor="#f2efe9", edgecolor="#8c8c8c", linewidth=0.5
                )
                ax.add_patch(outline)
        _scatter(ax, inside)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))
        ax.set_axis_off()
        return _svg(fig)
