import { createHmac } from 'node:crypto';

/** Linkage keys are stored as HMAC-SHA256 digests so the linkage table holds no identifier in clear. */
export class LinkKeyHasher {
  constructor(private readonly secret: string) {}

  hash(key: string): Buffer {
    return createHmac('sha256', this.secret).update(key).digest();
  }
}
