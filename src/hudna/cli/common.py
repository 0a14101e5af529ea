"""What every command shares: the resolved settings, the store, JSON output, error exit."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any, NoReturn

import typer
from rich.console import Console
from sqlalchemy import Engine

from hudna.errors import HudnaError
from hudna.settings import Settings
from hudna.store.database import open_store


@dataclass
class CliState:
    settings: Settings
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self, *, migrate: bool = True) -> Engine:
        """The store, migrated on first use so a fresh `hudna.db` just works."""
        if self._engine is None:
            self._engine = open_store(self.settings.db, migrate=migrate)
        return self._engine


console = Console(stderr=True)
out = Console()


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    if not isinstance(obj, CliState):
        raise typer.BadParameter("hudna's settings were not loaded")
    return obj


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(error: HudnaError | str, *, code: int = 1) -> NoReturn:
    console.print(f"[bold red]error:[/] {error}", highlight=False)
    raise typer.Exit(code)
