#!/usr/bin/env bash
# Starts everything the services need: the secured Kafka broker (with the environment's topics,
# service identities and grants) and the PostgreSQL database. Idempotent.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/infra/kafka-up.sh"
node "$ROOT/scripts/infra/ensure-db.js"
node "$ROOT/scripts/infra/ensure-identity-keys.js"
if [ -f "$ROOT/dist/tools/agency/src/main.js" ]; then
  node "$ROOT/dist/tools/agency/src/main.js" provision | sed 's/^/[infra] /'
else
  echo "[infra] not provisioned yet (build first: npm run build; then npm run agency -- provision)"
fi
