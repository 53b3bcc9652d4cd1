export * from './kafka-client';
export * from './publisher';
export * from './topic-admin';
export * from './topics';
export * from './consumed-batch';
export * from './kafka-batch.transport';
export * from './dead-letter';
