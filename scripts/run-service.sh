#!/usr/bin/env bash
# Starts one service from the build: `bash scripts/run-service.sh <ingest|aggregator|api> [node flags]`.
# The one place the services' Node.js flags are set (npm start, the test and benchmark harness,
# Docker). The stream services allocate a whole batch's worth of objects at a time: a larger
# young generation (V8 semi-space) keeps them out of the old generation and cuts garbage
# collection (measured in docs/PERFORMANCE.md).
set -euo pipefail
service="${1:?usage: run-service.sh <ingest|aggregator|api> [node flags]}"
shift
case "$service" in
  ingest | aggregator) flags=(--max-semi-space-size=64) ;;
  api) flags=() ;;
  *) echo "unknown service: $service" >&2; exit 2 ;;
esac
# Each service connects to PostgreSQL with its own role: <SERVICE>_DATABASE_URL when set (npm
# start, the test harness), else DATABASE_URL (a container per service), else the service's role
# on the local database (postgres://mcm_<service>@127.0.0.1:5432/missing_children).
url_var="$(printf '%s' "$service" | tr '[:lower:]' '[:upper:]')_DATABASE_URL"
if [ -n "${!url_var:-}" ]; then export DATABASE_URL="${!url_var}"; fi
cd "$(dirname "$0")/.."
exec node "${flags[@]}" "$@" "dist/apps/$service/src/main.js"
