#!/usr/bin/env bash
# The main job on the shipped sample: installs what is missing, builds castgraph and
# shows what the Liaoning sample network holds and how its hosts divide into tiers, and
# writes the HTML report of it to build/report.html.
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
echo
report=build/report.html
echo "\$ castgraph report $dataset -o $report"
build/release/cli/castgraph report "$dataset" -o "$report"
echo "The report is $(pwd)/$report: open it in a browser, or forward the one file."
