import pytest

from reviewer.detect import validators as v


@pytest.mark.parametrize("number,ok", [
    ("3374115708900003", True),    # Semarang/Banyumanik, woman born 17-08-1990
    ("3273011203850001", True),    # Bandung/Sukasari, man born 12-03-1985
    ("3578084106020002", True),    # Surabaya/Gubeng, woman born 01-06-2002
    ("9101011203850001", True),    # Merauke under its pre-2022 Papua code: historical codes are accepted
    ("337411 250884 2925", True),  # spaced 6-6-4
    ("3374 1157 0252 1401", True),  # spaced 4-4-4-4
    ("3374110000900003", False),   # day 00
    ("3374117208900003", False),   # day 72-40 = 32
    ("3374111713900003", False),   # month 13
    ("3374115708900000", False),   # serial 0000
    ("9999115708900003", False),   # no such region
    ("337411570890003", False),    # 15 digits
])
def test_nik(number, ok):
    assert v.nik(number)[0] is ok


def test_nik_explains_itself():
    ok, why = v.nik("3374115708900003")
    assert ok and "Banyumanik" in why and "perempuan" in why and "17-08-90" in why


@pytest.mark.parametrize("number,ok", [
    ("01.234.567.4-501.000", True), ("09.876.543.1-501.000", True), ("0012345674501000", True),
    ("3374115708900003", True),  # 16-digit NPWP of a resident = NIK
    ("01.234.567.5-501.000", False), ("12.345.678", False),
])
def test_npwp(number, ok):
    assert v.npwp(number)[0] is ok


@pytest.mark.parametrize("number,ok", [
    ("19900817 201503 2 001", True), ("198503122010011002", True), ("19850101 202221 1 001", True),  # PPPK
    ("19901317 201503 2 001", False), ("19900817 201503 3 001", False), ("19900817 199503 2 001", False),
    ("1990081720150320", False),
])
def test_nip(number, ok):
    assert v.nip(number)[0] is ok


@pytest.mark.parametrize("number,ok", [
    ("5168 3583 1377 1270", True), ("4228102658598695", True), ("5168 3583 1377 1271", False),
    ("0000000000000000", False), ("3374115708900003", False),  # a NIK is not a card even if Luhn passed
])
def test_card(number, ok):
    assert v.card(number)[0] is ok


@pytest.mark.parametrize("number,ok,kind", [
    ("0812-3456-7890", True, "seluler"), ("+62 857 1234 5678", True, "seluler"), ("(024) 7654321", True, "tetap"),
    ("0274 512345", True, "tetap"), ("0812", False, ""), ("12345", False, ""),
])
def test_phone(number, ok, kind):
    result, why = v.phone(number)
    assert result is ok and kind in why


@pytest.mark.parametrize("plate,ok", [("H 1234 AB", True), ("B 1 RI", True), ("BG 1721 LZ", True),
                                      ("QQ 1234 AB", False), ("H 12345 AB", False)])
def test_plate(plate, ok):
    assert v.plate(plate)[0] is ok


@pytest.mark.parametrize("text,ok", [("14 Maret 1985", True), ("Semarang, 25 Agustus 1984", True),
                                     ("24-06-1990", True), ("1990-06-24", True), ("31 Februari 1990", False),
                                     ("32-01-1990", False), ("17 Agt 1945", True)])
def test_date(text, ok):
    assert v.date(text)[0] is ok


def test_every_registered_validator_returns_a_pair():
    for name, fn in v.REGISTRY.items():
        ok, why = fn("0")
        assert ok in (True, False) and isinstance(why, str), name


def test_phone_areas_table_is_phonenumbers_own():
    """data/phone_areas.yaml is what scripts/phone_areas.py makes from the installed phonenumbers."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parents[1] / "scripts" / "phone_areas.py"
    spec = importlib.util.spec_from_file_location("phone_areas", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert v._phone_areas() == script.table()


@pytest.mark.parametrize("text", ["(024) 3512345", "021-5551234", "(0231) 234567", "0274 512345", "0361 234567",
                                  "0800 1234567", "(0411) 8123456", "+62 22 4201234", "+1 650 253 0000",
                                  "+44 20 7946 0958", "0967 512345"])
def test_phone_place_is_the_geocoders(text):
    import phonenumbers
    from phonenumbers import geocoder

    number = phonenumbers.parse(text, "ID")
    assert v._place(number, phonenumbers.number_type(number)) == geocoder.description_for_number(number, "id")


def test_phone_place_of_every_example_number():
    import phonenumbers
    from phonenumbers import PhoneNumberType, geocoder

    for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
                 PhoneNumberType.UAN, PhoneNumberType.VOIP, PhoneNumberType.SHARED_COST):
        number = phonenumbers.example_number_for_type("ID", kind)
        if number is not None:
            assert v._place(number, phonenumbers.number_type(number)) == geocoder.description_for_number(number, "id")
