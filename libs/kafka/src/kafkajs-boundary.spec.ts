import { sourceFiles } from '@mcm/shared/testing/source-files';

/** kafkajs is in maintenance mode: only this lib may import it, so a move to another client touches one lib. */
describe('the Kafka client library', () => {
  const importsKafkajs = (text: string) => /from ['"]kafkajs['"]|require\(['"]kafkajs['"]\)/.test(text);

  it('is imported by libs/kafka alone', () => {
    const outside = sourceFiles(['apps', 'libs', 'tools', 'test']).filter((f) => importsKafkajs(f.text) && !f.path.startsWith('libs/kafka/')).map((f) => f.path);
    expect(outside).toEqual([]);
  });

  it('is imported by libs/kafka itself (the check is not vacuous)', () => {
    expect(sourceFiles(['libs']).some((f) => f.path.startsWith('libs/kafka/') && importsKafkajs(f.text))).toBe(true);
  });
});
