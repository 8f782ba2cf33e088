"""Verb cues that report nobody's statement (the guideline's "Not claims"), decided on the parsed
cue once its claim is made and before nested claims are dropped (``ClaimFinder.__call__``), so
the claim around such a view stays.

- A passive of believing or finding with no "by" agent (``sourceless_passives``): "It is
  believed that …", "sentences … are deemed insufficient", "it has been found that …". Like
  "reportedly" or "said to be" without a source, nobody is said to hold the view. The passives
  of saying ("the conference was told", "it was informed") stay claims with no speaker.

Impressions of a state ("the victims appeared to be healthy") stay claims: PolNeAR annotates
them as attributions (on 320 PolNeAR train articles, 23 of the 38 "appear" claims a rule would
drop are gold ones; "seem" on dev: 2 of 2), so no rule removes them (wt-cue4, stop 35).
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.nlp.claims.lexicon import _SOURCELESS_PASSIVES


def sourceless(cue: Token) -> bool:
    """``cue`` is an agentless passive of a ``sourceless_passives`` lemma."""
    children = list(cue.children)
    return (
        cue.lemma_.lower() in _SOURCELESS_PASSIVES
        and cue.tag_ == "VBN"
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        and not any(c.dep_ == "agent" for c in children)
    )
