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

from spacy.language import Language
from spacy.tokens import Doc

from extractors.assets import read_csv, read_lines, read_toml
from extractors.nlp.components.matching import RuleMatcher
from extractors.nlp.components.rule_files import (
    agency_gazetteer,
    label_patterns,
    rows,
    title_patterns,
    token_pattern,
)

_POS = ("verb", "noun", "adj", "adv")  # the lemmatizer's rule tables a cue may be tagged with
_NON_SPACE = re.compile(r"\S")


class ReportGate:
    """Blanks the sentences of a text that cannot give a row; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        vocabulary: str,
        cues: str,
        cue_nouns: str,
        titles: str,
        agencies: str,
        honorifics: str,
        org_keywords: str,
        labels: dict[str, str],
    ):
        self.name = name
        self.tokenizer = nlp.tokenizer
        vocab = read_toml(vocabulary)
        self.cue_lemmas = frozenset(
            [r["lemma"].lower() for path in (cues, cue_nouns) for r in read_csv(path)] + list(vocab["words"])
        )
        self.marks = tuple(vocab["marks"])
        self.year = re.compile(vocab["year"])
        self.capitalised = bool(vocab["capitalised"])
        self.ends = frozenset(vocab["sentence_ends"])
        self._lemma_tables = _lemma_tables(nlp)
        self._is_cue: dict[str, bool] = {}
        self.matcher = RuleMatcher(nlp)
        self.matcher.add_patterns(_patterns(nlp, labels, titles, agencies, honorifics, org_keywords))

    def __call__(self, doc: Doc) -> Doc:  # a pipeline component in name only: see gated()
        return doc

    def gated(self, text: str) -> str:
        """``text`` with every sentence that cannot give a row turned into spaces (newlines kept)."""
        doc = self.tokenizer(text)
        if not len(doc):
            return text
        hit = self._signals(doc)
        pieces, done = [], 0
        for start, end in self._sentences(doc):
            if not any(hit[start:end]):
                first, last = doc[start], doc[end - 1]
                a, b = first.idx, last.idx + len(last.text)
                pieces.append(text[done:a])
                pieces.append(_NON_SPACE.sub(" ", text[a:b]))
                done = b
        if not done:
            return text
        pieces.append(text[done:])
        return "".join(pieces)

    def _signals(self, doc: Doc) -> list[bool]:
        """Per token: whether it can start a row (a signal of the module docstring)."""
        hit = [False] * len(doc)
        for _, start, end in self.matcher.matches(doc):
            hit[start:end] = [True] * (end - start)
        first = True
        for t in doc:
            if t.is_space:
                first = first or t.text.count("\n") >= 2
                continue
            text = t.text
            hit[t.i] = hit[t.i] or (
                self._cue(t.lower_)
                or any(m in text for m in self.marks)
                or bool(self.year.match(text))
                or (self.capitalised and text[:1].isupper() and (not first or (t.is_upper and len(text) > 1)))
            )
            first = text in self.ends
        return hit

    def _sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) token ranges: a sentence ends after final punctuation (and closing marks)
        followed by whitespace, or at a whitespace token holding a blank line."""
        out, start, n = [], 0, len(doc)
        i = 0
        while i < n:
            t = doc[i]
            end = None
            if t.is_space and t.text.count("\n") >= 2:
                end = i + 1
            elif t.text in self.ends:
                j = i
                while j + 1 < n and doc[j + 1].is_punct and not doc[j].whitespace_:
                    j += 1
                if doc[j].whitespace_ or (j + 1 < n and doc[j + 1].is_space):
                    end = j + 1
                i = j
            if end is not None:
                out.append((start, end))
                start = end
            i += 1
        if start < n:
            out.append((start, n))
        return out

    def _cue(self, lower: str) -> bool:
        """Whether the lemmatizer's rules can give ``lower`` a cue lemma (cached per word)."""
        found = self._is_cue.get(lower)
        if found is None:
            found = self._is_cue[lower] = bool(_lemmas(lower, *self._lemma_tables) & self.cue_lemmas)
        return found


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


def _patterns(nlp, labels, titles, agencies, honorifics, org_keywords) -> list[dict]:
    """The entity patterns and the honorific and organisation-keyword words, as span-ruler patterns."""
    out = [p for label, path in labels.items() for p in label_patterns(nlp, label, path)]
    out += agency_gazetteer(nlp, agencies)[0]
    return out


@Language.factory("tipwatch_report_gate_v1")
def make_report_gate(
    nlp: Language,
    name: str,
    vocabulary: str,
    cues: str,
    cue_nouns: str,
    titles: str,
    agencies: str,
    honorifics: str,
    org_keywords: str,
    labels: dict[str, str],
) -> ReportGate:
    return ReportGate(
        nlp,
        name,
        vocabulary=vocabulary,
        cues=cues,
        cue_nouns=cue_nouns,
        titles=titles,
        agencies=agencies,
        honorifics=honorifics,
        org_keywords=org_keywords,
        labels=labels,
    )
