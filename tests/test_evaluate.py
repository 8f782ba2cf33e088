"""Evaluation harness: scorer numbers on tiny hand-made pairs, the PolNeAR reader, the gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.evaluation.polnear import (
    PolnearError,
    annotator_pairs,
    choose_annotations,
    gold_as_predictions,
    join_continued,
    parse_ann,
    read_polnear,
    score_attributions,
    to_raw_offsets,
)
from extractors.evaluation.scores import (
    FIELDS,
    FieldScore,
    Report,
    country_key,
    dice,
    gold_doc,
    locate,
    match,
    missing_spans,
    name_key,
    normalize,
    org_key,
    score,
    span_key,
    tier_key,
    title_key,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "models" / "gold" / "news_gold.jsonl"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason=f"{SHARED}/corpus is absent (the gold texts live there)"
)


# ---------------------------------------------------------------------------- normalisation


def test_normalize_soft_hyphens_curly_quotes_whitespace():
    assert normalize("Traf\u00adficking in  Per\u00adsons\n “Tier II” ‘list’ — x") == (
        "Trafficking in Persons \"Tier II\" 'list' - x"
    )


def test_name_key_drops_honorifics_and_ranks_but_keeps_syed():
    assert name_key("Dr Ehsan Sadiq") == "ehsan sadiq"
    assert name_key("retired Col Shehzad Amir") == "shehzad amir"
    assert name_key("Mr. Riffat Mukhtar") == "riffat mukhtar"
    assert name_key("Major General Muhammad Shamraiz") == "muhammad shamraiz"
    assert name_key("Syed Kausar Abbas") == "syed kausar abbas"


def test_title_key_expands_abbreviations_and_drops_federal():
    assert title_key("DG") == "director general"
    assert title_key("judge") == title_key("Justice") == "justice"
    assert title_key("ASI") == title_key("assistant sub-inspector") == "assistant sub inspector"
    assert title_key("Federal Minister") == "minister"
    assert title_key("Director-General") == "director general"
    assert title_key("the IGP") == "inspector general"


@pytest.mark.parametrize(
    "raw,code",
    [
        ("Tier II Watch List", "2WL"),
        ("Tier-2 watch list", "2WL"),
        ("2WL", "2WL"),
        ("Tier 1", "1"),
        (2, "2"),
        ("Tier III", "3"),
        ("Special Case", "special_case"),
        (None, ""),
    ],
)
def test_tier_key(raw, code):
    assert tier_key(raw) == code


def test_country_key_reads_a_gazetteer_alias_as_the_country():
    assert country_key("the Republic of Congo") == country_key("Congo (ROC)") == "congo (roc)"
    assert country_key("Democratic Republic of Congo") == "congo (drc)"
    assert country_key("PRC") == "china"
    assert country_key("Atlantis") == "atlantis"  # not in the gazetteer: the plain key


def test_org_key_ignores_punctuation_and_ampersand():
    assert (
        org_key("Pakistan Rangers, Sindh")
        == org_key("the Pakistan Rangers Sindh")
        == "pakistan rangers sindh"
    )
    assert org_key("Kohat University of Science & Technology") == "kohat university of science and technology"


def test_org_key_reads_dotted_initials_as_one_word():
    # fresh c/d gold writes "U.S. Embassy in Yangon", "U.S. Border Patrol"; the product "US ..."
    assert org_key("U.S. Embassy in Yangon") == org_key("US Embassy in Yangon") == "us embassy in yangon"
    assert org_key("the U.N. Office on Drugs and Crime") == "un office on drugs and crime"
    assert org_key("St. Louis Police, Dept.") == "st louis police dept"  # a word's stop, not initials


def test_span_key_trims_quotes_that_and_final_stop():
    assert span_key("that “Our approach is to remain vigilant.”") == span_key(
        "our approach is to remain vigilant"
    )


def test_dice():
    assert dice("a b c d", "a b") == pytest.approx(2 * 2 / 6)
    assert dice("", "a") == 0.0


def test_locate_maps_normalised_matches_back_to_raw_offsets():
    text = "He said: “Traf\u00adficking  is\na crime.” Then he said it again."
    assert locate(text, '"Trafficking is a crime."') == (9, 36)
    assert text[9:36] == "“Traf\u00adficking  is\na crime.”"
    assert locate(text, "said") == (3, 7)
    assert locate(text, "said", near=40) == (45, 49)
    assert locate(text, "absent") is None and locate(text, "") is None


def test_match_is_one_to_one_best_first_and_deterministic():
    # gold 0 could take pred 0 or 1; pred 1 is the better match for gold 0, pred 0 the only one for gold 1.
    sims = {(0, 0): 0.6, (0, 1): 0.9, (1, 0): 0.7}
    pairs = match([0, 1], [0, 1], lambda g, p: sims.get((g, p), 0.0))
    assert pairs == [(0, 1), (1, 0)]
    # ties go to the lower index
    assert match(["x", "x"], ["x"], lambda g, p: 1.0) == [(0, 0)]


# ---------------------------------------------------------------------------- scorer

C1 = (
    "Despite consistently being placed on the Tier II Watch List in the US Department of State’s annual TIP "
    "reports since 2015, Pakistan’s ranking has significantly improved in the 2022 and 2023 reports"
)
C2 = "human trafficking was a crime with no boundaries, affecting individuals of all ages, genders, and backgrounds"
C3 = "the need for improving the implementation of the legal framework on the TIP"

GOLD_DOC = {
    "officials": [
        {
            "name": "Ahmad Ishaque Jehangir",
            "title": "director general",
            "organisation": "Federal Investigation Agency",
        },
        {
            "name": "Syed Kausar Abbas",
            "title": "executive director",
            "organisation": "Sustainable Social Development Organization",
        },
        {"name": "Ehsan Sadiq", "title": "director general", "organisation": "National Police Bureau"},
    ],
    "agencies": [
        {"name": "Federal Investigation Agency", "acronym": "FIA", "kind": "government"},
        {"name": "Sustainable Social Development Organization", "acronym": "SSDO", "kind": "ngo"},
        {"name": "National Police Bureau", "acronym": None, "kind": "police"},
        {
            "name": "US Department of State",
            "acronym": None,
            "kind": "foreign_government",
            "aliases": ["State Department"],
        },
    ],
    "tier_placements": [{"country": "Pakistan", "report_year": 2015, "tier": "2WL"}],
    "claims": [
        {
            "speaker": "Syed Kausar Abbas",
            "speaker_kind": "person",
            "cue": "told",
            "content": C1,
            "direct": True,
        },
        {
            "speaker": "Ahmad Ishaque Jehangir",
            "speaker_kind": "person",
            "cue": "noted",
            "content": C2,
            "direct": False,
        },
        {
            "speaker": "Ehsan Sadiq",
            "speaker_kind": "person",
            "cue": "emphasised",
            "content": C3,
            "direct": False,
        },
    ],
}

PRED_DOC = {
    "officials": [
        {
            "name": "Dr Ehsan Sadiq",
            "title": "DG",
            "organisation": "National Police Bureau",
            "organisation_acronym": None,
        },
        {
            "name": "Ahmad Ishaque Jehangir",
            "title": "director general",
            "organisation": "FIA",
            "organisation_acronym": None,
        },
        {
            "name": "Kausar Abbas",
            "title": "executive director",
            "organisation": "SSDO",
            "organisation_acronym": "SSDO",
        },
    ],
    "agencies": [
        {"name": "Federal Investigation Agency", "acronym": "FIA", "kind": "government"},
        {"name": "SSDO", "acronym": None, "kind": "other"},
        {"name": "State Department", "acronym": None, "kind": "foreign_government"},
        {"name": "Tier II Watch List", "acronym": None, "kind": "other"},
    ],
    "tier_placements": [
        {"country": "Pakistan", "report_year": 2015, "tier": "Tier II Watch List"},
        {"country": "Pakistan", "report_year": 2015, "tier": "2WL"},
        {"country": "Pakistan", "report_year": None, "tier": "2WL"},
    ],
    "claims": [
        # strict content match (quotes and full stop trimmed), but the speaker is unresolved
        {
            "speaker": "Abbas",
            "speaker_kind": "person",
            "cue": "told",
            "content": f"“{C1}.”",
            "start": 0,
            "end": 1,
        },
        # right speaker, partial content (Dice 16/24), cue with "that"
        {
            "speaker": "Ahmad Ishaque Jehangir",
            "speaker_kind": "person",
            "cue": "noted that",
            "content": "human trafficking was a crime with no boundaries",
            "start": 2,
            "end": 3,
        },
        {
            "speaker": None,
            "speaker_kind": "unnamed",
            "cue": "said",
            "content": "something else entirely",
            "start": 4,
            "end": 5,
        },
    ],
}


def _counts(report: Report) -> dict[str, tuple[int, int, int]]:
    return {f.field: (f.tp, f.fp, f.fn) for f in report.fields}


def test_score_exact_counts_on_a_hand_made_pair():
    report = score([GOLD_DOC], [PRED_DOC])
    assert _counts(report) == {
        "officials": (2, 1, 1),  # "Kausar Abbas" is not the fullest name
        "officials_name": (2, 1, 1),
        "agencies": (3, 1, 1),  # SSDO by acronym, State Department by alias; NPB missed; a tier is no agency
        "agencies_kind": (2, 2, 2),  # SSDO is an ngo, not other
        "tier_placements": (1, 1, 0),  # duplicates collapse; the year-less row is a false positive
        "tier_placements_no_year": (1, 0, 0),
        "claims_speaker": (1, 2, 2),
        "claims_cue": (1, 2, 2),
        "claims_content_strict": (1, 2, 2),
        "claims_content_overlap": (2, 1, 1),
        "claims": (1, 2, 2),
    }
    assert report["claims_content_overlap"].precision == pytest.approx(2 / 3)
    assert report["claims_content_overlap"].recall == pytest.approx(2 / 3)
    assert report["agencies"].f1 == pytest.approx(0.75)
    assert report.n_docs == 1


def test_score_sums_over_documents_and_handles_empty_sides():
    empty: dict = {}
    only_pred = {"agencies": [{"name": "FIA", "acronym": "FIA", "kind": "government"}]}
    report = score([GOLD_DOC, empty, empty], [GOLD_DOC, only_pred, empty])
    c = _counts(report)
    assert c["agencies"] == (4, 1, 0)
    assert c["claims"] == (3, 0, 0)
    assert report["claims"].f1 == 1.0
    nothing = score([empty], [empty])
    assert all(f.precision == f.recall == 1.0 for f in nothing.fields)
    missed = score([GOLD_DOC], [empty])
    assert missed["officials"].precision == 0.0 and missed["officials"].f1 == 0.0


def test_score_rejects_unequal_lengths():
    with pytest.raises(ValueError):
        score([GOLD_DOC], [])


def test_official_title_may_keep_words_of_its_organisation():
    gold = {
        "officials": [
            {"name": "Mohsin Naqvi", "title": "minister", "organisation": "Ministry of Interior"},
            {
                "name": "Akhtar Hayat",
                "title": "inspector general",
                "organisation": "Khyber Pakhtunkhwa Police",
            },
            {
                "name": "Mustafa Qazi",
                "title": "director general",
                "organisation": "Directorate General of Immigration and Passports",
            },
            {"name": "Talal Chaudhry", "title": "minister of state", "organisation": "Ministry of Interior"},
        ]
    }
    pred = {
        "officials": [
            {"name": "Mohsin Naqvi", "title": "Interior Minister", "organisation": "Ministry of Interior"},
            {
                "name": "Akhtar Hayat",
                "title": "Inspector General of Police",
                "organisation": "Khyber Pakhtunkhwa Police",
            },
            {
                "name": "Mustafa Qazi",
                "title": "director",
                "organisation": "Directorate General of Immigration and Passports",
            },
            {
                "name": "Talal Chaudhry",
                "title": "minister of state for interior",
                "organisation": "Ministry of Interior",
            },
        ]
    }
    # a lower rank is still wrong ("director" is not "director general")
    assert _counts(score([gold], [pred]))["officials"] == (3, 1, 1)


def test_official_organisation_aliases():
    gold = {
        "officials": [
            {
                "name": "Attaullah Tarar",
                "title": "minister",
                "organisation": "Ministry of Information and Broadcasting",
                "organisation_aliases": [
                    "Ministry of Information, Broadcasting, National Heritage and Culture"
                ],
            }
        ]
    }
    pred = {
        "officials": [
            {
                "name": "Attaullah Tarar",
                "title": "Federal Minister",
                "organisation": "Ministry of Information, Broadcasting, National Heritage and Culture",
            }
        ]
    }
    assert _counts(score([gold], [pred]))["officials"] == (1, 0, 0)


def test_speaker_matching_rules():
    gold = {
        "agencies": [{"name": "Federal Investigation Agency", "acronym": "FIA", "kind": "government"}],
        "claims": [
            {
                "speaker": "Federal Investigation Agency",
                "speaker_kind": "organisation",
                "cue": "said",
                "content": "a b c",
            },
            {"speaker": "report", "speaker_kind": "report", "cue": "warns", "content": "d e f"},
            {"speaker": "A spokesman for FIA", "speaker_kind": "unnamed", "cue": "said", "content": "g h i"},
            {"speaker": None, "speaker_kind": "unnamed", "cue": "was told", "content": "j k l"},
        ],
    }
    pred = {
        "claims": [
            {"speaker": "FIA", "speaker_kind": "organisation", "cue": "said", "content": "a b c"},
            {"speaker": "the TIP report", "speaker_kind": "report", "cue": "warns", "content": "d e f"},
            {"speaker": "FIA spokesman", "speaker_kind": "unnamed", "cue": "said", "content": "g h i"},
            {"speaker": None, "speaker_kind": "unnamed", "cue": "was told", "content": "j k l"},
        ]
    }
    assert _counts(score([gold], [pred]))["claims"] == (4, 0, 0)


def test_report_to_dict_and_table():
    """A rate with nothing to count is n/a (JSON null), never 1.000: no predictions -> no
    precision; no gold rows -> no recall and no F1 (precision 0 if something was predicted)."""
    report = Report(
        (
            FieldScore("officials", 3, 1, 0),
            FieldScore("agencies", 0, 0, 2),
            FieldScore("tier_placements", 0, 0, 0),
            FieldScore("claims", 0, 1, 0),
        ),
        n_docs=2,
    )
    assert report.to_dict() == {
        "n_docs": 2,
        "fields": {
            "officials": {"precision": 0.75, "recall": 1.0, "f1": 0.8571, "tp": 3, "fp": 1, "fn": 0},
            "agencies": {"precision": None, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 2},
            "tier_placements": {"precision": None, "recall": None, "f1": None, "tp": 0, "fp": 0, "fn": 0},
            "claims": {"precision": 0.0, "recall": None, "f1": None, "tp": 0, "fp": 1, "fn": 0},
        },
    }
    assert report.format_table() == (
        "field                 P      R     F1    tp    fp    fn\n"
        "-------------------------------------------------------\n"
        "officials         0.750  1.000  0.857     3     1     0\n"
        "agencies            n/a  0.000  0.000     0     0     2\n"
        "tier_placements     n/a    n/a    n/a     0     0     0\n"
        "claims            0.000    n/a    n/a     0     1     0\n"
        "(2 documents)"
    )


def test_report_lists_errors_for_debugging():
    report = score([GOLD_DOC], [PRED_DOC])
    errors = report.to_dict(errors=True)["errors"]
    assert {
        "field": "agencies",
        "doc": 0,
        "kind": "fn",
        "value": "National Police Bureau | None | police",
    } in errors
    assert [f.field for f in report.fields] == list(FIELDS)


# ---------------------------------------------------------------------------- PolNeAR

PN_TEXT = (
    "“We will win,” the senator said, “and we will win big,” adding that the plan was\n"
    "final. Victory was expected, it was reported.\n"
)
PN_ANN = (
    "T1\tSource 15 26\tthe senator\n"
    "T2\tCue 27 31\tsaid\n"
    "T3\tContent 0 14;33 55\t“We will win,” “and we will win big,”\n"
    "T4\tAttribution 27 31\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 56 62\tadding\n"
    "T6\tContent 68 86\tthe plan was\n"
    "final\n"  # continuation line: the span crosses a newline
    "T7\tAttribution 56 62\tadding\n"
    "E2\tAttribution:T7 Source:T1 Cue:T5 Content:T6\n"  # shared source
    "T8\tContent 88 108\tVictory was expected\n"
    "T9\tCue 113 125\twas reported\n"
    "T10\tAttribution-no-source 113 125\twas reported\n"
    "E3\tAttribution-no-source:T10 Cue:T9 Content:T8\n"
    "#1\tAnnotatorNotes T1\tthe senator is named earlier\n"
    "T11\tDiscuss 0 3\t“We\n"
)


def test_parse_ann_continuation_and_discontinuous_spans():
    spans, relations = parse_ann(PN_ANN)
    assert spans["T3"] == ("Content", ((0, 14), (33, 55)), "“We will win,” “and we will win big,”")
    assert spans["T6"] == ("Content", ((68, 86),), "the plan was\nfinal")
    assert relations[1] == {"Attribution": ["T7"], "Source": ["T1"], "Cue": ["T5"], "Content": ["T6"]}
    assert len(relations) == 3


def test_read_polnear_builds_attributions():
    doc = read_polnear("toy", PN_TEXT, PN_ANN)
    a1, a2, a3 = doc.attributions
    assert (a1.source, a1.cue, a1.content) == (((15, 26),), ((27, 31),), ((0, 14), (33, 55)))
    assert a1.content_text == "“We will win,” “and we will win big,”"
    assert a2.source_id == a1.source_id == "T1"
    assert a2.content_text == "the plan was\nfinal"
    assert (a3.source, a3.cue_text, a3.content_text) == ((), "was reported", "Victory was expected")


def test_read_polnear_content2_joins_content():
    ann = PN_ANN.replace(
        "T3\tContent 0 14;33 55\t“We will win,” “and we will win big,”\n",
        "T3\tContent 0 14\t“We will win,”\nT12\tContent 33 55\t“and we will win big,”\n",
    )
    ann = ann.replace(
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T12",
    )
    assert read_polnear("toy", PN_TEXT, ann).attributions[0].content == ((0, 14), (33, 55))


def test_read_polnear_checks_offsets():
    with pytest.raises(PolnearError):
        read_polnear("toy", PN_TEXT, "T1\tSource 0 5\tnope!\n")


def test_choose_annotations_takes_lexicographically_first():
    names = ["b_ef2d.ann", "a_d473.ann", "a_4b22.ann", "notes.txt"]
    assert choose_annotations(names) == {"a": "a_4b22.ann", "b": "b_ef2d.ann"}


def test_annotator_pairs_scores_people_against_each_other():
    full = read_polnear("toy", PN_TEXT, PN_ANN)
    # a second annotator who left out the "was reported" attribution (E3 and its spans)
    partial = read_polnear("toy", PN_TEXT, PN_ANN.split("T8\t")[0])
    gold, predicted = annotator_pairs([[full, partial]])
    assert gold == [full, partial]
    report = score_attributions(gold, predicted)
    # full as gold: 2 of 3 attributions found (no false positives); partial as gold: 2 of 2
    # found plus 1 extra; both pairs agree on the two sources
    assert (report["attribution"].tp, report["attribution"].fp, report["attribution"].fn) == (4, 1, 1)
    assert report["source_strict"].f1 == 1.0


@needs_shared
def test_polnear_agreement_on_the_dev_split():
    from flows.evaluation import polnear_agreement

    human, machine = polnear_agreement("dev", SHARED)
    assert machine is None and human.n_docs == 60  # 2 articles with 6 annotators: 2 x 30 ordered pairs
    assert 0.5 < human["source_strict"].f1 < 1.0


def test_score_attributions_exact_counts():
    doc = read_polnear("toy", PN_TEXT, PN_ANN)
    pred = [
        # one start/end over an interrupted quote: the speaker and cue inside do not count as content
        {"speaker_start": 15, "speaker_end": 26, "cue_start": 27, "cue_end": 31, "start": 0, "end": 55},
        # content with an extra "that": overlap, not strict
        {"speaker_start": 15, "speaker_end": 26, "cue_start": 56, "cue_end": 62, "start": 63, "end": 86},
        {
            "speaker_start": None,
            "speaker_end": None,
            "cue_start": 113,
            "cue_end": 125,
            "start": 88,
            "end": 108,
        },
        # spurious: loses E3 to the exact prediction above
        {"speaker_start": 88, "speaker_end": 95, "cue_start": 96, "cue_end": 99, "start": 100, "end": 108},
    ]
    c = _counts(score_attributions([doc], [pred]))
    assert c == {
        "source_strict": (2, 1, 0),
        "source_overlap": (2, 1, 0),
        "cue_strict": (3, 1, 0),
        "cue_overlap": (3, 1, 0),
        "content_strict": (2, 2, 1),
        "content_overlap": (3, 1, 0),
        "attribution": (3, 1, 0),
    }
    perfect = score_attributions([doc], [gold_as_predictions(doc)])
    assert all(f.f1 == 1.0 for f in perfect.fields)


def test_join_continued_makes_one_relation_of_a_quote_continued_after_its_attribution():
    # “We will win,” Mr X said, “and we will win big,”: the news guideline makes two claims with
    # the same speaker and cue; PolNeAR has one relation with a discontinuous content
    doc = read_polnear("toy", PN_TEXT, PN_ANN)
    speaker_cue = {"speaker_start": 15, "speaker_end": 26, "cue_start": 27, "cue_end": 31}
    pred = [{**speaker_cue, "start": 1, "end": 12}, {**speaker_cue, "start": 34, "end": 53}]
    joined = join_continued(pred)
    assert joined == [{**speaker_cue, "start": 1, "end": 53}]
    c = _counts(score_attributions([doc], [joined]))
    assert c["content_strict"] == (1, 0, 2) and c["cue_strict"] == (1, 0, 2)
    # another speaker's claim with the same cue span stays a relation of its own
    other = {**speaker_cue, "speaker_start": 0, "speaker_end": 2, "start": 34, "end": 53}
    assert join_continued([pred[0], other]) == [pred[0], other]


def test_to_raw_offsets_survives_inserted_line_breaks():
    # the news parser stores an opening "HEADING: text" as two paragraphs; alignment must not drift
    raw = "UPDATE: 5/12 \u2014 Trump said it was over, aides said."
    stored = "UPDATE:\n\n5/12 \u2014 Trump said it was over, aides said."
    s = stored.index("aides")
    (moved,) = to_raw_offsets([{"start": s, "end": s + 5}], raw, stored)
    assert raw[moved["start"] : moved["end"]] == "aides"


def test_to_raw_offsets_undoes_text_normalisation():
    raw = "Mr  Trump\u00ad said: \u201cJose\u0301 wins.\u201d\r\n"
    stored = "Mr Trump said: \u201cJos\u00e9 wins.\u201d"  # what the pipeline stores and points into
    pred = {
        "speaker_start": 0,
        "speaker_end": 8,
        "cue_start": 9,
        "cue_end": 13,
        "start": 16,
        "end": 25,
        "x": 1,
    }
    (moved,) = to_raw_offsets([pred], raw, stored)
    assert moved == {
        "speaker_start": 0,
        "speaker_end": 9,
        "cue_start": 11,
        "cue_end": 15,
        "start": 18,
        "end": 28,
        "x": 1,
    }
    assert raw[18:28] == "Jose\u0301 wins"
    assert to_raw_offsets([{"start": None, "end": None}], raw, stored) == [{"start": None, "end": None}]


# ---------------------------------------------------------------------------- the gold set


def _gold_lines() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


VALID_KINDS = {
    "government",
    "police",
    "court",
    "legislature",
    "ngo",
    "international",
    "foreign_government",
    "other",
}


def test_gold_file_is_well_formed_and_carries_no_text():
    lines = _gold_lines()
    corpus = [o for o in lines if "corpus_file" in o]
    assert len(corpus) >= 28
    assert sum("seed" in o for o in lines) == 1
    assert len({o.get("link") or o.get("seed") for o in lines}) == len(lines)
    for o in lines:
        assert set(o) <= {
            "corpus_file",
            "link",
            "seed",
            "note",
            "officials",
            "agencies",
            "tier_placements",
            "claims",
        }
        for off in o["officials"]:
            assert set(off) <= {"name", "title", "organisation", "organisation_aliases"}, off
        for a in o["agencies"]:
            assert a["kind"] in VALID_KINDS, a
        for t in o["tier_placements"]:
            assert t["tier"] in {"1", "2", "2WL", "3", "special_case"}, t
        for c in o["claims"]:
            assert c["speaker_kind"] in {"person", "organisation", "report", "unnamed"}, c
            assert isinstance(c["direct"], bool)
        for off in o["officials"]:
            assert off["title"] == (off["title"] or "").lower()
            assert name_key(off["name"]) == off["name"].lower(), f"honorific left in {off['name']!r}"


def test_gold_seed_matches_issue_2():
    seed = next(o for o in _gold_lines() if "seed" in o)
    officials = {(o["name"], o["title"], o["organisation"]) for o in seed["officials"]}
    assert officials == {
        ("Ahmad Ishaque Jehangir", "director general", "Federal Investigation Agency"),
        ("Syed Kausar Abbas", "executive director", "Sustainable Social Development Organization"),
        ("Ehsan Sadiq", "director general", "National Police Bureau"),
    }
    assert {(a["name"], a["kind"]) for a in seed["agencies"]} == {
        ("Federal Investigation Agency", "government"),
        ("Sustainable Social Development Organization", "ngo"),
        ("National Police Bureau", "police"),
        ("US Department of State", "foreign_government"),
    }
    told = [c for c in seed["claims"] if c["cue"] == "told" and c["speaker"] == "Syed Kausar Abbas"]
    assert len(told) == 1 and told[0]["direct"] is True


@needs_shared
def test_every_gold_article_resolves_and_every_span_occurs_in_its_text():
    from flows.gold import load_gold

    docs = load_gold(GOLD, SHARED)
    assert len(docs) == len(_gold_lines())
    problems = {d.key: missing_spans(d) for d in docs if missing_spans(d)}
    assert problems == {}
    assert all(len(d.text) > 300 for d in docs)
    for d in docs:  # offsets computed at load time point at the annotated strings
        for c in d.claims:
            assert normalize(d.text[c["start"] : c["end"]]) == normalize(c["content"])
            assert normalize(d.text[c["cue_start"] : c["cue_end"]]) == normalize(c["cue"])
    assert score(docs, docs)["claims"].f1 == 1.0


def test_gold_doc_from_a_line():
    line = _gold_lines()[0]
    doc = gold_doc(line, "text")
    assert doc.text == "text" and doc.key == (line.get("link") or line.get("seed"))


@needs_shared
def test_polnear_test_split_reads_and_scores_itself():
    from flows.gold import load_polnear

    docs = load_polnear("test", SHARED)
    assert len(docs) == 84
    report = score_attributions(docs, [gold_as_predictions(d) for d in docs])
    assert report["source_strict"].f1 == 1.0
    assert report["content_overlap"].f1 == 1.0
