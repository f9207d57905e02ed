"""The shipped passage detector on small documents: each huruf, negatives, exceptions, reasons."""

import hashlib
from pathlib import Path

import pytest

from reviewer.core.model import Document, Page
from reviewer.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings(patterns_dir=ROOT / "patterns", models_dir=ROOT / "models", use_ner=False)


@pytest.fixture(scope="module")
def detect():
    from reviewer.detect import passages

    return passages.detector(SETTINGS)


def scan(detect, text):
    doc = Document(hashlib.sha256(text.encode()).hexdigest(), "t.txt", "txt", (Page(1, text),))
    return [f for f in detect(doc, SETTINGS).get(1, []) if f.label == "PASSAGE"]


def flagged(findings, sentence):
    return [f for f in findings if f.action in ("redact", "review") and sentence[:40] in f.text]


# (huruf, title of the document, exempt sentence) - written for these tests, not taken from any corpus
POSITIVE = [
    ("17a", "BERITA ACARA PEMERIKSAAN SAKSI",
     "Saksi menerangkan bahwa tersangka menyerahkan amplop berisi uang kepada bendahara desa di sebuah "
     "rumah makan dekat terminal bus."),
    ("17a", "LAPORAN INFORMASI",
     "Menurut informan yang meminta namanya dirahasiakan, gudang milik terlapor dipakai menimbun solar "
     "bersubsidi setiap malam."),
    ("17b", "RINCIAN HARGA PERKIRAAN SENDIRI",
     "Analisa harga satuan pekerjaan pasangan batu kali ditetapkan Rp 1.150.000 per m3 berdasarkan survei "
     "tiga toko bahan bangunan."),
    ("17c", "RENCANA PENGAMANAN",
     "Pasukan cadangan sebanyak dua SSK disiagakan di markas komando dan dapat digerakkan dalam waktu tiga "
     "puluh menit."),
    ("17d", "LAPORAN EKSPLORASI",
     "Hasil pemboran pada dua belas titik menunjukkan cadangan terbukti nikel laterit sebesar 8,4 juta ton "
     "dengan kadar rata-rata 1,6 persen."),
    ("17e", "KAJIAN RENCANA PENYESUAIAN TARIF",
     "Tarif retribusi pasar direncanakan naik dari 2% menjadi 3,5% mulai tahun depan dan belum boleh "
     "diumumkan sebelum Perda ditetapkan."),
    ("17f", "LAPORAN HASIL PERTEMUAN",
     "Sebagai batas akhir perundingan, delegasi bersedia menanggung biaya asrama peserta selama dua bulan "
     "apabila pihak mitra membayar tiket pesawat."),
    ("17g", "SURAT KETERANGAN AHLI WARIS",
     "Almarhumah semasa hidupnya berwasiat agar sawah di desa tersebut diberikan kepada cucunya yang "
     "merawatnya selama sakit."),
    ("17h", "SURAT KETERANGAN SAKIT",
     "Berdasarkan hasil pemeriksaan, pasien menderita gagal ginjal kronis dan harus menjalani cuci darah "
     "dua kali seminggu."),
    ("17h", "SLIP GAJI",
     "Potongan angsuran kredit pada bank daerah sebesar Rp 1.800.000 per bulan dilakukan berdasarkan surat "
     "kuasa potong gaji pegawai."),
    ("17i", "NOTA DINAS\nSifat : Rahasia",
     "Kami menilai posisi hukum pemerintah daerah dalam sengketa lahan pasar ini lemah karena alas haknya "
     "belum lengkap."),
    ("17j", "LAPORAN PENELITIAN KEMASYARAKATAN",
     "Klien diajukan ke sidang anak karena diduga ikut mengeroyok seorang pelajar di depan sekolah pada "
     "malam hari."),
]

NEGATIVE = [
    ("SIARAN PERS", "Wali Kota meresmikan gedung layanan terpadu yang dihadiri unsur Forkopimda dan ratusan "
                    "warga dari seluruh kecamatan."),
    ("SIARAN PERS", "Kepolisian telah menetapkan dua tersangka kasus korupsi dana desa dan melimpahkan "
                    "berkas perkara ke kejaksaan, kata Kasat Reskrim kepada wartawan."),
    ("PENGUMUMAN", "Pendaftaran peserta pelatihan kerja dibuka mulai 3 Juni sampai dengan 14 Juni melalui "
                   "laman resmi dinas."),
    ("STANDAR OPERASIONAL PROSEDUR", "Petugas layanan menerima permohonan dan memeriksa kelengkapan "
                                     "persyaratan paling lama lima belas menit."),
    ("RINGKASAN APBD", "Belanja modal tahun anggaran ini dialokasikan sebesar Rp 812.000.000.000 atau "
                       "sembilan belas persen dari total belanja."),
    ("UNDANGAN", "Mengingat pentingnya acara tersebut, dimohon hadir tepat waktu dan membawa bahan paparan "
                 "masing-masing."),
]


@pytest.mark.parametrize("huruf, title, sentence", POSITIVE)
def test_exempt_sentence_is_flagged_with_its_huruf(detect, huruf, title, sentence):
    hits = flagged(scan(detect, f"{title}\n{sentence}\n"), sentence)
    assert hits, f"not flagged: {sentence}"
    assert hits[0].basis.startswith(huruf)
    assert hits[0].source.startswith("passages:")
    assert hits[0].reasons and "Pasal 17 huruf" in hits[0].reasons[0]


@pytest.mark.parametrize("title, sentence", NEGATIVE)
def test_public_sentence_is_not_flagged(detect, title, sentence):
    assert flagged(scan(detect, f"{title}\n{sentence}\n"), sentence) == []


def test_offsets_match_page_text(detect):
    text = "NOTA DINAS\nSifat : Rahasia\n1.\t" + POSITIVE[10][2] + "\n"
    for f in scan(detect, text):
        assert text[f.start:f.end] == f.text


def test_health_passage_names_the_angka(detect):
    (hit,) = flagged(scan(detect, f"{POSITIVE[8][1]}\n{POSITIVE[8][2]}\n"), POSITIVE[8][2])
    assert hit.basis == "17h2"


def test_total_hps_is_kept_open_with_its_reason(detect):
    text = ("HARGA PERKIRAAN SENDIRI\nRAHASIA\n"
            "Analisa harga satuan galian tanah dihitung Rp 95.000 per m3 dari survei harga dua penyedia.\n"
            "Nilai total HPS pekerjaan ditetapkan sebesar Rp 2.480.000.000,00 termasuk PPN.\n")
    findings = scan(detect, text)
    assert flagged(findings, "Analisa harga satuan galian")
    total = [f for f in findings if "Nilai total HPS" in f.text]
    assert all(f.action == "keep" and any("Perpres 16/2018" in r for r in f.reasons) for f in total)


def test_court_decision_is_never_redacted(detect):
    text = ("PUTUSAN\nNomor 12/Pid.B/2025/PN Kpg\nDEMI KEADILAN BERDASARKAN KETUHANAN YANG MAHA ESA\n"
            "Saksi menerangkan bahwa terdakwa menyerahkan amplop berisi uang kepada bendahara desa di rumah "
            "makan dekat terminal.\n")
    assert all(f.action == "keep" for f in scan(detect, text))


def test_child_in_justice_system_rebases_to_huruf_j(detect):
    text = ("LAPORAN PENELITIAN KEMASYARAKATAN\nBalai Pemasyarakatan Kelas II\n"
            "Klien pernah dirawat di rumah sakit jiwa selama tiga minggu karena gangguan perilaku dan "
            "kecanduan lem.\n")
    hits = [f for f in scan(detect, text) if f.action != "keep"]
    assert hits and all(f.basis == "17j" for f in hits)


def test_rule_and_model_agreement_is_visible(detect):
    text = f"{POSITIVE[8][1]}\n{POSITIVE[8][2]}\n"
    (hit,) = flagged(scan(detect, text), POSITIVE[8][2])
    assert "sejalan dengan aturan h2-kesehatan" in hit.reasons[0]
    assert any(r.startswith("frasa berbobot model") for r in hit.reasons)


def test_confidentiality_marker_is_named_in_reasons(detect):
    text = "NOTA DINAS\nSifat : Rahasia\n" + POSITIVE[10][2] + "\n"
    (hit,) = flagged(scan(detect, text), POSITIVE[10][2])
    assert any("penanda dokumen" in r and "sifat-rahasia" in r for r in hit.reasons)


# --- precision first (issue 19, item 3) -------------------------------------------------------------

def test_model_only_call_is_never_redacted(detect):
    """Without a phrase rule, a marker, a context or an exempt document type, the model alone can at most
    send a passage to review (and says so)."""
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import DocumentContext
    from reviewer.detect.passages.windows import page_windows

    text = "LAPORAN HASIL PERTEMUAN\n" + POSITIVE[6][2] + "\n"
    page = Page(1, text)
    win = [w for w in page_windows(text) if POSITIVE[6][2][:30] in w.text][0]
    sure = passages.Judgement(0.99, "17f", 0.99)
    hit = passages.judge(page, win, sure, DocumentContext(), ())
    assert hit is not None and hit.action == "review" and passages.MODEL_ONLY in hit.reasons


def test_marker_or_exempt_document_type_backs_a_redaction(detect):
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import document_context
    from reviewer.detect.passages.windows import page_windows

    rules = list(passages._rules(str(ROOT / "patterns")))
    for title, sentence, basis in [("NOTA DINAS\nSifat : Rahasia", POSITIVE[10][2], "17i"),
                                   ("BERITA ACARA PEMERIKSAAN SAKSI", POSITIVE[0][2], "17a")]:
        text = f"{title}\n{sentence}\n"
        ctx = document_context(rules, text, text)
        win = [w for w in page_windows(text) if sentence[:30] in w.text][0]
        hit = passages.judge(Page(1, text), win, passages.Judgement(0.99, basis, 0.99), ctx, ())
        assert hit.action == "redact", (title, hit.reasons)


def test_document_type_is_named_and_needs_a_title_line():
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import document_context

    rules = list(passages._rules(str(ROOT / "patterns")))
    title = "BERITA ACARA PEMERIKSAAN SAKSI\n"
    bap = document_context(rules, title + "Pada hari ini ...", title)
    assert [r.name for r, _ in bap.doctypes] == ["tipe-bap"]
    news = "Polisi telah membuat berita acara pemeriksaan saksi kemarin.\n"
    assert document_context(rules, news, news).doctypes == ()


# sentences that talk ABOUT exemptions and openness, written for this test (not in the training corpus)
ABOUT_EXEMPTIONS = [
    ("PROFIL PPID", "Informasi yang dikecualikan hanya dapat ditetapkan setelah PPID melakukan uji konsekuensi "
                    "terhadap dampak pembukaan informasi tersebut bagi kepentingan umum."),
    ("SIARAN PERS", "Dalam sosialisasi itu narasumber menerangkan bahwa rahasia pribadi, rahasia dagang dan "
                    "informasi yang dapat menghambat penegakan hukum termasuk informasi yang dikecualikan."),
    ("LAPORAN LAYANAN INFORMASI PUBLIK", "Sepanjang tahun lalu tercatat tiga permohonan yang ditolak karena "
                                         "informasinya termasuk daftar informasi yang dikecualikan."),
]


@pytest.mark.parametrize("title, sentence", ABOUT_EXEMPTIONS)
def test_text_about_exemptions_is_not_exempt(detect, title, sentence):
    assert flagged(scan(detect, f"{title}\n{sentence}\n"), sentence) == []


def test_the_confidentiality_mark_itself_is_not_a_passage(detect):
    text = "DOKUMEN INTERNAL - tidak untuk dipublikasikan\n" + POSITIVE[1][2] + "\n"
    assert not [f for f in scan(detect, text) if "tidak untuk dipublikasikan" in f.text]


# --- tuned on the dev slice of real sentences (benchmarks/real/false_alarms.py --split dev) -------------

def _one_window(text, sentence):
    from reviewer.detect.passages.windows import page_windows

    return [w for w in page_windows(text) if sentence[:30] in w.text][0]


def _gate(rules, text):
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import DocumentContext, window_hits
    from reviewer.detect.passages.windows import page_windows

    return passages.Gate.of(DocumentContext(), [window_hits(rules, w.classify_text) for w in page_windows(text)])


def test_a_phrase_of_another_huruf_is_not_agreement():
    """The model says 17h, a phrase says 17e: the phrase's huruf may name the basis, but that is a
    disagreement and never backs a redaction."""
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import DocumentContext

    rules = list(passages._rules(str(ROOT / "patterns")))
    sentence = "Perusahaan itu berencana melakukan divestasi anak usahanya pada kuartal pertama tahun depan."
    text = f"SIARAN PERS\n{sentence}\n"
    hit = passages.judge(Page(1, text), _one_window(text, sentence), passages.Judgement(0.9, "17h2", 0.5),
                         DocumentContext(), rules, gate=_gate(rules, text))
    assert hit is not None and hit.action == "review" and "BERBEDA" in hit.reasons[0]


def test_a_model_that_leans_open_does_not_agree_with_a_phrase():
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import DocumentContext

    rules = list(passages._rules(str(ROOT / "patterns")))
    sentence = "Anjing peliharaan sang aktris mati pada usia empat belas tahun karena gagal ginjal."
    text = f"BERITA\n{sentence}\n"
    weak = passages.Judgement(passages.AGREE_MIN - 0.1, "17h2", 0.2)
    assert passages.judge(Page(1, text), _one_window(text, sentence), weak, DocumentContext(), rules,
                          gate=_gate(rules, text)) is None


def test_a_lone_phrase_is_reviewed_a_corroborated_one_redacted():
    """One phrase-rule window in a document is a topic (review); a second window with a phrase of the
    same huruf makes it a record (redact)."""
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import DocumentContext

    rules = list(passages._rules(str(ROOT / "patterns")))
    first = "Pegawai tersebut didiagnosis gagal ginjal kronis sejak bulan Maret dan menjalani cuci darah."
    second = "Ia pernah dirawat di rumah sakit selama dua minggu menurut surat keterangan dokter terlampir."
    sure = passages.Judgement(0.95, "17h2", 0.9)
    alone = f"CATATAN\n{first}\n"
    hit = passages.judge(Page(1, alone), _one_window(alone, first), sure, DocumentContext(), rules,
                         gate=_gate(rules, alone))
    assert hit.action == "review" and passages.LONE_PHRASE in hit.reasons
    both = f"CATATAN\n{first}\n\n{second}\n"
    hit = passages.judge(Page(1, both), _one_window(both, first), sure, DocumentContext(), rules,
                         gate=_gate(rules, both))
    assert hit.action == "redact", hit.reasons


# --- the unit's DIK backs a redaction (issue 19 item 3) ---------------------------------------------

def test_a_dik_row_that_covers_the_passage_backs_a_redaction():
    """Model only, in a document with no rule evidence: nothing (below the 0.99 gate) without the DIK;
    with a decreed row of the same huruf about the same thing, `redact` naming the row."""
    from reviewer.core.settings import DikEntry
    from reviewer.detect import passages
    from reviewer.detect.passages.rules import DocumentContext

    sentence = ("Rekam medis pasien rawat jalan memuat keluhan, riwayat alergi obat dan hasil pemeriksaan "
                "penunjang selama tiga bulan terakhir.")
    text = f"CATATAN\n{sentence}\n"
    win, model = _one_window(text, sentence), passages.Judgement(0.9, "17h2", 0.85)
    gate = passages.Gate(passages.MODEL_ALONE)
    row = DikEntry("4", "Rekam medis pasien", ("17h2",))
    assert passages.judge(Page(1, text), win, model, DocumentContext(), (), hits=((), ()), gate=gate) is None
    hit = passages.judge(Page(1, text), win, model, DocumentContext(), (), hits=((), ()), gate=gate, dik=(row,))
    assert hit.action == "redact" and any("DIK unit no. 4" in r for r in hit.reasons)
    for other in (DikEntry("5", "Rekam medis pasien", ("17i",)),  # another huruf
                  DikEntry("6", "Daftar gaji pegawai honorer", ("17h",)),  # another subject
                  DikEntry("7", "Rekam medis pasien", ("17h3",))):  # another angka
        assert passages.judge(Page(1, text), win, model, DocumentContext(), (), hits=((), ()), gate=gate,
                              dik=(other,)) is None, other
    keyword = DikEntry("8", "Catatan klinis", ("17h",), keywords=("riwayat alergi",))
    assert passages.judge(Page(1, text), win, model, DocumentContext(), (), hits=((), ()), gate=gate,
                          dik=(keyword,)).action == "redact"


def test_the_detector_reads_the_dik_from_the_settings(detect):
    """Without the DIK a lone health passage in a plain report is sent to review; with a decreed row
    about it in `Settings.dik_entries` (as `reviewer.store.context.scan_settings` fills them) it is redacted."""
    from reviewer.core.settings import DikEntry

    sentence = POSITIVE[8][2]
    text = "LAPORAN\n" + sentence + "\n"
    doc = Document(hashlib.sha256(text.encode()).hexdigest(), "t.txt", "txt", (Page(1, text),))
    (plain,) = flagged(detect(doc, SETTINGS).get(1, []), sentence)
    assert plain.action == "review"
    words = " ".join(w for w in sentence.split() if len(w) >= 5)
    row = DikEntry("9", words, ("17h",))
    (backed,) = flagged(detect(doc, SETTINGS.with_(dik_entries=(row,))).get(1, []), sentence)
    assert backed.action == "redact" and any("DIK unit no. 9" in r for r in backed.reasons)
