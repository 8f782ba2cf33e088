"""The extractor version: which code, base model and rules a document's rows were extracted with.

A document whose bytes and extractor version are unchanged since the last run is carried over, so
the version must change exactly when extraction can: it hashes the extraction code
(:func:`extractors.extraction_files`, not evaluation or analysis), the base spaCy model's name and
version, and the rules under ``models/``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.assets import MODELS_DIR

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the repository in an editable install
DEFAULT_MODELS = MODELS_DIR  # the models package, or TIPWATCH_MODELS (tipwatch --models DIR)
VERSION = "0.1.0"


def code_hash() -> str:
    """Hash of the extraction code (:data:`extractors.EXTRACTION_CODE`): a change there re-extracts
    every document; evaluation and analysis code never does."""
    import extractors

    root = Path(extractors.__file__).resolve().parent
    h = hashlib.sha256()
    for path in extractors.extraction_files():
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def base_model(models_dir: Path, model: str | None) -> str:
    """``name==version`` of the base spaCy model the pipeline config (or ``model``) names (read
    without importing spaCy: an unchanged run never needs it)."""
    from extractors.nlp.config import load_config, model_version, resolve_model_name

    cfg = load_config(models_dir, {"nlp.model": model} if model else None)
    name = resolve_model_name(cfg["nlp"]["model"])
    return f"{name}=={model_version(name) or 'local'}"


def extractor_version(models_dir: Path, model: str | None, code: str | None = None) -> tuple[str, dict]:
    """(version, its parts): a 16-hex-digit hash of the code version, base model and rules hash.

    ``code`` is the extraction code hash when the caller already has it (default: :func:`code_hash`).
    """
    from extractors.nlp.config import rules_hash

    parts = {
        "code_version": f"{VERSION}+{code if code is not None else code_hash()}",
        "model": base_model(models_dir, model),
        "rules_hash": rules_hash(models_dir),
    }
    return hashlib.sha256(repr(sorted(parts.items())).encode()).hexdigest()[:16], parts
