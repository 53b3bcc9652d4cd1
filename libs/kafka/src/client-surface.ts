import { AssignerProtocol, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';

/**
 * The Kafka client types and helpers the rest of the repository uses. Only libs/kafka imports
 * kafkajs (it is in maintenance mode): a move to another client changes this lib alone.
 */
export type { Admin, Consumer, Kafka, Producer } from 'kafkajs';

/** The resource type of a topic's configs, for `admin.describeConfigs` / `admin.alterConfigs`. */
export const TOPIC_CONFIG_RESOURCE = ConfigResourceTypes.TOPIC;

/** The topics a consumer group member holds, from `admin.describeGroups`' member assignment. */
export function assignedTopics(memberAssignment: Buffer): string[] {
  return Object.keys(AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment ?? {});
}

/** TLS material given as bytes (a probe may present no certificate, or a forged one); false: plaintext. */
export type ProbeTls = false | { ca: Buffer[]; cert?: Buffer; key?: Buffer };

/**
 * A bare client with no retries and no logging: what an attacker's or an agency's own client
 * would do (security probes), never what a service uses (`createKafka`).
 */
export function probeKafka(clientId: string, brokers: string[], ssl: ProbeTls): Kafka {
  return new Kafka({ clientId, brokers, ssl, logLevel: logLevel.NOTHING, connectionTimeout: 3000, retry: { retries: 0 } });
}
