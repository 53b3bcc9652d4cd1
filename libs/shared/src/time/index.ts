export * from './iso-week';
export * from './age';
