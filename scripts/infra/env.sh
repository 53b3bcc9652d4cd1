# Shared settings for the infrastructure scripts. Everything lives under the repository,
# git-ignored: .cache holds downloads (kept across runs), .infra holds state and logs.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_LIBS="$ROOT/.cache/kafka/$KAFKA_VERSION/libs"
KAFKA_HOME="$ROOT/.infra/kafka"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export KAFKA_BROKERS
KAFKA_PKI_DIR="${KAFKA_PKI_DIR:-$ROOT/.infra/pki}"
export KAFKA_PKI_DIR
