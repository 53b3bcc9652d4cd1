#!/usr/bin/env bash
# `npm run bench`: builds, starts Kafka and PostgreSQL, then runs the pipeline benchmark.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash scripts/ensure-deps.sh
bash scripts/infra/up.sh
exec node --max-old-space-size=4096 dist/tools/bench/src/pipeline-bench.js "$@"
