#!/usr/bin/env bash
# Chromium renders the PNG/SVG downloads (kaleido) and runs the browser tests; the CJK fonts draw Korean in them.
# The apt packages are listed once, in packages.txt (which Streamlit Community Cloud also reads). Install the missing ones.
set -u
cd "$(dirname "$0")/.."
mapfile -t packages < <(grep -v '^\s*\(#\|$\)' packages.txt)
missing=()
for package in "${packages[@]}"; do
  if command -v dpkg >/dev/null 2>&1; then
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  fi
done
if ! command -v dpkg >/dev/null 2>&1; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing ${missing[*]} (for chart images and browser tests)..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    && exit 0
  echo "Could not install ${missing[*]} with apt-get." >&2
else
  echo "Missing ${missing[*]}, which cannot be installed automatically here (needs apt-get as root)." >&2
fi
echo "The dashboard still runs; image downloads and browser tests need Chromium: install the packages in packages.txt." >&2
exit 0
