"""The detector's rules around the model, without the model: what is a name, how pieces are joined."""
import pytest

from reviewer.core.model import Page
from reviewer.detect import ner, roles
from reviewer.detect.names import surface

COMMON = "riwayat hidup jumlah kotor cara memperoleh tunjangan beras rencana melihat"
LEX = ner.Lexicon(common=frozenset(COMMON.split()), institution=frozenset("kelurahan polrestabes perum toyota".split()))


@pytest.mark.parametrize("bare, ok", [
    ("Wahyu Kuncoro Setyawan", True),
    ("Rosmawati br. Sihombing", True),
    ("ARIS SUSILO", True),
    ("RIWAYAT HIDUP", False),          # every word an ordinary word
    ("Cara Memperoleh", False),
    ("B. RENCANA", False),             # outline letter + ordinary word
    ("Kelurahan Rejomulyo", False),    # starts with an institution word
    ("Toyota Avanza", False),
    ("PPID Utama", False),             # acronym inside a mixed-case stretch
    ("Memahami UU KIP", False),
    ("NJOP bumi", False),              # a lower-case word that is no name particle
    ("VIII", False),
    ("Laman www.contoh.go.id", False),
    ("Bin", False),
])
def test_name_like(bare, ok):
    assert ner.name_like(bare, LEX) is ok


def test_merge_adjacent_pieces_and_wrapped_names():
    text = ("Pelapor: Muhsin Bin Alkaff datang. Rumah diberikan kepada anak bungsunya yang bernama Muhsin\n"
            "Bin Alkaff, lalu")
    a = text.index("Muhsin")
    b = text.index("Bin")
    spans = [(a, a + 6), (b, b + 10)]
    assert ner.merge_adjacent(text, spans) == [(a, b + 10)]
    c = text.rindex("Muhsin")
    d = text.rindex("Bin")
    assert ner.merge_adjacent(text, [(c, c + 6), (d, d + 10)]) == [(c, d + 10)]
    listing = "Hormat kami,\nBudi\nSiti\n"  # two people on consecutive short lines stay apart
    e, f = listing.index("Budi"), listing.index("Siti")
    assert ner.merge_adjacent(listing, [(e, e + 4), (f, f + 4)]) == [(e, e + 4), (f, f + 4)]


def test_extend_takes_unknown_capitalised_words_only():
    text = "petugas bernama Ibrahim Mauladawilah meminta uang"
    a = text.index("Ibrahim")
    assert ner.extend(text, a, a + 7, LEX) == (a, text.index(" meminta"))
    text = "----- ARIS SUSILO -----"
    b = text.index("SUSILO")
    assert ner.extend(text, b, b + 6, LEX) == (text.index("ARIS"), b + 6)
    text = "Jumlah Budi Santoso"  # an ordinary word is not taken in
    c = text.index("Budi")
    assert ner.extend(text, c, len(text), LEX) == (c, len(text))


def test_titled_entities_are_persons():
    text = "Rapat dipimpin oleh Sekretaris Dinas, Ir. Togar Simatupang, M.T., dan"
    a = text.index("Togar")
    assert ner.titled(text, a, a + len("Togar Simatupang"))
    b = text.index("Sekretaris Dinas")
    assert not ner.titled(text, b, b + len("Sekretaris Dinas"))


def test_lone_or_tabular_names_without_cues_are_dropped():
    page = Page(1, "No\tUraian\tJumlah\n1\tKurir\t2\nSurat itu dibawa oleh Fransiska Wulan ke kantor.\n")
    kurir = ner.person(page, page.text.index("Kurir"), page.text.index("Kurir") + 5, LEX)
    assert kurir is not None and not ner.supported([kurir])
    a = page.text.index("Fransiska")
    prose = ner.person(page, a, a + len("Fransiska Wulan"), LEX)
    assert prose is not None and ner.supported([prose])


def test_office_word_is_trimmed_from_a_person_span():
    page = Page(1, "Laporan diterima Camat Budi Santoso kemarin.")
    a = page.text.index("Camat")
    mention = ner.person(page, a, a + len("Camat Budi Santoso"), LEX)
    assert mention is not None and mention.text == "Budi Santoso"


def test_degrees_never_taken_from_the_next_table_cell():
    text = "1\tBowo Gunawan, S.STP.\tDrs. Ibrahim"
    a = text.index("Bowo")
    start, end = surface(text, a, a + len("Bowo Gunawan"))
    assert text[start:end] == "Bowo Gunawan, S.STP."


def test_form_line_is_not_a_table_header():
    text = "SLIP GAJI\nNama\t: Dimas Harjono\nNIP\t: 19930825 202204 1 005\nPenghasilan\tRp\nTunjangan Beras\t289.680\n"
    a = text.index("Tunjangan")
    assert not roles.cues_table(text, a, a + len("Tunjangan Beras"))
    table = "No\tNama\tNIK\n1\tWartini\t3374104707620512\n2\tLansia\t-\n"
    b = table.index("Wartini")
    assert roles.cues_table(table, b, b + 7)[0].side == "private"
    c = table.index("-")
    assert not roles.cues_table(table, c, c + 1)


@pytest.mark.parametrize("bare, ok", [
    ("Tim Pemeriksa", False),        # a group of people, not a person
    ("Panitia Seleksi Daerah", False),
    ("Timotius Lewa", True),         # only whole words count
])
def test_group_words_do_not_start_a_name(bare, ok):
    assert ner.name_like(bare, LEX) is ok


def test_upper_case_title_line_without_cues_is_dropped_but_signature_kept():
    body = "Isi panggilan.\n" * 12
    page = Page(1, f"RELAAS PANGGILAN SIDANG\nNomor 12/Pdt.G/2024\n{body}\nYang menerima panggilan,\n\n\n"
                   "MARIA GORETI TUKAN\n")
    a = page.text.index("RELAAS")
    title = ner.person(page, a, a + len("RELAAS PANGGILAN SIDANG"), ner.Lexicon())
    assert title is not None and not ner.supported([title])
    b = page.text.index("MARIA")
    signer = ner.person(page, b, b + len("MARIA GORETI TUKAN"), ner.Lexicon())
    assert signer is not None and ner.supported([signer])


def test_place_of_a_date_line_is_no_person():
    page = Page(1, "Saksi di tempat kejadian menerangkan.\n\nTondano, 14 Juli 2024\nKASAT LANTAS,\n")
    a = page.text.index("Tondano")
    assert ner.person(page, a, a + len("Tondano"), ner.Lexicon()) is None
    assert ner.name_like("Gampong Lampulo", ner.Lexicon()) is False


@pytest.mark.parametrize("text,span,name", [
    ("Bila Mega tidak lagi memimpin, partai berubah.", "Bila Mega", "Mega"),
    ("Tapi Bouygues mengatakan laba naik.", "Tapi Bouygues", "Bouygues"),
    ("Roosseno Menteri Pekerjaan Umum pada kabinet itu hadir.", "Roosseno Menteri Pekerjaan Umum", "Roosseno"),
    ("Budi Santoso hadir di kantor.", "Budi Santoso", "Budi Santoso"),
])
def test_clause_openers_and_trailing_offices_are_not_part_of_a_name(text, span, name):
    page = Page(1, text)
    a = text.index(span)
    mention = ner.person(page, a, a + len(span), LEX)
    assert mention is not None and mention.text == name


def test_a_run_of_ordinary_words_without_a_known_name_or_cue_is_no_person():
    def group(text: str) -> list:
        return [roles.Mention(1, 0, len(text), text, [])]

    common = frozenset({"generasi", "tugas", "penanganan", "budi"})
    assert not ner.supported(group("Generasi Milenial"), common)
    assert not ner.supported(group("Gugus Tugas Penanganan Covid"), common)
    assert ner.supported(group("Budi Santoso"), common)  # a known given name or surname is evidence
    assert ner.supported(group("Waryono Karno"), common)  # no ordinary word: left to the model


def test_a_name_run_into_a_business_word_is_cut_there_and_a_business_alone_is_no_person():
    page = Page(1, "Ia menemui Dewi Lestari Hotel Melati lalu pergi ke Tilamas Hotel Kendangsari bersama saksi.")
    a = page.text.index("Dewi")
    mention = ner.person(page, a, a + len("Dewi Lestari Hotel Melati"), LEX)
    assert mention is not None and mention.text == "Dewi Lestari"
    b = page.text.index("Tilamas")
    assert ner.person(page, b, b + len("Tilamas Hotel Kendangsari"), LEX) is None
