"""Build the tipwatch spaCy pipeline from ``models/pipeline.cfg``.

One function, :func:`build_pipeline`, loads the base model and adds the registered tipwatch
components in the order and with the settings the config file gives. Changing rules or
component settings needs no code change: edit the files under ``models/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
from extractors.assets import MODELS_DIR
from extractors.nlp import claims  # noqa: F401
from extractors.nlp.components import (
    acronyms,  # noqa: F401
    agency_continued,  # noqa: F401
    agency_forms,  # noqa: F401
    agency_heads,  # noqa: F401
    agency_home,  # noqa: F401
    agency_model,  # noqa: F401
    agency_modifier,  # noqa: F401
    agency_scope,  # noqa: F401
    agency_units,  # noqa: F401
    entities,  # noqa: F401
    officials,  # noqa: F401
    paragraphs,  # noqa: F401
    tiers,  # noqa: F401
)
from extractors.nlp.components.base_model import speed_up
from extractors.nlp.config import (  # re-exported: callers import them from here too
    CONFIG_NAME,
    ModelNotFound,
    load_config,
    resolve_model_name,
    rules_hash,
)

__all__ = [
    "CONFIG_NAME",
    "ModelNotFound",
    "build_pipeline",
    "load_config",
    "resolve_model_name",
    "rules_hash",
]

RULE_FILE_SUFFIXES = (".jsonl", ".csv", ".txt")


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
