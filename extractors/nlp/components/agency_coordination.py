"""A name's start before a list of domains joined by 'and' ("Human Trafficking and" + "Smuggling
Bureau"), shared by the recogniser (``agency_model``) and the model ORGs made agencies
(``acronyms``); no component of its own."""

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
