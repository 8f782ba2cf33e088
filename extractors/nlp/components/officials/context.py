"""What the role rules know about one document while the linker works on it (built per call)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extractors.nlp.components.officials.lexicon import Lexicon

# (title id, organisation or None, strength, the title's span): one role a construction found
Found = tuple[str, str | None, int, Span | None]


@dataclass
class Context:
    lex: Lexicon
    doc: Doc
    ent_at: dict[int, Span]  # token -> non-person entity
    province: str | None  # the document's province, when it has one
    agency_count: Counter  # agency -> mentions in the document
    person_tokens: set[int] = field(default_factory=set)  # tokens of candidate names
    list_title: dict[int, Span] = field(default_factory=dict)  # token of a listed name -> its title
    country: str | None = None  # the country the document is about (``offices.doc_countries``)
    countries: list[str] = field(default_factory=list)  # every country it names, that one first

    def org_name(self, org: str) -> str | None:
        """A portfolio's organisation as this story names it (``Lexicon.org_name``): another
        country's when the story names neither a province nor the provinces' country (Pakistan)."""
        return self.lex.org_name(org, self.province, self.abroad())

    def abroad(self) -> bool:
        """The story is about another country: it names neither a province nor the provinces'
        country (Pakistan)."""
        home = set(self.lex.country_of_province.values()) - {""}
        return self.province is None and not home & set(self.countries)

    def ent(self, i: int, *labels: str) -> Span | None:
        """The entity at token ``i`` when it has one of ``labels``."""
        e = self.ent_at.get(i)
        return e if e is not None and e.label_ in labels else None
