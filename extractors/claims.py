"""Attributed statements: who said what, with which cue, directly or indirectly.

``tipwatch_claims_v1`` (a registered spaCy component) finds attributions in the PARC/PolNeAR
sense: a *source* (speaker), a *cue* and *content*.

* Verbal cues come from ``models/patterns/cues.csv``: per lemma, the arguments that carry the
  content (``ccomp`` "said that …", ``xcomp`` "plans to …", ``dobj`` "denied the report",
  ``dobj_xcomp`` "urged Congress to …", ``prep:for`` "called for …") and whether the verb
  introduces a direct quote (``quote``). The cue is the verb group: adjacent auxiliaries,
  negation and adverbs ("has said", "did not say", "also said"), particles and a linking
  preposition ("pointed out", "called for"); a passive cue keeps its auxiliary ("was told").
* The source is the cue verb's subject noun phrase with its modifiers ("Scott Pruitt, the
  attorney general of Oklahoma", "X, who is a lawyer,"), without a clause of what it did or said
  (", who endorsed Y,"), a focusing "even", a floating "both"/"all", a dateline or a misparsed
  opening phrase ("With 50 days left, Minyon Moore, an adviser, said"), and never running into its
  cue. A participle ("…, adding that …"), a conjoined verb ("announced … and said …") or a gerund
  after a preposition ("despite criticizing …") shares its head's subject, also when the parser
  hangs it on the reported clause ("X said Y was wrong, adding …": X); an infinitive after a named
  object takes the object ("prompted NATO to order"); a relative pronoun is the source itself
  ("who said"). A subject inside a quotation is not its speaker ("“…,” said X"). A passive cue
  takes its ``by`` agent ("asked by X") or has no source ("the conference was told"), as have
  impressions ("Trump seemed to suggest …", "it appeared that …") and a participle opening an
  adverbial clause ("Asked whether …, Ryan said": Ryan was asked) unless it has a by-agent.
* Direct quotes (“…”, "…" and ASCII ''…'') get the cue in their sentence before ("X said: “…”")
  or after ("“…,” said X" / "“…,” X told reporters"); a quote that continues after its attribution
  ("“A,” he said. “B.”") or in the next paragraph extends the same claim, so one claim's
  ``start``/``end`` can enclose its own speaker and cue. A quote inside an indirect content makes
  a mixed claim (``direct`` false). Quotes of fewer than three words with no cue are scare quotes.
* "according to X", "as per X": X is the source, the rest of the sentence the content (a
  sentence-initial source ends at the comma before the clause's subject).
* A quotation signed with a dash and a name ending its paragraph ("“…” ― Sonya Herridge"): the
  name is the source. A passive "X is expected/urged to Y" with no agent: "X … to Y" is the
  content and there is no source. A participle on a noun ("issued a statement saying …") takes
  the issuer, or the noun itself ("protesters chanting …").
* Noun cues from ``models/patterns/cue_nouns.csv`` with a possessor as the source ("his view that
  …", "Trump's call for …", "Rubio's response was …"); parenthetical cues ("India, it says,
  demonstrated …"; "The plan, he told me, is …": the hearer is no content); transcript and
  headline speakers ("WALLACE: …", not datelines; in the first line one capitalised word will do,
  as "Poll: …" is often tagged a common noun, and so will a surname of a person the text names,
  "MATTHEWS: …"; labels such as "Editor's note:" are skipped).
* A second cue of the same speaker that the parser hangs on the reported clause ("X says A and
  says B", "said A and called B …") ends the first content and makes its own claim.
* Attributions nested in another's content are dropped (the outermost one is kept, as PolNeAR
  annotates; of two that hold each other's cue, the later), except a relative clause with its own
  named speaker and a gap in its reported clause ("the deals, which she said were unfair"), which
  ends the holder's content instead (PolNeAR is univocal). Also dropped: active cues in modifiers
  or conjuncts whose speaker cannot be found.

The rules were tuned on PolNeAR train/dev (cue lemmas mined from train were kept when their
train precision was >= 0.5) and on the news gold set; where the two disagree (PolNeAR keeps
"that" and adverbs such as "also" in content and cue spans, counts decrees and actions on
statements), the claims table follows the news guideline (``models/gold/README.md``): ``cue`` is
the verb group without leading adverbs while ``cue_start``/``cue_end`` cover the whole group.

Speakers are resolved for the ``claims`` table through the officials component: full names for
surnames, the last mentioned person for he/she, a person whose title fits for "the minister",
the last agency for "it"; the subject text otherwise. Results go to ``doc.user_data[CLAIMS]`` as
dicts with character offsets; :func:`claim_type` classifies a claim's content with
``models/patterns/claim_types.csv``. Unbalanced quotation marks in a paragraph are skipped, not
guessed, except that a quote left open at a paragraph's end runs to that end (the convention for
quotes over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .components.assets import read_csv
from .components.entities import AGENCY_INFO
from .components.officials import PERSON_AT, PEOPLE

CLAIMS = "tipwatch.claims"
_TEXT_KEY = "tipwatch.claims.text"
_QUOTES_KEY = "tipwatch.claims.quotes"
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_ORG_PRONOUNS = {"it"}
_UNNAMED_HEADS = {"official", "officials", "officer", "officers", "spokesperson", "spokesman", "spokeswoman", "source",
                  "sources", "authorities", "police", "statement", "ministry", "report", "document", "release"}
_PERSON_HEADS = {"minister", "president", "chairman", "chairperson", "chairwoman", "secretary", "director", "governor",
                 "senator", "judge", "justice", "spokesman", "spokesperson", "spokeswoman", "official", "officer",
                 "ambassador", "commissioner", "premier", "chief", "leader", "adviser", "advisor", "mayor", "envoy",
                 "inspector", "superintendent", "dg", "ceo", "head", "speaker", "source", "complainant", "lawyer"}
# "the complainant" is whoever lodged the complaint or case (a person, not an official)
_COMPLAINANT_HEADS = {"complainant", "petitioner", "applicant"}
_COMPLAINT_VERBS = {"lodge", "file", "register", "submit"}
_STUDY_HEADS = {"study", "studies", "survey", "surveys", "research", "analysis", "assessment"}
_MEETING_HEADS = {"meeting", "session", "sitting"}
_PARTITIVES = {"some", "many", "most", "several", "few", "one", "two", "three", "all", "none", "each", "both", "majority"}
_OFFICE_HEADS = _PERSON_HEADS - {"spokesman", "spokesperson", "spokeswoman", "official", "officer", "source",
                                 "complainant", "lawyer", "leader", "head"}
_TITLE_ABBREVIATIONS = {"dg": "director general", "ig": "inspector general", "igp": "inspector general of police",
                        "ceo": "chief executive officer", "sho": "station house officer", "ssp": "senior superintendent",
                        "adg": "additional director general"}
_ORG_HEADS = {"agency", "ministry", "committee", "department", "authority", "commission", "organisation", "organization",
              "body", "court", "force", "bureau", "division", "directorate", "government", "office", "embassy", "mission"}
_ISSUED_HEADS = {"release", "statement", "communique", "communiqué", "announcement"}
_REPORT_HEADS = {"report", "reports", "study", "survey", "document", "bill", "release", "statement", "memo", "letter",
                 "poll", "analysis", "data", "record", "records", "filing", "complaint", "ruling", "notification"}
_TRIM = " \t\n,;:—–-"
_CUE_LEFT_DEPS = {"aux", "auxpass", "neg", "advmod"}
_SPEAKERLESS_DROP = {"conj", "xcomp", "advcl", "acl"}
_MARKUP = re.compile(r'[a-z_]+="|</?[a-z]+[ >]')
# "…, who served as ambassador, said", "…, who is a lawyer, said": a clause giving the source's role or
# credentials stays
_CREDENTIAL_VERBS = {"be", "serve", "head", "run", "lead", "direct", "study", "represent", "chair", "oversee", "teach", "work",
                     "manage", "found", "advise", "specialize", "specialise", "research", "track", "tracks"}
_TRIM_CLAUSES = ("relcl", "acl")
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_NO_SOURCE_CUES = {"seem", "appear"}
_THAT_NOUNS = {"hope", "concern", "concerns", "fear", "fears", "belief", "view", "confidence", "conviction", "apprehension",
               "expectation", "optimism", "assurance", "opinion", "wish", "desire", "claim", "allegation"}
# paragraph labels that end with a colon but name no speaker
_HEADING_WORDS = {"note", "notes", "update", "updates", "updated", "correction", "corrections", "clarification", "disclosure",
                  "related", "twitter", "facebook", "instagram", "photo", "photos", "video", "caption", "credit", "advertisement"}
_CONTENT_STOP = {"adding", "saying", "noting", "stressing", "explaining", "arguing", "insisting", "warning",
                 "telling", "calling", "claiming", "suggesting", "asking", "urging", "pointing"}


# --------------------------------------------------------------------------------------------
# quotations

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation: “…”, "…" and ASCII ''…''.

    Per paragraph (line). A paragraph with a stray closing mark is skipped, except that ” typed
    where a quotation opens (after a space or colon, before a letter) opens it; a quotation still
    open at the end of its paragraph runs to that end (a quote over several paragraphs reopens
    each one).
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        found: list[tuple[int, int]] = []
        i, ok, n = 0, True, len(para)
        while i < n:
            ch = para[i]
            if ch == "'" and para.startswith("''", i):
                close = para.find("''", i + 2)
                end = close if close != -1 else n
                found.append((offset + i + 2, offset + end))
                i = end + 2
                continue
            if ch == "”" and (i == 0 or para[i - 1] in " :(") and i + 1 < n and para[i + 1].isalnum():
                ch = "“"  # a closing mark typed where an opening one belongs (” No single agency …”)
            if ch in "“\"":
                close_ch = "”" if ch == "“" else '"'
                close = para.find(close_ch, i + 1)
                if ch == "“":
                    reopen = para.find("“", i + 1)
                    if reopen != -1 and (close == -1 or reopen < close):
                        ok = False  # “ … “ … : unbalanced
                        break
                end = close if close != -1 else n
                found.append((offset + i + 1, offset + end))
                i = end + 1
                continue
            if ch == "”":
                ok = False
                break
            i += 1
        if ok:
            spans.extend(s for s in found if s[1] > s[0])
        offset += n + 1
    return spans


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of summary bullets and subheadings: a line opening with a bullet ("• NA panel
    instructs NHA to …") or a short line with no closing punctuation and no quotation ("Says rights
    of … are fundamental, but not absolute", "…, say officials"). They sum up the story; the
    statements they sum up are annotated where the story makes them."""
    spans, offset = [], 0
    if "\n" not in text.strip():
        return spans  # a single paragraph is the text itself, not a heading over it
    lines = text.split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        # a paragraph of its own (blank lines around it), not a hard-wrapped line of a sentence
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
        if s and (s[0] in "•·▪●" or (alone and len(s.split()) < 25 and not re.search(r"[.?!:;\"”’')\]]$", s)
                                       and not re.search(r"[“”\"―]", s))):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _text(doc: Doc) -> str:
    """The doc's text, computed once per doc (``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or not len(doc) or len(cached) != doc[-1].idx + len(doc[-1].text_with_ws):
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def _trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's content without edge spaces and trailing commas; its final full stop goes
    too unless the quotation has several sentences (the news guideline)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    if end > start and text[end - 1] == "." and not re.search(r"[.?!] ", text[start : end - 1]):
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------
# the component

@dataclass
class _Claim:
    cue: Token  # the cue's head token (verb, "according")
    cue_start: int
    cue_end: int
    src: Span | None  # source span in the text (None: no source)
    speaker: tuple[str | None, str]
    start: int
    end: int
    direct: bool

    def cue_text(self) -> str:
        """The cue as the claims table shows it: the verb group without leading adverbs ("also
        said" -> "said"); the offsets keep the whole group (PolNeAR's cue span)."""
        doc = self.cue.doc
        span = doc.char_span(self.cue_start, self.cue_end, alignment_mode="expand")
        start = self.cue_start
        if span is not None:
            for t in span:
                if t.dep_ == "advmod" and t.i != self.cue.i:
                    start = t.idx + len(t)
                    continue
                break
        return _text(doc)[start:self.cue_end].strip()

    def as_dict(self) -> dict:
        speaker, kind = self.speaker
        return {
            "speaker": speaker, "speaker_kind": kind,
            "speaker_start": self.src.start_char if self.src is not None else None,
            "speaker_end": self.src.end_char if self.src is not None else None,
            "cue": self.cue_text(), "cue_start": self.cue_start, "cue_end": self.cue_end,
            "start": self.start, "end": self.end, "direct": self.direct,
        }


def _parse_args(value: str) -> frozenset[str]:
    return frozenset(a.strip() for a in value.split("|") if a.strip())


def _one_person(src: Span) -> bool:
    """A source "he"/"she" can stand for: one person ("the official", "A deputy attorney general",
    "the complainant", "the investigating officer"), not a group ("particularly Afghan nationals")
    or a thing ("the briefing presented by the DG")."""
    root = src.root
    if root.tag_ in ("NNS", "NNPS"):
        return False
    low = root.lower_
    heads = _PERSON_HEADS | _UNNAMED_HEADS | _COMPLAINANT_HEADS
    # "an official privy to the development" is parsed with "privy" as its root
    if any(t.lower_ in heads for t in src[: root.i - src.start + 1]) or any(e.label_ == "TITLE" and e.start <= root.i < e.end for e in src.ents):
        return True
    if root.ent_type_ == "PERSON" or (root.pos_ == "PROPN" and not root.ent_type_):
        return True  # a name the officials component did not resolve ("…, Ambreen Jan")
    return low.endswith(("er", "or", "ist", "ant", "ent", "man", "woman", "person"))  # agent nouns: doctor, lawyer, resident


def _headed(name: str, head: str) -> bool:
    """The body's name has ``head`` as its head noun: "Senate Standing Committee on Interior",
    "Ministry of Interior" for committee/ministry, not "Sindh Local Government Department" for
    government."""
    words = name.lower().replace(",", " ").split()
    if words and words[-1] == head:
        return True
    first = next((i for i, w in enumerate(words) if w in ("of", "on", "for") and i > 0), None)
    return first is not None and words[first - 1] == head


class ClaimFinder:
    """Finds claims in a parsed doc; settings are the two pattern files (see module docstring)."""


    def __init__(self, nlp: Language, name: str, *, cues: str, claim_types: str, cue_nouns: str = ""):
        self.name = name
        self.cues: dict[str, frozenset[str]] = {row["lemma"]: _parse_args(row["args"]) for row in read_csv(cues)}
        self.nouns: dict[str, frozenset[str]] = {row["lemma"]: _parse_args(row["args"]) for row in read_csv(cue_nouns)} if cue_nouns else {}
        self.types = read_csv(claim_types)

    # -- speakers ---------------------------------------------------------------------------------
    def speaker(self, doc: Doc, subj: Span, before: int, earlier: list | None = None) -> tuple[str | None, str]:
        """Resolve a source span to (speaker, speaker_kind) for the claims table.

        An office of a body ("the Director General of the NCCIA", "the FIA DG", "Secretary MoHR") is
        the person the story names in that office, else an unnamed official, never the body itself;
        an official of a body ("A senior official of FIA Gujrat circle") is unnamed; "the
        complainant" is the person who lodged the complaint or case; "the meeting" is the
        legislative body named last; a study by a body is a report; "Some of the FIA officials" is
        the group after "of"; "he"/"she" never refers back to a plural group's claim.

        ``earlier``: the claims before this one, in text order; an anaphoric source ("he", "the
        minister", "the spokesman", "it", "the agency") refers back to the last fitting speaker,
        which journalism makes a better guess than the last name mentioned."""
        earlier = earlier or []
        person_at = doc.user_data.get(PERSON_AT, {})
        root = subj.root
        if root.lower_ in _PARTITIVES:
            # "Some of the sacked FIA officials": the group after "of" is the head
            root = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                         if g.dep_ == "pobj"), root)
        low = root.lower_
        for t in subj:
            if t.i in person_at and (t.head.i == root.i or t.i == root.i or root.i in person_at
                                     or (t.head.i in person_at and not self._in_clause(self._name_head(doc, t, person_at), root))):
                # a name inside a modifier is not the source: "The meeting, presided over by Chairman X, noted"
                return person_at[t.i], "person"
        if low in ("who", "which", "that") and root.head.dep_ == "relcl" and root.head.head.i < root.i:
            noun = root.head.head  # "Mr Tarar, who said …": the relative pronoun stands for the noun
            if noun.i in person_at:
                return person_at[noun.i], "person"
            np = doc[noun.left_edge.i : root.i]
            while len(np) > 1 and (np[-1].is_punct or np[-1].is_space):
                np = np[:-1]
            if len(np) and root.i not in range(np.start, np.end):
                return self.speaker(doc, np, before, earlier)
        spoken = [c.speaker for c in reversed(earlier) if c.speaker[0] is not None]
        if low in _PERSON_PRONOUNS and len(subj) == 1:
            # an unnamed speaker "he" can stand for is one person ("the official"), not a group
            # ("particularly Afghan nationals", "officials")
            prev_claim = next((c for c in reversed(earlier) if c.speaker[0] is not None and (
                c.speaker[1] == "person" or (c.speaker[1] == "unnamed" and c.speaker[0].lower() not in _PERSON_PRONOUNS | {"they", "we", "i", "you"}
                                             and (c.src is None or _one_person(c.src))))), None)
            prior = [i for i in person_at if i < before]
            last_mention = person_at[max(prior)] if prior else None
            # a named person who is the subject of a sentence after the last speaker's cue took
            # the floor ("DG Qazi briefed the committee. He said …")
            after = prev_claim.cue.i if prev_claim is not None else -1
            subjects = [i for i in prior if i > after and doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.dep_ == "ROOT"]
            if subjects:
                return person_at[max(subjects)], "person"
            if prev_claim is not None:
                return prev_claim.speaker
            if last_mention:
                return last_mention, "person"
            return subj.text, "unnamed"
        if low in _ORG_PRONOUNS and len(subj) == 1:
            prev = next((sp for sp in spoken if sp[1] in ("organisation", "report")), None)
            if prev is not None:
                return prev
            prior = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= subj.start]
            if prior:
                return prior[-1].ent_id_ or prior[-1].text, "organisation"
            return subj.text, "unnamed"
        bare_title = all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") for t in subj) and not any(e.label_ in ("AGENCY", "PERSON", "GPE") for e in subj.ents)
        definite = (subj[0].lower_ in ("the", "this") or (bare_title and subj[0].lower_ not in ("a", "an"))) and len(subj) <= 4 \
            and not any(e.label_ in ("AGENCY", "PERSON") for e in subj.ents)
        if definite and low in _MEETING_HEADS:
            # "The meeting, presided over by …, noted": the legislative body whose meeting it is
            kinds = doc.user_data.get(AGENCY_INFO, {})
            bodies = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= before
                      and kinds.get(e.ent_id_ or e.text, {}).get("kind") == "legislature"]
            if bodies:
                return bodies[-1].ent_id_ or bodies[-1].text, "organisation"
        if definite and low in _COMPLAINANT_HEADS:
            filer = self._complainant(doc, before)
            if filer:
                return filer, "person"
        if definite and low in _PERSON_HEADS:
            titled = self._titled_person(doc, subj, before)
            if titled:
                return titled, "person"
            for sp in spoken:
                if sp[1] == "person" and low in _OFFICE_HEADS:
                    return sp
                if sp[1] == "unnamed" and low in sp[0].lower():
                    return sp
        if definite and low in _ORG_HEADS:
            # "The committee" after "The Ministry of Foreign Affairs informed the committee": a body
            # of that kind that spoke before, else the last body spoken of
            prev = next((sp for sp in spoken if sp[1] == "organisation" and _headed(sp[0], low)), None) \
                or next((sp for sp in spoken if sp[1] == "organisation"), None)
            if prev is not None and not _headed(prev[0], low):
                named = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= subj.start and _headed(e.ent_id_ or e.text, low)]
                if named:
                    return named[-1].ent_id_ or named[-1].text, "organisation"
            if prev is not None:
                return prev
            prior = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= subj.start and low in e.text.lower()]
            if prior:
                return prior[-1].ent_id_ or prior[-1].text, "organisation"
        if low in _ISSUED_HEADS:
            # "a press release issued by the FIA", "the statement": the issuer speaks
            orgs = [e for e in subj.ents if e.label_ == "AGENCY"]
            if orgs:
                return orgs[-1].ent_id_ or orgs[-1].text, "organisation"
            if definite:
                same = next((c.speaker for c in reversed(earlier) if c.src is not None and c.speaker[0] is not None
                             and c.speaker[1] in ("organisation", "report") and low in c.src.text.lower()), None)
                if same is not None and same[1] == "organisation":
                    return same  # "a UN press release said …" … "the press release said …"
                if same is not None:
                    return subj.text, "report"  # the release first met without an issuer stays one
                prev = next((sp for sp in spoken if sp[1] == "organisation"), None)
                if prev is not None:
                    return prev
                prior = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= subj.start]
                if prior:
                    return prior[-1].ent_id_ or prior[-1].text, "organisation"
        office = next((t for t in subj.ents if t.label_ == "TITLE" and t.start <= root.i < t.end), None)
        if office is None and any(t.label_ == "TITLE" for t in subj.ents):
            # "Secretary MoHR" (root on the body): a phrase of nothing but a title and its body
            in_ent = {i for e in subj.ents if e.label_ in ("TITLE", "AGENCY") for i in range(e.start, e.end)}
            if all(t.i in in_ent or t.lower_ in ("the", "of", "a", "an") for t in subj):
                office = next(t for t in subj.ents if t.label_ == "TITLE")
        for e in subj.ents:
            if e.label_ == "AGENCY" and office is not None:
                # "The Director General of Immigration and Passports", "the FIA DG": the holder of
                # the office when the story names one, else an unnamed official, not the body
                org = e.ent_id_ or e.text
                holder = next((p["name"] for p in doc.user_data.get(PEOPLE, []) if p.get("title") == office.ent_id_
                               and p.get("organisation") == org and any(s < before for s, _ in p["mentions"])), None)
                return (holder, "person") if holder else (subj.text, "unnamed")
            if e.label_ == "AGENCY":
                # "A senior official of FIA Gujrat circle", "A spokesman for FIA": a person of the
                # body, unnamed, wherever the body is named; "the FIA statement": the body speaks
                if low in _UNNAMED_HEADS and (root.i >= e.end or low in _PERSON_HEADS | {"officials", "officers", "sources"}):
                    if low in _REPORT_HEADS:
                        return subj.text, "report"
                    return subj.text, "unnamed"
                if low in _STUDY_HEADS:
                    return subj.text, "report"  # "A 2023 study by the UNODC and the EU": the study, not its authors
                return e.ent_id_ or e.text, "organisation"
        last_noun = next((t.lower_ for t in reversed(subj) if t.pos_ in ("NOUN", "PROPN")), low)
        if last_noun in _REPORT_HEADS and low not in _REPORT_HEADS and any(t.text in ("TIP", "Trafficking") for t in subj):
            return "report", "report"  # "The US 2024 Trafficking in Persons (TIP) report" parsed with another root
        if low in _REPORT_HEADS:
            tip = any(t.text in ("TIP", "Trafficking") for t in subj)
            return ("report" if low == "report" and (root.i - subj.start <= 1 or tip) else subj.text), "report"
        if root.ent_type_ == "PERSON":
            return subj.text, "person"  # a name the officials component did not resolve
        if office is not None and len(subj) <= 4:
            # "The IG", "the SHO": a title the heads above do not list is still a person
            holder = self._titled_person(doc, subj, before)
            return (holder, "person") if holder else (subj.text, "unnamed")
        if root.pos_ == "PROPN" and root.ent_type_ not in ("GPE", "LOC", "DATE"):
            return subj.text, "organisation"
        return subj.text, "unnamed"

    @staticmethod
    def _name_head(doc: Doc, tok: Token, person_at: dict) -> Token:
        """The token of ``tok``'s name whose head lies outside the name."""
        seen = set()
        while tok.head.i in person_at and person_at[tok.head.i] == person_at[tok.i] and tok.head.i != tok.i and tok.i not in seen:
            seen.add(tok.i)
            tok = tok.head
        return tok

    @staticmethod
    def _in_clause(tok: Token, root: Token) -> bool:
        """``tok`` hangs from ``root`` through a clause ("presided over by X", "who met X")."""
        while tok.i != root.i and tok.head.i != tok.i:
            if tok.dep_ in ("acl", "relcl", "advcl"):
                return True
            tok = tok.head
        return False

    def _complainant(self, doc: Doc, before: int) -> str | None:
        """The person who lodged the complaint or case before token ``before``: the subject of
        "lodged/filed/registered" ("Sarang Khan, the newborn child's father, lodged a case") or its
        agent ("the complaint filed by a citizen named Wahab Qayyum"); the last one wins."""
        person_at = doc.user_data.get(PERSON_AT, {})
        found = None
        for tok in doc[:before]:
            if tok.lemma_.lower() not in _COMPLAINT_VERBS:
                continue
            for child in tok.children:
                if child.dep_ in ("nsubj", "agent"):
                    who = next((person_at[t.i] for t in child.subtree if t.i in person_at), None)
                    if who:
                        found = who
        return found

    def _titled_person(self, doc: Doc, subj: Span, before: int) -> str | None:
        """"the minister", "Interior Minister", "the prime minister" -> the last person mentioned
        before with that title (other words of the phrase must occur in the title or organisation)."""
        root = subj.root
        if root.pos_ not in ("NOUN", "PROPN") or len(subj) > 4:
            return None
        words = {t.lower_ for t in subj if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != root.i}
        head_word = _TITLE_ABBREVIATIONS.get(root.lower_, root.lower_).split()[-1]
        best, best_at = None, -1
        for p in doc.user_data.get(PEOPLE, []):
            title = (p.get("title") or "").lower().split()
            if not title or head_word != title[-1]:
                continue
            known = " ".join(title) + " " + (p.get("organisation") or "").lower()
            if not all(w in known for w in words):
                continue
            at = max((s for s, _ in p["mentions"] if s < before), default=-1)
            if at > best_at:
                best, best_at = p["name"], at
        return best

    # -- finding ----------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        quotes = quote_spans(text)
        in_quote = [-1] * len(doc)
        for qi, (qs, qe) in enumerate(quotes):
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                for t in span:
                    in_quote[t.i] = qi
        claims: list[_Claim] = []
        for tok in doc:
            if in_quote[tok.i] >= 0:
                continue  # attributions inside a quotation are nested in it
            found = self._according(doc, tok) or self._verbal(doc, tok) or self._nominal(doc, tok)
            if found:
                claims.append(found)
        claims.extend(self._colon_speakers(doc, in_quote))
        claims.extend(self._signed_quotes(doc, quotes))
        claims = self._drop_nested(claims)
        claims = self._attach_quotes(doc, claims, quotes, in_quote)
        claims.sort(key=lambda c: c.cue_start)
        earlier: list[_Claim] = []
        for c in claims:
            if c.src is not None:
                c.speaker = self.speaker(doc, c.src, c.cue.i, earlier)
            earlier.append(c)
        claims.sort(key=lambda c: (c.start, c.cue_start))
        # markup left in a text (<tweet author="…">) is not speech
        # An active cue in a modifier or conjunct whose speaker could not be found ("a bill seeking
        # to amend …", "investigations to identify …") is rarely a statement anyone made: news gold
        # +0.02 speaker F1, PolNeAR train content -0.01.
        claims = [c for c in claims if c.src is not None or c.cue.dep_ not in _SPEAKERLESS_DROP
                  or any(x.dep_ in ("nsubjpass", "auxpass") for x in c.cue.children)
                  or c.cue.lemma_.lower() in _NO_SOURCE_CUES or self._hearer_participle(c.cue)]
        headings = _heading_lines(text)
        claims = [c for c in claims if not any(hs <= c.cue_start < he for hs, he in headings)]
        doc.user_data[CLAIMS] = [c.as_dict() for c in claims if c.end > c.start and not _MARKUP.search(text[c.start : c.end])]
        doc.user_data.pop(_TEXT_KEY, None)
        doc.user_data.pop(_QUOTES_KEY, None)
        return doc

    # -- cue verbs --------------------------------------------------------------------------------
    def _args(self, tok: Token) -> frozenset[str] | None:
        if tok.pos_ == "ADJ" and tok.lower_.endswith("ed") and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) \
                and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            # "The committee was earlier informed that …" with the participle tagged an adjective
            return next((self.cues[k] for k in (tok.lemma_.lower(), tok.lower_[:-1], tok.lower_[:-2]) if k in self.cues), None)
        if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.lemma_ == "say"):
            return None
        return self.cues.get(tok.lemma_.lower())

    def _cue_bounds(self, verb: Token, prep: Token | None = None) -> tuple[int, int]:
        """The verb group: adjacent auxiliaries, negation and adverbs on the left (also an adverb
        of an adverb: "is once again questioning"); particles and a linking preposition on the
        right. (Taking "said Friday"/"said in a statement" into the cue lowered PolNeAR dev cue
        F1: most of its cues stop at the verb.)"""
        doc = verb.doc
        group = {verb.i}
        left = verb.i
        while left - 1 >= 0:
            t = doc[left - 1]
            if t.head.i in group and t.dep_ in _CUE_LEFT_DEPS and not t.is_punct and t.lower_ not in ("when", "as", "how", "where", "why", "so"):
                left -= 1
                group.add(t.i)
            else:
                break
        right = verb.i
        for c in verb.children:
            if c.dep_ == "prt" and c.i == right + 1:
                right = c.i
        if prep is not None and prep.i > verb.i:  # "spoke emotionally of"
            return doc[left].idx, prep.idx + len(prep)
        return doc[left].idx, doc[right].idx + len(doc[right])

    def _source(self, verb: Token) -> tuple[Span | None, bool]:
        """(source span, passive). Walks up from participles and conjuncts to the verb with a subject."""
        doc = verb.doc
        if verb.lemma_.lower() in _NO_SOURCE_CUES:
            # "Trump seemed to suggest …", "it appeared that …": PolNeAR gives these impressions no
            # source (train: none 85 of 112); the subject is part of what seems
            return None, True
        v, seen = verb, 0
        while v is not None and seen < 4:
            seen += 1
            subj = [c for c in v.children if c.dep_ in _SUBJ_DEPS]
            if subj and all(self._quoted(c, verb) for c in subj):
                # "“…, it will …,” said James Acton", "“… Full panic mode,” said X": a subject inside
                # the quotation is the quote's word, not its speaker; the name between the quote and
                # the cue ("“We were wrong,” Ramos, 58, told AFP" with "told" parsed as a conjunct
                # of "were") or right after the cue speaks
                named = self._after_quote(subj[-1], verb)
                if named is not None:
                    return self._np(named), False
                after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "appos") and c.pos_ == "PROPN"
                         and c.ent_type_ not in ("DATE", "TIME")
                         and c.left_edge.i == verb.i + 1]
                if after or v is verb:
                    return (self._np(after[0]) if after else None), False
                # (a conjunct cue left without a speaker would be dropped with its content: keep it)
            else:
                subj = [c for c in subj if not self._quoted(c, verb)]
            if subj:
                before = [c for c in subj if c.i < v.i]
                s = before[-1] if before else subj[0]  # "ISLAMABAD, Feb 17 (APP): Minister X informed"
                if v is not verb and len(before) > 1 and any(c.i < verb.i for c in before):
                    # two subjects (a parse error): a participle or gerund reached from below belongs
                    # to the one before it ("Ryan, despite admitting …, the victims need …")
                    s = [c for c in before if c.i < verb.i][-1]
                if s.dep_ == "nsubjpass":
                    agent = [c for c in v.children if c.dep_ == "agent"]
                    pobj = [g for a in agent for g in a.children if g.dep_ == "pobj"]
                    return (self._np(pobj[0]) if pobj else None), True
                if s.lower_ in ("it", "there") and any(c.dep_ == "expl" for c in v.children):
                    return None, True
                np = self._np(self._named_appos(s) or s)
                for p in reversed(before[:-1]):
                    # a title or possessor split off as a second subject right before the name
                    # ("Sullivan's lawyer Beth Wilkinson said", "Democratic frontrunner Hillary
                    # Clinton is calling"): one source
                    if p.right_edge.i + 1 == np.start and p.pos_ in ("NOUN", "PROPN") and not p.right_edge.is_punct \
                            and not any(t.pos_ in ("VERB", "AUX") or "\n" in t.text_with_ws for t in doc[p.left_edge.i : np.start]):
                        np = doc[p.left_edge.i : np.end]
                return np, False
            if any(c.dep_ == "expl" for c in v.children):
                return None, True
            agent = [g for a in v.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if v is verb and v.tag_ == "VBN" and agent:
                # "Asked by Starnes whether …, Carson said": the asker is the agent
                return self._np(agent[0]), True
            h = v.head
            if v.dep_ == "xcomp" and v.tag_ == "VB" and h.pos_ in ("VERB", "AUX") and h.lemma_ != "promise":
                obj = [c for c in h.children if c.dep_ == "dobj" and h.i < c.i < v.i and (c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                       or (c.pos_ == "PRON" and c.lower_ in ("him", "her", "them", "us", "me")))]
                if obj:
                    # "prompted NATO to order …", "forced Stumpf to admit …": the person or body
                    # governed by the verb orders or admits ("used an expletive to describe …" keeps
                    # its subject)
                    return self._np(obj[0]), False
            if ((v.dep_ == "advcl" and v.tag_ == "VBG") or v.dep_ == "conj") and h.dep_ == "ccomp" and h.head.i < h.i \
                    and h.head.pos_ in ("VERB", "AUX") and h.head.lemma_.lower() in self.cues:
                # "Trump told Newsmax that Romney had a crazy policy, adding …", "He said the attacks
                # helped and said …": a participle or conjunct parsed onto the reported clause
                # continues the reporting verb, whose speaker it shares
                v = h.head
                continue
            if v.dep_ in ("conj", "advcl", "xcomp", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ") and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX") and v.head.lower_ in ("by", "in", "with", "without", "after", "before", "while"):
                v = v.head.head  # "began by saying …", "ended the speech with thanking …"
                continue
            if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep":
                # "Despite challenging …, Cruz said", "In addition to stating …, Clinton has vowed",
                # "pivoted to arguing …": a gerund after a preposition is done by the subject of
                # the verb (or adjective) the phrase hangs on, also through a noun ("in addition to")
                up = v.head.head
                for _ in range(2):
                    if up.pos_ in ("NOUN", "ADV", "ADP") and up.dep_ in ("pobj", "advmod", "prep", "pcomp") and up.head.i != up.i:
                        up = up.head
                    else:
                        break
                if up.pos_ in ("VERB", "AUX", "ADJ") and up.i != v.i:
                    v = up
                    continue
            if v.dep_ == "relcl" and v is verb:
                return None, False
            if v.dep_ == "ROOT":
                # "At Boca West, where …, Jay DiPietro, the club's president, suggested": the subject
                # parsed as an apposition to the object of an opening preposition
                for p in v.children:
                    if p.dep_ == "prep" and p.i < v.i:
                        for o in p.children:
                            named = self._named_appos(o, v) if o.dep_ == "pobj" else None
                            if named is not None:
                                return self._np(named), False
            if v.dep_ == "acl" and v.lower_.endswith("ing") and v.head.pos_ in ("NOUN", "PROPN") and v.i > v.head.i:
                # "issued a statement saying …", "posted a tweet reading …": the issuer speaks;
                # "protesters chanting …": the noun the participle modifies
                # (people as the object speak for themselves: "cheered Democrats hoping to …",
                # "featuring Hispanics telling …")
                people = v.head.ent_type_ in ("PERSON", "NORP")
                if v.head.dep_ == "dobj" and v.head.head.pos_ in ("VERB", "AUX") and not people:
                    v = v.head.head
                    continue
                if v.lower_ in _CONTENT_STOP and not people:
                    # "claim they have been made scapegoat urging …", "stressed the need for a
                    # “Skill Emergency,” urging …": a reporting participle hung on a noun inside
                    # another cue's content continues that cue
                    up = v.head
                    while up.dep_ != "ROOT" and up.head.i != up.i and not (up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.cues):
                        up = up.head
                    if up.i != v.i and up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.cues:
                        v = up
                        continue
                np = self._np(v.head)
                end = min(np.end, v.left_edge.i)
                while end - 1 > np.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                    end -= 1
                return (doc[np.start:end] if end > np.start else None), False
            break
        return None, False

    @staticmethod
    def _quoted(subj: Token, verb: Token) -> bool:
        """The subject stands inside a quotation that closes before its verb ("“… we will …,”
        X said")."""
        if subj.i > verb.i or subj.dep_ != "nsubj":
            return False  # (a quoted title can be a passive subject: "“Born to Run” was written by …")
        doc = subj.doc
        text = _text(doc)
        cached = doc.user_data.get(_QUOTES_KEY)
        if cached is None or cached[0] != len(text):
            cached = doc.user_data[_QUOTES_KEY] = (len(text), quote_spans(text))
        last = subj.right_edge
        return any(qs <= subj.left_edge.idx and last.idx + len(last) <= qe <= verb.idx for qs, qe in cached[1])

    @staticmethod
    def _after_quote(subj: Token, verb: Token) -> Token | None:
        """The head of the noun phrase between the quotation holding ``subj`` and ``verb``, if
        nothing else (no verb) stands there."""
        doc = subj.doc
        quotes = doc.user_data.get(_QUOTES_KEY, (0, []))[1]
        qe = next((qe for qs, qe in quotes if qs <= subj.idx < qe <= verb.idx), None)
        if qe is None:
            return None
        region = [t for t in doc[subj.i : verb.i] if t.idx >= qe and not t.is_punct and not t.is_space]
        lo = region[0].i if region else verb.i
        name = next((t for t in region if t.pos_ in ("PROPN", "NOUN") and not lo <= t.head.i < verb.i), None)
        if name is None or any(t.pos_ in ("VERB", "AUX") and not name.left_edge.i <= t.i <= name.right_edge.i for t in region):
            return None  # (a verb of its own, as in "Mr. X, now retired in Y, said", may sit inside the phrase)
        return name

    @staticmethod
    def _named_appos(head: Token, verb: Token | None = None) -> Token | None:
        """The name in apposition to a noun that the parser took for the subject or, with ``verb``,
        for the object of an opening preposition, when the name is the real subject: "With 50 days
        until the election, Minyon Moore, an adviser, called", "WASHINGTON -- President Obama said".
        The noun is then a preposition's object or a place or date (a dateline); "The group's
        leader, John Smith, said" keeps its noun."""
        doc = head.doc
        names = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.ent_type_ == "PERSON"
                 and doc[c.left_edge.i - 1].text in (",", "—", "–", "--", "-")]
        if not names:
            return None
        name = names[0]
        if verb is not None:
            # the name's phrase must end right before the verb (bar commas and adverbs)
            k = verb.i - 1
            while k > name.i and (doc[k].is_punct or doc[k].dep_ == "advmod"):
                k -= 1
            return name if name.right_edge.i == k else None
        before = doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
        misplaced = before is not None and before.pos_ == "ADP" and before.dep_ == "prep"
        if misplaced or head.ent_type_ in ("GPE", "LOC", "DATE"):
            return name
        return None

    def _np(self, head: Token) -> Span:
        doc = head.doc
        start, end = head.left_edge.i, head.right_edge.i + 1
        # a dateline before the subject ("ISLAMABAD, Jan 30 (APP): Minister X said",
        # "RENO, Nev. (AP) — X says", a list number on its own line)
        for t in doc[start:head.i]:  # (a line break inside a clause after the head is no dateline)
            if t.i < end - 1 and (":" in t.text or (t.text in ("—", "–", "--", "-") and t.i > start and t.whitespace_ and doc[t.i - 1].whitespace_) or "\n" in t.text):
                start = t.i + 1
        # an incidental relative or participle clause after the name ("Barkley, who said he …,
        # says"; "Rubio, speaking at a rally, said") is not part of the source
        for c in head.children:
            if c.dep_ in _TRIM_CLAUSES and c.i > head.i and doc[c.left_edge.i - 1].text == "," and c.right_edge.i + 1 >= end - 1 \
                    and c.lemma_ not in _CREDENTIAL_VERBS:
                end = min(end, c.left_edge.i - 1)
        # nor is a floating quantifier ("Richards and Menendez both said"; PolNeAR keeps "Obama
        # himself"), nor a headline after a colon ("Paul Ryan: FBI Decision Defies Explanation")
        for c in head.children:
            if c.i > head.i and c.dep_ in ("appos", "advmod", "det") and c.right_edge.i + 1 >= end - 1 and (
                    (c.i == c.right_edge.i and c.lower_ in ("both", "all", "each"))
                    or doc[c.left_edge.i - 1].text == ":"):
                end = min(end, c.left_edge.i)
        # nor a clause reporting what a noun inside the phrase said (", who also said that …",
        # ", which expects 5,000 to attend"): another attribution, not a description
        for d in doc[head.i + 1 : end]:
            if d.dep_ == "relcl" and d.head.i != head.i and doc[d.left_edge.i - 1].text == "," and d.right_edge.i + 1 >= end - 1 \
                    and d.lemma_.lower() in self.cues and any(c.dep_ == "ccomp" for c in d.children):
                end = min(end, d.left_edge.i - 1)
        # a parenthetical setting is not part of the source ("The president, in his message, said")
        for c in head.children:
            if c.dep_ == "prep" and c.i > head.i and c.i - 1 >= start and doc[c.i - 1].text == "," and c.lower_ in ("in", "at", "during", "on", "while", "after", "like", "unlike"):
                end = min(end, c.i - 1)
        # nor is when or where it spoke: "a poll released in late August", "doctors in 2015"
        for c in head.children:
            if c.i > head.i and c.right_edge.i + 1 >= end and c.left_edge.i > start:
                if (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj")):
                    end = min(end, c.left_edge.i)
        while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1
        # a focusing "even" is not part of the name ("Even China said", "even some of his admirers
        # agree"; PolNeAR train: out 13 of 14)
        if start < head.i and doc[start].lower_ == "even" and doc[start].dep_ == "advmod":
            start += 1
        return doc[start:end] if end > start else doc[head.i : head.i + 1]

    def _make(self, doc: Doc, verb: Token, start: int, end: int, direct: bool, prep: Token | None = None) -> _Claim | None:
        text = _text(doc)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM + ".":
            end -= 1
        if end - start < 2:
            return None
        outer = self._outer_cue(verb)
        src, _ = self._source(outer if outer is not None else verb)  # "X says A and says B": X says B
        if self._hearer_participle(verb):
            # "Asked whether …, Ryan said": Ryan was asked; the asker is unnamed or the by-agent
            pobj = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            src = self._np(pobj[0]) if pobj else None
        if src is None and end <= verb.idx:
            # inverted, with the source parsed as an object: "“…,” stated DG FIA Jahangir"
            after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj") and c.pos_ in ("PROPN", "NOUN")]
            if after:
                src = self._np(after[0])
        cue_start, cue_end = self._cue_bounds(verb, prep)
        if src is not None and src.start_char < cue_end and cue_start < src.end_char:
            # a subject parsed with its own verb inside ("A majority of voters expect …" with
            # "expect" as a clause on "voters"): the source stops before the cue
            cut = doc.char_span(src.start_char, cue_start, alignment_mode="contract") if src.start_char < cue_start else None
            while cut is not None and len(cut) and (cut[-1].is_punct or cut[-1].is_space):
                cut = cut[:-1]
            src = cut if cut is not None and len(cut) else None
        return _Claim(verb, cue_start, cue_end, src, (None, "unnamed"), start, end, direct)

    @staticmethod
    def _hearer_participle(verb: Token) -> bool:
        """A bare passive participle opening an adverbial clause ("Asked about X, …", "When asked
        whether …, …"): the main clause's subject is the one addressed, not the speaker."""
        return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i \
            and not any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)

    def _content_end(self, doc: Doc, first: Token, last: Token, verb: Token) -> Token:
        """Cut a content span before a second attribution of the same source (", adding that …",
        "the need for a “Skill Emergency,” urging …", "dismissed the petition saying …": a
        participle with its own complement, also without a comma, is the next claim)."""
        for t in doc[first.i + 1 : last.i + 1]:
            k = t.i - 1
            while k > first.i and doc[k].text in ("”", '"', "’"):
                k -= 1
            if t.lower_ in _CONTENT_STOP and t.i > verb.i and doc[k].text in (",", "—", "–", ";"):
                return doc[k - 1] if k - 1 >= first.i else first
            if t.lower_ in _CONTENT_STOP and t.i > verb.i and t.dep_ in ("acl", "advcl") \
                    and any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children):
                return doc[t.i - 1] if t.i - 1 >= first.i else first
            if self._second_cue(t, verb) and t.left_edge.i > first.i:
                # "says A and says B", "said A and called B …": the parser often hangs the second
                # cue on the reported clause; it is the same speaker's next attribution, not content
                end = t.left_edge.i - 1
                while end > first.i and (doc[end].dep_ == "cc" or doc[end].is_punct or doc[end].is_space):
                    end -= 1
                return doc[end] if end < last.i else last
        return last

    def _second_cue(self, t: Token, verb: Token) -> bool:
        """A subjectless cue verb conjoined to the reported clause of ``verb`` (see _content_end)."""
        outer = self._outer_cue(t)
        return outer is not None and outer.i == verb.i

    def _outer_cue(self, t: Token) -> Token | None:
        """For a subjectless cue verb conjoined into another cue's reported clause ("says A and
        says B"), that other cue verb; None otherwise."""
        if t.dep_ != "conj" or not self._args(t) or any(c.dep_ in _SUBJ_DEPS or c.dep_ == "expl" for c in t.children):
            return None
        v = t.head
        while v.dep_ in ("ccomp", "xcomp", "conj") and v.head.i != v.i and v.i > v.head.i:
            if v.dep_ in ("ccomp", "xcomp") and self._args(v.head):
                # the same finite form ("says … and says"); a bare "tell" shares the reported
                # clause's modal ("says he'd sit Putin down and tell him …") and is content
                ok = v.head.i < t.i and t.tag_ == v.head.tag_ and t.tag_ in ("VBD", "VBZ", "VBP")
                return v.head if ok else None
            v = v.head
        return None

    def _verbal(self, doc: Doc, tok: Token) -> _Claim | None:
        args = self._args(tok)
        if not args:
            return None
        children = list(tok.children)
        head = tok.head
        if tok.lower_ in _CONTENT_STOP and tok.dep_ == "advcl" and tok.i > 0 and doc[tok.i - 1].text == "," \
                and head.i > tok.i and head.pos_ in ("VERB", "AUX") and head.dep_ in ("advcl", "conj", "ccomp") and head.head.i < tok.i \
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children):
            # "X opposed the petition, saying during recent months, complaints had surged …" parsed
            # with the participle on the reported clause: that clause is the content, the verb
            # before the comma's subject the source
            last = head.right_edge
            while last.i > tok.i and (last.is_punct or last.is_space):
                last = doc[last.i - 1]
            made = self._make(doc, tok, doc[tok.i + 1].idx, last.idx + len(last), False)
            if made is not None:
                made.src, _ = self._source(head.head)
            return made
        comp = [c for c in children if c.dep_ == "ccomp"] if "ccomp" in args else []
        if not comp and "ccomp" in args:
            # "asked whether …", "explained how …": spaCy may attach a wh-clause as advcl/dobj
            comp = [c for c in children if c.dep_ in ("advcl",) and c.i > tok.i and c.left_edge.lower_ in ("whether", "if", "how", "why", "what")]
        if not comp and "ccomp" in args and "xcomp" not in args:
            # "said legalizing it could put thousands to work": a gerund subject parsed as the
            # verb's xcomp, its clause as the gerund's ccomp
            comp = [c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.left_edge.i == tok.i + 1
                    and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children)]
        if comp:
            c = max(comp, key=lambda c: (c.i > tok.i, len(list(c.subtree))))
            first, last = c.left_edge, c.right_edge
            if c.i < tok.i:  # "…, he said": content before the cue
                last = min(last, doc[tok.i - 1], key=lambda t: t.i)
            else:
                first = max(first, doc[tok.i + 1], key=lambda t: t.i)
            if first.lower_ == "that" and first.dep_ == "mark":
                first = doc[first.i + 1] if first.i + 1 < len(doc) else first
            last = self._content_end(doc, first, last, tok)
            return self._make(doc, tok, first.idx, last.idx + len(last), False)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        subjpass = [c for c in children if c.dep_ == "nsubjpass" and c.i < tok.i]
        xc = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
        if subjpass and xc and "dobj_xcomp" in args and not any(c.dep_ == "agent" for c in children) \
                and subjpass[0].lower_ not in ("who", "which", "that"):
            # "Trump is expected to speak", "she was urged to run": the subject and the infinitive
            # are the content (scored without the cue between them); nobody is named as the source
            first, last = subjpass[0].left_edge, self._content_end(doc, xc[0], xc[0].right_edge, tok)
            return self._make(doc, tok, first.idx, last.idx + len(last), False)
        if passive and tok.dep_ == "conj" and "ccomp" in args and tok.head.i < tok.i and tok.left_edge.i > tok.head.left_edge.i:
            # "X improved …, an international conference was told": the passive cue parsed as a
            # conjunct of the reported clause
            first, last = tok.head.left_edge, doc[tok.left_edge.i - 1]
            return self._make(doc, tok, first.idx, last.idx + len(last), False)
        as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        # the object of a parenthetical "he told me", "she told The Times" is the hearer, not content
        hearer = lambda c: c.dep_ == "dobj" and (tok.lemma_ == "tell" or c.lower_ in ("me", "us", "him", "her", "them"))  # noqa: E731
        if (tok.dep_ == "parataxis" or as_clause) and "ccomp" in args and any(c.dep_ in _SUBJ_DEPS for c in children) \
                and not [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > tok.i and not hearer(c)]:
            # "India, it says, demonstrated …" / "…, he said": the clause around the cue is the content
            head = tok.head
            if head.dep_ in _SUBJ_DEPS and head.head.pos_ in ("VERB", "AUX") and tok.i < head.head.i:
                head = head.head  # "The difference now, he told me, is that …" hangs on the subject
            first, last = head.left_edge, head.right_edge
            if tok.left_edge.i <= first.i:
                first = doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 <= last.i else first
            if tok.right_edge.i >= last.i:
                last = doc[tok.left_edge.i - 1] if tok.left_edge.i - 1 >= first.i else last
            return self._make(doc, tok, first.idx, last.idx + len(last), False)
        if tok.lemma_ == "say":  # "said yes", "said so"
            short = [c for c in children if c.i == tok.i + 1 and (c.dep_ == "intj" or (c.dep_ == "advmod" and c.lower_ == "so"))]
            if short:
                return self._make(doc, tok, short[0].idx, short[0].idx + len(short[0]), False)
        xcomp = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
        dobj = [c for c in children if c.dep_ in ("dobj",) and c.i > tok.i]
        if dobj:
            # "expressed the hope that …", "raised the concern that …": the noun joins the cue
            that = [g for g in dobj[0].children if g.dep_ in ("acl", "ccomp", "relcl") and g.left_edge.lower_ == "that" and g.left_edge.dep_ == "mark"]
            if that and dobj[0].lower_ in _THAT_NOUNS:
                first = doc[that[0].left_edge.i + 1]
                last = self._content_end(doc, first, that[0].right_edge, tok)
                made = self._make(doc, tok, first.idx, last.idx + len(last), False)
                if made:
                    made.cue_end = dobj[0].idx + len(dobj[0])
                return made
        if "noun_that" in args and len(args) == 1:
            return None
        if not dobj and xcomp and "dobj" in args and "xcomp" not in args and xcomp[0].tag_ == "VBG" and xcomp[0].i == tok.i + 1:
            dobj = xcomp[:1]  # "criticised bypassing the process": a gerund object parsed as xcomp
            xcomp = []
        if xcomp and ("xcomp" in args or ("dobj_xcomp" in args and dobj)):
            first = dobj[0].left_edge if ("dobj_xcomp" in args and dobj) else xcomp[0].left_edge
            if not dobj and tok.i + 1 < first.i and doc[tok.i + 1].dep_ in ("prep", "dative") and doc[tok.i + 1].head.i == tok.i \
                    and doc[tok.i + 1].lower_ == "to":
                first = doc[tok.i + 1]  # "directed to the ministry and the NHA to expedite …": the addressee stays
            last = self._content_end(doc, first, xcomp[0].right_edge, tok)
            return self._make(doc, tok, first.idx, last.idx + len(last), False)
        k = tok.i + 1
        while k < len(doc) - 1 and doc[k].head.i == tok.i and doc[k].dep_ in ("prt", "advmod") and "prep:" + doc[k].lower_ not in args:
            k += 1  # "spoke out about …", "spoke emotionally of …"
        nxt = doc[k] if k < len(doc) else None
        if nxt is not None and "prep:" + nxt.lower_ in args:
            # "called for …", "talked about …": the preposition joins the cue, what follows it up to
            # the end of the verb's argument that holds it is the content ("called for the US to act")
            holder = nxt if nxt.head.i == tok.i else next((c for c in children if c.i > tok.i and c.left_edge.i == nxt.i), None)
            if holder is not None and nxt.i + 1 <= holder.right_edge.i:
                first = doc[nxt.i + 1]
                last = holder.right_edge
                for c in sorted(children, key=lambda c: c.i):  # "called on X to resign"
                    if c.i > last.i and c.dep_ in ("xcomp", "ccomp", "oprd") and c.left_edge.i == last.i + 1:
                        last = c.right_edge
                last = self._content_end(doc, first, self._list_end(doc, tok, last), tok)
                return self._make(doc, tok, first.idx, last.idx + len(last), False, prep=nxt)
        oprd = [c for c in children if c.dep_ == "oprd" and c.i > tok.i + 1]
        if not dobj and oprd and "dobj" in args and all(doc[k].head.i != tok.i or doc[k].dep_ in ("nsubj", "dobj", "punct") for k in range(tok.i + 1, oprd[0].left_edge.i)):
            # "called Trump a liar" parsed without an object: the name and what it was called
            last = self._content_end(doc, doc[tok.i + 1], oprd[0].right_edge, tok)
            return self._make(doc, tok, doc[tok.i + 1].idx, last.idx + len(last), False)
        if dobj and ("dobj" in args or "dobj_xcomp" in args):
            d = dobj[0]
            if d.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or any(c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME") for c in d.children):
                return None  # "charged Rs160,000", "identified 10 officials", "documented 1,580 cases": counted things, no statement
            last = dobj[-1].right_edge  # "highlighted Pakistan’s alignment" can come out as two objects
            for c in sorted(children, key=lambda c: c.i):
                if c.i > d.i and c.dep_ in ("prep", "oprd", "advcl", "ccomp", "xcomp") and c.left_edge.i == last.i + 1 and c.lower_ not in ("after", "before", "during", "on", "at", "in", "since", "when", "while"):
                    last = c.right_edge
            last = self._content_end(doc, d.left_edge, self._list_end(doc, tok, last), tok)
            return self._make(doc, tok, d.left_edge.idx, last.idx + len(last), False)
        return None

    def _list_end(self, doc: Doc, verb: Token, last: Token) -> Token:
        """The end of an object that is a list the parser split onto the verb ("called for
        international cooperation, effective mass awareness and concerted efforts to …", "the
        FIA, provincial police, and other line departments to …", "the Commissions; NCHR, NCSW
        …"): items hung on the cue verb right after the content continue it, a cue verb (", and
        said …") or a clause with its own subject does not."""
        j, start = last.i + 1, last.i
        while j < len(doc):
            t = doc[j]
            purpose = next((c for c in verb.children if c.left_edge.i == j and c.dep_ == "xcomp" and c.left_edge.lower_ == "to"), None)
            if purpose is not None and last.i > start:
                return purpose.right_edge  # "… and other line departments to enhance coordination"
            if t.head.i == verb.i and t.dep_ in ("punct", "cc") and t.text in (",", ";", "and", "or"):
                j += 1
                continue
            item = next((c for c in verb.children if c.left_edge.i == j and c.i >= j and c.dep_ in ("conj", "dobj", "dep", "appos")), None)
            if item is None or t.is_punct or t.is_space or (item.pos_ in ("VERB", "AUX") and (item.tag_ != "VBN" or item.i != j or item.lemma_.lower() in self.cues)) \
                    or any(c.dep_ in _SUBJ_DEPS for c in item.children) or "\n" in doc[last.i : item.right_edge.i + 1].text \
                    or any(x.pos_ == "VERB" and x.lemma_.lower() in self.cues for x in doc[j : item.right_edge.i + 1]):
                break
            last = item.right_edge
            j = last.i + 1
        return last

    def _nominal(self, doc: Doc, tok: Token) -> _Claim | None:
        """Noun cues (``cue_nouns.csv``): "his view that …", "Trump's call for …", "her plan to …",
        "Rubio's response was that …". The possessor is the source."""
        args = self.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if not args:
            return None
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if not poss:
            return self._of_the_view(doc, tok)
        src = doc[poss[0].left_edge.i : poss[0].right_edge.i + 1]
        children = sorted(tok.children, key=lambda c: c.i)
        cue_end = tok.idx + len(tok)
        first = last = None
        for c in children:
            if c.i <= tok.i:
                continue
            if "that" in args and c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark":
                first, last = doc[c.left_edge.i + 1], c.right_edge
            elif "to" in args and c.dep_ in ("acl", "relcl") and c.left_edge.lower_ == "to" and c.left_edge.i == tok.i + 1:
                first, last = c.left_edge, c.right_edge
            elif c.dep_ == "prep" and "prep:" + c.lower_ in args and c.i == tok.i + 1:
                pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if pobj:
                    first, last, cue_end = doc[c.i + 1], c.right_edge, c.idx + len(c)
            if first is not None:
                break
        if first is None and "copula" in args and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            comp = [c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.i > tok.head.i]
            if comp:
                first, last = comp[0].left_edge, comp[0].right_edge
                if first.lower_ == "that" and first.dep_ == "mark":
                    first = doc[first.i + 1]
                cue_end = tok.head.idx + len(tok.head)
        if first is None or last.i < first.i:
            return None
        text = _text(doc)
        start, end = first.idx, last.idx + len(last)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM + ".":
            end -= 1
        if end - start < 3:
            return None
        return _Claim(tok, tok.idx, cue_end, src, (None, "unnamed"), start, end, False)

    def _of_the_view(self, doc: Doc, tok: Token) -> _Claim | None:
        """"X was of the view / opinion that …": the subject of "be" is the source, "was of the
        view" the cue."""
        prep, be = tok.head, tok.head.head
        if tok.lower_ not in ("view", "opinion") or tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep" \
                or be.lemma_ != "be" or not prep.i < tok.i or prep.i < be.i:
            return None
        that = [c for c in list(tok.children) + list(be.children) if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
                and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"]
        if not that:
            return None
        first = doc[that[0].left_edge.i + 1]
        last = self._content_end(doc, first, that[0].right_edge, be)
        made = self._make(doc, be, first.idx, last.idx + len(last), False)
        if made:
            made.cue_end = tok.idx + len(tok)
        return made

    def _according(self, doc: Doc, tok: Token) -> _Claim | None:
        if tok.i + 1 >= len(doc):
            return None
        nxt = doc[tok.i + 1]
        if not ((tok.lower_ == "according" and nxt.lower_ == "to") or (tok.lower_ == "as" and nxt.lower_ == "per")):
            return None
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        if not pobj:
            return None
        src = self._np(pobj[0])
        sent = tok.sent
        if tok.i <= sent.start + 1 and not any(c.dep_ in _SUBJ_DEPS for c in tok.head.children):
            # "According to polls by X, majorities of voters say …": the clause's subject parsed as
            # an apposition of the source's last noun; the source ends at its comma
            app = next((t for t in src if t.dep_ == "appos" and t.i > src.start + 1 and doc[t.left_edge.i - 1].text == ","
                        and t.right_edge.i + 1 >= src.end), None)
            if app is not None:
                src = doc[src.start : app.left_edge.i - 1]
        if src.end < sent.end - 2 and doc[src.end].text == "," and tok.i <= sent.start + 1:
            start, end = doc[src.end + 1].idx, sent.end_char
        elif tok.i > sent.start + 2:
            start, end = sent.start_char, sent.end_char
            if src.end >= sent.end - 2:  # "…, according to X." : content stops before the cue
                end = doc[tok.i - 1].idx if doc[tok.i - 1].is_punct else tok.idx
        else:
            return None
        text = _text(doc)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM + ".":
            end -= 1
        if end - start < 10:
            return None
        return _Claim(tok, tok.idx, nxt.idx + len(nxt), src, (None, "unnamed"), start, end, False)

    def _colon_speakers(self, doc: Doc, in_quote: list[int]) -> list[_Claim]:
        """Transcript and headline attributions: a paragraph that opens with a short name and a
        colon ("WALLACE: …", "John McCain: …"). Not a dateline ("ISLAMABAD: …"): places, dates and
        a lone word at the document's start are skipped."""
        out = []
        text = _text(doc)
        person_words: set[str] | None = None
        for tok in doc:
            if not tok.text.startswith(":") or tok.i == 0:
                continue
            start = tok.i
            while start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].text and tok.i - start < 6:
                start -= 1
            name = doc[start : tok.i]
            if len(name) > 1 and name[0].text in ('"', "“"):  # a transcript line inside a quotation
                name = name[1:]
            elif in_quote[tok.i] >= 0:
                continue
            if start > 0 and not (doc[start - 1].is_space or "\n" in doc[start - 1].text):
                continue
            if not 1 <= len(name) <= 5 or not name[0].is_title and not name[0].is_upper:
                continue
            if name[-1].lower_ in _HEADING_WORDS or name[0].lower_ == "follow":
                continue  # "Editor's note: …", "CORRECTION: …", "Follow X on Twitter: …"
            if any(t.pos_ in ("VERB", "AUX") or t.is_punct or t.like_num for t in name):
                continue
            # the headline (the document's first line) names its speaker with one capitalised word
            # the tagger often takes for a common noun ("Poll: …", "Issa: …", "Sanders: …")
            headline_word = len(name) == 1 and name[0].is_title and name[0].is_alpha and name[0].pos_ not in ("INTJ", "ADV", "PRON", "DET") \
                and "\n" not in text[: name.start_char]
            # so does a transcript's surname ("MATTHEWS: …", "Lopez: …") of a person the text names
            if person_words is None:
                person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha and len(t) > 2}
            surname = len(name) == 1 and name[0].is_alpha and (name[0].is_title or name[0].is_upper) and name[0].lower_ in person_words
            if not (headline_word or surname or any(t.pos_ == "PROPN" for t in name)) \
                    or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP", "FAC") for t in name):
                continue
            if len(name) == 1 and name[0].is_upper and not text[: name.start_char].strip(' "“'):
                continue  # "ISLAMABAD: …" opening a news story
            para_end = text.find("\n", tok.idx)
            para_end = len(text) if para_end == -1 else para_end
            s, e = tok.idx + len(tok), para_end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1] in " \t.":
                e -= 1
            if e - s < 10:
                continue
            out.append(_Claim(tok, tok.idx, tok.idx + 1, name, (None, "unnamed"), s, e, False))
        return out

    _SIGN_DASHES = ("―", "—", "–", "--", "-")
    _NAME_PARTICLES = {"de", "del", "van", "von", "la", "le", "al", "bin", "da", "di", "y"}

    def _signed_quotes(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[_Claim]:
        """A quotation signed with a dash and a name that ends its paragraph ("“…” ― Sonya
        Herridge", readers' and social media reactions): the name is the source, the dash the cue."""
        out = []
        text = _text(doc)
        for qs, qe in quotes:
            close = qe + (2 if text[qe : qe + 2] == "''" else 1)
            para_end = text.find("\n", close)
            para_end = len(text) if para_end == -1 else para_end
            m = re.match(r"[ \t]*(―|—|–|--|-)[ \t]*(\S.*?)[ \t.]*$", text[close:para_end])
            if m is None:
                continue
            dash_s, dash_e = close + m.start(1), close + m.end(1)
            name_s, name_e = close + m.start(2), close + m.end(2)
            src = doc.char_span(name_s, name_e, alignment_mode="expand")
            dash = doc.char_span(dash_s, dash_e, alignment_mode="expand")
            if src is None or dash is None or not 1 <= len(src) <= 6:
                continue
            if not all(t.text[0].isupper() or t.lower_ in self._NAME_PARTICLES or (t.text == "." and t.i > src.start)
                       for t in src) or not src[0].text[0].isupper() or any(t.pos_ in ("VERB", "AUX") for t in src):
                continue
            start, end = _trim_quote(text, qs, qe)
            if end - start < 10:
                continue
            out.append(_Claim(dash[0], dash_s, dash_e, src, (None, "unnamed"), start, end, True))
        return out

    # -- nesting and quotations -------------------------------------------------------------------
    @staticmethod
    def _drop_nested(claims: list[_Claim]) -> list[_Claim]:
        """Only the outermost attribution: a claim whose cue lies in another's content goes.

        Two claims that each hold the other's cue ("A said B, according to C", whose "said" runs
        on to the end; "X, as many expected, according to Y") would both go: the later cue wins,
        since a content rarely runs on past a later cue of its own sentence."""
        def holds(o: _Claim, c: _Claim) -> bool:
            return o is not c and o.start <= c.cue_start < o.end

        # A relative clause with its own named speaker ("his donations, which he said were …",
        # "his daughters, who he said were living …") is annotated as its own attribution
        # (PolNeAR is univocal): the holder's content ends before the clause.
        for c in claims:
            v = c.cue
            if v.dep_ != "relcl" or c.src is None or c.src.root.lower_ in ("who", "which", "that", "whom", "what") \
                    or c.src.root.i < v.left_edge.i or v.left_edge.head.i == v.i \
                    or not any(x.dep_ == "ccomp" for x in v.children):
                continue  # only a gap inside the reported clause: "which he said were …"
            clause_start = v.left_edge.idx
            for o in claims:
                if holds(o, c) and not holds(c, o) and o.start < clause_start and o.cue_start < clause_start:
                    text = _text(v.doc)
                    end = clause_start
                    while end > o.start and text[end - 1] in _TRIM:
                        end -= 1
                    o.end = min(o.end, end)
        out = []
        for c in claims:
            if any(holds(o, c) and not (holds(c, o) and c.cue_start > o.cue_start) for o in claims):
                continue
            out.append(c)
        return out

    def _quote_cue(self, doc: Doc, qspan: Span, in_quote: list[int]) -> Token | None:
        """The cue verb of a direct quote: after it in its sentence ("“…,” X said") or before it
        ("X said: “…”", "X told reporters, “…”")."""
        # the cue's sentence may start at the closing mark when the model splits there
        # ("“…,” Sarandon, 69, told MSNBC"), so look on to the end of the paragraph
        after = doc[qspan.end : min(len(doc), qspan.end + 26)]
        for t in after:
            if in_quote[t.i] >= 0 or "\n" in t.text:
                break
            args = self._args(t)
            if args and "quote" in args:
                # the tokens between the quote and the cue are punctuation, the cue's subject or its auxiliaries
                subj = [c for c in t.children if c.dep_ in _SUBJ_DEPS]
                allowed = {i for s in subj for i in range(s.left_edge.i, s.right_edge.i + 1)}
                if all(x.is_punct or x.i in allowed or (x.head.i == t.i and x.dep_ in _CUE_LEFT_DEPS) for x in doc[qspan.end : t.i]):
                    return t
                break
            if t.i - qspan.end > 25:
                break
        start = qspan.start - 1
        # a colon right before the quote, also across a paragraph break ("Cruz continued:\n“…”",
        # "Clinton released the following statement: “…”"): the verb of the colon's sentence
        k = start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k >= 0 and doc[k].text.endswith(":") and in_quote[k] < 0:
            verbs = [t for t in doc[doc[k].sent.start : k] if t.pos_ == "VERB" and in_quote[t.i] < 0]
            cands = [t for t in verbs if self._args(t)] or [t for t in verbs if any(c.dep_ in ("nsubj", "csubj") for c in t.children)]
            if cands:
                return cands[-1]
        first_tok = qspan[0]
        sent_start = first_tok.sent.start
        # spaCy sometimes starts a new sentence at the quote after "X said:" -- look into the previous one
        lo = sent_start if sent_start < start else (doc[sent_start - 1].sent.start if sent_start > 0 else sent_start)
        lo = max(lo, start - 30)
        for t in reversed(doc[lo : max(start, 0)]):
            if in_quote[t.i] >= 0:
                break
            if t.text == "\n" or "\n\n" in t.text:
                break
            args = self._args(t)
            if args and "quote" in args:
                between = doc[t.i + 1 : qspan.start]
                if all(x.is_punct or x.is_space or x.lower_ == "that" or (x.head.i == t.i and x.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "prt"))
                       or any(a.head.i == t.i and a.dep_ in ("dobj", "dative", "prep", "npadvmod") for a in x.ancestors) for x in between):
                    return t
                return None
        return None

    def _attach_quotes(self, doc: Doc, claims: list[_Claim], quotes: list[tuple[int, int]], in_quote: list[int]) -> list[_Claim]:
        text = _text(doc)
        by_cue = {c.cue.i: c for c in claims}
        last: _Claim | None = None
        last_para = -1
        para_of = lambda pos: text.count("\n", 0, pos)  # noqa: E731
        for qi, (qs, qe) in enumerate(quotes):
            qspan = doc.char_span(qs, qe, alignment_mode="expand")
            if qspan is None or len(qspan) == 0:
                continue
            outer_s, outer_e = qs - (2 if text[qs - 2 : qs] == "''" else 1), min(len(text), qe + (2 if text[qe : qe + 2] == "''" else 1))
            holder = next((c for c in claims if c.start < qe and qs < c.end), None)
            if holder is not None:
                # a quote inside (or overlapping) an indirect content: mixed, or the whole content
                if holder.start >= outer_s - 1 and holder.end <= outer_e + 1:
                    (holder.start, holder.end), holder.direct = _trim_quote(text, qs, qe), True
                else:
                    holder.start, holder.end = min(holder.start, qs), max(holder.end, qe)
                last, last_para = holder, para_of(qe)
                continue
            cue = self._quote_cue(doc, qspan, in_quote)
            if cue is not None and cue.i in by_cue:
                c = by_cue[cue.i]
                c.start, c.end = min(c.start, qs), max(c.end, qe)
                last, last_para = c, para_of(qe)
                continue
            if cue is not None:
                made = self._make(doc, cue, qs, qe, True)
                if made:
                    made.start, made.end = _trim_quote(text, qs, qe)
                    claims.append(made)
                    by_cue[cue.i] = made
                    last, last_para = made, para_of(qe)
                continue
            # a continuation of the last quote's claim: same paragraph, or the next one
            para = para_of(qs)
            opens_para = qs - 1 == 0 or text[: outer_s].endswith("\n")
            whole_para = opens_para and text[outer_e:].split("\n", 1)[0].strip(" .") == ""
            if last is not None and len(qspan) >= 3 and (para == last_para or (para == last_para + 1 and (last.direct or whole_para) and opens_para)):
                between = [c for c in claims if c is not last and last.end <= c.cue_start < qs]
                if not between and last.end <= qs:
                    last.end = qe
                    last_para = para_of(qe)
                    continue
        return claims


def claim_type(content: str, *, tiers: list[str], rules: tuple[dict, ...]) -> str:
    """First matching rule in ``claim_types.csv`` order; ``#NUMBER#`` matches a non-year number."""
    low = content.lower()
    for row in rules:
        if row["requires_tier"] == "yes" and not tiers:
            continue
        words = [w for w in row["keywords"].split("|") if w]
        if not words:
            return row["claim_type"]
        for w in words:
            if w == "#NUMBER#":
                if re.search(r"\b\d[\d,]*\b", re.sub(r"\b(19|20)\d\d\b", "", content)):
                    return row["claim_type"]
            elif re.search(r"\b" + re.escape(w) + r"\b", low):
                return row["claim_type"]
    return "other"


@Language.factory("tipwatch_claims_v1", assigns=["doc.user_data"], requires=["doc.ents", "token.dep"])
def make_claim_finder(nlp: Language, name: str, cues: str, claim_types: str, cue_nouns: str = "") -> ClaimFinder:
    return ClaimFinder(nlp, name, cues=cues, claim_types=claim_types, cue_nouns=cue_nouns)


__all__ = ["CLAIMS", "ClaimFinder", "claim_type", "quote_spans", "AGENCY_INFO", "PEOPLE"]
