export * from './ptable';
export * from './record-keys';
export * from './publish';
export * from './query-rules';
