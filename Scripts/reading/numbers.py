"""Valid identity numbers: resident ID numbers (GB 11643) and unified social credit codes
(GB 32100, with the GB 11714 organisation code inside), their checks and small mutations."""

from __future__ import annotations

import datetime as dt

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# Characters the organisation code part of a credit code uses in practice: the credit code
# alphabet (no I, O, S, V, Z).
ORG_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"


# ---------------------------------------------------------------------------------------------
# Resident ID numbers


def id_check(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def id_number(region: str, birth: dt.date, seq: int) -> str:
    """region: 6 digits; seq: 0..999 (odd last digit: male)."""
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + id_check(body)


def id_valid(n: str) -> bool:
    if len(n) != 18 or not n[:17].isdigit() or n[17] not in ID_CHECK:
        return False
    try:
        dt.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return False
    return id_check(n[:17]) == n[17]


def id_sex(n: str) -> str:
    return "男" if int(n[16]) % 2 else "女"


def id_birth(n: str) -> dt.date:
    return dt.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))


def id_one_digit_changed(n: str, rng) -> str:
    """Another valid number that differs from n in one of the sequence digits (positions 15–17,
    1-based), with the check character recomputed: what a typing slip on a form looks like
    once the form's own check has been satisfied."""
    for _ in range(100):
        pos = int(rng.integers(14, 17))
        d = str(int(rng.integers(0, 10)))
        if d == n[pos]:
            continue
        body = n[:pos] + d + n[pos + 1:17]
        m = body + id_check(body)
        if id_sex(m) == id_sex(n) and m != n:
            return m
    raise RuntimeError("no one-digit variant found")


# ---------------------------------------------------------------------------------------------
# Organisation codes (GB 11714) and unified social credit codes (GB 32100)


def _org_value(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def org_check(body8: str) -> str:
    c = 11 - sum(_org_value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_check(first17: str) -> str:
    s = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - s % 31) % 31]


def credit_code(rng, region: str, kind: str = "91", letters: bool | None = None) -> str:
    """kind: the registration authority and entity type, e.g. '91' enterprise, '92' individual
    business, '93' farmers' co-operative, '12' public institution, '51' social organisation,
    'Y1' other. letters: an organisation code of the newer 'MA…' form with letters (default:
    most of the time)."""
    if letters is None:
        letters = rng.random() < 0.75
    if letters:
        body = "MA" + "".join(ORG_BODY[int(i)] for i in rng.integers(0, len(ORG_BODY), 6))
        if not any(c.isalpha() for c in body[2:]):  # make sure a letter shows past the MA
            body = body[:5] + "ABCDEFGH"[int(rng.integers(0, 8))] + body[6:]
    else:
        body = "".join(str(int(d)) for d in rng.integers(0, 10, 8))
    org = body + org_check(body)
    first17 = kind + region + org
    return first17 + uscc_check(first17)


def credit_valid(code: str) -> bool:
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        return False
    if not code[8:16].isalnum() or org_check(code[8:16]) != code[16]:
        return False
    return uscc_check(code[:17]) == code[17]


def self_check() -> None:
    """Known good values (published examples) and round trips."""
    assert id_check("11010519491231002") == "X"
    assert id_valid("11010519491231002X")
    assert not id_valid("110105194912310021")
    assert credit_valid("91350100M000100Y43")
    assert credit_valid("91110108551385082Q")
    assert org_check("D2143569") == "X"  # the GB 11714 example D2143569-X
