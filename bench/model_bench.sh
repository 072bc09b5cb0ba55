#!/usr/bin/env bash
# How well `reach --method model` and `--method declared` estimate the reach of hosts whose
# follows are missing. For each preset: generate it, hide the follows of a random half of
# the hosts (a copy of the dataset without those rows), and for many random 10-host sets
# compare each method's unique reach on the copy with the exact reach on the whole data.
# Prints the median and 90th percentile relative error per method.
#
# Usage: bench/model_bench.sh [CASTGRAPH] [SCALE] [SETS] [PRESET...]
#   defaults: build/release/cli/castgraph 0.01 60 liaoning jilin
set -euo pipefail
castgraph=$(realpath "${1:-build/release/cli/castgraph}")
scale=${2:-0.01}
sets=${3:-60}
shift $(($# < 3 ? $# : 3))
presets=("$@")
((${#presets[@]})) || presets=(liaoning jilin)
work=${TMPDIR:-/tmp}/castgraph-model-bench
mkdir -p "$work"

for preset in "${presets[@]}"; do
  full=$work/$preset-$scale
  hidden=$work/$preset-$scale-half-hidden
  [[ -d $full ]] || "$castgraph" generate --preset "$preset" --scale "$scale" --seed 1 -o "$full" >/dev/null
  python3 - "$full" "$hidden" <<'EOF'
# Copies the dataset, dropping every follow row of a random half of the hosts (seed 7).
import csv, os, random, shutil, sys
full, hidden = sys.argv[1], sys.argv[2]
shutil.rmtree(hidden, ignore_errors=True)
os.makedirs(hidden)
with open(os.path.join(full, "broadcasters.csv"), newline="", encoding="utf-8") as f:
    hosts = [row["id"] for row in csv.DictReader(f)]
rng = random.Random(7)
hide = set(rng.sample(hosts, len(hosts) // 2))
for name in os.listdir(full):
    if name != "follows.csv":
        shutil.copy(os.path.join(full, name), hidden)
with open(os.path.join(full, "follows.csv"), newline="", encoding="utf-8") as src, \
     open(os.path.join(hidden, "follows.csv"), "w", newline="", encoding="utf-8") as dst:
    reader, writer = csv.reader(src), csv.writer(dst, lineterminator="\n")
    header = next(reader)
    writer.writerow(header)
    column = header.index("broadcaster")
    for row in reader:
        if row[column] not in hide:
            writer.writerow(row)
with open(os.path.join(hidden, "hidden_hosts.txt"), "w") as f:
    f.write("\n".join(sorted(hide)) + "\n")
EOF
  "$castgraph" snapshot "$full" -o "$full.cgs" >/dev/null
  "$castgraph" snapshot "$hidden" -o "$hidden.cgs" >/dev/null
  python3 - "$castgraph" "$full" "$full.cgs" "$hidden.cgs" "$sets" "$preset" "$scale" <<'EOF'
# Random 10-host sets among the 500 largest hosts (by declared fans), the kind of host a
# marketer books; the exact reach on the whole data is the truth.
import csv, json, os, random, statistics, subprocess, sys
castgraph, full, full_snapshot, hidden_snapshot, sets, preset, scale = sys.argv[1:]
fans = {}
with open(os.path.join(full, "fanbases.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        fans[row["broadcaster"]] = fans.get(row["broadcaster"], 0) + int(row["fans"] or 0)
largest = sorted(fans, key=lambda h: -fans[h])[:500]
rng = random.Random(11)

def people(snapshot, hosts, method):
    out = subprocess.run([castgraph, "reach", snapshot, "--hosts", ",".join(hosts),
                          "--method", method, "--json"], check=True, capture_output=True)
    return json.loads(out.stdout)["people"]

errors = {"declared": [], "model": []}
for _ in range(int(sets)):
    hosts = rng.sample(largest, 10)
    truth = people(full_snapshot, hosts, "exact")
    for method in errors:
        errors[method].append(abs(people(hidden_snapshot, hosts, method) - truth) / truth)

def p90(values):
    return statistics.quantiles(values, n=10)[-1]

print(f"{preset} scale {scale}, {sets} random 10-host sets among the 500 largest, "
      f"half the hosts' follows hidden:")
for method, values in errors.items():
    print(f"  {method:8} median relative error {100 * statistics.median(values):6.2f}%   "
          f"90th percentile {100 * p90(values):6.2f}%")
EOF
done
