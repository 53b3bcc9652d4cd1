#!/usr/bin/env bash
# `npm start`: everything on a fresh machine. Installs and builds, starts Kafka and PostgreSQL,
# runs migrations, starts ingest, aggregator and api, feeds simulated demo data, and prints the
# API URL. Ctrl-C stops the three services (the broker keeps running: `npm run infra:down`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# PostgreSQL: migrations and the admin tools as the owner, each service as its own role
# (docs/ARCHITECTURE.md, "Trust boundaries"). The roles and the database are made by
# scripts/infra/ensure-db.js (run by infra/up.sh as the superuser, DATABASE_SUPERUSER_URL).
DB_LOCAL="127.0.0.1:5432/missing_children"
export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-postgres://mcm_owner@$DB_LOCAL}"
export INGEST_DATABASE_URL="${INGEST_DATABASE_URL:-postgres://mcm_ingest@$DB_LOCAL}"
export AGGREGATOR_DATABASE_URL="${AGGREGATOR_DATABASE_URL:-postgres://mcm_aggregator@$DB_LOCAL}"
export API_DATABASE_URL="${API_DATABASE_URL:-postgres://mcm_api@$DB_LOCAL}"
if [ -n "${DATABASE_URL:-}" ]; then
  echo "[start] ignoring DATABASE_URL: each service has its own (INGEST_/AGGREGATOR_/API_DATABASE_URL), migrations MIGRATION_DATABASE_URL" >&2
  unset DATABASE_URL
fi
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export API_PORT="${API_PORT:-3000}"
DEMO_CHILDREN="${DEMO_CHILDREN:-3000}"
DEMO_DAYS="${DEMO_DAYS:-365}"

bash scripts/ensure-deps.sh
bash scripts/infra/up.sh
node dist/libs/persistence/src/cli/migrate.js

# The demo agencies are onboarded as any agency is: a certificate, topics and grants on the
# broker, an HTTP credential, a row in the register. Their credentials stay in .infra (mode 600).
DEMO_NOW="$(date -u +%FT00:00:00Z)"
DEMO_AGENCIES="$ROOT/.infra/demo-agencies.csv"
node dist/tools/simulator/src/main.js --children "$DEMO_CHILDREN" --days "$DEMO_DAYS" --seed 1 --now "$DEMO_NOW" \
  --dry-run --out "$ROOT/.infra/demo-plan.json" --agencies-out "$DEMO_AGENCIES" 2>/dev/null
( umask 077; node dist/tools/agency/src/main.js add --file "$DEMO_AGENCIES" --if-missing --json >> "$ROOT/.infra/demo-agencies.jsonl" ) 2>&1 |
  sed 's/^/[start] demo agencies: /'
echo "[start] demo agencies' credentials: .infra/demo-agencies.jsonl"

LOGS="$ROOT/.infra/logs"
mkdir -p "$LOGS"
PIDS=()
stop() {
  echo "[start] stopping services"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
for service in ingest aggregator api; do
  bash scripts/run-service.sh "$service" >"$LOGS/$service.log" 2>&1 &
  PIDS+=($!)
  echo "[start] $service started (pid $!, log .infra/logs/$service.log)"
done

URL="http://127.0.0.1:$API_PORT"
for _ in $(seq 1 60); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/health" >/dev/null || { echo "[start] the api did not become healthy; see .infra/logs/api.log" >&2; exit 1; }

TOKEN="$(node dist/tools/token/src/main.js --role statistician --sub npm-start)"
ANALYST_TOKEN="$(node dist/tools/token/src/main.js --role analyst --sub demo-analyst)"
DEMO_TRUTH="$ROOT/.infra/demo-ground-truth.json"
if [ -f "$DEMO_TRUTH" ]; then
  echo "[start] demo data already published (ground truth: .infra/demo-ground-truth.json)"
else
  echo "[start] publishing simulated demo data: $DEMO_CHILDREN children over $DEMO_DAYS days"
  # A fixed seed and today's date: publishing again the same day repeats the same eventIds.
  node dist/tools/simulator/src/main.js --children "$DEMO_CHILDREN" --days "$DEMO_DAYS" --seed 1 \
    --now "$DEMO_NOW" --out "$DEMO_TRUTH"
fi
echo "[start] waiting for the aggregator to count the demo data"
LAST=""
STABLE=0
for _ in $(seq 1 120); do
  TOTAL="$(curl -fs -H "Authorization: Bearer $TOKEN" "$URL/v1/incidence/weekly?from=$(date -u -d "-$DEMO_DAYS days" +%F)" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).weeks.reduce((a,w)=>a+w.episodesStarted,0)))')"
  # Batches can take seconds: the count must hold still for three readings in a row.
  if [ "${TOTAL:-0}" -gt 0 ] && [ "$TOTAL" = "$LAST" ]; then STABLE=$((STABLE + 1)); else STABLE=0; fi
  [ "$STABLE" -ge 3 ] && break
  LAST="$TOTAL"; sleep 3
done
echo "[start] $LAST national episodes counted over the last $DEMO_DAYS days"
# Linkage against the simulator's truth: whole-history national children and episodes.
DATABASE_URL="$AGGREGATOR_DATABASE_URL" node dist/tools/demo-check/src/main.js --truth "$DEMO_TRUTH" | sed 's/^/[start] /' || true
# The bulletin job ran at start-up, before the demo data: build last week's again (a revision if
# the figures changed since).
DATABASE_URL="$AGGREGATOR_DATABASE_URL" node dist/tools/bulletin/src/main.js --week "$(date -u -d '-7 days' +%G-W%V)" | sed 's/^/[start] /'

echo "$ANALYST_TOKEN" > "$ROOT/.infra/analyst.token"
cat <<MSG

  Missing Children Monitor is running.
    Dashboard: $URL/  (sign in with the token below)
    API:      $URL
    OpenAPI:  $URL/docs
    Health:   $URL/health
    Agencies: publish over Kafka (mutual TLS, 127.0.0.1:9092, own topic) or HTTP at http://127.0.0.1:${INGEST_HTTP_PORT:-3100}/v1/events
              (OpenAPI at /docs); demo credentials in .infra/demo-agencies.jsonl; npm run agency -- list
    Token:    an analyst token (8 hours) is in .infra/analyst.token; mint others with
              npm run token -- --role analyst|statistician|data-steward|admin --sub <name>
    Try:      curl -H "Authorization: Bearer \$(cat .infra/analyst.token)" '$URL/v1/incidence/weekly?setting=CARE'
              curl -H "Authorization: Bearer \$(cat .infra/analyst.token)" '$URL/v1/bulletins'
  Logs in .infra/logs. Ctrl-C stops the services.

MSG
wait
