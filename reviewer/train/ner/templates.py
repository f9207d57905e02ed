"""Templates of synthetic government-document snippets for the NER model (see ner_synth).

Each template draws from a `Gen` and returns (text, entities). `generate` mixes them by weight.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from reviewer.train.ner.synth import (
    JOBS,
    JOBS_PRIVATE,
    NAME_FIELDS,
    OFFICES,
    RANKS,
    ROLES_PRIVATE,
    Entity,
    Gen,
    Pools,
    Text,
)


def form(g: Gen) -> tuple[str, list[Entity]]:
    t = Text().add(g.pick(("FORMULIR PERMOHONAN INFORMASI PUBLIK", "IDENTITAS PELAPOR", "DATA PEMOHON",
                           "BIODATA", "I. DATA PEGAWAI", "IDENTITAS ANAK", "DATA PASIEN", "Identitas pelanggar:"))
                   + "\n")
    for _ in range(g.r.randint(1, 2)):
        t.add(g.pick(NAME_FIELDS) + g.sep())
        g.person(t, titles=0.15, courtesy=0.1, upper=0.3).add("\n")
        if g.r.random() < 0.5:
            t.add("NIK" + g.sep() + g.digits(16) + "\n")
        if g.r.random() < 0.4:
            t.add("Tempat/Tgl. Lahir" + g.sep())
            g.city(t).add(", " + g.date() + "\n")
        if g.r.random() < 0.3:
            t.add("NIP" + g.sep() + g.nip() + "\n")
        if g.r.random() < 0.6:
            g.address(t.add("Alamat" + g.sep())).add("\n")
        t.add(g.pick(("Pekerjaan", "Jabatan")) + g.sep() + g.pick(JOBS_PRIVATE) + "\n")
        if g.r.random() < 0.5:
            t.add("No. HP" + g.sep() + "08" + g.digits(10) + "\n")
    return t.result()


def table(g: Gen) -> tuple[str, list[Entity]]:
    cols = ["NIK", "Alamat", "No. HP", "Keterangan", "Jabatan", "NIP", "Tempat/Tgl Lahir"]
    chosen = g.r.sample(cols, g.r.randint(1, 3))
    sep = g.pick(("\t", "  ", " | ", " "))
    t = Text().add(g.pick(("DAFTAR PENERIMA BANTUAN SOSIAL", "DAFTAR HADIR PESERTA", "DAFTAR NOMINATIF PEGAWAI",
                           "LAMPIRAN DAFTAR AHLI WARIS", "REKAPITULASI PESERTA PELATIHAN")) + "\n")
    t.add(sep.join(["No", g.pick(("Nama", "Nama Lengkap", "NAMA", "Nama Penerima")), *chosen]) + "\n")
    for i in range(1, g.r.randint(3, 9)):
        t.add(f"{i}{sep}")
        g.person(t, titles=0.3, courtesy=0.15, upper=0.2)
        for col in chosen:
            t.add(sep)
            if col == "Alamat":
                g.address(t)
            elif col == "Tempat/Tgl Lahir":
                g.city(t).add(", " + g.date())
            else:
                t.add({"NIK": g.digits(16), "No. HP": "08" + g.digits(10), "NIP": g.nip(),
                       "Jabatan": g.pick(JOBS_PRIVATE)}.get(col, g.pick(("Lansia", "Disabilitas", "-", "Lulus"))))
        t.add("\n")
    return t.result()


def signature(g: Gen) -> tuple[str, list[Entity]]:
    t = Text()
    g.city(t).add(", " + g.date() + "\n")
    if g.r.random() < 0.3:
        t.add(g.pick(("a.n. ", "Plt. ", "Mengetahui,\n")) + g.pick(JOBS) + "\n")
    t.add(g.pick(JOBS) + " ")
    if g.r.random() < 0.5:
        g.city(t)
    t.add(",\n" + g.pick(("\n\n", "ttd.\n\n", "\n\n\n", "\n")))
    g.person(t, titles=0.8, upper=0.2).add("\n")
    if g.r.random() < 0.5:
        t.add(g.pick(RANKS) + "\n")
    t.add(g.pick(("NIP. ", "NIP ", "NIP: ", "NRP ")) + g.nip() + "\n")
    return t.result()


def two_columns(g: Gen) -> tuple[str, list[Entity]]:
    left, right = g.pick((("Yang diperiksa,", "Yang memeriksa,"), ("Pemohon,", "Petugas,"),
                          ("Pihak Pertama,", "Pihak Kedua,"), ("Saksi,", "Penyidik,")))
    t = Text().add(f"{left}\t{right}\n\n\n")
    g.person(t, titles=0.2, upper=0.4).add(g.pick(("\t", "   ", "\t\t")))
    g.person(t, titles=0.5, upper=0.2).add("\n")
    return t.add(g.pick(RANKS) + " NIP " + g.nip() + "\n").result()


def press(g: Gen) -> tuple[str, list[Entity]]:
    t = Text()
    opener = g.r.randint(0, 3)
    if opener == 0:
        t.add(g.pick(("Kegiatan dibuka oleh ", "Rapat dipimpin oleh ", "Rombongan diterima oleh ",
                      "Acara dihadiri ")) + g.pick(JOBS))
        if g.r.random() < 0.4:
            g.city(t.add(" Kota "))
        t.add(", ")
        g.person(t, titles=0.7).add(", dan diikuti peserta dari perangkat daerah.")
    elif opener == 1:
        t.add(g.pick(JOBS) + " ")
        g.city(t).add(" ")
        g.person(t, titles=0.5).add(" mengatakan bahwa program ini dibiayai dari APBD.")
    elif opener == 2:
        t.add("Menurut ")
        g.person(t, titles=0.2).add(", seluruh informasi publik akan diumumkan melalui laman ")
        g.office(t).add(".")
    else:
        g.person(t, titles=0.6).add(", " + g.pick(JOBS) + " ")
        g.office(t).add(", menyampaikan sambutan.")
    if g.r.random() < 0.4:
        t.add(" " + g.pick(("Hadir pula", "Turut hadir", "Acara dihadiri")) + " ")
        g.person(t, titles=0.5).add(" (" + g.pick(JOBS) + ").")
    return t.result()


def private_narrative(g: Gen) -> tuple[str, list[Entity]]:
    t = Text()
    k = g.r.randint(0, 5)
    if k == 0:
        t.add("telah melakukan pemeriksaan terhadap seorang " + g.pick(("laki-laki", "perempuan")) +
              " yang mengaku bernama ")
        g.person(t, upper=0.6).add(", lahir di ")
        g.city(t).add(".")
    elif k == 1:
        t.add("Informasi diperoleh dari warga bernama ")
        g.person(t, upper=0.05).add(" yang meminta agar identitasnya dirahasiakan.")
    elif k == 2:
        t.add(g.pick(("Saya", "Ibu saya", "Anak kami")) + " atas nama ")
        g.person(t).add(" tidak lagi menerima bantuan sejak " + g.date() + ".")
    elif k == 3:
        t.add(g.pick(("Anak", "Klien", "Korban", "Saksi", "Tersangka", "Terlapor", "Pasien")) + " ")
        g.person(t, upper=0.2).add(f" ({g.r.randint(12, 70)} tahun) " +
                                   g.pick(("tinggal bersama ibunya", "dirawat di RSUD", "diperiksa penyidik")) + ".")
    elif k == 4:
        t.add("uang ditransfer ke rekening atas nama ")
        g.person(t).add(" yang diduga dilakukan oleh ")
        g.person(t).add(".")
    else:
        t.add("Ahli waris almarhum ")
        g.person(t).add(" adalah: 1. ")
        g.person(t).add(" (istri); 2. ")
        g.person(t).add(" (anak kandung).")
    return t.result()


def letter(g: Gen) -> tuple[str, list[Entity]]:
    t = Text().add(g.pick(("Kepada\nYth. ", "Yth. ", "Kepada Yth.\n")))
    g.person(t, courtesy=0.8, titles=0.2).add("\n")
    if g.r.random() < 0.5:
        g.address(t).add("\n")
    t.add("di ")
    g.city(t).add("\n\nDengan hormat,\nSaya yang bertanda tangan di bawah ini" + g.sep())
    g.person(t, titles=0.1).add(", " + g.pick(ROLES_PRIVATE) + ", mengajukan permohonan informasi.\n")
    return t.add("Hormat saya,\n\n\n").result() if g.r.random() < 0.5 else t.result()


def letterhead(g: Gen) -> tuple[str, list[Entity]]:
    """No person at all: upper-case headings, offices and street names that honour heroes."""
    t = Text()
    t.add("PEMERINTAH " + g.pick(("KOTA", "KABUPATEN", "PROVINSI")) + " ")
    t.add(g.pick(g.p.cities).upper(), "LOCATION").add("\n")
    t.add(g.pick(OFFICES).upper(), "ORGANIZATION").add("\n")
    t.add(g.pick(("Jalan ", "Jl. ")) + g.pick(g.p.streets) + f" Nomor {g.r.randint(1, 99)} ")
    g.city(t).add(f" {g.r.randint(20000, 99999)} Telepon (0{g.r.randint(21, 99)}) {g.digits(7)}\n")
    site = g.pick(("dinsos", "diskominfo", "ppid", "bkd", "dinkes", "setda"))
    t.add(f"Laman {site}.{g.pick(g.p.cities).lower().replace(' ', '')}.go.id, Pos-el {site}@mail.go.id\n")
    t.add(g.pick(("BERITA ACARA PEMERIKSAAN", "SURAT KETERANGAN", "NOTA DINAS", "SIARAN PERS", "SURAT EDARAN",
                  "PENGUMUMAN", "LAPORAN KEJADIAN", "STANDAR OPERASIONAL PROSEDUR", "KEPUTUSAN WALI KOTA",
                  "DAFTAR INFORMASI PUBLIK", "RINGKASAN APBD", "SURAT UNDANGAN")))
    return t.add(f"\nNomor: {g.r.randint(100, 999)}/{g.r.randint(10, 999)}/{g.r.randint(2019, 2026)}\n").result()


DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
FIELD_LINES = ("Sifat", "Lampiran", "Hal", "Perihal", "Nomor", "Status", "Kanal", "Klasifikasi", "Jenis pelanggaran",
               "Uraian kejadian", "Keterangan", "Catatan", "Periode", "Tujuan Penggunaan Informasi", "Kategori")
FIELD_VALUES = ("Terbatas", "RAHASIA", "Biasa", "Segera", "1 (satu) berkas", "Menunggu verifikasi", "Ditindaklanjuti",
                "Aplikasi LAPOR!", "Penjualan tanpa izin", "Permohonan Informasi Publik", "Bahan kajian", "-",
                "Salinan kontrak pekerjaan", "Undangan Rapat Koordinasi", "Lansia tunggal", "Selesai")
SENTENCES = ("Hasil pemeriksaan dituangkan dalam berita acara.", "Dokumen asli disimpan di Bagian Umum.",
             "Gudang penyimpanan barang sitaan berada di {city}.", "Pengaduan diterima melalui kanal resmi.",
             "Kegiatan dilaksanakan sesuai jadwal yang telah ditetapkan.", "Narahubung:", "Tembusan:", "Uraian:",
             "Demikian disampaikan, atas perhatian diucapkan terima kasih.", "Surat ini berlaku sejak ditetapkan.",
             "Kendaraan operasional diparkir di halaman kantor.", "Lokasi kegiatan berada di wilayah {city}.",
             "Posko terpadu didirikan di setiap kelurahan.", "Data diolah oleh Bidang Statistik.",
             "Sehubungan dengan hal tersebut, mohon arahan lebih lanjut.", "Pelayanan dibuka setiap hari kerja.",
             "Pejabat Pengelola Informasi dan Dokumentasi menetapkan daftar informasi publik.")


def fields(g: Gen) -> tuple[str, list[Entity]]:
    """Field lines and office prose with no person in them (what a model must leave alone)."""
    t = Text()
    for _ in range(g.r.randint(2, 5)):
        k = g.r.random()
        if k < 0.4:
            t.add(g.pick(FIELD_LINES) + g.sep() + g.pick(FIELD_VALUES) + "\n")
        elif k < 0.55:
            t.add(f"Waktu kejadian{g.sep()}{g.pick(DAYS)}, {g.date()} pukul {g.r.randint(7, 23)}.{g.r.randint(10, 59)}"
                  " WIB\n")
        elif k < 0.7:
            t.add(g.pick(("Disposisi", "Dari", "Kepada", "Tembusan")) + g.sep())
            g.office(t).add("\n")
        else:
            sentence = g.pick(SENTENCES)
            if "{city}" in sentence:
                head, tail = sentence.split("{city}")
                g.city(t.add(head)).add(tail + "\n")
            else:
                t.add(sentence + "\n")
    return t.result()


TEMPLATES: tuple[tuple[Callable[[Gen], tuple[str, list[Entity]]], int], ...] = (
    (form, 4), (table, 3), (signature, 4), (two_columns, 1), (press, 3), (private_narrative, 3), (letter, 2),
    (letterhead, 2), (fields, 3))


def generate(pools: Pools, count: int, seed: int) -> list[tuple[str, list[Entity]]]:
    """`count` snippets, reproducible from the seed."""
    gen = Gen(pools, random.Random(seed))
    funcs = [f for f, w in TEMPLATES for _ in range(w)]
    return [gen.pick(funcs)(gen) for _ in range(count)]
