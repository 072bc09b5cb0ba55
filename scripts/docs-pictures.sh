#!/usr/bin/env bash
# Regenerates the pictures the README shows, from samples/liaoning:
#   docs/network.png  the network view (`castgraph render`), shown 1,000 px wide
#   docs/report.png   the top of `castgraph report`, as headless Chromium shows it
# Both are screenshots taken by Chromium at the size a reader sees them, so the committed
# PNGs stay small. Needs a release build (scripts/build.sh release) and chromium
# (scripts/install-deps.sh). Usage: scripts/docs-pictures.sh [path/to/castgraph]
set -euo pipefail
cd "$(dirname "$0")/.."
castgraph=${1:-build/release/cli/castgraph}
[[ -x $castgraph ]] || { echo "docs-pictures: no $castgraph; run scripts/build.sh release" >&2; exit 2; }
chromium=$(command -v chromium || command -v chromium-browser || true)
[[ -n $chromium ]] || { echo "docs-pictures: chromium is missing; run scripts/install-deps.sh" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs

# Chromium screenshot of $1 (a file) into $2 at a window of $3 x $4 px; a fresh profile
# each time, and the PNG is written beside the target then renamed into place.
screenshot() {
  HOME=$work timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-dev-shm-usage --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$3,$4" --screenshot="$2.tmp.png" \
    "file://$1" >/dev/null 2>&1 </dev/null
  mv "$2.tmp.png" "$2"
}

# PNG width and height from its IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'; }

"$castgraph" render samples/liaoning -o "$work/network.png" >/dev/null
read -r width height < <(png_size "$work/network.png")
shown=1000
cat >"$work/network.html" <<HTML
<!doctype html><html><body style="margin:0;background:#fff">
<img src="network.png" style="display:block;width:${shown}px"></body></html>
HTML
screenshot "$work/network.html" docs/network.png "$shown" $((height * shown / width))

"$castgraph" report samples/liaoning -o "$work/report.html" >/dev/null
screenshot "$work/report.html" docs/report.png 1000 760

ls -l docs/network.png docs/report.png
