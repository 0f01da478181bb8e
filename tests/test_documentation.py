"""Every command and setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

from onderhandeling.cli import build_parser

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    """The README opens with `make run` and `make test`, before anything else."""
    first_block = README.split("```")[1]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()[1:] if line]
    assert commands == ["make run", "make test"]


def test_every_cli_command_is_in_the_readme() -> None:
    """A command the CLI offers but the README does not mention fails this test."""
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command")
    for name in subcommands.choices:  # type: ignore[union-attr]
        assert f"onderhandeling {name}" in README, name


def test_database_setting_is_documented() -> None:
    """The storage setting is named in the README."""
    assert "ONDERHANDELING_DATABASE_URL" in README
