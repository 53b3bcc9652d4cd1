export * from './identity-cipher';
export * from './identity-keyring';
export * from './keyring-source';
export * from './child-identity-seal';
