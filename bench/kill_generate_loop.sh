#!/usr/bin/env bash
# Kills `castgraph generate --force` with SIGKILL at random moments, many times, and
# checks after each kill that the output directory holds the old dataset or the new one,
# complete, never a mixture; that a user's file beside the dataset survives every kill;
# and that the next run cleans what the killed ones left.
#   bench/kill_generate_loop.sh [KILLS] [CASTGRAPH]
# KILLS defaults to 300; CASTGRAPH to build/release/cli/castgraph. Work goes under
# /tmp/castgraph-bench/kill-generate (removed at the end). Prints a tally; exits 1 on any
# mixture, lost file or leftover.
set -euo pipefail
kills=${1:-300}
castgraph=$(realpath "${2:-build/release/cli/castgraph}")
work=/tmp/castgraph-bench/kill-generate
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"

new_args=(--preset liaoning --scale 0.01 --seed 1)
"$castgraph" generate "${new_args[@]}" -q -o reference
"$castgraph" generate --preset tiny -q -o old
echo "the user's notes" > old/notes.txt

# "name sha256" of every regular file in a directory, sorted.
fingerprint() { (cd "$1" && find . -maxdepth 1 -type f -printf '%f\n' | sort | xargs sha256sum); }
cp old/notes.txt reference/notes.txt
old_print=$(fingerprint old)
new_print=$(fingerprint reference)

# One full run, to spread the kills: half uniform over 0 .. 2x its length, half over
# 0.8x .. 1.6x, where the files are complete and the swap happens (runs in the loop take
# longer than this one, which had the machine to itself).
rm -rf out && cp -a old out
start=$(date +%s%N)
"$castgraph" generate "${new_args[@]}" -q --force -o out
full_ms=$((($(date +%s%N) - start) / 1000000))
span_ms=$((full_ms * 2 + 1))

old_count=0 new_count=0 mixtures=0 finished=0 while_staging=0 after_swap=0
for ((i = 1; i <= kills; i++)); do
  rm -rf out && cp -a old out
  if ((i % 2)); then
    delay_ms=$((RANDOM % span_ms))
  else
    delay_ms=$((full_ms * 8 / 10 + RANDOM % (full_ms * 8 / 10 + 1)))
  fi
  "$castgraph" generate "${new_args[@]}" -q --force -o out &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  if kill -KILL "$pid" 2>/dev/null; then :; else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
  own_staging=$([[ -d .out.castgraph-generate.$pid ]] && echo yes || echo no)
  now=$(fingerprint out)
  if [[ $now == "$old_print" ]]; then
    old_count=$((old_count + 1))
    [[ $own_staging == yes ]] && while_staging=$((while_staging + 1))
  elif [[ $now == "$new_print" ]]; then
    new_count=$((new_count + 1))
    [[ $own_staging == yes ]] && after_swap=$((after_swap + 1))
  else
    mixtures=$((mixtures + 1))
    echo "kill $i after $delay_ms ms: a mixture:" >&2
    echo "$now" >&2
  fi
done

# What the killed runs left beside the output, then a run that must clean it all.
leftovers=$(find . -maxdepth 1 -name '.out.castgraph-generate.*' | wc -l)
"$castgraph" generate "${new_args[@]}" -q --force -o out
remaining=$(find . -maxdepth 1 -name '.out.castgraph-generate.*' | wc -l)
[[ $(fingerprint out) == "$new_print" ]] || { echo "the final run is not the new dataset" >&2; mixtures=$((mixtures + 1)); }

echo "kills: $kills (one full run: $full_ms ms; delays: half in 0..$span_ms ms, half in 0.8x..1.6x)"
echo "  old dataset complete: $old_count ($while_staging of them killed while writing the staging directory)"
echo "  new dataset complete: $new_count ($after_swap of them killed after the swap, before removing the old)"
echo "  mixtures:             $mixtures"
echo "  run had finished before its kill: $finished"
echo "  staging leftovers after the loop: $leftovers; after one more run: $remaining"
[[ $mixtures -eq 0 && $remaining -eq 0 ]]
