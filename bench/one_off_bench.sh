#!/usr/bin/env bash
# One-off questions straight from CSV (issue 24): a 10-host weighted reach on
# `generate --preset liaoning`, asked the first time (by default the focused load:
# only the ten hosts' follows and their fans are built, every row still checked, nothing
# written to the cache; loaders/focused_load.hpp), with the full load (--load full --no-cache), with the
# full load writing the cache entry (--load full, empty cache: loaders/dataset_cache.hpp)
# and again (the cache is hit: the snapshot is mapped), against DuckDB (SQL on the CSV
# files: SELECT DISTINCT fans of the hosts, weights joined from fans.csv) and
# python-igraph (load follows.csv, take the hosts' neighbours, sum the weights). Every
# tool must print the same answer.
#
#   bench/one_off_bench.sh [SCALE...]        default scales: 0.1 1
#
# Environment: RUNS (default 5; medians are reported), BASELINE (another castgraph binary,
# e.g. main's: its first query and this one's are then also run alternately, one run of
# each in turn, RUNS times, so that a shared machine's load falls on both alike; ONLY_FIRST=1
# then skips the other castgraph rows), PEER_RUNS (python-igraph's runs,
# default RUNS), BENCH_DIR (default /tmp/castgraph-one-off; the datasets, the cache and
# DuckDB's npm package go there), CASTGRAPH (the binary), KEEP_DATA=1 keeps the generated
# datasets (deleted at the end otherwise: scale 1 is about 3.5 GB), PEERS (default
# "duckdb igraph"), CACHE_WRITE_RUNS (runs of the cache-writing row, default RUNS: at
# scale 1 each writes 3 GB and fsyncs it).
#
# Needs a release build, node and npm (the script installs @duckdb/node-api into
# BENCH_DIR, nowhere else) and apt-get install python3-igraph.
# Prints one Markdown table row per measurement: median wall seconds, median CPU seconds
# (user + sys), median peak RSS (/usr/bin/time), runs, the 1-minute load average when
# the runs started, and the answer.
set -euo pipefail
cd "$(dirname "$0")/.."
castgraph=$(realpath "${CASTGRAPH:-build/release/cli/castgraph}")
runs=${RUNS:-5}
scales=("$@")
((${#scales[@]})) || scales=(0.1 1)
work=${BENCH_DIR:-/tmp/castgraph-one-off}
mkdir -p "$work"
work=$(realpath "$work")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if [[ " ${PEERS:-duckdb igraph} " == *" duckdb "* && ! -d $work/node_modules/@duckdb/node-api ]]; then
  npm install --silent --no-save --prefix "$work" @duckdb/node-api >/dev/null
fi

# DuckDB on the CSV files: the people the hosts reach, as castgraph counts them (a fan
# absent from fans.csv weighs 1). The script sits beside node_modules, where an ES
# module's imports are looked for.
cat >"$work/duckdb_reach.mjs" <<'JS'
import { DuckDBInstance } from '@duckdb/node-api';
const [dir, hosts] = process.argv.slice(2);
const list = hosts.split(',').map((h) => `'${h.replaceAll("'", "''")}'`).join(',');
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const reader = (file) => `read_csv('${dir}/${file}', header = true, all_varchar = true)`;
const result = await connection.runAndReadAll(`
  WITH reached AS (SELECT DISTINCT fan FROM ${reader('follows.csv')} WHERE broadcaster IN (${list}))
  SELECT sum(coalesce(CAST(f.weight AS BIGINT), 1)) AS people
  FROM reached r LEFT JOIN ${reader('fans.csv')} f ON f.id = r.fan`);
console.log(String(result.getRows()[0][0]));
JS
cat >"$scratch/igraph_reach.py" <<'PY'
import csv, sys
import igraph
directory, hosts = sys.argv[1], sys.argv[2].split(",")
with open(directory + "/follows.csv", newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    next(rows)
    graph = igraph.Graph.TupleList(((fan, host) for fan, host, *_ in rows), directed=False)
fans = set()
for host in hosts:
    fans.update(graph.vs[graph.neighbors(graph.vs.find(name=host).index)]["name"])
weights = {}
with open(directory + "/fans.csv", newline="", encoding="utf-8") as f:
    rows = csv.DictReader(f)
    for row in rows:
        if row["id"] in fans:
            weights[row["id"]] = int(row.get("weight") or 1)
print(sum(weights.get(fan, 1) for fan in fans))
PY

# measure N BEFORE CMD...: median "wall cpu peak_kb" of N runs (BEFORE, a shell command,
# runs untimed before each), and the first run's last line.
measure() {
  local n=$1 before=$2 i
  shift 2
  : >"$scratch/samples"
  for ((i = 0; i < n; i++)); do
    bash -c "$before"
    /usr/bin/time -f "%e %U %S %M" -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err" ||
      { echo "FAILED $(tail -1 "$scratch/err")"; return; }
    ((i > 0)) || answer=$(tail -1 "$scratch/out")
    read -r wall user sys kb <"$scratch/time"
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $kb" >>"$scratch/samples"
  done
  median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  echo "$(cut -d' ' -f1 "$scratch/samples" | median) $(cut -d' ' -f2 "$scratch/samples" | median)" \
    "$(cut -d' ' -f3 "$scratch/samples" | median) ${answer:--}"
}

row() {
  local scale=$1 step=$2 n=$3 before=$4 load result
  shift 4
  load=$(cut -d' ' -f1 /proc/loadavg)
  result=$(measure "$n" "$before" "$@")
  if [[ $result == FAILED* ]]; then
    printf '| %s | %s | failed: %s | | | %d | %s | - |\n' "$scale" "$step" "${result#FAILED }" "$n" "$load"
    return
  fi
  read -r wall cpu kb answer <<<"$result"
  printf '| %s | %s | %s | %s | %d | %d | %s | %s |\n' "$scale" "$step" "$wall" "$cpu" \
    $((kb / 1024)) "$n" "$load" "$answer"
}

# alternate SCALE DATA HOSTS: the first query of BASELINE and of CASTGRAPH, one run of
# each in turn, RUNS times; a row for each (medians).
alternate() {
  local scale=$1 data=$2 hosts=$3 i which result load
  load=$(cut -d' ' -f1 /proc/loadavg)
  : >"$scratch/baseline" && : >"$scratch/current"
  for ((i = 0; i < runs; i++)); do
    for which in baseline current; do
      local binary=$castgraph
      [[ $which == current ]] || binary=$(realpath "$BASELINE")
      result=$(castgraph="$binary" measure 1 "rm -rf '$XDG_CACHE_HOME'" \
        bash -c 'castgraph_reach "$0" --hosts "$1"' "$data" "$hosts")
      echo "$result" >>"$scratch/$which"
    done
  done
  median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  for which in baseline current; do
    read -r _ _ _ answer <"$scratch/$which"
    printf '| %s | %s, first query, alternated | %s | %s | %d | %d | %s | %s |\n' "$scale" \
      "$([[ $which == current ]] && echo "castgraph (CASTGRAPH)" || echo "baseline (BASELINE)")" \
      "$(cut -d' ' -f1 "$scratch/$which" | median)" "$(cut -d' ' -f2 "$scratch/$which" | median)" \
      $(($(cut -d' ' -f3 "$scratch/$which" | median) / 1024)) "$runs" "$load" "$answer"
  done
}

# castgraph's answer: the JSON's unique_reach, alone on the last line. Its cache lives in
# the bench directory, never in ~/.cache.
export XDG_CACHE_HOME=$work/cache
castgraph_reach() {
  "$castgraph" reach "$@" --method exact --json | awk -F'[:,]' '/"unique_reach"/ { gsub(/ /, "", $2); print $2 }'
}
export -f castgraph_reach
export castgraph

echo "| scale | step | wall s | CPU s | peak MiB | runs | load avg | answer |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for scale in "${scales[@]}"; do
  data="$work/liaoning-$scale"
  [[ -f $data/follows.csv ]] ||
    "$castgraph" generate --preset liaoning --scale "$scale" --seed 1 -q --force -o "$data" >/dev/null
  # the ten hosts with the most follow rows (the generator writes no quoted fields)
  hosts=$(awk -F, 'NR > 1 { rows[$2]++ } END { for (h in rows) print rows[h], h }' "$data/follows.csv" |
    sort -k1,1nr -k2,2 | awk 'NR <= 10 {print $2}' | paste -sd, -)
  rm -rf "$XDG_CACHE_HOME"
  [[ -z ${BASELINE:-} ]] || alternate "$scale" "$data" "$hosts"
  if [[ ${ONLY_FIRST:-0} != 1 ]]; then
    row "$scale" "castgraph, first query (default: focused load, no cache write)" "$runs" \
      "rm -rf '$XDG_CACHE_HOME'" bash -c 'castgraph_reach "$0" --hosts "$1"' "$data" "$hosts"
    row "$scale" "castgraph, full load (--load full --no-cache)" "$runs" "" \
      bash -c 'castgraph_reach "$0" --hosts "$1" --load full --no-cache' "$data" "$hosts"
    row "$scale" "castgraph, full load + cache write (--load full)" "${CACHE_WRITE_RUNS:-$runs}" \
      "rm -rf '$XDG_CACHE_HOME'" bash -c 'castgraph_reach "$0" --hosts "$1" --load full' "$data" "$hosts"
    row "$scale" "castgraph, repeat query (cache hit)" "$runs" "" \
      bash -c 'castgraph_reach "$0" --hosts "$1"' "$data" "$hosts"
    echo "(cache entry: $(du -b "$XDG_CACHE_HOME"/castgraph/*.cgs | cut -f1) bytes; CSV: $(du -cb "$data"/*.csv | tail -1 | cut -f1) bytes)"
  fi
  for peer in ${PEERS:-duckdb igraph}; do
    case $peer in
      duckdb) row "$scale" "DuckDB $(node -e "console.log(require('$work/node_modules/@duckdb/node-api/package.json').version)") SQL on CSV" "$runs" "" \
                node "$work/duckdb_reach.mjs" "$data" "$hosts" ;;
      igraph) /usr/bin/python3 -c "import igraph" 2>/dev/null || { echo "(python3-igraph not installed)"; continue; }
              row "$scale" "python-igraph load follows.csv + reach" "${PEER_RUNS:-$runs}" "" \
                /usr/bin/python3 "$scratch/igraph_reach.py" "$data" "$hosts" ;;
    esac
  done
  rm -rf "$XDG_CACHE_HOME"
  [[ ${KEEP_DATA:-0} == 1 ]] || rm -rf "$data"
done
