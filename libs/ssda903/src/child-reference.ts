/** The contract's Reference pattern (agencyChildRef, agencyEpisodeRef in agency-event.v1.ts). */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/** The problem with a CHILD value as an agencyChildRef, or null when it is usable. */
export function childReferenceProblem(child: string): string | null {
  if (child === '') return 'CHILD is empty';
  return REFERENCE.test(child)
    ? null
    : 'CHILD is not a usable reference: 1-64 letters, digits, ".", "_", "/" or "-", starting with a letter or digit';
}
