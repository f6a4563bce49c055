#!/usr/bin/env bash
# Installs what the build and tests need, and only what is missing: Debian packages,
# the Dear ImGui and SDL2 sources (Debian source packages, into .cache/), npm test tooling.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${FMNIST_CACHE:-.cache}

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# --- Debian packages: each entry is "package:file-or-command that proves it is installed"
need=(
  "emscripten:/usr/bin/emcc"
  "libeigen3-dev:/usr/include/eigen3/Eigen/Core"
  "dataset-fashion-mnist:/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"
  "zlib1g-dev:/usr/include/zlib.h"
  "libgtest-dev:/usr/include/gtest/gtest.h"
  "googletest:/usr/src/googletest"
  "cmake:cmake"
  "g++:g++"
  "chromium:/usr/bin/chromium"
  "nodejs:node"
  "npm:npm"
  "python3:python3"
  "python3-numpy:/usr/lib/python3/dist-packages/numpy/__init__.py"
  "clang:clang"
  "libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a"
  "fonts-nanum:/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
  "fonttools:pyftsubset"
  "xz-utils:xz"
  "dpkg-dev:dpkg-source"
)
missing=()
for entry in "${need[@]}"; do
  pkg=${entry%%:*}; probe=${entry#*:}
  if [[ $probe == /* ]]; then [ -e "$probe" ] && continue
  else command -v "$probe" >/dev/null 2>&1 && continue; fi
  missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Dear ImGui 1.86 and SDL2 2.26.5 sources from Debian's source packages, unpacked into $CACHE/src.
# A private apt configuration (source list + lists dir under $CACHE) leaves the system's apt untouched.
IMGUI_TAR=imgui_1.86+ds.orig.tar.xz
IMGUI_SHA=0dace0e8e57d298eb6e93af12dc19420cb96330832f6495c733b90aeeef11f64
SDL_TAR=libsdl2_2.26.5+dfsg.orig.tar.gz
SDL_SHA=b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3

fetch_sources() {
  local apt_dir="$PWD/$CACHE/apt"
  mkdir -p "$apt_dir/sources.list.d" "$apt_dir/lists/partial" "$CACHE/src"
  # The archive's address comes from the system's own Debian entry; no host is written in the repo.
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "deps: no Debian archive found in /etc/apt; cannot fetch imgui/libsdl2 sources" >&2; exit 1; }
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" > "$apt_dir/sources.list.d/fmnist-src.sources"
  local opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
              -o "Dir::State::Lists=$apt_dir/lists" -o "APT::Sandbox::User=root")
  echo "deps: fetching Debian source packages imgui and libsdl2 into $CACHE/src"
  apt-get "${opts[@]}" -qq update
  (cd "$CACHE/src" && apt-get "${opts[@]}" -qq source --download-only imgui libsdl2)
}

check_sha() {  # file sha
  echo "$2  $1" | sha256sum -c --quiet - || { echo "deps: checksum mismatch for $1 (expected the pinned version)" >&2; exit 1; }
}

if [ ! -f "$CACHE/imgui/imgui.h" ] || [ ! -f "$CACHE/SDL2/include/SDL.h" ]; then
  if [ ! -f "$CACHE/src/$IMGUI_TAR" ] || [ ! -f "$CACHE/src/$SDL_TAR" ]; then fetch_sources; fi
  check_sha "$CACHE/src/$IMGUI_TAR" "$IMGUI_SHA"
  check_sha "$CACHE/src/$SDL_TAR" "$SDL_SHA"
  rm -rf "$CACHE/imgui" "$CACHE/SDL2"
  mkdir -p "$CACHE/imgui" "$CACHE/SDL2"
  tar -xJf "$CACHE/src/$IMGUI_TAR" -C "$CACHE/imgui" --strip-components=1
  tar -xzf "$CACHE/src/$SDL_TAR" -C "$CACHE/SDL2" --strip-components=1
  echo "deps: Dear ImGui 1.86 and SDL2 2.26.5 sources ready in $CACHE/"
fi

# --- npm tooling for the browser tests and the benchmark, pinned by the committed lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: npm ci (playwright-core and benchmark tooling)"
  npm ci --no-audit --no-fund --loglevel=error
fi
