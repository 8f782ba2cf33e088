"""tipwatch's pure extraction library: bytes in, frozen records out; no IO beyond ``models/``.

Subpackages by job: ``parse`` (bytes -> Document), ``nlp`` (the spaCy pipeline and its
components), ``records``/``extract`` (Doc -> rows, the table contract); ``evaluation`` and
``analysis`` score and interpret rows and never change them, so they stay outside the extractor
version (:func:`extraction_files`).
"""

from __future__ import annotations

from pathlib import Path

# Subpackages whose code never changes an extracted row: editing them re-extracts nothing.
NOT_EXTRACTION = ("evaluation", "analysis")


def extraction_files() -> list[Path]:
    """Every Python file of the extraction code, sorted: what the extractor version hashes."""
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if p.relative_to(root).parts[0] not in NOT_EXTRACTION)
