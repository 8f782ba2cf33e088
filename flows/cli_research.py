"""tipwatch commands: research (registered on the shared app)."""

from __future__ import annotations

from .cli import app  # noqa: F401
