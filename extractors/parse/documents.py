"""Parsed documents and text normalisation.

A :class:`Document` is what every parser (plain text, HTML, PDF) returns: the normalised text that
all character offsets refer to, where each PDF page starts in that text, and metadata. Documents are
frozen; parsers never touch files or the network, they receive bytes.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

# Document.status values (the documents table's contract).
OK, EMPTY, NEEDS_OCR, ENCRYPTED, ERROR = "ok", "empty", "needs_ocr", "encrypted", "error"


class ParseError(Exception):
    """Input that cannot be parsed. ``status`` says which kind of failure; ``str()`` is one line."""

    def __init__(self, message: str, status: str = ERROR):
        super().__init__(message.splitlines()[0] if message else status)
        self.status = status


@dataclass(frozen=True)
class Page:
    """One PDF page: its 1-based number and its [start, end) range in ``Document.text``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """Normalised text plus provenance. ``pages`` is empty for non-paginated sources."""

    doc_id: str
    text: str
    kind: str = "other"  # news / tip_report / other
    title: str | None = None
    published: str | None = None  # ISO date when known
    author: str | None = None
    url: str | None = None
    language: str | None = "en"
    pages: tuple[Page, ...] = ()
    n_pages: int | None = None
    status: str = OK
    error: str | None = None
    meta: tuple[tuple[str, str], ...] = field(default=())

    def page_at(self, offset: int) -> int | None:
        """The page number holding character ``offset``, or None for non-paginated documents."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number


def doc_id_for(data: bytes) -> str:
    """Content address of raw bytes: the documents table's ``doc_id``."""
    return hashlib.sha256(data).hexdigest()


_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
# Characters a reader does not see (soft hyphen splits words: "Per\u00adsons") and odd spaces.
INVISIBLE_AND_SPACES = {
    "\u00ad": None,
    "\u200b": None,
    "\u200c": None,
    "\u200d": None,
    "\ufeff": None,
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}
# Control characters never reach stored text (a NUL deep in a file, a terminal escape): C0 but
# tab, newline and the spaces below, DEL and C1. Form feed and vertical tab fold to a space.
_CONTROLS = {chr(c): None for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
_CHAR_MAP = str.maketrans({**_CONTROLS, **INVISIBLE_AND_SPACES, "\r": None, **_LIGATURES})
_SPACES = re.compile(r"[ \t\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# A word broken across a line end: "traf-\nficking" -> "trafficking". Only lower-case continuations,
# so "Tier-\nII" or "Anti-\nTrafficking" style compounds keep their hyphen.
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z])-\n(?=[a-z])")


def normalize_text(text: str, *, dehyphenate: bool = False) -> str:
    """Clean text so that rules and offsets work on what a reader sees.

    Removes control characters, soft hyphens and zero-width characters, expands ligatures, folds
    runs of spaces, strips trailing spaces on lines and collapses 3+ newlines to a blank line. Quotes are kept as
    they are (curly quotes carry meaning for claim extraction). With ``dehyphenate``, words split
    across lines by a hyphen are joined.
    """
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    if dehyphenate:
        text = _HYPHEN_BREAK.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


# Byte order marks and their encodings, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """Decode bytes that claim to be text (any byte-order-marked Unicode encoding, else UTF-8 or
    cp1252); raise :class:`ParseError` for binary junk."""
    if not data.strip():
        raise ParseError("file is empty", EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(
                    f"not valid {encoding.upper()} text after its byte order mark ({exc.reason})"
                ) from None
    head = data[:4096]
    if b"\x00" in head:
        raise ParseError("binary data (NUL bytes) where text was expected")
    for enc in ("utf-8", "cp1252"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ParseError("not valid UTF-8 or cp1252 text")
    bad = sum(
        1 for ch in text[:4096] if unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\n\r\t\f"
    )
    if bad > 0.05 * min(len(text), 4096):
        raise ParseError("binary data where text was expected (too many control characters)")
    return text
