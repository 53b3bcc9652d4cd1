#!/usr/bin/env bash
# The local certificate authority behind the broker's TLS and every client's mutual-TLS identity.
#   pki.sh ca                    creates the CA once (kept in .infra/pki, git-ignored)
#   pki.sh issue <name> client   a client certificate whose subject is CN=<name>: the broker maps
#                                it to the principal User:<name> (ssl.principal.mapping.rules)
#   pki.sh issue <name> server   the same, also valid as the broker's server certificate
#   pki.sh clients <name>...     client certificates for many names at once (onboarding in bulk)
#   pki.sh bootstrap             what a broker and its services need: the CA, the broker's server
#                                identity (also as one PEM key store, clients/mcm-broker.pem), the
#                                admin tooling's, and the default environment's services'
# Prints the certificate's path. Names are restricted so that a subject cannot be forged.
# The one place certificates are made: the agency CLI and the test harness call it too.
set -euo pipefail
source "$(dirname "$0")/env.sh"
PKI="${KAFKA_PKI_DIR:-$ROOT/.infra/pki}"
DAYS="${PKI_DAYS:-825}"
umask 077
mkdir -p "$PKI/clients"

ensure_ca() {
  [ -f "$PKI/ca.crt" ] && return 0
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 3650 \
    -subj "/CN=mcm-local-ca" -keyout "$PKI/ca.key" -out "$PKI/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  chmod 644 "$PKI/ca.crt"
  echo "[infra] created the local certificate authority in $PKI" >&2
}

issue() {
  local name="$1" kind="$2"
  [[ "$name" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$ ]] || { echo "pki: bad name: $name" >&2; exit 2; }
  local crt="$PKI/clients/$name.crt" key="$PKI/clients/$name.key" ext
  ensure_ca
  ext="$(mktemp)"
  if [ "$kind" = server ]; then
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:localhost,DNS:kafka,IP:127.0.0.1\n' >"$ext"
  else
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' >"$ext"
  fi
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$name" -keyout "$key.tmp" 2>/dev/null |
    openssl x509 -req -sha256 -days "$DAYS" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
      -extfile "$ext" -out "$crt.tmp" 2>/dev/null
  rm -f "$ext"
  # PKCS#8, the form the broker's PEM key store reads.
  openssl pkcs8 -topk8 -nocrypt -in "$key.tmp" -out "$key" && rm -f "$key.tmp"
  mv "$crt.tmp" "$crt"
  # The broker reads its key and certificate from one PEM key store.
  if [ "$kind" = server ]; then cat "$key" "$crt" > "$PKI/clients/$name.pem"; fi
  echo "$crt"
}

bootstrap() {
  [ -f "$PKI/clients/mcm-broker.pem" ] || issue mcm-broker server >/dev/null
  for name in mcm-admin mcm-ingest mcm-aggregator mcm-api; do
    [ -f "$PKI/clients/$name.crt" ] || issue "$name" client >/dev/null
  done
}

case "${1:-}" in
  ca) ensure_ca ;;
  bootstrap) bootstrap ;;
  issue) issue "${2:?name}" "${3:-client}" ;;
  clients) shift; for name in "$@"; do issue "$name" client; done ;;
  *) echo "usage: pki.sh ca | bootstrap | issue <name> [client|server] | clients <name>..." >&2; exit 2 ;;
esac
