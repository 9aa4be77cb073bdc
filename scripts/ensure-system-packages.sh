#!/usr/bin/env bash
# Installs the C libraries OrgLens links against when they are missing (as root, via apt-get);
# otherwise says what to install. Called by every Makefile target that builds.
set -euo pipefail

missing=()
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
{ command -v pkg-config >/dev/null && pkg-config --exists libxml-2.0; } || missing+=(libxml2-dev pkg-config)
# /usr/bin/time measures peak memory in tests and benchmarks.
[ -x /usr/bin/time ] || missing+=(time)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
