export * from './ptable';
export * from './record-keys';
