"""Identity numbers with valid check characters, application forms, and the folder list."""

from __future__ import annotations

import math
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

from .settings import *  # noqa: F401,F403
from .raster import *  # noqa: F401,F403
from .pictures import *  # noqa: F401,F403
from .encoding import *  # noqa: F401,F403

# ----------------------------------------------------------------------------------------------
# Identifiers with valid check characters


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_code(body8: str) -> str:
    """GB 11714 organisation code: 8 characters and a check character."""
    weights = [3, 7, 9, 10, 5, 8, 4, 2]
    val = lambda ch: int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10  # noqa: E731
    c = 11 - sum(w * val(ch) for w, ch in zip(weights, body8)) % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))


def uscc(prefix8: str, org_body8: str) -> str:
    """GB 32100 unified social credit code: 17 characters and a check character."""
    body = prefix8 + org_code(org_body8)
    assert len(body) == 17 and all(ch in USCC_CHARS for ch in body), body
    s = sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, USCC_WEIGHTS))
    return body + USCC_CHARS[(31 - s % 31) % 31]


def resident_id(region6: str, birth8: str, seq3: str) -> str:
    """GB 11643 citizen identity number."""
    body = region6 + birth8 + seq3
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(ch) * w for ch, w in zip(body, weights))
    return body + "10X98765432"[s % 11]


# ----------------------------------------------------------------------------------------------
# The applications


def enterprise_form(region: str, address: str, mailing: str | None = None) -> dict:
    return {
        "subject": {
            "type": "enterprise",
            "region": region,
            "name": "杭州示例科技有限公司",
            "document_number": uscc("91330106", "MA2B3C4D"),
            "document_address": address,
            "mailing_address": mailing or address,
        },
        "administrator": {"name": "李明", "id_number": resident_id("330106", "19850312", "123")},
        "websites": [{"name": "示例科技官网", "domains": ["example-tech.cn"], "pre_approval": []}],
    }


ZJ = "浙江省杭州市西湖区文三路100号"
HN = "湖南省长沙市岳麓区麓山南路100号"
SH = "上海市浦东新区世纪大道100号"
BJ = "北京市朝阳区建国路88号"

ENTERPRISE_FILES = [
    ("核验单.jpg", "statement"),
    ("营业执照.jpg", "licence"),
    ("身份证正面.jpg", "id_front"),
    ("身份证反面.jpg", "id_back"),
    ("幕布照片.jpg", "photo"),
]


def like_101(replace: dict | None = None, drop: tuple = ()) -> list:
    replace = replace or {}
    return [(name, replace.get(name, key)) for name, key in ENTERPRISE_FILES if name not in drop]


def applications() -> list:
    zhang = resident_id("110105", "19900307", "215")
    personal = {
        "subject": {
            "type": "individual",
            "region": "Beijing",
            "name": "张三",
            "document_number": zhang,
            "document_address": BJ,
            "mailing_address": BJ,
        },
        "administrator": {"name": "张三", "id_number": zhang},
        "websites": [{"name": "中国新闻在线", "domains": ["zhangsan-news.cn"], "pre_approval": []}],
    }
    return [
        ("APP-101-ready-enterprise", like_101(), enterprise_form("Zhejiang", ZJ)),
        ("APP-102-missing-statement", like_101(drop=("核验单.jpg",)), enterprise_form("Zhejiang", ZJ)),
        ("APP-103-wrong-format", [
            ("statement.bmp", "statement_bmp"),
            ("business_license.jpg", "licence"),
            ("idcard_front.jpg", "id_front"),
            ("idcard_back.jpg", "id_back"),
            ("backdrop_photo.jpg", "photo"),
        ], None),
        ("APP-104-too-small", like_101({"营业执照.jpg": "licence_small"}), enterprise_form("Zhejiang", ZJ)),
        ("APP-105-edited-photo", like_101({"幕布照片.jpg": "photo_edited"}), enterprise_form("Zhejiang", ZJ)),
        ("APP-106-hunan-no-domain-certificate", like_101(), enterprise_form("Hunan", HN)),
        ("APP-107-shanghai-no-photo", like_101(drop=("幕布照片.jpg",)), enterprise_form("Shanghai", SH)),
        ("APP-108-personal-bad-name", [
            ("身份证正面.jpg", "id_front"),
            ("身份证反面.jpg", "id_back"),
            ("核验单.jpg", "statement_personal"),
            ("幕布照片.jpg", "photo"),
        ], personal),
        ("APP-109-address-mismatch", like_101(),
         enterprise_form("Zhejiang", ZJ, mailing="江苏省南京市鼓楼区中山路1号")),
        ("APP-110-pinyin-names-no-form", [
            ("hyd.jpg", "statement"),
            ("yyzz.jpg", "licence"),
            ("sfz_zm.jpg", "id_front"),
            ("sfz_fm.jpg", "id_back"),
            ("mubu.jpg", "photo"),
        ], None),
        ("APP-111-greyscale-licence", like_101({"营业执照.jpg": "licence_grey"}), enterprise_form("Zhejiang", ZJ)),
        ("APP-112-one-id-side", like_101(drop=("身份证反面.jpg",)), enterprise_form("Zhejiang", ZJ)),
        ("APP-113-camera-names", [
            ("IMG_20261102_0931.jpg", "statement"),
            ("IMG_20261102_0932.jpg", "licence"),
            ("IMG_20261102_0933.jpg", "id_both"),
            ("IMG_20261102_0934.jpg", "photo"),
        ], enterprise_form("Zhejiang", ZJ)),
        ("APP-114-statement-without-seal", like_101({"核验单.jpg": "statement_personal"}), enterprise_form("Zhejiang", ZJ)),
    ]


def build_blobs(astronaut: Image) -> dict[str, bytes]:
    blobs: dict[str, bytes] = {}
    statement = make_statement(seal=True)
    blobs["statement"] = set_jfif_density(cjpeg(statement), DOC_DPI)
    blobs["statement_personal"] = set_jfif_density(cjpeg(make_statement(seal=False)), DOC_DPI)
    blobs["statement_bmp"] = bmp24(resize(statement, *BMP_SIZE))
    licence = make_licence()
    blobs["licence"] = set_jfif_density(cjpeg(licence), DOC_DPI)
    blobs["licence_small"] = set_jfif_density(cjpeg(resize(licence, 480, 339)), DOC_DPI)
    blobs["licence_grey"] = set_jfif_density(cjpeg(licence, grayscale=True), DOC_DPI)
    blobs["id_front"] = cjpeg(make_id_front(astronaut))
    blobs["id_back"] = cjpeg(make_id_back())
    blobs["id_both"] = set_jfif_density(cjpeg(make_id_both(astronaut)), DOC_DPI)
    photo_img = make_photo(astronaut)
    h, w = photo_img.shape[:2]
    photo = cjpeg(photo_img)
    blobs["photo"] = with_exif(photo, w, h)
    blobs["photo_edited"] = with_exif(photo, w, h, software="Adobe Photoshop 2024 (Windows)")
    for key, data in blobs.items():
        if not 12 * 1024 <= len(data) <= 1536 * 1024:
            raise RuntimeError(f"{key}: {len(data)} bytes is outside 12 KB..1.5 MB")
    return blobs

