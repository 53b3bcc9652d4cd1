import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '../data-source-options';
import { ServiceName } from '../access/database-roles';
import { defaultServiceDatabaseUrl } from '../database-url';
import { assertSchemaCurrent, SchemaNotCurrentError } from '../schema-check';
import { CommonEnv } from '@mcm/shared';
import { DataSource } from 'typeorm';

/**
 * TypeORM connection from DATABASE_URL: the service's own role (default: `mcm_<service>` on the
 * local database), which may read and write what libs/persistence/src/access grants it and never
 * changes the schema. Before the connection is handed out the schema is checked to be current
 * (every migration of this build applied); if not, the service stops and says to run
 * `npm run migration:run`.
 */
@Module({})
export class DatabaseModule {
  static forService(service: ServiceName): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<CommonEnv, true>) => ({
            ...dataSourceOptions(config.get('DATABASE_URL', { infer: true }) || defaultServiceDatabaseUrl(service)),
            // A server that is not up yet is worth waiting for; a schema that is behind is not.
            toRetry: (error: unknown) => !(error instanceof SchemaNotCurrentError),
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            try {
              await assertSchemaCurrent(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
    };
  }
}
