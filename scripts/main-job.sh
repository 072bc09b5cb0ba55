#!/usr/bin/env bash
# The main job on the shipped sample: installs what is missing, builds castgraph and
# shows what the Liaoning sample network holds and how its hosts divide into tiers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release --target castgraph >/dev/null
dataset=samples/liaoning
[[ -d $dataset ]] || dataset=samples/tiny
echo "\$ castgraph info $dataset"
build/release/cli/castgraph info "$dataset"
echo
echo "\$ castgraph tiers $dataset"
build/release/cli/castgraph tiers "$dataset"
