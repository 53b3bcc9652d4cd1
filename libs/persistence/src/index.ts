export * from './data-source-options';
export * from './database-url';
export * from './ensure-database';
export * from './entities';
export * from './migrate';
export * from './safe-error';
export * from './statistics/statistics-figures.repository';
export * from './statistics/agency-completeness';
