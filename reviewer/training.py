"""`reviewer train MODEL`: one sub-command per trainable model, each imported only when used."""

from __future__ import annotations

import click

from reviewer.cli import LazyGroup

# One line per model: "name": "module:click command".
TRAINERS: dict[str, str] = {
    "ner": "reviewer.ner_train:ner_cli",
}


class TrainGroup(LazyGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(TRAINERS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in TRAINERS:
            return None
        import importlib

        module, attr = TRAINERS[name].split(":")
        return getattr(importlib.import_module(module), attr)


@click.group("train", cls=TrainGroup)
def train() -> None:
    """Latih model dari data / train a model from data (see models/README.md)."""
