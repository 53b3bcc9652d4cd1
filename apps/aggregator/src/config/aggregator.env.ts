import { CommonEnv } from '@mcm/shared';
import { IsString, MinLength } from 'class-validator';

export class AggregatorEnv extends CommonEnv {
  @IsString()
  AGGREGATOR_GROUP_ID: string = 'mcm-aggregator';

  /**
   * Key for the keyed hashes of linkage keys (pseudonymisation: the secret is held apart from the
   * data). The development default is refused in production.
   */
  @IsString() @MinLength(16)
  LINK_KEY_SECRET: string = 'development-only-link-key-secret';
}

export const DEVELOPMENT_LINK_KEY_SECRET = 'development-only-link-key-secret';
