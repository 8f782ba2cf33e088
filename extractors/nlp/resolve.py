"""Who a reference names, resolved once for the whole pipeline: the officials linker and the claim
speakers both call these functions.

- Names: a later short mention ("Jehangir", "Mr Naqvi", "DG Qazi", "PM Shehbaz") -> the full name
  (:func:`resolve`); pronouns and definite role references ("the minister") -> people
  (:func:`pronouns`, :func:`role_refs`, :func:`titled_person`, :func:`office_holder`); unnamed
  officials and sources ("a senior FIA official", later "the spokesman": :func:`unnamed`).
- Agencies: "it", "the committee", "the statement" -> the last fitting AGENCY entity
  (:func:`last_agency`).

Pure functions of plain data: ``people`` is the officials component's ``PEOPLE`` list (dicts with
``name``, ``title`` (a title id), ``organisation``, ``mentions`` as token ranges), ``person_at``
its ``PERSON_AT`` map (token index -> full name, surnames already resolved), and agencies are the
doc's ``AGENCY`` entities (canonical name in ``ent_id_``). No imports from the components, so
every component can use them without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from extractors.nlp.ents import ents_within


def last_mentioned(person_at: dict[int, str], before: int) -> str | None:
    """The person whose name was mentioned last before token ``before`` (what "he" stands for
    when nothing better is known)."""
    prior = [i for i in person_at if i < before]
    return person_at[max(prior)] if prior else None


def last_mention(person: dict, before: int) -> int:
    """Token index of ``person``'s last mention starting before ``before``; -1 if none."""
    return max((s for s, _ in person["mentions"] if s < before), default=-1)


def office_holder(people: Iterable[dict], title: str, organisation: str, before: int) -> str | None:
    """The first person, in order of first mention, who holds ``title`` at ``organisation`` and
    is mentioned before token ``before``: "the FIA DG" -> the DG of the FIA the story named."""
    return next(
        (
            p["name"]
            for p in people
            if p.get("title") == title
            and p.get("organisation") == organisation
            and last_mention(p, before) >= 0
        ),
        None,
    )


def titled_person(
    people: Iterable[dict], head: str, words: set[str], before: int, other: Iterable[str] = ()
) -> str | None:
    """The person mentioned last before token ``before`` whose title ends in ``head`` and whose
    title or organisation contains every word of ``words``: ("minister", {"interior"}) for
    "Interior Minister" -> the interior minister the story named. A title with one of the words
    ``other`` holds another office ("prime minister" for ("minister", other={"prime", ...}))."""
    best, best_at = None, -1
    other = set(other)
    for p in people:
        title = (p.get("title") or "").lower().split()
        if not title or head != title[-1] or other.intersection(title[:-1]):
            continue
        known = " ".join(title) + " " + (p.get("organisation") or "").lower()
        if not all(w in known for w in words):
            continue
        at = last_mention(p, before)
        if at > best_at:
            best, best_at = p["name"], at
    return best


def titled_person_after(
    people: Iterable[dict], head: str, words: set[str], start: int, end: int, within: set[str] | None = None
) -> str | None:
    """The person first named between tokens ``start`` and ``end``, and not before, whose title ends
    in ``head`` and whose title or organisation contains every word of ``words``, and whose other
    title words are all in ``within`` when given (a "deputy commissioner" or "prime minister" is not
    "the finance minister"): a lead's "the work and pensions minister has said" is the minister the
    next paragraph names."""
    best, best_at = None, end
    for p in people:
        title = (p.get("title") or "").lower().split()
        if not title or head != title[-1] or last_mention(p, start) >= 0:
            continue
        if within is not None and not set(title[:-1]) <= within:
            continue
        known = " ".join(title) + " " + (p.get("organisation") or "").lower()
        if not all(w in known for w in words):
            continue
        at = min((s for s, _ in p["mentions"] if start <= s < end), default=end)
        if at < best_at:
            best, best_at = p["name"], at
    return best


def agency_name(ent: Span) -> str:
    """The canonical name of an agency entity ("FIA" -> "Federal Investigation Agency")."""
    return ent.ent_id_ or ent.text


def last_agency(doc: Doc, end: int, fits: Callable[[Span], bool] = lambda e: True) -> str | None:
    """The canonical name of the last agency that ends by token ``end`` and ``fits`` ("it", "the
    committee", "the statement" with no issuer named)."""
    prior = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= end and fits(e)]
    return agency_name(prior[-1]) if prior else None


PRONOUNS = {"he", "she", "him", "her", "his"}
_DETS = {"the", "a", "an"}


def resolve(name: str, people: dict, by_surname: dict) -> str | None:
    """The key of the known person ``name`` refers to, or None. "Jehangir" (a surname),
    "Qazi" for Mustafa Jamal Qazi (a surname that is not last), "Shehbaz" (a first name of one
    person only), "Mohammad Afzaal Bhatti" for "Muhammad Afzaal Bhatti" (the first name's
    spelling varies), "Mohsin Naqvi" for "Syed Mohsin Naqvi" (a subset of the words)."""
    if name in people:
        return name
    parts = name.split()
    if len(parts) == 1:
        return _resolve_word(name, people, by_surname)
    for key in people:
        kp = key.split()
        if parts[-1] == kp[-1] and (parts[0] == kp[0] or set(parts) <= set(kp)):
            return key
        if len(parts) == len(kp) >= 3 and parts[1:] == kp[1:] and parts[0][:1] == kp[0][:1]:
            return key
        if set(parts) <= set(kp) or set(kp) <= set(parts) and len(kp) >= 2:
            return key
    return None


def _resolve_word(name: str, people: dict, by_surname: dict) -> str | None:
    """A one-word mention: a known surname, a later word of one name ("Qazi"), or the first
    name of exactly one person ("PM Shehbaz")."""
    if name in by_surname:
        return by_surname[name]
    for key in people:
        if name in key.split()[1:]:
            return key
    firsts = [key for key in people if key.split()[0] == name and len(key.split()) > 1]
    return firsts[0] if len(firsts) == 1 else None


def pronouns(doc: Doc, person_at: dict[int, str]) -> dict[int, str]:
    """he/she/him/her/his -> the most recent person mentioned before it: :func:`last_mentioned`
    for every pronoun, in one pass over the document."""
    out: dict[int, str] = {}
    last = None
    for tok in doc:
        if tok.i in person_at:
            last = person_at[tok.i]
        elif tok.lower_ in PRONOUNS and last is not None:
            out[tok.i] = last
    return out


def role_refs(doc: Doc, people: dict, person_at: dict[int, str]) -> dict[int, str]:
    """Tokens of a definite role reference -> the one person holding that title: "the Passports
    DG", "the interior minister", "the federal minister"; not when a name follows the title."""
    holders: dict[str, list[str]] = {}
    for key, p in people.items():
        if p["title"]:
            holders.setdefault(p["title"], []).append(key)
    out: dict[int, str] = {}
    for e in doc.ents:
        if e.label_ != "TITLE" or e.start == 0 or any(i in person_at for i in range(e.start, e.end)):
            continue
        j = _article_before(doc, e.start)
        if j is None:
            continue
        nxt = doc[e.end] if e.end < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.is_alpha and not nxt.is_sent_start:
            continue
        keys = holders.get(e.ent_id_, [])
        if len(keys) == 1:
            for i in range(j, e.end):
                out[i] = keys[0]
    return out


def _article_before(doc: Doc, start: int) -> int | None:
    """The "the" opening a role reference, past capitalised words and "federal" before the title."""
    j = start - 1
    while j >= 0 and (
        doc[j].is_title
        and not doc[j].is_sent_start
        and doc[j].lower_ not in _DETS
        or doc[j].lower_ == "federal"
    ):
        j -= 1
    return j if j >= 0 and doc[j].lower_ == "the" else None


def _description(tok) -> tuple[int, int]:
    """Token range of an unnamed official's description: the head's left edge to the end of a
    following for/of/from/in/at phrase ("A spokesman for FIA")."""
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "in", "at"):
            right = child.right_edge.i + 1
    return tok.left_edge.i, right


def unnamed(doc: Doc, person_at: dict[int, str], heads: set[str]) -> tuple[list[dict], dict[int, str]]:
    """Unnamed officials and sources, one record per description ("a senior FIA official", "A
    spokesman for FIA": a following for/of/from/in/at phrase is kept), and token -> description;
    a later short definite mention ("the spokesman") takes the first description of its head."""
    found: list[dict] = []
    at: dict[int, str] = {}
    by_head: dict[str, dict] = {}
    for tok in doc:
        if tok.lower_ not in heads or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        left, right = _description(tok)
        if any(i in person_at for i in range(left, right)) or right - left > 10:
            continue
        phrase = doc[left:right]
        org = next((e.ent_id_ or e.text for e in ents_within(phrase) if e.label_ == "AGENCY"), None)
        definite = doc[left].lower_ == "the" and right - left <= 3 and org is None
        head = tok.lemma_.lower()
        if definite and head in by_head:
            desc = by_head[head]["text"]
        else:
            rec = {"text": phrase.text, "head": head, "organisation": org, "start": left, "end": right}
            found.append(rec)
            by_head.setdefault(head, rec)
            desc = rec["text"]
        for i in range(left, right):
            at[i] = desc
    return found, at
