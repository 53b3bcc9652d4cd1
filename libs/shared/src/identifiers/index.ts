export * from './nhs-number';
export * from './upn';
