"""A person's name inside a longer source phrase, and a short name of someone who spoke before.

Speaker steps for :mod:`extractors.nlp.claims.speakers` when the officials component did not
resolve the name (the base model's NER often tags names as organisations):

* :func:`name_in_phrase`: the phrase gives a role and a name, the name is the speaker ("Mr Ambrose
  Dery, Minister for the Interior" -> Ambrose Dery; "BP2MI's Main Secretary, Rinardi" -> Rinardi;
  "Labour's Jess Phillips, shadow minister for safeguarding"; "external affairs ministry
  spokesperson Navtej Sarna"; "Acting Director General of the Public Authority of Manpower Rabab
  Al-Osaimi"). A name after a preposition is someone else's ("a spokesman for Michael Howard").
* :func:`earlier_name`: "Dery", "Mr Dery", "Suardana" -> the full name of a person who spoke
  before (``resolve.resolve`` over the earlier person speakers).

A name is a run of capitalised proper nouns (hyphenated parts joined) that is no title, place,
nationality, acronym or possessor, with its leading English words dropped ("Manpower Rabab
Al-Osaimi" -> "Rabab Al-Osaimi"); a one-word name needs a word that is no English word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _COMPLAINT_VERBS, _ORG_HEADS, _PEER_TITLES, _PERSON_HEADS
from extractors.nlp.claims.subjects import Speaker, _in_clause
from extractors.nlp.components.officials import PERSON_AT
from extractors.nlp.resolve import resolve

# entity types a person's name never is a part of; a body the entity ruler knows (AGENCY) names no
# person ("an official in the General Administration for Combating Human Trafficking"; "a
# spokeswoman for Human Rights Watch": its words are no name once "Human" is dropped as English)
_NOT_NAME_ENTS = ("GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "TIER", "TITLE", "AGENCY")
_NO_TITLE_ENTS = ("AGENCY", "ORG", "GPE", "LOC", "NORP", "FAC", "PERSON")  # names, no title word
_BEFORE_NO_NAME = ("ADP", "CCONJ")  # "a spokesman for Michael Howard", "Sittingbourne and Sheppey"


def after_heading(span: Span) -> Span:
    """The source phrase without a heading line or dateline glued before it ("US trafficking report
    credits Thailand …\nBANGKOK — Thailand's military government" -> "Thailand's military
    government"): what follows the last line break, then the last dash after an upper-case word."""
    doc, start = span.doc, span.start
    for t in span[:-1]:
        if "\n" in t.text_with_ws:
            start = t.i + 1
    for t in doc[start : span.end - 1]:
        if t.text in ("—", "–", "--") and t.i > start and doc[t.i - 1].is_upper and doc[t.i - 1].is_alpha:
            start = t.i + 1
    return span if start == span.start else doc[start : span.end]


def _name_token(t: Token, honorifics: set[str]) -> bool:
    """A token that can be part of a person's name: capitalised, a proper noun or unknown word,
    not an acronym, title, place or honorific."""
    if not t.is_alpha or not t.text[:1].isupper() or (_acronym(t.text) and not _initials(t)):
        return False
    if t.ent_type_ in _NOT_NAME_ENTS or t.lower_.rstrip(".") in honorifics:
        return False
    return t.pos_ == "PROPN"


def _initials(t: Token) -> bool:
    """Two capitals written as a first name before a name word ("KV Raman", "PK Singh"): no
    entity of a body, place or title (the model's ORG only when it goes on over the next word,
    "KV Raman" as one ORG), and a capitalised word after that is no acronym."""
    doc = t.doc
    alone_org = t.ent_type_ == "ORG" and not (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")
    return (
        len(t.text) == 2
        and t.is_upper
        and t.ent_type_ not in ("AGENCY", "GPE", "NORP", "TITLE", "LOC")
        and not alone_org
        and t.i + 1 < len(doc)
        and doc[t.i + 1].is_title
        and doc[t.i + 1].is_alpha
        and doc[t.i + 1].ent_type_ not in _NOT_NAME_ENTS
    )


def _acronym(text: str) -> bool:
    """ "FIA", "MoHR", "BP2MI": more than one capital, not "McDonald" or "MacKay"."""
    body = text[3:] if text.startswith("Mac") else text[2:] if text.startswith("Mc") else text[1:]
    return any(c.isupper() for c in body)


def _runs(span: Span, honorifics: set[str]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens in ``span`` as token ranges; "Al-Osaimi" stays one run."""
    doc, out, start = span.doc, [], None
    for t in span:
        hyphen_inside = (
            t.text == "-"
            and start is not None
            and not t.whitespace_
            and t.i + 1 < span.end
            and _name_token(doc[t.i + 1], honorifics)
        )
        if _name_token(t, honorifics) or hyphen_inside:
            start = t.i if start is None else start
            continue
        if start is not None:
            out.append((start, t.i))
        start = None
    if start is not None:
        out.append((start, span.end))
    return out


def _english(t: Token, words: set[str]) -> bool:
    return t.lower_ in words or t.lemma_.lower() in words


def _trim(span: Span, start: int, end: int, words: set[str], honorifics: set[str]) -> tuple[int, int] | None:
    """The run without leading English words when two name words stay ("Manpower Rabab
    Al-Osaimi"; not after an honorific or at the phrase start: "Mr Ambrose Dery"); None when
    nothing left is a name, or the run is a possessor ("Labour's")."""
    doc = span.doc
    if end < len(doc) and doc[end].tag_ == "POS":
        return None
    lead = start > span.start and doc[start - 1].lower_.rstrip(".") not in honorifics
    while lead and _english(doc[start], words) and sum(t.is_alpha for t in doc[start + 1 : end]) >= 2:
        start += 1
    if all(_english(t, words) for t in doc[start:end] if t.is_alpha) and doc[start].ent_type_ != "PERSON":
        return None
    if end < span.end and not doc[end].is_punct:
        return None  # "Gender, Children and Social Protection"
    if doc[end - 1].lower_ in _ORG_HEADS:
        return None  # "Investigation Agency"
    if end + 1 < len(doc) and doc[end].text == "(" and _acronym(doc[end + 1].text):
        return None  # "Inter-Services Public Relations (ISPR)": a body introduces its acronym
    in_body = start > span.start and doc[start - 1].ent_type_ == "AGENCY"
    if in_body and sum(t.is_alpha for t in doc[start:end]) < 2:
        return None  # "FIA Gujranwala": the body's name goes on
    return start, end


def _role_given(span: Span, start: int, end: int, honorifics: set[str]) -> bool:
    """The phrase says who the person is besides the name: a title, a person head or an
    honorific ("Mr Ambrose Dery, Minister …", "spokesperson Navtej Sarna")."""
    outside = [t for t in span if not start <= t.i < end]
    return any(
        t.ent_type_ == "TITLE" or t.lower_ in _PERSON_HEADS or t.lower_.rstrip(".") in honorifics
        for t in outside
    )


def _someone_else(span: Span, root: Token, a: int, b: int, honorifics: set[str]) -> bool:
    """The name belongs to someone else than the speaker: after a preposition or conjunction
    (honorifics skipped: "a spokesman for Mr Blair"), inside a clause on the head ("The
    Committee, led by Chairperson Dr. Nafisa Shah, has called for"), or part of a hyphenated word
    ("DG Pak-EPA")."""
    doc, j = span.doc, a - 1
    while j >= span.start and doc[j].lower_.rstrip(".") in honorifics | {"."}:
        j -= 1
    if j >= span.start and doc[j].pos_ in _BEFORE_NO_NAME:
        return True
    if _in_clause(doc[b - 1], root):
        return True
    return b < len(doc) and doc[b].text == "-" and not doc[b - 1].whitespace_


def name_in_phrase(s) -> Speaker | None:
    """The person named in a phrase that also gives their role (see the module docstring); of
    several names the last ("Director General Inter-Services Public Relations (ISPR) Lt General
    Ahmed Sharif Chaudhry")."""
    span, shape = s.span, s.finder.shape
    if len(span) < 2:
        return None
    found = None
    for start, end in _runs(span, shape.honorifics):
        trimmed = _trim(span, start, end, shape.words, shape.honorifics)
        if trimmed is None:
            continue
        a, b = trimmed
        if _someone_else(span, s.root, a, b, shape.honorifics) or _place_word(span.doc, a, b):
            continue
        if _role_given(span, a, b, shape.honorifics):
            found = span.doc[a:b].text
    return (found, "person") if found else None


def _place_word(doc: Doc, a: int, b: int) -> bool:
    """A one-word run the document names as a place elsewhere is the title's station, not a
    name ("Deputy Superintendent of Police Ranchi said" beside "Ranchi, September 8")."""
    if b - a != 1:
        return False
    word = doc[a].text
    return any(t.text == word and t.ent_type_ in ("GPE", "LOC") for t in doc if t.i != a)


def earlier_full_name(s, name: str) -> str | None:
    """The full name of an earlier person speaker ``name`` is a short form of; for a one-word
    name, else the first fuller form written before ("… Europe and the Middle East, I Ketut
    Suardana, informed" … "Suardana informed")."""
    # (people who spoke together, "Richard Alba and Nancy Foner", are no one's full name)
    people = {sp[0]: {} for sp in s.spoken if sp[1] == "person" and sp[0] and " and " not in sp[0]}
    by_surname = {k.split()[-1]: k for k in people if len(k.split()) > 1}
    found = resolve(name, people, by_surname)
    if found and len(found) > len(name):
        return found
    return _written_before(s, name) if " " not in name else None


def _written_before(s, word: str) -> str | None:
    """The first name written before the source that ends in ``word`` and has capitalised name
    words before it (no title, honorific or body: "I Ketut Suardana"), or ``word`` itself after an
    honorific ("Lord Woolf")."""
    doc, honorifics = s.doc, s.finder.shape.honorifics
    for t in doc[: s.span.start]:
        if t.text != word:
            continue
        j = t.i
        while j > 0 and j > t.i - 4 and _first_name_word(doc[j - 1], honorifics):
            j -= 1
        if j < t.i:
            return doc[j : t.i + 1].text
        if t.i > 0 and doc[t.i - 1].lower_.rstrip(".") in honorifics:
            return word  # "Lord Woolf": a person named by an honorific and the surname alone
    return None


def _first_name_word(t: Token, honorifics: set[str]) -> bool:
    """A word that can stand before a surname in a name ("Ketut", the Balinese "I")."""
    if t.ent_type_ in _NOT_NAME_ENTS + ("AGENCY", "ORG") or t.lower_.rstrip(".") in honorifics:
        return False
    if t.lower_ in _PERSON_HEADS | _PEER_TITLES:
        return False  # "Chief Guest", "Lord Woolf"
    return (t.is_title and t.pos_ == "PROPN" and not _acronym(t.text)) or t.text == "I" and t.i > 0


def earlier_name(s) -> Speaker | None:
    """ "Dery", "Mr Dery": a short form of a person who spoke before -> that person."""
    span, honorifics = s.span, s.finder.shape.honorifics
    words = [t for t in span if t.lower_.rstrip(".") not in honorifics and not t.is_punct]
    if not words or len(words) > 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return None
    full = earlier_full_name(s, " ".join(t.text for t in words))
    return (full, "person") if full else None


def _mentions(person_at: dict[int, str], before: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of tokens naming one person before token ``before``."""
    out: list[tuple[int, int, str]] = []
    for i in sorted(i for i in person_at if i < before):
        if out and out[-1][1] == i and out[-1][2] == person_at[i]:
            out[-1] = (out[-1][0], i + 1, person_at[i])
        else:
            out.append((i, i + 1, person_at[i]))
    return out


def _title_words(doc, start: int, end: int, stop: int, reach: int = 10) -> set[str]:
    """Lower-case words of the role written next to a name: the words before it back to a comma
    or verb, at most ten ("Tory leader Michael Howard", "Federal Minister for Culture and National
    Heritage Aurangzeb Khan Khichi") and an apposition after it ("Cindy Dyer, the US Ambassador-at-Large"),
    within the sentence."""
    sent_start, sent_end = doc[start].sent.start, min(doc[end - 1].sent.end, stop)
    words: set[str] = set()
    # "A spokesman for Michael Howard": a role before a preposition is someone else's
    left = (
        start
        if start > sent_start and doc[start - 1].pos_ in _BEFORE_NO_NAME
        else max(sent_start, start - reach)
    )
    for t in reversed(doc[left:start]):
        if t.text in (",", ";", ":", "(", ")") or t.pos_ in ("VERB", "AUX"):
            break
        words.add(t.lower_)
    words |= _title_before_comma(doc, start, end, sent_start)
    if end < sent_end and doc[end].text == ",":
        after: set[str] = set()
        for t in doc[end + 1 : min(sent_end, end + 10)]:
            if t.pos_ in ("VERB", "AUX"):
                return words  # "…, the spokesman said": the subject of a clause, no apposition
            if t.text in (",", ";", "."):
                break
            after.add(t.lower_)
        words |= after
    return words


def _title_before_comma(doc, start: int, end: int, sent_start: int) -> set[str]:
    """Lower-case words of a title the name stands in apposition to across a comma ("State
    Minister for Labour and Industrial Relations, Esther Anyakun, also raised", "Interpol's
    executive director of police services, Tim Morris, said"): the parser hangs the name from the
    title's head, which the officials component marks as a TITLE."""
    if start - 1 <= sent_start or doc[start - 1].text != ",":
        return set()
    root = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
    if root is None or root.dep_ != "appos" or root.head.i >= start or root.head.ent_type_ != "TITLE":
        return set()
    first = max(root.head.left_edge.i, sent_start, start - 13)
    return {t.lower_ for t in doc[first : start - 1] if not t.is_punct}


def person_with_written_title(s) -> str | None:
    """ "Deputy Chairman of the State Migration Service said" after "Deputy Chairman of the State
    Migration Service of the Kyrgyz Republic Almazbek Asanbayev told": the person written with
    every content word of the office phrase next to their name, when the officials component gave
    them no title; the latest who spoke, else the one mentioned last."""
    words = {t.lower_ for t in s.span if t.pos_ in ("NOUN", "PROPN", "ADJ")}
    names = [
        name
        for start, end, name in _mentions(s.person_at, s.span.start)
        if words and words <= _title_words(s.doc, start, end, s.span.start, reach=14)
    ]
    spoke = next((sp[0] for sp in s.spoken if sp[1] == "person" and sp[0] in names), None)
    return spoke or (names or [None])[-1]


def person_by_written_title(s, head: str, words: set[str]) -> str | None:
    """ "the Tory leader", "the ambassador": the person with that title written next to their
    name (every word of ``words`` too, when any person has them), whatever the officials component
    made of the title: the latest who spoke, else the one mentioned last ("The Minister" after
    Federal Minister X spoke is X, not the Minister of State mentioned after him). The reference
    itself is not such a title ("… Muhammad Azam Cheema, the spokesman said")."""
    found = [
        (name, tw)
        for start, end, name in _mentions(s.person_at, s.span.start)
        if head in (tw := _title_words(s.doc, start, end, s.span.start))
    ]
    names = [name for name, tw in found if words <= tw] or [name for name, _ in found]
    spoke = next((sp[0] for sp in s.spoken if sp[1] == "person" and sp[0] in names), None)
    return spoke or (names or [None])[-1]


def _complainant(self, doc: Doc, before: int) -> str | None:
    """The person who lodged the complaint or case before token ``before``: the subject of
    "lodged/filed/registered" ("Sarang Khan, the newborn child's father, lodged a case") or its
    agent ("the complaint filed by a citizen named Wahab Qayyum"); the last one wins."""
    person_at = doc.user_data.get(PERSON_AT, {})
    found = None
    for tok in doc[:before]:
        if tok.lemma_.lower() not in _COMPLAINT_VERBS:
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "agent"):
                who = next((person_at[t.i] for t in child.subtree if t.i in person_at), None)
                if who:
                    found = who
    return found


def person_by_title_head(s) -> str | None:
    """ "The actress said" after "Oscar-winning actress Susan Sarandon", "the shadow chancellor" after
    "Oliver Letwin, the shadow chancellor,": the person whose written title ends in the
    subject's head, right before the name or as the last word of an apposition after it, so a
    body in a longer title stays a body ("the committee" is not "Committee Chairman X"). The
    subject's other words must be in that title; the latest who spoke wins, else the one
    mentioned last."""
    doc, low = s.doc, s.low
    words = {t.lower_ for t in s.span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != s.root.i}
    names = [
        name
        for start, end, name in _name_mentions(s)
        if low in _title_heads(doc, start, end, s.span.start, s.finder.shape.honorifics)
        and words <= _title_words(doc, start, end, s.span.start)
    ]
    spoke = next((sp[0] for sp in s.spoken if sp[1] == "person" and sp[0] in names), None)
    return spoke or (names or [None])[-1]


def _name_mentions(s) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name before the subject, in text order: the people the
    officials component resolved, and the base model's other person names that have a name's
    shape (people it does not keep, such as "actress Susan Sarandon"), as written."""
    doc, person_at = s.doc, s.person_at
    found = _mentions(person_at, s.span.start)
    longer = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for e in doc.ents:
        if e.label_ != "PERSON" or e.end > s.span.start or any(i in person_at for i in range(e.start, e.end)):
            continue
        name = s.finder.shape.clean(e, longer)
        if name is not None:
            found.append((name.start, name.end, name.text))
    return sorted(found)


def _title_heads(doc, start: int, end: int, stop: int, honorifics: set[str]) -> set[str]:
    """The last word of a title written next to a name: the word right before it and any
    honorific or rank in between ("Chancellor Gordon Brown", "Admiral Naveed Ashraf"), and the last word of an apposition after
    it ("Oliver Letwin, the shadow chancellor,"); never a body's or place's name ("Vice President
    IIUI": "IIUI" is no title)."""
    heads: set[str] = set()
    j, sent_start = start - 1, doc[start].sent.start
    while j >= sent_start and doc[j].lower_.rstrip(".") in honorifics:
        heads.add(doc[j].lower_.rstrip("."))  # a rank is a title too ("Admiral Naveed Ashraf")
        j -= 1
    if j >= sent_start and _title_word(doc[j]):
        heads.add(doc[j].lower_)
    # "The District Police Commander, ASP Kwame Mensah,": a title in apposition before the name
    # and its rank written as an acronym
    k = j - 1 if j >= sent_start and doc[j].ent_type_ == "TITLE" and doc[j].is_upper else j
    if (
        k - 1 >= sent_start
        and doc[k].text == ","
        and doc[k - 1].ent_type_ == "TITLE"
        and _title_word(doc[k - 1])
    ):
        heads.add(doc[k - 1].lower_)
    sent_end = min(doc[end - 1].sent.end, stop)
    if end < sent_end and doc[end].text == ",":
        for t in doc[end + 1 : min(sent_end, end + 10)]:
            if t.pos_ in ("VERB", "AUX"):
                break
            if t.text in (",", ";", ".") or t.i + 1 == sent_end:
                last = doc[t.i - 1] if t.text in (",", ";", ".") else t
                if _title_word(last):
                    heads.add(last.lower_)
                break
    return heads


def _title_word(t: Token) -> bool:
    """A word that can end a title: a noun, no acronym or name of a body or place ("IIUI")."""
    return t.pos_ in ("NOUN", "PROPN") and t.is_alpha and not t.is_upper and t.ent_type_ not in _NO_TITLE_ENTS
