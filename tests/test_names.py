import pytest

from reviewer.detect.names import strip_titles, surface


@pytest.mark.parametrize("text, entity, expected", [
    ("Nama : Hj. Ika Wulandari Astuti, S.Kep., Ns.\n", "Ika Wulandari Astuti", "Hj. Ika Wulandari Astuti, S.Kep., Ns."),
    ("dibuka oleh Sekda, Muhammad Rizki, S.T., M.Si., dan", "Muhammad Rizki", "Muhammad Rizki, S.T., M.Si."),
    ("2\tIbu Hj. Nurhayati Nasution\t3374", "Ibu Hj. Nurhayati Nasution", "Hj. Nurhayati Nasution"),
    ("Kepada Sdr. Budi Santoso, S.H. dan kawan", "Sdr. Budi Santoso", "Budi Santoso, S.H."),
    ("Direktur RSUD dr. Tri Hidayat, M.Kes.\nNIP", "Tri Hidayat", "dr. Tri Hidayat, M.Kes."),
    ("diperiksa dr. Rizal Harahap, Sp.PD\n", "Rizal Harahap", "dr. Rizal Harahap, Sp.PD"),
    ("Bidan Hartono Tjandra, A.Md.Keb.\n", "Hartono Tjandra", "Hartono Tjandra, A.Md.Keb."),
    ("saksi Rosmawati br. Sihombing, lahir", "Rosmawati br. Sihombing", "Rosmawati br. Sihombing"),
    ("model took Dimas Harjono, S.Kep., Ns.\tx", "Dimas Harjono, S.Kep.", "Dimas Harjono, S.Kep., Ns."),
    ("Bapak Abdullah Alatas (HP 0897)", "Bapak Abdullah Alatas", "Abdullah Alatas"),
    ("Prof. Dr. Ir. Bambang Wibowo, M.Sc., Ph.D. menjelaskan", "Bambang Wibowo",
     "Prof. Dr. Ir. Bambang Wibowo, M.Sc., Ph.D."),
    ("NAMA : ARIS SUSILO\n", "ARIS SUSILO", "ARIS SUSILO"),
])
def test_surface_covers_titles_and_degrees_not_courtesy(text, entity, expected):
    start = text.index(entity)
    span = surface(text, start, start + len(entity))
    assert span is not None
    assert text[span[0]:span[1]] == expected


@pytest.mark.parametrize("text", ["Sdr. ,", "Ibu 12", "..."])
def test_surface_rejects_spans_without_a_name(text):
    assert surface(text, 0, len(text)) is None


@pytest.mark.parametrize("text, bare", [
    ("Hj. Yeni Fatmawati, S.Psi., M.Si.", "Yeni Fatmawati"),
    ("Ibu Ni Putu Ayu Lestari", "Ni Putu Ayu Lestari"),
    ("Dr. Tri Kuncoro", "Tri Kuncoro"),
    ("Anak Agung Gede Oka", "Anak Agung Gede Oka"),
])
def test_strip_titles(text, bare):
    assert strip_titles(text) == bare


def test_business_brand_and_thing_words_make_no_person_even_glued():
    from reviewer.core import lexicon

    for text in ("Warteg Barokah", "WARTEGBAROKAH KENDANGSARI", "HPmerk Oppo", "Daihatsu Sigra", "Hotel Melati"):
        assert lexicon.not_person(text), text
    for text in ("Budi Santoso", "Vivi Maulidiah", "Tokoh Masyarakat", "Kostanto"):
        assert not lexicon.not_person(text), text
