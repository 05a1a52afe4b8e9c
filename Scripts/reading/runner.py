"""The three modes: a split (tune or holdout) of N images with labels.json, the small fixed
fixture set with expected.json, and application folders for the cross-checks."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import time
from collections import Counter
from pathlib import Path

import numpy as np

from . import forms, items, numbers, people
from .labels_check import check_entry
from .style import SPLITS, Draw

KIND_SHARES = (("licence", 0.24), ("id_front", 0.2), ("id_back", 0.16), ("statement", 0.15),
               ("commitment", 0.12), ("domain", 0.13))
CAPTURE_SHARES = (("scan_full", 0.12), ("scan_margin", 0.09), ("scan_askew", 0.09), ("photo", 0.13), ("crop", 0.09),
                  ("blurry", 0.08), ("glare", 0.08), ("photocopy", 0.09), ("rotated", 0.07), ("small", 0.07),
                  ("cut", 0.09))


def allocate(shares, n: int) -> list[str]:
    """n names in the given shares (largest remainder)."""
    raw = [(name, share * n) for name, share in shares]
    counts = {name: int(x) for name, x in raw}
    rest = sorted(raw, key=lambda t: -(t[1] - int(t[1])))
    for name, _ in rest[: n - sum(counts.values())]:
        counts[name] += 1
    return [name for name, _ in shares for _ in range(counts[name])]


def schedule(split: str, count: int, seed: int) -> list[tuple[int, str, str]]:
    rng = np.random.default_rng(np.random.SeedSequence([seed, list(SPLITS).index(split), 10 ** 6]))
    kinds = allocate(KIND_SHARES, count)
    caps = allocate(CAPTURE_SHARES, count)
    rng.shuffle(kinds)
    rng.shuffle(caps)
    return [(i, k, c) for i, (k, c) in enumerate(zip(kinds, caps))]


def forget_previous(out_dir: Path, listing: str) -> None:
    """Remove what an earlier run listed (and nothing else), so no stale image stays behind."""
    old = out_dir / listing
    if not old.exists():
        return
    for rel in json.loads(old.read_text(encoding="utf-8")):
        p = (out_dir / rel).resolve()
        if out_dir.resolve() in p.parents and p.is_file():
            p.unlink()
    old.unlink()


def _job(args):
    split, seed, idx, kind, capture, out_dir = args
    return items.make(split, seed, idx, kind, capture, Path(out_dir))


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def run_split(out_dir: Path, split: str, count: int, seed: int | None, jobs: int) -> int:
    t0 = time.time()
    seed = SPLITS[split].seed if seed is None else seed
    out_dir.mkdir(parents=True, exist_ok=True)
    forget_previous(out_dir, "labels.json")
    work = [(split, seed, i, k, c, str(out_dir)) for i, k, c in schedule(split, count, seed)]
    if jobs > 1:
        with mp.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_job, work, chunksize=1)
    else:
        results = [_job(w) for w in work]
    labels = {rel: e for rel, e, _ in sorted(results)}
    for e in labels.values():
        check_entry(e)
    write_json(out_dir / "labels.json", labels)
    summary(labels, sum(n for _, _, n in results), time.time() - t0, jobs, split, seed)
    return 0


def summary(labels: dict, nbytes: int, secs: float, jobs: int, split: str, seed: int) -> None:
    kinds = Counter(rel.split("-")[1] for rel in labels)
    caps = Counter(rel.rsplit("-", 1)[1].split(".")[0] for rel in labels)
    clean = sum(e["clean"] for e in labels.values())
    unread = sum(bool(e["reading"].get("unreadable")) for e in labels.values())
    print(f"split {split} (seed {seed}): {len(labels)} images, {nbytes / 1e6:.1f} MB, {secs:.1f} s with {jobs} process(es)")
    print("  kinds:    " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("  captures: " + ", ".join(f"{k} {v}" for k, v in sorted(caps.items())))
    print(f"  clean {clean} ({100 * clean / max(1, len(labels)):.0f} %), with unreadable fields {unread}")


# ---------------------------------------------------------------------------------------------
# Fixtures for the Swift tests


FIXTURES = (
    # name, kind, capture, opts
    ("licence-scan.jpg", "licence", "scan_full", {"dpi": 150, "landscape": False, "cls": "valid", "quality": 80}),
    ("licence-photo.jpg", "licence", "photo", {"landscape": True, "cls": "expires_soon", "frame": (4032, 3024), "max_side": 2000,
                                                  "quality": 78}),
    ("idfront-crop.jpg", "id_front", "crop", {"card_w": 1100, "quality": 82}),
    ("idfront-photocopy.jpg", "id_front", "photocopy", {"dpi": 200, "quality": 80}),
    ("idback-longterm.jpg", "id_back", "scan_full", {"card_w": 1000, "cls": "long_term", "quality": 82}),
    ("idback-expired.jpg", "id_back", "crop", {"card_w": 1100, "cls": "expired", "quality": 82}),
    ("statement-company.jpg", "statement", "scan_full", {"dpi": 150, "individual": False, "subject_kind": "company", "quality": 80}),
    ("commitment.jpg", "commitment", "scan_askew", {"dpi": 150, "individual": False, "subject_kind": "company", "quality": 80}),
    ("domain-certificate.jpg", "domain", "scan_full", {"dpi": 150, "landscape": True, "cls": "valid", "quality": 80}),
)


def blank_page(path: Path, rng) -> dict:
    from .canvas import paper
    img = paper(rng, 1240, 1754, (248, 248, 245), 3.0)
    img += rng.normal(0, 1.2, img.shape[:2]).astype(np.float32)[:, :, None]
    path.write_bytes(items.encode(img, 80, False, False))
    return {"label": "not_document", "role": "unknown", "seal": False, "greyscale": False, "glare": False, "blurry": False,
            "cut_off": False, "screen": False, "faces_visible": 0,
            "notes": "blank white A4 page, flatbed scan at 150 dpi; nothing to read", "reading": {}, "clean": True}


def noise_page(path: Path, rng) -> dict:
    from docset.pixels import field
    h, w = 848, 600
    img = np.empty((h, w, 3), np.float32)
    for c in range(3):
        img[:, :, c] = 128 + 70 * field(rng, h, w, 12) + 40 * field(rng, h, w, 40)
    img += rng.normal(0, 18, (h, w, 1)).astype(np.float32)
    path.write_bytes(items.encode(img, 70, False, False))
    return {"label": "not_document", "role": "unknown", "seal": False, "greyscale": False, "glare": False, "blurry": False,
            "cut_off": False, "screen": False, "faces_visible": 0,
            "notes": "a page-shaped picture of coloured noise; nothing to read", "reading": {}, "clean": False}


def run_fixtures(out_dir: Path, seed: int | None) -> int:
    seed = 7 if seed is None else seed
    out_dir.mkdir(parents=True, exist_ok=True)
    forget_previous(out_dir, "expected.json")
    expected = {}
    total = 0
    for i, (name, kind, capture, opts) in enumerate(FIXTURES):
        rel, e, n = items.make("tune", seed, 500 + i, kind, capture, out_dir, name=name, opts=opts)
        expected[rel] = e
        total += n
    rng = np.random.default_rng(seed)
    expected["blank-page.jpg"] = blank_page(out_dir / "blank-page.jpg", rng)
    expected["noise.jpg"] = noise_page(out_dir / "noise.jpg", rng)
    for e in expected.values():
        check_entry(e)
    write_json(out_dir / "expected.json", dict(sorted(expected.items())))
    for rel in sorted(expected):
        size = (out_dir / rel).stat().st_size
        total += size if rel in ("blank-page.jpg", "noise.jpg") else 0
        r = expected[rel]["reading"]
        print(f"  {rel:26s} {size / 1024:6.0f} KB  {json.dumps(r, ensure_ascii=False)}")
    print(f"fixtures: {len(expected)} images, {total / 1e6:.2f} MB in {out_dir}")
    return 0


# ---------------------------------------------------------------------------------------------
# Application folders for the cross-checks


def holder_until(rng, until: dt.date, r=None) -> tuple[people.Person, dt.date]:
    """A person whose card (20-year term, issued at 26–45) ends on `until`."""
    start = people.add_years(until, -20)
    while True:
        birth = people.rand_date(rng, people.add_years(start, -45), people.add_years(start, -27))
        p = people.person(rng, r=r, birth=birth)
        return p, start


CASES = (
    # folder, what differs, expected findings
    ("01-all-agree", {}, []),
    ("02-other-company-licence", {"licence": "other"}, ["read.credit_code_mismatch", "read.name_mismatch"]),
    ("03-other-person-id-card", {"id_front": "other"}, ["read.id_number_mismatch", "read.name_mismatch"]),
    ("04-wrong-id-number-on-form", {"form_id": "one_digit"}, ["read.id_number_mismatch"]),
    ("05-misspelt-administrator-name", {"form_name": "misspelt"}, ["read.name_mismatch"]),
    ("06-id-card-expired", {"id_until": "expired"}, ["read.expired"]),
    ("07-id-card-expires-in-30-days", {"id_until": "30_days"}, ["read.expires_soon"]),
    ("08-licence-long-term", {"licence_until": "long_term"}, []),
    ("09-individual", {"individual": True}, []),
    ("10-licence-expired", {"licence_until": "expired"}, ["read.expired"]),
    ("11-licence-expires-soon", {"licence_until": "expires_soon"}, ["read.expires_soon"]),
)


def application(out_dir: Path, idx: int, folder: str, case: dict, expected: list[str], seed: int) -> dict:
    rng = np.random.default_rng(np.random.SeedSequence([seed, 3, idx]))
    d = Draw(SPLITS["tune"], rng)
    folder_dir = out_dir / folder
    folder_dir.mkdir(parents=True, exist_ok=True)
    individual = case.get("individual", False)
    subject = None if individual else people.company(rng, kind="company")
    r = subject.region if subject else people.region(rng)
    # the administrator's real card
    if case.get("id_until") == "expired":
        admin, id_start = holder_until(rng, people.rand_date(rng, dt.date(2023, 1, 1), dt.date(2025, 10, 31)), r)
        id_until = people.add_years(id_start, 20)
    elif case.get("id_until") == "30_days":
        id_until = people.TODAY + dt.timedelta(days=30)
        admin, id_start = holder_until(rng, id_until, r)
    else:
        admin, id_start, id_until = people.card_holder(rng, "valid", r=r)
    on_card = people.person(rng, r=r) if case.get("id_front") == "other" else admin
    form_name = people.misspelt(admin.name, rng, admin.sex) if case.get("form_name") else admin.name
    form_id = numbers.id_one_digit_changed(admin.id_number, rng) if case.get("form_id") else admin.id_number
    form_person = people.Person(form_name, admin.sex, admin.ethnic, admin.birth, admin.region, admin.address, form_id)
    slug = subject.slug if subject else people.pick(rng, people.TRADE)[1] + str(int(rng.integers(10, 99)))
    dom = people.domain(rng, slug)
    site = people.site_name(rng, subject.name, slug) if subject else form_name + "的个人博客"
    filing = forms.filing(rng, subject, form_person, site, dom)
    app = {"subject": {"type": "individual" if individual else "enterprise", "region": r.province_en,
                       "name": form_name if individual else subject.name,
                       "document_number": form_id if individual else subject.code},
           "administrator": {"name": form_name, "id_number": form_id},
           "websites": [{"name": site, "domains": [dom], "pre_approval": []}]}
    write_json(folder_dir / "application.json", app)
    write_json(folder_dir / "expected.json", sorted(expected))
    labels = {}

    def put(name, content, capture, opts):
        e, _ = items.produce(rng, d, content, capture, folder_dir / name, opts)
        assert not e["reading"].get("unreadable"), (folder, name, e["reading"])
        labels[f"{folder}/{name}"] = e

    if not individual:
        lic_subject = people.company(rng, r=r, kind="company") if case.get("licence") == "other" else subject
        cls = case.get("licence_until", "valid")
        start, until = people.licence_validity(rng, cls)
        put("营业执照.jpg", items.licence_content(rng, lic_subject, people.person_name(rng, "男"), start, until,
                                                 bool(rng.random() < 0.5), cls), "scan_full", {"dpi": 200, "quality": 82})
    put("身份证正面.jpg", items.id_front_content(on_card), "crop", {"card_w": 1200, "quality": 85})
    put("身份证反面.jpg", items.id_back_content(on_card if case.get("id_front") == "other" else admin, id_start, id_until),
        "crop", {"card_w": 1200, "quality": 85})
    put("核验单.jpg", items.statement_content(filing), "scan_full", {"dpi": 200, "quality": 82})
    return labels


def run_applications(out_dir: Path, seed: int | None) -> int:
    seed = 4242 if seed is None else seed
    out_dir.mkdir(parents=True, exist_ok=True)
    labels = {}
    for i, (folder, case, expected) in enumerate(CASES):
        labels.update(application(out_dir, i, folder, case, expected, seed))
        print(f"  {folder:34s} expects {expected}")
    for e in labels.values():
        check_entry(e)
    write_json(out_dir / "labels.json", labels)
    print(f"applications: {len(CASES)} folders in {out_dir} (per-image labels in labels.json)")
    return 0
