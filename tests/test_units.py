"""The organisation tree: validation, scope of PPID utama and pembantu, inheritance of settings."""

import pytest

from reviewer.core.settings import Settings
from reviewer.core.units import Unit, UnitError, UnitTree

CITY = [
    Unit("kota", "Pemerintah Kota Contoh", "pemkot", None, "utama", officials=("Wali Kota Budi Santoso",),
         deny_terms=("Proyek Rahasia",), box_labels={"17h": "PRIBADI"}),
    Unit("diskominfo", "Dinas Komunikasi dan Informatika", "dinas", "kota", officials=("Kadis Kominfo Ani",)),
    Unit("dinkes", "Dinas Kesehatan", "dinas", "kota", officials=("dr. Rina Hapsari",),
         allow_terms=("RSUD Kota Contoh",), box_labels={"17h2": "KES", "17h": "DATA PRIBADI"}),
    Unit("puskesmas-utara", "Puskesmas Utara", "upt", "dinkes", allow_terms=("Puskesmas Utara",)),
    Unit("kec-utara", "Kecamatan Utara", "kecamatan", "kota"),
    Unit("pdam", "Perumda Air Minum", "bumd", "kota", ppid=""),
]


@pytest.fixture
def tree():
    return UnitTree(CITY)


def test_walk_is_parents_first(tree):
    walked = [(depth, u.code) for depth, u in tree.walk()]
    assert walked[0] == (0, "kota")
    assert walked.index((1, "dinkes")) < walked.index((2, "puskesmas-utara"))
    assert len(walked) == len(CITY)


@pytest.mark.parametrize("units, message", [
    ([Unit("a", "A", parent="x")], "induk tidak dikenal"),
    ([Unit("a", "A"), Unit("a", "B")], "kode unit ganda"),
    ([Unit("a", "A", parent="b"), Unit("b", "B", parent="a")], "lingkaran"),
    ([Unit("Dinas Kesehatan", "A")], "kode unit tidak sah"),
    ([Unit("a", "A", kind="kementerian")], "jenis tidak dikenal"),
    ([Unit("a", "A", ppid="kepala")], "PPID harus"),
    ([Unit("a", " ")], "nama kosong"),
])
def test_bad_trees_are_refused(units, message):
    with pytest.raises(UnitError, match=message):
        UnitTree(units)


def test_pembantu_sees_its_subtree_and_utama_everything(tree):
    assert tree.visible([("dinkes", "officer")]) == {"dinkes", "puskesmas-utara"}
    assert tree.visible([("kec-utara", "reviewer")]) == {"kec-utara"}
    assert tree.visible([("kota", "reviewer")]) == {u.code for u in CITY}
    assert tree.visible([("hilang", "admin")]) == set()


def test_ppid_utama_held_by_a_dinas_sees_the_whole_tree():
    units = [u if u.code != "diskominfo" else Unit("diskominfo", u.name, "dinas", "kota", "utama")
             for u in CITY]
    tree = UnitTree([u if u.code != "kota" else Unit("kota", u.name, "pemkot", None, "") for u in units])
    assert tree.visible([("diskominfo", "officer")]) == {u.code for u in CITY}


def test_role_over_a_unit_is_the_strongest_membership_reaching_it(tree):
    mine = [("dinkes", "officer"), ("kota", "reviewer")]
    assert tree.role_in(mine, "puskesmas-utara") == "reviewer"
    assert tree.role_in([("dinkes", "officer")], "puskesmas-utara") == "officer"
    assert tree.role_in([("dinkes", "admin")], "kec-utara") is None


def test_settings_inherit_down_the_tree(tree):
    base = Settings(officials=("Sekda Joko",), allow_terms=("Kota Contoh",), use_ner=False)
    s = tree.effective("puskesmas-utara", base)
    assert s.officials == ("Sekda Joko", "Wali Kota Budi Santoso", "dr. Rina Hapsari")
    assert s.allow_terms == ("Kota Contoh", "RSUD Kota Contoh", "Puskesmas Utara")
    assert s.deny_terms == ("Proyek Rahasia",)
    assert s.box_labels["17h2"] == "KES" and s.box_labels["17h"] == "DATA PRIBADI"  # nearest unit wins
    assert s.box_labels["17j"] == "Ps.17 j" and s.use_ner is False  # the rest of base unchanged
    sibling = tree.effective("kec-utara", base)
    assert "dr. Rina Hapsari" not in sibling.officials and sibling.box_labels["17h"] == "PRIBADI"


def test_origins_say_where_each_setting_comes_from(tree):
    origins = tree.origins("puskesmas-utara", Settings(officials=("Sekda Joko",)))
    assert [(o.value, o.unit) for o in origins["officials"]] == [
        ("Sekda Joko", ""), ("Wali Kota Budi Santoso", "kota"), ("dr. Rina Hapsari", "dinkes")]
    labels = {o.value.split("=")[0]: o.unit for o in origins["box_labels"]}
    assert labels["17h"] == "dinkes" and labels["17h2"] == "dinkes" and labels["17j"] == ""
