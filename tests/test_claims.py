"""Claim rules on tiny hand-parsed docs: exact records, independent of the statistical model.

Each doc is built token by token with its parse (POS, dependency, head) and entities, as the base
model and the tipwatch entity/official components would leave it, so these tests pin the rules in
``extractors/claims.py`` and not the model's parse. Model quality is pinned by the evaluation
floors (``tests/test_floor_claims.py``) and the seed article (``tests/test_seed.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractors.extract import Chunk, RecordBuilder
from extractors.nlp.claims import CLAIMS, ClaimFinder, claim_type, quote_spans
from extractors.nlp.components.officials import PEOPLE, PERSON_AT
from extractors.parse.documents import Document

MODELS = Path(__file__).resolve().parents[1] / "models"
NO_SPACE_BEFORE = {",", ".", "”", ":", "?", "''", "’s"}
NO_SPACE_AFTER = {"“", "\n"}


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def finder():
    return ClaimFinder(
        spacy.blank("en"),
        "tipwatch_claims",
        cues=str(MODELS / "patterns" / "cues.csv"),
        claim_types=str(MODELS / "patterns" / "claim_types.csv"),
        cue_nouns=str(MODELS / "patterns" / "cue_nouns.csv"),
    )


def build(vocab, spec: str, ents=(), people=()) -> Doc:
    """``spec``: one token per line, ``word POS dep head [lemma]`` (head: absolute token index).

    ``ents``: (start, end, label, id) token ranges; ``people``: (name, title, [token ranges]) as the
    officials component records them (``PEOPLE``/``PERSON_AT``).
    """
    rows = [line.split() for line in spec.strip().splitlines()]
    words = [r[0].replace("NL", "\n") for r in rows]
    spaces = [
        not (
            w in NO_SPACE_AFTER
            or (i + 1 < len(words) and (words[i + 1] in NO_SPACE_BEFORE or words[i + 1] == "\n"))
        )
        for i, w in enumerate(words)
    ]
    spaces[-1] = False
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[int(r[3]) for r in rows],
        lemmas=[r[4] if len(r) > 4 else r[0].lower() for r in rows],
    )
    doc.ents = [Span(doc, s, e, label=label, span_id=ent_id or "") for s, e, label, ent_id in ents]
    person_at = {}
    records = []
    for name, title, ranges in people:
        records.append(
            {"name": name, "title": title, "organisation": None, "mentions": list(ranges), "first": ranges[0]}
        )
        for s, e in ranges:
            for i in range(s, e):
                person_at[i] = name
    doc.user_data[PEOPLE] = records
    doc.user_data[PERSON_AT] = person_at
    return doc


def claims(finder, doc) -> list[tuple]:
    """(speaker, kind, source text, cue offsets text, table cue, content, direct) per claim."""
    finder(doc)
    t = doc.text
    out = []
    for c in doc.user_data[CLAIMS]:
        src = t[c["speaker_start"] : c["speaker_end"]] if c["speaker_start"] is not None else None
        out.append(
            (
                c["speaker"],
                c["speaker_kind"],
                src,
                t[c["cue_start"] : c["cue_end"]],
                c["cue"],
                t[c["start"] : c["end"]],
                c["direct"],
            )
        )
    return out


# -- quotations ---------------------------------------------------------------------------------


def test_quote_spans_curly_straight_and_ascii_double_apostrophes():
    text = "“One two three,” he said.\n\"Four five\" and ''six seven.''"
    assert [text[s:e] for s, e in quote_spans(text)] == ["One two three,", "Four five", "six seven."]


def test_quote_left_open_runs_to_the_paragraph_end_and_stray_closers_skip_the_paragraph():
    text = "“First paragraph of a long quote.\n“Second one.”\nA stray” mark “here”."
    assert [text[s:e] for s, e in quote_spans(text)] == ["First paragraph of a long quote.", "Second one."]


def test_quote_reopened_after_a_sentence_end_is_a_new_quotation():
    # a quote over several paragraphs whose breaks were lost: “A. “B,” he said.
    text = '“Prices rose. “Wages did not,” he said. She said "No. "Never," twice. A “so-called” test.'
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "Prices rose. ",
        "Wages did not,",
        "No. ",
        "Never,",
        "so-called",
    ]
    # a reopening mark that does not follow a sentence end still leaves the paragraph unbalanced
    assert quote_spans("“Prices rose and “wages fell”.") == []


# -- indirect -----------------------------------------------------------------------------------


def test_indirect_said_that(vocab, finder):
    doc = build(
        vocab,
        """
        Ali PROPN compound 1
        Khan PROPN nsubj 2
        said VERB ROOT 2 say
        that SCONJ mark 7
        the DET det 5
        report NOUN nsubj 7
        was AUX aux 7 be
        wrong ADJ ccomp 2
        . PUNCT punct 2
    """,
        ents=[(0, 2, "PERSON", "")],
        people=[("Ali Khan", None, [(0, 2)])],
    )
    # the complementiser "that" stays out of the content (news guideline; the scorers ignore it)
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Ali Khan", "said", "said", "the report was wrong", False)
    ]


def test_table_cue_drops_the_auxiliary_before_an_adverb_but_not_a_lone_or_negated_one(vocab, finder):
    spec = """
        Khan PROPN nsubj 3
        had AUX aux 3 have
        also ADV advmod 3
        said VERB ROOT 3 say
        prices NOUN nsubj 5 price
        rose VERB ccomp 3 rise
        . PUNCT punct 3
    """
    doc = build(vocab, spec, people=[("Ali Khan", None, [(0, 1)])])
    # the offsets keep the verb group (PolNeAR's cue), the table the verb ("had also said" -> "said")
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "had also said", "said", "prices rose", False)
    ]
    doc = build(vocab, spec.replace("also ADV advmod", "not PART neg"), people=[("Ali Khan", None, [(0, 1)])])
    assert [c[4] for c in claims(finder, doc)] == ["had not said"]
    doc = build(
        vocab,
        spec.replace("also ADV advmod 3", "earlier ADV advmod 3"),
        people=[("Ali Khan", None, [(0, 1)])],
    )
    assert [c[4] for c in claims(finder, doc)] == ["said"]


def test_went_on_to_say_is_one_cue(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN nsubj 1
        went VERB ROOT 1 go
        on ADP prt 1
        to PART aux 4
        say VERB advcl 1 say
        prices NOUN nsubj 6 price
        rose VERB ccomp 4 rise
        . PUNCT punct 1
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "went on to say", "went on to say", "prices rose", False)
    ]


def test_content_opening_the_text_leaves_out_its_dateline_and_title_line(vocab, finder):
    spec = """
        KUALA PROPN compound 1
        LUMPUR PROPN npadvmod 4
        — PUNCT punct 4
        Prices NOUN nsubj 4 price
        rose VERB ccomp 7 rise
        , PUNCT punct 7
        officials NOUN nsubj 7 official
        said VERB ROOT 7 say
        . PUNCT punct 7
    """
    doc = build(vocab, spec)
    assert doc.text == "KUALA LUMPUR — Prices rose, officials said."
    assert [c[5] for c in claims(finder, doc)] == ["Prices rose"]
    doc = build(vocab, spec.replace("— PUNCT punct 4", "NL SPACE dep 4"))
    assert doc.text == "KUALA LUMPUR\nPrices rose, officials said."
    assert [c[5] for c in claims(finder, doc)] == ["Prices rose"]
    doc = build(vocab, spec.replace("KUALA PROPN compound 1", "The DET det 1").replace("— PUNCT", ", PUNCT"))
    assert doc.text == "The LUMPUR, Prices rose, officials said."
    assert [c[5] for c in claims(finder, doc)] == ["The LUMPUR, Prices rose"]


def test_told_reporters_that_keeps_the_recipient_out(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN nsubj 1
        told VERB ROOT 1 tell
        reporters NOUN dobj 1 reporter
        that SCONJ mark 6
        raids NOUN nsubj 6 raid
        were AUX aux 6 be
        continuing VERB ccomp 1 continue
        . PUNCT punct 1
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "told", "told", "raids were continuing", False)
    ]


def test_participle_shares_the_source_and_splits_the_content(vocab, finder):
    doc = build(
        vocab,
        """
        He PRON nsubj 1
        said VERB ROOT 1 say
        arrests NOUN nsubj 3 arrest
        rose VERB ccomp 1 rise
        , PUNCT punct 1
        adding VERB advcl 1 add
        that SCONJ mark 9
        cases NOUN nsubj 9 case
        had AUX aux 9 have
        fallen VERB ccomp 5 fall
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [
        ("He", "unnamed", "He", "said", "said", "arrests rose", False),
        ("He", "unnamed", "He", "adding", "adding", "cases had fallen", False),
    ]


def test_verb_group_in_the_offsets_adverb_dropped_from_the_table_cue(vocab, finder):
    doc = build(
        vocab,
        """
        The DET det 1
        minister NOUN nsubj 3
        also ADV advmod 3
        stressed VERB ROOT 3 stress
        the DET det 5
        need NOUN dobj 3
        for ADP prep 5
        reform NOUN pobj 6
        . PUNCT punct 3
    """,
        people=[("Mohsin Naqvi", "interior minister", [(20, 22)])],
    )
    # the titled person is mentioned after this sentence: "the minister" stays a description
    assert claims(finder, doc) == [
        ("The minister", "unnamed", "The minister", "also stressed", "stressed", "the need for reform", False)
    ]


def test_passive_was_told_has_no_speaker(vocab, finder):
    doc = build(
        vocab,
        """
        Rankings NOUN nsubj 1 ranking
        improved VERB ccomp 6 improve
        , PUNCT punct 6
        the DET det 4
        conference NOUN nsubjpass 6
        was AUX auxpass 6 be
        told VERB ROOT 6 tell
        . PUNCT punct 6
    """,
    )
    assert claims(finder, doc) == [
        (None, "unnamed", None, "was told", "was told", "Rankings improved", False)
    ]


def test_according_to_an_agency(vocab, finder):
    doc = build(
        vocab,
        """
        According VERB prep 6 accord
        to ADP prep 0
        the DET det 3
        FIA PROPN pobj 1
        , PUNCT punct 6
        arrests NOUN nsubj 6 arrest
        doubled VERB ROOT 6 double
        . PUNCT punct 6
    """,
        ents=[(3, 4, "AGENCY", "Federal Investigation Agency")],
    )
    assert claims(finder, doc) == [
        (
            "Federal Investigation Agency",
            "organisation",
            "the FIA",
            "According to",
            "According to",
            "arrests doubled",
            False,
        )
    ]


def test_report_as_speaker_and_unnamed_official(vocab, finder):
    doc = build(
        vocab,
        """
        The DET det 1
        report NOUN nsubj 2
        said VERB ROOT 2 say
        trafficking NOUN nsubj 4
        persisted VERB ccomp 2 persist
        . PUNCT punct 2
        A DET det 9
        senior ADJ amod 9
        FIA PROPN compound 9
        official NOUN nsubj 10
        said VERB ROOT 10 say
        the DET det 12
        case NOUN nsubj 14
        was AUX aux 14 be
        closed VERB ccomp 10 close
        . PUNCT punct 10
    """,
        ents=[(8, 9, "AGENCY", "Federal Investigation Agency")],
    )
    # sentence boundaries follow the roots
    assert claims(finder, doc) == [
        ("report", "report", "The report", "said", "said", "trafficking persisted", False),
        (
            "A senior FIA official",
            "unnamed",
            "A senior FIA official",
            "said",
            "said",
            "the case was closed",
            False,
        ),
    ]


# -- direct -------------------------------------------------------------------------------------


def test_direct_quote_cue_after_resolves_surname(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 7
        Numbers NOUN nsubj 2 number
        rose VERB ccomp 7 rise
        sharply ADV advmod 2
        , PUNCT punct 7
        ” PUNCT punct 7
        Khan PROPN nsubj 7
        told VERB ROOT 7 tell
        reporters NOUN dobj 7 reporter
        . PUNCT punct 7
    """,
        people=[("Ali Khan", None, [(6, 7)])],
    )
    assert doc.text == "“Numbers rose sharply,” Khan told reporters."
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "told", "told", "Numbers rose sharply", True)
    ]


def test_inverted_said_smith_and_quote_interrupted_by_its_attribution(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 6
        Prices NOUN nsubj 2 price
        rose VERB ccomp 6 rise
        again ADV advmod 2
        , PUNCT punct 6
        ” PUNCT punct 6
        said VERB ROOT 6 say
        Smith PROPN nsubj 6
        . PUNCT punct 6
        “ PUNCT punct 13
        Wages NOUN nsubj 13 wage
        did AUX aux 13 do
        not PART neg 13
        follow VERB ROOT 13
        . PUNCT punct 13
        ” PUNCT punct 13
    """,
        people=[("Tom Smith", None, [(7, 8)])],
    )
    assert doc.text == "“Prices rose again,” said Smith. “Wages did not follow.”"
    # a quote that continues after its attribution is a claim of its own, same speaker and cue
    assert claims(finder, doc) == [
        ("Tom Smith", "person", "Smith", "said", "said", "Prices rose again", True),
        ("Tom Smith", "person", "Smith", "said", "said", "Wages did not follow", True),
    ]


def test_quote_after_its_attribution_with_the_cue_found_before_it_is_a_second_claim(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 6
        Prices NOUN nsubj 2 price
        rose VERB ccomp 6 rise
        , PUNCT punct 6
        ” PUNCT punct 6
        Smith PROPN nsubj 6
        said VERB ROOT 6 say
        . PUNCT punct 6
        “ PUNCT punct 10
        Wages NOUN nsubj 10 wage
        fell VERB ROOT 10 fall
        ? PUNCT punct 10
        ” PUNCT punct 10
    """,
        people=[("Tom Smith", None, [(5, 6)])],
    )
    assert doc.text == "“Prices rose,” Smith said. “Wages fell?”"
    assert claims(finder, doc) == [
        ("Tom Smith", "person", "Smith", "said", "said", "Prices rose", True),
        ("Tom Smith", "person", "Smith", "said", "said", "Wages fell?", True),
    ]


def test_quoted_phrase_inside_the_next_sentence_does_not_continue_the_quote(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 6
        Prices NOUN nsubj 2 price
        rose VERB ccomp 6 rise
        again ADV advmod 2
        , PUNCT punct 6
        ” PUNCT punct 6
        said VERB ROOT 6 say
        Smith PROPN nsubj 6
        . PUNCT punct 6
        Costs NOUN nsubj 10 cost
        are AUX ROOT 10 be
        “ PUNCT punct 14
        very ADV advmod 14
        plainly ADV advmod 14
        high ADJ acomp 10
        ” PUNCT punct 10
        . PUNCT punct 10
    """,
        people=[("Tom Smith", None, [(7, 8)])],
    )
    assert doc.text == "“Prices rose again,” said Smith. Costs are “very plainly high”."
    assert claims(finder, doc) == [
        ("Tom Smith", "person", "Smith", "said", "said", "Prices rose again", True)
    ]


def test_quote_reopened_in_its_paragraph_is_a_claim_of_its_own(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN nsubj 1
        said VERB ROOT 1 say
        : PUNCT punct 1
        “ PUNCT punct 5
        Prices NOUN nsubj 5 price
        rose VERB ccomp 1 rise
        . PUNCT punct 5
        “ PUNCT punct 9
        Wages NOUN nsubj 9 wage
        fell VERB ROOT 9 fall
        . PUNCT punct 9
        ” PUNCT punct 9
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    # a quote over two paragraphs whose break was lost: one claim per paragraph, as gold has it
    assert doc.text == "Khan said: “Prices rose. “Wages fell.”"
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "said", "said", "Prices rose", True),
        ("Ali Khan", "person", "Khan", "said", "said", "Wages fell", True),
    ]


def test_cue_before_with_colon_and_continuation_paragraph_with_pronoun(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN nsubj 1
        said VERB ROOT 1 say
        : PUNCT punct 1
        “ PUNCT punct 5
        Raids NOUN nsubj 5 raid
        continue VERB ccomp 1
        . PUNCT punct 1
        ” PUNCT punct 1
        NL SPACE dep 7
        “ PUNCT punct 11
        More ADJ amod 11
        arrests NOUN nsubj 11 arrest
        follow VERB ROOT 11
        . PUNCT punct 11
        ” PUNCT punct 11
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    assert doc.text == "Khan said: “Raids continue.”\n“More arrests follow.”"
    # the quotation opening the next paragraph is a claim of its own with the same speaker and cue
    # (world_dev gold: 'She said: “In fact, …\n\n“The US Report had pointed …' is two claims)
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "said", "said", "Raids continue", True),
        ("Ali Khan", "person", "Khan", "said", "said", "More arrests follow", True),
    ]


def test_pronoun_speaker_is_the_last_speaker_not_the_last_name(vocab, finder):
    doc = build(
        vocab,
        """
        Tarar PROPN nsubj 1
        said VERB ROOT 1 say
        Sharif PROPN nsubj 3
        met VERB ccomp 1 meet
        officials NOUN dobj 3 official
        . PUNCT punct 1
        He PRON nsubj 7
        said VERB ROOT 7 say
        talks NOUN nsubj 9 talk
        continue VERB ccomp 7
        . PUNCT punct 7
    """,
        people=[("Attaullah Tarar", "minister", [(0, 1)]), ("Shehbaz Sharif", "prime minister", [(2, 3)])],
    )
    assert [(c[0], c[2], c[5]) for c in claims(finder, doc)] == [
        ("Attaullah Tarar", "Tarar", "Sharif met officials"),
        ("Attaullah Tarar", "He", "talks continue"),
    ]


def test_nested_attribution_keeps_the_outermost(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN nsubj 1
        said VERB ROOT 1 say
        officials NOUN nsubj 3 official
        claimed VERB ccomp 1 claim
        arrests NOUN nsubj 5 arrest
        rose VERB ccomp 3 rise
        . PUNCT punct 1
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "said", "said", "officials claimed arrests rose", False)
    ]


# -- records: linked countries, tiers, years and claim type --------------------------------------


def test_claim_record_links_countries_tiers_years_and_type(vocab, finder):
    doc = build(
        vocab,
        """
        The DET det 1
        report NOUN nsubj 2
        said VERB ROOT 2 say
        Pakistan PROPN nsubj 4
        remained VERB ccomp 2 remain
        on ADP prep 4
        Tier PROPN pobj 5
        2 NUM nummod 6
        in ADP prep 4
        2024 NUM pobj 8
        . PUNCT punct 2
    """,
        ents=[(3, 4, "GPE", "Pakistan"), (6, 8, "TIER", "2"), (9, 10, "YEAR", "2024")],
    )
    finder(doc)
    document = Document(doc_id="d1", kind="news", text=doc.text)
    [c] = RecordBuilder(finder.types).build(doc, Chunk(document, 0, doc.text)).claims
    assert (c.speaker, c.speaker_kind, c.cue, c.content, c.direct) == (
        "report",
        "report",
        "said",
        "Pakistan remained on Tier 2 in 2024",
        False,
    )
    assert (c.countries, c.tiers, c.years, c.claim_type) == (("Pakistan",), ("2",), (2024,), "tier_placement")


@pytest.mark.parametrize(
    "content,tiers,expected",
    [
        ("Pakistan was upgraded to Tier 2", ["2"], "ranking_change"),
        ("Pakistan remained on Tier 2", ["2"], "tier_placement"),
        ("police arrested 416 smugglers in 2024", [], "statistic"),
        ("the government should strengthen laws", [], "recommendation"),
        ("trafficking is a crime without borders", [], "assessment"),
    ],
)
def test_claim_type(finder, content, tiers, expected):
    assert claim_type(content, tiers=tiers, rules=finder.types) == expected


# -- more shapes --------------------------------------------------------------------------------


def test_noun_cue_with_possessor_source(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN poss 2
        ’s PART case 0
        call NOUN nsubj 5
        for ADP prep 2
        reform NOUN pobj 3
        drew VERB ROOT 5 draw
        . PUNCT punct 5
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    assert doc.text == "Khan’s call for reform drew."
    assert claims(finder, doc) == [("Ali Khan", "person", "Khan’s", "call for", "call for", "reform", False)]


def test_parenthetical_cue_takes_the_clause_around_it(vocab, finder):
    doc = build(
        vocab,
        """
        India PROPN nsubj 5
        , PUNCT punct 3
        it PRON nsubj 3
        says VERB parataxis 5 say
        , PUNCT punct 3
        improved VERB ROOT 5 improve
        . PUNCT punct 5
    """,
        ents=[(0, 1, "GPE", "India")],
    )
    assert claims(finder, doc) == [("it", "unnamed", "it", "says", "says", "India, it says, improved", False)]


def test_transcript_speaker_before_a_colon_but_not_a_dateline(vocab, finder):
    doc = build(
        vocab,
        """
        LAHORE PROPN ROOT 0
        : PUNCT punct 0
        Police NOUN nsubj 3
        arrested VERB ROOT 3 arrest
        ten NUM dobj 3
        . PUNCT punct 3
        NL SPACE dep 5
        WALLACE PROPN ROOT 7
        : PUNCT punct 7
        We PRON nsubj 10
        start VERB ROOT 10
        with ADP prep 10
        the DET det 13
        news NOUN pobj 11
        . PUNCT punct 10
    """,
        ents=[(0, 1, "GPE", ""), (7, 8, "PERSON", "")],
    )
    assert claims(finder, doc) == [
        ("WALLACE", "person", "WALLACE", ":", ":", "We start with the news", False)
    ]


def test_a_place_or_a_heading_before_a_colon_is_no_speaker(vocab, finder):
    """A dateline the tagger did not take for a place ("KATHMANDU: …" after the headline) and a
    link to another story ("Read Also: …") name no speaker (spk13)."""
    doc = build(
        vocab,
        """
        Gang PROPN ROOT 0
        NL SPACE dep 0
        KATHMANDU PROPN ROOT 2
        : PUNCT punct 2
        Police NOUN nsubj 5
        busted VERB ROOT 5 bust
        a DET det 7
        gang NOUN dobj 5
        . PUNCT punct 5
        NL SPACE dep 8
        Read PROPN compound 11
        Also PROPN ROOT 11
        : PUNCT punct 11
        Women PROPN nsubj 14
        exploited VERB ROOT 14 exploit
        in ADP prep 14
        Lebanon PROPN pobj 15
    """,
    )
    assert claims(finder, doc) == []


def test_quote_opened_with_a_closing_mark():
    text = "Ms Abbas remarked: ”No single agency can win this fight alone.”"
    assert [text[s:e] for s, e in quote_spans(text)] == ["No single agency can win this fight alone."]


def test_quote_signed_with_a_dash_and_a_name(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 2
        We PRON nsubj 2
        win VERB ROOT 2
        big ADV advmod 2
        today NOUN npadvmod 2
        . PUNCT punct 2
        ” PUNCT punct 2
        ― PUNCT punct 2
        Jane PROPN compound 9
        Doe PROPN ROOT 9
    """,
        ents=[(8, 10, "PERSON", "")],
    )
    assert claims(finder, doc) == [("Jane Doe", "person", "Jane Doe", "―", "―", "We win big today", True)]
    unsigned = build(
        vocab,
        """
        “ PUNCT punct 2
        Nice ADJ amod 2
        try NOUN ROOT 2
        again ADV advmod 2
        . PUNCT punct 2
        ” PUNCT punct 2
        ― PUNCT punct 2
        the DET det 8
        end NOUN ROOT 8
    """,
    )
    assert claims(finder, unsigned) == []


def test_spoke_out_about_and_poll_shows_an_object(vocab, finder):
    doc = build(
        vocab,
        """
        She PRON nsubj 1
        spoke VERB ROOT 1 speak
        out ADP prt 1
        about ADP prep 1
        the DET det 5
        need NOUN pobj 3
        for ADP prep 5
        reform NOUN pobj 6
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [
        ("She", "unnamed", "She", "spoke out about", "spoke out about", "the need for reform", False)
    ]
    doc = build(
        vocab,
        """
        Polls NOUN nsubj 1
        show VERB ROOT 1
        a DET det 4
        close ADJ amod 4
        contest NOUN dobj 1
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [("Polls", "unnamed", "Polls", "show", "show", "a close contest", False)]


def test_passive_expected_to_has_subject_and_infinitive_as_content(vocab, finder):
    doc = build(
        vocab,
        """
        Trump PROPN nsubjpass 2
        is AUX auxpass 2 be
        expected VERB ROOT 2 expect
        to PART aux 4
        speak VERB xcomp 2
        tonight NOUN npadvmod 4
        . PUNCT punct 2
    """,
    )
    assert claims(finder, doc) == [
        (None, "unnamed", None, "is expected", "is expected", "Trump is expected to speak tonight", False)
    ]


def test_source_of_a_gerund_after_by_and_of_a_participle_on_a_noun(vocab, finder):
    doc = build(
        vocab,
        """
        He PRON nsubj 1
        began VERB ROOT 1 begin
        by ADP prep 1
        saying VERB pcomp 2 say
        that SCONJ mark 6
        taxes NOUN nsubj 6
        rise VERB ccomp 3
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [("He", "unnamed", "He", "saying", "saying", "taxes rise", False)]
    doc = build(
        vocab,
        """
        Smith PROPN nsubj 1
        issued VERB ROOT 1 issue
        a DET det 3
        statement NOUN dobj 1
        saying VERB acl 3 say
        taxes NOUN nsubj 6
        rise VERB ccomp 4
        . PUNCT punct 1
    """,
        ents=[(0, 1, "PERSON", "")],
    )
    assert claims(finder, doc) == [("Smith", "person", "Smith", "saying", "saying", "taxes rise", False)]
    doc = build(
        vocab,
        """
        Protesters NOUN ROOT 0
        writing VERB acl 0 write
        that SCONJ mark 4
        taxes NOUN nsubj 4
        rise VERB ccomp 1
    """,
    )
    assert claims(finder, doc) == [
        ("Protesters", "unnamed", "Protesters", "writing", "writing", "taxes rise", False)
    ]


def test_hope_lemmatised_as_hop_and_a_date_after_the_source(vocab, finder):
    doc = build(
        vocab,
        """
        She PRON nsubj 1
        hopes VERB ROOT 1 hop
        that SCONJ mark 4
        taxes NOUN nsubj 4
        fall VERB ccomp 1
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [("She", "unnamed", "She", "hopes", "hopes", "taxes fall", False)]
    doc = build(
        vocab,
        """
        Doctors NOUN nsubj 3
        in ADP prep 0
        2015 NUM pobj 1
        said VERB ROOT 3 say
        taxes NOUN nsubj 5
        rise VERB ccomp 3
    """,
        ents=[(2, 3, "DATE", "")],
    )
    assert claims(finder, doc) == [("Doctors", "unnamed", "Doctors", "said", "said", "taxes rise", False)]


def test_called_x_a_name_parsed_without_an_object(vocab, finder):
    doc = build(
        vocab,
        """
        Cruz PROPN nsubj 1
        called VERB ROOT 1 call
        Trump PROPN nsubj 4
        a DET det 4
        liar NOUN oprd 1
        . PUNCT punct 1
    """,
        ents=[(0, 1, "PERSON", ""), (2, 3, "PERSON", "")],
    )
    assert claims(finder, doc) == [("Cruz", "person", "Cruz", "called", "called", "Trump a liar", False)]


def test_line_break_inside_a_relative_clause_after_the_source_is_no_dateline(vocab, finder):
    doc = build(
        vocab,
        """
        Obama PROPN nsubj 8
        , PUNCT punct 0
        who PRON nsubj 3
        visited VERB relcl 0 visit
        the DET det 6
        NL SPACE dep 6
        plant NOUN dobj 3
        , PUNCT punct 0
        said VERB ROOT 8 say
        taxes NOUN nsubj 10
        rise VERB ccomp 8
    """,
        ents=[(0, 1, "PERSON", "")],
    )
    assert claims(finder, doc) == [("Obama", "person", "Obama", "said", "said", "taxes rise", False)]


def test_likened_x_to_y(vocab, finder):
    doc = build(
        vocab,
        """
        Tribe PROPN nsubj 1
        likened VERB ROOT 1 liken
        the DET det 3
        rules NOUN dobj 1
        to ADP prep 1
        arson NOUN pobj 4
        . PUNCT punct 1
    """,
        ents=[(0, 1, "PERSON", "")],
    )
    assert claims(finder, doc) == [
        ("Tribe", "person", "Tribe", "likened", "likened", "the rules to arson", False)
    ]


def test_alluded_to(vocab, finder):
    doc = build(
        vocab,
        """
        She PRON nsubj 1
        alluded VERB ROOT 1 allude
        to ADP prep 1
        the DET det 4
        scandal NOUN pobj 2
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [
        ("She", "unnamed", "She", "alluded to", "alluded to", "the scandal", False)
    ]


def test_quote_cue_after_a_sentence_split_at_the_closing_mark(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 2
        Taxes NOUN nsubj 2
        rise VERB ROOT 2
        , PUNCT punct 2
        ” PUNCT punct 2
        Smith PROPN nsubj 6
        said VERB ROOT 6 say
        . PUNCT punct 6
    """,
        ents=[(5, 6, "PERSON", "")],
    )
    assert [sent.start for sent in doc.sents] == [0, 5]
    assert claims(finder, doc) == [("Smith", "person", "Smith", "said", "said", "Taxes rise", True)]


# -- source spans -------------------------------------------------------------------------------


def test_source_keeps_a_relative_clause_with_be_and_drops_a_focusing_even(vocab, finder):
    doc = build(
        vocab,
        """
        Even ADV advmod 2
        Ali PROPN compound 2
        Khan PROPN nsubj 9
        , PUNCT punct 2
        who PRON nsubj 5
        is AUX relcl 2 be
        a DET det 7
        lawyer NOUN attr 5
        , PUNCT punct 2
        said VERB ROOT 9 say
        the DET det 11
        plan NOUN nsubj 12
        failed VERB ccomp 9 fail
        . PUNCT punct 9
    """,
        people=[("Ali Khan", None, [(1, 3)])],
    )
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Ali Khan, who is a lawyer", "said", "said", "the plan failed", False)
    ]


def test_source_is_the_name_in_apposition_to_a_dateline_parsed_as_subject(vocab, finder):
    doc = build(
        vocab,
        """
        LAHORE PROPN nsubj 5
        -- PUNCT punct 0
        Minister PROPN compound 4
        Ali PROPN compound 4
        Khan PROPN appos 0
        said VERB ROOT 5 say
        the DET det 7
        plan NOUN nsubj 8
        failed VERB ccomp 5 fail
        . PUNCT punct 5
    """,
        ents=[(0, 1, "GPE", ""), (3, 5, "PERSON", "")],
        people=[("Ali Khan", "minister", [(3, 5)])],
    )
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Minister Ali Khan", "said", "said", "the plan failed", False)
    ]


def test_participle_parsed_onto_the_reported_clause_shares_the_reporting_speaker(vocab, finder):
    doc = build(
        vocab,
        """
        Khan PROPN nsubj 1
        told VERB ROOT 1 tell
        reporters NOUN dobj 1 reporter
        that SCONJ mark 6
        the DET det 5
        plan NOUN nsubj 6
        failed VERB ccomp 1 fail
        , PUNCT punct 6
        adding VERB advcl 6 add
        that SCONJ mark 11
        costs NOUN nsubj 11 cost
        rose VERB ccomp 8 rise
        . PUNCT punct 1
    """,
        people=[("Ali Khan", None, [(0, 1)])],
    )
    doc[8].tag_ = "VBG"
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "told", "told", "the plan failed", False),
        ("Ali Khan", "person", "Khan", "adding", "adding", "costs rose", False),
    ]


def test_a_subject_inside_the_quotation_is_not_its_speaker(vocab, finder):
    doc = build(
        vocab,
        """
        “ PUNCT punct 6
        Full ADJ amod 3
        panic NOUN compound 3
        mode NOUN nsubj 6
        , PUNCT punct 6
        ” PUNCT punct 6
        said VERB ROOT 6 say
        Ali PROPN compound 8
        Khan PROPN nsubj 6
        . PUNCT punct 6
    """,
        people=[("Ali Khan", None, [(7, 9)])],
    )
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Ali Khan", "said", "said", "Full panic mode", True)
    ]


def test_an_infinitive_after_a_named_object_takes_the_object_as_source(vocab, finder):
    doc = build(
        vocab,
        """
        The DET det 1
        attack NOUN nsubj 2
        led VERB ROOT 2 lead
        Ali PROPN compound 4
        Khan PROPN dobj 2
        to PART aux 6
        demand VERB xcomp 2 demand
        a DET det 8
        review NOUN dobj 6
        . PUNCT punct 2
    """,
        ents=[(3, 5, "PERSON", "")],
        people=[("Ali Khan", None, [(3, 5)])],
    )
    doc[6].tag_ = "VB"
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Ali Khan", "to demand", "to demand", "a review", False)
    ]


def test_a_gerund_after_a_preposition_takes_the_subject_of_the_main_verb(vocab, finder):
    doc = build(
        vocab,
        """
        Despite ADP prep 6
        criticizing VERB pcomp 0 criticize
        the DET det 3
        plan NOUN dobj 1
        , PUNCT punct 6
        Khan PROPN nsubj 6
        said VERB ROOT 6 say
        costs NOUN nsubj 8 cost
        rose VERB ccomp 6 rise
        . PUNCT punct 6
    """,
        people=[("Ali Khan", None, [(5, 6)])],
    )
    doc[1].tag_ = "VBG"
    assert claims(finder, doc) == [
        ("Ali Khan", "person", "Khan", "criticizing", "criticizing", "the plan", False),
        ("Ali Khan", "person", "Khan", "said", "said", "costs rose", False),
    ]


def test_a_passive_participle_cue_takes_its_agent(vocab, finder):
    doc = build(
        vocab,
        """
        Asked VERB advcl 8 ask
        by ADP agent 0
        reporters NOUN pobj 1 reporter
        whether SCONJ mark 5
        costs NOUN nsubj 5 cost
        rose VERB ccomp 0 rise
        , PUNCT punct 8
        Khan PROPN nsubj 8
        said VERB ROOT 8 say
        prices NOUN nsubj 10 price
        fell VERB ccomp 8 fall
        . PUNCT punct 8
    """,
        people=[("Ali Khan", None, [(7, 8)])],
    )
    doc[0].tag_ = "VBN"
    assert claims(finder, doc) == [
        ("reporters", "unnamed", "reporters", "Asked", "Asked", "whether costs rose", False),
        ("Ali Khan", "person", "Khan", "said", "said", "prices fell", False),
    ]


def test_a_reporting_clause_on_a_noun_inside_the_source_is_left_out(vocab, finder):
    doc = build(
        vocab,
        """
        Ali PROPN compound 1
        Khan PROPN nsubj 14
        , PUNCT punct 1
        a DET det 4
        lawyer NOUN appos 1
        at ADP prep 4
        the DET det 7
        Forum PROPN pobj 5
        , PUNCT punct 7
        who PRON nsubj 10
        said VERB relcl 7 say
        prices NOUN nsubj 12 price
        fell VERB ccomp 10 fall
        , PUNCT punct 1
        denied VERB ROOT 14 deny
        the DET det 16
        report NOUN dobj 14
        . PUNCT punct 14
    """,
        people=[("Ali Khan", None, [(0, 2)])],
    )
    # the relative pronoun is the source of its own clause (PolNeAR's convention)
    assert claims(finder, doc) == [
        ("the Forum", "organisation", "who", "said", "said", "prices fell", False),
        ("Ali Khan", "person", "Ali Khan, a lawyer at the Forum", "denied", "denied", "the report", False),
    ]


def test_headline_speaker_tagged_as_a_common_noun(vocab, finder):
    # the first line's one-word speaker ("Poll: …") is often tagged NOUN; further down the same
    # shape still needs a proper noun
    doc = build(
        vocab,
        """
        Poll NOUN ROOT 0
        : PUNCT punct 0
        Smith PROPN nsubj 3
        leads VERB acl 0 lead
        the DET det 5
        race NOUN dobj 3
        . PUNCT punct 0
        NL SPACE dep 6
        Survey NOUN ROOT 8
        : PUNCT punct 8
        Smith PROPN nsubj 11
        leads VERB acl 8 lead
        the DET det 13
        race NOUN dobj 11
        again ADV advmod 11
        . PUNCT punct 8
    """,
    )
    assert claims(finder, doc) == [("Poll", "report", "Poll", ":", ":", "Smith leads the race", False)]


def test_second_cue_conjoined_to_the_reported_clause_is_its_own_claim(vocab, finder):
    # "He says A and says B" parsed with the second "says" on A's verb: two claims, same speaker
    doc = build(
        vocab,
        """
        He PRON nsubj 1
        says VERB ROOT 1 say
        prices NOUN nsubj 3
        rose VERB ccomp 1 rise
        and CCONJ cc 3
        says VERB conj 3 say
        he PRON nsubj 8
        will AUX aux 8
        act VERB ccomp 5
        . PUNCT punct 1
    """,
    )
    for i, tag in ((1, "VBZ"), (3, "VBD"), (5, "VBZ")):
        doc[i].tag_ = tag
    assert claims(finder, doc) == [
        ("He", "unnamed", "He", "says", "says", "prices rose", False),
        ("He", "unnamed", "He", "says", "says", "he will act", False),
    ]
    # a bare verb shares the reported clause's modal: "says he will go and tell them …" is content
    doc = build(
        vocab,
        """
        He PRON nsubj 1
        says VERB ROOT 1 say
        he PRON nsubj 4
        will AUX aux 4
        go VERB ccomp 1
        and CCONJ cc 4
        tell VERB conj 4 tell
        them PRON dobj 6
        so ADV advmod 6
        . PUNCT punct 1
    """,
    )
    doc[1].tag_, doc[4].tag_, doc[6].tag_ = "VBZ", "VB", "VB"
    assert [c[5] for c in claims(finder, doc)] == ["he will go and tell them so"]


def test_claims_holding_each_others_cue_keep_the_later_one(vocab, finder):
    # "Voters said taxes rose, according to a poll" with "according" parsed inside the reported
    # clause: each content holds the other's cue; the later cue ("according to") is kept
    doc = build(
        vocab,
        """
        Voters NOUN nsubj 1
        said VERB ROOT 1 say
        taxes NOUN nsubj 3
        rose VERB ccomp 1 rise
        , PUNCT punct 3
        according VERB prep 3 accord
        to ADP prep 5
        a DET det 8
        poll NOUN pobj 6
        . PUNCT punct 1
    """,
    )
    assert claims(finder, doc) == [
        ("a poll", "report", "a poll", "according to", "according to", "Voters said taxes rose", False)
    ]


def test_relative_clause_with_its_own_speaker_ends_the_holders_content(vocab, finder):
    # "He criticised the deals, which she said were unfair": the relative clause is her claim
    doc = build(
        vocab,
        """
        He PRON nsubj 1
        criticised VERB ROOT 1 criticize
        the DET det 3
        deals NOUN dobj 1
        , PUNCT punct 3
        which PRON nsubj 8
        she PRON nsubj 7
        said VERB relcl 3 say
        were AUX ccomp 7 be
        unfair ADJ acomp 8
        . PUNCT punct 1
    """,
    )
    assert [(c[2], c[3], c[5]) for c in claims(finder, doc)] == [
        ("He", "criticised", "the deals"),
        ("she", "said", "were unfair"),
    ]


def test_transcript_surname_tagged_as_a_common_noun(vocab, finder):
    # "MATTHEWS: …" in a transcript is often tagged NOUN; the text names Chris Matthews
    doc = build(
        vocab,
        """
        Chris PROPN compound 1
        Matthews PROPN nsubj 2
        hosted VERB ROOT 2 host
        . PUNCT punct 2
        NL SPACE dep 3
        MATTHEWS NOUN ROOT 5
        : PUNCT punct 5
        We PRON nsubj 8
        start VERB ROOT 8
        with ADP prep 8
        the DET det 11
        news NOUN pobj 9
        . PUNCT punct 8
    """,
        ents=[(0, 2, "PERSON", "")],
    )
    assert [(c[2], c[3], c[5]) for c in claims(finder, doc)] == [("MATTHEWS", ":", "We start with the news")]


def test_said_with_a_gerund_clause_parsed_as_xcomp(vocab, finder):
    doc = build(
        vocab,
        """
        He PRON nsubj 1
        said VERB ROOT 1 say
        raising VERB xcomp 1 raise
        taxes NOUN nsubj 6
        would AUX aux 6
        not PART neg 6
        help VERB ccomp 2
        . PUNCT punct 1
    """,
    )
    doc[2].tag_ = "VBG"
    assert [(c[2], c[3], c[5]) for c in claims(finder, doc)] == [
        ("He", "said", "raising taxes would not help")
    ]


def test_editors_note_is_no_speaker(vocab, finder):
    doc = build(
        vocab,
        """
        Text NOUN ROOT 0
        . PUNCT punct 0
        NL SPACE dep 1
        Editor PROPN poss 5
        's PART case 3
        Note PROPN ROOT 5
        : PUNCT punct 5
        An DET det 8
        article NOUN nsubj 9
        misstated VERB ROOT 9 misstate
        a DET det 11
        date NOUN dobj 9
        . PUNCT punct 9
    """,
    )
    assert [c[3] for c in claims(finder, doc)] == []


def test_parenthetical_told_me_hangs_on_the_subject(vocab, finder):
    # "The plan, he told me, is dead": "me" is the hearer and the clause around the cue the content
    doc = build(
        vocab,
        """
        The DET det 1
        plan NOUN nsubj 7
        , PUNCT punct 4
        he PRON nsubj 4
        told VERB parataxis 1 tell
        me PRON dobj 4
        , PUNCT punct 4
        is AUX ROOT 7 be
        dead ADJ acomp 7
        . PUNCT punct 7
    """,
    )
    assert [(c[2], c[3], c[5]) for c in claims(finder, doc)] == [
        ("he", "told", "The plan, he told me, is dead")
    ]


def test_asked_participle_has_no_speaker(vocab, finder):
    # "Asked whether …, Ryan said …": Ryan was asked; the asker is not named
    doc = build(
        vocab,
        """
        Asked VERB advcl 6 ask
        whether SCONJ mark 3
        he PRON nsubj 3
        ran VERB ccomp 0 run
        , PUNCT punct 6
        Ryan PROPN nsubj 6
        said VERB ROOT 6 say
        no INTJ intj 6
        . PUNCT punct 6
    """,
        ents=[(5, 6, "PERSON", "")],
    )
    doc[0].tag_ = "VBN"
    assert [(c[2], c[3], c[5]) for c in claims(finder, doc)] == [
        (None, "Asked", "whether he ran"),
        ("Ryan", "said", "no"),
    ]


def test_reporting_participle_after_an_object_is_its_own_claim(vocab, finder):
    # regression: "dismissed the petition saying …" gave one claim with cue "dismissed"
    doc = build(
        vocab,
        """
        Qazi PROPN nsubj 1
        opposed VERB ROOT 1 oppose
        the DET det 3
        petition NOUN dobj 1
        saying VERB acl 3 say
        taxes NOUN nsubj 6
        rise VERB ccomp 4
        . PUNCT punct 1
    """,
        ents=[(0, 1, "PERSON", "")],
    )
    assert claims(finder, doc) == [
        ("Qazi", "person", "Qazi", "opposed", "opposed", "the petition", False),
        ("Qazi", "person", "Qazi", "saying", "saying", "taxes rise", False),
    ]


def test_object_list_split_onto_the_verb_stays_one_content(vocab, finder):
    doc = build(
        vocab,
        """
        Zardari PROPN nsubj 1
        called VERB ROOT 1 call
        for ADP prep 1
        cooperation NOUN pobj 2
        , PUNCT punct 1
        awareness NOUN dobj 1
        and CCONJ cc 5
        efforts NOUN conj 1
        . PUNCT punct 1
    """,
        ents=[(0, 1, "PERSON", "")],
    )
    assert claims(finder, doc) == [
        (
            "Zardari",
            "person",
            "Zardari",
            "called for",
            "called for",
            "cooperation, awareness and efforts",
            False,
        )
    ]


def test_was_of_the_view_that(vocab, finder):
    doc = build(
        vocab,
        """
        The DET det 1
        committee NOUN nsubj 2
        was AUX ROOT 2 be
        of ADP prep 2
        the DET det 5
        view NOUN pobj 3
        that SCONJ mark 8
        bills NOUN nsubj 8
        rise VERB acl 5
        . PUNCT punct 2
    """,
    )
    assert claims(finder, doc) == [
        (
            "The committee",
            "unnamed",
            "The committee",
            "was of the view",
            "was of the view",
            "bills rise",
            False,
        )
    ]


def test_summary_bullet_makes_no_claim(vocab, finder):
    # regression: Dawn's "• NA panel instructs NHA to …" summary bullets were claims
    doc = build(
        vocab,
        """
        • PUNCT punct 2
        Panel NOUN nsubj 2
        instructs VERB ROOT 2 instruct
        NHA PROPN dobj 2
        to PART aux 5
        act VERB xcomp 2
        NL SPACE dep 5
        NL SPACE dep 5
        Qazi PROPN nsubj 9
        said VERB ROOT 9 say
        taxes NOUN nsubj 11
        rise VERB ccomp 9
        . PUNCT punct 9
    """,
        ents=[(8, 9, "PERSON", "")],
    )
    assert claims(finder, doc) == [("Qazi", "person", "Qazi", "said", "said", "taxes rise", False)]


def test_you_as_source_is_the_reader_not_a_speaker(vocab, finder):
    spec = """
        {subj} PRON nsubj 1
        say VERB ROOT 1
        he PRON nsubj 3
        has VERB ccomp 1 have
        small ADJ amod 5
        hands NOUN dobj 3 hand
        . PUNCT punct 1
    """
    assert claims(finder, build(vocab, spec.format(subj="You"))) == []
    assert claims(finder, build(vocab, spec.format(subj="They"))) == [
        ("They", "unnamed", "They", "say", "say", "he has small hands", False)
    ]


def test_an_infinitive_cue_governed_by_an_object_is_the_objects(vocab, finder):
    # "prompted NATO to order …": the named body (the pipeline's AGENCY) orders, not the subject
    doc = build(
        vocab,
        """
        These DET det 1
        provocations NOUN nsubj 2 provocation
        prompted VERB ROOT 2 prompt
        NATO PROPN dobj 2
        to PART aux 5
        order VERB xcomp 2
        the DET det 7
        deployment NOUN dobj 5
        . PUNCT punct 2
    """,
        ents=[(3, 4, "AGENCY", "")],
    )
    doc[5].tag_ = "VB"
    assert claims(finder, doc) == [
        ("NATO", "organisation", "NATO", "to order", "to order", "the deployment", False)
    ]


def test_an_infinitive_cue_governed_by_a_noun_with_a_named_person_in_apposition(vocab, finder):
    # "led the journalist Dainis Ivans to fear …": the person fears, not "All this"
    doc = build(
        vocab,
        """
        All DET predet 1
        this PRON nsubj 3
        has AUX aux 3 have
        led VERB ROOT 3 lead
        the DET det 5
        journalist NOUN dobj 3
        Dainis PROPN compound 7
        Ivans PROPN appos 5
        to PART aux 9
        fear VERB xcomp 3
        a DET det 11
        pact NOUN dobj 9
        . PUNCT punct 3
    """,
        ents=[(6, 8, "PERSON", "")],
        people=[("Dainis Ivans", None, [(6, 8)])],
    )
    doc[9].tag_ = "VB"
    assert claims(finder, doc) == [
        ("Dainis Ivans", "person", "the journalist Dainis Ivans", "to fear", "to fear", "a pact", False)
    ]


def test_an_imperative_cue_without_a_source_addresses_the_reader(vocab, finder):
    spec = """
        {verb} VERB ROOT 0 {lemma}
        that SCONJ mark 4
        the DET det 3
        report NOUN nsubj 4
        changed VERB ccomp 0 change
        . PUNCT punct 0
    """
    imperative = build(vocab, spec.format(verb="Remember", lemma="remember"))
    imperative[0].tag_ = "VB"
    assert claims(finder, imperative) == []
    past = build(vocab, spec.format(verb="Noted", lemma="note"))  # no subject, but no imperative
    past[0].tag_ = "VBD"
    assert [c[3] for c in claims(finder, past)] == ["Noted"]
