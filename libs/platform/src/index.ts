export * from './kafka-publisher.module';
export * from './logger';
export * from './batch-worker';
export * from './body-errors';
export * from './problem-details.filter';
export * from './sliding-window-storage';
export * from './identity-cipher.provider';
export { DatabaseModule } from '@mcm/persistence';
