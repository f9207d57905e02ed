import hashlib
import os
import zipfile

import pytest

from reviewer.extract.archive import Item, Limits, Skipped, count_sources, iter_sources, unsafe_name

MiB = 1 << 20


def _zip(path, members: dict[str, bytes], **kw):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, **kw) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _collect(paths, **kw):
    out = list(iter_sources(paths, **kw))
    items = {s.name: s for s in out if isinstance(s, Item)}
    skipped = {s.name: s.reason for s in out if isinstance(s, Skipped)}
    return out, items, skipped


def test_folder_is_walked_recursively_and_unsupported_files_get_a_note(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("NIK 3209121503870004")
    (tmp_path / "b" / "c" / "d.txt").write_text("halo")
    (tmp_path / "b" / "slide.key").write_bytes(b"PK\x03\x04")
    (tmp_path / "b" / "~$kunci.docx").write_bytes(b"x")
    os.symlink(tmp_path / "a.txt", tmp_path / "b" / "tautan.txt")
    out, items, skipped = _collect([tmp_path])
    assert list(items) == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "d.txt")]
    assert items[str(tmp_path / "a.txt")].sha256 == hashlib.sha256(b"NIK 3209121503870004").hexdigest()
    assert not any(i.temp for i in items.values())
    assert "tidak didukung" in skipped[str(tmp_path / "b" / "slide.key")]
    assert "sementara" in skipped[str(tmp_path / "b" / "~$kunci.docx")]
    assert "tautan" in skipped[str(tmp_path / "b" / "tautan.txt")]


def test_zip_members_are_streamed_to_temporary_copies(tmp_path):
    archive = _zip(tmp_path / "arsip.zip", {"surat/a.txt": b"satu", "b.txt": b"dua", "gambar.bmp": b"BM"})
    out, items, skipped = _collect([archive], tmpdir=str(tmp_path))
    assert list(items) == [f"{archive}!b.txt", f"{archive}!surat/a.txt"]
    a = items[f"{archive}!surat/a.txt"]
    assert a.temp and a.path.endswith(".txt") and open(a.path, "rb").read() == b"satu"
    assert a.sha256 == hashlib.sha256(b"satu").hexdigest() and a.size == 4
    assert "tidak didukung" in skipped[f"{archive}!gambar.bmp"]
    for item in items.values():
        item.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["arsip.zip"]


@pytest.mark.parametrize("name", ["../../etc/cron.d/x.txt", "/etc/passwd.txt", "a/../../b.txt",
                                  "C:/Windows/x.txt", "..\\..\\x.txt"])
def test_path_traversal_names_are_refused(tmp_path, name):
    archive = _zip(tmp_path / "jahat.zip", {name: b"x", "baik.txt": b"ok"})
    _, items, skipped = _collect([archive], tmpdir=str(tmp_path))
    assert list(items) == [f"{archive}!baik.txt"]
    assert "path traversal" in skipped[f"{archive}!{name}"]
    assert not (tmp_path.parent / "b.txt").exists()


def test_unsafe_name():
    assert not unsafe_name("surat/2024/a..b.pdf")
    assert unsafe_name("") and unsafe_name("x/\x00.pdf")


def test_zip_bomb_by_ratio_is_skipped(tmp_path):
    archive = _zip(tmp_path / "bom.zip", {"nol.txt": b"\0" * (20 * MiB), "baik.txt": b"ok"})
    _, items, skipped = _collect([archive], tmpdir=str(tmp_path))
    assert list(items) == [f"{archive}!baik.txt"]
    assert "bom zip" in skipped[f"{archive}!nol.txt"]


def test_member_and_archive_size_limits(tmp_path):
    archive = _zip(tmp_path / "besar.zip", {"a.txt": os.urandom(3000), "b.txt": os.urandom(3000),
                                            "c.txt": os.urandom(100)})
    limits = Limits(max_member_bytes=4000, max_archive_bytes=3500)
    _, items, skipped = _collect([archive], tmpdir=str(tmp_path), limits=limits)
    assert list(items) == [f"{archive}!a.txt", f"{archive}!c.txt"]
    assert "terlalu besar" in skipped[f"{archive}!b.txt"]
    _, items, skipped = _collect([archive], tmpdir=str(tmp_path), limits=Limits(max_members=2))
    assert not items and "terlalu banyak" not in skipped[str(archive)] and "entri" in skipped[str(archive)]


def test_nested_zips_are_followed_to_a_limit(tmp_path):
    inner = _zip(tmp_path / "dalam.zip", {"c.txt": b"isi"})
    outer = _zip(tmp_path / "luar.zip", {"dalam.zip": inner.read_bytes(), "d.txt": b"d"})
    _, items, _ = _collect([outer], tmpdir=str(tmp_path))
    assert list(items) == [f"{outer}!d.txt", f"{outer}!dalam.zip!c.txt"]
    _, items, skipped = _collect([outer], tmpdir=str(tmp_path), limits=Limits(max_depth=1))
    assert list(items) == [f"{outer}!d.txt"] and "bersarang" in skipped[f"{outer}!dalam.zip"]


def test_broken_and_encrypted_archives_are_notes_not_crashes(tmp_path):
    broken = tmp_path / "rusak.zip"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    _zip(tmp_path / "kunci.zip", {"rahasia.txt": b"xxxx"})
    raw = bytearray((tmp_path / "kunci.zip").read_bytes())  # set the "encrypted" flag bit
    raw[raw.index(b"PK\x03\x04") + 6] |= 1
    raw[raw.index(b"PK\x01\x02") + 8] |= 1
    (tmp_path / "kunci.zip").write_bytes(bytes(raw))
    _, items, skipped = _collect([broken, tmp_path / "kunci.zip", tmp_path / "tidak-ada.pdf"])
    assert not items
    assert "rusak" in skipped[str(broken)]
    assert "terenkripsi" in skipped[f"{tmp_path / 'kunci.zip'}!rahasia.txt"]
    assert "tidak ditemukan" in skipped[str(tmp_path / "tidak-ada.pdf")]


def test_done_names_are_passed_over_unread(tmp_path):
    archive = _zip(tmp_path / "arsip.zip", {"a.txt": b"a", "b.txt": b"b"})
    (tmp_path / "c.txt").write_text("c")
    done = {f"{archive}!a.txt", str(tmp_path / "c.txt")}
    _, items, skipped = _collect([tmp_path], tmpdir=str(tmp_path), done=done.__contains__)
    assert list(items) == [f"{archive}!b.txt"] and not skipped


def test_count_sources(tmp_path):
    _zip(tmp_path / "arsip.zip", {"a.txt": b"a", "b.pdf": b"b", "c.exe": b"c"})
    (tmp_path / "d.docx").write_bytes(b"d")
    (tmp_path / "e.xyz").write_bytes(b"e")
    assert count_sources([tmp_path]) == 3
