"""营业执照: the business licence, portrait (the 副本 of 2016) or landscape (the 2019 layout)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import canvas
from .canvas import Sheet
from .doc import Doc, add_validity, cn_date, finish, ink, place_seal
from .people import Subject
from .style import Draw

CAPITALS = ("壹佰万元整", "伍佰万元整", "壹仟万元整", "贰佰万元整", "叁拾万元整", "伍拾万元整", "叁佰万元整",
            "100万元人民币", "500万元人民币", "1000万元人民币", "50万元人民币")
COMPANY_TYPES = ("有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "其他有限责任公司",
                 "股份有限公司（非上市、自然人投资或控股）", "有限责任公司（非自然人投资或控股的法人独资）")


@dataclass
class LicenceContent:
    subject: Subject
    legal: str                 # 法定代表人 / 经营者
    start: dt.date             # 成立日期 = start of 营业期限
    until: dt.date | None      # None: 长期
    issued: dt.date
    capital: str
    type_text: str
    authority: str


def content(rng, subject: Subject, legal: str, start: dt.date, until: dt.date | None) -> LicenceContent:
    r = subject.region
    authority = f"{r.city}{r.district}市场监督管理局" if rng.random() < 0.7 else f"{r.city}市场监督管理局"
    issued = start + dt.timedelta(days=int(rng.integers(0, max(1, min(3000, (dt.date(2026, 10, 1) - start).days)))))
    if subject.kind == "shop":
        return LicenceContent(subject, legal, start, until, issued, "", "个体工商户", authority)
    return LicenceContent(subject, legal, start, until, issued, CAPITALS[int(rng.integers(0, len(CAPITALS)))],
                          COMPANY_TYPES[int(rng.integers(0, len(COMPANY_TYPES)))], authority)


LEFT = {"名称", "类型", "法定代表人", "经营者", "经营范围", "组成形式"}


def render(rng, d: Draw, W: int, c: LicenceContent, landscape: bool) -> Doc:
    mm = W / (297 if landscape else 210)
    H = int(round(W * (210 / 297 if landscape else 297 / 210)))
    tone = d.pick(d.s.paper_tones)
    base = canvas.paper(rng, W, H, tone, 2.5)
    if rng.random() < 0.6:  # faint security print in the middle
        g = canvas.guilloche(rng, W, H, tone, tone, (200, 170, 120), d.u(4, 10), mm * d.u(1.2, 2.5))
        base = g
    sh = Sheet.from_array(base)
    border = d.pick(d.s.licence_border)
    inset, band = d.u(5, 9) * mm, d.u(4.5, 7) * mm
    canvas.ornament_border(sh, rng, inset, band, border, int(rng.integers(0, 3)))
    black = ink(rng)
    inner = inset + band
    k = d.scale

    # emblem and title
    er = d.u(8.5, 11) * mm
    ey = inner + d.u(5, 8) * mm + er
    canvas.emblem(sh, W / 2, ey, er)
    ts = d.u(13, 16) * mm * min(k, 1.05)
    tf = d.f(d.title, ts)
    ty = ey + er + d.u(4, 7) * mm + ts * 0.85
    box = sh.centred(W / 2, ty, "营业执照", tf, black, spacing=ts * d.u(0.25, 0.7), stroke=d.stroke(d.title, ts))
    sh.add("title", "business_licence", box, ts)
    y_sub = ty
    if rng.random() < 0.6:
        ss = d.u(4.5, 6) * mm
        y_sub = ty + ss * 1.9
        sh.centred(W / 2, y_sub, d.pick(("（副　本）", "（副本）", "（正　本）")), d.f(d.label, ss), black)

    # credit code, top left
    ls = d.u(3.3, 4.0) * mm * k
    lf = d.f(d.label, ls)
    code_face = d.pick(d.s.code)
    cs = d.u(4.2, 5.0) * mm * k
    cf = d.f(code_face, cs if code_face not in ("sans", "sans_bold") else cs * 0.92)
    x0 = inner + d.u(6, 12) * mm
    y0 = inner + d.u(6, 10) * mm + ls
    same_line = landscape and rng.random() < 0.5
    lb = sh.text(x0, y0, "统一社会信用代码", lf, black)
    if same_line:
        cb = sh.text(lb[2] + ls * 0.8, y0, c.subject.code, cf, black, spacing=cs * 0.04)
    else:
        cb = sh.text(x0, y0 + cs * 1.55, c.subject.code, cf, black, spacing=cs * 0.04)
    sh.add("credit_codes", c.subject.code, cb, cs)
    if rng.random() < 0.5:
        num = "".join(str(int(v)) for v in rng.integers(0, 10, 14))
        sh.text(x0, cb[3] + ls * 1.6, f"证照编号：{num}", d.f(d.label, ls * 0.85), black)

    # QR block
    qs = d.u(20, 27) * mm
    qr_top = rng.random() < 0.7
    if qr_top:
        canvas.qr_block(sh, rng, W - inner - d.u(8, 14) * mm - qs, inner + d.u(5, 9) * mm, qs)

    # fields
    order = list(d.pick(d.s.licence_orders))
    shop = c.subject.kind == "shop"
    values = {"名称": c.subject.name, "类型": c.type_text, "法定代表人": c.legal, "经营范围": "；".join(c.subject.scope) + "。",
              "注册资本": c.capital, "成立日期": cn_date(c.start),
              "营业期限": f"{cn_date(c.start)}至{cn_date(c.until) if c.until else '长期'}", "住所": c.subject.address}
    if shop:
        order = [("经营者" if key == "法定代表人" else "经营场所" if key == "住所" else key) for key in order if key != "注册资本"]
        order.insert(order.index("类型") + 1, "组成形式")
        values.update({"经营者": c.legal, "经营场所": c.subject.address, "组成形式": "个人经营"})
        values["经营范围"] = "一般项目：" + "；".join(c.subject.scope) + "。"
    vs = d.u(4.1, 4.9) * mm * k
    vf = d.f(d.body, vs)
    lf2 = d.f(d.label, vs)
    lw = lf2.getlength("法定代表人") if not shop else lf2.getlength("组成形式")
    colon = "：" if d.colon else ""
    pitch = vs * d.leading * 1.05
    top = max(y_sub, cb[3]) + d.u(10, 16) * mm
    if qr_top:
        top = max(top, inner + qs + d.u(10, 15) * mm)
    right_edge = W - inner - d.u(8, 14) * mm
    gap = d.u(3, 6) * mm

    def row(x, y, key, width):
        sh.justified(x, y, key, lf2, black, lw)
        if colon:
            sh.text(x + lw, y, colon, lf2, black)
        vx = x + lw + lf2.getlength(colon) + gap
        v = values[key]
        avail = width - (vx - x)
        if key in ("经营范围",):
            y2, _ = sh.wrap(vx, y, v, vf, black, avail, vs * d.u(1.45, 1.65), limit=5)
            return y2 - vs * 1.5 + pitch
        if key in ("住所", "经营场所", "类型"):
            y2, _ = sh.wrap(vx, y, v, vf, black, avail, vs * 1.5, limit=2)
            return y2 - vs * 1.5 + pitch
        f = vf
        if f.getlength(v) > avail:  # shrink a long name or period to fit on one line
            f = d.f(d.body, vs * avail / f.getlength(v) * 0.98)
        b = sh.text(vx, y, v, f, black)
        if key == "名称":
            sh.add("names.subject", v, b, f.size)
        elif key == "营业期限":
            add_validity(sh, b, f.size, c.start, c.until)
        return y + pitch

    if landscape:
        xl = max(inner + d.u(10, 16) * mm, W * d.margin * 0.6)
        xr = W * d.u(0.5, 0.54)
        yl = yr = top
        for key in order:
            if key in LEFT:
                yl = row(xl, yl, key, xr - xl - 8 * mm)
            else:
                yr = row(xr, yr, key, right_edge - xr)
        y_end = max(yl, yr)
    else:
        x = max(inner + d.u(10, 16) * mm, W * d.margin)
        y = top
        for key in order:
            y = row(x, y, key, right_edge - x)
        y_end = y

    # issuing authority, date, seal
    as_ = vs * d.u(0.95, 1.1)
    af = d.f(d.label, as_)
    ax = W * (d.u(0.62, 0.7) if landscape else d.u(0.52, 0.6))
    ay = max(y_end + 6 * mm, H - inner - d.u(26, 34) * mm)
    sh.text(ax, ay, "登记机关", af, black, spacing=as_ * 0.2)
    dbox = sh.text(ax + as_ * 0.5, ay + as_ * 2.3, cn_date(c.issued), af, black)
    if not qr_top:
        canvas.qr_block(sh, rng, inner + d.u(10, 16) * mm, ay - qs * 0.6, qs)
    ns = d.u(2.5, 3.0) * mm
    sh.centred(W / 2, H - inner - 3 * mm, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", d.f(d.label, ns), black)
    if rng.random() < 0.6:
        sh.centred(W / 2, H - inner - 3 * mm - ns * 1.8, "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
                   d.f(d.label, ns), black)
    arr = sh.array()
    r = int(d.u(19, 22) * mm)
    place_seal(sh, arr, rng, d, c.authority, d.pick(("", "", "登记专用章")), r, (ax + dbox[2]) / 2 + d.u(-4, 6) * mm,
               ay + d.u(-4, 4) * mm)
    doc = finish(sh, arr, "licence", "subject_certificate")
    doc.em = vs
    doc.notes.append(("landscape" if landscape else "portrait") + f" business licence ({'个体工商户' if shop else c.type_text})"
                     + f", fonts {d.title}/{d.body}/{code_face}")
    return doc
