#!/usr/bin/env bash
# Every check the project has, in the order that fails fastest: lint, types, unit + integration tests
# (real HTTP against the embedded cluster, kubectl included; the store on real SQLite and a real PostgreSQL
# server the tests start), production build, then Playwright e2e in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[test-all] installing Debian chromium (needed by the e2e tests)"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "[test-all] /usr/bin/chromium is missing: run 'sudo apt-get install -y chromium' first" >&2
    exit 1
  fi
fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "[test-all] installing Debian postgresql (the store's integration tests start a server of their own)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "[test-all] /usr/lib/postgresql/*/bin/initdb is missing: run 'sudo apt-get install -y postgresql' first" >&2
    exit 1
  fi
fi
if ! /usr/bin/python3 -c 'import kubernetes' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "[test-all] installing Debian python3-kubernetes (needed by the embedded cluster's conformance tests)"
    apt-get update -qq && apt-get install -y -qq python3-kubernetes >/dev/null
  else
    echo "[test-all] python3-kubernetes is missing: run 'sudo apt-get install -y python3-kubernetes' first" >&2
    exit 1
  fi
fi
npm run lint
npm run typecheck
npm test
npm run build
npm run e2e
npm run test:standalone
