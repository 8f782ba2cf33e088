"""A country's tier history from the TIP reports, the claims made about it, and a timeline chart.

:func:`country_history` reads one run (tier placements from ``tip_narrative``/``tip_table`` rows,
the documents they come from, and the run's claim checks); :func:`timeline_scene` lays the chart
out once as a list of shapes, which :func:`to_svg` writes by hand (tooltips as ``<title>``) and
:func:`to_png` draws with Pillow (already installed as a pdfplumber dependency): no plotting
library is needed.
"""

from __future__ import annotations

import difflib
import html
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from extractors.analysis.claim_checks import REPORT_KINDS, TIER_LABEL, country_key
from flows.checks import aliases, read_claim_checks
from flows.store import Store, StoreError

# Chart levels, top to bottom (best tier first).
LEVELS = ("1", "2", "2WL", "3", "special_case")
OUTCOME_COLOURS = {"supported": "#1a9850", "contradicted": "#d73027", "missing": "#9e9e9e"}
VERDICT_TEXT = {
    "supported": "supported",
    "contradicted": "contradicted",
    "partly_supported": "partly supported",
    "not_checkable": "not checkable",
}


class HistoryError(Exception):
    """A country with no data, or an unusable output path, in one line."""


@dataclass
class YearRow:
    year: int
    tiers: list[str]  # distinct tiers the rows state (more than one: the sources disagree)
    sources: list[dict]  # {source, doc_id, page, source_kind, tier, id}

    @property
    def tier(self) -> str | None:
        return self.tiers[0] if len(self.tiers) == 1 else None

    def sources_text(self) -> str:
        by_doc: dict[str, list[str]] = {}
        for s in self.sources:
            tag = "table" if s["source_kind"] == "tip_table" else "narrative"
            page = f"p.{s['page']}" if s["page"] is not None else "p.?"
            extra = f" says {s['tier']}" if len(self.tiers) > 1 else ""
            by_doc.setdefault(s["source"], []).append(f"{page} ({tag}{extra})")
        return "; ".join(f"{doc} {', '.join(parts)}" for doc, parts in by_doc.items())


@dataclass
class History:
    country: str
    years: list[YearRow]
    checks: list[dict] = field(default_factory=list)  # claim_checks rows for the country, with "source"


def country_history(store: Store, country: str, run_id: str | None = None) -> History:
    """The country's report rows per year and the claim checks about it (case-insensitive name)."""
    run_id = run_id or store.latest_run()
    if run_id is None:
        raise HistoryError(f"no completed run in {store.root}: run `tipwatch run` first")
    tiers = store.read_table("tier_placements", run_id).to_pylist()
    docs = {d["doc_id"]: d for d in store.read_table("documents", run_id).to_pylist()}
    checks = read_claim_checks(store, run_id).to_pylist()
    names = aliases()
    key = country_key(country, names)
    report = [t for t in tiers if t["source_kind"] in REPORT_KINDS and t["report_year"] is not None]
    mine = [t for t in report if t["country"] and country_key(t["country"], names) == key]
    my_checks = [c for c in checks if c["country"] and country_key(c["country"], names) == key]
    if not mine and not my_checks:
        known = sorted(
            {t["country"] for t in report if t["country"]} | {c["country"] for c in checks if c["country"]}
        )
        close = difflib.get_close_matches(country, known, n=3, cutoff=0.6)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else (f"; countries with data: {len(known)}" if known else "")
        )
        raise HistoryError(f"no tier placements or claims for {country!r} in run {run_id}{hint}")
    name = (mine or my_checks)[0]["country"]
    by_year: dict[int, list[dict]] = {}
    for t in mine:
        by_year.setdefault(t["report_year"], []).append(t)
    years = []
    for y in sorted(by_year):
        rows = sorted(by_year[y], key=lambda t: (t["source_kind"], t["doc_id"], t["page"] or 0))
        srcs = [
            {
                "source": (docs.get(t["doc_id"]) or {}).get("source") or t["doc_id"][:12],
                "doc_id": t["doc_id"],
                "page": t["page"],
                "source_kind": t["source_kind"],
                "tier": t["tier"],
                "id": t["id"],
            }
            for t in rows
        ]
        years.append(YearRow(y, sorted({t["tier"] for t in rows}, key=_level), srcs))
    for c in my_checks:
        c["source"] = (docs.get(c["doc_id"]) or {}).get("source") or c["doc_id"][:12]
    return History(name, years, my_checks)


def found_after(check: dict, year: int) -> str | None:
    """The report tier in ``year`` from a check's ``found`` entry ("2WL→2" -> "2")."""
    for y, found in zip(check["years"] or [], check["found"] or []):
        if y == year and found:
            return found.split(" & ")[0].split("→")[-1]
    return None


def _level(tier: str) -> int:
    return LEVELS.index(tier) if tier in LEVELS else len(LEVELS)


# -- the chart, as shapes ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Shape:
    kind: str  # line, polyline, circle, rect, polygon, text
    points: tuple[tuple[float, float], ...]
    stroke: str | None = None
    fill: str | None = None
    width: float = 1.0
    radius: float = 0.0
    text: str = ""
    size: float = 12.0
    anchor: str = "start"  # start, middle, end
    bold: bool = False
    title: str = ""  # tooltip (SVG)
    dash: bool = False


@dataclass
class Scene:
    width: int
    height: int
    shapes: list[Shape]


def timeline_scene(history: History) -> Scene:
    """Lay the chart out: tier levels down the side, report years across, claims below."""
    claim_years = [y for c in history.checks for y in (c["years"] or [])]
    report_years = [r.year for r in history.years]
    all_years = report_years + claim_years
    y0, y1 = (min(all_years), max(all_years)) if all_years else (2000, 2001)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    left, right, top = 200, 40, 84
    step = max(46, min(80, 720 // (y1 - y0 + 1)))
    plot_w = step * (y1 - y0)
    level_h = 46
    plot_h = level_h * (len(LEVELS) - 1)
    lane_h = 26
    claims_top = top + plot_h + 76
    n_lanes = len(history.checks)
    sources_top = claims_top + max(1, n_lanes) * lane_h + 40
    n_source_lines = len(history.years)
    width = left + plot_w + right + 20
    width = max(width, left + 800)  # room for the legend row
    height = sources_top + 18 * n_source_lines + 50
    xs = lambda year: left + (year - y0) * step  # noqa: E731
    ys = lambda tier: top + _level(tier) * level_h  # noqa: E731
    sh: list[Shape] = [Shape("rect", ((0, 0), (width, height)), fill="#ffffff")]
    sh.append(
        Shape(
            "text",
            ((left, 26),),
            text=f"{history.country}: TIP report tier by report year",
            size=16,
            bold=True,
            fill="#222222",
        )
    )
    # grid: tier levels and years
    for t in LEVELS:
        sh.append(Shape("line", ((left - 6, ys(t)), (left + plot_w, ys(t))), stroke="#dddddd"))
        sh.append(
            Shape(
                "text", ((left - 12, ys(t) + 4),), text=TIER_LABEL[t], size=12, anchor="end", fill="#333333"
            )
        )
    for y in range(y0, y1 + 1):
        sh.append(Shape("line", ((xs(y), top - 8), (xs(y), top + plot_h + 6)), stroke="#eeeeee"))
        sh.append(
            Shape(
                "text", ((xs(y), top + plot_h + 24),), text=str(y), size=12, anchor="middle", fill="#333333"
            )
        )
    # the reports' line (only through years whose sources agree) and points with their pages
    pts = [(xs(r.year), ys(r.tier)) for r in history.years if r.tier]
    if len(pts) > 1:
        sh.append(Shape("polyline", tuple(pts), stroke="#2b6cb0", width=2.5))
    for r in history.years:
        tip = f"{r.year} report: {' / '.join(TIER_LABEL.get(t, t) for t in r.tiers)}\n{r.sources_text()}"
        for t in r.tiers:
            sh.append(
                Shape(
                    "circle",
                    ((xs(r.year), ys(t)),),
                    radius=6.5,
                    stroke="#2b6cb0",
                    fill="#2b6cb0" if r.tier else "#ffffff",
                    width=2,
                    title=tip,
                )
            )
    # what the claims say about tiers, as diamonds beside the report points
    for c in history.checks:
        for y, claimed, outcome in zip(c["years"] or [], c["claimed"] or [], c["outcomes"] or []):
            for part in claimed.split(" & "):
                if part in LEVELS:
                    cx, cy = xs(y) + 9, ys(part) - 9
                    sh.append(
                        Shape(
                            "polygon",
                            ((cx, cy - 6), (cx + 6, cy), (cx, cy + 6), (cx - 6, cy)),
                            fill=OUTCOME_COLOURS[outcome],
                            stroke="#333333",
                            width=0.8,
                            title=f"{y}: claim says {TIER_LABEL[part]} ({outcome}) - {c['speaker'] or 'unnamed'}, {c['source']}",
                        )
                    )
                elif part.startswith(("upgraded", "downgraded", "removed")) and found_after(c, y) in LEVELS:
                    # a stated change: a triangle pointing the way the claim says the tier moved
                    cx, cy = xs(y) + 9, ys(found_after(c, y)) - 9
                    tri = (
                        ((cx - 6, cy + 5), (cx + 6, cy + 5), (cx, cy - 6))
                        if not part.startswith("downgraded")
                        else ((cx - 6, cy - 5), (cx + 6, cy - 5), (cx, cy + 6))
                    )
                    sh.append(
                        Shape(
                            "polygon",
                            tri,
                            fill=OUTCOME_COLOURS[outcome],
                            stroke="#333333",
                            width=0.8,
                            title=f"{y}: claim says {part} ({outcome}) - {c['speaker'] or 'unnamed'}, {c['source']}",
                        )
                    )
    # one lane per claim: a square per year checked, coloured by outcome
    sh.append(
        Shape(
            "text",
            ((left, claims_top - 18),),
            text="Claims about this country (one row each; square = year checked)",
            size=12,
            bold=True,
            fill="#222222",
        )
    )
    for i, c in enumerate(history.checks):
        ly = claims_top + i * lane_h
        who = (c["speaker"] or "unnamed").split()[-1][:16]
        label = f"{i + 1}. {who}: {VERDICT_TEXT.get(c['verdict'], c['verdict'])}"
        sh.append(
            Shape(
                "text",
                ((left - 12, ly + 4),),
                text=label,
                size=11,
                anchor="end",
                fill="#333333",
                title=f"{c['source']}: {c['evidence']}",
            )
        )
        sh.append(Shape("line", ((left - 6, ly), (left + plot_w, ly)), stroke="#eeeeee"))
        for y, claimed, found, outcome in zip(
            c["years"] or [], c["claimed"] or [], c["found"] or [], c["outcomes"] or []
        ):
            sh.append(
                Shape(
                    "rect",
                    ((xs(y) - 7, ly - 7), (xs(y) + 7, ly + 7)),
                    fill=OUTCOME_COLOURS[outcome],
                    stroke="#333333",
                    width=0.8,
                    title=f"{y}: claim says {claimed}; reports say {found or 'nothing'} -> {outcome}",
                )
            )
    if not history.checks:
        sh.append(
            Shape(
                "text",
                ((left, claims_top + 4),),
                text="(no claims about this country were checked)",
                size=11,
                fill="#777777",
            )
        )
    # legend
    legend = [
        ("circle", "#2b6cb0", "report tier"),
        ("diamond", "#ffffff", "tier the claim states"),
        ("triangle", "#ffffff", "change the claim states"),
        ("rect", OUTCOME_COLOURS["supported"], "supported"),
        ("rect", OUTCOME_COLOURS["contradicted"], "contradicted"),
        ("rect", OUTCOME_COLOURS["missing"], "no report row"),
    ]
    x, ly = left, 50
    for kind, colour, text in legend:
        if kind == "circle":
            sh.append(Shape("circle", ((x, ly - 4),), radius=5, fill=colour, stroke=colour))
        elif kind == "diamond":
            sh.append(
                Shape(
                    "polygon",
                    ((x, ly - 10), (x + 6, ly - 4), (x, ly + 2), (x - 6, ly - 4)),
                    fill=colour,
                    stroke="#333333",
                )
            )
        elif kind == "triangle":
            sh.append(
                Shape(
                    "polygon", ((x - 6, ly + 1), (x + 6, ly + 1), (x, ly - 10)), fill=colour, stroke="#333333"
                )
            )
        else:
            sh.append(
                Shape("rect", ((x - 5, ly - 9), (x + 5, ly + 1)), fill=colour, stroke="#333333", width=0.8)
            )
        sh.append(Shape("text", ((x + 10, ly),), text=text, size=11, fill="#333333"))
        x += 22 + 6.2 * len(text)
    # sources legend: the report pages behind every point
    sh.append(
        Shape(
            "text",
            ((20, sources_top - 14),),
            text="Sources (report, page):",
            size=12,
            bold=True,
            fill="#222222",
        )
    )
    for k, r in enumerate(history.years):
        sh.append(
            Shape(
                "text",
                ((20, sources_top + 4 + k * 18),),
                size=11,
                fill="#333333",
                text=f"{r.year}: {' / '.join(TIER_LABEL.get(t, t) for t in r.tiers)} - {r.sources_text()}",
            )
        )
    return Scene(width, height, sh)


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def to_svg(scene: Scene) -> str:
    """The scene as a standalone SVG document (tooltips as <title> children)."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{scene.width}" height="{scene.height}" '
        f'viewBox="0 0 {scene.width} {scene.height}" font-family="Helvetica, Arial, sans-serif">'
    ]
    for s in scene.shapes:
        style = []
        if s.kind != "text":
            style.append(
                f'stroke="{s.stroke}" stroke-width="{_fmt(s.width)}"' if s.stroke else 'stroke="none"'
            )
            style.append(f'fill="{s.fill}"' if s.fill else 'fill="none"')
        attrs = " ".join(style)
        title = f"<title>{html.escape(s.title)}</title>" if s.title else ""
        (x, y) = s.points[0]
        if s.kind == "line":
            (x2, y2) = s.points[1]
            el = f'<line x1="{_fmt(x)}" y1="{_fmt(y)}" x2="{_fmt(x2)}" y2="{_fmt(y2)}" {attrs}'
        elif s.kind in ("polyline", "polygon"):
            pts = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in s.points)
            el = f'<{s.kind} points="{pts}" {attrs}'
        elif s.kind == "circle":
            el = f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(s.radius)}" {attrs}'
        elif s.kind == "rect":
            (x2, y2) = s.points[1]
            el = f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(x2 - x)}" height="{_fmt(y2 - y)}" {attrs}'
        else:
            weight = ' font-weight="bold"' if s.bold else ""
            el = (
                f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-size="{_fmt(s.size)}" text-anchor="{s.anchor}" '
                f'fill="{s.fill or "#000000"}"{weight}>{html.escape(s.text)}{title}</text>'
            )
            out.append(el)
            continue
        out.append(f"{el}>{title}</{el.split()[0][1:]}>" if title else f"{el}/>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def to_png(scene: Scene, scale: float = 1.5) -> bytes:
    """The scene drawn with Pillow (scaled for legibility); tooltips are dropped, the sources legend stays."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (int(scene.width * scale), int(scene.height * scale)), "#ffffff")
    draw = ImageDraw.Draw(img)
    fonts: dict[tuple[float, bool], object] = {}

    def font(size: float, bold: bool):
        key = (size, bold)
        if key not in fonts:
            try:
                fonts[key] = ImageFont.load_default(size=size * scale)
            except (TypeError, OSError):  # Pillow without FreeType: fixed bitmap font
                fonts[key] = ImageFont.load_default()
        return fonts[key]

    P = lambda pts: [(px * scale, py * scale) for px, py in pts]  # noqa: E731
    for s in scene.shapes:
        w = max(1, round(s.width * scale))
        if s.kind == "line":
            draw.line(P(s.points), fill=s.stroke, width=w)
        elif s.kind == "polyline":
            draw.line(P(s.points), fill=s.stroke, width=w, joint="curve")
        elif s.kind == "polygon":
            draw.polygon(P(s.points), fill=s.fill, outline=s.stroke)
        elif s.kind == "circle":
            (x, y), r = P(s.points)[0], s.radius * scale
            draw.ellipse((x - r, y - r, x + r, y + r), fill=s.fill, outline=s.stroke, width=w)
        elif s.kind == "rect":
            (x, y), (x2, y2) = P(s.points)
            draw.rectangle((x, y, x2, y2), fill=s.fill, outline=s.stroke, width=w if s.stroke else 0)
        elif s.kind == "text":
            (x, y) = P(s.points)[0]
            f = font(s.size, s.bold)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[s.anchor]
            try:
                draw.text((x, y), s.text, fill=s.fill or "#000000", font=f, anchor=anchor)
            except ValueError:  # bitmap fonts take no anchor
                draw.text((x, y - s.size * scale), s.text, fill=s.fill or "#000000", font=f)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def write_chart(history: History, path: Path) -> Path:
    """Write the timeline as SVG or PNG (by suffix), atomically."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise HistoryError(f"--plot wants a .svg or .png file, got {path.name!r}")
    if not path.parent.exists():
        raise HistoryError(f"folder not found: {path.parent}")
    scene = timeline_scene(history)
    data = to_svg(scene).encode("utf-8") if suffix == ".svg" else to_png(scene)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


__all__ = [
    "History",
    "HistoryError",
    "StoreError",
    "country_history",
    "timeline_scene",
    "to_png",
    "to_svg",
    "write_chart",
]
