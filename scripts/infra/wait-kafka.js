// Exits 0 when the broker answers a metadata request (the port alone is not enough). Connects as
// the admin tooling (mutual TLS): the broker accepts no unauthenticated client.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const pki = process.env.KAFKA_PKI_DIR || join(__dirname, '..', '..', '.infra', 'pki');
const ssl = { ca: [readFileSync(join(pki, 'ca.crt'))], cert: readFileSync(join(pki, 'clients', 'mcm-admin.crt')), key: readFileSync(join(pki, 'clients', 'mcm-admin.key')) };
const kafka = new Kafka({ clientId: 'mcm-wait', brokers: (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(','), ssl, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 });
const admin = kafka.admin();
admin.connect()
  .then(() => admin.describeCluster())
  .then((c) => { if (!c.brokers.length) throw new Error('no brokers'); return admin.disconnect(); })
  .then(() => process.exit(0))
  .catch(() => process.exit(1));
