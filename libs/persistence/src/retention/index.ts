export * from './identity-retention';
export * from './identity-retention.repository';
export * from './retention-cutoff';
