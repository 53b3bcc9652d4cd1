#!/usr/bin/env bash
# Installs dependencies when they are missing or older than the lock file, then builds.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "[setup] building"
npm run --silent build
