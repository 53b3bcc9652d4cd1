import { IsOptional, IsString } from 'class-validator';
import { CommonEnv } from './common.env';

/**
 * Variables of the services that handle children's identities (ingest seals them onto the
 * accepted topic; the aggregator stores and links them). The API has no such key.
 */
export class IdentityKeyEnv extends CommonEnv {
  /** The keyring itself, `{"active":"<id>","keys":{"<id>":"<base64 of 32 bytes>"}}` (a platform secret). */
  @IsOptional()
  @IsString()
  IDENTITY_KEYS?: string;

  /** A keyring file (mode 600), re-read when `npm run keys:rotate` changes it. Default .infra/keys/identity-keys.json. */
  @IsOptional()
  @IsString()
  IDENTITY_KEYS_FILE?: string;
}
