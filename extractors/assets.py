"""Readers for the rule and gazetteer files under ``models/`` (the only IO extractors do)."""

from __future__ import annotations

import csv
import json
import tomllib
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"  # rule, gazetteer and pipeline files


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
