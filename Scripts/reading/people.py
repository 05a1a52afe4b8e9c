"""Who and where: regions with their codes, personal names, company names, addresses, registration
authorities, and validity periods relative to the reference date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import numbers

TODAY = dt.date(2026, 12, 6)   # the date the checks measure expiry against
SOON = 90                      # "expires soon": within this many days after TODAY


@dataclass(frozen=True)
class Region:
    code: str        # 6-digit administrative division code
    province: str    # 浙江省 ('' for the municipalities)
    city: str        # 杭州市
    district: str    # 西湖区
    pinyin: str      # for the application's region field
    province_en: str
    streets: tuple


REGIONS = (
    Region("330106", "浙江省", "杭州市", "西湖区", "hangzhou", "Zhejiang", ("文三路", "古墩路", "天目山路", "教工路", "学院路")),
    Region("330102", "浙江省", "杭州市", "上城区", "hangzhou", "Zhejiang", ("解放路", "清泰街", "望江路", "秋涛路")),
    Region("330108", "浙江省", "杭州市", "滨江区", "hangzhou", "Zhejiang", ("江南大道", "网商路", "长河路", "滨盛路")),
    Region("330110", "浙江省", "杭州市", "余杭区", "hangzhou", "Zhejiang", ("文一西路", "五常大道", "良睦路")),
    Region("330205", "浙江省", "宁波市", "江北区", "ningbo", "Zhejiang", ("人民路", "大庆南路", "槐树路")),
    Region("110105", "", "北京市", "朝阳区", "beijing", "Beijing", ("建国路", "朝阳北路", "望京街", "酒仙桥路")),
    Region("110108", "", "北京市", "海淀区", "beijing", "Beijing", ("中关村大街", "学院路", "上地十街", "知春路")),
    Region("110101", "", "北京市", "东城区", "beijing", "Beijing", ("东四北大街", "和平里东街", "东直门内大街")),
    Region("440305", "广东省", "深圳市", "南山区", "shenzhen", "Guangdong", ("科技园路", "南海大道", "后海大道", "深南大道")),
    Region("440304", "广东省", "深圳市", "福田区", "shenzhen", "Guangdong", ("福华路", "益田路", "深南中路")),
    Region("440106", "广东省", "广州市", "天河区", "guangzhou", "Guangdong", ("天河路", "体育西路", "黄埔大道")),
    Region("320102", "江苏省", "南京市", "玄武区", "nanjing", "Jiangsu", ("中山路", "珠江路", "北京东路")),
    Region("320506", "江苏省", "苏州市", "吴中区", "suzhou", "Jiangsu", ("东吴北路", "宝带东路", "吴中大道")),
    Region("310104", "", "上海市", "徐汇区", "shanghai", "Shanghai", ("漕溪北路", "宜山路", "虹漕路", "田林路")),
    Region("310115", "", "上海市", "浦东新区", "shanghai", "Shanghai", ("张江路", "世纪大道", "碧波路", "陆家嘴环路")),
    Region("510107", "四川省", "成都市", "武侯区", "chengdu", "Sichuan", ("科华北路", "一环路南四段", "武侯祠大街")),
    Region("420106", "湖北省", "武汉市", "武昌区", "wuhan", "Hubei", ("中北路", "武珞路", "友谊大道")),
    Region("370102", "山东省", "济南市", "历下区", "jinan", "Shandong", ("经十路", "泉城路", "解放路")),
    Region("350203", "福建省", "厦门市", "思明区", "xiamen", "Fujian", ("湖滨南路", "厦禾路", "鹭江道")),
    Region("430104", "湖南省", "长沙市", "岳麓区", "changsha", "Hunan", ("麓山南路", "枫林三路", "银盆南路")),
)

SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
            "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
            "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈",
            "任", "姚", "卢", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾", "夏",
            "欧阳", "司马", "诸葛")
GIVEN_M = ("伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
           "建国", "志强", "俊杰", "浩然", "子轩", "宇航", "文博", "家豪", "晓东", "国栋", "振华", "立新",
           "海峰", "永刚", "天佑", "思远", "明哲", "一鸣")
GIVEN_F = ("芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "萍", "红", "洁",
           "秀英", "桂兰", "晓燕", "丽娟", "雨涵", "欣怡", "梦琪", "诗雨", "佳怡", "婉清", "慧敏", "春梅",
           "思彤", "若曦", "亚楠", "美玲")
ETHNIC = ("汉",) * 14 + ("回", "满", "壮", "蒙古", "土家", "苗")

# Trade names with a romanisation for domains and website names.
TRADE = (("云栖", "yunqi"), ("星河", "xinghe"), ("蓝海", "lanhai"), ("远景", "yuanjing"), ("启明", "qiming"),
         ("华创", "huachuang"), ("智联", "zhilian"), ("博雅", "boya"), ("青禾", "qinghe"), ("万象", "wanxiang"),
         ("晨曦", "chenxi"), ("锐思", "ruisi"), ("嘉禾", "jiahe"), ("天衡", "tianheng"), ("易达", "yida"),
         ("鸿图", "hongtu"), ("飞鱼", "feiyu"), ("木棉", "mumian"), ("恒信", "hengxin"), ("乐途", "letu"),
         ("极光", "jiguang"), ("云帆", "yunfan"), ("知行", "zhixing"), ("山海", "shanhai"), ("新禾", "xinhe"),
         ("墨言", "moyan"), ("拓维", "tuowei"), ("安澜", "anlan"), ("聚力", "juli"), ("优品", "youpin"))
TRADE_EXTRA = ("数智", "未来", "众合", "同创", "海纳", "宏远")
INDUSTRY = (("网络科技", "经营范围网络"), ("信息技术", "经营范围信息"), ("电子商务", "经营范围电商"),
            ("文化传媒", "经营范围文化"), ("软件开发", "经营范围软件"), ("数据服务", "经营范围数据"),
            ("教育科技", "经营范围教育"), ("智能科技", "经营范围智能"), ("贸易", "经营范围贸易"))
SCOPES = {
    "经营范围网络": ["技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "网络技术服务；互联网数据服务", "软件开发；信息系统集成服务", "广告设计、代理；广告发布"],
    "经营范围信息": ["信息技术咨询服务；信息系统运行维护服务", "计算机系统服务；数据处理服务", "软件销售；计算机软硬件及辅助设备零售", "技术服务、技术开发、技术咨询"],
    "经营范围电商": ["互联网销售（除销售需要许可的商品）", "日用百货销售；服装服饰零售", "供应链管理服务；国内贸易代理", "食品销售（仅销售预包装食品）"],
    "经营范围文化": ["组织文化艺术交流活动；会议及展览服务", "广告制作；广告设计、代理", "数字内容制作服务（不含出版发行）", "摄像及视频制作服务"],
    "经营范围软件": ["软件开发；软件外包服务", "人工智能应用软件开发", "网络与信息安全软件开发", "信息技术咨询服务"],
    "经营范围数据": ["数据处理和存储支持服务", "大数据服务；云计算装备技术服务", "互联网数据服务", "信息系统集成服务"],
    "经营范围教育": ["教育咨询服务（不含涉许可审批的教育培训活动）", "技术服务、技术开发", "业务培训（不含教育培训、职业技能培训等需取得许可的培训）", "图书出租"],
    "经营范围智能": ["智能机器人的研发；人工智能基础软件开发", "物联网技术服务", "电子产品销售", "工业设计服务"],
    "经营范围贸易": ["货物进出口；技术进出口", "五金产品批发；电子产品销售", "国内贸易代理", "办公用品销售"],
}
SHOP = (("便利店", "bianli"), ("网店", "wangdian"), ("工作室", "gongzuoshi"), ("茶行", "chahang"), ("图文店", "tuwen"))
INSTITUTIONS = (("12", "{city}{district}科技信息中心", "kjxx"), ("51", "{city}软件行业协会", "rjxh"),
                ("52", "{city}{district}阳光社会工作服务中心", "ygsg"), ("11", "{city}{district}教育局", "jyj"),
                ("Y1", "{city}{district}青年创业联合会", "qncy"), ("53", "{province_or_city}启明公益基金会", "qmjj"))

REGISTRARS = ("阿里云计算有限公司（万网）", "北京新网数码信息技术有限公司", "厦门易名科技股份有限公司",
              "成都西维数码科技有限公司", "北京东方网景信息科技有限公司", "广东时代互联科技有限公司",
              "腾讯云计算（北京）有限责任公司", "厦门三五互联科技股份有限公司")
TLDS = (".cn", ".com.cn", ".cn", ".net.cn", ".cn")
SITE_SUFFIX = ("官网", "在线", "科技", "服务平台", "资讯网", "商城")


def pick(rng, seq):
    return seq[int(rng.integers(0, len(seq)))]


def region(rng) -> Region:
    return pick(rng, REGIONS)


def person_name(rng, sex: str) -> str:
    sur = pick(rng, SURNAMES[:-3]) if rng.random() < 0.96 else pick(rng, SURNAMES[-3:])
    given = pick(rng, GIVEN_M if sex == "男" else GIVEN_F)
    if len(sur) == 2 and len(given) == 2:
        given = given[0]
    return sur + given


def misspelt(name: str, rng, sex: str) -> str:
    """The same name with one character (not the surname's first) replaced."""
    pool = "".join(GIVEN_M + GIVEN_F) + "文华明德春秋玉"
    for _ in range(200):
        i = int(rng.integers(1, len(name)))
        c = pool[int(rng.integers(0, len(pool)))]
        if c != name[i]:
            return name[:i] + c + name[i + 1:]
    raise RuntimeError


@dataclass
class Person:
    name: str
    sex: str
    ethnic: str
    birth: dt.date
    region: Region
    address: str
    id_number: str


def address(rng, r: Region, person: bool) -> str:
    street = pick(rng, r.streets)
    no = int(rng.integers(1, 999))
    if person:
        tail = pick(rng, (f"{int(rng.integers(1, 40))}幢{int(rng.integers(1, 6))}单元{int(rng.integers(1, 30))}0{int(rng.integers(1, 4))}室",
                          f"{pick(rng, ('花园', '小区', '新村', '家园'))}{int(rng.integers(1, 30))}号楼{int(rng.integers(1, 20))}0{int(rng.integers(1, 5))}号",
                          f"{int(rng.integers(1, 12))}弄{int(rng.integers(1, 80))}号"))
    else:
        tail = pick(rng, (f"{int(rng.integers(1, 12))}幢{int(rng.integers(1, 30))}层{int(rng.integers(1, 30)):02d}室",
                          f"{pick(rng, ('科技园', '大厦', '创业园', '中心'))}{pick(rng, 'ABCDE')}座{int(rng.integers(1, 30))}0{int(rng.integers(1, 9))}室",
                          f"{int(rng.integers(1, 8))}号楼{int(rng.integers(2, 20))}层"))
    return f"{r.province}{r.city}{r.district}{street}{no}号{tail}"


def person(rng, birth_range=(1950, 2005), r: Region | None = None, sex: str | None = None,
           birth: dt.date | None = None) -> Person:
    r = r or region(rng)
    sex = sex or ("男" if rng.random() < 0.5 else "女")
    if birth is None:
        y = int(rng.integers(birth_range[0], birth_range[1] + 1))
        birth = dt.date(y, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))
    seq = int(rng.integers(0, 500)) * 2 + (1 if sex == "男" else 0)
    num = numbers.id_number(r.code, birth, seq)
    eth = pick(rng, ETHNIC)
    return Person(person_name(rng, sex), sex, eth, birth, r, address(rng, r, True), num)


@dataclass
class Subject:
    kind: str          # 'company', 'shop' (individual business), 'institution'
    name: str
    code: str          # unified social credit code
    region: Region
    address: str
    slug: str          # romanised trade name, for domains
    industry: str = ""
    scope: tuple = ()


def company(rng, r: Region | None = None, kind: str | None = None, owner: Person | None = None) -> Subject:
    r = r or region(rng)
    kind = kind or ("company" if rng.random() < 0.85 else "shop")
    letters = None
    if kind == "shop":
        who = owner.name if owner else person_name(rng, "男")
        shop, slug = pick(rng, SHOP)
        name = f"{r.city}{r.district}{pick(rng, TRADE)[0] if rng.random() < 0.6 else who}{shop}"
        code = numbers.credit_code(rng, r.code, "92", letters)
        return Subject("shop", name, code, r, address(rng, r, False), slug + str(int(rng.integers(10, 99))),
                       "个体工商户", tuple(SCOPES["经营范围电商"][:2]))
    if kind == "institution":
        auth, pattern, slug = pick(rng, INSTITUTIONS)
        name = pattern.format(city=r.city, district=r.district, province_or_city=r.province or r.city)
        code = numbers.credit_code(rng, r.code, auth, letters=False)
        return Subject("institution", name, code, r, address(rng, r, False), slug + r.pinyin[:2])
    trade, slug = pick(rng, TRADE)
    if rng.random() < 0.15:
        trade += pick(rng, TRADE_EXTRA)
    industry, scope_key = pick(rng, INDUSTRY)
    city = r.city.rstrip("市")
    form = pick(rng, ("有限公司",) * 6 + ("股份有限公司", "有限责任公司"))
    name = f"{city}{trade}{industry}{form}" if rng.random() < 0.8 else f"{trade}{industry}（{city}）{form}"
    scope = SCOPES[scope_key]
    order = rng.permutation(len(scope))
    return Subject("company", name, numbers.credit_code(rng, r.code, "91", letters), r,
                   address(rng, r, False), slug, industry, tuple(scope[i] for i in order))


def domain(rng, slug: str) -> str:
    base = slug if rng.random() < 0.7 else slug + pick(rng, ("-tech", "online", "365", "cloud", "web", "hz"))
    return base + pick(rng, TLDS)


def site_name(rng, subject_name: str, slug: str) -> str:
    for trade, s in TRADE:
        if trade in subject_name:
            return trade + pick(rng, SITE_SUFFIX)
    return subject_name + pick(rng, ("门户网站", "官方网站", "信息公开网"))


# ---------------------------------------------------------------------------------------------
# Dates and validity


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def rand_date(rng, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=int(rng.integers(0, (end - start).days + 1)))


def validity_class(until: str) -> str:
    if until == "long_term":
        return "long_term"
    d = dt.date.fromisoformat(until)
    if d < TODAY:
        return "expired"
    if (d - TODAY).days <= SOON:
        return "expires_soon"
    return "valid"


def id_validity(rng, birth: dt.date, want: str):
    """An issue date and expiry for an ID card of a person born on `birth`, in the class `want`
    ('valid', 'expired', 'expires_soon', 'long_term'), following the statutory terms: under 16: 5
    years, 16–25: 10, 26–45: 20, from 46: long term. Returns (from, 'dated' | 'long_term', until),
    or None when a person of that age cannot hold such a card."""
    for _ in range(400):
        if want == "long_term":
            lo = max(add_years(birth, 46), dt.date(2005, 1, 1))
            if lo > dt.date(2026, 6, 30):
                return None
            return rand_date(rng, lo, dt.date(2026, 6, 30)), "long_term", None
        if want == "expires_soon":
            until = TODAY + dt.timedelta(days=int(rng.integers(5, SOON)))
        elif want == "expired":
            until = rand_date(rng, dt.date(2020, 1, 1), dt.date(2025, 12, 31))
        else:
            until = rand_date(rng, dt.date(2027, 6, 1), dt.date(2045, 12, 31))
        for years in (20, 10, 5):
            start = add_years(until, -years)
            age = (start - birth).days / 365.25
            term = 5 if age < 16 else 10 if age < 26 else 20 if age < 46 else None
            if term == years and dt.date(2004, 1, 1) <= start <= dt.date(2026, 11, 1):
                return start, "dated", until
    return None


def card_holder(rng, want: str, r: Region | None = None, sex: str | None = None):
    """A person and their ID card's validity (from, until or None) in the class `want`."""
    while True:
        p = person(rng, (1950, 1979) if want == "long_term" else (1958, 2005), r=r, sex=sex)
        v = id_validity(rng, p.birth, want)
        if v is not None:
            return p, v[0], v[2]


def licence_validity(rng, want: str) -> tuple[dt.date, dt.date | None]:
    """(from, until) of a business licence term; until None means 长期. The term ends the day
    before the anniversary, as licences print it."""
    for _ in range(400):
        if want == "long_term":
            return rand_date(rng, dt.date(2005, 1, 1), dt.date(2025, 12, 31)), None
        if want == "expires_soon":
            until = TODAY + dt.timedelta(days=int(rng.integers(5, SOON)))
        elif want == "expired":
            until = rand_date(rng, dt.date(2020, 1, 1), dt.date(2025, 12, 31))
        else:
            until = rand_date(rng, dt.date(2027, 6, 1), dt.date(2055, 12, 31))
        years = int(pick(rng, (10, 20, 20, 30, 30, 50)))
        start = add_years(until + dt.timedelta(days=1), -years)
        if dt.date(1995, 1, 1) <= start <= dt.date(2026, 10, 1):
            return start, until
    raise RuntimeError(want)


def domain_validity(rng, want: str) -> tuple[dt.date, dt.date]:
    """Registration and expiry dates of a domain (whole years, same day)."""
    if want == "long_term":
        want = "valid"
    for _ in range(400):
        if want == "expires_soon":
            until = TODAY + dt.timedelta(days=int(rng.integers(5, SOON)))
        elif want == "expired":
            until = rand_date(rng, dt.date(2020, 1, 1), dt.date(2025, 12, 31))
        else:
            until = rand_date(rng, dt.date(2027, 6, 1), dt.date(2036, 12, 31))
        years = int(pick(rng, (1, 2, 3, 5, 10)))
        start = add_years(until, -years)
        if start <= dt.date(2026, 11, 1):
            return start, until
    raise RuntimeError(want)
