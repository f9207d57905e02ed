"""Slots, vocabulary and the tiny template language of the synthetic passage corpus.

Template language: `{a|b|c}` picks one alternative (braces may nest), `<SLOT>` is filled by the
slot function of that name. Everything is drawn from one `random.Random`, so a seed gives the
same corpus on every machine. All names, numbers and places are invented or generic.
"""

from __future__ import annotations

import random
import re

GIVEN = """Agus Ahmad Aldi Andi Anisa Ari Arif Asep Bagus Bambang Benny Budi Cahya Candra Citra Dadang Dani
Darma Dedi Desi Dewi Dian Dimas Doni Eka Eko Elisa Endang Erik Erwin Fajar Farida Fikri Fitri Gilang Guntur
Hana Hendra Heru Ida Ika Ikhsan Imam Indah Indra Irfan Iwan Jaka Joko Kadek Ketut Komang Kurnia Lestari Lina
Lukman Made Maria Markus Maya Mega Melati Nadia Nanda Nia Novi Nur Nyoman Oki Putu Putri Rahmat Raka Rani
Ratna Reza Rina Riski Rizal Robert Rudi Sari Sekar Septi Slamet Sri Stefanus Suci Surya Susanti Taufik Teguh
Tika Tono Ujang Umar Vina Wawan Wayan Winda Yanti Yogi Yohanes Yudi Yulia Zainal Zulkifli Hasan Husein
Ismail Kartika Laras Meiliana Ningsih Oktaviani Paulus Ruth Samuel Theresia Vincent Wulan Yosef""".split()
FAMILY = """Siregar Nasution Harahap Lubis Simanjuntak Sinaga Pardede Tampubolon Saragih Ginting Tarigan
Sembiring Manurung Hutapea Pohan Rangkuti Daulay Batubara Lumbanraja Situmorang Purba Damanik Wijaya Gunawan
Halim Tanoto Santoso Setiadi Kusuma Pratama Saputra Wibowo Hidayat Nugraha Permana Ramadhan Firmansyah
Kurniawan Rahmawati Suryani Handayani Anggraini Maharani Syahputra Lubis Tanjung Chaniago Piliang Koto Sikumbang
Mappaseng Daeng Pattiasina Latuconsina Rumbiak Wenda Mandagi Wowor Pangemanan Sumual Ndun Manafe Dethan
Suardana Wirawan Putra Sudirman Maulana Pranoto Susilo Hartanto Setiawan Fauzi Haryadi Hakim Rosyid""".split()
PLACES = """Medan Binjai Pematangsiantar Padang Bukittinggi Payakumbuh Pekanbaru Dumai Jambi Palembang
Lubuklinggau Bengkulu Bandar Lampung Metro Pangkalpinang Tanjungpinang Batam Serang Cilegon Tangerang Bogor
Depok Bekasi Sukabumi Cirebon Tasikmalaya Banjar Garut Sumedang Purwakarta Karawang Subang Indramayu Tegal
Pekalongan Magelang Salatiga Surakarta Klaten Boyolali Wonogiri Kudus Jepara Pati Rembang Blora Cilacap
Banyumas Purbalingga Kebumen Yogyakarta Sleman Bantul Gunungkidul Kulon Progo Madiun Kediri Blitar Malang
Batu Pasuruan Probolinggo Mojokerto Jombang Lamongan Gresik Tuban Bojonegoro Jember Banyuwangi Bondowoso
Situbondo Sumenep Pamekasan Denpasar Badung Gianyar Tabanan Buleleng Mataram Bima Kupang Ende Maumere
Pontianak Singkawang Ketapang Palangka Raya Sampit Banjarmasin Banjarbaru Martapura Samarinda Balikpapan
Bontang Tarakan Manado Bitung Tomohon Gorontalo Palu Poso Makassar Parepare Palopo Bone Gowa Maros Kendari
Baubau Ambon Tual Ternate Tidore Sorong Manokwari Jayapura Merauke Timika Nabire""".split("\n")
PLACES = [p for line in PLACES for p in re.split(r"\s{1,}", line) if p]
REGION_KIND = ["Kota", "Kabupaten"]
OFFICES = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Badan Pendapatan Daerah",
           "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Dinas Pekerjaan Umum dan Penataan Ruang",
           "Dinas Perhubungan", "Dinas Komunikasi dan Informatika", "Satuan Polisi Pamong Praja",
           "Badan Pengelolaan Keuangan dan Aset Daerah", "Dinas Penanaman Modal dan PTSP",
           "Dinas Energi dan Sumber Daya Mineral", "Dinas Lingkungan Hidup", "Badan Perencanaan Pembangunan Daerah",
           "Inspektorat", "Bagian Hukum Sekretariat Daerah", "Bagian Kerja Sama Sekretariat Daerah",
           "Dinas Kependudukan dan Pencatatan Sipil", "RSUD", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
           "Badan Kesatuan Bangsa dan Politik", "Dinas Perdagangan", "Dinas Koperasi dan UKM",
           "Dinas Pariwisata dan Kebudayaan", "Badan Penanggulangan Bencana Daerah"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
COMPANY = ["Sinar", "Karya", "Mitra", "Bumi", "Cahaya", "Tunas", "Mega", "Prima", "Anugerah", "Harapan",
           "Sentosa", "Makmur", "Bangun", "Utama", "Jaya", "Abadi", "Nusantara", "Lestari", "Sejahtera", "Mandiri"]
COUNTRIES = [("Jepang", "Tokyo", "Osaka"), ("Korea Selatan", "Seoul", "Busan"), ("Tiongkok", "Beijing", "Guangzhou"),
             ("Australia", "Canberra", "Perth"), ("Belanda", "Den Haag", "Rotterdam"), ("Jerman", "Berlin", "Hamburg"),
             ("Malaysia", "Kuala Lumpur", "Penang"), ("Singapura", "Singapura", "Singapura"),
             ("Timor-Leste", "Dili", "Dili"), ("Papua Nugini", "Port Moresby", "Vanimo"),
             ("Turki", "Ankara", "Istanbul"), ("Vietnam", "Hanoi", "Ho Chi Minh")]
MINERALS = ["andesit", "batu gamping", "pasir kuarsa", "nikel laterit", "emas primer", "bijih besi", "batubara",
            "tembaga porfiri", "bauksit", "granit", "kaolin", "mangan", "pasir besi", "zeolit", "feldspar"]
DISEASES = ["diabetes melitus tipe 2", "hipertensi derajat 2", "tuberkulosis paru", "gangguan cemas menyeluruh",
            "skizofrenia paranoid", "gagal ginjal kronis", "kanker payudara stadium II", "hepatitis B kronis",
            "stroke iskemik", "patah tulang paha kanan", "demam tifoid", "HIV", "gangguan bipolar",
            "penyakit jantung koroner", "asma bronkial", "depresi sedang", "infeksi paru berat", "epilepsi"]
ICD = ["E11.9", "I10", "A15.0", "F41.1", "F20.0", "N18.5", "C50.9", "B18.1", "I63.9", "S72.0", "A01.0", "B20",
       "F31.6", "I25.1", "J45.9", "F32.1", "J18.9", "G40.9"]
BANKS = ["BRI", "BNI", "Mandiri", "BCA", "BSI", "BTN", "Bank Jateng", "Bank Jatim", "Bank DKI", "Bank Sumut",
         "Bank Nagari", "Bank Kalbar", "Bank Sulselbar", "BPD Bali", "Bank NTT"]


class Gen:
    """Random draws for one corpus; `t(template)` renders a template."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.slots = {name[5:].upper(): getattr(self, name) for name in dir(self) if name.startswith("slot_")}

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def t(self, template: str, **fixed) -> str:
        text = template
        while True:
            m = re.search(r"\{([^{}]*)\}", text)
            if not m:
                break
            text = text[:m.start()] + self.pick(m.group(1).split("|")) + text[m.end():]

        def fill(m: re.Match) -> str:
            key = m.group(1)
            if key in fixed:
                return str(fixed[key])
            return str(self.slots[key]())
        return re.sub(r"<([A-Z_0-9]+)>", fill, text)

    # --- slots -----------------------------------------------------------------------------------
    def slot_name(self) -> str:
        n = f"{self.pick(GIVEN)} {self.pick(FAMILY)}"
        return f"{self.pick(GIVEN)} {n}" if self.chance(0.3) else n

    def slot_given(self) -> str:
        return self.pick(GIVEN)

    def slot_city(self) -> str:
        return self.pick(PLACES)

    def slot_region(self) -> str:
        return f"{self.pick(REGION_KIND)} {self.pick(PLACES)}"

    def slot_office(self) -> str:
        return self.pick(OFFICES)

    def slot_month(self) -> str:
        return self.pick(MONTHS)

    def slot_year(self) -> str:
        return str(self.r.randint(2019, 2026))

    def slot_date(self) -> str:
        return f"{self.r.randint(1, 28)} {self.pick(MONTHS)} {self.r.randint(2020, 2026)}"

    def slot_n(self) -> str:
        return str(self.r.randint(2, 60))

    def slot_big(self) -> str:
        return f"{self.r.randint(100, 9999):,}".replace(",", ".")

    def slot_pct(self) -> str:
        return f"{self.r.randint(2, 45)}{self.pick(['', ',5', ',2', ',8'])}%"

    def slot_rp(self) -> str:
        kind = self.r.random()
        if kind < 0.4:
            v = self.r.randint(1, 999) * 10 ** self.r.randint(5, 9)
            return "Rp " + f"{v:,}".replace(",", ".") + self.pick([",00", "", ",-"])
        if kind < 0.7:
            return f"Rp{self.r.randint(1, 950)} {self.pick(['juta', 'miliar', 'ribu'])}"
        return f"Rp {self.r.randint(1, 99)},{self.r.randint(1, 9)} {self.pick(['miliar', 'juta', 'triliun'])}"

    def slot_small_rp(self) -> str:
        v = self.r.randint(5, 950) * 1000 * self.pick([1, 10, 100])
        return "Rp " + f"{v:,}".replace(",", ".") + self.pick([",00", ""])

    def slot_address(self) -> str:
        street = self.pick(["Jl.", "Jalan", "Gg.", "Perum", "Jln."])
        return (f"{street} {self.pick(GIVEN)} {self.pick(['Raya', 'Timur', 'Barat', 'Indah', 'Baru', 'II', 'III', ''])}"
                f" No. {self.r.randint(1, 150)} RT {self.r.randint(1, 15):03d}/RW {self.r.randint(1, 12):03d}, "
                f"Kel. {self.pick(GIVEN)}{self.pick(['sari', 'rejo', 'jaya', 'mulya', ' Baru', 'harjo'])}")

    def slot_phone(self) -> str:
        return f"08{self.r.randint(11, 99)}-{self.r.randint(1000, 9999)}-{self.r.randint(1000, 9999)}"

    def slot_nik(self) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(16))

    def slot_account(self) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(self.pick([10, 13, 15])))

    def slot_plate(self) -> str:
        return f"{self.pick(['B', 'D', 'H', 'AB', 'L', 'N', 'BK', 'DK', 'KT', 'DD'])} {self.r.randint(1000, 9999)} " \
               f"{self.pick(['AB', 'XY', 'KL', 'UR', 'TF', 'QW', 'E'])}"

    def slot_company(self) -> str:
        return f"{self.pick(['CV', 'PT', 'PT', 'CV'])} {self.pick(COMPANY)} {self.pick(COMPANY)}"

    def slot_country(self) -> str:
        return self.pick(COUNTRIES)[0]

    def slot_mineral(self) -> str:
        return self.pick(MINERALS)

    def slot_disease(self) -> str:
        return self.pick(DISEASES)

    def slot_icd(self) -> str:
        return self.pick(ICD)

    def slot_bank(self) -> str:
        return self.pick(BANKS)

    def slot_coord(self) -> str:
        return (f"{self.r.randint(0, 9)}°{self.r.randint(0, 59):02d}'{self.r.randint(0, 59):02d}\" "
                f"{self.pick(['LS', 'LU'])} dan {self.r.randint(95, 140)}°{self.r.randint(0, 59):02d}'"
                f"{self.r.randint(0, 59):02d}\" BT")

    def slot_mhz(self) -> str:
        return f"{self.r.randint(140, 470)}.{self.r.randint(100, 975)} MHz"

    def slot_age(self) -> str:
        return str(self.r.randint(19, 78))

    def slot_child_age(self) -> str:
        return str(self.r.randint(12, 17))

    def slot_score(self) -> str:
        return f"{self.r.randint(40, 98)}{self.pick(['', ',5', ',25'])}"

    def slot_ipk(self) -> str:
        return f"{self.r.randint(1, 3)},{self.r.randint(10, 99)}"

    def slot_numword(self) -> str:
        return self.pick(["dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sepuluh", "dua belas"])

    def slot_letterno(self) -> str:
        return (f"{self.r.randint(1, 999)}/{self.r.randint(1, 9999)}/{self.pick(['HK', 'UM', 'KU', 'PEG', 'SET', 'RHS'])}"
                f"/{self.r.randint(2020, 2026)}")

    def slot_ton(self) -> str:
        return f"{self.r.randint(1, 99)},{self.r.randint(1, 9)} juta ton"
