export * from './agency-episode';
export * from './child-linker';
export * from './child-profile';
export * from './national-episodes';
export * from './national-id-assignment';
export * from './ordering';
export * from './incidence-cells';
export * from './statistical-attributes';
