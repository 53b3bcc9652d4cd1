import { BulletinEnv } from '../bulletin/bulletin.env';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_RETRAIN_MIN_PROFILES, MIN_TRAINING_RECORDS } from '../linkage/linkage-defaults';
import { DEFAULT_RETENTION_MONTHS, RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from '../retention/retention.env';

export const DEVELOPMENT_LINK_KEY_SECRET = 'development-only-link-key-secret';
export const DEVELOPMENT_DISCLOSURE_KEY_SEED = 'development-only-disclosure-key-seed';

export class AggregatorEnv extends BulletinEnv {
  /**
   * Key for the keyed hashes of linkage keys (pseudonymisation: the secret is held apart from the
   * data). The development default is refused in production.
   */
  @IsString()
  @MinLength(16)
  LINK_KEY_SECRET: string = 'development-only-link-key-secret';

  /**
   * The seed of the cell-key method's record keys (disclosure control, docs/STATISTICS.md): who
   * holds it could undo the perturbation of published figures. The development default is refused
   * in production.
   */
  @IsString()
  @MinLength(16)
  DISCLOSURE_KEY_SEED: string = DEVELOPMENT_DISCLOSURE_KEY_SEED;

  /**
   * How agency children are resolved into national children (docs/ARCHITECTURE.md, "Linkage").
   * `probabilistic` (default) links with the active model in `linkage_model`: from the first
   * event with the shipped model (trained on simulated records), and with a model trained from
   * the register at the first start-up once it holds LINKAGE_RETRAIN_MIN_PROFILES profiles.
   * `deterministic`: exact keys only (NHS number, UPN, name + date of birth).
   */
  @IsIn(['deterministic', 'probabilistic'])
  LINKER: 'deterministic' | 'probabilistic' = 'probabilistic';

  /** Agency child profiles the register must hold before the aggregator trains its own model (at start-up). */
  @IsInt()
  @Min(MIN_TRAINING_RECORDS)
  LINKAGE_RETRAIN_MIN_PROFILES: number = DEFAULT_RETRAIN_MIN_PROFILES;

  /** How often reviewers' decisions are applied when no events arrive (probabilistic linker). */
  @IsInt()
  @Min(1)
  @Max(3600)
  REVIEW_DECISIONS_INTERVAL_SECONDS: number = 10;

  /**
   * Identifying data of agency children is deleted once their national child's last episode closed
   * (and nothing was reported about it) more than this many months ago (docs/RETENTION.md).
   */
  @IsInt()
  @Min(RETENTION_MONTHS_MIN)
  @Max(RETENTION_MONTHS_MAX)
  RETENTION_MONTHS: number = DEFAULT_RETENTION_MONTHS;

  /** When the retention job runs, in BULLETIN_TIME_ZONE (default daily at 03:30). */
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'RETENTION_CRON must be a cron expression such as "30 3 * * *"' })
  RETENTION_CRON: string = '30 3 * * *';
}
