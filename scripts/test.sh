#!/usr/bin/env bash
# The whole suite on a fresh machine: dependencies, build, Kafka, PostgreSQL, then unit and
# integration tests (jest, in band: integration specs share one broker and one database server).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash scripts/ensure-deps.sh
# Lint first (ESLint, Prettier and the module boundaries): a red lint is a red suite.
if ! npm run --silent lint; then
  echo "[test] npm run lint failed (see above)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
bash scripts/infra/up.sh
exec npx jest --runInBand --ci "$@"
