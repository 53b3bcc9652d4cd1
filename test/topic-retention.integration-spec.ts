import { randomBytes } from 'node:crypto';
import { adminKafka, agencyInputTopic, agencyRejectionsTopic, retentionMs, TOPIC_CONFIG_RESOURCE, TopicRetention, topicNames } from '@mcm/kafka';
import { migrateDatabase } from '@mcm/persistence';
import { referenceData } from '@mcm/shared';
import { AgencyOnboarding, provisionEnvironment, removeEnvironment, withAdmin } from '../tools/agency/src';
import { harnessEnv, ScratchDatabase } from '../tools/harness/src';

/**
 * Finite retention on the real (secured) broker: topics are created with their retention.ms, and
 * provisioning again brings topics whose configs drifted back to it (an existing installation
 * converges), keeping what an operator set that the spec does not name.
 */
describe('topic retention (real broker)', () => {
  const topics = topicNames(`retention-${randomBytes(4).toString('hex')}.`);
  const kafka = adminKafka(`topic-retention-${topics.prefix}`, harnessEnv());
  const db = new ScratchDatabase();
  // Not the defaults, so the test sees the settings arrive.
  const retention: TopicRetention = { inputDays: 3, acceptedDays: 5, rejectedDays: 21, bulletinsDays: 400 };
  const police = 'E23000001';
  const onboarding = () =>
    new AgencyOnboarding(db, kafka, topics, referenceData(), {
      brokers: ['127.0.0.1:9092'],
      eventsUrl: 'http://127.0.0.1:1/v1/events',
      retention,
      pki: harnessEnv(),
    });

  const configs = async (names: string[]) =>
    withAdmin(kafka, async (admin) => {
      const { resources } = await admin.describeConfigs({
        resources: names.map((name) => ({ type: TOPIC_CONFIG_RESOURCE, name })),
        includeSynonyms: false,
      });
      return Object.fromEntries(
        resources.map((r) => [r.resourceName, Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue]))]),
      );
    });
  const retentionOf = async (names: string[]) =>
    Object.fromEntries(Object.entries(await configs(names)).map(([topic, c]) => [topic, c['retention.ms']]));

  const expected = {
    [topics.accepted]: retentionMs(5).value,
    [topics.rejected]: retentionMs(21).value,
    [topics.bulletins]: retentionMs(400).value,
    [agencyInputTopic(police, topics)]: retentionMs(3).value,
    [agencyRejectionsTopic(police, topics)]: retentionMs(21).value,
  };

  beforeAll(async () => {
    await db.create();
    await migrateDatabase(db.url);
  });
  afterAll(async () => {
    const principals = (await onboarding().list()).map((a) => a.kafkaPrincipal);
    await removeEnvironment(kafka, topics, principals, harnessEnv());
    await db.drop();
  });

  it('creates the shared and the agency topics with their retention', async () => {
    await provisionEnvironment(kafka, topics, harnessEnv(), retention);
    await onboarding().add([{ type: 'POLICE', code: police }]);
    expect(await retentionOf(Object.keys(expected))).toEqual(expected);
    // Dead letters and bulletins keep their large-message limit beside it.
    const all = await configs([topics.rejected, agencyRejectionsTopic(police, topics)]);
    expect(Object.values(all).map((c) => c['max.message.bytes'])).toEqual([String(8 * 1024 * 1024), String(8 * 1024 * 1024)]);
  });

  it("provisioning again brings drifted topics back to their retention, keeping an operator's other settings", async () => {
    await withAdmin(kafka, (admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          // Retention removed (back to the broker default: 7 days) or set to forever.
          { type: TOPIC_CONFIG_RESOURCE, name: topics.accepted, configEntries: [] },
          {
            type: TOPIC_CONFIG_RESOURCE,
            name: agencyInputTopic(police, topics),
            configEntries: [
              { name: 'retention.ms', value: '-1' },
              { name: 'compression.type', value: 'gzip' },
            ],
          },
          {
            type: TOPIC_CONFIG_RESOURCE,
            name: agencyRejectionsTopic(police, topics),
            configEntries: [
              { name: 'retention.ms', value: String(365 * 86_400_000) },
              { name: 'max.message.bytes', value: String(8 * 1024 * 1024) },
            ],
          },
        ],
      }),
    );
    const drifted = await retentionOf(Object.keys(expected));
    expect(drifted[agencyInputTopic(police, topics)]).toBe('-1');
    expect(drifted).not.toEqual(expected);

    await provisionEnvironment(kafka, topics, harnessEnv(), retention);

    expect(await retentionOf(Object.keys(expected))).toEqual(expected);
    expect((await configs([agencyInputTopic(police, topics)]))[agencyInputTopic(police, topics)]['compression.type']).toBe('gzip');
  });

  it('onboarding an agency again converges its topics too', async () => {
    await withAdmin(kafka, (admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          { type: TOPIC_CONFIG_RESOURCE, name: agencyRejectionsTopic(police, topics), configEntries: [{ name: 'retention.ms', value: '-1' }] },
        ],
      }),
    );
    await onboarding().add([{ type: 'POLICE', code: police }], { reissue: true });
    const after = await configs([agencyRejectionsTopic(police, topics)]);
    expect(after[agencyRejectionsTopic(police, topics)]['retention.ms']).toBe(retentionMs(21).value);
    expect(after[agencyRejectionsTopic(police, topics)]['max.message.bytes']).toBe(String(8 * 1024 * 1024));
  });
});
