"""`reviewer train MODEL`: retrain a model artifact from the data in the repository."""

from __future__ import annotations

import click

from reviewer.errors import ReviewerError

# One line per trainable model: "name": "module:attribute" (imported only when used).
TRAINERS: dict[str, str] = {
    "passages": "reviewer.train_cli:passages",
    "ner": "reviewer.ner_train:ner_cli",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(TRAINERS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in TRAINERS:
            return None
        import importlib

        module, attr = TRAINERS[name].split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=_LazyGroup)
def train() -> None:
    """Latih ulang model dari data di repositori / retrain a model from the repository's data."""


@click.command()
@click.option("--data", "data_dir", type=click.Path(file_okay=False),
              help="Folder data latih (*.jsonl) / training data folder (default: models/data/passages).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder artefak / artifact folder (default: REVIEWER_MODELS/passages).")
@click.option("--seed", type=int, default=0, show_default=True)
def passages(data_dir: str | None, out_dir: str | None, seed: int) -> None:
    """Latih pengklasifikasi paragraf Pasal 17 / train the Pasal 17 passage classifier."""
    from pathlib import Path

    from reviewer import passage_card, passage_model, passage_train
    from reviewer.passage_rules import load_rules, rules_dir
    from reviewer.settings import DEFAULT_MODELS, from_env

    settings = from_env()
    data = Path(data_dir) if data_dir else DEFAULT_MODELS / "data" / "passages"
    out = Path(out_dir) if out_dir else settings.models_dir / "passages"
    try:
        rules = load_rules(rules_dir(settings.patterns_dir))
        docs = passage_train.load_corpus(data, rules)
        model, report = passage_train.train(docs, seed=seed, log=click.echo)
    except ReviewerError as exc:
        raise click.ClickException(str(exc)) from exc
    path = passage_model.save(model, out)
    card = passage_card.write(model.meta, out / "README.md")
    ex = report["exempt"]
    click.echo(f"tersimpan / saved: {path}  ({path.stat().st_size // 1024} KiB), kartu model / card: {card}")
    click.echo(f"uji (templat disisihkan) / held-out templates: exempt P={ex['precision']:.3f} "
               f"R={ex['recall']:.3f} F1={ex['f1']:.3f}, huruf benar {report['huruf_accuracy_on_found']:.3f}")
