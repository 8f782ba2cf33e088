"""A speaker written as a short form of someone the document names in full before.

Speaker steps for :mod:`extractors.nlp.claims.speakers` when the short form is no earlier
speaker's (:func:`~extractors.nlp.claims.named.earlier_full_name` covers those):

* :func:`full_name_of`: a person's name as the steps found it, a surname with a title written as
  an acronym or an honorific before it ("CS Mutua" after "Cabinet Secretary Dr. Alfred Mutua"),
  or a surname the outlet misspelt by one letter ("Nshika" after "Namati Nshinka") -> the full
  name written before.
* :func:`person_named_before`: a proper-noun source the steps would type as an unknown
  organisation (the base model often tags a surname as ORG) that is such a short form ("CS
  Cheptumo", "Cheptumo" after "Hanna Wendot Cheptumo"; "Oweyesigyire" after "Luke
  Owoyesigyire"; "Hannity" after "Fox News host Sean Hannity") -> that person.
* :func:`person_after_role`: a source ending in a name-shaped run right after a lower-case
  role noun ("Fox News host Sean Hannity indicated") -> that person, not an organisation.

A full name is a person the officials component resolved, or a person name of two or more words
the base model found (cleaned as the officials component cleans names), written before the source;
for a shorter form only, also the base model's ORG over a name-shaped run in apposition after a
comma (:func:`_appositive_names`), and any run of two to four capitalised proper nouns whose first
word is no English word or a PERSON word (:func:`_name_runs`: "Sean Hannity", "Deborah Jordan
Reynolds", which the small model tags ORG or splits at a GPE).
A short form matches when its name words are the full name, or end in its surname (first words,
when written, the same); a misspelt surname (six letters or more, one letter off) only when no
surname matches exactly. Exactly one full name must match: two people with one surname stay as
written.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.claims.subjects import Speaker

_MIN_MISSPELT = 6  # shorter surnames one letter apart are often two names ("Khan", "Kahn")
_ACRONYM_TITLE_MAX = 5  # "CS", "CEC", "DCI", "IGP", "ASP": a title written as capitals


def _full_names(s) -> list[str]:
    """Names of two or more words of people written before the source, in text order."""
    doc, start = s.doc, s.span.start
    found = [(i, name) for i, name in s.person_at.items() if i < start]
    persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e.end <= start]
    longer = {t.lower_ for e in persons for t in e}
    for e in persons:
        name = s.finder.shape.clean(e, longer)
        if name is not None and len(name) > 1:
            found.append((name.start, name.text))
    return [n for n in dict.fromkeys(name for _, name in sorted(found)) if len(n.split()) > 1]


def _appositive_names(s) -> list[str]:
    """ "Cabinet Secretary for Gender, …, Hanna Wendot Cheptumo, underscored": the base model's
    ORG over words that have a name's shape and no English surname, written after a comma (a
    title's holder in apposition), before the source. Only a shorter form refers to one ("CS
    Cheptumo"): the same words again are the body the model took ("Exxon Mobil")."""
    doc, start, words = s.doc, s.span.start, s.finder.shape.words
    return [
        e.text
        for e in doc.ents
        if e.label_ == "ORG"
        and 2 <= len(e) <= 4
        and e.end <= start
        and e.start > 0
        and doc[e.start - 1].text == ","
        and _name_shaped(e, words)
    ]


def _run_at(doc, i: int, words: set[str]) -> Span | None:
    """The run of two to four capitalised proper nouns ending at token ``i``, none an agency's
    word, the first no English word or a PERSON word ("Sean Hannity", "Deborah Jordan Reynolds",
    not "Fox News"); else None."""

    def word(t) -> bool:
        return t.is_alpha and t.is_title and t.pos_ == "PROPN" and t.ent_type_ != "AGENCY"

    if i < 0 or not word(doc[i]):
        return None
    start = i
    while start > 0 and word(doc[start - 1]) and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    run = doc[start : i + 1]
    if not 2 <= len(run) <= 4:
        return None
    first = run[0]
    return run if first.lower_ not in words or first.ent_type_ == "PERSON" else None


def _name_runs(s) -> list[str]:
    """Name-shaped runs (:func:`_run_at`) that end before the source and are followed by no
    capitalised word, in text order."""
    doc, start, words = s.doc, s.span.start, s.finder.shape.words
    ends = [i for i in range(start - 1) if not (doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN")]
    return [r.text for r in (_run_at(doc, i, words) for i in ends) if r is not None]


def _name_shaped(span: Span, words: set[str]) -> bool:
    """Capitalised proper nouns only, the last no English word ("Hanna Wendot Cheptumo", not
    "Human Rights Watch")."""
    return all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in span) and (
        span[-1].lower_ not in words
    )


def _name_words(words: list[str], honorifics: set[str]) -> list[str]:
    """``words`` without leading titles written as capitals or honorifics ("CS", "Dr.")."""
    i = 0
    while i < len(words) - 1 and (
        words[i].lower().rstrip(".") in honorifics
        or (words[i].isupper() and words[i].isalpha() and len(words[i]) <= _ACRONYM_TITLE_MAX)
    ):
        i += 1
    return words[i:]


def _one_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped ("Nshika"/"Nshinka", "Oweyesigyire"/"Owoyesigyire")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _match(words: list[str], names: list[str], longer_only: list[str] = ()) -> str | None:
    """The one full name ``words`` (a name without titles) is, or is a short or misspelt form
    of; of ``longer_only`` only a shorter form."""
    text = " ".join(words)
    if text in names:
        return text
    names = names + [n for n in longer_only if len(n.split()) > len(words) and n not in names]

    def first_words_fit(name: str) -> bool:
        parts = name.split()
        return len(words) == 1 or words[0] == parts[0] or set(words[:-1]) <= set(parts)

    same = {n for n in names if n.split()[-1] == words[-1] and first_words_fit(n)}
    if not same and len(words[-1]) >= _MIN_MISSPELT:
        same = {n for n in names if _one_apart(n.split()[-1], words[-1]) and first_words_fit(n)}
    return next(iter(same)) if len(same) == 1 else None


def full_name_of(s, name: str) -> str | None:
    """The full name written before the source that ``name`` (a person speaker as found) is a
    short form of, when it adds words or mends the spelling; else None."""
    words = _name_words(name.split(), s.finder.shape.honorifics)
    if not words or not all(w[:1].isupper() for w in words):
        return None
    found = _match(words, _full_names(s), _appositive_names(s))
    return found if found is not None and found != name and found.split()[-1] != name else None


def person_named_before(s) -> Speaker | None:
    """A proper-noun source of at most four words, all proper nouns, honorifics or capitals, that
    is a short form of a person named before (see the module docstring)."""
    span: Span = s.span
    honorifics, english = s.finder.shape.honorifics, s.finder.shape.words

    def name_word(t) -> bool:
        # "Ageng’o urged": a capitalised word that is no English word, whatever its tag
        return t.pos_ == "PROPN" or (t.text[:1].isupper() and t.lower_ not in english)

    if len(span) > 4 or not name_word(s.root):
        return None
    if not all(name_word(t) or t.lower_.rstrip(".") in honorifics for t in span):
        return None
    if any(t.ent_type_ in ("GPE", "LOC", "NORP", "AGENCY") for t in span):
        return None
    words = _name_words([t.text for t in span], honorifics)
    if not all(w[:1].isupper() for w in words):
        return None
    found = _match(words, _full_names(s), _appositive_names(s) + _name_runs(s))
    return (found, "person") if found is not None else None


def person_after_role(s) -> Speaker | None:
    """ "Fox News host Sean Hannity indicated": a source ending in a name-shaped run
    (:func:`_run_at`) right after a lower-case common noun, a role the title lists lack -> that
    person."""
    span = s.span
    run = _run_at(s.doc, span.end - 1, s.finder.shape.words)
    if run is None or run.start <= span.start:
        return None
    role = s.doc[run.start - 1]
    return (run.text, "person") if role.pos_ == "NOUN" and role.is_lower else None
