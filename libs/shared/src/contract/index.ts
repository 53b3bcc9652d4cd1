export * from './agency-event.v1';
export * from './domain-rules';
export * from './rejection';
export * from './validate-event';
export * from './agency-binding';
