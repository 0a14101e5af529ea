from __future__ import annotations

from pathlib import Path

import pytest

from hudna.errors import SettingsError
from hudna.settings import SETTINGS_TABLE, Settings, load_settings


def test_precedence_is_override_then_env_then_file_then_default(tmp_path: Path) -> None:
    toml = tmp_path / "hudna.toml"
    toml.write_text('db = "file.db"\nbatch_size = 7\nfetch_retries = 9\n')
    env = {"HUDNA_DB": "env.db", "HUDNA_BATCH_SIZE": "8"}
    s = load_settings({"db": "flag.db"}, environ=env, toml_path=toml)
    assert (s.db, s.batch_size, s.fetch_retries, s.fetch_timeout) == ("flag.db", 8, 9, 10.0)


def test_bad_value_names_the_setting() -> None:
    with pytest.raises(SettingsError, match="batch_size"):
        load_settings(environ={"HUDNA_BATCH_SIZE": "many"}, toml_path=Path("/nonexistent"))


def test_unknown_key_in_file_is_refused(tmp_path: Path) -> None:
    toml = tmp_path / "hudna.toml"
    toml.write_text("colour = 'red'\n")
    with pytest.raises(SettingsError, match="colour"):
        load_settings(environ={}, toml_path=toml)


def test_every_setting_is_in_the_table_with_help_and_the_same_default() -> None:
    defaults = Settings()
    assert [s.name for s in SETTINGS_TABLE] == list(Settings.__dataclass_fields__)
    for s in SETTINGS_TABLE:
        assert s.help and getattr(defaults, s.name) == s.default
