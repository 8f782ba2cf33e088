"""A name's start before a list of domains joined by 'and' ("Human Trafficking and" + "Smuggling
Bureau"), shared by the recogniser (``agency_model``) and the model ORGs made agencies
(``acronyms``), and the commas such a list puts inside a name ("Population, Immigration and Border
Authority": :func:`listed_domains`); no component of its own."""

from __future__ import annotations

from spacy.tokens import Doc

# Statistical NER labels the recogniser may overwrite; every other entity (agency, country, title,
# tier, year, any label a pattern file adds) is a rule's and is kept.
_NER_LABELS = {"ORG", "PERSON", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
               "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}  # fmt: skip
# Statistical NER labels a word of a list of domains never carries (a person, a place, a date).
_NOT_DOMAIN = {"PERSON", "GPE", "LOC", "NORP", "FAC", "DATE"}


def coordinated_start(
    doc: Doc, start: int, end: int, keywords: dict[str, str], places: set[str] | None = None
) -> int:
    """Where a name begins whose head is modified by a list of domains joined by 'and' that a
    recogniser's span starts after ("the nascent Human Trafficking and" + "Smuggling Bureau", "The
    Human Trafficking, Human Smuggling, and" + "Maritime Crimes Division"): the first word of the
    list, when each item is one to three capitalised words of no entity nor organisation word and
    the list follows an article, a lower-case word or the sentence's start (not "of"/"for": then the
    list is a ministry's portfolios and the name another's); otherwise ``start``. Not a list of
    places ("Jhelum and" + "Gujrat Division": ``places``, lower case) nor of bodies sharing the
    name's words ("Fars News and" + "Mehr News Agency": two agencies)."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return start
    k = start - 1 - (doc[start - 2].text == ",")  # an Oxford comma
    name_words = {t.text for t in doc[start:end]}
    first = start
    while True:
        j = k
        while j > 0 and k - j < 3 and _modifier_word(doc[j - 1], keywords):
            j -= 1
        if j == k:
            return start
        item = doc[j:k]
        if item.text.lower() in (places or ()) or {t.text for t in item} & name_words:
            return start
        first = j
        if j > 1 and doc[j - 1].text == "," and _modifier_word(doc[j - 2], keywords):
            k = j - 1
            continue
        break
    before = doc[first - 1] if first > 0 else None
    if doc[first].is_sent_start or before is None:
        return first
    if before.lower_ in ("of", "for", "and", "&") or not (
        before.is_lower or before.lower_ in ("the", "a", "an") or before.text in ("(", '"', "“")
    ):
        return start
    return first


def _modifier_word(token, keywords: dict[str, str]) -> bool:
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and token.lower_ not in keywords
        and not (token.ent_type_ and token.ent_type_ not in _NER_LABELS)
        and token.ent_type_ not in _NOT_DOMAIN
    )


def listed_domains(span, keywords: dict[str, str], places: set[str] | None = None) -> bool:
    """The commas of a name all lie in a list of domains before its organisation word, the last
    joined by 'and' or '&' ("Population, Immigration and Border Authority", "Human Trafficking,
    Human Smuggling, and Maritime Crimes Division"): two or more items of one to three
    capitalised words, none an organisation word or a place; the capitalised words after the last
    'and' end on an organisation word; the name follows an article, a lower-case word or the
    sentence's start, as in :func:`coordinated_start`. Not "Pakistan Rangers, Sindh" (no 'and'),
    "Ministry of Labour, Invalids and ..." (an item with an organisation word), "Punjab, Sindh and
    Balochistan Police" (places), "Finance Division, Foreign Missions, Housing and Works Division"
    (a list of bodies)."""
    doc, words = span.doc, list(span)
    before = doc[span.start - 1] if span.start > 0 else None
    if not (
        span[0].is_sent_start
        or before is None
        or before.lower_ in ("the", "a", "an")
        or (before.is_lower and before.lower_ not in ("of", "for", "and"))
        or before.text in ("(", '"', "“", "—", "–", ":")  # or opens an apposition
    ):
        return False
    ands = [i for i, t in enumerate(words) if t.lower_ in ("and", "&")]
    if not ands or words[-1].lower_ not in keywords:
        return False
    last = ands[-1]
    if len(words) - last < 2 or not all(_capitalised(t) for t in words[last + 1 :]):
        return False
    items: list[list] = [[]]
    for t in words[: last - (words[last - 1].text == ",")]:  # without an Oxford comma
        if t.text == ",":
            items.append([])
        else:
            items[-1].append(t)
    return len(items) >= 2 and all(
        1 <= len(i) <= 3
        and all(_capitalised(t) and t.lower_ not in keywords for t in i)
        and " ".join(t.lower_ for t in i) not in (places or ())
        for i in items
    )


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()
