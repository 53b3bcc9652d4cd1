export * from './cell-key';
export * from './completeness';
