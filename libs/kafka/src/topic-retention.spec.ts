import { envValidator } from '@mcm/shared';
import { DEFAULT_TOPIC_RETENTION, retentionMs, topicRetentionOf, TopicRetentionEnv } from './topic-retention';
import { agencyTopicSpecs, topicNames, topicSpecs } from './topics';

const retentionOf = (specs: ReturnType<typeof topicSpecs>) =>
  Object.fromEntries(specs.map((s) => [s.topic, s.configEntries?.find((c) => c.name === 'retention.ms')?.value]));

describe('topic retention', () => {
  const topics = topicNames('t.');

  it('gives every topic a finite retention: a week for events, a month for dead letters, a year for bulletins', () => {
    expect(retentionOf([...topicSpecs(topics), ...agencyTopicSpecs('E23000001', topics)])).toEqual({
      't.missing.events.accepted.v1': String(7 * 86_400_000),
      't.missing.events.rejected.v1': String(30 * 86_400_000),
      't.missing.bulletins.v1': String(365 * 86_400_000),
      't.missing.events.v1.E23000001': String(7 * 86_400_000),
      't.missing.rejections.v1.E23000001': String(30 * 86_400_000),
    });
  });

  it('keeps the large-message limit of dead-letter and bulletin topics beside their retention', () => {
    for (const spec of [...topicSpecs(topics), ...agencyTopicSpecs('E23000001', topics)].filter((s) => !s.topic.includes('events'))) {
      expect(spec.configEntries?.map((c) => c.name).sort()).toEqual(['max.message.bytes', 'retention.ms', 'segment.ms']);
    }
  });

  it('reads the days from validated variables', () => {
    const env = envValidator(TopicRetentionEnv)({ KAFKA_INPUT_RETENTION_DAYS: '3', KAFKA_REJECTED_RETENTION_DAYS: '14' });
    const retention = topicRetentionOf(env);
    expect(retention).toEqual({ ...DEFAULT_TOPIC_RETENTION, inputDays: 3, rejectedDays: 14 });
    expect(retentionOf(agencyTopicSpecs('100001', topics, 1, retention))).toEqual({
      't.missing.events.v1.100001': retentionMs(3).value,
      't.missing.rejections.v1.100001': retentionMs(14).value,
    });
  });

  it('refuses a retention of zero, an unbounded one, or one that is not a whole number of days', () => {
    for (const bad of [
      { KAFKA_INPUT_RETENTION_DAYS: '0' },
      { KAFKA_REJECTED_RETENTION_DAYS: '-1' },
      { KAFKA_ACCEPTED_RETENTION_DAYS: '1.5' },
      { KAFKA_BULLETINS_RETENTION_DAYS: 'forever' },
    ]) {
      expect(() => envValidator(TopicRetentionEnv)(bad)).toThrow(Object.keys(bad)[0]);
    }
  });
});
