"""`hudna serve`, `hudna keys …` and `hudna bench api`: the API and dashboard, its keys,
and its latency benchmark."""

from __future__ import annotations

import dataclasses
import ipaddress

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from hudna.api.bench import run_bench
from hudna.api.keys import ApiKeyError, create_key, delete_key, list_keys
from hudna.cli.common import console, fail, out, print_json, state
from hudna.store.database import open_store

keys_app = typer.Typer(help="Manage API keys (stored hashed; shown once).", no_args_is_help=True)


def read_needs_key(host: str) -> bool:
    """Reading is open by default only when serving on this machine alone."""
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host != "localhost"


def serve_command(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    auth_read: bool | None = typer.Option(
        None,
        "--auth-read/--open-read",
        help="Require a viewer key to read (API and dashboard). Default: open on a loopback "
        "address (a local machine), required on any other. Writes always need a key.",
    ),
) -> None:
    """Serve the REST API (/api/, docs at /api/docs) and the dashboard (/)."""
    import uvicorn

    from hudna.api import create_app

    cli = state(ctx)
    required = read_needs_key(host) if auth_read is None else auth_read
    app = create_app(cli.settings, engine=cli.engine(), auth_required_for_read=required)
    if required:
        console.print("reading needs a key (X-API-Key); create one with: hudna keys create")
    console.print(f"hudna: dashboard at http://{host}:{port}/ , API docs at /api/docs")
    uvicorn.run(app, host=host, port=port, log_level="info")


@keys_app.command("create")
def keys_create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Who the key is for (unique)."),
    role: str = typer.Option(..., "--role", help="viewer, analyst or admin."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Create a key and print it once: it is stored only as a SHA-256 hash."""
    try:
        key = create_key(state(ctx).engine(), name, role)
    except ApiKeyError as e:
        fail(e)
    if as_json:
        print_json({"name": name, "role": role, "key": key})
        return
    out.print(key, highlight=False)
    console.print(f"key for {name} ({role}); store it now, it will not be shown again")


@keys_app.command("list")
def keys_list(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")
) -> None:
    """List keys by name and role (never the keys themselves)."""
    keys = list_keys(state(ctx).engine())
    if as_json:
        print_json([dataclasses.asdict(k) for k in keys])
        return
    for k in keys:
        out.print(f"{k.name}\t{k.role}\t{k.created_at:%Y-%m-%d %H:%M}", highlight=False)


@keys_app.command("delete")
def keys_delete(
    ctx: typer.Context, name: str = typer.Argument(..., help="The key's name.")
) -> None:
    """Revoke a key."""
    try:
        delete_key(state(ctx).engine(), name)
    except ApiKeyError as e:
        fail(e)
    console.print(f"key {name} revoked")


def bench_api_command(
    ctx: typer.Context,
    events: int = typer.Option(1_000_000, "--events", help="Synthetic events in the store."),
    queries: int = typer.Option(300, "--queries", help="Filtered queries to time."),
    db: str = typer.Option(
        "bench-api.db",
        "--db",
        help="Bench store: SQLite path or URL; reused when it has the events.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """API latency (p50/p95) of filtered, paged event queries over N synthetic events."""
    engine = open_store(db, migrate=True)
    settings = dataclasses.replace(state(ctx).settings, db=db)
    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console,
    ) as bar:  # fmt: skip
        task = bar.add_task("generating events", total=None)
        result = run_bench(
            engine, settings, n_events=events, queries=queries,
            progress=lambda n: bar.update(task, advance=n, total=events),
        )  # fmt: skip
    if as_json:
        print_json(dataclasses.asdict(result))
        return
    made = f"generated in {result.generated_seconds} s" if result.generated_seconds else "reused"
    out.print(
        f"{result.db}: {result.events:,} events ({made}); {result.queries} filtered queries "
        f"(category + 30-day range + governorate, 50 a page): p50 {result.p50_ms} ms, "
        f"p95 {result.p95_ms} ms, max {result.max_ms} ms, {result.mean_rows} rows a page; "
        f"CPU per query p50 {result.cpu_p50_ms} ms, p95 {result.cpu_p95_ms} ms",
        highlight=False,
    )
