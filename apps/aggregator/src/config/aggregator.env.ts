import { BulletinEnv } from '../bulletin/bulletin.env';
import { IsIn, IsInt, IsString, Max, Min, MinLength } from 'class-validator';

export class AggregatorEnv extends BulletinEnv {
  /**
   * Key for the keyed hashes of linkage keys (pseudonymisation: the secret is held apart from the
   * data). The development default is refused in production.
   */
  @IsString() @MinLength(16)
  LINK_KEY_SECRET: string = 'development-only-link-key-secret';

  /**
   * How agency children are resolved into national children. `probabilistic` links with the
   * active model in `linkage_model` (trained from the register at start-up if there is none and
   * the register is big enough; otherwise the aggregator falls back to deterministic and says so).
   */
  @IsIn(['deterministic', 'probabilistic'])
  LINKER: 'deterministic' | 'probabilistic' = 'deterministic';

  /** How often reviewers' decisions are applied when no events arrive (probabilistic linker). */
  @IsInt() @Min(1) @Max(3600)
  REVIEW_DECISIONS_INTERVAL_SECONDS: number = 10;
}

export const DEVELOPMENT_LINK_KEY_SECRET = 'development-only-link-key-secret';
