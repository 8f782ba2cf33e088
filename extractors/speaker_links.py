"""Claims joined to the officials and agencies they come from: ``official_id`` / ``agency_id``.

Contract of :func:`link_speakers`: one document's records in, the same records out with each
claim's ``official_id`` and ``agency_id`` set from that document's ``officials`` and ``agencies``
rows, so "what did FIA officials say" is one join:

* a person speaker is the official of the same name ("Binta Bello" -> her officials row), and the
  agency is that official's organisation when it is an agencies row;
* an organisation speaker is the agency of that name or acronym ("the FIA said" -> the Federal
  Investigation Agency row);
* an unnamed speaker belongs to the agency its description names ("a senior FIA official", "a
  spokesman for the National Agency for the Prohibition of Trafficking in Persons").
Reports and speakers that match nothing keep both ids empty.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.records import Agency, Claim, Official, Records


def _key(s: str | None) -> str:
    return " ".join((s or "").lower().replace("\u00ad", "").split())


def _agency_index(agencies: tuple[Agency, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in agencies:
        for k in (a.name, a.acronym):
            if k:
                out.setdefault(_key(k), a.id)
    return out


def _named_in(text: str, index: dict[str, str]) -> str | None:
    """The agency whose longest name or acronym occurs as whole words in ``text``."""
    low = _key(text)
    hits = [k for k in index if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", low)]
    return index[max(hits, key=len)] if hits else None


def _link(c: Claim, officials: dict[str, Official], agencies: dict[str, str]) -> Claim:
    if c.speaker_kind == "person":
        off = officials.get(_key(c.speaker))
        if off is None:
            return c
        return replace(c, official_id=off.id, agency_id=agencies.get(_key(off.organisation)))
    if c.speaker_kind == "organisation":
        return replace(c, agency_id=agencies.get(_key(c.speaker)) or _named_in(c.speaker or "", agencies))
    if c.speaker_kind == "unnamed" and c.speaker:
        return replace(c, agency_id=_named_in(c.speaker, agencies))
    return c


def link_speakers(records: Records) -> Records:
    """``records`` (one document) with every claim's ``official_id`` and ``agency_id`` set."""
    if not records.claims:
        return records
    officials = {_key(o.name): o for o in records.officials}
    agencies = _agency_index(records.agencies)
    return replace(records, claims=tuple(_link(c, officials, agencies) for c in records.claims))
