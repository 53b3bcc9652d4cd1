import { Admin, ConfigResourceTypes, ConfigSource, Kafka } from 'kafkajs';
import { TopicSpec } from './topics';

/**
 * Creates missing topics with explicit partition counts and their configs, and brings the configs
 * of existing ones to the spec (so an installation converges: see convergeTopicConfigs). Partition
 * counts of existing topics are left as they are. Returns the topics created.
 */
/** Topics per CreateTopics request (at most 6 partitions and 3 configs each: well under 10,000 records). */
const CREATE_CHUNK = 500;

export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    // In chunks: the KRaft controller refuses (POLICY_VIOLATION) a request that would write more
    // than 10,000 metadata records, and each topic writes one per partition and per config.
    for (let i = 0; i < missing.length; i += CREATE_CHUNK) {
      const chunk = missing.slice(i, i + CREATE_CHUNK);
      try {
        await admin.createTopics({ waitForLeaders: true, topics: chunk.map((s) => ({ ...s, replicationFactor: 1 })) });
      } catch (error) {
        // Services start together and race to create the topics: losing that race is fine. And
        // the wait for leaders can ask before the new topics' metadata has reached the broker
        // ("does not host this topic-partition"): they are there once it has.
        if (
          !(await allListed(
            admin,
            chunk.map((s) => s.topic),
          ))
        )
          throw error;
      }
    }
    const created = new Set(missing.map((s) => s.topic));
    await convergeTopicConfigs(
      admin,
      specs.filter((s) => !created.has(s.topic)),
    );
    return [...created];
  } finally {
    await admin.disconnect();
  }
}

/**
 * Sets every config a spec names on its (existing) topic where the broker holds another value.
 * AlterConfigs replaces a topic's whole set of dynamic configs, so the ones set on the topic that
 * the spec does not name (an operator's) are sent back unchanged. Returns the topics changed.
 */
export async function convergeTopicConfigs(admin: Admin, specs: TopicSpec[]): Promise<string[]> {
  const wanted = specs.filter((s) => (s.configEntries ?? []).length > 0);
  if (wanted.length === 0) return [];
  const { resources } = await admin.describeConfigs({
    resources: wanted.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.topic })),
    includeSynonyms: false,
  });
  const current = new Map(resources.map((r) => [r.resourceName, r.configEntries]));
  const changes = wanted.flatMap((spec) => {
    const entries = current.get(spec.topic) ?? [];
    const value = (name: string) => entries.find((e) => e.configName === name)?.configValue;
    if (spec.configEntries!.every((c) => value(c.name) === c.value)) return [];
    const named = new Set(spec.configEntries!.map((c) => c.name));
    const kept = entries
      .filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG && !e.isDefault && !e.readOnly && !named.has(e.configName))
      .map((e) => ({ name: e.configName, value: e.configValue }));
    return [{ type: ConfigResourceTypes.TOPIC, name: spec.topic, configEntries: [...kept, ...spec.configEntries!] }];
  });
  // Chunked like creation: each config set is a metadata record.
  for (let i = 0; i < changes.length; i += CREATE_CHUNK)
    await admin.alterConfigs({ validateOnly: false, resources: changes.slice(i, i + CREATE_CHUNK) });
  return changes.map((c) => c.name);
}

/** Deletes topics (tests and benchmarks clean up after themselves); missing ones are ignored. */
export async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    if (present.length > 0) await admin.deleteTopics({ topics: present });
  } finally {
    await admin.disconnect();
  }
}

/** Whether every topic is listed within about 30 s. */
async function allListed(admin: Admin, topics: string[]): Promise<boolean> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const now = new Set(await admin.listTopics().catch(() => [] as string[]));
    if (topics.every((t) => now.has(t))) return true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}
