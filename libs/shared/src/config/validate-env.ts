import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Builds a `validate` function for ConfigModule: the environment is checked once at start-up
 * into a typed object, and a bad variable stops the process with a message naming it.
 */
export function envValidator<T extends object>(schema: new () => T): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const config = plainToInstance(schema, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
    const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
    if (errors.length > 0) {
      const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
      throw new Error(`invalid environment:\n${lines.join('\n')}`);
    }
    return config;
  };
}
