"""The label schema of labels.json, and one check that every entry follows it."""

from __future__ import annotations

LABELS = ("document", "id_card", "portrait", "not_document", "handheld")
ROLES = ("authenticity_statement", "subject_certificate", "domain_certificate", "id_card_front",
         "id_card_back", "id_card_both_sides", "administrator_photo", "handheld_id_photo", "unknown")
FLAGS = ("seal", "greyscale", "glare", "blurry", "cut_off", "screen")


def entry(label: str, role: str, notes: str, faces: int = 0, **fields) -> dict:
    """Build an entry in a stable key order; flags default to False on documents and ID cards."""
    e = {"label": label}
    if label in ("document", "id_card"):
        for f in FLAGS:
            e[f] = bool(fields.pop(f, False))
    if "ink" in fields and fields["ink"] is not None:
        e["ink"] = fields.pop("ink")
    fields.pop("ink", None)
    if label == "id_card":
        e["id_side"] = fields.pop("id_side")
    e["role"] = role
    e["faces_visible"] = int(faces)
    e["notes"] = notes
    if fields:
        raise ValueError(f"unknown label fields {sorted(fields)}")
    check(e)
    return e


def check(e: dict) -> None:
    assert e["label"] in LABELS, e
    assert e["role"] in ROLES, e
    assert isinstance(e["faces_visible"], int) and e["faces_visible"] >= 0, e
    if e["label"] in ("document", "id_card"):
        for f in FLAGS:
            assert isinstance(e[f], bool), (f, e)
    else:
        assert not any(f in e for f in FLAGS), e
    if "ink" in e:
        assert e["ink"] in ("black", "blue") and e["role"] == "authenticity_statement", e
    if e["label"] == "id_card":
        assert e["id_side"] in ("front", "back", "both") and e["seal"] is False, e
        assert e["role"] == {"front": "id_card_front", "back": "id_card_back", "both": "id_card_both_sides"}[e["id_side"]], e
    else:
        assert "id_side" not in e, e
    if e["role"] == "administrator_photo":
        assert e["label"] == "portrait", e
    if e["label"] == "handheld":
        assert e["role"] == "handheld_id_photo" and e["faces_visible"] >= 1, e
