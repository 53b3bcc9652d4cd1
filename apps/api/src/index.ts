// The API's public entry for tools and tests (the build forbids deeper imports into the app:
// .dependency-cruiser.cjs). Modules and env classes may also be imported directly.
export { mintToken } from './auth/mint-token';
export { ROLES, type Role } from './auth/roles';
export { LinkageReviewService } from './linkage-review/linkage-review.service';
