#!/usr/bin/env bash
# Fetches the Kafka broker and its runtime dependencies from Maven Central, once per machine.
set -euo pipefail
source "$(dirname "$0")/env.sh"
if [ -f "$KAFKA_LIBS/.complete" ]; then exit 0; fi
echo "[infra] fetching Apache Kafka $KAFKA_VERSION from Maven Central into $KAFKA_LIBS"
rm -rf "$KAFKA_LIBS" && mkdir -p "$KAFKA_LIBS"
mvn -q -B -Dstyle.color=never -f "$ROOT/scripts/infra/kafka-pom.xml" -Dkafka.version="$KAFKA_VERSION" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS"
touch "$KAFKA_LIBS/.complete"
