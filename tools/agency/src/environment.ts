import { Admin } from 'kafkajs';
import { applyGrants, deleteTopics, ensureTopics, removeGrantsOf, serviceGrants, servicePrincipal, TopicNames, topicSpecs } from '@mcm/kafka';
import { Kafka } from 'kafkajs';
import { discardClientCertificate, ensureClientCertificates } from './pki';

const SERVICES = ['ingest', 'aggregator', 'api'] as const;

/**
 * Everything an environment (production, or one test's prefix) needs on the broker before its
 * services start: their certificates, the shared topics (services may not create topics) and
 * the services' least-privilege grants. Idempotent.
 */
export async function provisionEnvironment(kafka: Kafka, topics: TopicNames): Promise<void> {
  await ensureClientCertificates(SERVICES.map((s) => servicePrincipal(s, topics.prefix)));
  await ensureTopics(kafka, topicSpecs(topics));
  await withAdmin(kafka, (admin) => applyGrants(admin, serviceGrants(topics)));
}

/** Removes a test environment: its topics (agencies' included), and every grant and certificate of its principals. */
export async function removeEnvironment(kafka: Kafka, topics: TopicNames, agencyPrincipals: string[]): Promise<void> {
  if (!topics.prefix) throw new Error('refusing to remove the production environment');
  await withAdmin(kafka, async (admin) => {
    const all = await admin.listTopics();
    await deleteTopics(kafka, all.filter((t) => t.startsWith(topics.prefix)));
    const principals = [...SERVICES.map((s) => servicePrincipal(s, topics.prefix)), ...agencyPrincipals];
    await removeGrantsOf(admin, principals);
    // An agency's files keep the name of its first principal (`agency.<code>`, no `.r<n>`).
    for (const principal of principals) discardClientCertificate(principal.replace(/\.r\d+$/, ''));
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
