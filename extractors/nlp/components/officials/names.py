"""Where the people are: name spans without honorifics or ranks, tried in order.

1. the model's PERSON entities, and names right after an honorific whatever the model labelled
   them ("Dr Arshad Mahmood" as ORG): ``model_names``;
2. proper names right after a title ("Director General Dr Ehsan Sadiq", "DG Passport Mustafa Jamal
   Qazi"): ``titled_names``; a single word there is a weak name ("DG Qazi"), kept only when it
   resolves to a known person;
3. names listed under a plural title (``lists.listed_names``).

Overlapping or touching pieces are merged ("Syed Kausar" + "Abbas").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.components.officials.lexicon import Lexicon
from extractors.nlp.components.officials.lists import listed_names
from extractors.nlp.components.officials.portfolio_lists import past_portfolio_lists, portfolio_list_end
from extractors.nlp.tokens import POSSESSIVE

_HONOURED_LABELS = ("ORG", "NORP", "GPE", "FAC", "PRODUCT")


def person_spans(lex: Lexicon, doc: Doc, ents: list[Span]) -> tuple[list[Span], list[Span], dict[int, Span]]:
    """(names, weak names, token of a listed name -> its title)."""
    taken = _taken(ents)
    spans = model_names(lex, doc, ents, taken) + honorific_names(lex, doc, ents, taken)
    spans += appositive_names(lex, doc, ents, taken)
    strong, weak = titled_names(lex, doc, ents, taken)
    spans += strong
    listed = listed_names(lex, doc, ents, taken)
    list_title = {k: t for s, t in listed for k in range(s.start, s.end)}
    spans.extend(s for s, _ in listed)
    spans = past_portfolio_lists(lex, doc, ents, spans)
    names = [_untimed(lex, s) for s in _merge(doc, spans) if any(t.is_alpha for t in s)]
    names = [s for s in names if not _title_words_only(lex, s)]
    covered = {i for s in names for i in range(s.start, s.end)}
    return names, [w for w in weak if w.start not in covered], list_title


def _taken(ents: list[Span]) -> set[int]:
    """Tokens no name can use: agencies, titles, tiers, years and known places."""
    taken = {
        i for e in ents if e.label_ in ("AGENCY", "TITLE", "TIER", "YEAR") for i in range(e.start, e.end)
    }
    return taken | {i for e in ents if e.label_ == "GPE" and e.ent_id_ for i in range(e.start, e.end)}


def _title_word(lex: Lexicon, tok) -> bool:
    """A word of a title's portfolio or unit, never of a person's name by itself: a portfolio
    word (``portfolio_words.txt``), a unit word (``not_names.txt``), an organisation word, a place
    or an acronym ("Health KP", "Public Relations")."""
    low = tok.lower_
    return (
        low in lex.portfolio_words
        or low in lex.not_names
        or low in lex.org_words
        or low in lex.places
        or (tok.is_upper and len(tok) > 1)
    )


def _title_words_only(lex: Lexicon, name: Span) -> bool:
    """The "name" is only the words of a title's portfolio or unit that the title step or the
    model took for a name. Words of a title are no name ("Director General
    Public Relations (Navy)", "Secretary Health KP, Adeel Shah", "Head of Government Agencies
    Monitoring Unit Issa Kato"); nor is a portfolio list ("Busia Gender, Sports, Youths and Culture
    executive John Mwami": a comma, then portfolio words) or a name cut at "and" ("Secretary
    Information and Broadcasting"). A single word stays, whatever it is ("Baroness Scotland",
    "Young said"): a surname can be such a word. Portfolio words before a name are left on it
    ("Prosecutor General Accountability Syed Ihtasham Qadir Shah"): cut off, the name loses its
    title to the next one written (tried, spk13)."""
    words = [t for t in name if t.is_alpha]
    if name[-1].lower_ in ("and", "&"):
        return True
    comma = next((t.i for t in name if t.text == ","), None)
    if comma is not None and any(t.is_alpha and _title_word(lex, t) for t in name.doc[comma : name.end]):
        return True
    return len(words) >= 2 and all(_title_word(lex, t) for t in words)


def _untimed(lex: Lexicon, name: Span) -> Span:
    """The name without the days written after it ("Attaullah Tarar Tuesday said" -> "Attaullah
    Tarar"; ``time_words``), whichever step found it; a name of one word is left as it is."""
    end = name.end
    while end - name.start > 1 and name.doc[end - 1].lower_ in lex.time_words:
        end -= 1
    return name if end == name.end else Span(name.doc, name.start, end, label="PERSON")


def _merge(doc: Doc, spans: list[Span]) -> list[Span]:
    """Overlapping or touching pieces as one name ("Syed Kausar" + "Abbas")."""
    spans.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for s in spans:
        if merged and s.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(doc, last.start, max(last.end, s.end), label="PERSON")
        else:
            merged.append(s)
    return merged


# -- 1. the model's names ----------------------------------------------------------------------------
def model_names(lex: Lexicon, doc: Doc, ents: list[Span], taken: set[int]) -> list[Span]:
    """PERSON entities (and honoured names) trimmed to the name and extended over missed parts."""
    ent_tokens = {i for e in ents for i in range(e.start, e.end)}
    spans = []
    for e in ents:
        if e.label_ != "PERSON" and not honoured_name(lex, doc, e):
            continue
        bounds = _trimmed(lex, doc, e)
        if bounds is not None:
            spans.append(_extended(lex, doc, e, *bounds, taken, ent_tokens))
    return spans


def honorific_names(lex: Lexicon, doc: Doc, ents: list[Span], taken: set[int]) -> list[Span]:
    """Two or more name words after a personal honorific that no entity covers ("Mr Ambrose
    Dery, Minister for the Interior"), not an organisation or a place."""
    ent_tokens = {i for e in ents for i in range(e.start, e.end)}
    personal = lex.skip_words("personal")
    spans = []
    for tok in doc:
        if tok.lower_.rstrip(".") not in personal or tok.i in ent_tokens:
            continue
        i = tok.i + 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "." else tok.i + 1
        j = lex.name_run_end(doc, i, taken | ent_tokens)
        if j - i >= 2 and not _no_name(lex, doc[i:j]):
            spans.append(Span(doc, i, j, label="PERSON"))
    return spans


_NAME_LIKE_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "NORP", "FAC", "PRODUCT", "LOC"}


def appositive_names(lex: Lexicon, doc: Doc, ents: list[Span], taken: set[int]) -> list[Span]:
    """Two to four name words right before ", [the] TITLE" that the model labelled otherwise or not
    at all ("..." Chou Bun Eng, Vice Chairperson of the NCCT, said" with the name as WORK_OF_ART;
    "Molla Abo, the mayor of ...": articles and qualifiers written before the title are stepped
    over, ``role_cues.csv`` ``apposition_skip`` and ``title_qualifier``)."""
    label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    ent_start = {i: e.start for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    agency_ending = {e.end: e for e in ents if e.label_ == "AGENCY"}
    skip = lex.skip_words("apposition_skip") | lex.skip_words("title_qualifier")
    spans = []
    for e in ents:
        comma = e.start - 1
        while comma > e.start - 3 and comma >= 1 and doc[comma].lower_ in skip:
            comma -= 1  # "X, the Deputy National Coordinator": at most two such words
        owner = agency_ending.get(comma) if comma >= 1 and doc[comma].text in POSSESSIVE else None
        if owner is not None:
            comma = owner.start - 1  # "X, NAPTIP's Director-General, said"
        if e.label_ != "TITLE" or comma < 2 or doc[comma].text != ",":
            continue
        i = _name_run_before(lex, doc, comma, taken)
        if i is not None and _apposed_name(lex, doc[i:comma], label_at, ent_start):
            spans.append(Span(doc, i, comma, label="PERSON"))
    return spans


def _name_run_before(lex: Lexicon, doc: Doc, end: int, taken: set[int]) -> int | None:
    """Where two to four name words ending at ``end`` start: the whole run, not its tail."""
    i = end
    while i > max(end - 4, 0) and lex.is_name_token(doc[i - 1], taken):
        i -= 1
    return i if end - i >= 2 and not doc[i - 1].is_title else None


def _apposed_name(lex: Lexicon, words: Span, label_at: dict[int, str], ent_start: dict[int, int]) -> bool:
    """Whether the name words before an apposition are a name: labelled as a name might be, no
    organisation word or place, and not a listed part of an entity begun before them ("Islamabad
    Water, Emergency and Disaster Management, the Assistant Commissioner": an ORG; but "CP Yemi
    Ajayi, Commissioner of Police")."""
    doc, i = words.doc, words.start
    if ent_start.get(i, i) < i and doc[i - 1].lower_ in ("and", "&", "of", ","):
        return False
    return all(label_at.get(k, "PERSON") in _NAME_LIKE_LABELS for k in range(i, words.end)) and not _no_name(
        lex, words
    )


def honoured_name(lex: Lexicon, doc: Doc, e: Span) -> bool:
    """A name the model labelled otherwise ("Dr Arshad Mahmood" as ORG): two or more name words
    right after an honorific, none of them an organisation word or a place."""
    k = e.start - 1
    if k >= 1 and doc[k].text == ".":
        k -= 1
    return (
        e.label_ in _HONOURED_LABELS
        and not e.ent_id_
        and len(e) >= 2
        and k >= 0
        and lex.is_honorific_word(doc[k])
        and all(
            t.is_title and t.is_alpha and t.lower_ not in lex.org_words and t.lower_ not in lex.places
            for t in e
        )
    )


def _trimmed(lex: Lexicon, doc: Doc, e: Span) -> tuple[int, int] | None:
    """The entity without honorifics, "former", punctuation, possessive, words that are never
    names (post-nominal letters: "Charles Harris QC") or places at its edges ("Mr. Mohsin Naqvi's" -> "Mohsin Naqvi"); None when no name is
    left, or an organisation ("Human Trafficking Cell"), an acronym ("FIA") or a place is."""
    start, end = e.start, e.end
    while start < end and (
        lex.is_honorific(doc[start]) or doc[start].lower_ in lex.former or doc[start].is_punct
    ):
        start += 1  # also the hyphen of a rank the tokenizer split ("Lt-Gen Nazir Ahmed": "-", "Gen")
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].text in POSSESSIVE or lex.is_honorific(doc[end - 1])
    ):
        end -= 1
    while start < end and (doc[start].lower_ in lex.not_names or lex.in_place(doc, start)):
        start += 1
    while end > start and doc[end - 1].lower_ in lex.not_names:
        end -= 1
    return None if start >= end or _no_name(lex, doc[start:end]) else (start, end)


def _no_name(lex: Lexicon, words: Span) -> bool:
    """An organisation word, all acronyms ("FIA", "NCCIA") or a place: not a person's name."""
    return (
        any(t.lower_ in lex.org_words for t in words)
        or all(t.is_upper and len(t) > 2 for t in words)
        or words.text.lower() in lex.places
    )


def _extended(lex: Lexicon, doc: Doc, e: Span, start: int, end: int, taken, ent_tokens) -> Span:
    """A missed given name before ("Geir Thomas Tonstol"), particles after ("Naseer ud Din"); the
    name ends at a portfolio ("Malik Rasheed Ahmad Khan National Food Security & Research") and
    starts after one ("Minister of State for [Overseas Pakistanis] Aun Chaudhry")."""
    if (
        start > 0
        and start == e.start
        and doc[start - 1].pos_ == "PROPN"
        and lex.is_name_token(doc[start - 1], taken)
        and start - 1 not in ent_tokens
    ):
        start -= 1
    while end + 1 < len(doc) and doc[end].lower_ in lex.particles and lex.is_name_token(doc[end + 1], taken):
        end += 2
    end = _hyphenated_end(doc, end)
    end = next((k for k in range(start + 2, end) if lex.portfolio_starting(doc, k)), end)
    for k in range(max(start - 4, 1), start + 1):
        pf = lex.portfolio_starting(doc, k)
        if pf and start <= pf[0] < end and doc[k - 1].lower_ in ("for", "of"):
            start = pf[0]
            break
    return Span(doc, start, end, label="PERSON")


def _hyphenated_end(doc: Doc, end: int) -> int:
    """A name written on with hyphens the model cut ("Prayuth Chan" of "Prayuth Chan-o-cha")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and not doc[end - 1].is_upper  # an acronym's suffix: "PML-N"
        and doc[end + 1].pos_ in ("PROPN", "NOUN")  # not a participle: "Imran Khan-led"
    ):
        end += 2
    return end


# -- 2. names after a title --------------------------------------------------------------------------
def titled_names(lex: Lexicon, doc: Doc, ents: list[Span], taken: set[int]) -> tuple[list[Span], list[Span]]:
    """(names, weak names) right after a title: "Director General FIA, Mr. Riffat Mukhtar", "DSP
    Legal Sajid Cheema"; not a place ("Deputy Commissioner Dera Ismail Khan"). One word is a name
    when the model tagged it PERSON, else a weak name ("DG Qazi")."""
    strong: list[Span] = []
    weak: list[Span] = []
    for e in ents:
        if e.label_ != "TITLE":
            continue
        i = _name_start(lex, doc, e, ents)
        j = lex.name_run_end(doc, i, taken)
        j = _hyphenated_end(doc, j) if j - i >= 2 else j  # "Rabab Al-Osaimi"; not "Anti-Corruption"
        if j > i and (doc[i:j].text.lower() in lex.places or doc[j - 1].lower_ in lex.org_words):
            continue  # a place or an organisation after the title ("…, International Islamic University")
        if j > i and _unit_before_holder(lex, doc, i, j, ents):
            continue
        if j - i >= 2 or (
            j > i
            and (
                _after_honorific(lex, doc, i)
                or any(x.label_ == "PERSON" and x.start <= i < x.end for x in ents)
            )
        ):
            strong.append(Span(doc, i, j, label="PERSON"))
        elif j > i:
            weak.append(Span(doc, i, j, label="PERSON"))
    return strong, weak


def _unit_before_holder(lex: Lexicon, doc: Doc, i: int, j: int, ents: list[Span]) -> bool:
    """The capitalised words ``i:j`` after a title are the title's unit, not a name, when the model
    tagged no person there and a person it tagged follows the comma right after them as the
    subject of the verb after it: "National Manager Criminal Assets Litigation, Stefan Jerga,
    said" (the holder is the name after the comma); not a list ("MNA A, B, C")."""
    persons = [x for x in ents if x.label_ == "PERSON"]
    if j + 1 >= len(doc) or doc[j].text != "," or any(x.start < j and i < x.end for x in persons):
        return False
    k = j + 1
    while k < len(doc) and lex.is_honorific_word(doc[k]):
        k += 1
    holder = next((x for x in persons if x.start == k), None)
    if holder is None or holder.end + 1 >= len(doc):
        return False
    m = holder.end + 1 if doc[holder.end].text == "," else holder.end
    return doc[m].pos_ in ("VERB", "AUX")


def _after_honorific(lex: Lexicon, doc: Doc, i: int) -> bool:
    """A single word right after a personal honorific is a surname ("chief executive Lord
    Browne"); not after a rank that ends a title ("Director General Health")."""
    k = i - 2 if i >= 2 and doc[i - 1].text == "." else i - 1
    return k >= 0 and doc[k].lower_.rstrip(".") in lex.skip_words("personal")


def _name_start(lex: Lexicon, doc: Doc, title: Span, ents: list[Span]) -> int:
    """Where a name after ``title`` would start: past at most six honorifics, complements (an
    agency, a portfolio, wing words, "(DG)") and one comma, then a comma and honorifics."""
    i, steps = title.end, 0
    while i < len(doc) and steps < 6:
        nxt = _past_complement(lex, doc, i, steps, title.ent_id_, ents)
        if nxt is None:
            break
        i = nxt
        steps += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
        while i < len(doc) and lex.is_honorific(doc[i]):
            i += 1
    return i


def _name_as_org(lex: Lexicon, e: Span) -> bool:
    """A name the model labelled ORG right after a title ("spokesperson Khieu Sopheak"): two or
    three capitalised name words, none an organisation word, place or acronym."""
    return (
        e.label_ == "ORG"
        and 2 <= len(e) <= 3
        and all(lex.is_name_token(t, set()) and t.lower_ not in lex.org_words for t in e)
    )


def _starting(ents: list[Span], i: int, labels: tuple[str, ...], with_id: bool = False) -> Span | None:
    return next((x for x in ents if x.label_ in labels and x.start == i and (x.ent_id_ or not with_id)), None)


def _past_complement(lex: Lexicon, doc: Doc, i: int, steps: int, tid: str, ents: list[Span]) -> int | None:
    """The token after one piece between a title and its name, or None: an honorific or (first)
    a comma ("Director General FIA, Mr. Riffat Mukhtar"), an agency or ORG, a wing word ("DSP
    Legal Sajid Cheema"), a portfolio ("DG Passport Mustafa Jamal Qazi", "Minister for Law X"), a
    country ("WHO Representative in Pakistan Dr Dapeng Luo", "EU Ambassador to Pakistan X",
    "Ambassador of Japan, X"),
    "of/at" an agency, a bracketed word."""
    tok = doc[i]
    if lex.is_honorific(tok) or (tok.text == "," and steps == 0):
        return i + 1
    if tok.is_title and tok.lower_ in lex.skip_words("rank_word"):
        return i + 1  # "Police Chief Adjunct Senior Commissioner X": no name "Adjunct Senior"
    org = _starting(ents, i, ("AGENCY", "ORG"))
    if org is not None and not _name_as_org(lex, org):
        return org.end
    if tok.lower_ in lex.not_names and tok.is_title:
        return i + 1
    if tok.lower_ in ("for", "of") and (end := portfolio_list_end(lex, doc, i + 1, tid)) is not None:
        return end  # "Minister for Local Government, Housing and Town Planning Saeed Ghani"
    pf = lex.portfolio_starting(doc, i, tid)
    if pf:
        return pf[0]
    if tok.lower_ in ("for", "of") and lex.portfolio_starting(doc, i + 1, tid):
        return lex.portfolio_starting(doc, i + 1, tid)[0]
    country = _starting(ents, i + 1, ("GPE",), with_id=True)
    if tok.lower_ in ("in", "to", "of") and country is not None:
        return country.end  # "Ambassador of Azerbaijan to Pakistan, Khazar Farhadov"
    k = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
    agency = _starting(ents, k, ("AGENCY", "ORG"))
    if tok.lower_ in ("of", "at", "for") and agency is not None and not _name_as_org(lex, agency):
        return (
            agency.end
        )  # "Minister for Gender, … Protection, Nana Oye Lithur"; "of the Public Authority of Manpower X"
    if tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
        return i + 3
    return None
