"""``tipwatch_agency_model_v1``: named organisations the rules missed, from a trained recogniser.

The recogniser is en_core_web_sm's NER fine-tuned on our own development annotations to mark
``AGENCY`` spans (``models/agency_ner/``: config, training command, weights). It runs on a copy of
the document built in its own vocabulary, so the pipeline's entities are never overwritten by it;
a span it cuts short grows to the whole capitalised name ("National Agency" + "for the Prohibition
of Trafficking in Persons", "Indonesian Migrant" + "Worker Protection Agency"). Each span that no
rule found becomes an AGENCY entity, after the same checks the rules make: it must start with a
capital, not overlap a rule entity (agency, country, title, tier, year; a place it ends on is its
country after "of" and its seat, cut off, after "in": ``agency_names._trailing_place``), not be a
generic mention (``generic_agencies.csv``) or a concept (``not_agencies.txt``), and be headed by an organisation
word (``org_keywords.csv``: not a law or school word, not a plural), which also gives its kind;
"Long Name (ACR)" gives a new agency its acronym. An acronym of three letters or more it marks on
its own links to the document's agency whose acronym it is or whose initials it spells ("NAPTIP");
otherwise it is kept only when listed next to a body ("(BI), POEA, DOLE and DFA"), taking that
body's kind, and refused anywhere else (a card, a test, a programme: "CNIC", "IELTS").

Off with ``enabled = false`` in ``models/pipeline.cfg`` (or when the weights are absent).

Cost. ``labels`` narrows the recogniser to the moves of the labels whose spans can be kept
(:mod:`extractors.nlp.components.recogniser_moves`), and :meth:`AgencyModel.pipe` reads the windows
of a whole batch of documents in one call: each halves what the recogniser costs or trims it, and
neither changes a span (checked on real texts: tests/test_recogniser_moves.py).

Windows. With ``context`` (``[components.tipwatch_agency_model.config]``; TIP reports also under
``[reports.components]``) the recogniser reads only :func:`name_windows`: ``context`` tokens either
side of each word that can start a name and lies in no rule entity (on news ~62% of the tokens;
~74% while rule words opened windows too). Why its entities are those of the whole text:

1. Its tok2vec embeds each token from the token alone (NORM, PREFIX, SUFFIX, SHAPE) and mixes
   neighbours in 4 CNN layers of window 1: a token's vector depends on the 4 tokens either side,
   so a window token at least 4 tokens from a cut edge has its whole-text vector.
2. Its transition-based NER (``extra_state_tokens = false``) decides each move from three state
   tokens: the next token; and, only while an entity is open, the entity's first token and the
   token before the next one. With no entity open a move reads the next token's vector alone.
3. So the run over a window and the run over the whole text, once both reach a token with no
   entity open and from there read exact vectors, make the same moves until the window's last 4
   tokens. A window opens ``context`` = 8 tokens before its first name word ``w`` (a word of a
   rule entity included, point 5): the runs meet at the first of ``w-4 .. w`` where neither has
   an entity open. Before ``w`` stand no words that can start a name (lower-case words, punctuation, a sentence's first word that starts
   none), so only an entity of such words spanning all five tokens ``w-4 .. w`` (longer than
   "the past three years") could keep them apart: not seen on any text checked.
4. A span is kept only from a capitalised word (``_accept``, after a leading article) and headed
   by an organisation word. Every capitalised word inside a sentence starts a window, so the
   windows of a name's words merge and each kept span lies 4 tokens or more inside its window;
   outside the windows no span can be kept. Lower-case entities (dates, numbers) the windows cut
   are never kept.
5. A span touching a rule entity (a country, title, tier, year, rule agency) is refused
   (``_accept``), so a kept span's words lie in none and a word inside one opens no window of its
   own. Such words still count where a window starts: a window opened within ``context`` tokens
   after one starts ``context`` tokens before it (before the first of a run of capitalised words
   at most ``context`` apart), so every window starts as in point 3, before ``context`` tokens
   with no word that can start a name. What such words no longer open is a window of their own
   ("Pakistan" alone in a sentence) and the ``context`` tokens after the last of a run.

Point 3 is not a proof for every text, so it was checked: the same entities and agency metadata
on 1,284 texts (1,000 Dawn/APP, 200 BBC, 84 PolNeAR dev; 8,434 agencies), the same scores from
``tipwatch evaluate`` on world_dev, news_gold and news_dev2, and the same tables on 200 Dawn/APP
articles and the samples in ``raw/`` (tests/test_report_windows.py, tests/test_news_windows.py).
Point 5 was checked the same way: the same entities and agency metadata as the whole text on
1,414 texts (1,000 Dawn/APP, 200 BBC, 84 PolNeAR dev, the 130 texts of world_dev, news_gold and
news_dev2; 9,430 agencies), and the same tables as before it on 60 Dawn/APP articles and the
samples in ``raw/``; the recogniser's CPU time on 100 Dawn/APP articles fell by ~12%.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from extractors.assets import MODELS_DIR, read_csv, read_lines
from extractors.nlp.components.acronyms import bracketed_acronym, head_kind
from extractors.nlp.components.agency_coordination import _NER_LABELS, coordinated_start
from extractors.nlp.components.agency_lists import listed_kind
from extractors.nlp.components.agency_names import (
    _first_of_pair,
    _head,
    _led_by,
    _listed_portfolios,
    _name_word,
    _rule_entity,
    _titles_of_body,
    _trailing_place,
)
from extractors.nlp.components.agency_runs import unit_of_parent
from extractors.nlp.components.entities import AGENCY_INFO, RECOGNISED
from extractors.nlp.components.long_forms import _initials_match
from extractors.nlp.components.recogniser_moves import keep_labels
from extractors.nlp.tokens import POSSESSIVE

_REFUSED_KINDS = ("law", "school")
# A place's body of these kinds is no region ("Kenya Police"; "Gujranwala Division" is one).
_PLACE_BODY_KINDS = ("police", "court", "legislature")
_LEAD = {"the", "a", "an", "its", "their", "his", "her"}
# A bare acronym the recogniser marks is an agency from three letters ("DOLE", "DSWD", "POEA"
# listed as bodies); two-letter ones ("NA", "KE") are too often something else.
MIN_ACRONYM = 3
# Words that join the parts of a name ("Agency for the Prohibition of Trafficking in Persons").
_JOINERS = {"of", "for", "the", "and", "on", "against", "in", "&"}
_SENTENCE_ENDS = {".", "!", "?"}
# Tokens a law title's bracketed part spans at most, brackets included ("(Amendment)").
_BRACKETED = 6


def _office_of_title(doc: Doc, start: int, end: int, taken: list[Span]) -> tuple[int, Span | None]:
    """A name cut before a title it joins ("Office of the" + "Deputy Prime Minister", "Office of
    the" + "Attorney General"): its end past the title, and the title; otherwise the end without
    the joining words it ends on, and None."""
    if end > start and doc[end - 1].lower_ in _JOINERS:
        title = next((t for t in taken if t.start == end and t.label_ == "TITLE"), None)
        if title is not None:
            return title.end, title
    while end > start and doc[end - 1].lower_ in _JOINERS:
        end -= 1
    return end, None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without a leading article or possessive ("’s Secretariat") and trailing punctuation or "'s"."""
    while start < end and (
        doc[start].lower_ in _LEAD or doc[start].is_punct or doc[start].lower_ in POSSESSIVE
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in POSSESSIVE
        or doc[end - 1].ent_type_ in ("DATE", "TIME")
    ):
        end -= 1  # and a date it runs on to ("High Court of Justice" + "on Thursday")
    return start, end


def _extend(
    doc: Doc, start: int, end: int, heads: dict[str, str], places: set[str] | None = None
) -> tuple[int, int]:
    """The recogniser's span grown to the whole capitalised name it cuts: forward over joined
    capitalised words ("National Agency" + "for the Prohibition of Trafficking in Persons"; not into
    a second body: "and Ministry ...") and back over capitalised modifiers ("Indonesian Migrant" +
    "Worker Protection Agency"). A bare acronym stays as it is."""
    if end - start == 1 and doc[start].text.isupper():
        return start, end
    while True:
        k = end
        while k < len(doc) and doc[k].lower_ in _JOINERS and k - end < 3:
            k += 1
        joiners = [t.lower_ for t in doc[end:k]]
        # not into a second body ("... and Ministry of ...", "... Act and the ICT ...") nor a law
        second = "and" in joiners and (doc[k].lower_ in heads or joiners[-1] == "the")
        if k < len(doc) and heads.get(doc[k].lower_) in _REFUSED_KINDS:
            break
        if k < len(doc) and _name_word(doc[k]) and not second:
            end = k + 1
        else:
            break
    end = _listed_portfolios(doc, start, end, heads)
    while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper():
        prev = doc[start - 1]
        if prev.lower_ in _LEAD or _rule_entity(prev):
            break
        if prev.is_sent_start and prev.tag_ not in ("NNP", "JJ"):
            break
        start -= 1
    return coordinated_start(doc, start, end, heads, places), end


def name_windows(doc: Doc, context: int, keywords: dict[str, str]) -> list[tuple[int, int]]:
    """Token ranges where an agency the recogniser marks can be: ``context`` tokens either side of
    each word that can start a name, merged. A span is kept only from a capitalised word
    (``AgencyModel._accept``); a sentence's first word is one only as an acronym or before another
    capitalised word or an organisation word ("Labour ministry"). A word inside an entity a rule
    made (a country, title, year, rule agency) opens no window of its own (a span touching it is
    refused), but a window opening within ``context`` tokens after it starts ``context`` tokens
    before it, as if it did: every window still starts ``context`` tokens before the first of a
    run of capitalised words. Why the recogniser finds the same agencies in them as in the whole
    text: the module's docstring ("Windows")."""
    out: list[tuple[int, int]] = []
    n, first = len(doc), True
    run_start = last = -(context + 1)  # the first capitalised word of the latest run of them, the latest
    for t in doc:
        if t.is_space:
            first = first or t.text.count("\n") >= 2
            continue
        if t.text[:1].isupper() and (not first or _starts_name(doc, t, keywords)):
            run_start = run_start if t.i - last <= context else t.i
            last = t.i
            if not _rule_entity(t):
                a, b = max(0, run_start - context), min(n, t.i + context + 1)
                if out and a <= out[-1][1]:
                    out[-1] = (out[-1][0], b)
                else:
                    out.append((a, b))
        first = t.text in _SENTENCE_ENDS
    return out


def _starts_name(doc: Doc, t, keywords: dict[str, str]) -> bool:
    """A sentence's first word that can start a name: an acronym, or a word before a capitalised
    word or an organisation word."""
    if len(t.text) > 1 and t.text.isupper():
        return True
    nxt = next((x for x in doc[t.i + 1 : t.i + 4] if not x.is_space), None)
    return nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ in keywords)


def _is_acronym(span: Span) -> bool:
    return len(span) == 1 and span.text.isupper() and len(span.text) >= MIN_ACRONYM


def _initials_of(acronym: str, info: dict) -> str | None:
    """The document's body (of three words or more) whose initials spell ``acronym``."""
    for name, meta in info.items():
        words = name.split()
        if len(words) >= 3 and not (meta or {}).get("acronym") and _initials_match(words, acronym):
            return name
    return None


def _short_forms(doc: Doc, new: list[Span], taken: list[Span]) -> list[Span]:
    """A recognised name that ends another agency's name of the document, and only one, is that
    agency ("Intelligence Committee" after "the House Intelligence Committee", "Black Caucus
    Foundation" after "the Congressional Black Caucus Foundation"), and so is one that begins it
    before its 'for' or 'of' ("Peterson Institute" + " for International Economics"); two words
    at least."""
    names = {s.id_ or s.ent_id_ for s in new + taken if s.label_ == "AGENCY"}
    out = []
    for span in new:
        short = span.id_
        longer = [
            n
            for n in names
            if len(short.split()) >= 2
            and n != short
            and (n.endswith(f" {short}") or n.startswith((f"{short} for ", f"{short} of ")))
        ]
        out.append(
            Span(doc, span.start, span.end, label="AGENCY", span_id=longer[0]) if len(longer) == 1 else span
        )
    return out


class AgencyModel:
    def __init__(self, nlp: Language, name: str, *, model: str, enabled: bool, org_keywords: str,
                 generic_agencies: str, not_agencies: str, places: str, context: int | None = None,
                 labels: list[str] | None = None):  # fmt: skip
        self.name = name
        self.context = context
        path = Path(model) if Path(model).is_absolute() else MODELS_DIR / model
        self.trained = spacy.load(path) if enabled and (path / "config.cfg").is_file() else None
        if self.trained is not None and labels:  # only the moves of these labels (recogniser_moves)
            self.trained = keep_labels(self.trained, "agency_ner", labels)
        self.keywords = {r["keyword"].lower(): r["kind"] for r in read_csv(org_keywords)}
        self.generic = {r["generic"].lower().rstrip("*") for r in read_csv(generic_agencies) if r["generic"]}
        self.not_agencies = {line.lower() for line in read_lines(not_agencies)}
        self.places = {r["place"].lower() for r in read_csv(places)}

    def __call__(self, doc: Doc, context: int | None = None) -> Doc:
        """The recogniser's agencies added to ``doc.ents``; with ``context`` (the component's
        ``context`` setting, or one given per call: ``[reports.components]`` in models/pipeline.cfg)
        it reads only :func:`name_windows`, else the whole text."""
        if self.trained is None or not len(doc):
            return doc
        return self._add(doc, self._recognised([doc], self.context if context is None else context)[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128, context: int | None = None) -> Iterator[Doc]:
        """:meth:`__call__` on each document; the recogniser reads the windows of a whole batch of
        documents at once (fuller steps of its decoder, the same spans)."""
        context = self.context if context is None else context
        for batch in minibatch(docs, batch_size):
            if self.trained is None:
                yield from batch
                continue
            found = iter(self._recognised([d for d in batch if len(d)], context))
            for doc in batch:
                yield self._add(doc, next(found)) if len(doc) else doc

    def _add(self, doc: Doc, recognised: list[tuple[int, int]]) -> Doc:
        """The recognised spans that pass the rules' checks, added to ``doc.ents``."""
        info = doc.user_data.setdefault(AGENCY_INFO, {})
        taken = [e for e in doc.ents if e.label_ not in _NER_LABELS]
        new, bare = [], []
        for start, end in recognised:
            span = self._body(doc, start, end, taken)
            if span is None:
                continue
            if _is_acronym(span) and span.id_ == span.text:
                bare.append(span)  # decided once every named body of the document is known
                continue
            new.append(span)
            country = next((t.ent_id_ for t in taken if t.label_ == "GPE" and t.end == span.end), None)
            meta = {
                "acronym": bracketed_acronym(doc, span.end),
                "kind": self._kind(span),
                "country": country or None,
            }
            meta[RECOGNISED] = True  # its kind is as its own country sees it (agency_home)
            info.setdefault(span.id_, meta)  # ent_id_ is set once the span is in doc.ents
        new = _short_forms(doc, new, taken)
        bodies = [b for b in taken + new if b.label_ == "AGENCY"]  # not a place ("MESA, Ariz.")
        new += self._bare_acronyms(doc, bare, bodies, info)
        if new:
            kept = [e for e in doc.ents if not any(n.start < e.end and e.start < n.end for n in new)]
            doc.ents = filter_spans(kept + new)
        return doc

    def _recognised(self, docs: list[Doc], context: int | None) -> list[list[tuple[int, int]]]:
        """For each doc, (start, end) of each span the recogniser marks, on the whole doc or, with
        ``context``, on each of its :func:`name_windows` (copies in the recogniser's vocabulary,
        read in one batch)."""
        ner = self.trained.get_pipe("agency_ner")
        windows = [
            [(0, len(d))] if context is None else name_windows(d, context, self.keywords) for d in docs
        ]
        copies = [
            Doc(
                self.trained.vocab,
                words=[t.text for t in d[a:b]],
                spaces=[bool(t.whitespace_) for t in d[a:b]],
            )
            for d, ws in zip(docs, windows)
            for a, b in ws
        ]
        found = iter(ner.pipe(copies, batch_size=max(1, len(copies))))
        return [[(e.start + a, e.end + a) for a, _ in ws for e in next(found).ents] for ws in windows]

    def _bare_acronyms(self, doc: Doc, bare: list[Span], bodies: list[Span], info: dict) -> list[Span]:
        """Acronyms the recogniser marks on their own: the initials of a body of the document
        ("NAPTIP" for the National Agency for the Prohibition of Trafficking in Persons) link to it;
        one listed next to a body ("Bureau of Immigration (BI), POEA, DOLE and DFA") is a body of its
        neighbour's kind; any other ("CNIC", "CCTV", "IELTS") is refused."""
        accepted: list[Span] = []
        for span in bare:
            name = _initials_of(span.text, info)
            if name is not None:
                accepted.append(Span(doc, span.start, span.end, label="AGENCY", span_id=name))
                if info[name] is not None and not info[name].get("acronym"):
                    info[name]["acronym"] = span.text
        pending = [s for s in bare if not any(a.start == s.start for a in accepted)]
        changed = True
        while changed:  # in reading order, so a list takes its kind from its first named body
            changed = False
            for span in list(pending):
                kind = listed_kind(doc, span, bodies + accepted, info)
                if kind is not None:
                    accepted.append(span)
                    info.setdefault(span.id_, {"acronym": None, "kind": kind, "country": None})
                    pending.remove(span)
                    changed = True
        return accepted

    def _accept(self, doc: Doc, start: int, end: int, taken: list[Span]) -> Span | None:
        """The recogniser's span as an AGENCY entity, or None when a rule check refuses it."""
        start, end = _trim(doc, start, end)
        end = _first_of_pair(doc, start, end, self.keywords)
        end, office = _office_of_title(doc, start, end, taken)
        if end <= start or not doc[start].text[:1].isupper() or self._law_title(doc, end):
            return None
        touched = [t for t in taken if t.start < end and start < t.end and t is not office]
        touched = _titles_of_body(doc, touched, self.keywords)
        end, touched = _trailing_place(doc, start, end, touched, self.keywords)
        if (touched and not _led_by(touched, start, end, self.keywords)) or self._not_a_body(doc[start:end]):
            return None
        text = doc[start:end].text
        known = self._known_acronym(doc, text)
        if known is None and not self._named_body(doc[start:end]):
            return None
        return Span(doc, start, end, label="AGENCY", span_id=known or text)

    def _body(self, doc: Doc, start: int, end: int, taken: list[Span]) -> Span | None:
        """The span grown to its whole name (:func:`_extend`) as an agency, else the unit it names
        before its parent body (:meth:`_unit`); None for a refused one."""
        start, end = _extend(doc, start, end, self.keywords, self.places)
        return self._accept(doc, start, end, taken) or self._unit(doc, start, end, taken)

    def _unit(self, doc: Doc, start: int, end: int, taken: list[Span]) -> Span | None:
        """A refused span's unit named before its parent body ("Residency Department" + "of the
        Ministry of Interior": :func:`agency_runs.unit_of_parent`), when the checks keep it."""
        start, end = _trim(doc, start, end)
        cut = unit_of_parent(doc, start, end, taken, self.keywords)
        return None if cut is None else self._accept(doc, start, cut, taken)

    def _law_title(self, doc: Doc, end: int) -> bool:
        """The name is part of a law's title ("National Commission for Minorities" + "Act"), also
        past a bracketed part of it ("Pakistan Navy" + "(Amendment) Bill")."""
        if end < len(doc) and doc[end].text == "(":
            end = next((t.i + 1 for t in doc[end : end + _BRACKETED] if t.text == ")"), end)
        return end < len(doc) and doc[end].is_title and self.keywords.get(doc[end].lower_) == "law"

    def _not_a_body(self, span: Span) -> bool:
        """A generic mention, a concept (also after its owner's possessive: "Lesco's Board of
        Directors"), a lower-case single word or a region ("Gujranwala Division"; not a place's
        police, court or legislature: "Kenya Police", "Jammu Police")."""
        low = span.text.lower()
        if low in self.generic or low in self.not_agencies or (len(span) == 1 and not span.text.isupper()):
            return True
        owned = next((t.i for t in span if t.text in POSSESSIVE), None)
        if owned is not None and span.doc[owned + 1 : span.end].text.lower() in self.not_agencies:
            return True
        lead = span[:-1]
        if (
            len(span) > 1
            and all(t.lower_ in self.places or t.ent_type_ in ("GPE", "LOC") for t in lead)
            and self._kind(span) not in _PLACE_BODY_KINDS
        ):
            return True
        return self._generic_with_place(span)

    def _generic_with_place(self, span: Span) -> bool:
        """A place or its adjective before a lower-case organisation word: a generic mention ("a
        Romanian court", "the Indian court", "Pakistani court on Monday"), not a name."""
        head = next((t for t in span if t.lower_ in self.keywords), None)
        if head is None or not head.is_lower or head.i == span.start:
            return False
        lead = span[: head.i - span.start]
        return all(t.lower_ in self.places or t.ent_type_ in ("GPE", "LOC", "NORP") for t in lead)

    def _named_body(self, span: Span) -> bool:
        """Headed by an organisation word (not a law or school word, not a plural: "National
        Commissions"), or an acronym of three letters or more; programmes and funds are not."""
        if len(span) == 1 and span.text.isupper() and len(span.text) >= MIN_ACRONYM:
            return True
        kind = self._kind(span)
        return (
            kind not in _REFUSED_KINDS
            and kind != "other"
            and _head(span, self.keywords).tag_ not in ("NNS", "NNPS")
        )

    def _kind(self, span: Span) -> str:
        """The head word's kind (the rules' :func:`head_kind`), else ``other``."""
        return head_kind([t.text for t in span], self.keywords) or "other"

    @staticmethod
    def _known_acronym(doc: Doc, text: str) -> str | None:
        """The canonical name of an agency of this document whose acronym ``text`` is."""
        if not text.isupper():
            return None
        for name, meta in doc.user_data.get(AGENCY_INFO, {}).items():
            if (meta or {}).get("acronym") == text:
                return name
        return None


@Language.factory(
    "tipwatch_agency_model_v1",
    assigns=["doc.ents", "doc.user_data"],
    requires=["doc.ents"],
    default_config={"enabled": True, "context": None, "labels": None},
)
def make_agency_model(
    nlp: Language, name: str, model: str, enabled: bool, org_keywords: str, generic_agencies: str,
    not_agencies: str, places: str, context: int | None, labels: list[str] | None,
) -> AgencyModel:  # fmt: skip
    return AgencyModel(
        nlp, name, model=model, enabled=enabled, org_keywords=org_keywords, generic_agencies=generic_agencies,
        not_agencies=not_agencies, places=places, context=context, labels=labels,
    )  # fmt: skip
