"""Participles that open the sentence of a reporting verb and name its topic, not a statement.

"Commenting on the report on TV3, Nana Oye Lithur said that …", "Responding to a question, he
said …": the participle says what the speaker talked about; what they said is the main verb's
claim. The guideline counts no claim whose object is a topic ("informed about the theft"), so
the participle's claim goes when its head verb makes a claim of its own. Such a participle with
its preposition in a modifier ("In a statement responding to the report, …", "after responding to
reports of forced labour", "when responding to a question") names only what was answered and
goes too (fresh sets b and d, world_dev; PolNeAR train annotates 5 of 24 such phrases). The lemmas are
``topic_openers`` in ``claim_lexicon.toml``; "Citing X, Y said" stays a claim (PolNeAR annotates
it, and what is cited is a source's content).
"""

from __future__ import annotations

from extractors.nlp.claims.lexicon import _TOPIC_OPENERS
from extractors.nlp.claims.spans import _Claim


def topic_opener(c: _Claim, cue_tokens: set[int]) -> bool:
    """``c``'s cue is a present participle of a ``topic_openers`` lemma that opens an adverbial
    clause before its head verb, and that head is the cue of another claim (``cue_tokens``: the
    token indices of all claims' cues); or such a participle in a modifier with its preposition
    and object ("In a statement responding to the report, …", "after responding to reports of
    forced labour", "when responding to a question"): the object is what it answers, a topic."""
    cue = c.cue
    head = cue.head
    if cue.tag_ != "VBG" or cue.lemma_.lower() not in _TOPIC_OPENERS:
        return False
    if cue.dep_ in _MODIFIER_DEPS and c.cue_end > cue.idx + len(cue):
        return True
    return cue.dep_ == "advcl" and cue.i < head.i and head.i in cue_tokens


# where a participle modifies a clause, a noun or a preposition ("when responding", "a
# statement responding", "after responding")
_MODIFIER_DEPS = ("advcl", "acl", "pcomp")
