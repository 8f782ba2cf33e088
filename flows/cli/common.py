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


ModelsOpt = typer.Option(
    None, "--models", help="rules folder to use instead of the installed models/ (a copy with edited rules)"
)


def use_models(models: Path | None) -> str | None:
    """Point extraction at ``--models DIR`` before the extractors are imported (they read
    ``TIPWATCH_MODELS`` once, see :func:`extractors.assets.models_dir`); returns it as the flow's
    ``models_dir`` (None: the installed rules)."""
    if models is None:
        return None
    if not (models / "pipeline.cfg").is_file():
        fail(f"not a rules folder (no pipeline.cfg): {models}")
    models = models.resolve()
    assets = sys.modules.get("extractors.assets")
    if assets is not None and assets.MODELS_DIR != models:  # a programming error: say it plainly
        raise CliError("--models must be applied before the extractors are imported")
    os.environ["TIPWATCH_MODELS"] = str(models)
    return str(models)


class CliError(Exception):
    """An error to show the user as one line."""


class _App(typer.Typer):
    """A Typer app that keeps the promise: every error is one line on stderr and a non-zero exit."""

    def __call__(self, *args, **kwargs):
        prefect_env()  # Prefect reads its settings once, when first imported: set them first
        try:
            return super().__call__(*args, **kwargs)
        except SystemExit:
            raise
        except KeyboardInterrupt:
            print("tipwatch: interrupted", file=sys.stderr)
            sys.exit(130)
        except Exception as exc:  # the promise: one line, non-zero exit
            print(f"tipwatch: error: {one_line(exc)}", file=sys.stderr)
            sys.exit(1)


app = _App(
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: flags show as switches (--json), not "--json <bool>"
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Who said what about human trafficking: news and TIP reports into queryable tables.",
)


def version() -> str:
    """The installed distribution's version (the source tree's when it is not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("tipwatch")
    except PackageNotFoundError:
        from flows.versions import VERSION

        return VERSION


def _print_version(value: bool) -> None:
    if value:
        print(f"tipwatch {version()}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version, help="print the version and exit"
    ),
) -> None:
    """Who said what about human trafficking: news and TIP reports into queryable tables."""


def fail(message: str, code: int = 1):
    """Print ``tipwatch: error: MESSAGE`` on stderr and leave with ``code``."""
    print(f"tipwatch: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


EX_EMPTY = 2  # an empty input: nothing to do is not success


def one_line(exc: BaseException) -> str:
    """An exception as the one line the CLI prints: its first line, else its type."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def warn(message: str, code: int):
    """Print ``tipwatch: warning: MESSAGE`` on stderr and leave with ``code``."""
    print(f"tipwatch: warning: {message}", file=sys.stderr)
    raise typer.Exit(code)


def check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    """Refuse an unknown ``--format`` value in one line ("use text or json")."""
    if fmt not in allowed:
        choices = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        fail(f"unknown format {fmt!r}: use {choices}")


FORMATS = ("table", "csv", "json")
JsonOpt = typer.Option(False, "--json", help="same as --format json")


def FormatOpt(default: str = "table", formats: tuple[str, ...] = FORMATS):  # noqa: N802 (an option factory)
    return typer.Option(default, "--format", help=", ".join(formats[:-1]) + f" or {formats[-1]}")


def output_format(fmt: str, json_alias: bool = False, allowed: tuple[str, ...] = FORMATS) -> str:
    """The ``--format`` a data command prints in: ``--json`` is an alias of ``--format json`` and
    ``text`` (the old name) of ``table``; anything else is refused in one line."""
    fmt = "table" if fmt == "text" else fmt
    if json_alias:
        if fmt not in ("table", "json"):
            fail(f"--json and --format {fmt} disagree: give one")
        fmt = "json"
    check_format(fmt, allowed)
    return fmt


def emit(fmt: str, columns: list[str], rows: list, *, data=None, text: str | None = None) -> None:
    """Print data as ``fmt``: ``json`` (``data``, default one object per row), ``csv`` (a header and
    the rows; lists and dicts as JSON) or ``table`` (``text``, default a plain table of the rows)."""
    import csv
    import io
    import json

    from flows.tables import terminal_safe

    # data goes to files and pipes as it is; a terminal sees control characters as escapes
    shown = terminal_safe if sys.stdout.isatty() else (lambda t: t)
    if fmt == "json":
        out = data if data is not None else [dict(zip(columns, r)) for r in rows]
        print(shown(json.dumps(out, indent=2, ensure_ascii=False, default=str)))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_csv_cell(v) for v in r] for r in rows])
        sys.stdout.write(shown(buf.getvalue()))
    elif text is not None:
        print(terminal_safe(text))
    else:
        from flows.tables import print_table

        print_table(columns, rows)


def _csv_cell(v):
    import json

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list | tuple | dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return "" if v is None else v


def flatten(data, prefix: str = "") -> list[list]:
    """Nested JSON-able data as ``[path, value]`` rows (``fields.officials.f1``): the CSV of reports."""
    if isinstance(data, dict):
        return [row for k, v in data.items() for row in flatten(v, f"{prefix}{k}.")]
    if isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        return [row for i, v in enumerate(data) for row in flatten(v, f"{prefix}{i}.")]
    return [[prefix.rstrip("."), data]]


def pipeline_overrides(model: str | None) -> dict | None:
    """``--model NAME`` as a ``build_pipeline`` override (None keeps models/pipeline.cfg)."""
    return {"nlp.model": model} if model else None


def user_data_dir() -> Path:
    """tipwatch's folder in the user's data directory: ``$XDG_DATA_HOME/tipwatch`` (default
    ``~/.local/share/tipwatch``; ``~/Library/Application Support/tipwatch`` on macOS)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "tipwatch"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "tipwatch"


def prefect_env(home: Path | None = None) -> None:
    """Offline, quiet Prefect (unless the caller set its own values), with its home in the user's
    data directory (:func:`user_data_dir` ``/prefect``), never in the current directory. Applied
    by the app before any command runs, so before anything imports Prefect."""
    os.environ.setdefault("PREFECT_HOME", str((home or user_data_dir() / "prefect").resolve()))
    try:  # Prefect creates its home without parents (~/.local/share may not exist yet)
        Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    except OSError:  # an unwritable home: a private temporary one still runs offline
        import tempfile

        os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="tipwatch-prefect-")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    _quiet_prefect_logging()


def _quiet_prefect_logging() -> None:
    """Prefect logs to ``<PREFECT_HOME>/prefect.log``, never to the terminal (its records there
    are noise around tipwatch's own lines), unless the user configured Prefect's logging: their
    ``PREFECT_LOGGING_SETTINGS_PATH`` or a ``logging.yml`` in the Prefect home."""
    if os.environ.get("PREFECT_LOGGING_SETTINGS_PATH"):
        return
    if (Path(os.environ["PREFECT_HOME"]) / "logging.yml").exists():
        return
    os.environ["PREFECT_LOGGING_SETTINGS_PATH"] = str(
        Path(__file__).parents[1] / "templates" / "prefect_logging.yml"
    )


def use_server() -> None:
    """Point Prefect at tipwatch's background server (:mod:`flows.server`), starting it when none
    answers; a failure to start it is one line."""
    from flows.server import ServerError, ensure_server

    try:
        ensure_server()
    except (ServerError, OSError) as exc:
        fail(f"cannot start the Prefect server: {exc}")
