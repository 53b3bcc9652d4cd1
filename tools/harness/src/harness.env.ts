import { IsOptional, IsString, Matches } from 'class-validator';
import { CommonEnv, envValidator } from '@mcm/shared';

/** What the test and benchmark harness reads from its environment, validated once. */
export class HarnessEnv extends CommonEnv {
  /** The database server as a superuser: creates and drops scratch databases only. */
  @Matches(/^postgres(ql)?:\/\/[^/]*$/, { message: 'TEST_DATABASE_SERVER must be a postgres:// URL without a database' })
  TEST_DATABASE_SERVER: string = 'postgres://postgres@127.0.0.1:5432';

  /** Node.js flags added to the services of a run (e.g. --cpu-prof for a benchmark). */
  @IsString()
  SERVICE_NODE_ARGS: string = '';

  /** The roles' passwords, where the server asks for one (none: trust or a client certificate). */
  @IsOptional()
  @IsString()
  MCM_OWNER_PASSWORD?: string;

  @IsOptional()
  @IsString()
  MCM_INGEST_PASSWORD?: string;

  @IsOptional()
  @IsString()
  MCM_AGGREGATOR_PASSWORD?: string;

  @IsOptional()
  @IsString()
  MCM_API_PASSWORD?: string;
}

let validated: HarnessEnv | undefined;

/** The harness's environment (specs and benchmarks have no main: it is read on first use). */
export function harnessEnv(): HarnessEnv {
  validated ??= envValidator(HarnessEnv)(process.env);
  return validated;
}

/** What the services the harness starts inherit, before their own variables. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
