"""Ages and home areas after a flagged private name, officials named as suspects (reviewer.detect.attached,
reviewer.detect.suspects, run by policy.person_context): synthetic texts and findings."""
from reviewer.core.model import Finding, Page
from reviewer.core.reasons import reason
from reviewer.detect import attached, policy, suspects


def person(text: str, name: str, action: str, official: bool = False, entity: str = "") -> Finding:
    start = text.index(name)
    why = (reason("official.position", position="Kepala Desa", page=1),) if official else (reason("person.private"),)
    return Finding(1, start, start + len(name), name, "PERSON", "" if official else "17h", 0.9, action,
                   "identity", why, entity=entity)


def facts(text: str, *people: Finding) -> list[tuple[str, str, str]]:
    return [(f.label, f.text, f.action) for f in attached.facts(text, 1, list(people))]


def test_the_age_and_the_home_village_after_a_private_name():
    text = "Polisi menangkap tersangka BS (45), warga Desa Sukamaju, Kecamatan Mekar Jaya, di rumahnya."
    assert facts(text, person(text, "BS", "redact")) == [
        ("DATE_OF_BIRTH", "45", "redact"), ("ADDRESS", "Desa Sukamaju, Kecamatan Mekar Jaya", "redact")]
    text = "Korban Sulastri yang berusia 60 tahun tewas; pelaku Darto, penduduk Dusun Krajan RT 02, ditahan."
    assert facts(text, person(text, "Sulastri", "redact"), person(text, "Darto", "redact")) == [
        ("DATE_OF_BIRTH", "60 tahun", "redact"), ("ADDRESS", "Dusun Krajan RT 02", "redact")]


def test_no_fact_without_a_flagged_person():
    text = "Warga Desa Sukamaju menerima bantuan dari Bupati Ahmad Fauzi (52), warga Kota Sukamaju."
    assert facts(text) == []
    assert facts(text, person(text, "Ahmad Fauzi", "keep", official=True)) == []


def test_a_name_under_review_brings_its_facts_only_in_criminal_news():
    text = "Ketua paguyuban, Pak Karto (61), warga Desa Sukamaju, membuka festival panen."
    assert facts(text, person(text, "Karto", "review")) == []
    text = "Pelaku Karto (61), warga Desa Sukamaju, diamankan polisi."
    assert facts(text, person(text, "Karto", "review")) == [
        ("DATE_OF_BIRTH", "61", "review"), ("ADDRESS", "Desa Sukamaju", "review")]


def test_an_official_named_as_a_suspect_goes_to_review_with_every_mention():
    text = ("Kepala Desa Sukamaju, Slamet Riyadi, resmi ditahan kejaksaan. Kepala Kejaksaan Negeri, Andi "
            "Pratama, mengatakan Slamet Riyadi ditahan 20 hari.")
    first, second = text.index("Slamet"), text.rindex("Slamet")
    mentions = [person(text, "Slamet Riyadi", "keep", official=True, entity="P1"),
                person(text, "Andi Pratama", "keep", official=True, entity="P2"),
                Finding(1, second, second + 13, "Slamet Riyadi", "PERSON", "", 0.9, "keep", "identity",
                        (reason("official.position", position="Kepala Desa", page=1),), entity="P1")]
    out = suspects.review(text, mentions)
    assert [(f.start, f.action) for f in out] == [(first, "review"), (text.index("Andi"), "keep"), (second, "review")]
    assert "official.suspect" in {r.code for r in out[0].reasons}


def test_a_suspect_word_before_the_position_and_a_reported_arrest():
    text = ("Polisi menangkap oknum Kades Mekar Jaya Joko Susilo. Menurut keterangan tersangka, Kasat Reskrim AKP "
            "Rudi Hartono menjelaskan barang bukti.")
    out = suspects.review(text, [person(text, "Joko Susilo", "keep", official=True),
                                 person(text, "Rudi Hartono", "keep", official=True)])
    assert [f.action for f in out] == ["review", "keep"]


def test_policy_adds_the_facts_after_the_decision():
    text = "Tersangka BS (45), warga Desa Sukamaju, diamankan."
    out = policy.person_context(Page(1, text), [person(text, "BS", "redact")])
    assert [(f.label, f.text) for f in out] == [("PERSON", "BS"), ("DATE_OF_BIRTH", "45"), ("ADDRESS", "Desa Sukamaju")]


def test_a_home_area_given_by_region_names_and_with_a_street():
    text = "Tersangka RH (29) warga Garut, Jawa Barat, dan KS (52) ditangkap."
    assert facts(text, person(text, "RH", "redact")) == [
        ("DATE_OF_BIRTH", "29", "redact"), ("ADDRESS", "Garut, Jawa Barat", "redact")]
    text = "Pelaku Darto warga Jl. Merdeka No. 5 Kota Solo. Kapolres Solo menjelaskan."
    assert facts(text, person(text, "Darto", "redact")) == [("ADDRESS", "Jl. Merdeka No. 5 Kota Solo", "redact")]


def test_the_initials_of_a_flagged_name_in_criminal_news():
    text = "Dua tersangka, yakni DM (Dedi Marwoto) dan AS, ditahan. Dari tangan DM polisi menyita uang."
    found = attached.facts(text, 1, [person(text, "Dedi Marwoto", "review", entity="P3")])
    assert [(f.text, f.start, f.action, f.entity) for f in found] == [
        ("DM", text.index("DM"), "review", "P3"), ("DM", text.rindex("DM"), "review", "P3")]
    # initials the text never pairs with the name are an abbreviation ("PU": penuntut umum)
    text = "Terdakwa Putri Utami ditahan. Tuntutan PU dibacakan di persidangan."
    assert facts(text, person(text, "Putri Utami", "redact")) == []
    # no criminal case, or the letters are a word of the text: nothing
    text = "Sambutan Dedi Marwoto (DM) pada festival."
    assert facts(text, person(text, "Dedi Marwoto", "redact")) == []
