"""Attributed statements: who said what, with which cue, directly or indirectly.

``tipwatch_claims_v1`` (a registered spaCy component) finds attributions in the PARC/PolNeAR
sense, a *source* (speaker), a *cue* and a *content*, and writes them to
``doc.user_data[CLAIMS]`` as dicts with character offsets. It tries :data:`TOKEN_CONSTRUCTIONS`
at each token outside a quotation, then :data:`DOCUMENT_CONSTRUCTIONS`; keeps the outermost of
nested attributions and gives quotations their claims (``quotes``); then resolves each source
to a speaker (``speakers``: full names for surnames, the last fitting speaker for "he" or "the
minister") and drops what is not a statement (:meth:`ClaimFinder._kept`). Each construction's
module and docstring say what it handles, with examples; the word lists are
``models/patterns/claim_lexicon.toml`` (``lexicon``), the cues ``cues.csv`` and ``cue_nouns.csv``.

The rules were tuned on PolNeAR train/dev (cue lemmas mined from train were kept when their
train precision was >= 0.5) and on the news gold set; where the two disagree (PolNeAR keeps
"that" and adverbs such as "also" in content and cue spans, counts decrees and actions on
statements), the claims table follows the news guideline (``models/gold/README.md``).
:func:`claim_type` classifies a claim's content with ``models/patterns/claim_types.csv``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.assets import MODELS_DIR, read_csv, read_lines
from extractors.nlp.claims import content, cue, labels, nominal, quotes, spans, speakers, verbal
from extractors.nlp.claims.junk import junk_source
from extractors.nlp.claims.lexicon import (
    _INTENTION_CUES,
    _MARKUP,
    _NO_SOURCE_CUES,
    _POINTING_WORDS,
    _QUOTES_KEY,
    _SPEAKERLESS_DROP,
    _STATEMENT_NOUNS,
    _TEXT_KEY,
    CLAIMS,
)
from extractors.nlp.claims.nonclaims import sourceless
from extractors.nlp.claims.openers import topic_opener
from extractors.nlp.claims.spans import _Claim, _heading_lines, _parse_args, _text, quote_spans
from extractors.nlp.components.officials.shape import NameShape

HONORIFICS = MODELS_DIR / "patterns" / "honorifics.txt"

# Tried at each token outside a quotation (attributions inside one are nested in it), in this
# order; the first that makes a claim wins. Signature: (finder, doc, token) -> claim or None.
# A verb cue has shapes of its own (verbal.VERB_SHAPES: reported clause, passive, parenthetical,
# infinitive, preposition, object …); direct quotes get their claims after nesting (quotes).
TOKEN_CONSTRUCTIONS = (nominal.according_to, verbal.verb_cue, nominal.noun_cue)
# Run over the whole document after them: (finder, doc, quotes, in_quote) -> claims.
DOCUMENT_CONSTRUCTIONS = (labels.colon_speakers, labels.signed_quotes)


class ClaimFinder:
    """Finds claims in a parsed doc; settings are the cue files (``cues.csv``: verb lemmas and
    the arguments that carry their content; ``cue_nouns.csv``) and ``claim_types.csv``.

    The construction modules' functions take the finder as ``self``: through it they reach the
    cue tables and each other's helpers, bound here."""

    # speakers (speakers.py)
    speaker = speakers.speaker
    _source = speakers._source
    _name_head = staticmethod(speakers._name_head)
    _in_clause = staticmethod(speakers._in_clause)
    _complainant = speakers._complainant
    _titled_person = speakers._titled_person
    _named_appos = staticmethod(speakers._named_appos)
    # the claim a cue makes (cue.py)
    _make = cue._make
    _cue_bounds = cue._cue_bounds
    _hearer_participle = staticmethod(cue._hearer_participle)
    # noun cues (nominal.py)
    _of_the_view = nominal._of_the_view
    # quotations (quotes.py)
    _quote_cue = quotes._quote_cue
    # spans (spans.py)
    _np = spans._np
    _args = spans._args
    _quoted = staticmethod(spans._quoted)
    _after_quote = staticmethod(spans._after_quote)
    # where a content ends (content.py)
    _content_end = content._content_end
    _list_end = content._list_end
    _outer_cue = content._outer_cue
    _second_cue = content._second_cue

    def __init__(self, nlp: Language, name: str, *, cues: str, claim_types: str, cue_nouns: str = ""):
        self.name = name
        self.cues: dict[str, frozenset[str]] = {
            row["lemma"]: _parse_args(row["args"]) for row in read_csv(cues)
        }
        self.nouns: dict[str, frozenset[str]] = (
            {row["lemma"]: _parse_args(row["args"]) for row in read_csv(cue_nouns)} if cue_nouns else {}
        )
        self.types = read_csv(claim_types)
        # person speakers the officials component did not resolve pass the same name test as officials
        self.shape = NameShape(nlp, {h.lower().rstrip(".") for h in read_lines(str(HONORIFICS))})

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        quote_list = quote_spans(text)
        in_quote = _quote_index(doc, quote_list)
        claims = [c for tok in doc if in_quote[tok.i] < 0 and (c := self._first_claim(doc, tok))]
        for construction in DOCUMENT_CONSTRUCTIONS:
            claims.extend(construction(self, doc, quote_list, in_quote))
        # a view nobody is said to hold goes before nesting, so the claim around it stays ("Mr
        # X said police arrested 36 foreigners who are believed to be …": X said)
        claims = [c for c in claims if not sourceless(c.cue)]
        claims = quotes._drop_nested(claims)
        claims = quotes._attach_quotes(self, doc, claims, quote_list, in_quote)
        self._resolve_speakers(doc, claims)
        claims.sort(key=lambda c: (c.start, c.cue_start))
        headings = _heading_lines(text)
        kept = [c for c in claims if self._kept(c, text, headings)]
        cue_tokens = {c.cue.i for c in kept}
        doc.user_data[CLAIMS] = [c.as_dict() for c in kept if not topic_opener(c, cue_tokens)]
        doc.user_data.pop(_TEXT_KEY, None)
        doc.user_data.pop(_QUOTES_KEY, None)
        return doc

    def _first_claim(self, doc: Doc, tok) -> _Claim | None:
        for construction in TOKEN_CONSTRUCTIONS:
            found = construction(self, doc, tok)
            if found:
                return found
        return None

    def _resolve_speakers(self, doc: Doc, claims: list[_Claim]) -> None:
        """Each source to a speaker, in cue order: an anaphoric source refers back to the
        claims before it (``claims`` ends sorted by cue)."""
        claims.sort(key=lambda c: c.cue_start)
        earlier: list[_Claim] = []
        for c in claims:
            if c.src is not None:
                c.speaker = self.speaker(doc, c.src, c.cue.i, earlier)
            earlier.append(c)

    def _kept(self, c: _Claim, text: str, headings: list[tuple[int, int]]) -> bool:
        """Not a statement: a claim with no source whose cue is a modifier or conjunct (see
        :meth:`_speakerless`), a cue in a heading line (``spans._heading_lines``), an empty
        content or one with markup left in a text (<tweet author="…">), which is not speech, or a
        source that cannot speak (:func:`~extractors.nlp.claims.junk.junk_source`)."""
        return (
            not self._speakerless(c)
            and not any(hs <= c.cue_start < he for hs, he in headings)
            and c.end > c.start
            and not _MARKUP.search(text[c.start : c.end])
            and not _no_statement(c, text[c.start : c.end])
            and not junk_source(c)
            and not _imperative(c)
        )

    def _speakerless(self, c: _Claim) -> bool:
        """An active cue in a modifier or conjunct whose speaker could not be found ("a bill
        seeking to amend …", "investigations to identify …") is rarely a statement anyone made
        (news gold +0.02 speaker F1, PolNeAR train content -0.01); a passive, an impression
        ("seemed to") or a hearer participle ("Asked about X, …") has no source by nature."""
        return not (
            c.src is not None
            or c.cue.dep_ not in _SPEAKERLESS_DROP
            or any(x.dep_ in ("nsubjpass", "auxpass") for x in c.cue.children)
            or c.cue.lemma_.lower() in _NO_SOURCE_CUES
            or self._hearer_participle(c.cue)
        )


def _imperative(c: _Claim) -> bool:
    """A cue with no source that opens its sentence as a bare verb ("See the full text of the
    report here.", "Remember there were no WMD in Iraq."): the text addresses the reader, like a
    "you" source (:func:`~extractors.nlp.claims.junk.junk_source`); nobody is said to say anything."""
    cue = c.cue
    return (
        c.src is None
        and cue.dep_ == "ROOT"
        and cue.tag_ == "VB"
        and not any(x.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for x in cue.children)
        and all(t.is_punct or t.is_space for t in cue.doc[cue.sent.start : cue.i])
    )


def _no_statement(c: _Claim, content: str) -> bool:
    """What the guideline does not count as a statement: an intention in an infinitive for the
    cues ``intention_cues`` lists, or an object that only points at a statement ("confirmed
    this", "opposes this assessment", "disputes the claim"; not "it knows how")."""
    words = [w.lower().strip(".,;:") for w in content.split()]
    if words[:1] == ["to"] and c.cue.lemma_.lower() in _INTENTION_CUES:
        return True
    if len(words) == 1:
        return words[0] in _POINTING_WORDS
    return len(words) == 2 and words[0] in _POINTING_WORDS | {"the"} and words[1] in _STATEMENT_NOUNS


def _quote_index(doc: Doc, quote_list: list[tuple[int, int]]) -> list[int]:
    """Per token, the index of the quotation it stands in, or -1."""
    in_quote = [-1] * len(doc)
    for qi, (qs, qe) in enumerate(quote_list):
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is not None:
            for t in span:
                in_quote[t.i] = qi
    return in_quote


def claim_type(content: str, *, tiers: list[str], rules: tuple[dict, ...]) -> str:
    """First matching rule in ``claim_types.csv`` order; ``#NUMBER#`` matches a non-year number."""
    low = content.lower()
    for row in rules:
        if row["requires_tier"] == "yes" and not tiers:
            continue
        words = [w for w in row["keywords"].split("|") if w]
        if not words:
            return row["claim_type"]
        for w in words:
            if w == "#NUMBER#":
                if re.search(r"\b\d[\d,]*\b", re.sub(r"\b(19|20)\d\d\b", "", content)):
                    return row["claim_type"]
            elif re.search(r"\b" + re.escape(w) + r"\b", low):
                return row["claim_type"]
    return "other"


@Language.factory("tipwatch_claims_v1", assigns=["doc.user_data"], requires=["doc.ents", "token.dep"])
def make_claim_finder(
    nlp: Language, name: str, cues: str, claim_types: str, cue_nouns: str = ""
) -> ClaimFinder:
    return ClaimFinder(nlp, name, cues=cues, claim_types=claim_types, cue_nouns=cue_nouns)


__all__ = [
    "CLAIMS",
    "DOCUMENT_CONSTRUCTIONS",
    "TOKEN_CONSTRUCTIONS",
    "ClaimFinder",
    "claim_type",
    "quote_spans",
]
