#!/bin/sh
# Accuracy and cost of `castgraph audit` on generated liaoning networks with planted farms.
#   bench/audit_bench.sh CASTGRAPH [SCALE...]      (default scales: 0.01 0.1)
# For each scale: generate with --fraud 0.02 (and without) under /tmp/castgraph-bench/audit,
# run the audit under /usr/bin/time, and score the flagged fans against DIR.truth/fraud.csv
# (bench/audit_score.py). One line of JSON per run.
set -eu
castgraph=$1
shift
[ $# -gt 0 ] || set -- 0.01 0.1
here=$(dirname "$0")
root=/tmp/castgraph-bench/audit
mkdir -p "$root"
for scale in "$@"; do
  for fraud in 0.02 0; do
    dir=$root/liaoning-$scale-fraud$fraud
    [ -f "$dir/follows.csv" ] ||
      "$castgraph" generate --preset liaoning --scale "$scale" --seed 1 --fraud "$fraud" -q -o "$dir"
    /usr/bin/time -f '%e %U %S %M' -o "$root/time" "$castgraph" audit "$dir" --json >"$root/audit.json"
    read -r wall user system kb <"$root/time"
    printf '{"scale": %s, "fraud": %s, "wall_s": %s, "cpu_s": %.2f, "max_rss_mb": %d, "score": %s}\n' \
      "$scale" "$fraud" "$wall" "$(echo "$user + $system" | bc)" "$((kb / 1024))" \
      "$(python3 "$here/audit_score.py" "$root/audit.json" "$dir.truth/fraud.csv")"
  done
done
