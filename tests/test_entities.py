"""One person, one entity (reviewer.detect.entities): NER persons joined to the identity's persons or made
entities of their own, every mention of them found, one action per person. Own fixtures, no model."""

from reviewer.core.model import Document, Finding, Page
from reviewer.core.settings import Settings
from reviewer.detect import entities, identity

TEXT = ("Terdakwa Rina Wulandari bertemu Wahyu Setiawan di warung. Bahwa Wahyu Setiawan kemudian pergi, "
        "dan WAHYU SETIAWAN pulang. Rina melihatnya; Rina Wulandari juga. Putusan diucapkan oleh Sutrisno, S.H., "
        "sebagai Hakim Ketua. Anak saksi Harun Alfatih Bin Imam GonoSutrisno hadir.")


def ner(text: str, name: str, action: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Finding(1, start, start + len(name), name, "PERSON", "17h", 0.6 if action == "review" else 0.9, action,
                   "model:ner-id", ("model NER: PERSON",))


def unify(text: str, extra: list[Finding]) -> list[Finding]:
    doc = Document("x" * 64, "t.txt", "txt", (Page(1, text),))
    raw = {1: identity.analyse(doc)[1] + extra}
    entities.unify(doc, raw, Settings())
    return [f for f in raw[1] if f.label == "PERSON"]


def test_an_ner_only_person_becomes_an_entity_with_every_mention_and_one_action():
    found = unify(TEXT, [ner(TEXT, "Wahyu Setiawan", "review"), ner(TEXT, "Wahyu Setiawan", "redact", 1)])
    wahyu = [f for f in found if f.text.lower() == "wahyu setiawan"]
    assert len(wahyu) == 3 and len({f.entity for f in wahyu}) == 1 and wahyu[0].entity.startswith("N")
    assert {f.action for f in wahyu} == {"redact"}  # the most protective member decides for the person
    assert all(any(r.startswith("sama dengan 'Wahyu Setiawan'") for r in f.reasons) for f in wahyu)


def test_an_ner_short_form_joins_the_identity_person_and_takes_its_action():
    found = unify(TEXT, [ner(TEXT, "Rina", "review", 1)])
    rina = [f for f in found if f.text.startswith("Rina")]
    assert len({f.entity for f in rina}) == 1 and {f.action for f in rina} == {"redact"}
    assert [f.text for f in rina].count("Rina") == 1  # "Rina" alone is searched only as a form the NER found


def test_an_ner_span_over_two_persons_is_dropped_and_a_wider_name_over_an_official_stays_apart():
    wide = ner(TEXT, "Harun Alfatih Bin Imam GonoSutrisno", "redact")
    found = unify(TEXT, [wide])
    child = [f for f in found if "Harun" in f.text]
    assert child and all(f.action != "keep" for f in child)
    assert [f.text for f in found if f.action == "keep"] == ["Sutrisno"]  # not the end of "GonoSutrisno"


def test_no_ner_findings_leave_the_identity_findings_as_they_are():
    doc = Document("x" * 64, "t.txt", "txt", (Page(1, TEXT),))
    before = identity.analyse(doc)[1]
    assert unify(TEXT, []) == [f for f in before if f.label == "PERSON"]


def test_redact_suggested_follows_the_person_like_the_scan(tmp_path):
    from reviewer.core.settings import from_env
    from reviewer.detect.pipeline import scan_file
    from reviewer.redact import decisions_from_findings

    path = tmp_path / "putusan.txt"
    path.write_text("Nama lengkap : Budi; Tempat lahir : Klaten; Umur/Tanggal lahir : 30 tahun; Tempat tinggal : "
                    "Jl. Melati 3; Pekerjaan : Tani.\nDemikian diputuskan oleh Budi Hartono, S.H., sebagai Hakim "
                    "Ketua. Terdakwa Budi hadir; BUDI menangis.\n", encoding="utf-8")
    result = scan_file(str(path), from_env(use_ner=False, use_passages=False, use_ocr=False))
    persons = [f for f in result.findings if f.label == "PERSON"]
    judge = next(f for f in persons if f.text == "Budi Hartono")
    assert judge.action == "keep" and judge.entity
    redacted = decisions_from_findings(result.findings, result.document)
    for f in persons:  # every mention gets what its person got in the scan
        hit = any(d.start < f.end and f.start < d.end for d in redacted)
        assert hit == (f.action == "redact"), f.text
    assert {f.text for f in persons if f.action == "redact"} == {"Budi", "BUDI"}


def test_an_abbreviation_taken_for_a_name_is_not_spread_to_its_other_occurrences():
    text = "Menurut IHPS II tahun ini, dan IHPS II berikutnya. Rudi Hartono hadir; Rudi Hartono pulang."
    found = unify(text, [ner(text, "IHPS II", "review"), ner(text, "Rudi Hartono", "review")])
    assert sorted(f.text for f in found) == ["IHPS II", "Rudi Hartono", "Rudi Hartono"]


def test_a_span_with_a_punctuation_run_is_searched_by_its_name_words_only_and_fast():
    import time

    text = "Saksi Bagus Oky Lianto.----------------------------------------No 12. " + "kata biasa - " * 3000
    doc = Document("x" * 64, "t.txt", "txt", (Page(1, text),))
    raw = {1: [ner(text, "Bagus Oky Lianto.----------------------------------------No", "review")]}
    start = time.monotonic()
    entities.unify(doc, raw, Settings())
    assert time.monotonic() - start < 2 and raw[1]


def test_an_ner_span_wider_than_a_mention_is_split_and_its_other_part_kept():
    text = "Saksi korban Dewi Rahayu menangis. Ibunya, Dewi Rahayu Binti Suwarno, hadir. Suwarno pulang."
    found = unify(text, [ner(text, "Dewi Rahayu Binti Suwarno", "redact")])
    dewi = [f for f in found if f.text == "Dewi Rahayu"]
    assert len(dewi) == 2 and len({f.entity for f in dewi}) == 1 and dewi[0].entity.startswith("P")
    suwarno = [f for f in found if f.text == "Suwarno"]
    # "X Binti Suwarno" names Suwarno as X's parent (identity.kin_people): one person, learned as a parent
    assert len(suwarno) == 2 and {f.action for f in suwarno} == {"redact"} and len({f.entity for f in suwarno}) == 1
    assert not any("Binti" in f.text for f in found)
    glued = "Saksi korban Dewi Rahayu hadir. Bahwa Anakkorban Dewi Rahayu menangis. Anak korban pulang."
    found = unify(glued, [ner(glued, "Anakkorban Dewi Rahayu", "redact")])
    assert [f.text for f in found] == ["Dewi Rahayu", "Dewi Rahayu"]  # a role glued to the name is no name


def test_counsel_keeps_its_mention_when_an_ner_span_runs_past_it():
    from reviewer.detect.policy import resolve_overlaps

    text = ("Terdakwa Rina Wulandari didampingi Penasihat Hukum Agus Salim, S.H., Advokat. Agus Salim, S.H. "
            "menyatakan keberatan. Saksi Agus Budiman menerangkan bahwa Agus melihatnya.")
    wide = ner(text, "Agus Salim, S.H. menyatakan", "redact")
    found = resolve_overlaps(unify(text, [wide.replace(score=0.97), ner(text, "Agus", "redact", 3)]))
    counsel = [f for f in found if f.text.startswith("Agus Salim")]
    assert len(counsel) == 2 and {f.action for f in counsel} == {"keep"}


def test_an_ner_span_that_is_a_longer_form_of_a_counsels_name_is_the_counsel():
    text = ("Terdakwa didampingi oleh Yohanes Budi, S.H., dan Maria Elisabeth, S.H., M.H., para Advokat dari "
            "LBH Surabaya. Maria Elisabeth hadir.")
    found = unify(text, [ner(text, "Maria Elisabeth", "review"), ner(text, "Maria Elisabeth", "review", 1)])
    maria = [f for f in found if "Elisabeth" in f.text]
    assert maria and {f.action for f in maria} == {"keep"} and len({f.entity for f in maria}) == 1


def test_an_ner_person_kept_in_one_mention_and_redacted_in_another_goes_to_review_not_redact():
    text = "Surat dari Hendra Wijaya tentang pledoi. Kemudian Hendra Wijaya pulang."
    kept = ner(text, "Hendra Wijaya", "keep").replace(reasons=("penasihat hukum dalam perkara",))
    found = unify(text, [kept, ner(text, "Hendra Wijaya", "redact", 1)])
    hendra = [f for f in found if f.text == "Hendra Wijaya"]
    assert len(hendra) == 2 and len({f.entity for f in hendra}) == 1 and {f.action for f in hendra} == {"review"}
    assert any("dibiarkan terbuka" in str(r) for r in hendra[0].reasons)


def test_spans_answer_overlaps_like_a_scan_of_every_span():
    import random

    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 40), str(k)) for k, s in enumerate(rng.randint(0, 2000) for _ in range(400))]
    index = entities.Spans(spans[:200])
    for s, e, t in spans[200:]:
        index.add(s, e, t)
    for _ in range(500):
        i = rng.randint(0, 2050)
        j = i + rng.randint(1, 60)
        assert sorted(index.over(i, j)) == sorted(x for x in spans if x[0] < j and i < x[1])
