import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'mcm:public';

/** Marks a route that needs no token (health, OpenAPI, the dashboard page and its assets). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
