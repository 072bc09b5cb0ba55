#!/bin/sh
# Projection + Leiden on a generated liaoning dataset, beside python-igraph's
# community_leiden on the very same projected graph.
#
#   bench/communities_bench.sh [BUILD_DIR] [SCALE] [MIN_SHARED] [DATASET]
#
# With DATASET (a directory or a snapshot) that dataset is used and SCALE only labels it.
# Needs python-igraph for the comparison: apt-get install python3-igraph
# The dataset goes to a temporary directory and is deleted afterwards (scale 1 is about
# 3.5 GB of CSV).
set -eu
build=${1:-build}
scale=${2:-0.1}
min_shared=${3:-1}
dataset=${4:-}
work=$(mktemp -d /tmp/castgraph-communities-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== liaoning scale $scale, min_shared $min_shared"
if [ -z "$dataset" ]; then
  dataset="$work/data"
  "$build/cli/castgraph" generate --preset liaoning --scale "$scale" -o "$dataset" >/dev/null
fi
"$build/bench/communities_bench" "$dataset" "$work/edges.txt" "$min_shared"

/usr/bin/python3 - "$work/edges.txt" <<'PY'
import sys, time
import igraph as ig
with open(sys.argv[1]) as f:
    n = int(f.readline())
    edges, weights = [], []
    for line in f:
        a, b, w = line.split()
        edges.append((int(a), int(b)))
        weights.append(float(w))
g = ig.Graph(n=n, edges=edges)
g.es["weight"] = weights
import random
# n_iterations=-1 in igraph 0.10.2 stops on the wrong condition (igraph issue #2798), so
# "until stable" is one pass at a time from the last membership, as castgraph does it.
def canonical(membership):
    seen = {}
    return [seen.setdefault(m, len(seen)) for m in membership]
for passes, label in ((2, "python-igraph leiden 2 passes"), (None, "python-igraph leiden stable")):
    ig.set_random_number_generator(random.Random(1))
    start, cpu = time.perf_counter(), time.process_time()
    if passes:
        c = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=passes)
    else:
        c = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=1)
        for _ in range(49):
            before = canonical(c.membership)
            c = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=1,
                                   initial_membership=c.membership)
            if canonical(c.membership) == before:
                break
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    q = g.modularity(c.membership, weights="weight")
    print(f"{label:<30} {took:8.2f} s wall {took_cpu:8.2f} s CPU  modularity {q:.4f}, {len(c)} communities (igraph {ig.__version__})")
start, cpu = time.perf_counter(), time.process_time()
c = g.community_multilevel(weights="weight")
took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
print(f"{'python-igraph multilevel':<30} {took:8.2f} s wall {took_cpu:8.2f} s CPU  modularity {g.modularity(c.membership, weights='weight'):.4f}, {len(c)} communities")
PY
