#!/usr/bin/env bash
# Installs the Debian 12 packages castgraph needs to build, test and compare itself.
# Idempotent: packages already present are skipped, so a second run costs a second.
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config git
  libboost-graph-dev
  libigraph-dev libarpack2-dev libglpk-dev libplfit-dev   # igraph's CMake package needs all four; plan --optimal uses GLPK directly
  libgraphviz-dev graphviz
  librange-v3-dev catch2 libcli11-dev libfmt-dev nlohmann-json3-dev
  libxxhash-dev                                            # XXH3: snapshot checksums, stable fan hash
  libutf8proc-dev                                          # host names: NFKC case folding, accents
  python3                                                  # bench/ peers and render tests
  fonts-noto-cjk libxml2-utils python3-networkx           # CJK labels in PNG/PDF; render tests
  chromium                                                 # report tests: headless DOM and screenshot
  clang libclang-rt-14-dev                                 # scripts/fuzz.sh: libFuzzer is in clang's runtime
  clang-format                                             # scripts/format.sh --check in the test command
  libxlsxwriter-dev                                        # -o FILE.xlsx: tables as an Excel workbook
  libopenmpi-dev openmpi-bin                               # castgraph-mpi (mpi/): Open MPI 4.1.4
)

missing=()
for package in "${build_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all build packages present" >&2
fi
