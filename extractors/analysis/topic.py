"""Whether a claim is about the US Trafficking in Persons ranking (and so checkable against its rows).

Contract of :func:`tip_topic`: a claim's content, its evidence sentence and whether its document
speaks of the TIP report in; ``(True, "")`` or ``(False, reason)`` out. The phrases are data
(``models/patterns/claim_topics.toml``):

* a claim naming a tier or the watch list is about the TIP ranking ("Pakistan was placed on the
  Tier 2 Watch List") — unless it names another index and no tier ("ranked 117 out of 180 on
  Transparency International's index" is about that index, even in an article about trafficking);
* otherwise it needs the TIP report or trafficking in the claim or its sentence, or a document that
  speaks of the TIP report ("Pakistan was downgraded in 2018, the minister said" in a TIP story);
* a claim naming another index ("improved its ranking on the Global Slavery Index") is not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.assets import MODELS_DIR, read_toml

TOPICS = MODELS_DIR / "patterns" / "claim_topics.toml"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = read_toml(str(TOPICS))
    return {
        k: re.compile("|".join(f"(?:{p})" for p in data[k]), re.I) for k in ("tier", "tip", "other_index")
    }


def tip_topic(content: str, evidence: str = "", tip_document: bool = False) -> tuple[bool, str]:
    """(about the TIP ranking?, why not)."""
    p = _patterns()
    named_tier = bool(p["tier"].search(content))
    other = p["other_index"].search(content)
    if other and not named_tier:
        return False, f"about another ranking ({other.group(0)}), not the TIP report"
    if named_tier or p["tip"].search(content) or p["tip"].search(evidence or "") or tip_document:
        return True, ""
    return False, "the claim does not say it is about the TIP ranking"


def mentions_tip(text: str) -> bool:
    """The text speaks of the TIP report or trafficking (a document-level signal for :func:`tip_topic`)."""
    p = _patterns()
    return bool(p["tip"].search(text) or p["tier"].search(text))
