import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv } from './common.env';
import { envValidator } from './validate-env';

class SampleEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;
}

describe('envValidator', () => {
  const validate = envValidator(SampleEnv);
  it('fills defaults and converts types', () => {
    const env = validate({ PORT: '8080' });
    expect(env.PORT).toBe(8080);
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });
  it('names every bad variable', () => {
    expect(() => validate({ PORT: '0', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nope' })).toThrow(
      /PORT[\s\S]*DATABASE_URL must be a postgres[\s\S]*KAFKA_BROKERS/,
    );
  });
});
