export * from './config';
export * from './contract';
export * from './identifiers';
export * from './normalise';
export * from './reference';
export * from './time';
export * from './random/mulberry32';
export * from './agency';
