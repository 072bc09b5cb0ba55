#!/usr/bin/env bash
# castgraph-mpi on `generate --preset liaoning` with 1, 2 and 4 ranks: per command, the
# median wall time, the CPU time of all ranks (user + sys), the peak RSS of each rank and
# the bytes each rank handed to MPI collectives (the rows shuffled and every reduction,
# counted in code and printed by --verbose). Ranks share the machine's cores, so the
# figures that carry to a cluster are memory per rank and bytes moved, not the speed-up.
#
#   bench/mpi_bench.sh [SCALE...]        default scale: 0.1
#
# Environment: RUNS (runs per figure, default 3; medians), RANKS (default "1 2 4"),
# ROUND_BYTES (castgraph-mpi --round-bytes: the most bytes of rows per rank per round of
# the shuffle; default castgraph-mpi's 1 GiB),
# COMMANDS (which rows, default "info reach overlap rank plan top"; top is overlap --top;
# snapshot writes a shard set for each rank count, and shard-info and shard-reach open it:
# "snapshot shard-info shard-reach" measures writing and opening the shards; "tiers export
# audience render" the commands rank 0 finishes: tiers --by base, export --communities,
# export --audience, render --view hosts --color community; "audit" the audit, whose
# Fraudar peeling runs on rank 0 over the fans it gathers),
# BENCH_DIR (default /tmp/castgraph-bench), CASTGRAPH and CASTGRAPH_MPI (the binaries),
# MIN_AVAIL_GB (wait before each mpirun until `free -g` shows this many GB available, for a
# machine shared with other jobs; default 0, no wait).
# A run that fails (e.g. a rank killed by the OOM killer) prints a row saying so, with the
# peak RSS each rank reached, keeps mpirun's stderr in BENCH_DIR, and the bench goes on.
# Needs a release build with castgraph-mpi (scripts/build.sh release, Open MPI installed).
# Prints one Markdown table row per command and rank count.
set -euo pipefail
cd "$(dirname "$0")/.."
castgraph=${CASTGRAPH:-build/release/cli/castgraph}
castgraph_mpi=$(realpath "${CASTGRAPH_MPI:-build/release/mpi/castgraph-mpi}")
runs=${RUNS:-3}
read -r -a rank_counts <<<"${RANKS:-1 2 4}"
read -r -a wanted <<<"${COMMANDS:-info reach overlap rank plan top}"
scales=("$@")
((${#scales[@]})) || scales=(0.1)
work=${BENCH_DIR:-/tmp/castgraph-bench}
mkdir -p "$work"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One rank under /usr/bin/time, its report in $scratch/time.RANK.
cat >"$scratch/rank.sh" <<'WRAP'
#!/bin/sh
exec /usr/bin/time -v -o "$TIME_DIR/time.$OMPI_COMM_WORLD_RANK" "$@"
WRAP
chmod +x "$scratch/rank.sh"

wait_for_memory() {
  local want=${MIN_AVAIL_GB:-0}
  until (($(free -g | awk '/^Mem:/ {print $7}') >= want)); do
    echo "waiting for ${want} GB available ($(free -g | awk '/^Mem:/ {print $7}') now)" >&2
    sleep 30
  done
}

# run NP ARGS...: prints "wall cpu rss_per_rank bytes_per_rank" of one run, or
# "FAILED status rss_per_rank" when mpirun fails.
run() {
  local np=$1
  shift
  rm -f "$scratch"/time.*
  wait_for_memory
  local start end status=0
  start=$(date +%s.%N)
  # A session directory of its own: Open MPI 4.1 removes the shared /tmp/ompi.HOST.UID
  # when it finds it empty, which can fail another mpirun starting at that moment.
  TIME_DIR=$scratch mpirun -q --mca orte_tmpdir_base "$scratch" --oversubscribe \
    --allow-run-as-root -x TIME_DIR -np "$np" \
    "$scratch/rank.sh" "$castgraph_mpi" --verbose ${ROUND_BYTES:+--round-bytes "$ROUND_BYTES"} \
    "$@" >/dev/null 2>"$scratch/err" || status=$?
  end=$(date +%s.%N)
  if ((status)); then
    cp "$scratch/err" "$work/failed-$1-np$np.err"
    local kb rss=()
    for ((r = 0; r < np; r++)); do
      kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$scratch/time.$r" 2>/dev/null)
      rss+=("$((${kb:-0} / 1024))")
    done
    echo "FAILED $status $(
      IFS=/
      echo "${rss[*]}"
    )"
    return
  fi
  local cpu=0 rss=()
  for ((r = 0; r < np; r++)); do
    local user sys kb
    user=$(awk -F': ' '/User time/ {print $2}' "$scratch/time.$r")
    sys=$(awk -F': ' '/System time/ {print $2}' "$scratch/time.$r")
    kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$scratch/time.$r")
    cpu=$(echo "$cpu + $user + $sys" | bc)
    rss+=("$((kb / 1024))")
  done
  local bytes
  bytes=$(sed -n 's/.*by rank: \(.*\); total \([0-9]*\); rows exchanged in \([0-9]*\) rounds$/\1 total \2, \3 rounds/p' "$scratch/err")
  echo "$(echo "$end - $start" | bc) $cpu $(
    IFS=/
    echo "${rss[*]}"
  ) $bytes"
}

echo "| scale | command | ranks | wall s (median) | CPU s, all ranks | peak RSS MB per rank | bytes sent per rank (rank: bytes) | runs |"
echo "|---|---|---|---|---|---|---|---|"
for scale in "${scales[@]}"; do
  data="$work/liaoning-$scale"
  [[ -f $data/follows.csv ]] || "$castgraph" generate --preset liaoning --scale "$scale" --seed 1 -o "$data" >/dev/null
  hosts=$(sed -n '2,21p' "$data/broadcasters.csv" | cut -d, -f1 | paste -sd,)
  declare -A commands=(
    [info]="info $data" [reach]="reach $data --hosts $hosts"
    [overlap]="overlap $data --hosts ${hosts%%,h11*}" [rank]="rank $data --by reach"
    [plan]="plan $data --k 20" [top]="overlap $data --top 20"
    [snapshot]="snapshot $data -o $scratch/shards-NP" [shard-info]="info $scratch/shards-NP"
    [shard-reach]="reach $scratch/shards-NP --hosts $hosts"
    [tiers]="tiers $data --by base" [export]="export $data --communities -o $scratch/net.graphml"
    [audience]="export $data --audience -o $scratch/audience.csv"
    [render]="render $data --view hosts --color community -o $scratch/hosts.svg"
    [audit]="audit $data --json")
  for name in "${wanted[@]}"; do
    for np in "${rank_counts[@]}"; do
      command=${commands[$name]//shards-NP/shards-$np}
      : >"$scratch/samples"
      for ((i = 0; i < runs; i++)); do
        # shellcheck disable=SC2086
        run "$np" $command >>"$scratch/samples"
      done
      label=${command%% *}
      [[ $name == top ]] && label="overlap --top"
      [[ $name == shard-* ]] && label="$label (shard set)"
      [[ $name == export || $name == audience || $name == render ]] && label=${command/$data /}
      label=${label/$scratch\//}
      if failed=$(grep -m1 '^FAILED' "$scratch/samples"); then
        read -r _ status rss <<<"$failed"
        echo "| $scale | $label | $np | failed: mpirun exit $status | | $rss (peak before the end) | | $runs |"
        continue
      fi
      wall=$(cut -d' ' -f1 "$scratch/samples" | median)
      cpu=$(cut -d' ' -f2 "$scratch/samples" | median)
      last=$(tail -1 "$scratch/samples")
      rss=$(cut -d' ' -f3 <<<"$last")
      bytes=$(cut -d' ' -f4- <<<"$last")
      echo "| $scale | $label | $np | $(printf %.2f "$wall") | $(printf %.2f "$cpu") | $rss | $bytes | $runs |"
    done
  done
done
