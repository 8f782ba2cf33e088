"""The entity rule files under ``models/`` as span-ruler patterns and lookup tables.

Pure functions of a file path (and the tokenizer): :func:`label_patterns` reads the pattern file
of any plain label (a JSONL pattern file as spaCy's ``EntityRuler`` writes it, or a CSV gazetteer
with ``name`` and ``aliases`` columns); :func:`title_patterns` and :func:`agency_gazetteer` read
the two labels that carry more than patterns (a title's plural; an agency's acronym, kind and
country). Phrases match case-insensitively, acronyms exactly (:func:`token_pattern`).
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language

from extractors.assets import read_csv, read_jsonl, split_aliases

_ACRONYM = re.compile(r"^[A-Z][A-Za-z&/\-]*[A-Z][A-Za-z&/\-]*$")


def rows(path: str) -> list[dict]:
    """CSV rows without comment lines (a first field starting with '#')."""
    out = []
    for row in read_csv(path):
        first = next(iter(row.values()), "") or ""
        if not first.startswith("#"):
            out.append(row)
    return out


def title_abbreviations(path: str) -> dict[str, str]:
    """Abbreviated title -> title id, from the one-word all-capital patterns of a titles file
    ("DG" -> "director general", "IGP" -> "inspector general"): the ruler's own abbreviations,
    shared by the claim speakers and the evaluation so the list is kept once."""
    return {
        r["pattern"].lower(): r["id"]
        for r in read_jsonl(path)
        if isinstance(r.get("pattern"), str) and r["pattern"].isalpha() and r["pattern"].isupper()
    }


def token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Case-insensitive token pattern for a phrase; acronyms (all caps) match exactly: "Federal
    Investigation Agency" matches "federal investigation agency", "FIA" does not match "Fia"."""
    tokens = nlp.make_doc(phrase)
    if len(tokens) == 1 and _ACRONYM.match(phrase):
        return [{"ORTH": phrase}]
    # a hyphenated name is several tokens ("Guinea-Bissau" -> Guinea, -, Bissau): match each
    return [{"ORTH": t.text} if _ACRONYM.match(t.text) else {"LOWER": t.lower_} for t in tokens]


def plural_title(pattern: str) -> str | None:
    """The plural of a title pattern, for lists of officials under one title ("sub-inspectors
    A, B and C", "the deputy directors are A and B"): the last word inflected ("sub-inspector" ->
    "sub-inspectors", "chairman" -> "chairmen", "secretary" -> "secretaries", "DSP" -> "DSPs").
    None for a title with a complement ("inspector general of police", "special assistant to the
    prime minister"), whose plural is not formed on the last word."""
    words = pattern.split()
    if any(w.lower() in ("of", "to", "for", "in", "on") for w in words) or "'" in pattern:
        return None
    last = words[-1]
    if _ACRONYM.match(last) and last.isupper():
        plural = last + "s"
    elif last.lower().endswith("man"):
        plural = last[:-3] + "men"
    elif last.lower().endswith("y") and last[-2:-1].lower() not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.lower().endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural])


def label_patterns(nlp: Language, label: str, path: str) -> list[dict]:
    """Span-ruler patterns giving ``label`` to what the file names.

    * ``*.jsonl``: one pattern a line, ``{"pattern": ..., "id": ...}`` (``tiers.jsonl``:
      ``{"label": "TIER", "id": "2WL", "pattern": [{"LOWER": "tier"}, ...]}``); a token pattern is
      used as written, a phrase ("Pakistan Peoples Party") through :func:`token_pattern`. A line's
      own ``label``, when it has one, must be ``label``.
    * ``*.csv``: a gazetteer with ``name`` and ``aliases`` (``|``-separated) columns
      (``countries.csv``: "United States,USA|U.S.|America"); the id is the name. Each form also
      matches with the typographic apostrophe news text mostly has ("Cote d’Ivoire").
    """
    if Path(path).suffix == ".csv":
        return [
            {"label": label, "id": row["name"], "pattern": token_pattern(nlp, form)}
            for row in rows(path)
            for forms in [[row["name"], *split_aliases(row["aliases"])]]
            for form in dict.fromkeys(forms + [f.replace("'", "’") for f in forms])
        ]
    patterns = []
    for line in read_jsonl(path):
        if line.get("label", label) != label:
            raise ValueError(f"{path}: a {line['label']} pattern in the {label} file: {line}")
        pattern = line["pattern"]
        if isinstance(pattern, str):
            pattern = token_pattern(nlp, pattern)
        patterns.append({"label": label, "pattern": pattern, **({"id": line["id"]} if "id" in line else {})})
    return patterns


def title_patterns(nlp: Language, path: str) -> tuple[list[dict], set[str]]:
    """TITLE patterns from ``titles.jsonl`` (id: the normalised title) and the set of plural
    forms (lower case). A title's plural has the singular's id: officials tell them apart by the
    words matched. ``"plural": false`` for titles whose plural names others ("speakers" at a
    seminar); ``"cased": true`` for common words that are titles only when capitalised ("Head of
    Office"); ``"lower": true`` for words that are a title of their own only in lower case ("Pentagon
    chief X", but "Chief Drug Controller X", "Chief Guest X")."""
    patterns, plurals = [], set()
    for p in read_jsonl(path):
        title = p.get("id") or p["pattern"].lower().replace("-", " ")
        plural = plural_title(p["pattern"]) if p.get("plural", True) else None
        if plural:
            plurals.add(plural.lower())
        for form in dict.fromkeys(
            filter(None, (p["pattern"], plural, *map(_hyphenated, (p["pattern"], plural))))
        ):
            pattern = token_pattern(nlp, form)
            if p.get("cased"):
                pattern[0] = {**pattern[0], "IS_TITLE": True}
            elif p.get("lower"):
                pattern[0] = {**pattern[0], "IS_LOWER": True}
            patterns.append({"label": "TITLE", "id": title, "pattern": pattern})
    return patterns, plurals


_GENERAL = re.compile(r"(?<=[a-z]) (general)(?= of |$)", re.IGNORECASE)


def _hyphenated(form: str | None) -> str | None:
    """A title written with the hyphen British and Commonwealth English put in "X General"
    ("Inspector-General of Police", "Attorney-General", "Solicitor-General"), or None."""
    hyphenated = _GENERAL.sub(r"-\1", form) if form else None
    return hyphenated if hyphenated != form else None


def agency_gazetteer(nlp: Language, path: str) -> tuple[list[dict], dict[str, dict], dict[str, str]]:
    """AGENCY patterns from ``agencies.csv`` (name, acronym, kind, country, aliases), with what
    is known of each agency (canonical name -> acronym, kind, country) and every lower-case form
    (name, alias, acronym) -> canonical name. Each form also matches with the typographic
    apostrophe news text mostly has ("Prime Minister’s Office"); a one-word title-case form only as
    written (:func:`_agency_pattern`)."""
    patterns, info, forms_of = [], {}, {}
    for row in rows(path):
        info[row["name"]] = {
            "acronym": row["acronym"] or None,
            "kind": row["kind"] or "other",
            "country": row["country"] or None,
        }
        forms = [row["name"], *split_aliases(row["aliases"]), *([row["acronym"]] if row["acronym"] else [])]
        forms_of.update((f.lower(), row["name"]) for f in forms)
        for form in dict.fromkeys(forms + [f.replace("'", "’") for f in forms]):
            patterns.append({"label": "AGENCY", "id": row["name"], "pattern": _agency_pattern(nlp, form)})
    return patterns, info, forms_of


def _agency_pattern(nlp: Language, form: str) -> list[dict]:
    """:func:`token_pattern`, except that a one-word form in title case matches only as written:
    "Labour" is the party, "labour" is work; "Tories", "Oxfam", "Interpol" are names."""
    pattern = token_pattern(nlp, form)
    if len(pattern) == 1 and form.istitle() and form.isalpha():
        return [{"ORTH": form}]
    return pattern
