"""What the guideline counts as no claim, and "According to X" opening a sentence, through the
real pipeline: exact records of invented sentences built on constructions that recur in the
fresh audit sets' outlets (``extractors/nlp/claims/nonclaims.py``, ``verbal.py``, ``openers.py``,
``nominal.py``; word lists in ``models/patterns/claim_lexicon.toml``)."""

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
    # a charge with an infinitive is a directive ("charged Ghana to end …")
    (
        "The donor charged the government to end child labour before the grant.",
        [("The donor", "unnamed", "charged", "the government to end child labour before the grant")],
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


ACCORDING_TO_OPENING = [
    # the source's comma after a bracketed acronym or a quoted title
    (
        "According to the Anti-Slavery Network (ASN), most of the victims were women.",
        "most of the victims were women",
    ),
    (
        "As per ‘Trafficking in Persons Report’, forced labour in the mines has fallen.",
        "forced labour in the mines has fallen",
    ),
    # no comma: the clause's subject starts right after the source
    (
        "According to Mwangi the gang has been moving people to the coast.",
        "the gang has been moving people to the coast",
    ),
]


@pytest.mark.parametrize("text, content", ACCORDING_TO_OPENING)
def test_sentence_initial_according_to(nlp, text, content):
    assert [(r[2], r[3]) for r in records(nlp, text)] == [(text.split()[0] + " " + text.split()[1], content)]
