"""What every ``tipwatch`` command shares: the Typer ``app`` they register on, the ``--processed``
option, the one-line error contract (:func:`fail`, :class:`CliError`) and the offline Prefect setup.

Command modules import this, never :mod:`flows.cli.app`; ``app`` imports the command modules to
register them, so there is no import loop.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

ProcessedOpt = typer.Option(
    Path("processed"), "--processed", help="processed/ folder holding the runs and the database"
)


class CliError(Exception):
    """An error to show the user as one line."""


class _App(typer.Typer):
    """A Typer app that keeps the promise: every error is one line on stderr and a non-zero exit."""

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except SystemExit:
            raise
        except KeyboardInterrupt:
            print("tipwatch: interrupted", file=sys.stderr)
            sys.exit(130)
        except Exception as exc:  # the promise: one line, non-zero exit
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            print(f"tipwatch: error: {msg}", file=sys.stderr)
            sys.exit(1)


app = _App(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Who said what about human trafficking: news and TIP reports into queryable tables.",
)


def fail(message: str, code: int = 1):
    """Print ``tipwatch: error: MESSAGE`` on stderr and leave with ``code``."""
    print(f"tipwatch: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    """Refuse an unknown ``--format`` value in one line ("use text or json")."""
    if fmt not in allowed:
        choices = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        fail(f"unknown format {fmt!r}: use {choices}")


def pipeline_overrides(model: str | None) -> dict | None:
    """``--model NAME`` as a ``build_pipeline`` override (None keeps models/pipeline.cfg)."""
    return {"nlp.model": model} if model else None


def prefect_env(home: Path | None = None) -> None:
    """Offline, quiet Prefect with its home inside the project (unless the caller set one)."""
    os.environ.setdefault("PREFECT_HOME", str((home or Path.cwd() / ".prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
