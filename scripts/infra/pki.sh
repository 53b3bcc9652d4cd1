#!/usr/bin/env bash
# The local certificate authority behind the broker's TLS and every client's mutual-TLS identity.
#   pki.sh ca                    creates the CA once (kept in .infra/pki, git-ignored)
#   pki.sh issue <name> client   a client certificate whose subject is CN=<name>: the broker maps
#                                it to the principal User:<name> (ssl.principal.mapping.rules)
#   pki.sh issue <name> server   the same, also valid as the broker's server certificate
#   pki.sh clients <name>[=<cn>]... client certificates for many at once (onboarding in bulk); the
#                                files are named <name>, the subject is CN=<cn> (default <name>):
#                                a re-onboarded agency keeps its file names and gets a new principal
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
  local name="$1" kind="$2" cn="${3:-$1}"
  [[ "$name" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$ ]] || { echo "pki: bad name: $name" >&2; exit 2; }
  [[ "$cn" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$ ]] || { echo "pki: bad common name: $cn" >&2; exit 2; }
  local crt="$PKI/clients/$name.crt" key="$PKI/clients/$name.key"
  local usage=(-addext "extendedKeyUsage=clientAuth")
  [ "$kind" = server ] && usage=(-addext "extendedKeyUsage=serverAuth,clientAuth" -addext "subjectAltName=DNS:localhost,DNS:kafka,IP:127.0.0.1")
  ensure_ca
  # One process per certificate (onboarding issues hundreds): a new P-256 key, written as PKCS#8
  # (the form the broker's PEM key store reads), and its certificate signed by the CA.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days "$DAYS" -subj "/CN=$cn" \
    -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -set_serial "$(printf '0x%08x%08x%08x%08x' "$SRANDOM" "$SRANDOM" "$SRANDOM" "$SRANDOM")" \
    -addext "basicConstraints=CA:FALSE" -addext "keyUsage=critical,digitalSignature" "${usage[@]}" \
    -keyout "$key.tmp" -out "$crt.tmp" 2>/dev/null
  mv "$key.tmp" "$key"
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
  clients) shift; for entry in "$@"; do issue "${entry%%=*}" client "${entry#*=}"; done ;;
  *) echo "usage: pki.sh ca | bootstrap | issue <name> [client|server] | clients <name>..." >&2; exit 2 ;;
esac
