#!/usr/bin/env bash
# PostgreSQL container init script (docker-compose mounts it in /docker-entrypoint-initdb.d; it
# runs once, as the superuser, when the data directory is first made). The same roles as
# scripts/infra/ensure-db.js, with passwords from the container's environment:
# MCM_OWNER_PASSWORD, MCM_INGEST_PASSWORD, MCM_AGGREGATOR_PASSWORD, MCM_API_PASSWORD (required).
# The database ($POSTGRES_DB) is handed to mcm_owner; the tables and grants come from
# `npm run migration:run` (the compose `migrate` service), as the owner.
set -euo pipefail
: "${MCM_OWNER_PASSWORD:?set MCM_OWNER_PASSWORD}" "${MCM_INGEST_PASSWORD:?set MCM_INGEST_PASSWORD}"
: "${MCM_AGGREGATOR_PASSWORD:?set MCM_AGGREGATOR_PASSWORD}" "${MCM_API_PASSWORD:?set MCM_API_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_pw="$MCM_OWNER_PASSWORD" -v ingest_pw="$MCM_INGEST_PASSWORD" \
  -v aggregator_pw="$MCM_AGGREGATOR_PASSWORD" -v api_pw="$MCM_API_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE mcm_owner LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD :'owner_pw';
CREATE ROLE mcm_ingest LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'ingest_pw';
CREATE ROLE mcm_aggregator LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'aggregator_pw';
CREATE ROLE mcm_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'api_pw';
ALTER DATABASE :"db" OWNER TO mcm_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
