"""The shape of a labels.json / expected.json entry, checked for every image written, with the
numbers in `reading` checked against their check characters."""

from __future__ import annotations

import datetime as dt

from . import numbers

LABELS = ("document", "id_card", "not_document")
ROLES = ("subject_certificate", "id_card_front", "id_card_back", "authenticity_statement", "domain_certificate", "unknown")
TITLES = ("business_licence", "id_card_front", "id_card_back", "authenticity_statement", "commitment_letter",
          "domain_certificate")
FLAGS = ("seal", "greyscale", "glare", "blurry", "cut_off", "screen")
READING = ("title", "id_numbers", "credit_codes", "names", "valid_from", "valid_until", "signed_on", "unreadable")


def _date(v: str, long_term_ok: bool) -> None:
    if v == "long_term":
        assert long_term_ok, v
        return
    dt.date.fromisoformat(v)


def check_entry(e: dict) -> None:
    assert e["label"] in LABELS and e["role"] in ROLES, e
    for f in FLAGS:
        assert isinstance(e[f], bool), (f, e)
    assert e["screen"] is False
    if e["label"] == "id_card":
        assert e["id_side"] in ("front", "back") and e["role"] == f"id_card_{e['id_side']}", e
        assert e["seal"] is False, e
    else:
        assert "id_side" not in e, e
    assert isinstance(e["faces_visible"], int) and e["faces_visible"] >= 0
    assert isinstance(e["notes"], str) and e["notes"]
    assert isinstance(e["clean"], bool)
    if e["clean"]:
        assert not (e["blurry"] or e["glare"] or e["cut_off"]), e
    r = e["reading"]
    assert set(r) <= set(READING), r
    if "title" in r:
        assert r["title"] in TITLES, r
    for n in r.get("id_numbers", []):
        assert numbers.id_valid(n), n
    for c in r.get("credit_codes", []):
        assert numbers.credit_valid(c), c
    if "names" in r:
        assert set(r["names"]) <= {"holder", "subject"} and len(r["names"]) == 1, r
    if "valid_from" in r:
        _date(r["valid_from"], False)
    if "valid_until" in r:
        _date(r["valid_until"], True)
    if "signed_on" in r:
        _date(r["signed_on"], False)
    assert isinstance(r.get("unreadable", []), list)
