#!/bin/sh
# How tight and how costly the plan's bounds are, and how long `--optimal` takes to prove
# a roster, on a liaoning snapshot (castgraph generate --preset liaoning --scale S --seed 1,
# then castgraph snapshot). CPU time (user + sys) is reported beside wall time because the
# machine may be shared.
#   bench/plan_bound_bench.sh BINARY SNAPSHOT [--optimal [TIME_LIMIT]]
#   bench/plan_bound_bench.sh build/release/cli/castgraph /tmp/castgraph-bench/liaoning-0.1.cgs
set -eu
binary=$1
snapshot=$2
optimal=${3:-}
limit=${4:-600}

run() {
  label=$1
  shift
  out=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$out.time" "$binary" plan "$snapshot" "$@" --json > "$out"
  read -r wall user sys rss < "$out.time"
  python3 - "$out" "$label" "$wall" "$user" "$sys" "$rss" <<'PY'
import json, sys
path, label, wall, user, sys_, rss = sys.argv[1:]
p = json.load(open(path))
solve = f", solve {p['solve_seconds']:.1f} s wall, {p['solve_nodes']} nodes" if 'solve_seconds' in p else ""
print(f"{label:<44} cpu {float(user) + float(sys_):7.2f} s  wall {float(wall):7.2f} s  "
      f"peak {int(rss) / 1024:6.0f} MB | reach {p['unique_reach']:,}, bound {p['upper_bound']:,} "
      f"({p['bound_method']}, gap {100 * p['gap']:.2f}%; online {p['online_bound']:,}), "
      f"{p['coverage_rows']:,} rows, {p['bound_passes']} passes, stop {p['stop_reason']}{solve}")
PY
  rm -f "$out" "$out.time"
}

for limits in "--k 10" "--k 50" "--budget 2000000" "--k 50 --max-per-base 2"; do
  # shellcheck disable=SC2086
  run "plan $limits (online bound only)" $limits --bound-passes 0
  # shellcheck disable=SC2086
  run "plan $limits" $limits
  if [ "$optimal" = "--optimal" ]; then
    # shellcheck disable=SC2086
    run "plan $limits --optimal --time-limit $limit" $limits --optimal --time-limit "$limit"
  fi
done
