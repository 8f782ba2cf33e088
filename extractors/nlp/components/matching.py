"""A span ruler that is fast with thousands of gazetteer patterns.

spaCy's ``SpanRuler`` runs every token pattern through one ``Matcher``, whose cost grows with the
number of patterns at every token: with the gazetteers (~3,000 names and aliases) it was the
slowest component on whole reports. Patterns that are plain word sequences, all compared in lower
case or all exactly, go to a ``PhraseMatcher`` (hash lookups) instead; the rest (regular
expressions, optional tokens, IS_TITLE) stay in a ``Matcher``. The matches and the way they are
merged into ``doc.ents`` are exactly those of ``SpanRuler(annotate_ents=True,
ents_filter=prioritize_new_ents_filter)``.
"""

from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline.span_ruler import prioritize_new_ents_filter
from spacy.tokens import Doc, Span

_SEP = "\x1f"


def _plain(pattern: list[dict], attr: str) -> list[str] | None:
    """The words of a pattern that only compares ``attr`` with plain strings, else None."""
    words = []
    for tok in pattern:
        if set(tok) != {attr} or not isinstance(tok[attr], str):
            return None
        words.append(tok[attr])
    return words


class RuleMatcher:
    """Span-ruler patterns (``{"label", "pattern", "id"?}``) matched into ``doc.ents``, a rule
    match winning over an entity already there."""

    def __init__(self, nlp: Language):
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")

    def add_patterns(self, patterns: list[dict]) -> None:
        """``{"label", "pattern" (token pattern), "id"?}`` dicts, as for a SpanRuler."""
        for p in patterns:
            key = f"{p['label']}{_SEP}{p.get('id', '')}"
            pattern = p["pattern"]
            if isinstance(pattern, str):
                raise ValueError(f"phrase patterns must be token patterns here: {pattern!r}")
            for attr, target in (("LOWER", self.lower), ("ORTH", self.exact)):
                words = _plain(pattern, attr)
                if words is not None:
                    target.add(key, [Doc(self.vocab, words=words)])
                    break
            else:
                self.matcher.add(key, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            found = list(self.matcher(doc)) + list(self.lower(doc)) + list(self.exact(doc))
        spans = set()
        for match_id, start, end in found:
            if start == end:
                continue
            label, _, ent_id = self.vocab.strings[match_id].partition(_SEP)
            spans.add(Span(doc, start, end, label=label, span_id=ent_id))
        doc.ents = sorted(prioritize_new_ents_filter(list(doc.ents), sorted(spans)))
        return doc
