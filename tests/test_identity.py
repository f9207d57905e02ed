"""Identity blocks, role words and every mention of a person (reviewer.detect.identity); own fixtures."""

from reviewer.core.model import Document, Page
from reviewer.detect import identity

BLOCK = ("dalam perkara Terdakwa : 1. Nama lengkap : Rina Wulandari Als Ocha2. Tempat lahir : Klaten3. "
         "Umur/Tanggal lahir : 21 tahun/3 Maret 20034. Jenis kelamin : Perempuan5. Kebangsaan : Indonesia6. "
         "Tempat tinggal : Jl. Melati No. 4 RT 02 RW 05, Kel. Sukamaju, Kec. Tengah, Kab. Klaten.7. Agama : "
         "Islam8. Pekerjaan : Karyawan swastaTerdakwa Rina Wulandari ditahan. Menimbang, bahwa Saksi "
         "BAGUS PRATAMA Als BAGONG, di bawah sumpah menerangkan bahwa OCHA dan terdakwa RINAWULANDARI bertemu; "
         "saksi BAGONG melihatnya. Dr. Siti Rahma, S.H., sebagai Hakim Ketua.")


def run(text: str):
    return identity.analyse(Document("x", "x.txt", "txt", (Page(1, text),)))[1]


def values(findings, label):
    return [f.text for f in findings if f.label == label]


def test_block_values_get_their_own_labels():
    out = run(BLOCK)
    assert values(out, "PLACE_OF_BIRTH") == ["Klaten"]
    assert values(out, "DATE_OF_BIRTH") == ["21 tahun/3 Maret 2003"]
    assert values(out, "ADDRESS") == ["Jl. Melati No. 4 RT 02 RW 05, Kel. Sukamaju, Kec. Tengah, Kab. Klaten"]
    assert values(out, "OCCUPATION") == ["Karyawan swasta"]
    assert {f.action for f in out if f.label in ("RELIGION", "OCCUPATION")} == {"review"}
    assert {f.action for f in out if f.label in ("PLACE_OF_BIRTH", "ADDRESS")} == {"redact"}


def test_every_mention_points_at_one_person_with_role_and_place():
    out = [f for f in run(BLOCK) if f.label == "PERSON"]
    rina = [f for f in out if f.text.replace(" ", "").lower() in ("rinawulandari", "ocha")]
    assert len(rina) == 5 and len({f.entity for f in rina}) == 1 and rina[0].entity
    assert "blok identitas Terdakwa, hal. 1" in rina[0].reasons[0]
    assert any(r.startswith("sama dengan 'Rina Wulandari'") for r in rina[0].reasons)
    bagus = [f for f in out if f.text in ("BAGUS PRATAMA", "BAGONG")]
    assert len(bagus) == 3 and len({f.entity for f in bagus}) == 1 and bagus[0].entity != rina[0].entity
    assert bagus[0].basis == "17a2"


def test_procedural_words_and_officials_are_not_persons():
    found = run(BLOCK)
    texts = {f.text for f in found if f.label == "PERSON"}
    assert not texts & {"Menimbang", "Terdakwa", "Saksi"}
    judge = [f for f in found if f.text == "Siti Rahma"]
    assert judge and all(f.action == "keep" and "Pasal 18" in f.reasons[0] for f in judge)


def test_bad_blocks_do_not_crash_and_readable_values_are_flagged():
    broken = ("Nama lengkap : ; Tempat lahir : Bantul; Umur/Tanggal lahir : ; Tempat tinggal Jl. Kenanga 3; "
              "Pekerjaan : Petani; N a m a :\n@@@ ; Agama :")
    out = run(broken)
    assert values(out, "PLACE_OF_BIRTH") == ["Bantul"]
    assert values(out, "OCCUPATION") == ["Petani"]
    assert run("") == [] and run("Nama : Tempat lahir :") == []


def test_entity_id_is_an_addition_to_the_jsonl_only_where_set():
    f = next(f for f in run(BLOCK) if f.label == "PERSON")
    assert f.to_dict()["entity"] == f.entity
    assert "entity" not in f.replace(entity="").to_dict()


def test_short_upper_case_alias_is_found_glued_at_a_line_end_but_initials_stand_alone():
    text = ("Menimbang, bahwa saksi MIMIN LAELASARI Alias LALA hadir. Sdri. MIMIN LAELASARI AliasLALA dan "
            "Sdri. LAELASARI Als.LALA bertemu; LALAsejak itu pergi. LALAH dan S.LALA. bukan dia. Pelaku "
            "berinisial AS datang. ASIA dan S.H. bukan dia.")
    lala = [f for f in run(text) if f.text == "LALA"]
    assert len(lala) == 4 and len({f.entity for f in lala}) == 1
    assert [f.text for f in run(text) if f.text.startswith("AS")] == ["AS"]


def test_a_detention_house_is_no_detainee():
    people = [p.forms for p in identity.role_people(1, "Ia ditahan di rumah tahanan Guntur, Jakarta. Petugas "
                                                       "memeriksa tahanan Budi. ")]
    assert people == [["Budi"]]


def test_a_business_or_a_brand_after_a_role_word_is_no_person():
    text = ("Ia bekerja di warung bernama Warteg Barokah Kendangsari dan temannya yangbernama AFIFAH yang tinggal di "
            "Bratang. Afifah pulang; MIMIN LAELASARIAlias LALA dan saksi MIMINLAELASARI bertemu.")
    texts = [f.text for f in run(text) if f.label == "PERSON"]
    assert "AFIFAH" in texts and "Afifah" in texts and not any("Warteg" in t or "Barokah" in t for t in texts)
    assert texts.count("MIMIN LAELASARI") == 1 and texts.count("MIMINLAELASARI") == 1


def test_initials_after_an_office_and_its_agency_are_an_official():
    text = "Pelaku lalu menghubungi pejabat struktural Kejati DKI berinisial RT dan meminta uang. RT menolak."
    assert {f.action for f in run(text) if f.text == "RT"} == {"keep"}


def test_an_alias_that_is_no_name_drops_the_alias_not_the_person():
    text = ("Terdakwa : Nama lengkap : Dewi Lestari als. Warteg; Tempat lahir : Klaten; Umur/Tanggal lahir : 21 tahun; "
            "Tempat tinggal : Jl. Melati 4; Pekerjaan : Tani. Ia ditahan; Dewi Lestari menangis, Dewi Lestari pulang.")
    dewi = [f for f in run(text) if f.label == "PERSON"]
    assert [f.text for f in dewi] == ["Dewi Lestari"] * 3 and len({f.entity for f in dewi}) == 1
    assert {f.action for f in dewi} == {"redact"}


def test_a_role_name_run_into_a_business_word_keeps_the_name():
    text = "Terdakwa bertemu dengan Saksi Fitryanadi Hotel 88 Surabaya, kemudian Fitryanadi pulang."
    people = [p for p in identity.role_people(1, text)]
    assert [p.forms for p in people] == [["Fitryanadi"]] and people[0].role == "saksi"


def test_a_numbered_role_and_its_full_stop_name_the_person_a_sentence_end_does_not():
    text = ("Hadir Terdakwa I. BUDI SANTOSO dan Terdakwa II. ANDI WIJAYA hadir, bersama Terdakwa. "
            "MARIA ELISABETH menulis; Anak Korban. Bahwa Budi pulang.")
    people = identity.role_people(1, text)
    assert [(p.forms, p.role) for p in people] == [(["BUDI SANTOSO"], "terdakwa"), (["ANDI WIJAYA"], "terdakwa")]


def test_a_role_with_a_full_stop_before_a_name_with_its_alias_names_the_person():
    text = ("Layanan diberikan oleh terapis bernama Saksi. Rina Astuti Als.Mawar Als. Oci dan terdakwa. "
            "Terdakwa kenal dengan Saksi. Rina Astuti als OCI atau Mawar sejak Juni.")
    people = identity.role_people(1, text)
    assert [(p.forms, p.role) for p in people] == [(["Rina Astuti", "Mawar", "Oci"], "saksi"),
                                                   (["Rina Astuti", "OCI"], "saksi")]


def test_every_alias_of_a_name_is_a_form_whatever_the_case_of_als():
    text = ("saksi-saksi sebagai berikut : Saksi. SITI RAHMA Als. MELATI Als. OCA (16 Th) sejak Juni 2023. "
            "Bahwa saksi kenal dengan Saksi Hasan Basri Putra als. Riga als. Mail, Saksi Joko.")
    forms = [p.forms for p in identity.role_people(1, text)]
    assert ["SITI RAHMA", "MELATI", "OCA"] in forms
    assert ["Hasan Basri Putra", "Riga", "Mail"] in forms


def test_a_name_followed_by_dpo_is_a_fugitive_of_the_case():
    text = "para joki yaitu sdr. RONDI (DPO), sdr.WIRAN (DPO) dan Sdr. Budi Santoso (DPO) dengan pembagian hasil."
    people = identity.fugitives(1, text, frozenset({"pemerintah", "kota"}))
    assert [(p.forms, p.role) for p in people] == [(["RONDI"], "tersangka"), (["WIRAN"], "tersangka"),
                                                   (["Budi Santoso"], "tersangka")]
    assert not identity.fugitives(1, "dicari oleh Pemerintah Kota (DPO) ", frozenset({"pemerintah", "kota"}))


def test_one_short_name_in_capitals_after_a_title_case_role_is_a_name_when_the_sentence_goes_on():
    forms = [p.forms for p in identity.role_people(1, "saksi dikenalkan oleh Saksi LIA dalam rangka merekrut.")]
    assert ["LIA"] in forms
    assert not identity.role_people(1, "Keterangan Saksi BAP. Kemudian")


def test_a_name_misspelt_by_one_letter_is_a_mention_of_the_same_person():
    text = ("Terdakwa DWI SARININGSIH didampingi. Bahwa Terdakwa DwiSarinngsih telah mengaku. "
            "Saksi Agus Salim hadir. Bahwa Dwi Sariningsah pulang. Kepala Dinas Budi Hartono Wijaya hadir.")
    found = run(text)
    by_text = {f.text: f.entity for f in found if f.label == "PERSON"}
    assert by_text["DwiSarinngsih"] == by_text["DWI SARININGSIH"]
    assert by_text["Dwi Sariningsah"] == by_text["DWI SARININGSIH"]
    assert "Budi Hartono Wijay" not in by_text


def test_a_short_alias_learned_in_capitals_is_found_in_title_case_too_but_initials_are_not():
    text = ("Anak saksi JOVA NATASHA Als CECE (15) hadir. Bahwa terdakwa dan Cece pergi ke hotel. "
            "Terdakwa RUDI HARTONO Als RH datang. Bahwa Rh bukan nama.")
    by_text = {f.text: f.entity for f in run(text) if f.label == "PERSON"}
    assert by_text["Cece"] == by_text["JOVA NATASHA"]
    assert "Rh" not in by_text


KASASI_CLOSING = (
    "Menolak permohonan kasasi dari Pemohon Kasasi/Penuntut Umum tersebut;Demikian diputuskandalam rapat "
    "permusyawaratan Mahkamah Agungpada hariRabutanggal8 Juni2016olehDr. H. HARTONO WIJAYA, S.H., M.H.HakimAgung"
    "yang ditetapkan oleh Ketua Mahkamah Agung sebagai Ketua Majelis,LESTARI M., S.H., M.H. danSURYA JAYA "
    "NAPITUPULU, S.H.,M.Hum. Hakim-HakimAgungsebagai Anggota, dibantu oleh R. SUTANTO, S.H., M.H. PaniteraPengganti,"
    "dengan tidak dihadiri olehPemohonKasasi/Penuntut Umum danparaTerdakwa;Hakim-Hakim Anggota,KetuaMajelis,"
    "ttd./LESTARI M., S.H., M.H.ttd./Dr. H. HARTONO WIJAYA, S.H., M.H.Panitera Pengganti,ttd./R. SUTANTO, S.H., "
    "M.H.UNTUK SALINANMAHKAMAH AGUNG RIa.n. PaniteraPanitera Muda Pidana KhususBONAR SIREGAR, S.H.NIP.19590430")


def run_with_lexicon(text: str):
    """As a scan runs it: with the ordinary words of the language (the NER model's lexicon)."""
    from reviewer.core.settings import Settings
    from reviewer.detect.ner.artifact import COMMON

    common = identity._common(str(Settings().models_dir / "ner-id" / COMMON))
    assert common, "the NER model's lexicon ships in models/"
    return identity.analyse(Document("x", "x.txt", "txt", (Page(1, text),)), common)[1]


def person_actions(text: str) -> dict[str, set[str]]:
    """Every PERSON text of a scan with the lexicon, and the actions its mentions got."""
    found: dict[str, set[str]] = {}
    for f in run_with_lexicon(text):
        if f.label == "PERSON":
            found.setdefault(f.text, set()).add(f.action)
    return found


def test_the_judges_and_clerks_of_a_kasasi_closing_are_officials_even_with_words_glued():
    found = {f.text: f for f in run_with_lexicon(KASASI_CLOSING) if f.label == "PERSON"}
    for name in ("HARTONO WIJAYA", "LESTARI M.", "SURYA JAYA NAPITUPULU", "SUTANTO", "BONAR SIREGAR"):
        assert name in found and found[name].action == "keep", (name, sorted(found))
    assert all(f.action == "keep" for f in found.values()), sorted(found)


def test_a_defendant_with_degrees_in_the_closing_is_not_taken_for_the_court():
    text = ("Demikianlah diputuskan dalam rapat musyawarah Majelis Hakim oleh Budi Santoso, S.H. sebagai Hakim "
            "Ketua, dihadiri oleh Penuntut Umum dan Terdakwa Rudi Hartanto, S.E. Terdakwa : Nama lengkap : Rudi "
            "Hartanto, S.E.; Tempat lahir : Klaten;")
    found = {f.text: f.action for f in run_with_lexicon(text) if f.label == "PERSON"}
    assert found.get("Budi Santoso") == "keep" and found.get("Rudi Hartanto") in ("redact", "review"), found


def test_people_of_bin_binti_and_of_an_age_in_a_list_are_private_persons():
    text = ("bersama-sama dengan ADRIANA HERLINAMAWObinti ANDERIAS LEDE BULU, PELIPUS DAMMA NGAKUbinRUALINBU pada "
            "hari itu. Korban tersebut adalah:1.ERLIN LALI BILI, berumur 15tahun, lahir di Waingapu;2.FREDIKA "
            "DOKI, berumur 17 tahun. Barang bukti: 1 lembar Kartu Keluarga a.n.Martinus Lelu Umbu Zogara; "
            "Untuk Salinan a.n. Panitera Muda Pidana Khusus.")
    found = {f.text: f for f in run_with_lexicon(text) if f.label == "PERSON"}
    for name in ("ADRIANA HERLINAMAWO", "ANDERIAS LEDE BULU", "PELIPUS DAMMA NGAKU", "RUALINBU", "ERLIN LALI BILI",
                 "FREDIKA DOKI", "Martinus Lelu Umbu Zogara"):
        assert name in found and found[name].action in ("redact", "review"), (name, sorted(found))
    assert "ANDERIAS LEDE BULU" in found and "orang tua" in found["ANDERIAS LEDE BULU"].reasons[0]
    assert not any("Panitera" in t or "Khusus" in t for t in found)


def test_a_ruled_line_after_a_name_is_not_part_of_it_and_lists_after_a_role_are_people():
    text = ("Toko : Lancar Jaya. ------------ Alamat: Jl. Raya Pasar, Pasuruan. Penanggung jawab: Bagus Oky Lianto."
            "----------------------------------------------No. HP: 0812. Keterangan saksi SISKA RATNA DEWI, "
            "I WAYAN ANDIKA dan HENDRI HENDRIADI yang saling bersesuaian. Barang bukti dikembalikan kepada Kantor "
            "Imigrasi Kupang melalui AGUNG PRIANTO, S.H.; 1 KTP dikembalikan kepada Toni Pah;")
    assert identity.role_forms("Bagus Oky Lianto.------------------No. HP") == ["Bagus Oky Lianto"]
    found = {f.text: f.action for f in run_with_lexicon(text) if f.label == "PERSON"}
    for name in ("Bagus Oky Lianto", "SISKA RATNA DEWI", "WAYAN ANDIKA", "HENDRI HENDRIADI", "Toni Pah"):
        assert found.get(name) in ("redact", "review"), (name, found)
    assert found.get("AGUNG PRIANTO") == "keep", found
    assert not any("Kantor" in t or "Lancar" in t for t in found), found


def test_signers_of_quoted_documents_and_investigators_heard_on_the_bap_are_officials():
    text = ("Barang bukti: 1 lembar Akte atas nama RINA MAU yang di tanda tangani oleh kadisdukcapil kabupaten "
            "kupang Drs. YOHANES LENGGU, MM ; 1 lembar Kutipan Akta Kelahiran atas nama MARSELINUS UKAT, yang "
            "ditandatangani oleh Drs .Frans Meolino, MM pada saat masih menjabat sebagai Kepala Dinas Kependudukan; "
            "keterangan ini dikuatkan oleh saksi verbalisan AMIRUDIN penyidik pada perkara terdakwa di persidangan.")
    found = {f.text: f.action for f in run_with_lexicon(text) if f.label == "PERSON"}
    for name in ("YOHANES LENGGU", "Frans Meolino", "AMIRUDIN"):
        assert found.get(name) == "keep", (name, found)
    assert found.get("RINA MAU") in ("redact", "review") and found.get("MARSELINUS UKAT") in ("redact", "review")


def test_glued_alias_sdr_kepala_keluarga_and_private_short_forms():
    text = ("keterangan saksi YOHANES BALE TAKEaliasJHON yang dibacakan; kemudian JHON pergi. Mobil disewa sdr "
            "KARNISIUS BALIA dari Pontianak. Sesudah sampai di Sambas KARNISIUS meminta kepada Terdakwa. Kartu "
            "keluarga atas nama Kepala keluarga PETRUS AKIN; Dirampas untuk dimusnahkan; Masing-masing Dirampas.")
    found = person_actions(text)
    for name in ("YOHANES BALE TAKE", "JHON", "KARNISIUS BALIA", "KARNISIUS", "PETRUS AKIN"):
        assert found.get(name, set()) & {"redact", "review"}, (name, found)
    assert not any("Dirampas" in t or "Masing" in t for t in found), found


def test_a_witness_named_with_a_position_private_bodies_have_too_is_not_taken_for_an_official():
    text = ("Menimbang, bahwa saksi ROSWATI HARTINI di bawah sumpah menerangkan; surat perjanjian antara Manager "
            "cafe dengan Koordinator ROSWATI HARTINI. Saksi AGUS SALIM yang merupakan anggota Polri pada Polres "
            "Kupang menerangkan; AGUS SALIM menangkap Terdakwa.")
    found = person_actions(text)
    assert found.get("ROSWATI HARTINI") and "keep" not in found["ROSWATI HARTINI"], found
    assert found.get("AGUS SALIM") == {"keep"}, found


def test_the_supreme_court_and_its_title_are_no_person_and_experts_named_in_capitals_are_kept():
    text = ("Demikianlah diputuskan dalam rapat permusyawaratan Mahkamah Agung pada hari Senin oleh Dr. ARTIDJO "
            "ALKOSTAR, S.H., LL.M. Ketua Kamar Pidana Mahkamah Agung yang ditetapkan oleh Ketua Mahkamah Agung "
            "sebagai Ketua Majelis, Hakim Agung pada Mahkamah Agung. Sebelumnya: hutang; Ahli Ketenagakerjaan NINA "
            "TRIANA, SH menyatakan; pendapat yang sama dikemukakan Dr BUDI HARTONO, SH., MHum ahli TPPO yang "
            "setelah itu pulang. Diperpanjang berdasarkan Penetapan Ketua MahkamahAgung RepublikIndonesia; "
            "MahkamahAgung tersebut berpendapat.")
    found = {f.text: f.action for f in run_with_lexicon(text) if f.label == "PERSON"}
    assert not any("Agung" in t or "Mahkamah" in t or t == "TPPO" for t in found), found
    assert found.get("ARTIDJO ALKOSTAR") == "keep" and found.get("NINA TRIANA") == "keep", found
    assert found.get("BUDI HARTONO") == "keep", found


def test_officers_an_agency_assigned_are_kept_when_heard_as_witnesses():
    text = ("Kejadian itu diketahui oleh Petugas Dit Pam Was BNP2TKI yang mendapatkan informasi dari media yang "
            "selanjutnya ditugaskan dua orang yaitu saksi DAVID ASWANDI bin ASWIL dan Saksi IRWAN SETIADI bin "
            "ASBULLAH untuk melakukan pengawasan. Saksi korban MARIA LODA menerangkan.")
    found = person_actions(text)
    assert found.get("DAVID ASWANDI") == {"keep"} and found.get("IRWAN SETIADI") == {"keep"}, found
    assert found.get("MARIA LODA") and "keep" not in found["MARIA LODA"], found
    assert found.get("ASWIL") and "keep" not in found["ASWIL"], found


def test_a_witness_from_a_government_office_is_heard_in_office_one_from_a_company_is_not():
    text = ("Berdasarkan keterangan Saksi IGNAS OKTA PRASETYO,SH.dari kantor Imigrasi Sambas yang menerangkan; "
            "keterangan Saksi BUDI SANTOSO dari PT Maju Jaya menerangkan.")
    found = {f.text: f.action for f in run_with_lexicon(text) if f.label == "PERSON"}
    assert found.get("IGNAS OKTA PRASETYO") == "keep" and found.get("BUDI SANTOSO") in ("redact", "review"), found
