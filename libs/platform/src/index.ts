export * from './database.module';
export * from './kafka-publisher.module';
export * from './logger';
export * from './batch-worker';
