"""`reviewer train MODEL`: retrain a model artifact from the data in the repository."""

from __future__ import annotations

import click

from reviewer.core.errors import ReviewerError

# One line per trainable model: "name": "module:attribute" (imported only when used).
TRAINERS: dict[str, str] = {
    "passages": "reviewer.cli.train:passages",
    "ner": "reviewer.cli.train:ner_cli",
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

    from reviewer.core.settings import DEFAULT_MODELS, from_env
    from reviewer.detect.passages import model as passage_model
    from reviewer.detect.passages.rules import load_rules, rules_dir
    from reviewer.train import passages as passage_train
    from reviewer.train.passages import card as passage_card

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


@click.command("ner")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Folder data bersama / shared data folder (corpora, name lists); default ../shared/data.")
@click.option("--models", "models_dir", type=click.Path(file_okay=False), default=None,
              help="Folder tujuan artefak / where the artifact is written; default models/.")
@click.option("--epochs", type=click.IntRange(1, 100), default=6, show_default=True)
@click.option("--synthetic", type=click.IntRange(0, 100000), default=4000, show_default=True,
              help="Jumlah cuplikan dokumen sintetis / number of synthetic document snippets.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--card/--no-card", default=True, help="Tulis models/README.md / write the model card.")
def ner_cli(data_dir: str, models_dir: str, epochs: int, synthetic: int, seed: int, card: bool) -> None:
    """Latih model NER bahasa Indonesia / train the Indonesian NER model (models/ner-id)."""
    import sys
    from pathlib import Path

    from reviewer.train.ner import DEFAULT_DATA, DEFAULT_MODELS, train
    from reviewer.train.ner.card import write_card

    data_dir = data_dir or str(DEFAULT_DATA)
    models_dir = models_dir or str(DEFAULT_MODELS)

    command = "reviewer train ner " + " ".join(sys.argv[3:]) if len(sys.argv) > 3 else "reviewer train ner"
    try:
        target = train(Path(data_dir), Path(models_dir), epochs, synthetic, seed, click.echo, command.strip())
    except ReviewerError as exc:
        raise click.ClickException(str(exc)) from exc
    if card:
        path = write_card(target, Path(models_dir) / "README.md")
        click.echo(f"kartu model / model card: {path}")
