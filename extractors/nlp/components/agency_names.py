"""Shapes of the names the agency recogniser marks (``agency_model``): which words can be part of
a name, a name led by a rule's place or house ("Senate" + "Judiciary Committee"), a title inside a
body's name ("High Court of" + "Justice"), a ministry named by a list of portfolios ("Ministry of
Labour" + ", Invalids and Social Affairs") and a name's head word."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.components.acronyms import head_kind
from extractors.nlp.components.agency_coordination import _NER_LABELS


def _rule_entity(token) -> bool:
    """The token is inside an entity a rule made (not one the statistical NER may have got wrong)."""
    return bool(token.ent_type_) and token.ent_type_ not in _NER_LABELS


def _name_word(token) -> bool:
    """A capitalised word inside a sentence that no rule has claimed (a country, title, year)."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start and not _rule_entity(token)


def _led_by(touched: list[Span], start: int, end: int, keywords: dict[str, str]) -> bool:
    """The only rule entity a recognised name touches is the place it begins with ("Georgia Bureau
    of Investigation", "Kenya Police"), or the house of a legislature it begins with when
    capitalised words and an organisation word follow ("Senate" + "Judiciary Committee"; not
    "National Assembly" + "on Monday"; not another kind of body: "EU Commission" is the European
    Commission, "UNESCO Office" UNESCO): the longer name is kept."""
    if not (len(touched) == 1 and touched[0].start == start and touched[0].end < end):
        return False
    if touched[0].label_ == "GPE":
        return True
    doc, rest = touched[0].doc, touched[0].end
    return (
        touched[0].label_ == "AGENCY"
        and head_kind([t.text for t in touched[0]], keywords) == "legislature"
        and _name_word(doc[rest])
        and doc[end - 1].lower_ in keywords
        and all(_name_word(t) for t in doc[rest:end])
    )


def _titles_of_body(doc: Doc, touched: list[Span], keywords: dict[str, str]) -> list[Span]:
    """The entities a name touches without the titles it holds after an organisation word and its
    'of' ("High Court of" + "Justice", "Office of the" + "Attorney General"): the title is the
    body's subject, not a person's role."""
    out = []
    for t in touched:
        k = t.start - 1
        while k > 0 and doc[k].lower_ == "the":
            k -= 1
        if not (
            t.label_ == "TITLE" and k > 0 and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in keywords
        ):
            out.append(t)
    return out


def _head(span: Span, keywords: dict[str, str]):
    """The name's head word: the organisation word before its first 'of'/'for' ("Ministry of
    Foreign Affairs"), else its last word ("National Commissions")."""
    for t in span[1:]:
        if t.lower_ in ("of", "for") and span.doc[t.i - 1].lower_ in keywords:
            return span.doc[t.i - 1]
    return span[-1]


def _listed_portfolios(doc: Doc, start: int, end: int, heads: dict[str, str]) -> int:
    """A body named 'organisation word of ...' followed by the rest of its list of portfolios
    ("Ministry of Labour" + ", Invalids and Social Affairs", "Ministry of Gender" + ", Children and
    Social Protection"): the end past the list, which must close with 'and' and capitalised words;
    otherwise ``end``. An item with an organisation word is a second body ("..., Police and ...")."""
    if not any(doc[i].lower_ in ("of", "for") and doc[i - 1].lower_ in heads for i in range(start + 1, end)):
        return end

    def item(k: int) -> int:  # the end of the capitalised words from k
        while k < len(doc) and _name_word(doc[k]) and doc[k].lower_ not in heads:
            k += 1
        return k

    k = end
    while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ != "and":
        j = item(k + 1)
        if j == k + 1:
            return end
        k = j
    k += k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "and"  # an Oxford comma
    if k == end or k >= len(doc) or doc[k].lower_ != "and":
        return end
    j = item(k + 1)
    return j if j > k + 1 else end


def _first_of_pair(doc: Doc, start: int, end: int, keywords: dict[str, str]) -> int:
    """The end of the first of two bodies a name joins with 'and' after an organisation word
    ("Urban Institute" + "and Brookings Institution") or before one that more words follow
    ("Ministry of Justice" + "and Bureau MH/MS"; not "Department of Justice and Police", one body);
    ``end`` when there are not two."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ != "and" or not doc[i + 1].text[:1].isupper():
            continue
        if doc[i - 1].lower_ in keywords:
            return i
        if doc[i + 1].lower_ in keywords and i + 2 < end and any(t.lower_ in keywords for t in doc[start:i]):
            return i
    return end


def _trailing_place(doc: Doc, start: int, end: int, touched: list[Span], keywords: dict[str, str]):
    """A name that ends on a rule's place: its ``(end, touched)``. After an organisation word
    and 'of' the place is part of the name ("Trade Development Authority of" + "Pakistan", "National
    Police of" + "Colombia"): the name keeps it and the place is its country. After 'in' it is where
    the body sits ("Office of the Attorney General for the Defense of Minors" + "in Veracruz"): the
    name ends before 'in'. Otherwise both unchanged."""
    last = next((t for t in touched if t.end == end and t.label_ == "GPE"), None)
    if last is None or last.start - start < 3:
        return end, touched
    k = last.start - 1
    k -= doc[k].lower_ == "the"
    rest = [t for t in touched if t is not last]
    if doc[k].lower_ == "of" and doc[k - 1].lower_ in keywords and k - 1 > start:
        return end, rest
    if doc[k].lower_ == "in" and doc[k - 1].text[:1].isupper() and k > start:
        return k, [t for t in rest if t.end <= k]
    return end, touched
