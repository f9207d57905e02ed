"""Officials named in prose (kept, Pasal 18 ayat 2) and single-word names after private roles (flagged)."""
import pytest

from reviewer.core import lexicon
from reviewer.core.model import Document, Page
from reviewer.detect import identity, officials

COMMON = frozenset("dan yang timur barat sosial dinas kesehatan menyampaikan hadir kata rapat menurut bidang informasi "
                   "kasus polisi tim acara pasar induk pengelola".split())


def found(text: str, positions: tuple[str, ...] = ()) -> dict[str, str]:
    return {text[o.start:o.end]: o.position for o in officials.find(text, COMMON, positions)}


@pytest.mark.parametrize("text,name", [
    ("Bupati Tanjung Jabung Timur Romi Hariyanto menerima penghargaan.", "Romi Hariyanto"),
    ("Kepala Dinas Sosial, Bapak Dr. Yosef Nugraha, M.Si. membuka acara.", "Yosef Nugraha"),
    ("Pj Bupati Bangkalan, I Gusti Ngurah Ranuh menyampaikan sambutan.", "I Gusti Ngurah Ranuh"),
    ("Hal itu dibenarkan Kasat Reskrim Polres Ngawi IPTU Riki Nopariansyah, S.H. saat dikonfirmasi.",
     "Riki Nopariansyah"),
    ("Rapat dihadiri Ketua DPRD Mahrup, Sekda Sapril dan Kabid Humas Wulan Sari.", "Sapril"),
    ("Rapat dihadiri Ketua DPRD Mahrup, Sekda Sapril dan Kabid Humas Wulan Sari.", "Wulan Sari"),
    ("Menurut Hendra Wijaya selaku Kepala Bidang Informasi, data sudah terbuka.", "Hendra Wijaya"),
    ("Acara dibuka Plt. Kadis Kominfo Khairul Anwar dan dihadiri camat.", "Khairul Anwar"),
    ("Tim dipimpin oleh AIPTU Kadar Rahman bersama anggota.", "Kadar Rahman"),
    ("Penulis: Muhlis Alawi\nEditor: Sari Dewi", "Muhlis Alawi"),
    ("Penulis: Muhlis Alawi\nEditor: Sari Dewi", "Sari Dewi"),
    ("Penulis:   •  Editor: Sari Dewi\n\nJAKARTA - Rapat dimulai.", "Sari Dewi"),
])
def test_officials_in_prose(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text,wrong", [
    ("Kepala Dinas Kesehatan menyampaikan laporan.", "Kesehatan"),
    ("Warga Jalan Jenderal Sudirman hadir.", "Sudirman"),
    ("Kepala Desa Sumberejo ditangkap polisi.", "Sumberejo"),
])
def test_no_official_without_a_name(text, wrong):
    assert wrong not in found(text)


def test_private_role_before_the_position_makes_it_doubtful():
    text = "Polisi menangkap tersangka Kepala Desa Budi Santoso di rumahnya."
    (o,) = [o for o in officials.find(text, COMMON) if text[o.start:o.end] == "Budi Santoso"]
    assert o.doubtful


def test_unit_positions_from_the_officials_list():
    assert officials.positions(("Kepala UPT Pasar", "Budi Santoso", "Camat Budi Santoso"), COMMON) == (
        "Kepala UPT Pasar",)
    text = "Pengelola UPT Pasar Induk Rahmat Hidayat menjelaskan."
    assert "Rahmat Hidayat" in found(text, ("Pengelola UPT Pasar Induk",))


def scan(text: str) -> list:
    doc = Document("x" * 64, "t.txt", "txt", [Page(1, text)])
    return identity.analyse(doc, COMMON)[1]


def test_every_mention_of_an_official_kept_with_the_pasal_18_reason():
    text = ("Bupati Demak Romi Hariyanto meresmikan pasar. Menurut Romi, pasar itu ramai. "
            "Romi Hariyanto juga hadir.")
    hits = [f for f in scan(text) if f.label == "PERSON"]
    assert {f.text for f in hits} == {"Romi Hariyanto", "Romi"}
    assert all(f.action == "keep" and "Pasal 18" in f.reasons[0] for f in hits)
    assert len({f.entity for f in hits}) == 1


def test_single_word_after_a_private_role_is_a_name():
    text = "Kasus ini menimpa korban Sulastri (45) warga Desa Maju. Sulastri dibawa ke rumah sakit."
    hits = [f for f in scan(text) if f.label == "PERSON"]
    assert [f.text for f in hits] == ["Sulastri", "Sulastri"] and all(f.action == "redact" for f in hits)


def test_initials_after_berinisial_are_a_name_and_never_inside_degrees():
    text = "Polisi menangkap pelaku berinisial AS di rumahnya. AS, S.H. bukan dia. Kini AS ditahan."
    hits = [f.text for f in scan(text) if f.label == "PERSON"]
    assert hits == ["AS", "AS", "AS"]
    assert "S" not in hits


def test_lexicon_is_one_table():
    assert "Bupati" in lexicon.words("offices") and "AKBP" in lexicon.ranks("police")
    assert "Sdr." in lexicon.words("courtesy") and "Hj." in lexicon.title_forms("f")


def test_counsel_kept_by_default_and_judges_and_prosecutors_as_officials():
    text = ("Terdakwa didampingi Penasihat Hukum Andi Saputra, S.H. Putusan diucapkan oleh Dr. Siti Rahma, S.H., "
            "sebagai Hakim Ketua, dibantu Budi Hartono, S.H., Panitera Pengganti, dihadiri Rina Kusuma, S.H., "
            "Penuntut Umum.")
    hits = {f.text: f for f in scan(text) if f.label == "PERSON"}
    assert hits["Andi Saputra"].action == "keep" and "KMA" in hits["Andi Saputra"].reasons[0]
    for name in ("Siti Rahma", "Budi Hartono", "Rina Kusuma"):
        assert hits[name].action == "keep" and "Pasal 18" in hits[name].reasons[0], name


def test_initials_after_an_office_are_an_official_and_a_district_is_no_camat():
    hits = {f.text: f.action for f in scan("Kasus pemerasan terhadap jaksa berinisial AR terungkap. AR melapor.")
            if f.label == "PERSON"}
    assert hits == {"AR": "keep"}
    assert "Banyumanik" not in found("Surat ini diketahui Camat Banyumanik pada hari ini.")


def test_an_official_is_not_found_inside_someone_elses_name():
    text = ("Putusan diucapkan oleh Sutrisno, S.H., sebagai Hakim Ketua. Anak saksi Harun Alfatih bin Imam Gono "
            "Sutrisno hadir.")
    kept = [f.text for f in scan(text) if f.label == "PERSON" and f.action == "keep"]
    assert kept == ["Sutrisno"]


def test_police_officers_heard_as_witnesses_are_officials_and_victims_are_not():
    text = ("Penangkapan dilakukan oleh Saksi ARIEF SANTOSO DAN saksi HADI PURNOMO yang merupakan Anggota Polri pada "
            "Polrestabes Surabaya. Saksi ARIEF SANTOSO : bahwa saksi menangkap terdakwa. Bahwa saksi DEWI LESTARI, "
            "saksi RINA MAWAR beserta anggota Polda Jatim lainnya mengamankan saksi BUDI RAHARJO yang diamankan oleh "
            "anggota Polri.")
    hits = {f.text: f for f in scan(text) if f.label == "PERSON"}
    for name in ("ARIEF SANTOSO", "HADI PURNOMO", "DEWI LESTARI", "RINA MAWAR"):
        assert hits[name].action == "keep" and "Pasal 18" in hits[name].reasons[0], name
    assert hits["BUDI RAHARJO"].action == "redact"


def test_signature_lists_and_counsel_after_a_possessive_are_kept():
    text = ("Terdakwa didampingi oleh Penasehat Hukumnya yang bernama :Fardi Yansyah, SH., Advokat. Demikian "
            "diputuskan oleh kami Andi Wirawan, S.H. sebagai Hakim Ketua, Dr. Nuraini Hasanah,S.H., M.H. dan Yusuf "
            "Kurniawan, S.H., M.H. masing-masing sebagai Hakim Anggota, dibantu oleh Asep Priyanto,S.H., M.H. Panitera "
            "Pengganti dihadiri oleh Edi Budiman, S.H., M.H., Erna Wahyuni, S.H., M.H. Rita Nurcahya, S.H., Penuntut "
            "Umum. Hakim Ketua, TTD Andi Wirawan, S.H. Dr. Nuraini Hasanah, S.H. TTD Yusuf Kurniawan, S.H., M.Hum.")
    hits = {f.text: f.action for f in scan(text) if f.label == "PERSON"}
    for name in ("Fardi Yansyah", "Andi Wirawan", "Nuraini Hasanah", "Yusuf Kurniawan", "Asep Priyanto", "Edi Budiman",
                 "Erna Wahyuni", "Rita Nurcahya"):
        assert hits.get(name) == "keep", (name, hits)


def test_ranked_officers_in_a_list_are_each_kept_even_with_the_rank_glued():
    text = ("Penangkapan dilakukan bersama KOMPOL HARTONO WIJAYA, S.Sos.,M.H., AKPSUPRAPTO,S.H.,M.H., BRIPTU "
            "DIMAS ARYA PUTRA, BRIPTUGALIH SANTOSA, BRIPDA FAJAR NUGRAHA, dan ditangkap oleh BRIPKA Joko Susilo "
            "dan AIPTU Ahmad Yani.")
    assert found(text) == {"HARTONO WIJAYA": "KOMPOL", "SUPRAPTO": "AKP", "DIMAS ARYA PUTRA": "BRIPTU",
                           "GALIH SANTOSA": "BRIPTU", "FAJAR NUGRAHA": "BRIPDA", "Joko Susilo": "BRIPKA",
                           "Ahmad Yani": "AIPTU"}


def test_the_examining_doctor_of_a_visum_is_an_official_and_a_patients_doctor_is_not():
    text = ("Visum Et Repertum Nomor: VER/12/V/2023 dibuat dan ditanda tangani olehdr.Laras Ayuningtyas,Sp.F "
            "terhadap Anak Korban. ")
    assert found(text) == {"Laras Ayuningtyas": "dokter pemeriksa (visum et repertum)"}
    assert found("Pasien Budi dirawat oleh dr. Laras Ayuningtyas di rumah sakit.") == {}


@pytest.mark.parametrize("text", [
    "Surat dari Kepala Satuan Polisi PAMONG PRAJA tentang razia.",
    "Surat dari Kepala Satuan Polisi Pamong Praja Kota Surabaya tentang razia.",
])
def test_the_unit_pamong_praja_is_no_name(text):
    assert found(text) == {}


def test_one_upper_case_word_after_a_lower_case_role_is_a_name():
    text = ("Layanan diberikan kepada saksi WARSONO, lalu saksiWARSONO;-Bahwa saksi HALAMAN dan saksi POLRI bukan. "
            "Kemudian WARSONO pergi.")
    hits = [f for f in scan(text) if f.label == "PERSON"]
    assert [f.text for f in hits] == ["WARSONO"] * 3 and len({f.entity for f in hits}) == 1
    assert {f.action for f in hits} == {"redact"}


def test_a_role_word_that_ends_a_sentence_names_nobody_after_it():
    text = "Ia pergi bersama Terdakwa. Bahwa Wahyu Setiawan kemudian pulang."
    assert [f.text for f in scan(text) if f.label == "PERSON"] == []


def test_every_mention_of_an_officer_named_with_a_glued_rank_is_kept():
    text = "Penangkapan bersama KOMPOL HARTONO, S.Sos., AKPSUPRAPTO,S.H.,M.H., BRIPTU DIMAS PUTRA. SUPRAPTO hadir."
    hits = [(f.text, f.action) for f in scan(text) if f.label == "PERSON"]
    assert sorted(hits) == [("DIMAS PUTRA", "keep"), ("HARTONO", "keep"), ("SUPRAPTO", "keep"), ("SUPRAPTO", "keep")]


def test_a_position_ending_a_sentence_names_nobody_in_the_next():
    assert set(found("Diputuskan oleh Budi Hartono, S.H., sebagai Hakim Ketua. Terdakwa Joko hadir.")) == {
        "Budi Hartono"}


def test_prosecutors_listed_before_pada_kejaksaan_are_officials_and_an_employee_sentence_is_not():
    text = ("dihadiri olehEdy Santosa, S.H., M.H., Erna Wulandari, S.H., M.H. Rita Nurcahyani, S.H., M.H. pada "
            "Kejaksaan Negeri Surabaya dan Terdakwa.")
    assert set(found(text)) == {"Edy Santosa", "Erna Wulandari", "Rita Nurcahyani"}
    assert found("Saksi Budi Santoso bekerja pada Kejaksaan Negeri Surabaya sejak 2010.") == {}


def test_a_list_of_officials_joined_by_comma_and_dan():
    text = "serta dihadiri oleh Erna Wulandari, S.H., M.H., dan Raden Ayu Rita Nurcahyani, S.H., Penuntut Umum."
    assert set(found(text)) == {"Erna Wulandari", "Ayu Rita Nurcahyani"}


def test_counsel_named_before_para_advokat_are_counsel():
    text = "Terdakwa didampingi oleh Yohanes Budiarto, S.H., dan Ratna Kusumawati, S.H., para Advokat dari LBH Kita."
    assert found(text) == {"Ratna Kusumawati": "Advokat", "Yohanes Budiarto": "Advokat"}


def test_a_numbered_list_of_counsel_after_the_position_is_counsel():
    text = ("Terdakwa didampingi Penasihat Hukum:1.Moch. Hasan Al Fikri, S.HI;2.Abdul Karim Nafi’, S.H;"
            "3.Muhammad Reza Amrullah, S.H;Para Advokat dari Kantor LBH Kita.")
    assert found(text) == {"Moch. Hasan Al Fikri": "Penasihat Hukum", "Abdul Karim Nafi’": "Penasihat Hukum",
                           "Muhammad Reza Amrullah": "Penasihat Hukum"}


def test_the_initial_of_a_first_name_belongs_to_the_name_and_is_no_private_person():
    text = "Terdakwa didampingi oleh Penasihat Hukum bernama M. Ridwan Arifin,SH.MH., Advokat pada LBH Kita."
    assert "M. Ridwan Arifin" in found(text)
    assert not [p for p in identity.role_people(1, text) if "M" in p.forms]


def test_an_official_name_in_capitals_after_a_title_stops_before_the_next_person():
    text = ("Akta Kelahiran yang ditandatangani oleh Kepala Dinas Kependudukandan Pencatatan Sipil Kabupaten Contoh "
            "Drs. BUDI AGUS SANTOSOmenerangkan Anak Korban RINA MAWAR SARI lahir di Contoh.")
    names = found(text)
    assert "BUDI AGUS SANTOSO" in names
    assert not any("RINA" in n or "SARI" in n for n in names)


def test_an_officer_whose_first_name_is_an_initial_after_a_rank_is_kept():
    text = "bersama Briptu Vega Setyo Mahardika, Bripda M. Adi Prasetyo, Bripda Nur Akmal dan BRIPDA M. ADI PRASETYO."
    assert {"M. Adi Prasetyo", "M. ADI PRASETYO", "Nur Akmal"} <= set(found(text))
