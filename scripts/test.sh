#!/usr/bin/env bash
# The whole suite on a fresh machine: dependencies, build, Kafka, PostgreSQL, then unit and
# integration tests (jest, in band: integration specs share one broker and one database server).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash scripts/ensure-deps.sh
bash scripts/infra/up.sh
exec npx jest --runInBand --ci "$@"
