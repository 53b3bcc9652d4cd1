import { IsBoolean } from 'class-validator';
import { envValidator } from '@mcm/shared';

/** `bench:aggregator-profile`'s switches (any non-empty value turns one on). */
export class AggregatorProfileEnv {
  /** Attributes the time to each SQL statement (by its first words). */
  @IsBoolean()
  PROFILE_QUERIES: boolean = false;

  /** Keeps the scratch database for inspection instead of dropping it. */
  @IsBoolean()
  KEEP_DB: boolean = false;
}

export function aggregatorProfileEnv(): AggregatorProfileEnv {
  return envValidator(AggregatorProfileEnv)(process.env);
}
