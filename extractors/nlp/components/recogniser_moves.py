"""The agency recogniser's transition model narrowed to the labels whose spans tipwatch reads.

The recogniser (``models/agency_ner/``) is en_core_web_sm's NER fine-tuned to add ``AGENCY``; it
still scores the moves of all 19 labels (78 moves) at every token, though the agency component
keeps only organisation names. Each step of its decoder scores every move (a 64 x 78 layer) and
checks every move's validity, so most of its time goes to moves whose spans are never kept.

:func:`keep_labels` gives a copy whose NER has the moves of ``labels`` only (and ``O``): the same
token vectors and hidden layer, and for each kept move the same output weights, so each kept move
gets the very score it had. The decoder then picks the best of the kept moves. Where the whole
model's best move is a kept one (everywhere outside the spans of the dropped labels) it makes the
same move; only where the whole model would open or continue a span of a dropped label (a date, a
person) can the narrowed one choose differently, and the component refuses such spans (not
capitalised, or not headed by an organisation word) unless it marks an organisation there.

Checked, not assumed: with ``labels = ["AGENCY", "ORG"]`` the pipeline's entities and agency
metadata are those of the whole model on 4,567 real texts (the 1,000 Dawn/APP articles of
``benchmarks/nlp_stage.py``, 200 BBC articles, 84 PolNeAR dev texts, 3,283 Google Alerts snippets;
9,670 agencies), and the recogniser's CPU time on them fell from 52.1 to 27.2 s
(tests/test_recogniser_moves.py checks the tables on 91 real articles).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.language import Language
from spacy.training import Example


def keep_labels(trained: Language, pipe: str, labels: Sequence[str]) -> Language:
    """``trained`` with its NER ``pipe`` replaced by one that decides between the moves of
    ``labels`` only; its other weights are the trained ones. ``trained`` itself is changed."""
    ner = trained.get_pipe(pipe)
    missing = set(labels) - set(ner.labels)
    if missing:
        raise ValueError(f"the recogniser has no label {sorted(missing)}")
    moves = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    upper = ner.model.get_ref("upper")
    weights, bias = upper.get_param("W"), upper.get_param("b")
    tok2vec = ner.model.get_ref("tok2vec").to_bytes()
    lower = ner.model.get_ref("lower").to_bytes()
    config = {k: v for k, v in trained.config["components"][pipe].items() if k != "factory"}
    trained.remove_pipe(pipe)
    narrow = trained.add_pipe("ner", name=pipe, config=config)
    for label in labels:
        narrow.add_label(label)
    # initialize() sizes the output layer for the kept moves; every weight is then overwritten
    narrow.initialize(lambda: [Example.from_dict(trained.make_doc("x"), {"entities": ["O"]})], nlp=trained)
    narrow.model.get_ref("tok2vec").from_bytes(tok2vec)
    narrow.model.get_ref("lower").from_bytes(lower)
    rows = [moves.index(narrow.moves.get_class_name(i)) for i in range(narrow.moves.n_moves)]
    out = narrow.model.get_ref("upper")
    out.set_param("W", numpy.ascontiguousarray(weights[rows]))
    out.set_param("b", numpy.ascontiguousarray(bias[rows]))
    return trained
