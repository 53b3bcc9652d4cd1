export * from './csv';
export * from './reference-data';
