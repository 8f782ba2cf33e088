"""Claim rules: speakers."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import (
    _COMPLAINANT_HEADS,
    _COMPLAINT_VERBS,
    _CONTENT_STOP,
    _ISSUED_HEADS,
    _MEETING_HEADS,
    _NO_SOURCE_CUES,
    _OFFICE_HEADS,
    _ORG_HEADS,
    _ORG_PRONOUNS,
    _PARTITIVES,
    _PERSON_HEADS,
    _PERSON_PRONOUNS,
    _REPORT_HEADS,
    _STUDY_HEADS,
    _SUBJ_DEPS,
    _TITLE_ABBREVIATIONS,
    _UNNAMED_HEADS,
)
from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials import PEOPLE, PERSON_AT


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
    if any(t.lower_ in heads for t in src[: root.i - src.start + 1]) or any(
        e.label_ == "TITLE" and e.start <= root.i < e.end for e in src.ents
    ):
        return True
    if root.ent_type_ == "PERSON" or (root.pos_ == "PROPN" and not root.ent_type_):
        return True  # a name the officials component did not resolve ("…, Ambreen Jan")
    return low.endswith(
        ("er", "or", "ist", "ant", "ent", "man", "woman", "person")
    )  # agent nouns: doctor, lawyer, resident


def _headed(name: str, head: str) -> bool:
    """The body's name has ``head`` as its head noun: "Senate Standing Committee on Interior",
    "Ministry of Interior" for committee/ministry, not "Sindh Local Government Department" for
    government."""
    words = name.lower().replace(",", " ").split()
    if words and words[-1] == head:
        return True
    first = next((i for i, w in enumerate(words) if w in ("of", "on", "for") and i > 0), None)
    return first is not None and words[first - 1] == head


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
        root = next(
            (
                g
                for c in root.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            root,
        )
    low = root.lower_
    for t in subj:
        if t.i in person_at and (
            t.head.i == root.i
            or t.i == root.i
            or root.i in person_at
            or (t.head.i in person_at and not self._in_clause(self._name_head(doc, t, person_at), root))
        ):
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
        prev_claim = next(
            (
                c
                for c in reversed(earlier)
                if c.speaker[0] is not None
                and (
                    c.speaker[1] == "person"
                    or (
                        c.speaker[1] == "unnamed"
                        and c.speaker[0].lower() not in _PERSON_PRONOUNS | {"they", "we", "i", "you"}
                        and (c.src is None or _one_person(c.src))
                    )
                )
            ),
            None,
        )
        prior = [i for i in person_at if i < before]
        last_mention = person_at[max(prior)] if prior else None
        # a named person who is the subject of a sentence after the last speaker's cue took
        # the floor ("DG Qazi briefed the committee. He said …")
        after = prev_claim.cue.i if prev_claim is not None else -1
        subjects = [
            i
            for i in prior
            if i > after and doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.dep_ == "ROOT"
        ]
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
    bare_title = all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") for t in subj) and not any(
        e.label_ in ("AGENCY", "PERSON", "GPE") for e in subj.ents
    )
    definite = (
        (subj[0].lower_ in ("the", "this") or (bare_title and subj[0].lower_ not in ("a", "an")))
        and len(subj) <= 4
        and not any(e.label_ in ("AGENCY", "PERSON") for e in subj.ents)
    )
    if definite and low in _MEETING_HEADS:
        # "The meeting, presided over by …, noted": the legislative body whose meeting it is
        kinds = doc.user_data.get(AGENCY_INFO, {})
        bodies = [
            e
            for e in doc.ents
            if e.label_ == "AGENCY"
            and e.end <= before
            and kinds.get(e.ent_id_ or e.text, {}).get("kind") == "legislature"
        ]
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
        prev = next((sp for sp in spoken if sp[1] == "organisation" and _headed(sp[0], low)), None) or next(
            (sp for sp in spoken if sp[1] == "organisation"), None
        )
        if prev is not None and not _headed(prev[0], low):
            named = [
                e
                for e in doc.ents
                if e.label_ == "AGENCY" and e.end <= subj.start and _headed(e.ent_id_ or e.text, low)
            ]
            if named:
                return named[-1].ent_id_ or named[-1].text, "organisation"
        if prev is not None:
            return prev
        prior = [
            e for e in doc.ents if e.label_ == "AGENCY" and e.end <= subj.start and low in e.text.lower()
        ]
        if prior:
            return prior[-1].ent_id_ or prior[-1].text, "organisation"
    if low in _ISSUED_HEADS:
        # "a press release issued by the FIA", "the statement": the issuer speaks
        orgs = [e for e in subj.ents if e.label_ == "AGENCY"]
        if orgs:
            return orgs[-1].ent_id_ or orgs[-1].text, "organisation"
        if definite:
            same = next(
                (
                    c.speaker
                    for c in reversed(earlier)
                    if c.src is not None
                    and c.speaker[0] is not None
                    and c.speaker[1] in ("organisation", "report")
                    and low in c.src.text.lower()
                ),
                None,
            )
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
            holder = next(
                (
                    p["name"]
                    for p in doc.user_data.get(PEOPLE, [])
                    if p.get("title") == office.ent_id_
                    and p.get("organisation") == org
                    and any(s < before for s, _ in p["mentions"])
                ),
                None,
            )
            return (holder, "person") if holder else (subj.text, "unnamed")
        if e.label_ == "AGENCY":
            # "A senior official of FIA Gujrat circle", "A spokesman for FIA": a person of the
            # body, unnamed, wherever the body is named; "the FIA statement": the body speaks
            if low in _UNNAMED_HEADS and (
                root.i >= e.end or low in _PERSON_HEADS | {"officials", "officers", "sources"}
            ):
                if low in _REPORT_HEADS:
                    return subj.text, "report"
                return subj.text, "unnamed"
            if low in _STUDY_HEADS:
                return (
                    subj.text,
                    "report",
                )  # "A 2023 study by the UNODC and the EU": the study, not its authors
            return e.ent_id_ or e.text, "organisation"
    last_noun = next((t.lower_ for t in reversed(subj) if t.pos_ in ("NOUN", "PROPN")), low)
    if (
        last_noun in _REPORT_HEADS
        and low not in _REPORT_HEADS
        and any(t.text in ("TIP", "Trafficking") for t in subj)
    ):
        return (
            "report",
            "report",
        )  # "The US 2024 Trafficking in Persons (TIP) report" parsed with another root
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


def _name_head(doc: Doc, tok: Token, person_at: dict) -> Token:
    """The token of ``tok``'s name whose head lies outside the name."""
    seen = set()
    while (
        tok.head.i in person_at
        and person_at[tok.head.i] == person_at[tok.i]
        and tok.head.i != tok.i
        and tok.i not in seen
    ):
        seen.add(tok.i)
        tok = tok.head
    return tok


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
    """ "the minister", "Interior Minister", "the prime minister" -> the last person mentioned
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
            after = [
                c
                for c in verb.children
                if c.i > verb.i
                and c.dep_ in ("dobj", "attr", "npadvmod", "appos")
                and c.pos_ == "PROPN"
                and c.ent_type_ not in ("DATE", "TIME")
                and c.left_edge.i == verb.i + 1
            ]
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
                if (
                    p.right_edge.i + 1 == np.start
                    and p.pos_ in ("NOUN", "PROPN")
                    and not p.right_edge.is_punct
                    and not any(
                        t.pos_ in ("VERB", "AUX") or "\n" in t.text_with_ws
                        for t in doc[p.left_edge.i : np.start]
                    )
                ):
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
            obj = [
                c
                for c in h.children
                if c.dep_ == "dobj"
                and h.i < c.i < v.i
                and (
                    c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                    or (c.pos_ == "PRON" and c.lower_ in ("him", "her", "them", "us", "me"))
                )
            ]
            if obj:
                # "prompted NATO to order …", "forced Stumpf to admit …": the person or body
                # governed by the verb orders or admits ("used an expletive to describe …" keeps
                # its subject)
                return self._np(obj[0]), False
        if (
            ((v.dep_ == "advcl" and v.tag_ == "VBG") or v.dep_ == "conj")
            and h.dep_ == "ccomp"
            and h.head.i < h.i
            and h.head.pos_ in ("VERB", "AUX")
            and h.head.lemma_.lower() in self.cues
        ):
            # "Trump told Newsmax that Romney had a crazy policy, adding …", "He said the attacks
            # helped and said …": a participle or conjunct parsed onto the reported clause
            # continues the reporting verb, whose speaker it shares
            v = h.head
            continue
        if (
            v.dep_ in ("conj", "advcl", "xcomp", "acomp")
            and v.head.pos_ in ("VERB", "AUX", "ADJ")
            and v.head.i != v.i
        ):
            v = v.head
            continue
        if (
            v.dep_ == "pcomp"
            and v.head.dep_ == "prep"
            and v.head.head.pos_ in ("VERB", "AUX")
            and v.head.lower_ in ("by", "in", "with", "without", "after", "before", "while")
        ):
            v = v.head.head  # "began by saying …", "ended the speech with thanking …"
            continue
        if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep":
            # "Despite challenging …, Cruz said", "In addition to stating …, Clinton has vowed",
            # "pivoted to arguing …": a gerund after a preposition is done by the subject of
            # the verb (or adjective) the phrase hangs on, also through a noun ("in addition to")
            up = v.head.head
            for _ in range(2):
                if (
                    up.pos_ in ("NOUN", "ADV", "ADP")
                    and up.dep_ in ("pobj", "advmod", "prep", "pcomp")
                    and up.head.i != up.i
                ):
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
        if (
            v.dep_ == "acl"
            and v.lower_.endswith("ing")
            and v.head.pos_ in ("NOUN", "PROPN")
            and v.i > v.head.i
        ):
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
                while (
                    up.dep_ != "ROOT"
                    and up.head.i != up.i
                    and not (up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.cues)
                ):
                    up = up.head
                if up.i != v.i and up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.cues:
                    v = up
                    continue
            np = self._np(v.head)
            end = min(np.end, v.left_edge.i)
            while end - 1 > np.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return (doc[np.start : end] if end > np.start else None), False
        break
    return None, False


def _named_appos(head: Token, verb: Token | None = None) -> Token | None:
    """The name in apposition to a noun that the parser took for the subject or, with ``verb``,
    for the object of an opening preposition, when the name is the real subject: "With 50 days
    until the election, Minyon Moore, an adviser, called", "WASHINGTON -- President Obama said".
    The noun is then a preposition's object or a place or date (a dateline); "The group's
    leader, John Smith, said" keeps its noun."""
    doc = head.doc
    names = [
        c
        for c in head.children
        if c.dep_ == "appos"
        and c.i > head.i
        and c.ent_type_ == "PERSON"
        and doc[c.left_edge.i - 1].text in (",", "—", "–", "--", "-")
    ]
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
