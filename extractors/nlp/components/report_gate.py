"""``tipwatch_report_gate_v1``: only the sentences of a TIP report that can give a row are parsed.

A 600-page report is mostly prose that yields no row ("Officials screened 1,200 migrants at
ports of entry."): tier placements and statistics come from the report's structure
(:mod:`extractors.parse.tip`), and the spaCy stage only adds mentions, agencies, officials and
claims. :meth:`ReportGate.gated` decides per sentence, from the tokenizer's output alone, whether
one of those can start there, and turns every other sentence into spaces: the text keeps its
length, its lines and its paragraph breaks, so every offset and page stays as it was, and a
blanked sentence costs the tagger, parser and rule components one whitespace token.

The signals (``models/patterns/report_gate.toml``, and the files named in the component's
config): a word whose lemma, by the base model's own lemmatizer rules, is a cue lemma of
``cues.csv`` or ``cue_nouns.csv``; a match of the entity patterns (tiers, countries, titles,
agencies), an honorific or an organisation keyword; a quotation mark or colon; a year; a
capitalised word after the first of the sentence. Sentences are cut at final punctuation followed
by whitespace and at blank lines, never inside a run of characters without whitespace (the
tokenizer then gives the kept text the same tokens as before).

The component never runs inside the pipeline: ``build_pipeline`` disables it and
:func:`extractors.extract.extract_documents` calls :meth:`ReportGate.gated` on a report's chunks
when ``[reports] gate`` in ``models/pipeline.cfg`` names it (``gate = ""`` parses everything).
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extractors.assets import read_csv, read_toml
from extractors.nlp.components.matching import _plain
from extractors.nlp.components.rule_files import agency_gazetteer, label_patterns

_POS = ("verb", "noun", "adj", "adv")  # the lemmatizer's rule tables a cue may be tagged with
_NON_SPACE = re.compile(r"\S")
# per word flags (ReportGate._flags)
SPACE, BREAK, NEWLINE, END, PUNCT, SIGNAL, CAP, UPPER, CAPITALS = (1 << i for i in range(9))


class ReportGate:
    """Blanks the sentences of a text that cannot give a row; see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, vocabulary: str, cues: str, cue_nouns: str,
                 agencies: str, labels: dict[str, str]):  # fmt: skip
        self.name = name
        self.tokenizer = nlp.tokenizer
        self.strings = nlp.vocab.strings
        vocab = read_toml(vocabulary)
        self.cue_lemmas = frozenset(
            [r["lemma"].lower() for path in (cues, cue_nouns) for r in read_csv(path)] + list(vocab["words"])
        )
        self.marks = tuple(vocab["marks"])
        self.year = re.compile(vocab["year"])
        self.capitalised = bool(vocab["capitalised"])
        self.not_capitalised = frozenset(vocab.get("capitalised_not", ()))
        self.ends = frozenset(vocab["sentence_ends"])
        self.context = int(vocab.get("context_tokens", 0))
        self._lemma_tables = _lemma_tables(nlp)
        self._word_flags: dict[int, int] = {}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.anchors: list[dict] = []  # first required token of the patterns no phrase matcher takes
        for i, pattern in enumerate(_patterns(nlp, labels, agencies)):
            for attr, target in (("LOWER", self.lower), ("ORTH", self.exact)):
                words = _plain(pattern, attr)
                if words is not None:
                    target.add(str(i), [Doc(nlp.vocab, words=words)])
                    break
            else:
                self.anchors.append(next(t for t in pattern if t.get("OP") not in ("?", "*")))

    def __call__(self, doc: Doc) -> Doc:  # a pipeline component in name only: see gated()
        return doc

    def gated(self, text: str) -> str:
        """``text`` with every sentence that cannot give a row turned into spaces (newlines kept)."""
        doc = self.tokenizer(text)
        if not len(doc):
            return text
        arr = doc.to_array([ORTH, SPACY]).tolist()
        flags = [self._flags(orth) for orth, _ in arr]
        ws = [bool(w) for _, w in arr]
        keep = self._kept_tokens(doc, flags, ws)
        pieces, done = [], 0
        for a, b in _blank_runs(keep, flags, ws):
            first, last = doc[a], doc[b - 1]
            start, end = first.idx, last.idx + len(last.text)
            pieces += [text[done:start], _NON_SPACE.sub(" ", text[start:end])]
            done = end
        if not done:
            return text
        pieces.append(text[done:])
        return "".join(pieces)

    def _kept_tokens(self, doc: Doc, flags: list[int], ws: list[bool]) -> list[bool]:
        """Per token: in a sentence with a signal, or within ``context_tokens`` of one."""
        hit = self._signals(doc, flags)
        n = len(doc)
        keep = [False] * n
        for start, end in _sentences(flags, ws):
            if any(hit[start:end]):
                a, b = max(0, start - self.context), min(n, end + self.context)
                keep[a:b] = [True] * (b - a)
        return keep

    def _signals(self, doc: Doc, flags: list[int]) -> list[bool]:
        """Per token: whether it can start a row (a signal of the module docstring)."""
        hit = [bool(f & SIGNAL) for f in flags]
        for matcher in (self.lower, self.exact):
            for _, start, end in matcher(doc):
                hit[start:end] = [True] * (end - start)
        if self.capitalised:
            first = True
            for i, f in enumerate(flags):
                if f & SPACE:
                    first = first or bool(f & BREAK)
                    continue
                if f & CAP and (not first or f & UPPER):
                    hit[i] = True
                first = bool(f & END)
        return hit

    def _flags(self, orth: int) -> int:
        """The word's flags (cached per word): what it is for the sentence splitter and the gate."""
        found = self._word_flags.get(orth)
        if found is None:
            found = self._word_flags[orth] = self._compute_flags(self.strings[orth])
        return found

    def _compute_flags(self, s: str) -> int:
        if s.isspace():
            return SPACE | (BREAK if s.count("\n") >= 2 else 0) | (NEWLINE if "\n" in s else 0)
        lower = s.lower()
        signal = (
            bool(_lemmas(lower, *self._lemma_tables) & self.cue_lemmas)
            or any(m in s for m in self.marks)
            or bool(self.year.match(s))
            or any(_satisfies(a, s, lower) for a in self.anchors)
        )
        cap = s[:1].isupper() and s not in self.not_capitalised
        return (
            (END if s in self.ends else 0)
            | (PUNCT if not any(c.isalnum() for c in s) else 0)
            | (SIGNAL if signal else 0)
            | (CAP if cap else 0)
            | (UPPER if cap and len(s) > 1 and s.isupper() else 0)
            | (CAPITALS if s == s.upper() else 0)
        )


def _sentences(flags: list[int], ws: list[bool]) -> list[tuple[int, int]]:
    """(start, end) token ranges: a sentence ends after final punctuation (and closing marks)
    followed by whitespace, at a blank line, and at the end of a line in capitals (a heading)."""
    out, start, n, i = [], 0, len(flags), 0
    while i < n:
        f, end = flags[i], None
        if f & SPACE:
            if f & BREAK or (f & NEWLINE and all(g & (CAPITALS | SPACE) for g in flags[start:i])):
                end = i + 1
        elif f & END:
            while i + 1 < n and flags[i + 1] & PUNCT and not flags[i + 1] & SPACE and not ws[i]:
                i += 1
            if ws[i] or (i + 1 < n and flags[i + 1] & SPACE):
                end = i + 1
        if end is not None and end > start:
            out.append((start, end))
            start = end
        i += 1
    if start < n:
        out.append((start, n))
    return out


def _blank_runs(keep: list[bool], flags: list[int], ws: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of tokens not kept, shrunk to start and end at whitespace: the kept text is cut
    where the tokenizer cuts anyway, so it gets the same tokens as in the whole text."""
    out, n, i = [], len(keep), 0
    while i < n:
        if keep[i]:
            i += 1
            continue
        a = i
        while i < n and not keep[i]:
            i += 1
        b = i
        while a < b and a > 0 and not (ws[a - 1] or flags[a - 1] & SPACE or flags[a] & SPACE):
            a += 1
        while b > a and b < n and not (ws[b - 1] or flags[b - 1] & SPACE or flags[b] & SPACE):
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _satisfies(token_pattern: dict, text: str, lower: str) -> bool:
    """Whether a word meets a token pattern's LOWER/ORTH/TEXT conditions (others are not checked:
    the test may say yes where the pattern says no, never the reverse)."""
    for attr, value in ((k, v) for k, v in token_pattern.items() if k in ("LOWER", "ORTH", "TEXT")):
        word = lower if attr == "LOWER" else text
        if isinstance(value, str):
            ok = word == value
        elif "IN" in value:
            ok = word in value["IN"]
        elif "REGEX" in value:
            ok = re.search(value["REGEX"], word) is not None
        else:
            ok = True
        if not ok:
            return False
    return True


def _lemma_tables(nlp: Language) -> tuple[dict, dict]:
    """(exceptions, suffix rules) per part of speech of the base model's rule lemmatizer."""
    if "lemmatizer" not in nlp.component_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
    return (
        {pos: exc.get(pos, {}) for pos in _POS},
        {pos: rules.get(pos, []) for pos in _POS},
    )


def _lemmas(lower: str, exc: dict, rules: dict) -> set[str]:
    """Every lemma the rule lemmatizer could give ``lower`` under any of :data:`_POS`."""
    out = {lower}
    for pos in _POS:
        out.update(exc.get(pos, {}).get(lower, ()))
        for old, new in rules.get(pos, ()):
            if lower.endswith(old):
                out.add(lower[: len(lower) - len(old)] + new)
    return out


def _patterns(nlp: Language, labels: dict[str, str], agencies: str) -> list[list[dict]]:
    """The token patterns of the entity rules that name things (tiers, countries, agencies)."""
    out = [p["pattern"] for label, path in labels.items() for p in label_patterns(nlp, label, path)]
    return out + [p["pattern"] for p in agency_gazetteer(nlp, agencies)[0]]


@Language.factory("tipwatch_report_gate_v1")
def make_report_gate(
    nlp: Language,
    name: str,
    vocabulary: str,
    cues: str,
    cue_nouns: str,
    agencies: str,
    labels: dict[str, str],
) -> ReportGate:
    return ReportGate(
        nlp, name, vocabulary=vocabulary, cues=cues, cue_nouns=cue_nouns, agencies=agencies, labels=labels
    )
