#!/usr/bin/env python3
"""make golden: the manifests and file reports of two builds, side by side, so that a change that
should keep behaviour shows every difference it makes.

    python3 Scripts/golden.py BEFORE_BINARY AFTER_BINARY [--out DIR]

Runs `icpcheck batch` over Samples/, and `icpcheck inspect --json` and `icpcheck batch` (one
application per image, so roles and findings are judged) over the labelled images (the corpus
photos and real images, and the generated document set and photo variants where `make eval` has
written them) with each binary, drops what differs from run to run (`checked_at`,
`tool_version`), and prints, per set, how many files are identical and every field that differs.
Exit status 1 when anything differs.
"""
import argparse
import json
import os
import subprocess
import sys
import shutil
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.environ.get("ICPCHECK_CORPORA", os.path.join(ROOT, "..", "shared", "corpora"))
VOLATILE = {"checked_at", "tool_version"}


def image_sets():
    """Labelled image sets that exist here: name and the image paths its labels file lists."""
    candidates = [
        ("corpus photos", os.path.join(CORPORA, "photos", "expected-labels.json")),
        ("real corpus", os.path.join(CORPORA, "real", "labels.json")),
        ("document set", os.path.join(ROOT, ".build", "document-set", "labels.json")),
        ("photo variants", os.path.join(ROOT, ".build", "photo-variants", "labels.json")),
    ]
    for name, labels in candidates:
        if os.path.exists(labels):
            folder = os.path.dirname(labels)
            with open(labels, encoding="utf-8") as handle:
                yield name, [os.path.join(folder, path) for path in sorted(json.load(handle))]


def strip(value):
    if isinstance(value, dict):
        return {key: strip(item) for key, item in value.items() if key not in VOLATILE}
    if isinstance(value, list):
        return [strip(item) for item in value]
    return value


def inspect(binary, paths):
    reports = []
    for start in range(0, len(paths), 200):
        run = subprocess.run([binary, "inspect", "--json", *paths[start:start + 200]], capture_output=True)
        if run.returncode not in (0, 1):
            sys.exit(f"{binary} inspect failed: {run.stderr.decode(errors='replace')}")
        reports += json.loads(run.stdout)
    return {report["path"]: strip(report) for report in reports}


def batch(binary, uploads):
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([binary, "batch", uploads, "--out", out], capture_output=True)
        if run.returncode not in (0, 1):
            sys.exit(f"{binary} batch failed: {run.stderr.decode(errors='replace')}")
        manifests = {}
        for name in sorted(os.listdir(out)):
            if name.endswith(".json") and name != "summary.json":
                with open(os.path.join(out, name), encoding="utf-8") as handle:
                    manifests[name] = strip(json.load(handle))
        return manifests


def batch_of_images(binary, name, paths):
    """The labelled images as one application each (named by their file), so the judge's roles and
    findings are compared too, not only the measures `inspect` shows."""
    with tempfile.TemporaryDirectory() as uploads:
        for index, path in enumerate(paths):
            folder = os.path.join(uploads, f"{index:04d}")
            os.mkdir(folder)
            target = os.path.join(folder, os.path.basename(path))
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
        return batch(binary, uploads)


def differences(before, after, path=""):
    """Every leaf that differs, as (path, before, after)."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            yield from differences(before.get(key), after.get(key), f"{path}.{key}" if path else key)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (one, other) in enumerate(zip(before, after)):
            yield from differences(one, other, f"{path}[{index}]")
    elif before != after:
        yield path, before, after


def compare(name, before, after):
    changed = [key for key in sorted(set(before) | set(after)) if before.get(key) != after.get(key)]
    print(f"{name}: {len(before) - len(changed)} of {len(before)} identical")
    for key in changed:
        print(f"  {os.path.relpath(key, ROOT) if os.path.isabs(key) else key}")
        for path, one, other in list(differences(before.get(key), after.get(key)))[:12]:
            print(f"    {path}: {json.dumps(one, ensure_ascii=False)[:100]} -> {json.dumps(other, ensure_ascii=False)[:100]}")
    return len(changed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    arguments = parser.parse_args()
    changed = compare("Samples (batch manifests)", batch(arguments.before, os.path.join(ROOT, "Samples")),
                      batch(arguments.after, os.path.join(ROOT, "Samples")))
    for name, paths in image_sets():
        changed += compare(f"{name} (inspect)", inspect(arguments.before, paths), inspect(arguments.after, paths))
        changed += compare(f"{name} (one application per image)", batch_of_images(arguments.before, name, paths),
                           batch_of_images(arguments.after, name, paths))
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
