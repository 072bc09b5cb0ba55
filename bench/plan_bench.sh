#!/bin/sh
# Time `castgraph plan` on liaoning at scale 1 (12,000 hosts) from a snapshot: k = 50 and
# a 2,000,000-yuan budget, by every method that has follows. Generates the dataset and the
# snapshot under /tmp when absent (3.5 GB of CSV, about 40 s), and keeps them for the next
# run unless --clean is given. Target: under 5 s per plan.
# Each plan is checked as gapbs's verifiers check theirs: `castgraph reach` of the roster,
# by the same method and filters, must give the plan's unique reach, or the run stops
# with FAILED (exit 1): the planner's oracle and reach share one engine.
#   bench/plan_bench.sh [BINARY] [--clean]
#   bench/plan_bench.sh build/cli/castgraph --clean
#   PLAN_BENCH_SNAPSHOT=samples/liaoning bench/plan_bench.sh   (a quick run on another dataset)
set -eu
binary=${1:-build/cli/castgraph}
clean=${2:-}
data=${TMPDIR:-/tmp}/castgraph-plan-bench-liaoning-1
snapshot=${PLAN_BENCH_SNAPSHOT:-$data.cgs}

if [ ! -e "$snapshot" ]; then
  if [ ! -f "$data/follows.csv" ]; then
    echo "generating liaoning scale 1 into $data"
    /usr/bin/time -f "  generate: wall %e s, peak %M KB" \
      "$binary" generate --preset liaoning --scale 1 --seed 1 --force -q -o "$data"
  fi
  echo "snapshotting into $snapshot"
  /usr/bin/time -f "  snapshot: wall %e s, peak %M KB" "$binary" snapshot "$data" -o "$snapshot"
fi
ls -l "$snapshot" | awk '{ printf "snapshot: %.0f MB\n", $5 / 1e6 }'
"$binary" info "$snapshot" | head -12

# run LABEL "REACH FILTERS" PLAN ARGS...: the filters are those of the plan that reach takes
# too (--method, --precision, --platform, --region).
run() {
  label=$1
  filters=$2
  shift 2
  out=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$out.time" "$binary" plan "$snapshot" "$@" --json > "$out"
  read -r wall user sys rss < "$out.time"
  python3 - "$out" "$label" "$wall" "$user" "$sys" "$rss" "$binary" "$snapshot" "$filters" <<'EOF'
import json, subprocess, sys
path, label, wall, user, sys_, rss, binary, snapshot, filters = sys.argv[1:]
plan = json.load(open(path))
hosts = ",".join(pick["id"] for pick in plan["picks"])
reach = json.loads(subprocess.run([binary, "reach", snapshot, "--hosts", hosts, "--json"] +
                                  filters.split(), check=True, capture_output=True).stdout)
if reach["unique_reach"] != plan["unique_reach"]:
    sys.exit(f"FAILED: {label}: the plan says its roster reaches {plan['unique_reach']:,}, "
             f"castgraph reach {filters} says {reach['unique_reach']:,}")
print(f"{label:<40} wall {float(wall):6.2f} s  cpu {float(user) + float(sys_):6.2f} s  "
      f"peak {int(rss) / 1024:6.0f} MB | {len(plan['picks'])} picks, reach {plan['unique_reach']:,}, "
      f"spent {plan['spent']:,.0f}, bound {plan['upper_bound']:,} "
      f"(ratio {plan['ratio']:.4f}), {plan['evaluations']:,} gain queries, stop {plan['stop_reason']}")
EOF
  rm -f "$out" "$out.time"
}

sketch="--method sketch --precision 12"  # plan sketches at precision 12 (kPlanSketchPrecision)
run "plan --k 50 (exact)" "" --k 50
run "plan --budget 2000000 (exact)" "" --budget 2000000
run "plan --k 50 --method sketch" "$sketch" --k 50 --method sketch
run "plan --budget 2000000 --method sketch" "$sketch" --budget 2000000 --method sketch
run "plan --k 50 --region 辽宁 --max-per-base 3" "--region 辽宁" --k 50 --region 辽宁 --max-per-base 3

if [ "$clean" = "--clean" ] && [ -z "${PLAN_BENCH_SNAPSHOT:-}" ]; then
  rm -rf "$data" "$snapshot"
  echo "removed $data and $snapshot"
fi
