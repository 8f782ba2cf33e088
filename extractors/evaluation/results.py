"""Evaluation results: counts per field, the errors behind them, and a report over documents.

Contract: :class:`FieldScore` holds true positives, false positives and false negatives and derives
precision, recall and F1 (an empty denominator gives 1.0 when there are no errors of the other
kind, else 0.0); scores add up over documents (micro average). :class:`Report` keeps them in field
order, with :class:`Error` rows for finding what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Error", "FieldScore", "Report"]


@dataclass(frozen=True)
class FieldScore:
    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.field, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def shown(self) -> tuple[float | None, float | None, float | None]:
        """(P, R, F1) as reported: None ("n/a") where a rate has nothing to count. With no gold
        rows, recall and F1 are n/a (precision too without predictions, else 0): a field nobody
        annotated must not read as 1.000. With gold rows and no predictions precision is n/a."""
        p = self.precision if self.tp + self.fp else None
        if self.tp + self.fn == 0:
            return (0.0 if self.fp else None), None, None
        return p, self.recall, self.f1

    def to_dict(self) -> dict:
        p, r, f1 = self.shown()
        return {
            "precision": None if p is None else round(p, 4),
            "recall": None if r is None else round(r, 4),
            "f1": None if f1 is None else round(f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Error:
    """One false positive or false negative, for finding what to fix."""

    field: str
    doc: int  # index into the documents scored
    kind: str  # "fp" or "fn"
    value: str


@dataclass(frozen=True)
class Report:
    """Micro-averaged scores per field, in :data:`FIELDS` order (or the scorer's own order)."""

    fields: tuple[FieldScore, ...]
    n_docs: int
    errors: tuple[Error, ...] = field(default=(), repr=False)

    def __getitem__(self, name: str) -> FieldScore:
        for f in self.fields:
            if f.field == name:
                return f
        raise KeyError(name)

    def to_dict(self, *, errors: bool = False) -> dict:
        out: dict[str, Any] = {
            "n_docs": self.n_docs,
            "fields": {f.field: f.to_dict() for f in self.fields},
        }
        if errors:
            out["errors"] = [
                {"field": e.field, "doc": e.doc, "kind": e.kind, "value": e.value} for e in self.errors
            ]
        return out

    def format_table(self, unit: str = "documents") -> str:
        """Fixed-width text table: one line per field, then ``(n_docs unit)``."""
        width = max([len("field")] + [len(f.field) for f in self.fields])
        head = f"{'field':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
        lines = [head, "-" * len(head)]
        for f in self.fields:
            rates = " ".join("   n/a" if v is None else f"{v:6.3f}" for v in f.shown())
            lines.append(f"{f.field:<{width}}  {rates} {f.tp:5d} {f.fp:5d} {f.fn:5d}")
        lines.append(f"({self.n_docs} {unit})")
        return "\n".join(lines)
