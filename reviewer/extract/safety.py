"""Limits for hostile input: zip bombs, XML entity tricks, external links in OOXML packages.

Checked before a parser sees the file, from the zip directory alone (no decompression), so a
bomb is refused in milliseconds and with no memory spent.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass

from reviewer.core.errors import CorruptFile

MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024  # 300 MB of XML and media is far beyond any real letter
MAX_RATIO = 200  # a member that expands more than this (and is large) is a bomb
RATIO_FLOOR = 2 * 1024 * 1024  # small members may compress well (repetitive XML)
XML_HEAD = 4096


@dataclass(frozen=True)
class PackageReport:
    entries: int
    uncompressed: int
    external_links: tuple[str, ...]


def _safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


SAFE_PARSER = _safe_parser()


def inspect_ooxml(path: str, what: str = "DOCX") -> PackageReport:
    """Refuse zip bombs and XML with a DTD; list external relationships (remote templates, links).

    `what` names the format in the messages (DOCX, XLSX, PPTX, ODS, ...); OpenDocument packages
    are checked the same way.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_sizes(infos, what)
            external = []
            for info in infos:
                name = info.filename
                if not name.endswith((".xml", ".rels")):
                    continue
                with zf.open(info) as fh:
                    head = fh.read(XML_HEAD)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise CorruptFile(f"{what} berisi deklarasi DTD/entitas XML di {name} — ditolak demi keamanan / "
                                      f"{what} contains an XML DTD/entity declaration — refused")
                if name.endswith(".rels"):
                    external += _external_targets(zf, info)
            return PackageReport(len(infos), sum(i.file_size for i in infos), tuple(external))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise CorruptFile(f"arsip {what} rusak / corrupt {what} container ({exc})") from exc


def _check_sizes(infos: list[zipfile.ZipInfo], what: str = "DOCX") -> None:
    if len(infos) > MAX_ENTRIES:
        raise CorruptFile(f"{what} memuat {len(infos)} berkas di dalamnya (batas {MAX_ENTRIES}) / too many entries")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise CorruptFile(f"{what} mengembang menjadi {total // 2**20} MB (batas {MAX_TOTAL_UNCOMPRESSED // 2**20} MB)"
                          " — kemungkinan bom zip / expands too much, possible zip bomb")
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise CorruptFile(f"bagian {i.filename} mengembang {i.file_size // max(i.compress_size, 1)}× — "
                              "kemungkinan bom zip / possible zip bomb")


def _external_targets(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[str]:
    import defusedxml.ElementTree as ET

    if info.file_size > 5 * 1024 * 1024:
        raise CorruptFile(f"berkas relasi {info.filename} terlalu besar / relationship part too large")
    try:
        root = ET.fromstring(zf.read(info))
    except Exception as exc:
        raise CorruptFile(f"relasi {info.filename} tidak valid / invalid relationships part") from exc
    return [r.get("Target", "") for r in root if r.get("TargetMode") == "External"]
