import pytest

from reviewer.core.model import Cell
from reviewer.detect.passages.windows import page_windows


def texts(text, cells=()):
    return [w.text for w in page_windows(text, cells)]


def test_offsets_point_at_page_text():
    text = ("NOTA DINAS\nSifat\t:\tRahasia\n"
            "1.\tKami merekomendasikan agar perkara ini diselesaikan lewat mediasi.\n")
    for w in page_windows(text):
        assert text[w.start:w.end] == w.text


def test_pdf_wrapped_lines_are_joined_and_heading_kept_apart():
    text = ("II. PERKIRAAN KEADAAN\n"
            "Jumlah personel yang disiagakan di setiap pos pengamanan ditambah menjadi empat\n"
            "orang pada malam hari sampai situasi kembali aman.\n")
    assert texts(text) == ["Jumlah personel yang disiagakan di setiap pos pengamanan ditambah menjadi empat\n"
                           "orang pada malam hari sampai situasi kembali aman."]


def test_sentences_split_but_not_at_abbreviations():
    text = "Rumahnya di Jl. Melati No. 4 dekat pasar lama. Ia bekerja sebagai sopir angkutan kota di sana.\n"
    assert texts(text) == ["Rumahnya di Jl. Melati No. 4 dekat pasar lama.",
                           "Ia bekerja sebagai sopir angkutan kota di sana."]


def test_list_marker_is_not_part_of_the_window():
    text = "1.\tTim menilai posisi hukum pemerintah daerah dalam perkara ini lemah.\n"
    assert texts(text) == ["Tim menilai posisi hukum pemerintah daerah dalam perkara ini lemah."]


def test_form_field_value_gets_the_field_name_as_context():
    text = "Keterangan: Potongan angsuran kredit rumah dilakukan setiap bulan dari gaji pegawai.\n"
    (w,) = page_windows(text)
    assert w.context == "Keterangan"
    assert w.text.startswith("Potongan angsuran")
    assert w.classify_text.startswith("Keterangan: Potongan")


@pytest.mark.parametrize("line", ["PEMERINTAH KABUPATEN SLEMAN", "Nama\tNIK\tAlamat",
                                  "Budi Santoso\t3374064909620026\tRT 01/RW 02 Kel. Meteseh\t08123456789"])
def test_headings_and_rows_of_names_are_not_passages(line):
    assert texts(line + "\n") == []


def test_table_row_from_cells():
    text = "Alasan cuti\tMenjalani operasi usus buntu dan perlu pemulihan di rumah selama dua minggu\n"
    a, b = text.index("Menjalani"), text.index("\n")
    cells = (Cell(0, 0, 0, "Alasan cuti", start=0, end=11), Cell(0, 0, 1, text[a:b], start=a, end=b))
    (w,) = page_windows(text, cells)
    assert (w.start, w.end) == (a, b)
    assert w.context == "Alasan cuti"


def test_batak_name_particle_br_does_not_end_a_sentence():
    text = "Yang melihat adalah tetangga saya, Rotua br. Simanjuntak, yang tinggal di ujung gang.\n"
    assert texts(text) == [text.strip()]
