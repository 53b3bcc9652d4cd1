// Exits 0 when the broker answers a metadata request (the port alone is not enough).
const { Kafka, logLevel } = require('kafkajs');
const kafka = new Kafka({ clientId: 'mcm-wait', brokers: (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 });
const admin = kafka.admin();
admin.connect()
  .then(() => admin.describeCluster())
  .then((c) => { if (!c.brokers.length) throw new Error('no brokers'); return admin.disconnect(); })
  .then(() => process.exit(0))
  .catch(() => process.exit(1));
