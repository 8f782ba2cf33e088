"""``tipwatch server status|stop|start``: tipwatch's background Prefect server (:mod:`flows.server`)."""

from __future__ import annotations

import typer

from flows.cli.common import app, fail, use_server

server_app = typer.Typer(
    no_args_is_help=True, help="tipwatch's background Prefect server: status, start, stop."
)
app.add_typer(server_app, name="server")


@server_app.command()
def status():
    """Whether the background server runs, where, and since when."""
    from flows.server import home
    from flows.server import status as server_status

    state, info = server_status()
    if info is None:
        print(f"stopped (no server recorded in {home()})")
        return
    print(f"{state}: {info.url} (pid {info.pid}, started {info.started_at}, log {info.log})")


@server_app.command()
def start():
    """Start the background server now (tipwatch run and serve start it when needed)."""
    import os

    if os.environ.get("PREFECT_API_URL"):
        fail(f"PREFECT_API_URL is set ({os.environ['PREFECT_API_URL']}): that server is used instead")
    use_server()
    status()


@server_app.command()
def stop():
    """Stop the background server and every process it started."""
    from flows.server import stop as server_stop

    info = server_stop()
    print("stopped" + (f" (pid {info.pid})" if info else ": none was running"))
