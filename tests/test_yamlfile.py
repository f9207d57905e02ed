"""The C YAML loader gives the same objects as PyYAML's safe loader over every data file we ship."""

from pathlib import Path

import pytest
import yaml

from reviewer.core import yamlfile

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted({*ROOT.glob("reviewer/**/*.yaml"), *ROOT.glob("patterns/**/*.yaml")})


def test_there_are_data_files():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_objects_as_safe_load(path):
    text = path.read_text(encoding="utf-8")
    assert yamlfile.safe_load(text) == yaml.safe_load(text)


def test_refuses_python_objects_like_safe_load():
    with pytest.raises(yaml.YAMLError):
        yamlfile.safe_load("!!python/object/apply:os.system ['true']")
