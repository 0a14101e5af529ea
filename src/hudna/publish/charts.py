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
            ax.bar(x, counts, bottom=bottom, color=color(category), width=0.8, linewidth=0)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        step = max(1, len(x) // 10)
        ax.set_xticks(x[::step], [d.strftime("%m-%d") for d in trend.days[::step]])
        ax.set_ylim(0, max([*bottom, 1]) * 1.1)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def _extent(governorates: Sequence[Governorate], points: Sequence[MapPoint]) -> list[float]:
    xs = [x for g in governorates for r in g.rings for x, _ in r] + [p.lon for p in points]
    ys = [y for g in governorates for r in g.rings for _, y in r] + [p.lat for p in points]
    if not xs:
        return [35.5, 42.5, 32.0, 37.5]  # Syria, when there is nothing else to frame
    pad = 0.2
    return [min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad]


def map_svg(governorates: Sequence[Governorate], points: Sequence[MapPoint]) -> str:
    """Governorate outlines with the period's located items as dots coloured by category."""
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(5.5, 4.6))
        ax = fig.add_subplot()
        for g in governorates:
            for ring in g.rings:
                ax.add_patch(
                    Polygon(
                        ring, closed=True, facecolor="#f2efe9", edgecolor="#8c8c8c", linewidth=0.5
                    )
                )
        if points:
            ax.scatter(
                [p.lon for p in points], [p.lat for p in points],
                c=[color(p.category) for p in points], s=18, alpha=0.8,
                edgecolors="white", linewidths=0.4, zorder=3,
            )  # fmt: skip
        x0, x1, y0, y1 = _extent(governorates, points)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))
        ax.set_axis_off()
        return _svg(fig)
