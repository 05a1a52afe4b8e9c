"""The filing's own papers: 网站备案信息真实性核验单 (authenticity statement), 承诺书 (commitment
letter) and 域名注册证书 (domain certificate)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import canvas
from .canvas import Sheet
from .doc import Doc, cn_date, finish, ink, place_seal, sign
from .people import Person, Subject
from .style import Draw

ISPS = ("阿里云计算有限公司", "腾讯云计算（北京）有限责任公司", "北京百度网讯科技有限公司", "华为云计算技术有限公司",
        "中国电信股份有限公司浙江分公司", "北京新网数码信息技术有限公司")


@dataclass
class Filing:
    """Who files, for which site: the subject (a Subject, or None for an individual, who is then
    the responsible person), the responsible person, the site and the day the papers were signed."""
    subject: Subject | None
    person: Person
    site: str
    domain: str
    signed: dt.date
    isp: str
    phone: str

    @property
    def individual(self) -> bool:
        return self.subject is None

    @property
    def holder_name(self) -> str:
        return self.person.name if self.individual else self.subject.name

    @property
    def holder_number(self) -> str:
        return self.person.id_number if self.individual else self.subject.code

    @property
    def name_key(self) -> str:
        return "names.holder" if self.individual else "names.subject"

    @property
    def number_key(self) -> str:
        return "id_numbers" if self.individual else "credit_codes"


def filing(rng, subject: Subject | None, person: Person, site: str, domain: str) -> Filing:
    signed = dt.date(2024, 1, 1) + dt.timedelta(days=int(rng.integers(0, 1040)))
    phone = "1" + str(int(rng.choice([3, 5, 7, 8, 9]))) + "".join(str(int(v)) for v in rng.integers(0, 10, 9))
    return Filing(subject, person, site, domain, signed, ISPS[int(rng.integers(0, len(ISPS)))], phone)


def _a4(rng, d: Draw, W: int, landscape: bool = False):
    mm = W / (297 if landscape else 210)
    H = int(round(W * (210 / 297 if landscape else 297 / 210)))
    tone = d.pick(d.s.paper_tones)
    return mm, H, Sheet.from_array(canvas.paper(rng, W, H, tone, 2.0))


# ---------------------------------------------------------------------------------------------


def statement(rng, d: Draw, W: int, f: Filing) -> Doc:
    mm, H, sh = _a4(rng, d, W)
    black = ink(rng)
    k = d.scale
    ts = d.u(6.5, 8.0) * mm * k
    tf = d.f(d.title, ts)
    ty = d.u(22, 30) * mm
    tb = sh.centred(W / 2, ty, "网站备案信息真实性核验单", tf, black, spacing=ts * d.u(0.02, 0.15), stroke=d.stroke(d.title, ts * 2))
    sh.add("title", "authenticity_statement", tb, ts)
    ss = d.u(3.2, 3.8) * mm * k
    sf = d.f(d.label, ss)
    x0 = W * d.margin * 0.9
    x1 = W - x0
    y = ty + d.u(9, 14) * mm
    sh.text(x0, y, f"接入服务单位：{f.isp}", sf, black)
    if rng.random() < 0.5:
        sh.text(x1 - sf.getlength("备案类型：首次备案"), y, "备案类型：首次备案", sf, black)
    y += ss * 1.2
    vs = d.u(3.8, 4.4) * mm * k
    vf, lf = d.f(d.body, vs), d.f(d.label, vs)
    p = f.person
    values = {
        "主办单位名称": f.holder_name,
        "主办单位性质": "个人" if f.individual else {"company": "企业", "shop": "个体工商户", "institution": "事业单位"}[f.subject.kind],
        "主办单位证件类型": "居民身份证" if f.individual else "统一社会信用代码证书" if f.subject.kind == "institution" else "营业执照（统一社会信用代码）",
        "主办单位证件号码": f.holder_number,
        "主办单位通信地址": p.address if f.individual else f.subject.address,
        "网站负责人姓名": p.name,
        "网站负责人证件类型": "居民身份证",
        "网站负责人证件号码": p.id_number,
        "网站负责人手机号码": f.phone,
        "网站名称": f.site,
        "网站域名": f.domain,
        "网站首页网址": "www." + f.domain,
        "接入服务单位": f.isp,
    }
    order = d.pick(d.s.statement_orders)
    lw = max(lf.getlength(key) for key in order) + d.u(4, 8) * mm
    row_h = vs * d.u(2.3, 2.9)
    grey = tuple(v * 1.6 for v in black)
    rule = max(1, int(mm * 0.25))
    sh.line([(x0, y), (x1, y)], grey, rule)
    y_top = y
    vx = x0 + lw + d.u(2, 4) * mm
    lx = x0 + d.u(1.5, 3) * mm
    for key in order:
        v = values[key]
        avail = x1 - vx - 2 * mm
        read = {"主办单位名称": f.name_key, "主办单位证件号码": f.number_key, "网站负责人证件号码": "id_numbers"}.get(key)
        lines = 2 if vf.getlength(v) > avail and not read else 1
        h = row_h + (lines - 1) * vs * 1.4
        base = y + (row_h + vs * 0.7) / 2
        sh.text(lx, base, key, lf, black)
        if lines == 1:
            f_ = vf if vf.getlength(v) <= avail else d.f(d.body, vs * avail / vf.getlength(v) * 0.98)
            b = sh.text(vx, base, v, f_, black)
            if read:
                sh.add(read, v, b, f_.size)
        else:
            sh.wrap(vx, base, v, vf, black, avail, vs * 1.4)
        y += h
        sh.line([(x0, y), (x1, y)], grey, rule)
    sh.line([(x0, y_top), (x0, y)], grey, rule)
    sh.line([(x1, y_top), (x1, y)], grey, rule)
    sh.line([(x0 + lw, y_top), (x0 + lw, y)], grey, rule)
    # the promise, the signatures, the date
    y += d.u(8, 12) * mm
    ps = d.u(3.3, 3.8) * mm * k
    pf = d.f(d.body, ps)
    who = "本人" if f.individual else "本单位"
    text = (f"{who}承诺：所提交的网站备案信息及证件材料真实、有效、完整，网站负责人已按要求完成当面核验（幕布拍照），"
            f"网站开通后遵守国家有关法律法规，不从事违法违规活动。如有虚假，{who}愿承担由此产生的一切法律责任。")
    sh.text(x0, y, "网站主办者承诺", d.f(d.label, ps * 1.1), black)
    y, _ = sh.wrap(x0, y + ps * 1.9, text, pf, black, x1 - x0, ps * 1.65, indent=ps * 2)
    y += d.u(10, 16) * mm
    sx = W * d.u(0.5, 0.56)
    signer = "网站负责人（签字）：" if f.individual else "主办单位（盖章）："
    sh.text(sx, y, signer, pf, black)
    y2 = y + ps * 3.2
    if not f.individual:
        sh.text(sx, y2, "网站负责人（签字）：", pf, black)
    ydate = (y2 if not f.individual else y) + ps * 3.2
    db = sh.text(sx, ydate, "日期：" + cn_date(f.signed, pad=rng.random() < 0.5), pf, black)
    sh.add("signed_on", f.signed.isoformat(), db, pf.size)
    arr = sh.array()
    sig_y = y2 if not f.individual else y
    sign(arr, rng, sx + pf.getlength("网站负责人（签字）：") + 2 * mm, sig_y - ps * 0.4, d.u(22, 34) * mm, ps * 1.6,
         rng.random() < 0.4)
    if not f.individual:
        place_seal(sh, arr, rng, d, f.subject.name, d.pick(("", "", "业务专用章")), int(d.u(18, 21) * mm),
                   sx + d.u(20, 35) * mm, y - ps * d.u(0, 1.5))
    doc = finish(sh, arr, "statement", "authenticity_statement")
    doc.em = vs
    doc.notes.append(f"authenticity statement for {'an individual' if f.individual else f.subject.kind}, fonts {d.title}/{d.body}")
    return doc


# ---------------------------------------------------------------------------------------------

PROMISES = (
    "所提交的备案信息及证件材料真实、准确、完整，无虚假内容；",
    "严格遵守《互联网信息服务管理办法》《非经营性互联网信息服务备案管理办法》等法律法规，不利用网站从事违法违规活动；",
    "网站内容与备案信息一致，备案信息发生变化时，在三十日内办理变更手续；",
    "落实网络信息安全管理制度和技术保障措施，配合有关部门依法开展的监督检查；",
    "如违反上述承诺，愿意承担由此产生的一切法律责任。",
)
NUMERALS = "一二三四五六"


def commitment(rng, d: Draw, W: int, f: Filing, province: str) -> Doc:
    mm, H, sh = _a4(rng, d, W)
    black = ink(rng)
    k = d.scale
    title = d.pick(("承诺书", "网站备案承诺书", "承诺书"))
    ts = d.u(8, 10) * mm * k
    tf = d.f(d.title, ts)
    ty = d.u(30, 40) * mm
    tb = sh.centred(W / 2, ty, title, tf, black, spacing=ts * (d.u(0.4, 0.9) if len(title) == 3 else d.u(0.05, 0.25)),
                    stroke=d.stroke(d.title, ts * 1.5))
    sh.add("title", "commitment_letter", tb, ts)
    ps = d.u(4.0, 4.6) * mm * k
    pf = d.f(d.body, ps)
    lead = ps * d.u(1.7, 2.0)
    x0 = W * d.margin
    x1 = W - x0
    y = ty + d.u(16, 22) * mm
    if rng.random() < 0.7:
        sh.text(x0, y, f"{province}通信管理局：", pf, black)
        y += lead * 1.2
    if f.individual:
        opening = (f"本人{f.person.name}（居民身份证号码：{f.person.id_number}）作为网站“{f.site}”（域名：{f.domain}）的主办者，"
                   "现就网站备案事宜郑重承诺如下：")
        keep = (f.person.name, f.person.id_number)
    else:
        opening = (f"本单位{f.subject.name}（统一社会信用代码：{f.subject.code}）作为网站“{f.site}”（域名：{f.domain}）的主办单位，"
                   "现就网站备案事宜郑重承诺如下：")
        keep = (f.subject.name, f.subject.code)
    y, found = sh.wrap(x0, y, opening, pf, black, x1 - x0, lead, keep=keep, indent=ps * 2)
    for token, boxes in found.items():
        key = (f.name_key if token == f.holder_name else f.number_key)
        for b in boxes:
            sh.add(key, token, b, ps)
    y += lead * 0.3
    n = int(rng.integers(3, 6))
    picks = sorted(rng.choice(len(PROMISES) - 1, n - 1, replace=False)) + [len(PROMISES) - 1]
    for i, j in enumerate(picks):
        y, _ = sh.wrap(x0, y, f"{NUMERALS[i]}、{PROMISES[j]}", pf, black, x1 - x0, lead, indent=ps * 2)
    y, _ = sh.wrap(x0, y + lead * 0.3, "特此承诺。", pf, black, x1 - x0, lead, indent=ps * 2)
    y += d.u(18, 28) * mm
    sx = W * d.u(0.45, 0.52)
    if f.individual:
        sh.text(sx, y, "承诺人（签字）：", pf, black)
        sig_x, sig_y = sx + pf.getlength("承诺人（签字）："), y
    else:
        b = sh.text(sx, y, "承诺单位（盖章）：", pf, black)
        nf = pf if b[2] + pf.getlength(f.subject.name) < x1 + 10 * mm else d.f(d.body, ps * 0.8)
        nb = sh.text(b[2] + ps * 0.3, y, f.subject.name, nf, black)
        sh.add(f.name_key, f.subject.name, nb, nf.size)
        y += lead * 1.6
        sh.text(sx, y, "法定代表人（签字）：", pf, black)
        sig_x, sig_y = sx + pf.getlength("法定代表人（签字）："), y
    y += lead * 1.6
    db = sh.text(sx, y, cn_date(f.signed, pad=rng.random() < 0.5), pf, black)
    sh.add("signed_on", f.signed.isoformat(), db, pf.size)
    arr = sh.array()
    sign(arr, rng, sig_x + 2 * mm, sig_y - ps * 0.4, d.u(22, 32) * mm, ps * 1.6, rng.random() < 0.4)
    if not f.individual:
        place_seal(sh, arr, rng, d, f.subject.name, "", int(d.u(18, 21) * mm), sx + d.u(25, 45) * mm, sig_y - lead)
    doc = finish(sh, arr, "commitment", "authenticity_statement")
    doc.em = ps
    doc.notes.append(f"commitment letter '{title}' for {'an individual' if f.individual else f.subject.kind}, fonts {d.title}/{d.body}")
    return doc


# ---------------------------------------------------------------------------------------------


def domain_certificate(rng, d: Draw, W: int, holder: str, individual: bool, domain: str, start: dt.date,
                       until: dt.date, registrar: str, landscape: bool) -> Doc:
    mm = W / (297 if landscape else 210)
    H = int(round(W * (210 / 297 if landscape else 297 / 210)))
    tone = d.pick(d.s.paper_tones)
    tint = d.pick(((215, 228, 240), (240, 230, 205), (225, 235, 225)))
    bg = canvas.guilloche(rng, W, H, tone, tint, (150, 170, 200), d.u(6, 14), mm * d.u(1.5, 3))
    sh = Sheet.from_array(bg)
    colour = d.pick(((40, 80, 140), (150, 110, 50), (140, 50, 50)))
    inset, band = d.u(6, 10) * mm, d.u(4, 6) * mm
    canvas.ornament_border(sh, rng, inset, band, colour, int(rng.integers(0, 3)))
    black = ink(rng)
    k = d.scale
    inner = inset + band
    rs = d.u(3.2, 3.8) * mm
    sh.text(inner + 8 * mm, inner + 8 * mm + rs, registrar, d.f(d.label, rs), colour)
    ts = d.u(10, 13) * mm * k
    tf = d.f(d.title, ts)
    ty = inner + d.u(24, 32) * mm + ts * 0.5
    tb = sh.centred(W / 2, ty, "域名注册证书", tf, colour if rng.random() < 0.5 else black, spacing=ts * d.u(0.15, 0.45),
                    stroke=d.stroke(d.title, ts))
    sh.add("title", "domain_certificate", tb, ts)
    es = ts * 0.32
    sh.centred(W / 2, ty + es * 2.2, "Domain Name Registration Certificate", d.f(d.pick(("serif", "serif_bold", "sans")), es), black)
    vs = d.u(4.2, 5.0) * mm * k * (1 if landscape else 1.15)
    vf, lf = d.f(d.body, vs), d.f(d.label, vs)
    ef = d.f("sans", vs * 0.62)
    x0 = W * (d.u(0.14, 0.2) if landscape else d.margin * 1.15)
    y = ty + es * 2.2 + d.u(14, 20) * mm + (0 if landscape else d.u(15, 30) * mm)
    intro = "兹证明下列域名已在本注册服务机构注册，注册信息以中国互联网络信息中心域名数据库记录为准。"
    y, _ = sh.wrap(x0, y, intro, d.f(d.body, vs * 0.85), black, W - 2 * x0, vs * 1.5, indent=vs * 1.7)
    y += vs * 1.2
    fmt = d.pick(("cn", "iso", "iso_time"))
    def ds(day):
        if fmt == "cn":
            return cn_date(day)
        t = f" {int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}:{int(rng.integers(0, 60)):02d}" if fmt == "iso_time" else ""
        return day.isoformat() + t
    owner_label = d.pick(("注册所有人", "域名持有者", "注册者"))
    rows = [("域名", "Domain Name", domain), (owner_label, "Registrant", holder),
            ("注册日期", "Registration Date", ds(start)), ("到期日期", "Expiration Date", ds(until)),
            ("注册服务机构", "Registrar", registrar)]
    lw = max(lf.getlength(r[0] + "：") for r in rows)
    pitch = vs * d.leading * (1.2 if landscape else 1.6)
    vx = x0 + lw + d.u(4, 8) * mm
    for zh, en, v in rows:
        sh.text(x0, y, zh + "：", lf, black)
        sh.text(x0, y + vs * 0.85, en, ef, black)
        f_ = vf if vf.getlength(v) < W - vx - inner - 8 * mm else d.f(d.body, vs * 0.8)
        b = sh.text(vx, y, v, f_, black)
        if zh == owner_label:
            sh.add("names.holder" if individual else "names.subject", holder, b, f_.size)
        elif zh == "注册日期":
            sh.add("valid_from", start.isoformat(), b, vs)
        elif zh == "到期日期":
            sh.add("valid_until", until.isoformat(), b, vs)
        y += pitch
    arr = sh.array()
    sy = H - inner - d.u(28, 36) * mm
    sx = W - inner - d.u(50, 70) * mm
    issued = start + dt.timedelta(days=int(rng.integers(0, 30)))
    sh.text(sx, sy + 14 * mm, f"证书日期：{cn_date(issued)}", d.f(d.label, vs * 0.8), black)
    arr = sh.array()
    place_seal(sh, arr, rng, d, registrar, d.pick(("域名注册专用章", "", "证书专用章")), int(d.u(17, 21) * mm),
               sx + 20 * mm, sy, oval=rng.random() < 0.15)
    doc = finish(sh, arr, "domain", "domain_certificate")
    doc.em = vs
    doc.notes.append(f"{'landscape' if landscape else 'portrait'} domain certificate for {domain}, fonts {d.title}/{d.body}")
    return doc
