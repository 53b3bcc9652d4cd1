export * from './iso-week';
