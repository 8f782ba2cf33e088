"""Which province a document is about, and each province's names and police force.

From ``gazetteers/provinces.csv`` (province, aliases, police) and ``gazetteers/places.csv``
(place, province). :meth:`Provinces.of_document` is the dateline's province ("LAHORE:" ->
Punjab), else the most mentioned one; the entity rules store it in ``doc.user_data[PROVINCE]``
and resolve provincial departments and local police with it.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from extractors.assets import split_aliases
from extractors.nlp.components.rule_files import rows

# "LAHORE:", "ISLAMABAD, Feb 17 (APP):", "KARACHI, Feb 12 (APP):" at the start of a line.
_DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z .'-]{2,30}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Z]{2,6}\))?\s*:"
)


def dateline_place(text: str) -> str | None:
    """The place of the text's dateline, lower case ("KARACHI, Feb 12 (APP):" -> "karachi")."""
    m = _DATELINE.search(text[:600])
    return m.group(1).strip().lower() if m else None


class Provinces:
    def __init__(self, provinces: str | None, places: str | None):
        self.province_of: dict[str, str] = {}  # lower-case name or alias -> province
        self.police_of: dict[str, str] = {}  # province -> its police force
        for row in rows(provinces) if provinces else []:
            for form in [row["province"], *split_aliases(row["aliases"])]:
                self.province_of[form.lower()] = row["province"]
            self.police_of[row["province"]] = row["police"]
        self.place_province = {r["place"].lower(): r["province"] for r in (rows(places) if places else [])}

    def of_document(self, doc: Doc) -> str | None:
        """The dateline's province ("KARACHI, Feb 12 (APP):" -> Sindh), else the most mentioned
        province, counting provinces and places ("Memon Goth", "Lahore") in title or upper case."""
        place = dateline_place(doc.text)
        if place:
            prov = self.place_province.get(place) or self.province_of.get(place)
            if prov:
                return prov
        counts: Counter = Counter()
        for tok in doc:
            if tok.is_title or tok.is_upper:
                for n in (2, 1):
                    phrase = doc[tok.i : tok.i + n].text.lower()
                    prov = self.province_of.get(phrase) or self.place_province.get(phrase)
                    if prov:
                        counts[prov] += 1
                        break
        return counts.most_common(1)[0][0] if counts else None

    def named_before(self, doc: Doc, start: int) -> tuple[str | None, int]:
        """The province named right before token ``start`` and the token where its name begins
        ("Punjab home department", "Khyber Pakhtunkhwa labour department"), else (None, start)."""
        if start == 0:
            return None, start
        one = self.province_of.get(doc[start - 1].lower_)
        if one:
            return one, start - 1
        two = self.province_of.get(doc[start - 2 : start].text.lower()) if start > 1 else None
        return (two, start - 2) if two else (None, start)
