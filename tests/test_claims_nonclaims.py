"""What the guideline counts as no claim, through the real pipeline: exact (speaker, kind, cue,
content) records of invented sentences built on constructions that recur in the fresh audit
sets' outlets (``extractors/nlp/claims/nonclaims.py``, ``verbal.py``, ``openers.py``; word lists in
``models/patterns/claim_lexicon.toml``)."""

from __future__ import annotations

import pytest

from extractors.nlp.claims import CLAIMS


def records(nlp, text: str) -> list[tuple]:
    return [
        (c["speaker"], c["speaker_kind"], c["cue"], text[c["start"] : c["end"]])
        for c in nlp(text).user_data[CLAIMS]
    ]


NOT_CLAIMS = [
    # a belief or finding in the passive with nobody behind it: like "reportedly"
    "It is believed that thousands of workers were moved across the border.",
    "The sentences given to the traffickers are deemed too lenient.",
    # an impression of a state: what the writer saw
    "Several of the rescued women appeared to be exhausted.",
    # a charge
    "Police charged the driver with trafficking two children.",
    # a topic answered, not a statement
    "After responding to reports of forced labour, officers arrested two men at the farm.",
    # identifying is an action unless something is named "as" something
    "The agency identified 40 victims last year.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_no_claim(nlp, text):
    assert records(nlp, text) == []


STILL_CLAIMS = [
    # passive reporting stays a claim with no speaker (the guideline's "was told")
    (
        "The conference was told that the network had collapsed.",
        [(None, "unnamed", "was told", "the network had collapsed")],
    ),
    (
        "The opposition charged that the audit was flawed.",
        [("The opposition", "unnamed", "charged", "the audit was flawed")],
    ),
    (
        "The spokesman identified the suspects as two local men.",
        [("The spokesman", "unnamed", "identified", "the suspects as two local men")],
    ),
    (
        "In a statement responding to the ruling, the minister said the court had erred.",
        [("the minister", "unnamed", "said", "the court had erred")],
    ),
]


@pytest.mark.parametrize("text, expected", STILL_CLAIMS)
def test_still_a_claim(nlp, text, expected):
    assert records(nlp, text) == expected
