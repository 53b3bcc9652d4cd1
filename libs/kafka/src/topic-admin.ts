import { Kafka } from 'kafkajs';
import { TopicSpec } from './topics';

/** Creates missing topics with explicit partition counts; existing topics are left as they are. */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ waitForLeaders: true, topics: missing.map((s) => ({ ...s, replicationFactor: 1 })) });
      } catch (error) {
        // Services start together and race to create the topics: losing that race is fine.
        const now = new Set(await admin.listTopics());
        if (!specs.every((s) => now.has(s.topic))) throw error;
      }
    }
    return missing.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
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
