"""`hudna db …` and `hudna settings`: the store's schema and the settings table."""

from __future__ import annotations

import typer

from hudna.cli.common import out, print_json, state
from hudna.settings import SETTINGS_TABLE
from hudna.store.database import create_store_engine, current_revision, head_revision, upgrade

db_app = typer.Typer(help="Manage the store's schema.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Create or migrate the store to the latest schema (safe to run again)."""
    settings = state(ctx).settings
    engine = create_store_engine(settings.db)
    before = current_revision(engine)
    upgrade(engine)
    after = current_revision(engine)
    verb = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    out.print(f"{settings.db}: {verb} schema {after}")


@db_app.command("revision")
def db_revision(ctx: typer.Context) -> None:
    """Show the store's schema revision and the one the code needs."""
    engine = create_store_engine(state(ctx).settings.db)
    out.print(f"store: {current_revision(engine) or 'none'}  code: {head_revision()}")


def settings_command(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")
) -> None:
    """List every setting with its current value, default and meaning."""
    current = state(ctx).settings
    rows = [
        {"name": s.name, "value": getattr(current, s.name), "default": s.default, "help": s.help}
        for s in SETTINGS_TABLE
    ]
    if as_json:
        print_json(rows)
        return
    for r in rows:
        out.print(
            f"[bold]{r['name']}[/] = {r['value']!r}  (HUDNA_{r['name'].upper()}; default {r['default']!r})"
        )
        out.print(f"    {r['help']}", highlight=False)
