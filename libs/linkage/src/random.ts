// The PRNG lives in @mcm/shared; linkage code and its callers import it from here too.
export { mulberry32 } from '@mcm/shared';
