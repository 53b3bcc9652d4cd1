export * from './cell-key';
export * from './completeness';
export * from './agency-completeness';
