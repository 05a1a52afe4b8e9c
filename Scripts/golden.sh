#!/usr/bin/env bash
# make golden [REF=HEAD]: builds REF (a commit, default the last one) beside the working tree and
# diffs what both say about the same inputs (Scripts/golden.py). For changes that must keep
# behaviour: every difference is listed, and the exit status is 1 when there is one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
ref="${1:-HEAD}"
swift="${SWIFT:-swift}"
read -r -a flags <<< "${BUILD_FLAGS:--c release -Xswiftc -enable-testing}"
source_tree="$root/.build-golden/src"
commit="$(git rev-parse --verify "$ref^{commit}")"
if [ "$(git -C "$source_tree" rev-parse HEAD 2>/dev/null)" != "$commit" ]; then
    git worktree remove --force "$source_tree" 2>/dev/null || rm -rf "$source_tree"
    git worktree prune
    git worktree add --detach "$source_tree" "$commit" >/dev/null
fi
printf '==> building %s (%s)\n' "$ref" "${commit:0:10}" >&2
(cd "$source_tree" && "$swift" build "${flags[@]}" --scratch-path "$root/.build-golden/build" >/dev/null)
before="$(cd "$source_tree" && "$swift" build "${flags[@]}" --scratch-path "$root/.build-golden/build" --show-bin-path)/icpcheck"
after="$("$swift" build "${flags[@]}" --show-bin-path)/icpcheck"
python3 Scripts/golden.py "$before" "$after"
