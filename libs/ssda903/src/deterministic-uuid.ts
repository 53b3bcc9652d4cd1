import { createHash } from 'node:crypto';

/**
 * Namespace of every SSDA903 event id: the RFC 4122 version 5 UUID of the URL
 * https://missing-children-monitor.example/ssda903 in the URL namespace (the spec recomputes it).
 */
export const SSDA903_UUID_NAMESPACE = '9beb0b9f-68e3-547a-8aa0-57ce41e8307e';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * RFC 4122 version 5 UUID (SHA-1 of namespace + name): the same name always gives the same id,
 * which is what makes importing the same return twice a no-op downstream.
 */
export function deterministicUuid(name: string, namespace: string = SSDA903_UUID_NAMESPACE): string {
  if (!UUID_SHAPE.test(namespace)) throw new RangeError('namespace is not a UUID');
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
