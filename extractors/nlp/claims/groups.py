"""Speaker steps for source phrases that count people of a body or give a title named later.

* :func:`counted_members`: "Some Republicans", "26 percent of Democrats", "many in the GOP", "two
  of the three members of Congress" count people of a body: an unnamed speaker, never the body.
* :func:`_titled_later`: a definite title no one held before ("the work and pensions minister
  has said" in a lead) is the person named with that title soon after.
* :func:`epithet`: "The CID boss", "the real estate mogul" stand for a person the story named.
* :func:`persons_people`: "The Sanders campaign", "Clinton aides", "Marco Rubio's campaign" are
  the person's people (``entourage_heads``), not the person.
"""

from __future__ import annotations

from extractors.nlp.claims.lexicon import (
    _COUNTING_WORDS,
    _ENTOURAGE_HEADS,
    _EPITHET_HEADS,
    _GROUP_NOUNS,
    _OFFICE_HEADS,
    _ORG_HEADS,
    _PERSON_HEADS,
    _REPORT_HEADS,
    title_words,
)
from extractors.nlp.claims.named import _mentions, _title_words
from extractors.nlp.claims.subjects import Speaker, _Subject
from extractors.nlp.components.officials import PEOPLE
from extractors.nlp.ents import ents_within
from extractors.nlp.resolve import last_mentioned, titled_person_after


def _counts(tok) -> bool:
    return tok.lower_ in _COUNTING_WORDS or (tok.like_num and tok.ent_type_ in ("", "CARDINAL", "PERCENT"))


_NAMED = ("PERSON", "ORG", "AGENCY", "NORP", "GPE")


def coordinated(s: _Subject) -> Speaker | None:
    """Speakers joined by "and" ("Labour and the Tories have attacked", "Lindsey Graham and David
    Perdue, who are both on the Judiciary Committee, said", "Both Labour and the Conservatives
    have said") are the members as written (the news gold: "Federal Police and Federal
    Investigation Agency (FIA)", "Charities and experts"), not the first or last of them: people
    when every member is a person, an organisation when every one is a body, else unnamed. Every
    member is a name, or every one a plural noun; titles joined before one name ("Deputy Prime
    Minister and Foreign Minister Ishaq Dar") and a name with "and" in it ("Ministry of Labor and
    Employment") are one speaker."""
    span, doc = s.span, s.doc
    members = _members(s)
    if members is None:
        return None
    ent_of = {t.i: e for e in doc.ents for t in e}
    root = members[0]
    if root.i in ent_of and ent_of[root.i].end > min(m.i for m in members[1:]):
        return None  # the members are one name
    people = [m.i in s.person_at or m.ent_type_ == "PERSON" for m in members]
    named = all(m.ent_type_ in _NAMED for m in members) and (all(people) or not any(people))
    if not named and not all(m.tag_ in ("NNS", "NNPS") for m in members):
        return None  # (people and places mixed: "Culture, Media and Sport Secretary Tessa Jowell")
    start = span.start + 1 if span[0].lower_ == "both" else span.start
    end = max(ent_of[m.i].end if m.i in ent_of else m.i + 1 for m in members)
    text = doc[start:end].text
    if all(people):
        return text, "person"
    if all(m.ent_type_ in ("AGENCY", "ORG") for m in members):
        return text, "organisation"
    return text, "unnamed"


def _members(s: _Subject) -> list | None:
    """The source phrase's head and its chain of conjuncts joined by "and" ("Mr Afzal, Mr Islam
    and Mr Kazi"), head first; None when there are none, or a member stands before the head
    ("Culture, Media and Sport Secretary X"), or the conjunct hangs inside a name after a
    preposition ("Committee on Kashmir Affairs, GB and SAFRON"), or the phrase names a person
    who is no member."""
    span, root = s.span, s.root
    if root.lower_ in _REPORT_HEADS:
        return None
    members, k = [root], 0
    while k < len(members):
        members += [c for c in members[k].children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        k += 1
    members = [m for m in members if m.i < span.end]
    if (
        len(members) < 2
        or any(m.i < root.i for m in members)
        or any(c.dep_ == "prep" and root.i < c.i < members[1].i for c in root.children)
        or not any(c.dep_ == "cc" and c.lower_ == "and" for m in members for c in m.children)
    ):
        return None
    named_members = {s.person_at.get(m.i) for m in members}
    if any(i in s.person_at and s.person_at[i] not in named_members for i in range(span.start, span.end)):
        return None
    return members


def counted_members(s: _Subject) -> Speaker | None:
    """A phrase opening with a count or quantifier ("Some", "26 percent of", "two of") whose head
    is people of a named body or a plural name: the people, unnamed."""
    span, root = s.span, s.root
    first = span[1] if span[0].lower_ == "the" and len(span) > 1 else span[0]
    if not _counts(first) or first.i == root.i and len(span) == 1:
        return None
    if s.agency is not None and s.agency.start <= first.i < s.agency.end:
        return None  # "10 Downing Street"
    if s.agency is None and not (root.tag_ == "NNPS" or root.lower_ in _COUNTING_WORDS):
        return None
    return span.text, "unnamed"


# how far after a definite title ("the work and pensions minister has said") its holder may be named
_CATAPHORA_TOKENS = 120


def _titled_later(s: _Subject) -> str | None:
    """A definite title no one held before, as in a lead ("the work and pensions minister has
    said"), is the person named with that title soon after it ("… Alan Johnson said")."""
    subj, root = s.span, s.root
    if subj[0].lower_ != "the" or root.tag_ in ("NNS", "NNPS") or len(subj) > 6:
        return None
    words = {t.lower_ for t in subj if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != root.i}
    if not words:
        return None  # a bare "the minister", "the chancellor" is too often someone named before
    head = title_words(root)[-1]
    people = s.doc.user_data.get(PEOPLE, [])
    end = subj.end + _CATAPHORA_TOKENS
    # the words of a lead's title are often not those the story gives the holder later; the
    # holder's own title words must be in the lead's ("prime minister" is no "finance minister")
    return titled_person_after(people, head, words, subj.end, end, words) or titled_person_after(
        people, head, set(), subj.end, end, words
    )


def later_title_holder(s: _Subject) -> Speaker | None:
    """A longer definite title the steps before left alone ("the work and pensions minister"):
    its holder named soon after, when it is an office (not "the spokesman")."""
    root = s.root
    is_title = any(e.label_ == "TITLE" and e.start <= root.i < e.end for e in ents_within(s.span))
    if not (root.lower_ in _OFFICE_HEADS or is_title):
        return None
    holder = office_holder_later(s)
    return (holder, "person") if holder else None


# a lead's indefinite description may be named in this many sentences after the lead's own
_LEAD_SENTENCES = 3
_SENTENCE_ENDS = (".", "!", "?", '"', "”")
# heads of an indefinite lead source that is a body or a document, not one person
_GROUP_WORDS = (
    _ORG_HEADS | _GROUP_NOUNS | _REPORT_HEADS | {"group", "panel", "coalition", "team", "delegation"}
)


def lead_description(s: _Subject) -> Speaker | None:
    """An indefinite person in a story's first sentence ("The Conservatives have been 'a lot
    smarter' …, a Labour backbencher has said.", "An artist critical of … has denied comparing …",
    "one of their frontbenchers has predicted") is the person the next sentence opens with as its subject ("Derek Wyatt said …", "Shani Rhys
    James is worried …"): the lead withholds the name the story then gives. Not a group ("a
    committee of MPs", "A group of MPs and peers"), nor a person named before the lead."""
    span, root, doc = s.span, s.root, s.doc
    if [t.lower_ for t in span[:2]] == ["one", "of"]:  # "one of their frontbenchers has predicted"
        root = next((t for t in span if t.dep_ == "pobj" and t.head.i == span[1].i), root)
        if root.tag_ != "NNS":
            return None
    elif span[0].lower_ not in ("a", "an") or root.tag_ not in ("NN", "NNP"):
        return None
    if root.ent_type_:
        return None
    if root.lower_ in _GROUP_WORDS or any(i < span.start for i in s.person_at):
        return None
    sents = list(doc.sents)
    k = next((n for n, sent in enumerate(sents) if sent.start <= span.start < sent.end), None)
    if k is None or any(sent.text.strip()[-1:] in _SENTENCE_ENDS for sent in sents[:k]):
        return None  # (a title line before the lead ends with no full stop)
    for sent in sents[k + 1 : k + _LEAD_SENTENCES]:
        subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subj is not None:
            return (s.person_at[subj.i], "person") if subj.i in s.person_at else None
    return None


def office_holder_later(s: _Subject) -> str | None:
    """:func:`_titled_later` for an office: "the spokesman", "the official" are no office someone
    holds (``not_office_heads``), so the spokesman named next is not taken for them."""
    return None if s.root.lower_ in _PERSON_HEADS - _OFFICE_HEADS else _titled_later(s)


def epithet(s: _Subject) -> Speaker | None:
    """A definite singular description with an epithet head (``epithet_heads``: "The CID boss
    stressed", "the real estate mogul declined", "the New York businessman said") and no name in
    it is a person the story named before it: one written with that word next to their name
    ("property tycoon Malik Riaz"; with most of the description's other words), else the person
    who spoke last, else the person mentioned last. (The person named most often was tried
    instead of the last speaker: on 35 PolNeAR/Dawn texts it was wrong 14 times, the last
    speaker 8 times, of about 42 changed rows.)"""
    span, root = s.span, s.root
    if span[0].lower_ not in ("the", "this") or len(span) > 6 or root.lower_ not in _EPITHET_HEADS:
        return None
    if root.tag_ not in ("NN", "NNP") or any(e.label_ == "PERSON" for e in ents_within(span)):
        return None  # ("the CID boss", "the Tesla boss": a body in it is where they work)
    words = {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != root.i}
    titled = [
        (len(words & tw), i, name)
        for i, (start, end, name) in enumerate(_mentions(s.person_at, span.start))
        if root.lower_ in (tw := _title_words(s.doc, start, end, span.start))
    ]
    if titled:
        return max(titled)[2], "person"
    spoke = next((sp for sp in s.spoken if sp[1] == "person"), None)
    if spoke is not None:
        return spoke
    last = last_mentioned(s.person_at, s.before)
    return (last, "person") if last else None


def persons_people(s: _Subject) -> Speaker | None:
    """ "The Sanders campaign", "Clinton aides", "Sanders’ aides", "Presidential candidate Marco
    Rubio’s campaign": a phrase headed by an ``entourage_heads`` noun with a person's name before
    it is those people, as written (unnamed), not the person; "Trump campaign spokeswoman Hope
    Hicks" is headed by the name and stays hers."""
    root = s.root
    if root.lower_ not in _ENTOURAGE_HEADS or root.tag_ not in ("NN", "NNS"):
        return None
    people = [e for e in ents_within(s.span) if e.label_ == "PERSON" and e.end <= root.i]
    return (s.span.text, "unnamed") if people else None
