#!/usr/bin/env bash
# Loading, snapshots and a 10-host reach query on `generate --preset liaoning`, side by
# side with python-igraph, graph-tool and NetworkX doing the same work on the same file.
#
#   bench/load_bench.sh [SCALE...]        default scales: 0.01 0.1 1
#
# Environment: RUNS (runs per figure, default 5; the median is reported), PEER_RUNS
# (default 3, and 1 at scale 1 where a peer takes minutes), WHAT (all, castgraph or
# peers), PEERS (default "igraph graph-tool networkx"), BENCH_DIR (default /tmp/castgraph-bench), CASTGRAPH (the binary),
# PEER_MEMORY_KB (address-space cap for a peer, default 16 GB: a peer that needs more
# fails with MemoryError instead of waking the OOM killer on a shared machine).
#
# Needs a release build (scripts/build.sh release) and, for the peers,
# apt-get install python3-igraph python3-graph-tool python3-networkx.
# Prints one Markdown table row per measurement: median wall seconds, median CPU seconds
# (user + sys, which other work on the machine disturbs less), median peak RSS, the
# number of runs, the 1-minute load average when the runs started, and for reach
# queries the answer (every tool must agree). A step that fails (exits non-zero, or a
# reach prints no answer) gets a row saying why instead ("failed: out of memory"), a
# message on stderr, and makes the script exit 1 after the table.
set -euo pipefail
cd "$(dirname "$0")/.."
castgraph=${CASTGRAPH:-build/release/cli/castgraph}
runs=${RUNS:-5}
what=${WHAT:-all}
scales=("$@")
((${#scales[@]})) || scales=(0.01 0.1 1)
work=${BENCH_DIR:-/tmp/castgraph-bench}
peer_memory_kb=${PEER_MEMORY_KB:-16000000}
mkdir -p "$work"
scratch=$(mktemp -d)  # per run, so two runs may share $work
trap 'rm -rf "$scratch"' EXIT

# measure N CMD...: runs CMD N times under /usr/bin/time; prints "wall cpu peak_kb answer"
# (medians; answer is the last line of the first run's stdout, or -), or "FAILED reason"
# when a run exits non-zero.
measure() {
  local n=$1 i status
  shift
  : >"$scratch/samples"
  for ((i = 0; i < n; i++)); do
    status=0
    /usr/bin/time -f "%e %U %S %M" -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err" || status=$?
    if ((status != 0)); then echo "FAILED $(failure_reason "$status")"; return; fi
    ((i > 0)) || answer=$(tail -1 "$scratch/out")
    read -r wall user sys kb <"$scratch/time"
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $kb" >>"$scratch/samples"
  done
  median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  echo "$(cut -d' ' -f1 "$scratch/samples" | median) $(cut -d' ' -f2 "$scratch/samples" | median)" \
    "$(cut -d' ' -f3 "$scratch/samples" | median) ${answer:--}"
}

# failure_reason STATUS: why the run measure just made failed, from its stderr and
# /usr/bin/time's report. Running out of memory is named as such: under PEER_MEMORY_KB a
# peer fails with MemoryError (python) or bad_alloc (C++), without it the OOM killer
# sends signal 9.
failure_reason() {
  if grep -qE 'MemoryError|bad_alloc|Cannot allocate memory|[Oo]ut of memory' "$scratch/err"; then
    echo "out of memory"
  elif grep -q 'terminated by signal 9' "$scratch/time"; then
    echo "killed by signal 9 (the OOM killer?)"
  else
    local last
    last=$(grep -v '^[[:space:]]*$' "$scratch/err" | tail -1)
    echo "exit status $1: ${last:-(nothing on stderr)}"
  fi
}

# The ten hosts with the most follow rows, which every tool then reaches.
top_hosts() {
  # one pass counting 12,000 hosts, not a sort of 10^8 lines; the generator writes no
  # quoted fields, so splitting on commas is exact here. Ties are broken by host id.
  awk -F, 'NR > 1 { rows[$2]++ } END { for (h in rows) print rows[h], h }' "$1/follows.csv" |
    sort -k1,1nr -k2,2 | awk 'NR <= 10 {print $2}' | paste -sd, -
}

load_average() { cut -d' ' -f1 /proc/loadavg; }

# row SCALE STEP N CMD...: measures and prints one table row; a failed step gets a row
# that says why, a message on stderr, and makes the script exit non-zero at the end.
failures=()
row() {
  local scale=$1 step=$2 n=$3 load result
  shift 3
  load=$(load_average)
  result=$(measure "$n" "$@")
  if [[ $result == FAILED* ]]; then
    echo "load_bench.sh: scale $scale, $step: failed: ${result#FAILED }" >&2
    failures+=("scale $scale, $step: ${result#FAILED }")
    printf '| %s | %s | failed: %s | | | %d | %s | - |\n' "$scale" "$step" "${result#FAILED }" "$n" "$load"
    return
  fi
  read -r wall cpu kb answer <<<"$result"
  [[ $step == *reach* ]] || answer=-
  printf '| %s | %s | %s | %s | %d | %s | %s | %s |\n' "$scale" "$step" "$wall" "$cpu" \
    $((kb / 1024)) "$n" "$load" "$answer"
}

# peer_answer PEER DATASET HOSTS: the reach a peer answers, the third field of the one
# line load_and_reach.py prints. No pipeline, so that the peer's own failure (a
# MemoryError under the address-space cap) is this function's failure too.
peer_answer() {
  local line answer
  ulimit -v "$peer_memory_kb"
  line=$(/usr/bin/python3 bench/peers/load_and_reach.py "$@") || return
  read -r _ _ answer <<<"$line"
  [[ -n $answer ]] || { echo "load_and_reach.py $1 printed no result line" >&2; return 1; }
  echo "$answer"
}

echo "| scale | step | wall s | CPU s | peak MiB | runs | load avg | answer |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for scale in "${scales[@]}"; do
  data="$work/liaoning-$scale"
  [[ -f $data/follows.csv ]] ||
    "$castgraph" generate --preset liaoning --scale "$scale" --seed 1 -q --force -o "$data" >/dev/null
  rows=$(($(wc -l <"$data/follows.csv") - 1))
  hosts=$(top_hosts "$data")
  snapshot="$work/liaoning-$scale.cgs"
  # castgraph's JSON is captured first, so that its failure is reach_answer's failure
  reach_answer() {
    local json
    json=$("$castgraph" reach "$1" --hosts "$hosts" --method exact --json) || return
    awk -F'[:,]' '/unique_reach/ { gsub(/ /, "", $2); print $2; found = 1 }
      END { if (!found) { print "castgraph reach printed no unique_reach" > "/dev/stderr"; exit 1 } }' <<<"$json"
  }

  if [[ $what != peers ]]; then
    row "$scale" "castgraph load CSV, $rows follow rows (tiers)" "$runs" "$castgraph" tiers "$data"
    row "$scale" "castgraph load CSV + write snapshot" "$runs" "$castgraph" snapshot "$data" -o "$snapshot"
    row "$scale" "castgraph open snapshot (tiers)" "$runs" "$castgraph" tiers "$snapshot"
    # reach prints a table; the JSON's unique_reach is the answer to compare
    row "$scale" "castgraph 10-host reach from snapshot" "$runs" \
      bash -c "$(declare -f reach_answer); castgraph=$castgraph hosts=$hosts reach_answer $snapshot"
    row "$scale" "castgraph 10-host reach from CSV" "$runs" \
      bash -c "$(declare -f reach_answer); castgraph=$castgraph hosts=$hosts reach_answer $data"
    [[ ! -f $snapshot ]] || ls -l "$snapshot" | awk -v s="$scale" '{ printf "| %s | snapshot file size (MiB) | | | %d | | | |\n", s, $5 / 1048576 }'
  fi
  if [[ $what != castgraph ]]; then
    peer_runs=${PEER_RUNS:-$([[ $scale == 1 ]] && echo 1 || echo 3)}
    for peer in ${PEERS:-igraph graph-tool networkx}; do
      if [[ $peer == networkx && $scale == 1 ]]; then continue; fi  # hours and > 24 GB
      /usr/bin/python3 -c "import ${peer/graph-tool/graph_tool}" 2>/dev/null || { echo "($peer not installed)"; continue; }
      row "$scale" "$peer load CSV + 10-host reach" "$peer_runs" \
        bash -c "$(declare -f peer_answer); peer_memory_kb=$peer_memory_kb peer_answer $peer $data $hosts"
    done
  fi
done
if ((${#failures[@]})); then
  echo "load_bench.sh: ${#failures[@]} step(s) failed:" >&2
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
