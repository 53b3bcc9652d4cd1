export * from './names';
export * from './postcode';
