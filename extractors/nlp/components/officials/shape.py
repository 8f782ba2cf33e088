"""Whether a candidate name has the shape of a person's name: junk out before it becomes an official.

Contract of :meth:`NameShape.clean`: a candidate name span in, the span trimmed to the name or
None when what is left is not a name. English words come from the base model's lemmatizer tables
(its WordNet index of nouns, verbs and adjectives), so no word list is kept here:

* a heading verb glued to the end goes ("Obama Says He Will Act" -> "Obama", "Mohsin Naqvi
  Visits FIA Headquarters" -> "Mohsin Naqvi": a verb's -s form followed by another capitalised
  word, as in a title-case heading; "Tony Banks said" keeps its name);
* English words before a PERSON entity that are not part of it go ("Drug Control Muhammad
  Sohail" -> "Muhammad Sohail"; "Asim Raza" keeps "Asim", which is no English word);
* a single word is not a name when it is a plural noun ("Observers", "Scholars", "Kashmiris",
  "Shelters"), a short acronym ("BC", "MoU", "Ch"), a place or group (GPE, LOC, NORP: "Africa"),
  or an English noun or adjective ("Capacity", "Chamber", "Embassy", "Military", "Municipal",
  "Population") unless an honorific or a capitalised title not opening a line precedes it ("Mr
  Khan", "President Bush") or the document uses it inside a longer name ("Clinton" after "Hillary Clinton").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Span, Token

_ACRONYM = re.compile(r"^(?:[A-Z]{1,4}|[A-Z][a-z][A-Z]|[A-Z][a-z])$")
_NOT_PERSON_ENTS = ("GPE", "LOC", "NORP", "ORG", "FAC")
_SITE_BARS = ("-", "–", "—", "|")


def _word_index(nlp: Language) -> tuple[set[str], set[str]]:
    """(nouns and adjectives, verbs) of the lemmatizer's WordNet index; empty without one."""
    if "lemmatizer" not in nlp.pipe_names:
        return set(), set()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return set(), set()
    index = lookups.get_table("lemma_index")
    by_pos = {pos: set(index.get(pos, ())) for pos in ("noun", "adj", "verb")}
    return by_pos["noun"] | by_pos["adj"], by_pos["verb"]


def _after_title(t: Token) -> bool:
    """A surname the model tagged right after a capitalised title ("President Bush's advisers"),
    the title not opening a line (a heading's or a line's first word is capitalised anyway:
    "Chairman Capacity told" after a headline is no name)."""
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is None or prev.ent_type_ != "TITLE" or not prev.is_title or t.ent_type_ != "PERSON":
        return False
    return prev.i > 0 and "\n" not in t.doc[prev.i - 1].text_with_ws


class NameShape:
    def __init__(self, nlp: Language, honorifics: set[str]):
        self.words, self.verbs = _word_index(nlp)
        self.honorifics = honorifics

    def _heading_verb(self, t: Token) -> bool:
        """A verb's -s or -ed form in title case before another capitalised word ("Obama Says He
        Will Act", "David Miscavige Served With Lawsuit")."""
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        low = t.lower_
        if not (t.is_title and low.endswith(("s", "ed")) and nxt is not None and nxt.text[:1].isupper()):
            return False
        if low.endswith("ed"):
            return t.tag_ in ("VBD", "VBN") and (low[:-1] in self.verbs or low[:-2] in self.verbs)
        return low[:-1] in self.verbs or (low.endswith("es") and low[:-2] in self.verbs)

    def _single_junk(self, t: Token, in_longer: set[str], places: frozenset[str] = frozenset()) -> bool:
        if t.ent_type_ in _NOT_PERSON_ENTS or _ACRONYM.match(t.text):
            return True
        if t.tag_ in ("NNS", "NNPS") and t.lower_.endswith("s") and t.lemma_.lower() != t.lower_:
            return True
        prev = t.doc[t.i - 1].lower_.rstrip(".") if t.i > 0 else ""
        if prev in self.honorifics or t.lower_ in in_longer or (_after_title(t) and t.lower_ not in places):
            return False
        low = t.lower_
        return low in self.words or (low.endswith("s") and low[:-1] in self.words)  # "Kashmiris"

    def _lead_word(self, t: Token) -> bool:
        """An English word before the name that the NER left out of the person ("Drug Control")."""
        return t.ent_type_ != "PERSON" and t.lower_ in self.words

    def clean_all(self, spans: list[Span]) -> list[Span]:
        """:meth:`clean` over a document's candidate names (which words its longer names use)."""
        in_longer = {t.lower_ for s in spans if len(s) > 1 for t in s}
        # a word the document names as a place or body elsewhere ("Additional Secretary Africa")
        places = (
            frozenset(t.lower_ for t in spans[0].doc if t.ent_type_ in _NOT_PERSON_ENTS)
            if spans
            else frozenset()
        )
        return [c for c in (self.clean(s, in_longer, places) for s in spans) if c is not None]

    def clean(
        self,
        span: Span,
        in_longer: set[str] | frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
    ) -> Span | None:
        """``span`` trimmed to the person's name, or None when it is not one."""
        doc, start, end = span.doc, span.start, span.end
        # a page title's site after a spaced dash or bar ("Karine Jean-Pierre - YouTube"); a
        # hyphenated name has no space before its hyphen
        cut = next(
            (k for k in range(start + 1, end) if doc[k].text in _SITE_BARS and doc[k - 1].whitespace_), None
        )
        end = cut if cut is not None else end
        while end - start > 1 and self._heading_verb(doc[end - 1]):
            end -= 1
        while end - start > 1 and self._lead_word(doc[start]) and doc[end - 1].ent_type_ == "PERSON":
            start += 1
        if end - start == 1 and self._single_junk(doc[start], in_longer, places):
            return None
        return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)
