import { IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

// Every field carries an explicit type: class-transformer converts by its emitted metadata.
/** Variables every service reads. Defaults suit a developer machine; production sets them all. */
export class CommonEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /**
   * The service's own PostgreSQL role: postgres://mcm_<service>[:password]@host:port/db, with
   * `sslmode=verify-full&sslrootcert=<ca file>` in production. Unset (empty): each service's own
   * role on the local database, postgres://mcm_<service>@127.0.0.1:5432/missing_children. Never
   * the owner's or a superuser's URL: MIGRATION_DATABASE_URL is the owner's, for migrations and
   * the admin tools.
   */
  @ValidateIf((env: CommonEnv) => env.DATABASE_URL !== '')
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = '';

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /** Isolates an environment's topics, principals and groups on a shared broker (tests, benchmarks). */
  @Matches(/^([A-Za-z0-9_-][A-Za-z0-9._-]*\.)?$/, { message: 'KAFKA_TOPIC_PREFIX must be empty or end with a dot' })
  KAFKA_TOPIC_PREFIX: string = '';

  /**
   * The service's mutual-TLS identity. Unset: the local CA's files in KAFKA_PKI_DIR (default
   * .infra/pki) for the service's principal; production sets all three.
   */
  @IsOptional()
  @IsString()
  KAFKA_PKI_DIR?: string;

  @IsOptional()
  @IsString()
  KAFKA_CA_FILE?: string;

  @IsOptional()
  @IsString()
  KAFKA_CERT_FILE?: string;

  @IsOptional()
  @IsString()
  KAFKA_KEY_FILE?: string;

  /** Another reference geography folder (same files as libs/shared/reference/<version>); unset: the shipped version. */
  @IsOptional()
  @IsString()
  REFERENCE_DATA_DIR?: string;

  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'text';

  @IsString()
  SERVICE_INSTANCE: string = `${process.pid}`;
}
