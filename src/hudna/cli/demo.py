"""`hudna demo`: the bundled sample end to end, then the dashboard."""

from __future__ import annotations

import typer

from hudna.cli.common import console, out, print_json, state
from hudna.demo import run_demo


def demo_command(
    ctx: typer.Context,
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Serve the dashboard after."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to serve on."),
    port: int = typer.Option(8000, "--port", help="Port to serve on."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Ingest the bundled sample, extract, link and judge it, then serve the dashboard.

    The dashboard is read-only without a key and listens on localhost by default.
    """
    cli = state(ctx)
    engine = cli.engine()
    report = run_demo(
        engine, cli.settings, step=lambda m: console.print(f"[bold]hudna demo:[/] {m}")
    )
    summary = report.as_dict()
    if as_json:
        print_json(summary)
    else:
        for key, value in summary.items():
            out.print(f"{key.replace('_', ' ')}: {value}", highlight=False)
    if not serve:
        return
    import uvicorn

    from hudna.api import create_app

    app = create_app(cli.settings, engine=engine, auth_required_for_read=False)
    console.print(f"hudna demo: dashboard at http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
