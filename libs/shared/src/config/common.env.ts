import { IsIn, IsString, Matches } from 'class-validator';

// Every field carries an explicit type: class-transformer converts by its emitted metadata.
/** Variables every service reads. Defaults suit a developer machine; production sets them all. */
export class CommonEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/missing_children';

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'text';

  @IsString()
  SERVICE_INSTANCE: string = `${process.pid}`;
}
