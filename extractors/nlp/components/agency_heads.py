"""``tipwatch_agency_heads_v1``: capitalised names with an organisation head word that neither the
statistical NER nor the trained recogniser tagged ("The West Alabama Human Trafficking Task Force
has charged a man" at a paragraph's start, "the Commission for Racial Equality"). After the
recogniser, each such run is treated as :mod:`acronyms` treats the model's ORG entities (the same
trimming, head-word kind and refusals: laws, schools, regions, bare generics), by the pipeline's
own ``tipwatch_acronyms`` component."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.assets import MODELS_DIR, read_lines
from extractors.nlp.components.acronyms import AcronymLinker
from extractors.nlp.tokens import POSSESSIVE

# Words joining the capitalised words of one name ("Ministry of Climate Change", "Department for
# Work and Pensions", "Food & Drug Administration").
_JOINS = {"of", "for", "on", "and", "&", "the"}
# Words a name never begins with (an article before it).
_LEADS = {"the", "a", "an"}
# Entity labels a name may contain: the places and peoples that qualify it ("Northeast Ohio Human
# Trafficking Task Force", "Pakistani Embassy"); any other entity is a name of its own.
_INSIDE = {"GPE", "LOC", "NORP"}
# Parts of speech a name never holds: a verb makes the run a headline ("LAPD Assists State Task
# Force on Human Trafficking").
_VERBS = {"VERB", "AUX"}
# Words that open a headline's phrase, never a name ("Integrate Into British Society").
_PREPOSITIONS = {
    "into",
    "to",
    "with",
    "from",
    "by",
    "at",
    "in",
    "on",
    "of",
    "for",
    "as",
    "after",
    "over",
    "against",
}
# Owners whose possessive stays inside a name ("Sheriff's Office"): name_possessives.txt. (Not
# the clitic itself, which is ``POSSESSIVE``.)
_NAME_OWNERS = frozenset(read_lines(str(MODELS_DIR / "patterns" / "name_possessives.txt")))


def _word(doc: Doc, i: int, owned: set[int]) -> bool:
    tok = doc[i]
    if i in owned or tok.pos_ in _VERBS:
        return False
    if tok.text in POSSESSIVE:  # "Lake County Sheriff's Office"
        return 0 < i < len(doc) - 1 and doc[i - 1].lower_ in _NAME_OWNERS and doc[i + 1].is_title
    if tok.ent_type_ in _INSIDE and tok.text[:1].isupper():  # "U.S. Court of Appeals for the D.C. Circuit"
        return True
    return (tok.is_title or tok.is_upper) and tok.is_alpha


def _joined(doc: Doc, i: int, owned: set[int]) -> bool:
    """A joining word between two words of a name ("of the" in "Ministry of the Interior")."""
    if doc[i].lower_ not in _JOINS or not 0 < i < len(doc) - 1 or i in owned:
        return False
    after = _word(doc, i + 1, owned) or (
        doc[i + 1].lower_ == "the" and i + 2 < len(doc) and _word(doc, i + 2, owned)
    )
    before = (
        doc[i - 1].is_title or doc[i - 1].is_upper or doc[i].lower_ == "the" and doc[i - 1].lower_ in _JOINS
    )
    return after and before


def _next_to_entity(doc: Doc, start: int, end: int, owned: set[int]) -> bool:
    """A run right after another entity (or its possessive) continues or qualifies it ("LAPD
    Assists State Task Force", "the DOJ's Civil Rights Division"); one that a capitalised entity
    cuts short is part of a longer name ("Commission on Social" + "Justice")."""
    if start > 0 and doc[start - 1].text in POSSESSIVE:  # an owner's unit: "Sydney's China Studies Centre"
        return True
    if start > 1 and doc[start - 1].text in ("'", "’") and doc[start - 2].text.endswith("s"):
        # a plural owner: "Hillsborough County Public Schools' Human Trafficking Taskforce"
        return not doc[start - 2].whitespace_
    if end < len(doc) and doc[end].text in POSSESSIVE:  # an owner: "the Fiji Police’s Human Trafficking
        return True  # Unit" (agency_units reads owner and unit)
    if end + 1 < len(doc) and doc[end].lower_ in _JOINS and end + 1 in owned and doc[end + 1].is_title:
        return True  # "Israeli High Court" + "of Justice"
    return start > 0 and start - 1 in owned or end < len(doc) and end in owned and doc[end].is_title


def _not_a_name(doc: Doc, start: int, end: int) -> bool:
    """A heading in capitals ("ELEVEN POLICE KILLED"), a headline's phrase opening with a function
    word ("Integrate Into British Society"), the tail of a hyphenated compound ("ABS-CBN North
    America Bureau", "US-India Strategic Partnership Forum"), two bodies ("AFP and WA Police"), a
    law's title ("Pakistan Nursing Council (Amendment) Bill")."""
    span = doc[start:end]
    if all(t.is_upper or not t.is_alpha for t in span) or span[0].lower_ in _PREPOSITIONS:
        return True
    if any(t.lower_ == "and" and doc[start + k - 1].is_upper for k, t in enumerate(span) if k):
        return True
    if start > 1 and doc[start - 1].lower_ == "and" and doc[start - 2].is_upper:
        return True
    if end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ == "amendment":
        return True  # a law's title: "Pakistan Nursing Council (Amendment) Bill"
    return start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_


def _bounds(doc: Doc, start: int, end: int, keywords: dict[str, str]) -> tuple[int, int]:
    """A run's name: without a leading article or initial ("Singleton,T Kidney Disease ... Task
    Force") or plural and "of" ("Agents of the Maritime Law Enforcement Agency"), a trailing acronym ("Pakistan National Council of the Arts PNCA") or what follows
    "and" right after a head word ("Philippines Police and Marines")."""
    while start < end and (doc[start].lower_ in _LEADS or len(doc[start]) == 1):
        start += 1
    if end - start > 2 and doc[start].tag_ in ("NNS", "NNPS") and doc[start + 1].lower_ == "of":
        start += 2 + (doc[start + 2].lower_ == "the")  # "Agents of the Maritime Law Enforcement Agency"
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "and" and doc[k - 1].lower_ in keywords:
            end = k
            break
    while end - start > 2 and doc[end - 1].is_upper and doc[end - 2].is_title:
        end -= 1
    return start, end


def _headed(doc: Doc, start: int, end: int, keywords: dict[str, str]) -> bool:
    """The head word (the last, or one before a joining word) is an organisation keyword."""
    low = [t.lower_ for t in doc[start:end]]
    heads = {w for k, w in enumerate(low[:-1]) if low[k + 1] in _JOINS} | set(low[-1:])
    return end - start > 1 and bool(heads & keywords.keys())


def untagged_runs(doc: Doc, keywords: dict[str, str]) -> list[tuple[int, int]]:
    """Runs of capitalised words (joined by "of", "for", "and", …) outside every entity but a place's,
    without a verb, whose head word (the last, or the one before a joining word) is an organisation
    keyword (:func:`_bounds`, :func:`_not_a_name`). Runs inside one sentence only; one led by "A"
    is a description ("A Network of Empowered Women Helps ...")."""
    owned = {i for e in doc.ents if e.label_ not in _INSIDE for i in range(e.start, e.end)}
    runs = []
    i = 0
    while i < len(doc):
        if not _word(doc, i, owned):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and not doc[j].is_sent_start and (_word(doc, j, owned) or _joined(doc, j, owned)):
            j += 1
        start, end = _bounds(doc, i, j, keywords)
        if (
            doc[i].lower_ not in ("a", "an")
            and _headed(doc, start, end, keywords)
            and not _next_to_entity(doc, start, j, owned)
            and not _not_a_name(doc, start, end)
        ):
            runs.append((start, end))
        i = j
    return runs


class AgencyHeads:
    def __init__(self, linker: AcronymLinker):
        self.linker = linker

    def __call__(self, doc: Doc) -> Doc:
        runs = untagged_runs(doc, self.linker.keywords)
        if runs:
            self.linker.untagged_names(doc, runs)
        return doc


@Language.factory("tipwatch_agency_heads_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_agency_heads(nlp: Language, name: str, acronyms: str = "tipwatch_acronyms") -> AgencyHeads:
    """``acronyms``: the name of the pipeline's ``tipwatch_acronyms_v1`` component, added before this
    one (its keywords, places and refusals are shared)."""
    if acronyms not in nlp.pipe_names or not isinstance(nlp.get_pipe(acronyms), AcronymLinker):
        raise ValueError(f"{name}: needs the acronyms component {acronyms!r} earlier in the pipeline")
    return AgencyHeads(nlp.get_pipe(acronyms))
