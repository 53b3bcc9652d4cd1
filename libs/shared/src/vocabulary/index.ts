export * from './categories';
export * from './areas';
export * from './measures';
