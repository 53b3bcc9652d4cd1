import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IdentityCipher, identityCipherFor, IdentityKeyEnv } from '@mcm/shared';

/** The service's identity cipher, from its validated IDENTITY_KEYS / IDENTITY_KEYS_FILE. */
export const identityCipherProvider: Provider = {
  provide: IdentityCipher,
  inject: [ConfigService],
  useFactory: (config: ConfigService<IdentityKeyEnv, true>) =>
    identityCipherFor({
      NODE_ENV: config.get('NODE_ENV', { infer: true }),
      IDENTITY_KEYS: config.get('IDENTITY_KEYS', { infer: true }),
      IDENTITY_KEYS_FILE: config.get('IDENTITY_KEYS_FILE', { infer: true }),
    }),
};
