"""Faster equivalents of two base-model components, set up once the pipeline is built.

Both leave every token attribute exactly as the base model's own components set it:

* ``attribute_ruler``: its patterns go through a :class:`~extractors.nlp.components.matching.
  FilteredMatcher` (a one-token pattern of plain words is a lookup, the rest are tried only where
  their words occur); its ``match`` still sorts the matches by rule, as spaCy's own does.
* ``lemmatizer`` (rule or lookup mode): a lemma depends only on the token's text, part of speech
  and morphology, so it is computed once per such triple and written for the whole document in
  one array (spaCy's own rule mode recomputes the base-form check for every token).

Only :meth:`Language.pipe` uses the faster path (it calls a component's ``pipe``); ``nlp(text)``
runs the original components, with the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

from extractors.nlp.components.matching import FilteredMatcher


def speed_up(nlp: Language) -> None:
    """The faster ``attribute_ruler`` and ``lemmatizer`` for ``nlp.pipe``, where the pipeline has them."""
    if "attribute_ruler" in nlp.pipe_names:
        filter_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) in (
        "rule",
        "lookup",
    ):
        memo_lemmatizer(nlp.get_pipe("lemmatizer"))


def filter_attribute_ruler(ruler) -> None:
    """The ``attribute_ruler`` matching with a :class:`FilteredMatcher` of its patterns (patterns
    added to the ruler afterwards are not seen: call this once the pipeline is built)."""
    pairs = [(str(i), pattern) for i in range(len(ruler.attrs)) for pattern in ruler.matcher.get(str(i))[1]]
    matcher = FilteredMatcher(ruler.vocab, pairs)

    def match(doc: Doc):
        found = matcher(doc, allow_missing=True)
        return sorted((int(ruler.vocab.strings[m_id]), m_id, s, e) for m_id, s, e in found)

    ruler.match = match


def memo_lemmatizer(lemmatizer, most: int = 500_000) -> None:
    """``lemmatizer.pipe`` setting each document's lemmas from a table of (text, part of speech,
    morphology) -> lemma, filled by the lemmatizer's own ``lemmatize`` (at most ``most`` entries)."""
    memo: dict[tuple[int, int, int], int] = {}
    strings = lemmatizer.vocab.strings

    def lemmatize(doc: Doc) -> Doc:
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = strings.add(lemmatizer.lemmatize(doc[i])[0])
                if len(memo) >= most:
                    memo.clear()
                memo[key] = value
            lemmas[i] = value
        if len(doc):
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:  # noqa: ARG001 - spaCy's signature
        for doc in stream:
            yield lemmatize(doc)

    lemmatizer.pipe = pipe
