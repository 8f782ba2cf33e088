"""Attributed statements: who said what, with which cue, directly or indirectly.

``tipwatch_claims_v1`` (a registered spaCy component) finds attributions in the PARC/PolNeAR
sense: a *source* (speaker), a *cue* and *content*.

* Verbal cues come from ``models/patterns/cues.csv``: per lemma, the arguments that carry the
  content (``ccomp`` "said that …", ``xcomp`` "plans to …", ``dobj`` "denied the report",
  ``dobj_xcomp`` "urged Congress to …", ``prep:for`` "called for …") and whether the verb
  introduces a direct quote (``quote``). The cue is the verb group: adjacent auxiliaries,
  negation and adverbs ("has said", "did not say", "also said"), particles and a linking
  preposition ("pointed out", "called for"); a passive cue keeps its auxiliary ("was told").
* The source is the cue verb's subject noun phrase with its modifiers ("Scott Pruitt, the
  attorney general of Oklahoma", "X, who is a lawyer,"), without a clause of what it did or said
  (", who endorsed Y,"), a focusing "even", a floating "both"/"all", a dateline or a misparsed
  opening phrase ("With 50 days left, Minyon Moore, an adviser, said"), and never running into its
  cue. A participle ("…, adding that …"), a conjoined verb ("announced … and said …") or a gerund
  after a preposition ("despite criticizing …") shares its head's subject, also when the parser
  hangs it on the reported clause ("X said Y was wrong, adding …": X); an infinitive after a named
  object takes the object ("prompted NATO to order"); a relative pronoun is the source itself
  ("who said"). A subject inside a quotation is not its speaker ("“…,” said X"). A passive cue
  takes its ``by`` agent ("asked by X") or has no source ("the conference was told"), as have
  impressions ("Trump seemed to suggest …", "it appeared that …") and a participle opening an
  adverbial clause ("Asked whether …, Ryan said": Ryan was asked) unless it has a by-agent.
* Direct quotes (“…”, "…" and ASCII ''…'') get the cue in their sentence before ("X said: “…”")
  or after ("“…,” said X" / "“…,” X told reporters"); a quote that continues after its attribution
  ("“A,” he said. “B.”") or in the next paragraph extends the same claim, so one claim's
  ``start``/``end`` can enclose its own speaker and cue. A quote inside an indirect content makes
  a mixed claim (``direct`` false). Quotes of fewer than three words with no cue are scare quotes.
* "according to X", "as per X": X is the source, the rest of the sentence the content (a
  sentence-initial source ends at the comma before the clause's subject).
* A quotation signed with a dash and a name ending its paragraph ("“…” ― Sonya Herridge"): the
  name is the source. A passive "X is expected/urged to Y" with no agent: "X … to Y" is the
  content and there is no source. A participle on a noun ("issued a statement saying …") takes
  the issuer, or the noun itself ("protesters chanting …").
* Noun cues from ``models/patterns/cue_nouns.csv`` with a possessor as the source ("his view that
  …", "Trump's call for …", "Rubio's response was …"); parenthetical cues ("India, it says,
  demonstrated …"; "The plan, he told me, is …": the hearer is no content); transcript and
  headline speakers ("WALLACE: …", not datelines; in the first line one capitalised word will do,
  as "Poll: …" is often tagged a common noun, and so will a surname of a person the text names,
  "MATTHEWS: …"; labels such as "Editor's note:" are skipped).
* A second cue of the same speaker that the parser hangs on the reported clause ("X says A and
  says B", "said A and called B …") ends the first content and makes its own claim.
* Attributions nested in another's content are dropped (the outermost one is kept, as PolNeAR
  annotates; of two that hold each other's cue, the later), except a relative clause with its own
  named speaker and a gap in its reported clause ("the deals, which she said were unfair"), which
  ends the holder's content instead (PolNeAR is univocal). Also dropped: active cues in modifiers
  or conjuncts whose speaker cannot be found.

The rules were tuned on PolNeAR train/dev (cue lemmas mined from train were kept when their
train precision was >= 0.5) and on the news gold set; where the two disagree (PolNeAR keeps
"that" and adverbs such as "also" in content and cue spans, counts decrees and actions on
statements), the claims table follows the news guideline (``models/gold/README.md``): ``cue`` is
the verb group without leading adverbs while ``cue_start``/``cue_end`` cover the whole group.

Speakers are resolved for the ``claims`` table through the officials component: full names for
surnames, the last mentioned person for he/she, a person whose title fits for "the minister",
the last agency for "it"; the subject text otherwise. Results go to ``doc.user_data[CLAIMS]`` as
dicts with character offsets; :func:`claim_type` classifies a claim's content with
``models/patterns/claim_types.csv``. Unbalanced quotation marks in a paragraph are skipped, not
guessed, except that a quote left open at a paragraph's end runs to that end (the convention for
quotes over several paragraphs).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.assets import read_csv
from extractors.nlp.claims import nominal, quotes, spans, speakers, verbal
from extractors.nlp.claims.lexicon import (
    _MARKUP,
    _NO_SOURCE_CUES,
    _QUOTES_KEY,
    _SPEAKERLESS_DROP,
    _TEXT_KEY,
    CLAIMS,
)
from extractors.nlp.claims.spans import _Claim, _heading_lines, _parse_args, _text, quote_spans

# --------------------------------------------------------------------------------------------
# the component


class ClaimFinder:
    """Finds claims in a parsed doc; settings are the two pattern files (see module docstring)."""

    speaker = speakers.speaker
    _source = speakers._source
    _name_head = staticmethod(speakers._name_head)
    _in_clause = staticmethod(speakers._in_clause)
    _complainant = speakers._complainant
    _titled_person = speakers._titled_person
    _named_appos = staticmethod(speakers._named_appos)
    _verbal = verbal._verbal
    _cue_bounds = verbal._cue_bounds
    _list_end = verbal._list_end
    _hearer_participle = staticmethod(verbal._hearer_participle)
    _of_the_view = verbal._of_the_view
    _make = verbal._make
    _nominal = nominal._nominal
    _according = nominal._according
    _colon_speakers = nominal._colon_speakers
    _attach_quotes = quotes._attach_quotes
    _quote_cue = quotes._quote_cue
    _signed_quotes = quotes._signed_quotes
    _drop_nested = staticmethod(quotes._drop_nested)
    _np = spans._np
    _args = spans._args
    _quoted = staticmethod(spans._quoted)
    _after_quote = staticmethod(spans._after_quote)
    _content_end = spans._content_end
    _outer_cue = spans._outer_cue
    _second_cue = spans._second_cue

    def __init__(self, nlp: Language, name: str, *, cues: str, claim_types: str, cue_nouns: str = ""):
        self.name = name
        self.cues: dict[str, frozenset[str]] = {
            row["lemma"]: _parse_args(row["args"]) for row in read_csv(cues)
        }
        self.nouns: dict[str, frozenset[str]] = (
            {row["lemma"]: _parse_args(row["args"]) for row in read_csv(cue_nouns)} if cue_nouns else {}
        )
        self.types = read_csv(claim_types)

    # -- speakers ---------------------------------------------------------------------------------

    # -- finding ----------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        quotes = quote_spans(text)
        in_quote = [-1] * len(doc)
        for qi, (qs, qe) in enumerate(quotes):
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                for t in span:
                    in_quote[t.i] = qi
        claims: list[_Claim] = []
        for tok in doc:
            if in_quote[tok.i] >= 0:
                continue  # attributions inside a quotation are nested in it
            found = self._according(doc, tok) or self._verbal(doc, tok) or self._nominal(doc, tok)
            if found:
                claims.append(found)
        claims.extend(self._colon_speakers(doc, in_quote))
        claims.extend(self._signed_quotes(doc, quotes))
        claims = self._drop_nested(claims)
        claims = self._attach_quotes(doc, claims, quotes, in_quote)
        claims.sort(key=lambda c: c.cue_start)
        earlier: list[_Claim] = []
        for c in claims:
            if c.src is not None:
                c.speaker = self.speaker(doc, c.src, c.cue.i, earlier)
            earlier.append(c)
        claims.sort(key=lambda c: (c.start, c.cue_start))
        # markup left in a text (<tweet author="…">) is not speech
        # An active cue in a modifier or conjunct whose speaker could not be found ("a bill seeking
        # to amend …", "investigations to identify …") is rarely a statement anyone made: news gold
        # +0.02 speaker F1, PolNeAR train content -0.01.
        claims = [
            c
            for c in claims
            if c.src is not None
            or c.cue.dep_ not in _SPEAKERLESS_DROP
            or any(x.dep_ in ("nsubjpass", "auxpass") for x in c.cue.children)
            or c.cue.lemma_.lower() in _NO_SOURCE_CUES
            or self._hearer_participle(c.cue)
        ]
        headings = _heading_lines(text)
        claims = [c for c in claims if not any(hs <= c.cue_start < he for hs, he in headings)]
        doc.user_data[CLAIMS] = [
            c.as_dict() for c in claims if c.end > c.start and not _MARKUP.search(text[c.start : c.end])
        ]
        doc.user_data.pop(_TEXT_KEY, None)
        doc.user_data.pop(_QUOTES_KEY, None)
        return doc

    # -- cue verbs --------------------------------------------------------------------------------

    _SIGN_DASHES = ("―", "—", "–", "--", "-")
    _NAME_PARTICLES = {"de", "del", "van", "von", "la", "le", "al", "bin", "da", "di", "y"}

    # -- nesting and quotations -------------------------------------------------------------------


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


__all__ = ["CLAIMS", "ClaimFinder", "claim_type", "quote_spans", "AGENCY_INFO", "PEOPLE"]
