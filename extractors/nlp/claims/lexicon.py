"""Word lists and settings the claim rules share."""

from __future__ import annotations

import re

CLAIMS = "tipwatch.claims"
_TEXT_KEY = "tipwatch.claims.text"
_QUOTES_KEY = "tipwatch.claims.quotes"
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_ORG_PRONOUNS = {"it"}
_UNNAMED_HEADS = {
    "official",
    "officials",
    "officer",
    "officers",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "source",
    "sources",
    "authorities",
    "police",
    "statement",
    "ministry",
    "report",
    "document",
    "release",
}
_PERSON_HEADS = {
    "minister",
    "president",
    "chairman",
    "chairperson",
    "chairwoman",
    "secretary",
    "director",
    "governor",
    "senator",
    "judge",
    "justice",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "official",
    "officer",
    "ambassador",
    "commissioner",
    "premier",
    "chief",
    "leader",
    "adviser",
    "advisor",
    "mayor",
    "envoy",
    "inspector",
    "superintendent",
    "dg",
    "ceo",
    "head",
    "speaker",
    "source",
    "complainant",
    "lawyer",
}
# "the complainant" is whoever lodged the complaint or case (a person, not an official)
_COMPLAINANT_HEADS = {"complainant", "petitioner", "applicant"}
_COMPLAINT_VERBS = {"lodge", "file", "register", "submit"}
_STUDY_HEADS = {"study", "studies", "survey", "surveys", "research", "analysis", "assessment"}
_MEETING_HEADS = {"meeting", "session", "sitting"}
_PARTITIVES = {
    "some",
    "many",
    "most",
    "several",
    "few",
    "one",
    "two",
    "three",
    "all",
    "none",
    "each",
    "both",
    "majority",
}
_OFFICE_HEADS = _PERSON_HEADS - {
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "official",
    "officer",
    "source",
    "complainant",
    "lawyer",
    "leader",
    "head",
}
_TITLE_ABBREVIATIONS = {
    "dg": "director general",
    "ig": "inspector general",
    "igp": "inspector general of police",
    "ceo": "chief executive officer",
    "sho": "station house officer",
    "ssp": "senior superintendent",
    "adg": "additional director general",
}
_ORG_HEADS = {
    "agency",
    "ministry",
    "committee",
    "department",
    "authority",
    "commission",
    "organisation",
    "organization",
    "body",
    "court",
    "force",
    "bureau",
    "division",
    "directorate",
    "government",
    "office",
    "embassy",
    "mission",
}
_ISSUED_HEADS = {"release", "statement", "communique", "communiqué", "announcement"}
_REPORT_HEADS = {
    "report",
    "reports",
    "study",
    "survey",
    "document",
    "bill",
    "release",
    "statement",
    "memo",
    "letter",
    "poll",
    "analysis",
    "data",
    "record",
    "records",
    "filing",
    "complaint",
    "ruling",
    "notification",
}
_TRIM = " \t\n,;:—–-"
_CUE_LEFT_DEPS = {"aux", "auxpass", "neg", "advmod"}
_SPEAKERLESS_DROP = {"conj", "xcomp", "advcl", "acl"}
_MARKUP = re.compile(r'[a-z_]+="|</?[a-z]+[ >]')
# "…, who served as ambassador, said", "…, who is a lawyer, said": a clause giving the source's role or
# credentials stays
_CREDENTIAL_VERBS = {
    "be",
    "serve",
    "head",
    "run",
    "lead",
    "direct",
    "study",
    "represent",
    "chair",
    "oversee",
    "teach",
    "work",
    "manage",
    "found",
    "advise",
    "specialize",
    "specialise",
    "research",
    "track",
    "tracks",
}
_TRIM_CLAUSES = ("relcl", "acl")
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_NO_SOURCE_CUES = {"seem", "appear"}
_THAT_NOUNS = {
    "hope",
    "concern",
    "concerns",
    "fear",
    "fears",
    "belief",
    "view",
    "confidence",
    "conviction",
    "apprehension",
    "expectation",
    "optimism",
    "assurance",
    "opinion",
    "wish",
    "desire",
    "claim",
    "allegation",
}
# paragraph labels that end with a colon but name no speaker
_HEADING_WORDS = {
    "note",
    "notes",
    "update",
    "updates",
    "updated",
    "correction",
    "corrections",
    "clarification",
    "disclosure",
    "related",
    "twitter",
    "facebook",
    "instagram",
    "photo",
    "photos",
    "video",
    "caption",
    "credit",
    "advertisement",
}
_CONTENT_STOP = {
    "adding",
    "saying",
    "noting",
    "stressing",
    "explaining",
    "arguing",
    "insisting",
    "warning",
    "telling",
    "calling",
    "claiming",
    "suggesting",
    "asking",
    "urging",
    "pointing",
}


# --------------------------------------------------------------------------------------------
# quotations
