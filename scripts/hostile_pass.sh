#!/usr/bin/env bash
# Usage: scripts/hostile_pass.sh (after scripts/build.sh release); B=BINARY to try another build.
# Prints one line a case and "N cases, M bad"; exits 1 when any case is bad.
# A second hostile-input pass over the merged tree: each case runs the binary under a time and
# memory limit and must end with a documented status (0, 2, 65, 74), a message on failure, no
# signal, no "internal error", and no raw control characters on the terminal.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${B:-$ROOT/build/release/cli/castgraph}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; cd "$T"
cp -r "$ROOT/samples/tiny" base
"$B" snapshot base -o full.cgs >/dev/null 2>&1; head -c $(( $(stat -c%s full.cgs) / 2 )) full.cgs > half.cgs
mk() { rm -rf "$1"; cp -r base "$1"; }
n=0; bad=0
run() {  # run NAME EXPECTED... -- ARGS
  local name=$1; shift; local expect=(); while [[ $1 != -- ]]; do expect+=("$1"); shift; done; shift
  n=$((n+1))
  (ulimit -v 3000000; timeout 60 "$B" "$@") >out.txt 2>err.txt; local st=$?
  local ok=0; for e in "${expect[@]}"; do [[ $st == "$e" ]] && ok=1; done
  if grep -q "internal error" err.txt; then ok=0; fi
  if [[ $st != 0 && ! -s err.txt ]]; then ok=0; fi
  if LC_ALL=C grep -qP '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' out.txt err.txt; then ok=0; fi
  if ((ok)); then printf 'ok   %-3s %-55s exit %s  %s\n' $n "$name" $st "$(head -c 110 err.txt | tr '\n' ' ')";
  else bad=$((bad+1)); printf 'BAD  %-3s %-55s exit %s  %s\n' $n "$name" $st "$(head -c 300 err.txt | tr '\n' ' ')"; fi
}
H=h1,h2
# --- malformed CSV
mk c1; printf 'id,name\n"p1,unterminated\n' > c1/platforms.csv;              run "unterminated quote in platforms.csv" 65 -- info c1
mk c2; printf '\xef\xbb\xbfid,name\r\ndouyin,抖音\r\n' > c2/platforms.csv;            run "BOM + CRLF platforms.csv" 0 65 -- info c2
mk c3; printf 'id,name\ndouyin,\xff\xfe\n' > c3/platforms.csv;                      run "invalid UTF-8 name" 65 -- info c3
mk c4; printf 'name,id\n抖音,douyin\n' > c4/platforms.csv;                           run "columns in another order" 0 65 -- info c4
mk c5; printf '' > c5/broadcasters.csv;                                         run "empty broadcasters.csv" 65 -- info c5
mk c6; printf 'id,name\n' > c6/broadcasters.csv;                                run "header-only broadcasters.csv" 0 65 -- tiers c6
mk c7; head -c 3 base/fanbases.csv > c7/fanbases.csv;                           run "fanbases.csv cut in its header" 65 -- info c7
mk c8; printf 'broadcaster,platform,fans\nh1,douyin,-5\n' > c8/fanbases.csv;        run "negative fans" 65 -- info c8
mk c9; printf 'broadcaster,platform,fans\nh1,douyin,1e400\n' > c9/fanbases.csv;     run "fans 1e400" 65 -- info c9
mk c10; printf 'broadcaster,platform,fans\nh1,douyin,nan\n' > c10/fanbases.csv;     run "fans nan" 65 -- info c10
mk c11; printf 'broadcaster,platform,fans\nh999,p1,5\n' > c11/fanbases.csv;     run "fanbase of an unknown host" 65 -- info c11
mk c12; printf 'broadcaster,platform,fans\nh1,douyin,5\nh1,douyin,6\n' > c12/fanbases.csv; run "duplicate fanbase" 65 -- info c12
mk c13; sed -i '2s/,[^,]*$/,-1/' c13/broadcasters.csv;                          run "negative fee" 65 -- plan c13 --k 2
mk c14; sed -i '2s/,[^,]*$/,inf/' c14/broadcasters.csv;                         run "infinite fee" 65 -- plan c14 --k 2
mk c15; printf 'a,b,weight\nh1,h1,1\n' > c15/collabs.csv;                       run "self collab" 0 65 -- rank c15 --by pagerank
mk c16; printf 'a,b,weight\nh1,h2,nan\n' > c16/collabs.csv;                     run "collab weight nan" 65 -- communities c16
mk c17; printf 'fan,broadcaster\nf1,h1\nf1,h1\n' > c17/follows.csv;             run "duplicate follow row" 0 65 -- reach c17 --hosts $H
mk c18; printf 'id,weight\nf1,0\n' > c18/fans.csv;                              run "fan weight 0" 0 65 -- reach c18 --hosts $H
mk c19; printf 'id,weight\nf1,1.5\n' > c19/fans.csv;                            run "fractional weight" 0 65 -- reach c19 --hosts $H
mk c20; printf 'id,weight\nf1,18446744073709551616\n' > c20/fans.csv;           run "weight 2^64" 65 -- reach c20 --hosts $H
mk c21; python3 -c "print('id,name'); print('douyin,'+'抖'*200000)" > c21/platforms.csv; run "a 600 KB name" 0 65 -- info c21
mk c22; printf 'id,name\ndouyin,a\x1b[31mred\n' > c22/platforms.csv;                run "ESC in a platform name" 0 65 -- info c22
mk c23; printf 'id,name,x\ndouyin,抖音\n' > c23/platforms.csv;                      run "short row" 65 -- info c23
mk c24; printf 'id,name\ndouyin,抖音,extra\n' > c24/platforms.csv;                   run "long row" 65 -- info c24
mk c25; rm c25/platforms.csv;                                                   run "platforms.csv missing" 65 74 -- info c25
mk c26; chmod 000 c26/fanbases.csv;                                             run "fanbases.csv unreadable (root reads anyway)" 0 74 -- info c26
mk c27; rm c27/follows.csv; mkdir c27/follows.csv;                              run "follows.csv is a directory" 74 65 -- info c27
mk c28; rm c28/follows.csv; ln -s /dev/zero c28/follows.csv;                    run "follows.csv -> /dev/zero" 74 -- info c28
mk c29; rm c29/fans.csv 2>/dev/null; ln -s /dev/urandom c29/fans.csv;           run "fans.csv -> /dev/urandom" 74 -- info c29
mk c30; rm c30/follows.csv; ln -s nowhere c30/follows.csv;                      run "dangling symlink follows.csv" 74 65 -- info c30
# --- flags and queries
run "reach unknown host" 2 -- reach base --hosts nobody
run "reach empty --hosts" 2 -- reach base --hosts ""
run "reach host twice" 0 2 -- reach base --hosts h1,h1
run "plan --k 0" 2 -- plan base --k 0
run "plan --k -1" 2 -- plan base --k -1
run "plan --k 10^30 (read as 2^63-1, warned about)" 0 2 -- plan base --k 1000000000000000000000000000000
run "plan --budget -5" 2 -- plan base --budget -5
run "plan --budget nan" 2 -- plan base --budget nan
run "plan --budget 1e400" 2 -- plan base --budget 1e400
run "tiers --thresholds 0" 2 0 -- tiers base --thresholds 0
run "tiers --thresholds descending" 2 -- tiers base --thresholds 1M,100k
run "reach --method sketch --precision 99" 2 -- reach base --hosts $H --method sketch --precision 99
run "reach --region unknown" 2 -- reach base --hosts $H --region 火星
run "reach --city unknown" 2 -- reach base --hosts $H --city 火星市
run "reach --by nonsense" 2 -- reach base --hosts $H --by nonsense
run "overlap --top 0" 0 2 -- overlap base --top 0
run "communities --resolution -1" 2 -- communities base --resolution -1
run "communities --resolution nan" 2 -- communities base --resolution nan
run "rank --by cpm on tiny" 0 -- rank base --by cpm
run "render to a directory" 2 74 -- render base -o /tmp
run "render unknown format" 2 -- render base -o out.xyz
run "export over the input" 2 -- export base -o base/fans.csv
run "snapshot to an unwritable place" 74 2 -- snapshot base -o /proc/nope.cgs
run "snapshot over a directory" 2 74 -- snapshot base -o base
run "a snapshot cut in half" 65 -- info half.cgs
run "unknown command (issue 21: did you mean)" 2 -- frobnicate
run "--hosts-file missing (issue 21 not built)" 2 -- reach base --hosts-file nope
echo "$n cases, $bad bad"
exit $((bad > 0))
