"""Fonts and layout parameters per split. The tune split draws from one pool, the holdout split
from a partly different one (fonts tune never uses, other paddings, leadings and field orders),
so a reader tuned on one can be measured on the other."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PIL import ImageFont

WQY = "/usr/share/fonts/truetype/wqy/"
ARPHIC = "/usr/share/fonts/truetype/arphic/"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"

FONTS = {
    # name: (file, index in the collection, stroke per 100 px: fake bold for the light faces)
    "microhei": (WQY + "wqy-microhei.ttc", 0),
    "microhei_mono": (WQY + "wqy-microhei.ttc", 1),
    "zenhei": (WQY + "wqy-zenhei.ttc", 0),
    "zenhei_sharp": (WQY + "wqy-zenhei.ttc", 2),
    "zenhei_mono": (WQY + "wqy-zenhei.ttc", 1),
    "uming": (ARPHIC + "uming.ttc", 0),
    "ukai": (ARPHIC + "ukai.ttc", 0),
    "sans": (DEJAVU + "DejaVuSans.ttf", 0),
    "sans_bold": (DEJAVU + "DejaVuSans-Bold.ttf", 0),
    "mono": (DEJAVU + "DejaVuSansMono.ttf", 0),
    "mono_bold": (DEJAVU + "DejaVuSansMono-Bold.ttf", 0),
    "serif": (DEJAVU + "DejaVuSerif.ttf", 0),
    "serif_bold": (DEJAVU + "DejaVuSerif-Bold.ttf", 0),
}

# Faces that are thin at large sizes and get a stroke when used for titles.
LIGHT = {"uming", "ukai"}


@functools.lru_cache(maxsize=512)
def _load(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(4, int(size)), index=index)


def font(name: str, size: float) -> ImageFont.FreeTypeFont:
    path, index = FONTS[name]
    return _load(path, index, int(round(size)))


def load_path(path: str, index: int, size: float):
    return _load(path, index, int(round(size)))


@dataclass(frozen=True)
class SplitStyle:
    name: str
    seed: int
    body: tuple            # CJK faces for field values and paragraphs
    label: tuple           # CJK faces for field labels
    title: tuple           # CJK faces for titles
    seal: tuple            # CJK faces for seal text
    id_number: tuple       # faces for the ID card number
    code: tuple            # faces for credit codes printed on licences
    leading: tuple         # line pitch / font size for fields
    margin: tuple          # side margin as a share of the page width
    font_scale: tuple      # multiplies the nominal text sizes
    licence_orders: tuple  # field orders of the licence
    statement_orders: tuple
    colon: float           # chance that labels end in '：'
    card_tints: tuple      # (top-left, bottom-right) card stock colours
    licence_border: tuple  # ornament colours
    paper_tones: tuple


LICENCE_A = ("名称", "类型", "法定代表人", "经营范围", "注册资本", "成立日期", "营业期限", "住所")
LICENCE_B = ("名称", "类型", "住所", "法定代表人", "注册资本", "成立日期", "营业期限", "经营范围")
LICENCE_C = ("名称", "类型", "法定代表人", "注册资本", "成立日期", "营业期限", "住所", "经营范围")
LICENCE_D = ("名称", "住所", "类型", "法定代表人", "成立日期", "营业期限", "注册资本", "经营范围")

STATEMENT_A = ("主办单位名称", "主办单位性质", "主办单位证件类型", "主办单位证件号码", "主办单位通信地址",
               "网站负责人姓名", "网站负责人证件类型", "网站负责人证件号码", "网站名称", "网站域名")
STATEMENT_B = ("主办单位名称", "主办单位证件类型", "主办单位证件号码", "网站负责人姓名", "网站负责人证件号码",
               "网站名称", "网站域名", "接入服务单位")
STATEMENT_C = ("网站名称", "网站域名", "主办单位名称", "主办单位证件号码", "主办单位通信地址",
               "网站负责人姓名", "网站负责人证件号码", "网站负责人手机号码")
STATEMENT_D = ("主办单位名称", "主办单位证件号码", "主办单位性质", "网站负责人姓名", "网站负责人证件类型",
               "网站负责人证件号码", "网站名称", "网站域名", "网站首页网址")

SPLITS = {
    "tune": SplitStyle(
        name="tune", seed=1000,
        body=("microhei", "uming", "microhei"), label=("microhei", "uming"), title=("uming", "microhei"),
        seal=("uming", "microhei"), id_number=("mono_bold", "mono_bold", "mono"), code=("microhei", "sans", "uming"),
        leading=(1.9, 2.3), margin=(0.11, 0.14), font_scale=(0.95, 1.1),
        licence_orders=(LICENCE_A, LICENCE_B), statement_orders=(STATEMENT_A, STATEMENT_B),
        colon=0.3,
        card_tints=(((205, 222, 232), (236, 236, 222)), ((214, 226, 236), (238, 232, 218))),
        licence_border=((150, 110, 60), (170, 70, 55), (120, 100, 70)),
        paper_tones=((251, 250, 246), (250, 247, 238), (246, 246, 244)),
    ),
    "holdout": SplitStyle(
        name="holdout", seed=2000,
        body=("zenhei", "ukai", "microhei"), label=("zenhei", "ukai", "uming"), title=("zenhei_sharp", "ukai", "uming"),
        seal=("ukai", "zenhei"), id_number=("mono_bold", "zenhei_mono", "mono"), code=("zenhei", "sans_bold", "ukai"),
        leading=(1.6, 1.9), margin=(0.08, 0.11), font_scale=(0.9, 1.2),
        licence_orders=(LICENCE_C, LICENCE_D, LICENCE_A), statement_orders=(STATEMENT_C, STATEMENT_D),
        colon=0.6,
        card_tints=(((200, 218, 226), (240, 238, 226)), ((218, 228, 238), (232, 236, 228))),
        licence_border=((140, 95, 50), (185, 60, 50), (95, 110, 85)),
        paper_tones=((252, 251, 248), (248, 244, 232), (244, 245, 246)),
    ),
}


class Draw:
    """The per-item draws of a style: picks from the split's pools with the item's generator."""

    def __init__(self, split: SplitStyle, rng):
        self.s = split
        self.r = rng
        self.body = self.pick(split.body)
        self.label = self.pick(split.label) if rng.random() < 0.6 else self.body
        self.title = self.pick(split.title)
        self.scale = self.u(*split.font_scale)
        self.leading = self.u(*split.leading)
        self.margin = self.u(*split.margin)
        self.colon = rng.random() < split.colon

    def pick(self, seq):
        return seq[int(self.r.integers(0, len(seq)))]

    def u(self, a, b) -> float:
        return float(self.r.uniform(a, b))

    def f(self, name: str, size: float):
        return font(name, size)

    def stroke(self, name: str, size: float) -> int:
        """Fake bold for the light faces at title sizes."""
        return max(0, int(round(size / 45))) if name in LIGHT else 0
