#!/usr/bin/env bash
# Starts everything the services need: the Kafka broker and the PostgreSQL database. Idempotent.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/infra/kafka-up.sh"
node "$ROOT/scripts/infra/ensure-db.js"
