import {
  Admin,
  agencyInputTopicSpec,
  agencyRejectionsTopicSpec,
  applyGrants,
  convergeTopicConfigs,
  DEFAULT_TOPIC_RETENTION,
  deleteTopics,
  ensureTopics,
  removeGrantsOf,
  Kafka,
  KafkaEnv,
  serviceGrants,
  servicePrincipal,
  TopicNames,
  TopicRetention,
  topicSpecs,
} from '@mcm/kafka';
import { discardClientCertificate, ensureClientCertificates } from './pki';

const SERVICES = ['ingest', 'aggregator', 'api'] as const;

/**
 * Everything an environment (production, or one test's prefix) needs on the broker before its
 * services start: their certificates, the shared topics (services may not create topics) and
 * the services' least-privilege grants. Idempotent, and converging: the topics' retention (and
 * other configs) are set on topics that exist already, agencies' topics included. `env` (the
 * validated config) says where the local CA keeps the certificates.
 */
export async function provisionEnvironment(
  kafka: Kafka,
  topics: TopicNames,
  env: KafkaEnv,
  retention: TopicRetention = DEFAULT_TOPIC_RETENTION,
): Promise<void> {
  await ensureClientCertificates(
    SERVICES.map((s) => servicePrincipal(s, topics.prefix)),
    env,
  );
  await ensureTopics(kafka, topicSpecs(topics, retention));
  await withAdmin(kafka, async (admin) => {
    await convergeTopicConfigs(admin, agencyTopicsOn(await admin.listTopics(), topics, retention));
    await applyGrants(admin, serviceGrants(topics));
  });
}

/** The config specs of the agencies' topics that exist (their partition counts are not touched). */
function agencyTopicsOn(existing: string[], topics: TopicNames, retention: TopicRetention) {
  const code = (topic: string, prefix: string) => (topic.startsWith(prefix) && topic.length > prefix.length ? topic.slice(prefix.length) : undefined);
  return existing.flatMap((topic) => {
    if (code(topic, topics.agencyInputPrefix)) return [agencyInputTopicSpec(topic, 1, retention)];
    if (code(topic, topics.agencyRejectionsPrefix)) return [agencyRejectionsTopicSpec(topic, retention)];
    return [];
  });
}

/** Removes a test environment: its topics (agencies' included), and every grant and certificate of its principals. */
export async function removeEnvironment(kafka: Kafka, topics: TopicNames, agencyPrincipals: string[], env: KafkaEnv): Promise<void> {
  if (!topics.prefix) throw new Error('refusing to remove the production environment');
  await withAdmin(kafka, async (admin) => {
    const all = await admin.listTopics();
    await deleteTopics(
      kafka,
      all.filter((t) => t.startsWith(topics.prefix)),
    );
    const principals = [...SERVICES.map((s) => servicePrincipal(s, topics.prefix)), ...agencyPrincipals];
    await removeGrantsOf(admin, principals);
    // An agency's files keep the name of its first principal (`agency.<code>`, no `.r<n>`).
    for (const principal of principals) discardClientCertificate(principal.replace(/\.r\d+$/, ''), env);
  });
}

export async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
