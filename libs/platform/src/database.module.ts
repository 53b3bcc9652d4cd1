import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, migrateDatabase } from '@mcm/persistence';
import { CommonEnv } from '@mcm/shared';

/**
 * TypeORM connection from DATABASE_URL. The database is created if missing and migrations run
 * before the connection is handed out (`synchronize` is never on).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: async (config: ConfigService<CommonEnv, true>) => {
        const url = config.get('DATABASE_URL', { infer: true });
        await migrateDatabase(url);
        return dataSourceOptions(url);
      },
    }),
  ],
})
export class DatabaseModule {}
