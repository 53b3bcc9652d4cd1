import { IdentityRekeyRepository, Queryable, SEALED_TABLES, SealedTable, sealedRowsPerKey } from '@mcm/persistence';
import { IdentityCipher } from '@mcm/shared';

export interface RotationProgress {
  (line: string): void;
}

export interface RotationOutcome {
  resealed: number;
  passes: number;
  /** Rows still under another key than the active one (written by a service not yet on the new key). */
  remaining: number;
}

/**
 * Re-seals every stored identity under the cipher's active key, page by page, while the pipeline
 * runs. Passes repeat until one finds nothing left: services pick up a new key file within
 * seconds, and rows they sealed with the old key meanwhile are caught by the next pass.
 */
export async function resealAll(
  db: Queryable,
  cipher: IdentityCipher,
  progress: RotationProgress,
  options: { pageSize?: number; maxPasses?: number; pauseMs?: number } = {},
): Promise<RotationOutcome> {
  const pageSize = options.pageSize ?? 1_000;
  const maxPasses = options.maxPasses ?? 10;
  const rekey = new IdentityRekeyRepository(cipher);
  let resealed = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    let found = 0;
    for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
      let after: string | null = null;
      let tableResealed = 0;
      do {
        const page = await rekey.rekeyPage(db, table, after, pageSize);
        found += page.found;
        tableResealed += page.rekeyed;
        after = page.next;
        if (page.found > 0) progress(`pass ${pass}: ${table}: ${tableResealed} re-sealed under ${cipher.activeKeyId}`);
      } while (after !== null);
      resealed += tableResealed;
    }
    if (found === 0) return { resealed, passes: pass, remaining: 0 };
    await new Promise((r) => setTimeout(r, options.pauseMs ?? 2_000));
  }
  const remaining = (await sealedRowsPerKey(db)).filter((r) => r.keyId !== cipher.activeKeyId).reduce((n, r) => n + r.rows, 0);
  return { resealed, passes: maxPasses, remaining };
}
