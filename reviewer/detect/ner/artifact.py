"""The NER model artifact: written atomically with a manifest, loaded with three named failures.

The artifact is a spaCy pipeline folder (config, vocab and weights; no pickles) plus
`artifact.json`: format version, library versions, labels, the SHA-256 of every file, data
provenance and held-out metrics. Loading checks the manifest before spaCy reads anything.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import sys
import time
import types
from pathlib import Path

from reviewer.core.errors import ModelCorrupt, ModelIncompatible, ModelMissing

__all__ = ["ModelCorrupt", "ModelIncompatible", "ModelMissing", "load", "write"]

FORMAT = 1
MANIFEST = "artifact.json"
# Word lists built from the training data (see reviewer/ner_lexicon.py)
COMMON, INSTITUTION = "common-words.txt", "institution-words.txt"
REQUIRED_LABELS = ("PERSON", "LOCATION", "ORGANIZATION")
CARD_START, CARD_END = "<!-- ner-id:start -->", "<!-- ner-id:end -->"
RETRAIN = "jalankan / run `reviewer train ner` (lihat / see models/README.md)"

# What the shared data folders say about themselves (their PROVENANCE.md files), for the card.
LICENSES = {
    "idner-news-2k": "MIT (c) 2020 khairunnisaor — Khairunnisa et al. 2020, AACL-IJCNLP SRW",
    "indonlu-nergrit": "MIT (NERGRIT, (c) 2019 NERGRIT developers, attribution required); "
                       "distributed in IndoNLU (Apache-2.0 repository)",
    "indonlu-nerp": "CC BY-SA 4.0 (NERP, Hoesen & Purwarianti 2018); distributed in IndoNLU (Apache-2.0)",
    "names-faker-id_ID": "MIT (c) 2012 Daniele Faraglia (Faker id_ID word lists)",
    "names-mutiawsr": "MIT (c) 2025 Mutia Wulansari",
    "wilayah-cahyadsn": "MIT (c) 2017-2025 Cahya DSN (Kemendagri region names)",
    "ud-id-gsd": "CC BY-SA 4.0 (UD Indonesian-GSD; word forms for common-words.txt)",
    "ud-id-csui": "CC BY-SA 4.0 (UD Indonesian-CSUI; word forms for common-words.txt)",
    "ud-id-pud": "CC BY-SA 3.0 (UD Indonesian-PUD; word forms for common-words.txt)",
    "sib200-ind": "CC BY-SA 4.0 (SIB-200 / FLORES-200 sentences; lower-case words for common-words.txt)",
    "stopwords-id": "MIT (stopwords-iso, Sastrawi stopword list)",
}


def versions() -> dict:
    import numpy
    import spacy
    import thinc

    return {"spacy": spacy.__version__, "thinc": thinc.__version__, "numpy": numpy.__version__,
            "python": platform.python_version()}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): _digest(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


def write(nlp, target: Path, info: dict, extra: dict[str, str] | None = None) -> Path:
    """Save the pipeline (and `extra` text files) to `target.part`, add the manifest, swap it in."""
    target = Path(target)
    part, old = target.with_name(target.name + ".part"), target.with_name(target.name + ".old")
    shutil.rmtree(part, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(part)
    for name, content in (extra or {}).items():
        (part / name).write_text(content, encoding="utf-8")
    manifest = {"format": FORMAT, "name": target.name, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "labels": sorted(nlp.get_pipe("ner").labels), "versions": versions(),
                "files": _files(part), **info}
    (part / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    part.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise ModelMissing(f"model NER tidak ditemukan di {folder}; nama orang hanya dicari dengan pola / "
                           f"NER model not found at {folder}; names are found by patterns only — {RETRAIN}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelCorrupt(f"model NER rusak: {path} tidak terbaca / NER model corrupt: unreadable manifest "
                           f"({exc}) — {RETRAIN}") from exc
    return manifest


def import_spacy():
    """spaCy, imported without its command line.

    `import spacy` imports `spacy.cli` (for `spacy.info`) and with it weasel, typer, requests, httpx and
    jinja2: a quarter of a second of CPU and 18 MB at every start, for commands a scan never runs. While
    spaCy is imported, stand-ins take the place of `spacy.cli` and `spacy.cli.info`; they are removed
    right after, so a later `import spacy.cli` (training) loads the real one, as `spacy.info()` does.
    If a spaCy version needs more of its command line at import, it is imported as usual.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package, so that `spacy.cli.info` can be found in it
    info.info = cli.info = _info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:
        spacy = None
    finally:
        for name, stand_in in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if spacy is None:
        import spacy
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def check_compatible(manifest: dict, folder: Path) -> None:
    spacy = import_spacy()

    made = str(manifest.get("versions", {}).get("spacy", "?"))
    if manifest.get("format") != FORMAT or made.split(".")[:2] != spacy.__version__.split(".")[:2]:
        raise ModelIncompatible(
            f"model NER di {folder} tidak cocok (format {manifest.get('format')}, spaCy {made}; terpasang "
            f"format {FORMAT}, spaCy {spacy.__version__}) / NER model incompatible with this installation — "
            f"{RETRAIN}")
    missing = [label for label in REQUIRED_LABELS if label not in manifest.get("labels", [])]
    if missing:
        raise ModelIncompatible(f"model NER di {folder} tanpa label {missing} / NER model lacks labels — {RETRAIN}")


def check_files(manifest: dict, folder: Path) -> None:
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise ModelCorrupt(f"model NER rusak: daftar berkas kosong di {folder} / NER model corrupt: no file list")
    for rel, digest in files.items():
        path = Path(folder) / rel
        if not path.is_file() or _digest(path) != digest:
            raise ModelCorrupt(f"model NER rusak: {rel} hilang atau berubah / NER model corrupt: {rel} is "
                               f"missing or changed — {RETRAIN}")


def load(folder: Path):
    """(spaCy pipeline, manifest), or ModelMissing / ModelIncompatible / ModelCorrupt."""

    folder = Path(folder)
    manifest = read_manifest(folder)
    check_compatible(manifest, folder)
    check_files(manifest, folder)
    try:
        nlp = _load_pipeline(folder)
        if not _same_tokenizer(nlp, folder / "tokenizer"):
            nlp.tokenizer.from_disk(folder / "tokenizer")
    except Exception as exc:  # spaCy raises many kinds for damaged folders; all mean the same here
        raise ModelCorrupt(f"model NER rusak: spaCy tidak dapat memuatnya / NER model corrupt: spaCy "
                           f"cannot load it ({type(exc).__name__}) — {RETRAIN}") from exc
    return nlp, manifest


def _load_pipeline(folder: Path):
    """The saved pipeline with the language's tokenizer built from the config, special cases deferred.

    A config naming spaCy's own tokenizer gets the same tokenizer with its ~15,600 hyphenated
    special cases added only when a text contains them (`reviewer.detect.ner.lazytok`); the
    artifact on disk is unchanged.
    """
    spacy = import_spacy()

    from reviewer.detect.ner import lazytok

    config = spacy.util.load_config(folder / "config.cfg")
    overrides = {}
    if config["nlp"]["tokenizer"] == {"@tokenizers": "spacy.Tokenizer.v1"}:
        overrides = {"nlp.tokenizer": {"@tokenizers": lazytok.NAME}}
    return spacy.load(folder, exclude=["tokenizer"], config=overrides)


def _same_tokenizer(nlp, path: Path) -> bool:
    """Whether the saved tokenizer has the same rules as the one built from the config.

    Reading a saved tokenizer adds its ~16k Indonesian special cases a second time, which is most of
    the model's loading time; when the saved rules are the language's own, that work is skipped.
    """
    import srsly
    from spacy.tokenizer import Tokenizer

    if not path.is_file():
        return True  # a pipeline saved without its tokenizer uses the config's
    saved = srsly.msgpack_loads(path.read_bytes())
    tokenizer = nlp.tokenizer
    built = srsly.msgpack_loads(Tokenizer.to_bytes(tokenizer, exclude=["vocab", "exceptions"]))
    rules = {**Tokenizer.rules.__get__(tokenizer), **getattr(tokenizer, "deferred", {})}
    rules = srsly.msgpack_loads(srsly.msgpack_dumps(rules))
    return saved.get("exceptions") == rules and {
        k: v for k, v in saved.items() if k not in ("vocab", "exceptions")} == built


def provenance(data_dir: Path) -> dict:
    """Where each data folder came from: licence and the SHA-256 of its files."""
    out = {}
    for name, licence in LICENSES.items():
        folder = Path(data_dir) / name
        files = {p.name: _digest(p)[:16] for p in sorted(folder.glob("*")) if p.is_file()} if folder.is_dir() else {}
        out[name] = {"license": licence, "files": files}
    return {"sources": out}
