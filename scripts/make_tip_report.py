"""Generate a synthetic, TIP-style report PDF and its ground truth (deterministic for a seed).

The layout follows ../shared/DESIGN.md section 6: a title page, front matter, the tier placement
lists (names in four columns), a global law enforcement data table, then one narrative per country
in alphabetical order with running heads (country name), page numbers, words hyphenated across
lines and some two-column pages. Narrative headers use the modern style (``PAKISTAN: TIER 2 WATCH
LIST``) for report years from 2017 and the older style (``PAKISTAN (Tier 2)`` with
"Recommendations for Pakistan:") before. All prose is written for this generator.

The ground truth goes beside the PDF as ``<name>.truth.json`` (or to ``--truth PATH``): the tier
placements (one row per country for the tier lists and one for the narrative header, with the
page each is printed on and the change the summary states) and every statistic in the prose.

    python scripts/make_tip_report.py --countries 8 --year 2023 --out raw/sample-tip-report-2023.pdf \\
        --truth tests/tip_sample_truth.json

The PDF writer is hand-written (base-14 Helvetica fonts, Flate streams): no dependency beyond the
standard library. ``generate()`` is the library entry point used by tests and benchmarks.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# ------------------------------------------------------------------------------------ country data

COUNTRIES = [
    "Afghanistan", "Albania", "Algeria", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
    "Aruba", "Australia", "Austria", "Azerbaijan", "Bahamas, The", "Bahrain", "Bangladesh",
    "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia",
    "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burma",
    "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic", "Chad",
    "Chile", "China", "Colombia", "Comoros", "Congo, Democratic Republic of the",
    "Congo, Republic of the", "Costa Rica", "Cote d'Ivoire", "Croatia", "Cuba", "Curacao", "Cyprus",
    "Czech Republic", "Denmark", "Djibouti", "Dominican Republic", "Ecuador", "Egypt", "El Salvador",
    "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France",
    "Gabon", "Gambia, The", "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "Guinea",
    "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hong Kong", "Hungary", "Iceland", "India",
    "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan",
    "Kazakhstan", "Kenya", "Kiribati", "Korea, North", "Korea, South", "Kosovo", "Kuwait",
    "Kyrgyz Republic", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Lithuania",
    "Luxembourg", "Macau", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
    "Marshall Islands", "Mauritania", "Mauritius", "Mexico", "Micronesia", "Moldova", "Mongolia",
    "Montenegro", "Morocco", "Mozambique", "Namibia", "Nepal", "Netherlands", "New Zealand",
    "Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman", "Pakistan", "Palau",
    "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
    "Romania", "Russia", "Rwanda", "St. Lucia", "St. Vincent and the Grenadines", "Samoa",
    "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Sint Maarten",
    "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain",
    "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan",
    "Tanzania", "Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia",
    "Turkey", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
    "United States", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela", "Vietnam", "Yemen", "Zambia",
    "Zimbabwe",
]  # fmt: skip
SPECIAL_CASES = {"Libya", "Somalia", "Yemen"}
TIERS = ("1", "2", "2WL", "3")
TIER_HEADING = {
    "1": "TIER 1",
    "2": "TIER 2",
    "2WL": "TIER 2 WATCH LIST",
    "3": "TIER 3",
    "special_case": "SPECIAL CASES",
}
TIER_PROSE = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2WL": "Tier 2 Watch List",
    "3": "Tier 3",
    "special_case": "Special Case",
}
TIER_HEADER = {
    "1": "TIER 1",
    "2": "TIER 2",
    "2WL": "TIER 2 WATCH LIST",
    "3": "TIER 3",
    "special_case": "SPECIAL CASE",
}
_RANK = {"1": 0, "2": 1, "2WL": 2, "3": 3}
_CSV_TIERS = {"tier 1": "1", "tier 2": "2", "tier 2 watch list": "2WL", "2wl": "2WL", "watchlist": "2WL",
              "tier 3": "3", "special case": "special_case", "1": "1", "2": "2", "3": "3"}  # fmt: skip
_WORDS = "zero one two three four five six seven eight nine".split()
_ORDINALS = ["second", "third", "fourth"]

# ------------------------------------------------------------------------------------ PDF writing

# Helvetica advance widths (1/1000 em) for ASCII 32..126, from the base-14 font metrics.
_HELV = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]  # fmt: skip
_WIDTH_CACHE: dict[tuple[str, bool], float] = {}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points; bold is approximated as 6% wider than regular (enough for wrapping)."""
    key = (text, bold)
    w = _WIDTH_CACHE.get(key)
    if w is None:
        w = sum(_HELV[ord(c) - 32] if 32 <= ord(c) < 127 else 556 for c in text) * (1.06 if bold else 1.0)
        if len(_WIDTH_CACHE) < 200_000:
            _WIDTH_CACHE[key] = w
    return w * size / 1000


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


class PdfWriter:
    """Just enough PDF: pages of Helvetica text and lines, an Info dictionary, a correct xref."""

    def __init__(self, width: float = 612, height: float = 792):
        self.width, self.height = width, height
        self.pages: list[bytes] = []

    def add_page(self, ops: list[str]) -> None:
        self.pages.append("\n".join(ops).encode("cp1252", errors="replace"))  # WinAnsiEncoding

    def tobytes(self, info: dict[str, str]) -> bytes:
        objects: list[bytes] = []
        n = len(self.pages)
        page_ids = [5 + 2 * i for i in range(n)]
        objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        kids = " ".join(f"{i} 0 R" for i in page_ids)
        objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
        for name in ("Helvetica", "Helvetica-Bold"):
            objects.append(
                f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>".encode()
            )
        for i, content in enumerate(self.pages):
            stream = zlib.compress(content, 6)
            objects.append(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {self.width:g} {self.height:g}] "
                f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode()
            )
            objects.append(
                f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
                + stream
                + b"\nendstream"
            )
        info_id = len(objects) + 1
        objects.append(
            ("<< " + " ".join(f"/{k} {_pdf_string(v)}" for k, v in info.items()) + " >>").encode(
                "cp1252", errors="replace"
            )
        )
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


# ------------------------------------------------------------------------------------------ layout

BODY, LEADING = 9.5, 11.6
MARGIN_X, TOP, BOTTOM = 54.0, 740.0, 68.0
GAP = 22.0


@dataclass
class Layout:
    """Flows headings, paragraphs and lists onto pages; remembers where things were printed."""

    year: int
    rng: random.Random
    writer: PdfWriter = field(default_factory=PdfWriter)
    ops: list[str] = field(default_factory=list)
    y: float = TOP
    columns: int = 1
    column: int = 0
    page_countries: list[str] = field(default_factory=list)  # [country] giving the running head
    running_head: bool = False

    @property
    def page(self) -> int:  # 1-based number of the page being filled
        return len(self.writer.pages) + 1

    @property
    def col_width(self) -> float:
        full = self.writer.width - 2 * MARGIN_X
        return full if self.columns == 1 else (full - GAP) / 2

    @property
    def x(self) -> float:
        return MARGIN_X + self.column * (self.col_width + GAP)

    def text(self, x: float, y: float, s: str, size: float = BODY, bold: bool = False) -> None:
        self.ops.append(f"BT /{'F2' if bold else 'F1'} {size:g} Tf {x:.2f} {y:.2f} Td {_pdf_string(s)} Tj ET")

    def finish_page(self) -> None:
        ops = self.ops
        number = self.page
        if number > 1:
            label = f"{self.year} TRAFFICKING IN PERSONS REPORT"
            foot = [
                f"BT /F1 8 Tf {self.writer.width - MARGIN_X - text_width(str(number), 8):.2f} 34 Td ({number}) Tj ET"
            ]
            if number % 2 == 0:  # even pages: number on the left, and first in the content stream
                foot = [f"BT /F1 8 Tf {MARGIN_X:.2f} 34 Td ({number}) Tj ET"]
                ops = (
                    foot
                    + ops
                    + [
                        f"BT /F1 7.5 Tf {self.writer.width - MARGIN_X - text_width(label, 7.5):.2f} 34 Td ({label}) Tj ET"
                    ]
                )
            else:
                ops = ops + [f"BT /F1 7.5 Tf {MARGIN_X:.2f} 34 Td ({label}) Tj ET"] + foot
        if self.running_head and self.page_countries:
            head = self.page_countries[0].upper()
            ops = [
                f"BT /F2 8 Tf {(self.writer.width - text_width(head, 8, True)) / 2:.2f} 760 Td {_pdf_string(head)} Tj ET"
            ] + ops
        self.writer.add_page(ops)
        self.ops, self.y, self.column = [], TOP, 0  # the running head carries over

    def new_page(self, columns: int | None = None) -> None:
        if self.ops:
            self.finish_page()
        if columns is not None:
            self.columns = columns

    def ensure(self, height: float) -> None:
        """Move to the next column or page unless ``height`` points fit below the cursor."""
        if self.y - height >= BOTTOM:
            return
        if self.column + 1 < self.columns:
            self.column += 1
            self.y = TOP
        else:
            self.finish_page()

    def space(self, points: float) -> None:
        if self.y < TOP:
            self.y -= points

    def heading(self, s: str, size: float = 10.5, keep: int = 3) -> int:
        """Bold line kept with ``keep`` body lines after it; returns its page."""
        size = min(size, size * self.col_width / text_width(s, size, True))  # long names shrink to fit
        self.ensure(size * 1.3 + keep * LEADING)
        self.space(4)
        self.y -= size * 1.25
        self.text(self.x, self.y, s, size, bold=True)
        self.y -= 3
        return self.page

    def paragraph(self, s: str, hyphenate: bool = True) -> None:
        words = s.split()
        self.ensure(2 * LEADING)
        while words:
            self.ensure(LEADING)
            last_on_page = self.column + 1 == self.columns and self.y - 2 * LEADING < BOTTOM
            line, words = self._fill(words, self.col_width, hyphenate and not last_on_page)
            self.y -= LEADING
            self.text(self.x, self.y, line)
        self.y -= LEADING * 0.45

    def _fill(self, words: list[str], width: float, hyphenate: bool) -> tuple[str, list[str]]:
        line: list[str] = []
        used = 0.0
        space = text_width(" ", BODY)
        for i, word in enumerate(words):
            w = text_width(word, BODY)
            extra = w + (space if line else 0)
            if used + extra <= width:
                line.append(word)
                used += extra
                continue
            # Break a long lower-case word with a hyphen when its head fits (never numbers,
            # names or words that already hold a hyphen: they must come out of the PDF as typed).
            if hyphenate and line and word.isalpha() and word.islower() and len(word) >= 7:
                for cut in range(len(word) - 3, 2, -1):
                    head = word[:cut] + "-"
                    if used + space + text_width(head, BODY) <= width:
                        return " ".join(line + [head]), [word[cut:]] + words[i + 1 :]
            if not line:  # a single word wider than the column: print it anyway
                return word, words[i + 1 :]
            return " ".join(line), words[i:]
        return " ".join(line), []

    def name_columns(self, names: list[str], ncols: int, where: dict[str, int]) -> None:
        """Names laid out column by column (top to bottom, then the next column), across pages."""
        # Never a single row: names side by side on one baseline come out of a PDF as one line.
        ncols = max(1, min(ncols, len(names) // 2))
        col_w = (self.writer.width - 2 * MARGIN_X) / ncols
        rest = list(names)
        while rest:
            self.ensure(LEADING * 3)
            rows_fit = max(2, int((self.y - BOTTOM) / LEADING))
            cols = ncols if len(rest) >= 2 * ncols else max(1, len(rest) // 2)
            rows = min(rows_fit, -(-len(rest) // cols))
            chunk, rest = rest[: rows * cols], rest[rows * cols :]
            top = self.y
            for c in range(cols):
                for r, name in enumerate(chunk[c * rows : (c + 1) * rows]):
                    self.text(MARGIN_X + c * col_w, top - (r + 1) * LEADING, name)
                    where[name] = self.page
            self.y = top - rows * LEADING - LEADING * 0.6

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        for n, row in enumerate(rows):
            self.ensure(LEADING)
            self.y -= LEADING
            x = MARGIN_X
            for cell, w in zip(row, widths):
                self.text(x, self.y, cell, 8.5, bold=n == 0)
                x += w


# ------------------------------------------------------------------------------------------- prose


@dataclass(frozen=True)
class CountryPlan:
    name: str
    tier: str
    previous: str | None  # tier in the previous report, None when not ranked / special case
    two_column: bool


def _change(tier: str, previous: str | None) -> str | None:
    if tier == "special_case" or previous is None or previous == "special_case":
        return None
    if previous == tier:
        return "unchanged"
    return "upgraded" if _RANK[tier] < _RANK[previous] else "downgraded"


def _num(value: int, rng: random.Random) -> str:
    if value < 10 and rng.random() < 0.6:
        return _WORDS[value]
    return f"{value:,}"


def _plural(noun: str, value: int) -> str:
    if value != 1:
        return noun
    return {"cases": "case", "suspects": "suspect", "traffickers": "trafficker", "victims": "victim",
            "defendants": "defendant", "individuals": "individual", "alleged traffickers": "alleged trafficker",
            "potential victims": "potential victim", "trafficking victims": "trafficking victim"}.get(noun, noun)  # fmt: skip


_FILLER = {
    "prosecution": [
        "The government maintained law enforcement efforts during the reporting period.",
        "The anti-trafficking law criminalized sex trafficking and labor trafficking and prescribed penalties of up to ten years of imprisonment.",
        "Officials did not consistently distinguish trafficking from migrant smuggling, which hampered the collection of accurate data.",
        "Judges often imposed fines instead of prison terms, which weakened deterrence and undercut efforts to hold traffickers accountable.",
        "The national police academy trained investigators and prosecutors on victim-centered approaches with support from international organizations.",
        "Corruption and official complicity in trafficking crimes remained significant concerns, inhibiting law enforcement action during the year.",
        "Cases frequently stalled in the courts because of lengthy procedures and a shortage of specialized prosecutors.",
        "Authorities cooperated with foreign governments on several transnational investigations and extraditions.",
    ],
    "protection": [
        "The government maintained efforts to protect victims.",
        "Authorities used standard operating procedures to screen vulnerable populations and refer victims to shelters run by civil society.",
        "Shelters offered medical care, counseling, legal assistance and vocational training, although services outside the capital remained limited.",
        "The law allowed foreign victims to remain in the country during legal proceedings and to seek employment while they waited.",
        "Observers reported that some victims were penalized for unlawful acts their traffickers compelled them to commit.",
        "The government funded a hotline that operated in several languages and received calls from potential victims and concerned citizens.",
        "Victims could file civil suits against their traffickers, but few did so because of the cost and length of proceedings.",
    ],
    "prevention": [
        "The government maintained prevention efforts.",
        "The national coordinating committee met regularly and monitored the implementation of the national action plan.",
        "Authorities conducted awareness campaigns in schools, airports and border crossings, sometimes in partnership with civil society.",
        "The labor inspectorate lacked sufficient staff and resources to monitor informal sectors such as agriculture and domestic work.",
        "The government did not make efforts to reduce the demand for commercial sex acts.",
        "Recruitment agencies were required to register with the ministry of labor, and officials revoked the licenses of several agencies for fraudulent practices.",
        "The government provided anti-trafficking training to its diplomatic personnel and to troops before their deployment abroad.",
    ],
    "profile": [
        "As reported over the past five years, human traffickers exploit domestic and foreign victims in {c}, and traffickers exploit victims from {c} abroad.",
        "Traffickers exploit women and girls in sex trafficking in hotels, bars and private residences, often after fraudulent offers of employment.",
        "Men and boys are exploited in forced labor in agriculture, fishing, construction, mining and brick kilns.",
        "Children, including those living on the streets, are exploited in forced begging and domestic servitude.",
        "Migrant workers who pay high recruitment fees are vulnerable to debt-based coercion and the confiscation of their identity documents.",
        "Traffickers increasingly use social media and messaging applications to recruit victims with false promises of work abroad.",
        "Refugees and internally displaced persons remain highly vulnerable to exploitation.",
    ],
}
_RECOMMENDATIONS = [
    "Increase efforts to investigate and prosecute trafficking crimes, and seek adequate penalties for convicted traffickers, including significant prison terms.",
    "Train law enforcement officials to identify victims among vulnerable populations and refer them to appropriate services.",
    "Increase funding for victim services, including shelters for male victims and for children.",
    "Ensure victims are not penalized for unlawful acts their traffickers compelled them to commit.",
    "Strengthen oversight of labor recruitment agencies and eliminate worker-paid recruitment fees.",
    "Adopt and implement a new national action plan and allocate sufficient resources to it.",
    "Investigate and prosecute officials complicit in trafficking crimes.",
]


def _summary(c: CountryPlan, modern: bool, rng: random.Random) -> str:
    """The opening summary that states the tier and the change."""
    name = c.name
    gov = f"The Government of {name}"
    tier = TIER_PROSE.get(c.tier)
    change = _change(c.tier, c.previous)
    if c.tier == "special_case":
        return (f"{name} is a Special Case this year because the government was unable to exercise control over "
                f"much of its territory during the reporting period. Available information indicates that "
                f"trafficking remained a serious problem.")  # fmt: skip
    if c.tier == "1":
        first = f"{gov} fully meets the minimum standards for the elimination of trafficking."
        middle = "The government continued to demonstrate serious and sustained efforts during the reporting period."
    elif c.tier == "3":
        first = (f"{gov} does not fully meet the minimum standards for the elimination of trafficking and is not "
                 f"making significant efforts to do so, even considering the impact of its limited resources.")  # fmt: skip
        middle = "The government took some steps to address trafficking, including training officials."
    else:
        first = (f"{gov} does not fully meet the minimum standards for the elimination of trafficking but is making "
                 f"significant efforts to do so.")  # fmt: skip
        middle = "These efforts included adopting a new national action plan and identifying more victims."
    if c.tier == "2WL":
        middle += (" However, the government did not demonstrate overall increasing efforts compared with the "
                   "previous reporting period.")  # fmt: skip
    waiver = c.tier == "2WL" and c.previous == "2WL" and rng.random() < 0.5
    if modern:
        if change == "upgraded":
            last = f"Therefore {name} was upgraded to {tier}."
        elif change == "downgraded":
            last = f"Therefore {name} was downgraded to {tier}."
        elif waiver:
            last = (f"Because the government has devoted sufficient resources to a written plan, {name} was granted a "
                    f"waiver from an otherwise required downgrade to Tier 3 and therefore remained on {tier} for the "
                    f"{rng.choice(_ORDINALS)} consecutive year.")  # fmt: skip
        elif change == "unchanged":
            last = f"Therefore {name} remained on {tier}."
        else:
            last = f"Therefore {name} is ranked {tier}."
    else:
        if change == "upgraded":
            last = f"Therefore, {name} is upgraded to {tier}."
        elif change == "downgraded":
            last = f"Therefore, {name} is downgraded to {tier}."
        elif change == "unchanged":
            last = f"Therefore, {name} remains on {tier} for a {rng.choice(_ORDINALS)} consecutive year."
        else:
            last = f"Therefore, {name} is placed on {tier}."
    return f"{first} {middle} {last}"


_STAT_NOUNS = {
    "investigations": ["cases", "suspects", "individuals"],
    "prosecutions": ["defendants", "alleged traffickers", "suspects"],
    "convictions": ["traffickers"],
    "victims_identified": ["victims", "potential victims", "trafficking victims"],
}
_VERBS = {
    "investigations": [
        "investigated {n} {noun}",
        "reported investigating {n} {noun}",
        "initiated investigations of {n} {noun}",
    ],
    "prosecutions": [
        "prosecuted {n} {noun}",
        "reported prosecuting {n} {noun}",
        "initiated prosecutions of {n} {noun}",
    ],
    "convictions": ["convicted {n} {noun}", "reported convicting {n} {noun}"],
    "victims_identified": ["identified {n} {noun}", "reported identifying {n} {noun}"],
}
_SUBJECTS = [
    "The government",
    "Authorities",
    "Law enforcement agencies",
    "During the reporting period, officials",
    "In total, the government",
]


def _statistic_sentences(
    country: str, year: int, rng: random.Random
) -> tuple[dict[str, list[str]], list[dict]]:
    """Sentences per section holding the statistics, and the truth rows they state."""
    truth: list[dict] = []
    out: dict[str, list[str]] = {"prosecution": [], "protection": []}
    for metric in ("investigations", "prosecutions", "convictions", "victims_identified"):
        if rng.random() < 0.12:
            out["prosecution" if metric != "victims_identified" else "protection"].append(
                f"The government did not report {'identifying any victims' if metric == 'victims_identified' else 'any ' + metric}"
                f" during the reporting period."
            )
            continue
        scale = {"investigations": 1500, "prosecutions": 900, "convictions": 300, "victims_identified": 6000}[
            metric
        ]
        value = int(rng.paretovariate(1.2) * scale / 8) if rng.random() < 0.8 else rng.randint(1, 9)
        noun = rng.choice(_STAT_NOUNS[metric])
        of = "of" if metric == "victims_identified" else "for"
        form = rng.random()
        qualifier = None
        tail = ""
        parts: list[tuple[int, str]] = []
        if form < 0.3:
            qualifier = rng.choice(
                [f"{of} sex trafficking", f"{of} forced labor"]
                + (["under the anti-trafficking law"] if of == "for" else [])
            )
            tail = " " + qualifier
        elif form < 0.55 and value >= 2:
            a = rng.randint(1, value - 1)
            parts = [(a, f"{of} sex trafficking"), (value - a, f"{of} forced labor")]
            tail = f" ({_num(a, rng)} {parts[0][1]} and {_num(value - a, rng)} {parts[1][1]})"
        phrase = rng.choice(_VERBS[metric]).format(n=_num(value, rng), noun=_plural(noun, value))
        compare = ""
        if rng.random() < 0.5:
            prev = max(0, int(value * rng.uniform(0.5, 1.6)))
            compare = f", compared with {prev:,} {noun} in the previous reporting period"
        when = rng.choice(["", f" in {year - 1}", " during the reporting period"])
        subject = rng.choice(_SUBJECTS)
        sentence = f"{subject} {phrase}{tail}{when}{compare}."
        out["prosecution" if metric != "victims_identified" else "protection"].append(sentence)
        truth.append(
            {
                "country": country,
                "report_year": year,
                "metric": metric,
                "value": value,
                "qualifier": qualifier,
            }
        )
        for v, q in parts:
            truth.append(
                {"country": country, "report_year": year, "metric": metric, "value": v, "qualifier": q}
            )
    return out, truth


_CITIES = [
    "the capital",
    "a northern province",
    "a coastal town",
    "the border region",
    "an industrial zone",
    "a mining district",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _case_detail(pool: str, country: str, year: int, rng: random.Random) -> str:
    """One sentence of case detail with numbers that are not statistics of the four metrics."""
    month, city, n = rng.choice(_MONTHS), rng.choice(_CITIES), rng.randint(2, 60)
    if pool == "prosecution":
        return rng.choice([
            f"In {month} {year - 1}, a court in {city} sentenced a labor recruiter to {n} months of imprisonment for fraudulent recruitment.",
            f"Prosecutors in {city} reported that {n} cases from earlier years remained pending at the end of the reporting period.",
            f"The specialized unit employed {n} officers, who handled complex cases involving organized criminal groups.",
            f"The average trial lasted {n} months, and appeals frequently delayed final judgments for years.",
        ])  # fmt: skip
    if pool == "protection":
        return rng.choice([
            f"The ministry allocated the equivalent of {n * 1000:,} dollars to shelters, a modest increase from the previous year.",
            f"Shelters in {city} could accommodate {n} residents at a time and provided services for up to {n} days.",
            f"Officials screened {n * 100:,} migrants at ports of entry for indicators of trafficking.",
            f"Civil society organizations assisted survivors with reintegration, and {n} survivors received vocational training.",
        ])  # fmt: skip
    if pool == "prevention":
        return rng.choice([
            f"In {month}, the government hosted a national conference attended by {n * 10} officials and representatives of civil society.",
            f"The labor ministry employed {n * 5} inspectors, which observers considered insufficient for the size of the workforce.",
            f"Authorities distributed leaflets in {n % 9 + 2} languages to prospective migrant workers.",
            f"The hotline received {n * 30:,} calls, some of which led to referrals to law enforcement.",
        ])  # fmt: skip
    return rng.choice([
        f"Traffickers recruit victims from rural communities in {city} with offers of work in restaurants and factories.",
        f"Observers estimate that tens of thousands of workers in {city} are vulnerable to debt bondage.",
        f"Children as young as {n % 8 + 6} years old are exploited in street vending and begging in {city}.",
        f"Nationals of {country} working abroad in construction and domestic work face passport confiscation and withheld wages.",
    ])  # fmt: skip


def _pick(pool: list[str], k: int, rng: random.Random, country: str) -> list[str]:
    return [s.format(c=country) for s in rng.sample(pool, min(k, len(pool)))]


# ---------------------------------------------------------------------------------------- plans


def _plans(countries: int, year: int, rng: random.Random, tiers_csv: str | None) -> list[CountryPlan]:
    names = sorted(COUNTRIES, key=str.casefold)
    given: dict[str, str] = {}
    previous: dict[str, str] = {}
    if tiers_csv:
        given, previous = _tiers_from_csv(tiers_csv, year)
        if not given:
            raise SystemExit(f"{tiers_csv} has no tiers for {year}")
        names = sorted(given, key=str.casefold)  # the CSV's countries, spelled as it spells them
    if countries < len(names):
        # Pakistan and a special case are always in (the committed sample shows every list heading).
        keep = {n for n in ("Pakistan", "Libya") if n in names}
        others = [n for n in names if n not in keep]
        pool = [n for n in others if n in given] if given else others
        keep |= set(rng.sample(pool if len(pool) >= countries - len(keep) else others, countries - len(keep)))
        names = [n for n in names if n in keep]
    plans = []
    # A small report shows every tier; a full one draws them with roughly the real proportions.
    cycle = list(TIERS) * (len(names) // 4 + 1)
    rng.shuffle(cycle)
    for i, name in enumerate(names):
        if name in given:
            tier = given[name]
        elif name in SPECIAL_CASES:
            tier = "special_case"
        elif name == "Pakistan" and not given:
            tier = "2WL"
        elif len(names) <= 16:
            tier = cycle.pop() if cycle[-1] != "2WL" or "2WL" in cycle[:-1] else cycle.pop(0)
        else:
            tier = rng.choices(TIERS, weights=[16, 55, 17, 12])[0]
        if name in previous:
            prev = previous[name]
        elif tier == "special_case":
            prev = "special_case"
        else:
            r = rng.random()
            if r < 0.65:
                prev = tier
            elif r < 0.95:
                prev = TIERS[min(3, max(0, _RANK[tier] + rng.choice((-1, 1))))]
            else:
                prev = None
        plans.append(CountryPlan(name, tier, prev, two_column=i % 3 == 1))
    return plans


def _tiers_from_csv(path: str, year: int) -> tuple[dict[str, str], dict[str, str]]:
    """Tiers for ``year`` and ``year - 1`` from a long CSV (report_year, country, tier[, country_key, source]).

    Sources spell countries differently ("C.A.R.", "Central African Republic") and some list only
    some tiers (the CIA: Tier 2 Watch List and Tier 3). So a year's countries come from the source
    that lists most of them, plus, from the other sources, the tiers that one does not list; the
    previous year's tier is matched on the normalised name from any source.
    """

    def key(row: dict) -> str:
        return (row.get("country_key") or row["country"]).strip().casefold()

    current: dict[str, dict[str, tuple[str, str]]] = {}  # source -> key -> (country, tier)
    before: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            y = int(float(row["report_year"]))
            tier = _CSV_TIERS.get(row["tier"].strip().lower())
            if not tier or not row["country"].strip():
                continue
            if y == year:
                current.setdefault(row.get("source", ""), {}).setdefault(
                    key(row), (row["country"].strip(), tier)
                )
            elif y == year - 1:
                before.setdefault(key(row), tier)
    if not current:
        return {}, {}
    order = sorted(current, key=lambda s: (-len(current[s]), s))
    chosen = dict(current[order[0]])
    covered = {tier for _, tier in chosen.values()}
    for source in order[1:]:
        for k, (country, tier) in current[source].items():
            if tier not in covered and k not in chosen:
                chosen[k] = (country, tier)
    given = {country: tier for country, tier in chosen.values()}
    previous = {country: before[k] for k, (country, _) in chosen.items() if k in before}
    return given, previous


# -------------------------------------------------------------------------------------- document


def generate(
    countries: int = 8, year: int = 2023, seed: int = 7, tiers_csv: str | None = None
) -> tuple[bytes, dict]:
    """Return (PDF bytes, ground truth) for a synthetic report. Same arguments, same bytes."""
    rng = random.Random(seed)
    plans = _plans(countries, year, rng, tiers_csv)
    modern = year >= 2017
    lay = Layout(year=year, rng=rng)
    truth_tiers: list[dict] = []
    truth_stats: list[dict] = []

    # Title page.
    title = f"{year} Trafficking in Persons Report"
    lay.text(MARGIN_X, 520, title, 26, bold=True)
    lay.text(MARGIN_X, 488, f"June {year}", 14)
    lay.text(MARGIN_X, 120, "United States Department of State", 11)
    lay.finish_page()

    # Front matter.
    lay.heading("LETTER FROM THE SECRETARY", 13)
    for s in [
        f"This year's report assesses the efforts of {len(plans)} governments to meet the minimum standards for the "
        "elimination of human trafficking. Behind every figure in these pages are people whose labor and bodies were "
        "exploited for profit, and survivors whose courage has shaped our work.",
        "Governments that take trafficking seriously invest in investigators, prosecutors and judges, in services for "
        "survivors, and in the prevention of exploitation in supply chains and recruitment. This report is a tool for "
        "that work: it describes what each government did during the reporting period and what it should do next.",
    ]:
        lay.paragraph(s)
    lay.heading("INTRODUCTION", 13)
    for s in [
        "Human trafficking takes many forms. Traffickers exploit people in agriculture, construction, fishing, "
        "domestic work and commercial sex, and they adapt quickly to new technologies and to crises that uproot "
        "communities. Effective responses require coordination among ministries, civil society and survivors.",
        "The country narratives that follow describe each government's prosecution, protection and prevention efforts, "
        "set out prioritized recommendations and summarize the trafficking profile of the country.",
    ]:
        lay.paragraph(s)
    lay.heading("METHODOLOGY", 13)
    for s in [
        f"The Department prepared this report using information from embassies, government officials, nongovernmental "
        f"organizations, published reports and research. The reporting period ran from April 1, {year - 1} through "
        f"March 31, {year}. Each country is placed onto one of four tiers according to the extent of its government's "
        "efforts to meet the minimum standards, not the size of the country's problem.",
        "Countries whose governments fully meet the minimum standards are placed on Tier 1. Countries whose governments "
        "do not fully meet the standards but are making significant efforts to do so are placed on Tier 2. Tier 2 Watch "
        "List is for countries in that position where the estimated number of victims is significant or increasing, or "
        "where efforts did not increase compared with the previous year. Countries whose governments do not fully meet "
        "the standards and are not making significant efforts to do so are placed on Tier 3.",
    ]:
        lay.paragraph(s)

    # Tier placement lists.
    lay.new_page()
    lay.heading("TIER PLACEMENTS", 14)
    where: dict[str, int] = {}
    for tier in ("1", "2", "2WL", "3", "special_case"):
        group = [p.name for p in plans if p.tier == tier]
        if not group:
            continue
        lay.heading(TIER_HEADING[tier], 11, keep=2)
        lay.name_columns(group, 4, where)
    for p in plans:
        truth_tiers.append({"country": p.name, "report_year": year, "tier": p.tier, "change": None,
                            "source_kind": "tip_table", "page": where[p.name]})  # fmt: skip

    # Global law enforcement data.
    lay.heading("GLOBAL LAW ENFORCEMENT DATA", 13)
    lay.paragraph(
        "The figures below were reported by foreign governments. Numbers in parentheses are those of labor trafficking "
        "prosecutions, convictions and victims identified."
    )
    rows = [["YEAR", "PROSECUTIONS", "CONVICTIONS", "VICTIMS IDENTIFIED", "NEW OR AMENDED LEGISLATION"]]
    for y in range(year - 7, year):
        p_, c_, v_ = rng.randint(9000, 16000), rng.randint(3000, 10000), rng.randint(40000, 120000)
        rows.append([str(y), f"{p_:,} ({rng.randint(300, 1500):,})", f"{c_:,} ({rng.randint(100, 900):,})",
                     f"{v_:,} ({rng.randint(5000, 25000):,})", str(rng.randint(5, 40))])  # fmt: skip
    lay.table(rows, [50, 105, 100, 120, 130])

    # Country narratives: each opens a page, so every page has one country as its running head.
    lay.running_head = True
    for p in plans:
        lay.new_page(columns=2 if p.two_column else 1)
        lay.page_countries = [p.name]
        crng = random.Random(f"{seed}:{p.name}")
        header = (
            f"{p.name.upper()}: {TIER_HEADER[p.tier]}"
            if modern
            else f"{p.name.upper()} ({TIER_PROSE[p.tier]})"
        )
        page = lay.heading(header, 11, keep=4)
        truth_tiers.append({"country": p.name, "report_year": year, "tier": p.tier,
                            "change": _change(p.tier, p.previous), "source_kind": "tip_narrative", "page": page})  # fmt: skip
        stats, stat_truth = _statistic_sentences(p.name, year, crng)
        truth_stats.extend(stat_truth)
        summary = _summary(p, modern, crng)
        # Enough prose that a narrative fills two to four pages, as real ones do.
        budget = crng.uniform(2.7, 5.1) * (7600 if p.two_column else 5200)

        def fill(pool: str, k: int) -> list[str]:
            return _pick(_FILLER[pool], k, crng, p.name) + [  # noqa: B023
                _case_detail(pool, p.name, year, crng)
                for _ in range(k)  # noqa: B023
            ]

        def section(title_modern: str, title_old: str, sentences: list[str]) -> None:
            lay.heading(title_modern if modern else title_old, 9.5)
            step = 4
            for j in range(0, len(sentences), step):
                lay.paragraph(" ".join(sentences[j : j + step]))

        recs = _pick(_RECOMMENDATIONS, crng.randint(4, 7), crng, p.name)
        k = max(3, int(budget / 4 / 2 / 160))
        pros, prot, prev, prof = (
            fill("prosecution", k),
            fill("protection", k),
            fill("prevention", k),
            fill("profile", k),
        )
        for part in (pros, prot, prev, prof):
            crng.shuffle(part)
        if modern:
            lay.paragraph(summary)
            lay.heading("PRIORITIZED RECOMMENDATIONS:", 9.5)
            for r in recs:
                lay.paragraph(r)
        else:
            lay.paragraph(" ".join(prof[:3]))
            lay.paragraph(summary)
            lay.paragraph(
                f"Recommendations for {p.name}: "
                + "; ".join(r[0].lower() + r[1:].rstrip(".") for r in recs)
                + "."
            )
        section("PROSECUTION", "Prosecution", pros[:2] + stats["prosecution"] + pros[2:])
        section("PROTECTION", "Protection", prot[:2] + stats["protection"] + prot[2:])
        section("PREVENTION", "Prevention", prev)
        if modern:
            section("TRAFFICKING PROFILE", "Trafficking Profile", prof)
    lay.finish_page()

    info = {"Title": title, "Author": "tipwatch synthetic report generator", "Producer": "tipwatch make_tip_report.py",
            "CreationDate": f"D:{year}0615000000Z"}  # fmt: skip
    data = lay.writer.tobytes(info)
    truth = {
        "title": title,
        "report_year": year,
        "seed": seed,
        "n_pages": len(lay.writer.pages),
        "tier_placements": truth_tiers,
        "statistics": truth_stats,
    }
    return data, truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--countries", type=int, default=8, help="number of country narratives (190 for a full report)"
    )
    ap.add_argument(
        "--year", type=int, default=2023, help="report year (from 2017: modern narrative headers)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--tiers-csv",
        help="take tiers from a long CSV (report_year,country,tier), e.g. tip_tiers_long_all_sources.csv",
    )
    ap.add_argument("--out", required=True, help="PDF to write")
    ap.add_argument("--truth", help="ground-truth JSON to write (default: <out without .pdf>.truth.json)")
    args = ap.parse_args(argv)
    data, truth = generate(args.countries, args.year, args.seed, args.tiers_csv)
    out = Path(args.out)
    truth_path = Path(args.truth) if args.truth else out.with_suffix(".truth.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    truth_path.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {truth['n_pages']} pages, {len(data):,} bytes; truth: {truth_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
