#!/usr/bin/env bash
# Starts a single-node KRaft broker+controller on loopback. Idempotent: a running broker is reused.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/infra/fetch-kafka.sh"
mkdir -p "$KAFKA_HOME"
PID_FILE="$KAFKA_HOME/kafka.pid"
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "[infra] Kafka already running (pid $(cat "$PID_FILE")) on $KAFKA_BROKERS"
  exit 0
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; then
  echo "[infra] port $KAFKA_PORT already accepts connections: using the broker there"
  exit 0
fi
# Identities: the broker's own (server and controller traffic) and the admin tooling's (the only
# super users), and the default environment's services.
bash "$ROOT/scripts/infra/pki.sh" bootstrap
CONFIG="$KAFKA_HOME/server.properties"
cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
# Every listener is TLS with a client certificate required: no unauthenticated client anywhere.
# The controller listener stays on loopback and is used by the broker itself.
listeners=SSL://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SSL://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SSL
listener.security.protocol.map=CONTROLLER:SSL,SSL:SSL
ssl.client.auth=required
ssl.keystore.type=PEM
ssl.keystore.location=$KAFKA_PKI_DIR/clients/mcm-broker.pem
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_PKI_DIR/ca.crt
ssl.endpoint.identification.algorithm=https
# The principal is the certificate's CN (subjects have a CN only; see scripts/infra/pki.sh).
ssl.principal.mapping.rules=RULE:^CN=([^,]+)\$/\$1/,DEFAULT
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:mcm-broker;User:mcm-admin
log.dirs=$KAFKA_HOME/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=-1
PROPS
cat > "$KAFKA_HOME/log4j2.properties" <<PROPS
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $KAFKA_HOME/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
PROPS
JAVA_OPTS=(-Xms256m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$KAFKA_HOME/log4j2.properties" -cp "$KAFKA_LIBS/*")
if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
  CLUSTER_ID="$(java -cp "$KAFKA_LIBS/*" "-Dlog4j2.configurationFile=$KAFKA_HOME/log4j2.properties" kafka.tools.StorageTool random-uuid)"
  java "${JAVA_OPTS[@]}" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$CONFIG" >/dev/null
  echo "[infra] formatted KRaft storage (cluster $CLUSTER_ID)"
fi
nohup java "${JAVA_OPTS[@]}" kafka.Kafka "$CONFIG" >"$KAFKA_HOME/stdout.log" 2>&1 &
echo $! > "$PID_FILE"
echo "[infra] starting Kafka $KAFKA_VERSION (pid $!, heap $KAFKA_HEAP) on $KAFKA_BROKERS"
for _ in $(seq 1 120); do
  if node "$ROOT/scripts/infra/wait-kafka.js" >/dev/null 2>&1; then echo "[infra] Kafka ready"; exit 0; fi
  if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "[infra] Kafka exited during start-up; last lines of its log:" >&2
    tail -30 "$KAFKA_HOME/stdout.log" "$KAFKA_HOME/server.log" >&2 || true
    exit 1
  fi
  sleep 1
done
echo "[infra] Kafka did not become ready in 120 s; see $KAFKA_HOME/server.log" >&2
exit 1
