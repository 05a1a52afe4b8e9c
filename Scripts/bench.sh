#!/usr/bin/env bash
# make bench: our JPEG decode path against djpeg on the same files, on one core.
#   1. installs libjpeg-turbo-progs when djpeg or cjpeg is missing
#   2. builds icpcheck-bench in release
#   3. writes the generated photos to .build/bench-corpus/ (deterministic, about 2 s)
#   4. times and prints the tables, pinned to one CPU with taskset
#   5. times the whole per-file pipeline (reading off) on the real corpus's JPEGs against
#      djpeg -scale 1/8 (the decoder's floor) and a Python peer (Pillow + OpenCV, in a virtual
#      environment made once in .build/bench-venv from PyPI), one core; prints both ratios
#   6. runs `icpcheck batch` on 200 and 2,000 copies of a sample application (all cores, and the
#      first count again on all cores and on one worker, for the two-core ratio):
#      files per second and peak memory side by side
# Environment: ICPCHECK_CORPORA (default ../shared/corpora), BENCH_RUNS and BENCH_SMALL_RUNS
# (timed runs per corpus, default 5 each), BENCH_PIPELINE_RUNS (default 3), BENCH_BATCH_COUNTS
# (default 200,2000), SWIFT (default swift).
set -euo pipefail
log() { printf '==> %s\n' "$*" >&2; }
fatal() { printf 'error: %s\n' "$*" >&2; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
swift="${SWIFT:-swift}"
corpora="${ICPCHECK_CORPORA:-$root/../shared/corpora}"
out="$root/.build/bench-corpus"
[ -f "$corpora/jpeg/expected-jpeg.json" ] || fatal "corpora not found at $corpora (set ICPCHECK_CORPORA)"

if ! command -v djpeg >/dev/null || ! command -v cjpeg >/dev/null; then
    log "djpeg or cjpeg missing: installing libjpeg-turbo-progs"
    bash Scripts/install-packages.sh libjpeg-turbo-progs
    command -v djpeg >/dev/null && command -v cjpeg >/dev/null || fatal "djpeg and cjpeg are still missing"
fi

log "building icpcheck-bench and icpcheck (release)"
# The same optimised build as make run, test and eval (BUILD_FLAGS from the Makefile), so nothing is rebuilt.
read -r -a flags <<< "${BUILD_FLAGS:--c release -Xswiftc -enable-testing}"
"$swift" build "${flags[@]}" --product icpcheck-bench
"$swift" build "${flags[@]}" --product icpcheck
bins="$("$swift" build "${flags[@]}" --show-bin-path)"
bin="$bins/icpcheck-bench"

log "writing the bench corpus to ${out#"$root"/}"
"$bin" corpus --corpora "$corpora" --out "$out"

# One CPU, the last one this shell may use, so that a decode never overlaps another process.
pin=()
if command -v taskset >/dev/null; then
    allowed="$(taskset -pc $$ | sed 's/.*: *//')"
    pin=(taskset -c "${allowed##*[,-]}")
else
    log "taskset not found: running unpinned"
fi

log "timing $(djpeg -version 2>&1 | head -n 1) against our decode"
"${pin[@]}" "$bin" run --corpora "$corpora" --out "$out" \
    --runs "${BENCH_RUNS:-5}" --small-runs "${BENCH_SMALL_RUNS:-5}"

log "the whole pipeline against djpeg's floor and a Python peer, on the real corpus's JPEGs"
# The peer: Pillow's draft decode and OpenCV's Haar cascade, in a virtual environment made once
# (PyPI; OpenCV below 5, whose main module no longer has the Haar cascades).
venv="$root/.build/bench-venv"
if ! "$venv/bin/python" -c 'import cv2, numpy, PIL; cv2.CascadeClassifier' 2>/dev/null; then
    bash Scripts/install-packages.sh python3-venv opencv-data
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pillow numpy 'opencv-python-headless<5'
fi
list="$root/.build/bench-pipeline-files.txt"
pipeline="$("${pin[@]}" "$bin" pipeline --folder "$corpora/real/images" --list "$list" --runs "${BENCH_PIPELINE_RUNS:-3}")"
printf '%s\n' "$pipeline" | grep -v '^PIPELINE '
ours="$(printf '%s\n' "$pipeline" | sed -n 's/^PIPELINE ours_seconds=\([0-9.]*\).*/\1/p')"
peer="$("${pin[@]}" "$venv/bin/python" Scripts/bench/python_peer.py "$list" --runs "${BENCH_PIPELINE_RUNS:-3}" | sed -n 's/^peer_seconds=\([0-9.]*\).*/\1/p')"
awk -v ours="$ours" -v peer="$peer" 'BEGIN { printf "Python peer (Pillow draft decode + OpenCV Haar cascade), same files: %.2f s; throughput ratio ours / peer: %.1f (target at least 10)\n", peer, peer / ours }'

log "icpcheck batch over generated upload folders"
"$bin" batch --icpcheck "$bins/icpcheck" --sample "$root/Samples/APP-101-ready-enterprise" \
    --out "$root/.build/bench-batch" --counts "${BENCH_BATCH_COUNTS:-200,2000}" \
    --cached-counts "${BENCH_CACHED_COUNTS:-300,2000}"
