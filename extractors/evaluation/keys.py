"""How gold and predicted strings are compared: normalisation and per-field keys.

Contract: :func:`normalize` (soft hyphens and zero-width characters removed, curly quotes and
dashes made straight, whitespace collapsed) then case folding is the base of every key;
:func:`name_key`, :func:`title_key`, :func:`org_key`, :func:`span_key`, :func:`country_key` and
:func:`tier_key` add what each field needs (honorifics, title abbreviations, punctuation, enclosing
quotes, a country's other names, tier spellings); :func:`dice` is the token overlap of two strings. Keys never fail: missing values
give ``""``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from extractors.assets import MODELS_DIR
from extractors.nlp.components import rule_files
from extractors.parse.documents import INVISIBLE_AND_SPACES

__all__ = [
    "CHAR_MAP",
    "country_key",
    "HONORIFICS",
    "OVERLAP_MIN_DICE",
    "dice",
    "key",
    "name_key",
    "normalize",
    "org_key",
    "span_key",
    "tier_key",
    "title_abbreviations",
    "title_key",
    "tokens",
    "year_value",
]

# Content overlap that counts as the same span: token Dice >= 0.5, which also forbids matching two
# different sentences of one article through shared function words ("the", "said").
OVERLAP_MIN_DICE = 0.5

CHAR_MAP = str.maketrans(
    {
        **INVISIBLE_AND_SPACES,  # the stored text's own rules (soft hyphens, zero-width, odd spaces)
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_WS = re.compile(r"\s+")


def normalize(s: str | None) -> str:
    """Text as compared: NFC, no soft hyphens/zero-width chars, straight quotes and dashes,
    whitespace collapsed to single spaces and stripped. Case is kept (see :func:`key`)."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate(CHAR_MAP)
    return _WS.sub(" ", s).strip()


def key(s: str | None) -> str:
    """:func:`normalize` plus case folding and a leading "the " removed."""
    k = normalize(s).casefold()
    return k[4:] if k.startswith("the ") else k


COUNTRIES_FILE = MODELS_DIR / "gazetteers" / "countries.csv"


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """key of every name and alias in ``countries.csv`` -> key of the country's name."""
    from extractors.assets import read_csv, split_aliases

    out: dict[str, str] = {}
    for row in read_csv(str(COUNTRIES_FILE)):
        name = key(row["name"])
        out[name] = name
        for alias in split_aliases(row.get("aliases") or ""):
            out.setdefault(key(alias), name)
    return out


def country_key(country: str | None) -> str:
    """Country key: :func:`key`, with another name the country gazetteer gives it read as its
    name ("Republic of Congo" = "Congo (ROC)", "PRC" = "China")."""
    k = key(country)
    return _country_names().get(k, k)


_ORG_PUNCT = re.compile(r"[.,;:()\"']+")
# Initials written with full stops ("U.S.", "U.N.", "U.K"): one word once the stops are dropped.
_DOTTED_INITIALS = re.compile(r"(?<![\w.])((?:\w\.)+\w)\.?(?!\w)")


def org_key(name: str | None) -> str:
    """Organisation key: :func:`key` with punctuation dropped and "&" read as "and"
    ("Pakistan Rangers, Sindh" = "Pakistan Rangers Sindh"); initials lose their full stops
    ("U.S. Border Patrol" = "US Border Patrol")."""
    k = _DOTTED_INITIALS.sub(lambda m: m.group(1).replace(".", ""), key(name).replace("&", " and "))
    k = _ORG_PUNCT.sub(" ", k)
    k = " ".join(k.split())
    return k[4:] if k.startswith("the ") else k


_EDGE = " \"'.,;:!?()[]-"


def span_key(s: str | None) -> str:
    """Key for strict span comparison: :func:`key`, enclosing quotes/edge punctuation and a
    leading complementiser "that" trimmed."""
    k = normalize(s).casefold().strip(_EDGE)
    if k.startswith("that "):
        k = k[5:].strip(_EDGE)
    return k


_TOKEN = re.compile(r"\w+")


def tokens(s: str | None) -> list[str]:
    """Word tokens, normalised and case folded: "FIA's spokesman" -> ["fia", "s", "spokesman"]."""
    return _TOKEN.findall(normalize(s).casefold())


def dice(a: str | None, b: str | None) -> float:
    """Token Dice coefficient of two strings (multisets of word tokens)."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    n = sum(ta.values()) + sum(tb.values())
    if not n:
        return 0.0
    return 2 * sum((ta & tb).values()) / n


# Words dropped from the front of a person's name: honorifics, military ranks, retirement marks.
# "Syed", "Mian", "Hafiz", "Rana", "Chaudhry" are kept: they are part of how the name is written.
HONORIFICS = frozenset(
    """dr mr mrs ms miss engr prof professor sir madam barrister advocate justice senator
    retired retd col colonel lt lieutenant gen general maj major brig brigadier capt captain
    cdr commander air marshal vice admiral""".split()
)
_NAME_PUNCT = re.compile(r"[.,()]")


def name_key(name: str | None) -> str:
    """Person-name key: :func:`key`, periods and brackets removed, honorifics and ranks dropped
    from the front ("Dr Ehsan Sadiq" -> "ehsan sadiq", "retired Col Shehzad Amir" ->
    "shehzad amir") and a trailing "(retd)" dropped."""
    words = _NAME_PUNCT.sub(" ", key(name)).split()
    while words and words[0] in HONORIFICS:
        words.pop(0)
    while words and words[-1] in ("retd", "retired"):
        words.pop()
    return " ".join(words)


TITLES_FILE = MODELS_DIR / "patterns" / "titles.jsonl"
# Equivalences only the evaluation needs, beside the abbreviations the title rules know:
# a judge of a superior court is styled "Justice X" and called "the judge": one role.
_EVALUATION_TITLES = {"judge": "justice"}


@lru_cache(maxsize=1)
def title_abbreviations() -> dict[str, str]:
    """Abbreviation -> role as :func:`title_key` expands it: the abbreviation patterns of
    ``models/patterns/titles.jsonl`` (one all-capital word: "DG" -> "director general", "IGP" ->
    "inspector general", "SHO" -> "station house officer") with their ids, plus the evaluation's own
    equivalences ("judge" -> "justice")."""
    out = rule_files.title_abbreviations(str(TITLES_FILE))
    out.update(_EVALUATION_TITLES)
    return out


_TITLE_DROP = frozenset({"federal", "provincial", "the"})


def title_key(title: str | None) -> str:
    """Role key: :func:`key`, hyphens as spaces, abbreviations expanded ("DG" -> "director
    general"), "federal"/"provincial"/"the" dropped."""
    words = key(title).replace("-", " ").replace(".", " ").split()
    abbreviations = title_abbreviations()
    out: list[str] = []
    for w in words:
        if w in _TITLE_DROP:
            continue
        out.extend(abbreviations.get(w, w).split())
    return " ".join(out)


_TIERS = {
    "1": "1",
    "i": "1",
    "one": "1",
    "2": "2",
    "ii": "2",
    "two": "2",
    "2wl": "2WL",
    "iiwl": "2WL",
    "twowl": "2WL",
    "2watchlist": "2WL",
    "iiwatchlist": "2WL",
    "twowatchlist": "2WL",
    "3": "3",
    "iii": "3",
    "three": "3",
    "specialcase": "special_case",
    "special_case": "special_case",
    "specialcases": "special_case",
}


def tier_key(tier: Any) -> str:
    """Canonical tier code ("Tier II Watch List" -> "2WL"); unknown values are returned folded."""
    if tier is None:
        return ""
    t = re.sub(r"[\s\-_]+", "", normalize(str(tier)).casefold())
    if t.startswith("tier"):
        t = t[4:]
    return _TIERS.get(t, t)


def year_value(y: Any) -> int | None:
    """2023, "2023" -> 2023; None for a missing or non-numeric year."""
    if y is None or y == "":
        return None
    try:
        return int(y)
    except (TypeError, ValueError):
        return None
