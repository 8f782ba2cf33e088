"""Attributed statements: who said what, with which cue, directly or indirectly.

``tipwatch_claims_v1`` (a registered spaCy component) finds

* direct quotes: “…,” Abbas told the conference / “…,” he said / X said: “…”;
* indirect speech: a cue verb from ``models/patterns/cues.csv`` with a clausal complement
  ("noted that human trafficking was a crime …") or, for verbs marked ``object``, its object
  ("emphasised the need for …");
* "according to X, …".

Speakers are resolved through the officials component (full names for surnames, the last
mentioned person for he/she). Results go to ``doc.user_data[CLAIMS]`` as dicts of character
offsets; :func:`claim_type` classifies a claim's content with ``models/patterns/claim_types.csv``.
Unbalanced quotation marks are skipped, not guessed.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components.assets import read_csv
from .components.entities import AGENCY_INFO
from .components.officials import PERSON_AT, PEOPLE

CLAIMS = "tipwatch.claims"
_OPEN = {"“": "”", '"': '"'}
_PRONOUNS = {"he", "she", "him", "her"}
_UNNAMED_HEADS = {"official", "officials", "officer", "officers", "spokesperson", "spokesman", "source", "sources",
                  "authorities", "police", "statement", "minister", "ministry", "report", "document"}
_TRIM = " \t\n,;:"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each balanced quotation; a paragraph with unbalanced marks is skipped."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        found: list[tuple[int, int]] = []
        i, ok = 0, True
        while i < len(para):
            ch = para[i]
            if ch in _OPEN:
                close = para.find(_OPEN[ch], i + 1)
                if close == -1:
                    ok = False
                    break
                found.append((offset + i + 1, offset + close))
                i = close + 1
                continue
            if ch == "”":
                ok = False
                break
            i += 1
        if ok:
            spans.extend(s for s in found if s[1] - s[0] >= 15)  # skip scare quotes around a word or two
        offset += len(para) + 1
    return spans


class ClaimFinder:
    def __init__(self, nlp: Language, name: str, *, cues: str, claim_types: str):
        self.name = name
        self.cues = {row["lemma"]: row["content"] for row in read_csv(cues)}
        self.types = read_csv(claim_types)

    # -- speakers ---------------------------------------------------------------------------------
    def speaker(self, doc: Doc, subj: Span, before: int) -> tuple[str | None, str, Span]:
        """Resolve a subject span to (speaker, speaker_kind, span)."""
        person_at = doc.user_data.get(PERSON_AT, {})
        for t in subj:
            if t.i in person_at:
                return person_at[t.i], "person", subj
        if subj.root.lower_ in _PRONOUNS:
            prior = [i for i in person_at if i < before]
            if prior:
                return person_at[max(prior)], "person", subj
            return subj.text, "unnamed", subj
        for e in subj.ents:
            if e.label_ == "AGENCY":
                if subj.root.lower_ in _UNNAMED_HEADS and subj.root.i >= e.end:
                    return subj.text, "unnamed", subj
                return e.ent_id_ or e.text, "organisation", subj
        if "report" in subj.root.lower_:
            return subj.text, "report", subj
        if subj.root.pos_ == "PROPN":
            return subj.text, "organisation", subj
        return subj.text, "unnamed", subj

    # -- finding ----------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        claims: list[dict] = []
        used_cues: set[int] = set()
        quotes = quote_spans(doc.text)
        for qs, qe in quotes:
            found = self._direct(doc, qs, qe)
            if found:
                used_cues.add(found["cue_token"])
                claims.append(found)
        in_quote = lambda i: any(qs <= i < qe for qs, qe in quotes)  # noqa: E731
        for tok in doc:
            if tok.i in used_cues or in_quote(tok.idx):
                continue
            found = self._indirect(doc, tok)
            if found:
                claims.append(found)
        for c in claims:
            c.pop("cue_token", None)
        claims.sort(key=lambda c: c["start"])
        doc.user_data[CLAIMS] = claims
        return doc

    def _subject(self, verb) -> Span | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child.doc[child.left_edge.i : child.right_edge.i + 1]
        return None

    def _record(self, doc, verb, subj, start, end, direct) -> dict | None:
        text = doc.text
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM + ".":
            end -= 1
        if end - start < 10:
            return None
        cue_end = verb.idx + len(verb)
        prt = [c for c in verb.children if c.dep_ == "prt"]
        aux = [c for c in verb.children if c.dep_ == "auxpass"]
        cue_start = aux[0].idx if aux else verb.idx
        if prt:
            cue_end = prt[-1].idx + len(prt[-1])
        if subj is None or subj.root.dep_ == "nsubjpass":
            speaker, kind, span = None, "unnamed", None
        else:
            speaker, kind, span = self.speaker(doc, subj, verb.i)
        return {
            "speaker": speaker, "speaker_kind": kind,
            "speaker_start": span.start_char if span is not None else None,
            "speaker_end": span.end_char if span is not None else None,
            "cue": text[cue_start:cue_end], "cue_start": cue_start, "cue_end": cue_end,
            "start": start, "end": end, "direct": direct, "cue_token": verb.i,
        }

    def _direct(self, doc: Doc, qs: int, qe: int) -> dict | None:
        inside = doc.char_span(qs, qe, alignment_mode="expand")
        if inside is None:
            return None
        sent_end = inside[-1].sent.end
        # Cue after the quote: ”, he said / ” Abbas told the conference
        for tok in doc[inside.end : min(inside.end + 8, sent_end)]:
            if tok.lemma_ in self.cues and tok.pos_ in ("VERB", "AUX"):
                return self._record(doc, tok, self._subject(tok), qs, qe, True)
        # Cue before the quote: X said: “…” / X said, “…”
        sent_start = inside[0].sent.start
        for tok in reversed(doc[max(sent_start, inside.start - 10) : max(inside.start - 1, 0)]):
            if tok.lemma_ in self.cues and tok.pos_ in ("VERB", "AUX"):
                return self._record(doc, tok, self._subject(tok), qs, qe, True)
        return None

    def _indirect(self, doc: Doc, tok) -> dict | None:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = [c for c in to.children if c.dep_ == "pobj"]
            if not pobj:
                return None
            src = doc[pobj[0].left_edge.i : pobj[0].right_edge.i + 1]
            sent = tok.sent
            if src.end < sent.end - 2 and doc[src.end].text == ",":
                start, end = doc[src.end + 1].idx, sent.end_char
            elif tok.i > sent.start + 2:
                start, end = sent.start_char, doc[tok.i - 1].idx
            else:
                return None
            rec = self._record(doc, tok, None, start, end, False)
            if rec:
                speaker, kind, span = self.speaker(doc, src, tok.i)
                rec.update(speaker=speaker, speaker_kind=kind, speaker_start=span.start_char, speaker_end=span.end_char,
                           cue=doc.text[tok.idx : to.idx + len(to)], cue_end=to.idx + len(to))
            return rec
        mode = self.cues.get(tok.lemma_)
        if mode is None or tok.pos_ not in ("VERB",):
            return None
        subj = self._subject(tok)
        if subj is None:
            return None
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i]
        if not comp and mode == "object":
            comp = [c for c in tok.children if c.dep_ in ("dobj", "prep") and c.i > tok.i]
        if not comp:
            return None
        first = comp[0]
        start_tok = first.left_edge
        if start_tok.lower_ == "that" and start_tok.dep_ == "mark":
            start_tok = doc[start_tok.i + 1]
        end_tok = tok.right_edge if mode == "object" else first.right_edge
        return self._record(doc, tok, subj, start_tok.idx, end_tok.idx + len(end_tok), False)


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
def make_claim_finder(nlp: Language, name: str, cues: str, claim_types: str) -> ClaimFinder:
    return ClaimFinder(nlp, name, cues=cues, claim_types=claim_types)


__all__ = ["CLAIMS", "ClaimFinder", "claim_type", "quote_spans", "AGENCY_INFO", "PEOPLE"]
