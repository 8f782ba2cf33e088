"""The tier timeline of a :class:`flows.history.History`, drawn with matplotlib (Agg, no display).

Three stacked panels: the report tier per year (one level per tier, best on top; the line runs only
through years whose sources agree, a hollow point marks a year where they disagree) with what the
claims state (diamonds for a tier, triangles for a change); one lane per claim with a square per
year checked, coloured by outcome; and the report pages behind every point. Only TIP report rows
make the line (:attr:`History.report_years`); what news states shows in the claims. :func:`chart_bytes`
renders SVG, PNG or PDF from a bare ``Figure`` (no pyplot, no display, no global backend); the SVG
gets hover tooltips (``<title>`` on a transparent circle over each mark), which matplotlib does not
write itself.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from extractors.analysis.claim_checks import TIER_LABEL

FORMATS = ("svg", "png", "pdf")
# Chart levels, top to bottom (best tier first).
LEVELS = ("1", "2", "2WL", "3", "special_case")
OUTCOME_COLOURS = {"supported": "#1a9850", "contradicted": "#d73027", "missing": "#9e9e9e"}
VERDICT_TEXT = {
    "supported": "supported",
    "contradicted": "contradicted",
    "partly_supported": "partly supported",
    "not_checkable": "not checkable",
}
REPORT_COLOUR = "#2b6cb0"
EDGE = "#333333"
PNG_DPI = 150
# Page layout in inches: a fixed tier panel, then a lane per claim and a line per report year.
WIDTH, LEFT, RIGHT, HEADER, TIERS, LANE, SOURCE_LINE = 11.0, 2.7, 0.4, 0.95, 2.9, 0.32, 0.2
# Fixed SVG ids and no dates: the same history gives the same bytes.
RC = {"svg.fonttype": "none", "svg.hashsalt": "tipwatch", "font.family": "DejaVu Sans"}
METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}


@dataclass(frozen=True)
class Tip:
    """A mark with a tooltip: its panel, its data coordinates and the text."""

    axes: object
    x: float
    y: float
    text: str


def level(tier: str) -> int:
    """A tier's row on the chart (0 = Tier 1 at the top); unknown tiers go below the levels."""
    return LEVELS.index(tier) if tier in LEVELS else len(LEVELS)


def found_after(check: dict, year: int) -> str | None:
    """The report tier in ``year`` from a check's ``found`` entry ("2WL→2" -> "2")."""
    for y, found in zip(check["years"] or [], check["found"] or []):
        if y == year and found:
            return found.split(" & ")[0].split("→")[-1]
    return None


def chart_bytes(history, fmt: str) -> bytes:
    """The timeline as an SVG, PNG or PDF file's bytes (``fmt`` without the dot)."""
    with matplotlib.rc_context(RC):
        fig, tips = draw_timeline(history)
        buf = io.BytesIO()
        dpi = PNG_DPI if fmt == "png" else 72
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=METADATA[fmt], facecolor="white")
    if fmt != "svg":
        return buf.getvalue()
    return _with_tooltips(buf.getvalue().decode("utf-8"), fig, tips).encode("utf-8")


def draw_timeline(history) -> tuple[Figure, list[Tip]]:
    """Lay the chart out: tier levels down the side, report years across, claims and sources below."""
    n_lanes, n_sources = max(1, len(history.checks)), len(history.report_years)
    lanes_h, sources_h = 0.55 + LANE * n_lanes, 0.45 + SOURCE_LINE * n_sources
    height = HEADER + TIERS + 0.45 + lanes_h + sources_h
    fig = Figure(figsize=(WIDTH, height), dpi=72)

    def panel(top: float, h: float):  # inches from the top -> an axes across the plot width
        rect = (LEFT / WIDTH, 1 - (top + h) / height, 1 - (LEFT + RIGHT) / WIDTH, h / height)
        return fig.add_axes(rect)

    tiers = panel(HEADER, TIERS)
    lanes = panel(HEADER + TIERS + 0.45 + 0.35, lanes_h - 0.55)
    sources = panel(HEADER + TIERS + 0.45 + lanes_h, sources_h)
    tips: list[Tip] = []
    _year_axis(tiers, lanes, history)
    _draw_reports(tiers, history, tips)
    _draw_claimed(tiers, history, tips)
    _draw_lanes(lanes, history, tips)
    _draw_sources(sources, history)
    fig.text(
        LEFT / WIDTH,
        1 - 0.4 / height,
        f"{history.country}: TIP report tier by report year",
        fontsize=14,
        fontweight="bold",
        color="#222222",
    )
    fig.legend(
        handles=_legend_handles(),
        loc="upper left",
        bbox_to_anchor=(LEFT / WIDTH - 0.03, 1 - 0.5 / height),
        ncols=6,
        frameon=False,
        fontsize=8.5,
        handletextpad=0.3,
        columnspacing=0.9,
    )
    return fig, tips


def _year_axis(tiers, lanes, history) -> None:
    """Report years across both panels (a year each, at least two), tier levels down the side."""
    years = [r.year for r in history.report_years] + [y for c in history.checks for y in (c["years"] or [])]
    y0, y1 = (min(years), max(years)) if years else (2000, 2001)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    for ax in (tiers, lanes):
        ax.set_xlim(y0 - 0.5, y1 + 0.5)
        ax.set_xticks(range(y0, y1 + 1))
        ax.grid(True, color="#eeeeee", linewidth=0.8)
        ax.set_axisbelow(True)
        ax.tick_params(length=0, labelsize=9, colors="#333333")
        for side in ax.spines.values():
            side.set_visible(False)
    tiers.set_ylim(len(LEVELS) - 0.5, -0.5)
    tiers.set_yticks(range(len(LEVELS)), [TIER_LABEL[t] for t in LEVELS])
    tiers.grid(True, axis="y", color="#dddddd")


def _draw_reports(ax, history, tips: list[Tip]) -> None:
    """The reports' line through the years whose sources agree, and a point per tier stated,
    hollow where the sources disagree ("2015 report: Tier 2" with the pages as its tooltip)."""
    agreed = [(r.year, level(r.tier)) for r in history.report_years if r.tier]
    if len(agreed) > 1:
        ax.plot(*zip(*agreed), color=REPORT_COLOUR, linewidth=2.2, zorder=2)
    for r in history.report_years:
        tip = f"{r.year} report: {' / '.join(TIER_LABEL.get(t, t) for t in r.tiers)}\n{r.sources_text()}"
        for t in r.tiers:
            face = REPORT_COLOUR if r.tier else "white"
            ax.plot(r.year, level(t), "o", ms=10, mfc=face, mec=REPORT_COLOUR, mew=2, zorder=3)
            tips.append(Tip(ax, r.year, level(t), tip))


def _draw_claimed(ax, history, tips: list[Tip]) -> None:
    """What the claims say about tiers, beside the report points: a diamond at a tier the claim
    states ("on the watch list since 2015"), a triangle pointing the way a stated change went
    ("upgraded in 2022", "removed from the watch list") at the tier the reports give that year."""
    for c in history.checks:
        who = f"{c['speaker'] or 'unnamed'}, {c['source']}"
        for y, claimed, outcome in zip(c["years"] or [], c["claimed"] or [], c["outcomes"] or []):
            for part in claimed.split(" & "):
                at, marker = _claim_mark(c, y, part)
                if marker is None:
                    continue
                ax.plot(
                    y + 0.17,
                    at - 0.2,
                    marker,
                    ms=9,
                    mfc=OUTCOME_COLOURS[outcome],
                    mec=EDGE,
                    mew=0.8,
                    zorder=4,
                )
                said = TIER_LABEL[part] if marker == "D" else part
                tips.append(Tip(ax, y + 0.17, at - 0.2, f"{y}: claim says {said} ({outcome}) - {who}"))


def _claim_mark(check: dict, year: int, part: str) -> tuple[int, str | None]:
    """(level, marker) for one part of what a claim says about a year; no marker for the rest."""
    if part in LEVELS:
        return level(part), "D"
    found = found_after(check, year)
    if part.startswith(("upgraded", "downgraded", "removed")) and found in LEVELS:
        return level(found), "v" if part.startswith("downgraded") else "^"
    return 0, None


def _draw_lanes(ax, history, tips: list[Tip]) -> None:
    """One lane per claim ("1. Abbas: partly supported"): a square per year checked, coloured by
    outcome, its tooltip what the claim and the reports say ("2015: claim says 2WL; reports say 2")."""
    ax.set_title(
        "Claims about this country (one row each; square = year checked)",
        loc="left",
        fontsize=10,
        fontweight="bold",
        color="#222222",
    )
    n = max(1, len(history.checks))
    ax.set_ylim(n - 0.5, -0.5)
    ax.tick_params(labelbottom=False)
    labels = []
    for i, c in enumerate(history.checks):
        who = (c["speaker"] or "unnamed").split()[-1][:16]
        labels.append(f"{i + 1}. {who}: {VERDICT_TEXT.get(c['verdict'], c['verdict'])}")
        cells = zip(c["years"] or [], c["claimed"] or [], c["found"] or [], c["outcomes"] or [])
        for y, claimed, found, outcome in cells:
            ax.plot(y, i, "s", ms=11, mfc=OUTCOME_COLOURS[outcome], mec=EDGE, mew=0.8)
            tips.append(
                Tip(ax, y, i, f"{y}: claim says {claimed}; reports say {found or 'nothing'} -> {outcome}")
            )
    ax.set_yticks(range(len(labels)), labels)
    if not history.checks:
        ax.text(
            0,
            0.5,
            "(no claims about this country were checked)",
            transform=ax.transAxes,
            fontsize=9,
            color="#777777",
            va="center",
        )


def _draw_sources(ax, history) -> None:
    """The report pages behind every point, one line per year, under the chart."""
    ax.axis("off")
    ax.set_ylim(len(history.report_years) + 0.5, -1.2)
    ax.set_xlim(0, 1)
    x = -LEFT / (WIDTH - LEFT - RIGHT) + 0.02  # from the page's left edge, not the plot's
    ax.text(x, -0.6, "Sources (report, page):", fontsize=10, fontweight="bold", color="#222222")
    for k, r in enumerate(history.report_years):
        tiers = " / ".join(TIER_LABEL.get(t, t) for t in r.tiers)
        ax.text(x, k + 0.5, f"{r.year}: {tiers} - {r.sources_text()}", fontsize=9, color="#333333")


def _legend_handles() -> list[Line2D]:
    def mark(marker: str, face: str, label: str, edge: str = EDGE) -> Line2D:
        return Line2D([], [], ls="", marker=marker, ms=8, mfc=face, mec=edge, label=label)

    return [
        mark("o", REPORT_COLOUR, "report tier", edge=REPORT_COLOUR),
        mark("D", "white", "tier the claim states"),
        mark("^", "white", "change the claim states"),
        mark("s", OUTCOME_COLOURS["supported"], "supported"),
        mark("s", OUTCOME_COLOURS["contradicted"], "contradicted"),
        mark("s", OUTCOME_COLOURS["missing"], "no report row"),
    ]


def _with_tooltips(svg: str, fig: Figure, tips: list[Tip]) -> str:
    """Hover targets (a transparent circle with a ``<title>`` over each mark) appended to the SVG,
    and its size in plain pixels (matplotlib writes points, "792pt"; pages and tests want numbers)."""
    height = fig.get_figheight() * 72  # the figure is laid out at 72 dpi: display units are points
    targets = []
    for t in tips:
        x, y = t.axes.transData.transform((t.x, t.y))
        targets.append(
            f'<circle cx="{x:.1f}" cy="{height - y:.1f}" r="8" fill="#000000" fill-opacity="0">'
            f"<title>{html.escape(t.text)}</title></circle>"
        )
    svg = re.sub(
        r'(width|height)="([\d.]+)pt"', lambda m: f'{m[1]}="{round(float(m[2]) * 4 / 3)}"', svg, count=2
    )
    return svg.replace("</svg>", '<g id="tooltips">\n' + "\n".join(targets) + "\n</g>\n</svg>")
