#!/usr/bin/env bash
# Stops the broker started by kafka-up.sh with SIGTERM (clean shutdown). Idempotent.
set -euo pipefail
source "$(dirname "$0")/env.sh"
PID_FILE="$KAFKA_HOME/kafka.pid"
if [ ! -f "$PID_FILE" ] || ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "[infra] Kafka is not running"; rm -f "$PID_FILE"; exit 0
fi
PID="$(cat "$PID_FILE")"
kill -TERM "$PID"
for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || { rm -f "$PID_FILE"; echo "[infra] Kafka stopped"; exit 0; }; sleep 1; done
echo "[infra] Kafka did not stop in 60 s; sending SIGKILL" >&2
kill -KILL "$PID" 2>/dev/null || true; rm -f "$PID_FILE"
