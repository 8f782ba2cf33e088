"""Readers for the rule and gazetteer files under ``models/`` (the only IO extractors do)."""

from __future__ import annotations

import csv
import json
import os
import tomllib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path


def models_dir() -> Path:
    """Where the rule, gazetteer and pipeline files are: ``TIPWATCH_MODELS`` when set (``tipwatch
    --models DIR`` sets it, for edited rules), else the ``models`` package, found through
    :mod:`importlib.resources` so that it is the repository's folder in an editable install and the
    installed package data in a wheel install."""
    override = os.environ.get("TIPWATCH_MODELS")
    if override:
        return Path(override).resolve()
    try:
        return Path(str(files("models")))
    except ModuleNotFoundError:  # an editable install made before models/ was a package
        return Path(__file__).resolve().parent.parent / "models"


MODELS_DIR = models_dir()  # read once, at import: callers that override set the variable first


@lru_cache(maxsize=64)
def read_jsonl(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=64)
def read_csv(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8", newline="") as f:
        return tuple({k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f))


@lru_cache(maxsize=64)
def read_lines(path: str) -> tuple[str, ...]:
    text = Path(path).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=16)
def read_toml(path: str) -> dict:
    """A TOML file as a dict (the caller copies what it keeps: the result is cached)."""
    with open(path, "rb") as f:
        return tomllib.load(f)


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]
