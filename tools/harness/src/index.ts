export * from './isolated-pipeline';
export * from './scratch-database';
export * from './service-process';
export * from './harness.env';
export * from './synthetic-figures';
