import { IdentityCipher, IdentityKeyring } from '@mcm/shared';
import { AggregatorSecrets } from '../../apps/aggregator/src';

/** One random identity key per test process: in-process aggregators of a spec share it. */
export const TEST_SECRETS: AggregatorSecrets = {
  linkKeySecret: 'test-link-key-secret-0123456789',
  cipher: IdentityCipher.withKeyring(IdentityKeyring.generate('test')),
  disclosureKeySeed: 'test-disclosure-key-seed-0123456789',
};
