#!/usr/bin/env bash
# Chromium renders the PNG/SVG downloads (kaleido) and runs the browser tests. Install it when missing.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing ${missing[*]} (for chart images and browser tests)..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    && exit 0
  echo "Could not install ${missing[*]} with apt-get." >&2
else
  echo "Chromium is not installed and cannot be installed automatically here (needs apt-get as root)." >&2
fi
echo "The dashboard still runs; image downloads and browser tests need Chromium: install the 'chromium' package." >&2
exit 0
