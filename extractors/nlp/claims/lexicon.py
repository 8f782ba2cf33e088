"""The claims component's word lists and settings, shared by its construction modules.

The word lists live in ``models/patterns/claim_lexicon.toml`` (one list per key, each with a
note on what it is for) and are read once, here, into sets under the names the rules import;
the title abbreviations ("DG" -> "director general") come from ``patterns/titles.jsonl``.
Parser labels, trimming characters and ``user_data`` keys are code settings and stay below.
"""

from __future__ import annotations

import re

from extractors.assets import MODELS_DIR, read_csv, read_lines, read_toml
from extractors.nlp.components.rule_files import title_abbreviations

CLAIMS = "tipwatch.claims"  # doc.user_data key of the claims the component found
_TEXT_KEY = "tipwatch.claims.text"  # per-doc caches, dropped when the component is done
_QUOTES_KEY = "tipwatch.claims.quotes"

_LEXICON = read_toml(str(MODELS_DIR / "patterns" / "claim_lexicon.toml"))


def _words(key: str) -> set[str]:
    return set(_LEXICON[key])


_PERSON_PRONOUNS = _words("person_pronouns")
_ORG_PRONOUNS = _words("org_pronouns")
_MALE_PRONOUNS = _words("male_pronouns")
_FEMALE_PRONOUNS = _words("female_pronouns")
_MALE_HONORIFICS = _words("male_honorifics")
_FEMALE_HONORIFICS = _words("female_honorifics")
_PERSON_HONORIFICS = _MALE_HONORIFICS | _FEMALE_HONORIFICS | _words("neutral_honorifics")
_GROUP_PRONOUNS = _words("group_pronouns")
_UNNAMED_HEADS = _words("unnamed_heads")
_POLICE_HEADS = _words("police_heads")
_GROUP_NOUNS = _words("group_nouns")
_QUOTE_LEAD_CUES = _words("quote_lead_cues")
_SAME_TITLE_HEADS = {w: line.split() for line in _LEXICON["same_title_heads"] for w in line.split()}

_POLICE_UNIT_WORDS = _words("police_unit_words")
_PERSON_HEADS = _words("person_heads")
_MEMBER_HEADS = _words("member_heads")
_COMPLAINANT_HEADS = _words("complainant_heads")
_COMPLAINT_VERBS = _words("complaint_verbs")
_STUDY_HEADS = _words("study_heads")
_MEETING_HEADS = _words("meeting_heads")
_PARTITIVES = _words("partitives")
_COUNTING_WORDS = _words("counting_words")
_OFFICE_HEADS = _PERSON_HEADS - _words("not_office_heads")
_SPEAKER_HEADS = _words("speaker_heads")
_EPITHET_HEADS = _words("epithet_heads")
_MEDIA_HEADS = _words("media_heads")
_MEDIA_SERVICE_HEADS = _words("media_service_heads")
_OTHER_OFFICE_WORDS = _words("other_office_words")
_TIP_REPORT_WORDS = _words("tip_report_words")
_INTENTION_CUES = _words("intention_cues")
_PEER_TITLES = _words("peer_titles")
_BODY_HEAD_KINDS: dict[str, set[str]] = {k: set(v) for k, v in _LEXICON["body_head_kinds"].items()}
_SPOKEN_HEAD_KINDS: dict[str, set[str]] = {k: set(v) for k, v in _LEXICON["spoken_head_kinds"].items()}
_POINTING_WORDS = _words("pointing_words")
_STATEMENT_NOUNS = _words("statement_nouns")
_TIP_REPORT_MODIFIERS = _words("tip_report_modifiers")
# abbreviated titles, the same the entity ruler tags ("the DG said": a person whose title ends
# in "general")
_TITLE_ABBREVIATIONS = title_abbreviations(str(MODELS_DIR / "patterns" / "titles.jsonl"))


def title_words(word) -> list[str]:
    """The words of the title ``word`` (a token) stands for: "DG" -> ["director", "general"],
    "minister" -> ["minister"]; its last word is the head a person's title must end in."""
    return _TITLE_ABBREVIATIONS.get(word.lower_, word.lower_).split()


def other_title_forms(head: str) -> list[str]:
    """The other forms of a title's head word ("spokesperson" -> ["spokesman", "spokeswoman"])."""
    return [w for w in _SAME_TITLE_HEADS.get(head, []) if w != head]


_ORG_HEADS = _words("org_heads")
_GENERIC_ORG_HEADS = _words("generic_org_heads")
_COMPANY_HEADS = _words("company_heads")
_ENTOURAGE_HEADS = _words("entourage_heads")
_SAME_WORDS = _words("same_words")
_STATUS_WORDS = _words("status_words")
_READER_PRONOUNS = _words("reader_pronouns")
_ISSUED_HEADS = _words("issued_heads")
_REPORT_HEADS = _words("report_heads")
_CREDENTIAL_VERBS = _words("credential_verbs")
_NAME_PARTICLES = _words("signature_particles")
_NO_SOURCE_CUES = _words("no_source_cues")
_SOURCELESS_PASSIVES = _words("sourceless_passives")
_AS_ONLY_CUES = _words("as_only_cues")
_INFINITIVE_OBJECT_CUES = _words("infinitive_object_cues")
_QUOTING_PASSIVES = _words("quoting_passives")
_THAT_NOUNS = _words("that_nouns")
_HEADING_WORDS = _words("heading_words")
_CONTENT_STOP = _words("content_stop")
_TOPIC_OPENERS = _words("topic_openers")
_TIME_LINKS = _words("time_links")
_SETTING_NOUNS = _words("setting_nouns")
# days and "today": a speaker phrase ends before them (spans.py _time_tail); the officials
# component reads the same file for names ("Attaullah Tarar Tuesday said")
_TIME_WORDS = {w.lower() for w in read_lines(str(MODELS_DIR / "patterns" / "time_words.txt"))}
_DATELINE = re.compile(_LEXICON["dateline"])

# parser labels and characters
_TRIM = " \t\n,;:—–-"  # trimmed off both ends of a content span
_CUE_LEFT_DEPS = {"aux", "auxpass", "neg", "advmod"}  # what joins a cue verb on its left
_SPEAKERLESS_DROP = {"conj", "xcomp", "advcl", "acl"}  # see ClaimFinder._kept
_MARKUP = re.compile(r'[a-z_]+="|</?[a-z]+[ >]')  # markup left in a text (<tweet author="…">)
_TRIM_CLAUSES = ("relcl", "acl")  # clauses on a source that may come off it (spans._np)
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")


def _place_names() -> set[str]:
    """Countries and the places the gazetteers list in them (``countries.csv``, ``country_words.csv``,
    ``places.csv``), lower-cased: a paragraph label that is one is a dateline ("KATHMANDU: …")."""
    gaz = MODELS_DIR / "gazetteers"
    names = set()
    for r in read_csv(str(gaz / "countries.csv")):
        names |= {r["name"], *(a for a in r["aliases"].split("|") if a)}
    for r in read_csv(str(gaz / "country_words.csv")):
        names |= {r["country"], *(a for a in r["places"].split("|") if a)}
    names |= {r["place"] for r in read_csv(str(gaz / "places.csv"))}
    return {n.lower() for n in names}


_PLACE_NAMES = _place_names()
