export * from './http-credential';
export * from './agency-codes';
