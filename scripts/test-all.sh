#!/usr/bin/env bash
# Every test Yorisoi has, in the order that fails fastest: types, unit, build (which validates
# the town's data), then the end-to-end journeys in real Chromium. `npm test` runs this; so
# does CI (.ci/run). On Debian it installs the system Chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

chromium_ok() {
  [ -n "${YORISOI_CHROMIUM:-}" ] && [ -x "$YORISOI_CHROMIUM" ] && return 0
  command -v chromium >/dev/null 2>&1 && return 0
  [ -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}" ] && ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}" | grep -q '^chromium' && return 0
  return 1
}

if ! chromium_ok; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian's chromium and Japanese fonts (the end-to-end tests need a browser)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "The end-to-end tests need Chromium. Install it, then run npm test again:" >&2
    echo "  Debian/Ubuntu (as root): apt-get install -y chromium fonts-noto-cjk" >&2
    echo "  elsewhere:               npx playwright install chromium" >&2
    exit 1
  fi
fi

# Vietnamese, Nepali (Devanagari) and Burmese need fonts-noto-core to be laid out as a phone
# would show them: without it the layout checks of those languages measure fallback boxes.
# (no grep -q: with pipefail, grep quitting early makes fc-list fail with SIGPIPE)
if ! fc-list 2>/dev/null | grep "Noto Sans Myanmar" >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing fonts-noto-core (Vietnamese, Devanagari and Myanmar text for the layout checks)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null
  else
    echo "The end-to-end tests need the Noto fonts for Vietnamese, Nepali and Burmese:" >&2
    echo "  Debian/Ubuntu (as root): apt-get install -y fonts-noto-core" >&2
    exit 1
  fi
fi

# e2e/paper-print.spec.ts renders the printed application at 150 dpi with poppler's pdftoppm
if ! command -v pdftoppm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing poppler-utils (pdftoppm renders the printed application for its QR check)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "The end-to-end tests need pdftoppm. Install it, then run npm test again:" >&2
    echo "  Debian/Ubuntu (as root): apt-get install -y poppler-utils" >&2
    echo "  macOS:                   brew install poppler" >&2
    exit 1
  fi
fi

echo "== types (vue-tsc --noEmit)"
npx vue-tsc --noEmit -p tsconfig.json

echo "== unit tests (vitest)"
npx vitest run

echo "== build (validates the town's data)"
npx vite build --logLevel warn

echo "== end-to-end tests (playwright, chromium)"
npx playwright test

echo "== all tests passed in $((SECONDS - started)) s"
