"""Verb cues that report nobody's statement (the guideline's "Not claims"), decided on the parsed
cue once its claim is made and before nested claims are dropped (``ClaimFinder.__call__``), so
the claim around such a view stays.

- A passive of believing or finding with no "by" agent (``sourceless_passives``): "It is
  believed that …", "sentences … are deemed insufficient", "it has been found that …". Like
  "reportedly" or "said to be" without a source, nobody is said to hold the view. The passives
  of saying ("the conference was told", "it was informed") stay claims with no speaker.
- An impression of a state (``state_impressions`` with an infinitive of "be": "the victims
  appeared to have been abused", "the women appeared to be healthy"): what the writer saw, not
  what anyone said. "Trump appeared to suggest …" (a verb of saying) and "it appeared that …"
  stay. The list is empty for now (PolNeAR annotates these: see its note).
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.nlp.claims.lexicon import _SOURCELESS_PASSIVES, _STATE_IMPRESSIONS


def sourceless(cue: Token) -> bool:
    """``cue`` is an agentless passive of a ``sourceless_passives`` lemma or an impression of a
    state."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    if lemma in _SOURCELESS_PASSIVES:
        return (
            cue.tag_ == "VBN"
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
            and not any(c.dep_ == "agent" for c in children)
        )
    if lemma in _STATE_IMPRESSIONS:
        return any(c.dep_ == "xcomp" and _is_be(c) for c in children)
    return False


def _is_be(verb: Token) -> bool:
    """An infinitive of "be": "to be healthy", "to be talking", "to have been abused"."""
    return verb.lemma_ == "be" or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in verb.children
    )
