/**
 * The ORM's surface that the apps, tools and tests use: a connection (DataSource), a transaction's
 * EntityManager and Nest's injection of the connection. Only libs/persistence imports TypeORM or
 * the driver (.dependency-cruiser.cjs), so replacing either touches this lib alone.
 */
export { DataSource, EntityManager } from 'typeorm';
export { InjectDataSource } from '@nestjs/typeorm';
export { DatabaseModule } from './nest/database.module';
