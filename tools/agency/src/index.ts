export * from './environment';
export * from './onboarding';
export * from './pki';
