#!/usr/bin/env bash
# Stops what up.sh started (the broker). PostgreSQL belongs to the machine and is left running.
set -euo pipefail
bash "$(dirname "$0")/kafka-down.sh"
