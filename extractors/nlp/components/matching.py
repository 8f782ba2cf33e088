"""A span ruler that is fast with thousands of gazetteer patterns.

spaCy's ``SpanRuler`` runs every token pattern through one ``Matcher``, whose cost grows with the
number of patterns at every token: with the gazetteers (~3,000 names and aliases) it was the
slowest component on whole reports. Patterns that are plain word sequences, all compared in lower
case or all exactly, go to a ``PhraseMatcher`` (hash lookups) instead; the rest (regular
expressions, optional tokens, IS_TITLE) stay in a ``Matcher``. The matches and the way they are
merged into ``doc.ents`` are exactly those of ``SpanRuler(annotate_ents=True,
ents_filter=prioritize_new_ents_filter)``.

A ``Matcher`` still tries every pattern at every token. :class:`FilteredMatcher` runs, per document,
only the patterns whose every required word (``ORTH``, ``LOWER`` or ``TAG`` of a token that is not
optional) occurs in it: a pattern left out could not have matched, so the matches are the same.
The base model's ``attribute_ruler`` gets one too (:mod:`extractors.nlp.components.base_model`).
"""

from __future__ import annotations

import warnings

from spacy.attrs import LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline.span_ruler import prioritize_new_ents_filter
from spacy.tokens import Doc, Span

_SEP = "\x1f"
_LITERAL_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG}
_COLUMNS = (ORTH, LOWER, TAG)
_MANDATORY_OPS = (None, "1", "+")


def _required(vocab, pattern: list[dict]) -> tuple[frozenset[int], ...]:
    """Per literal constraint of the pattern's non-optional tokens, the hashes of which one must
    occur in a document for the pattern to match (a plain value or an ``IN`` list)."""
    out = []
    for tok in pattern:
        if tok.get("OP") not in _MANDATORY_OPS:
            continue
        for name, value in tok.items():
            if name not in _LITERAL_ATTRS:
                continue
            if isinstance(value, str):
                values = [value]
            elif (
                isinstance(value, dict)
                and set(value) == {"IN"}
                and all(isinstance(v, str) for v in value["IN"])
            ):
                values = value["IN"]
            else:
                continue
            out.append(frozenset((_LITERAL_ATTRS[name], vocab.strings.add(v)) for v in values))
    return tuple(out)


class FilteredMatcher:
    """What a ``Matcher`` of the ``(key, pattern)`` pairs finds, as a sorted list of
    ``(match_id, start, end)`` without repeats, found faster: a one-token pattern of plain words
    (``{"LOWER": "s", "TAG": "PRP$"}``) is a dictionary lookup per token, and the ``Matcher`` of
    the other patterns holds, per document, only those whose required words occur in it.
    Matchers are built per set of patterns in use and kept (at most ``cache`` of them)."""

    def __init__(self, vocab, patterns: list[tuple[str, list[dict]]], cache: int = 256):
        self.vocab = vocab
        self.single: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
        self.patterns = []
        for key, pattern in patterns:
            tok = pattern[0] if len(pattern) == 1 else {}
            if tok and set(tok) <= set(_LITERAL_ATTRS) and all(isinstance(v, str) for v in tok.values()):
                names = sorted(tok)
                cols = tuple(_COLUMNS.index(_LITERAL_ATTRS[n]) for n in names)
                values = tuple(vocab.strings.add(tok[n]) for n in names)
                self.single.setdefault(cols, {}).setdefault(values, []).append(vocab.strings.add(key))
            else:
                self.patterns.append((key, pattern))
        self.required = [_required(vocab, p) for _, p in self.patterns]
        self.cache = cache
        self._matchers: dict[tuple[int, ...], Matcher] = {}

    def __call__(self, doc: Doc, allow_missing: bool = False) -> list[tuple[int, int, int]]:
        arr = doc.to_array(list(_COLUMNS))
        found = set()
        for cols, by_values in self.single.items():
            for i, values in enumerate(map(tuple, arr[:, cols].tolist())):
                for key in by_values.get(values, ()):
                    found.add((key, i, i + 1))
        present = {(attr, v) for col, attr in enumerate(_COLUMNS) for v in set(arr[:, col].tolist())}
        use = tuple(
            i for i, req in enumerate(self.required) if all(any(v in present for v in alt) for alt in req)
        )
        if use:  # (an empty Matcher would only warn)
            found.update(self._matcher(use)(doc, allow_missing=allow_missing))
        return sorted(found)

    def _matcher(self, use: tuple[int, ...]) -> Matcher:
        matcher = self._matchers.get(use)
        if matcher is None:
            if len(self._matchers) >= self.cache:
                self._matchers.clear()
            matcher = self._matchers[use] = Matcher(self.vocab)
            for i in use:
                matcher.add(self.patterns[i][0], [self.patterns[i][1]])
        return matcher


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
        self.token_patterns: list[tuple[str, list[dict]]] = []
        self.matcher = FilteredMatcher(nlp.vocab, [])
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
                self.token_patterns.append((key, pattern))
        self.matcher = FilteredMatcher(self.vocab, self.token_patterns)

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
