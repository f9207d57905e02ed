"""Public prose is judged by the sentence of the name (reviewer.detect.roles.public_prose): synthetic texts."""
from reviewer.detect import roles

PROSE = ("Dalam bukunya tentang partisipasi politik, Larasati Wibowo menulis bahwa generasi muda menentukan arah "
         "demokrasi di masa depan.")


def public(text: str, name: str = "Larasati Wibowo") -> bool:
    start = text.index(name)
    return roles.public_prose(text, start, start + len(name))


def test_a_private_word_in_another_sentence_of_the_paragraph_says_nothing_of_the_name():
    assert public(PROSE + " Seorang korban banjir di kota lain dievakuasi tim SAR pada malam harinya.")
    assert public("Seorang korban banjir di kota lain dievakuasi tim SAR pada malam hari. " + PROSE)


def test_a_private_word_far_away_in_a_long_sentence_says_nothing_either():
    far = (PROSE[:-1] + ", sebuah gagasan yang kemudian dibahas panjang lebar dalam seminar nasional di ibu kota "
           "bersama para pakar, akademisi dan mahasiswa yang datang dari berbagai daerah, termasuk warga.")
    assert public(far)


def test_a_private_word_in_the_same_sentence_near_the_name_still_counts():
    assert not public("Salah satu warga, Larasati Wibowo, mengeluhkan jalan desa yang rusak parah sejak awal tahun.")
    assert not public("Polisi menyebut Larasati Wibowo ditangkap di rumahnya. Ia menjual barang curian kepada penadah.")
