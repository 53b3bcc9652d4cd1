import { episodeEvents } from './episode-events';
import { mapHeaderTable } from './header-table';
import { mapMissingTable } from './missing-table';
import { Ssda903Mapping, Ssda903Return } from './types';

const LA_CODE = /^E(06|08|09|10)\d{6}$/;

/**
 * Maps one local authority's SSDA903 return (Header and Missing tables) into agency events v1,
 * setting CARE. Pure: no I/O, and the same input always gives the same events, ids included.
 * A row that cannot be mapped imports nothing and is reported (row numbers as a spreadsheet
 * shows them: header line = row 1, first data row = row 2); the other rows go on. A file whose
 * header line lacks a required column imports nothing, and without a usable Header file no
 * Missing row is looked at.
 *
 * Throws RangeError for a malformed laCode or an invalid importedAt: caller mistakes, not data
 * errors. Whether laCode is a current authority is for the caller (reference data) and ingest.
 */
export function mapSsda903Return(input: Ssda903Return): Ssda903Mapping {
  const { laCode, importedAt, headerFile = 'header.csv', missingFile = 'missing.csv' } = input;
  if (!LA_CODE.test(laCode)) throw new RangeError("laCode is not a children's services authority GSS code (E06, E08, E09 or E10 and 6 digits)");
  if (Number.isNaN(importedAt.getTime())) throw new RangeError('importedAt is not a valid date');
  const header = mapHeaderTable(input.headerCsv, headerFile);
  if (header.fileUnusable) return { events: [], errors: header.errors };
  const missing = mapMissingTable(input.missingCsv, missingFile, header.children, importedAt);
  return {
    events: missing.episodes.flatMap((episode) => episodeEvents(laCode, episode, importedAt)),
    errors: [...header.errors, ...missing.errors],
  };
}
