export * from './acl-admin';
export * from './acl-plan';
export * from './principals';
