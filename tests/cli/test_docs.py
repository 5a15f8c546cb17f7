"""Every command of the CLI is in the README (the habit of sqlite-utils' test_docs)."""

import click
import pytest

from photodesk.cli import main
from tests.conftest import ROOT


def commands(group: click.Group, prefix: str = "photodesk"):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")


@pytest.mark.parametrize("command", sorted(commands(main)))
def test_command_is_documented(command):
    assert f"`{command}" in (ROOT / "README.md").read_text(encoding="utf-8")
