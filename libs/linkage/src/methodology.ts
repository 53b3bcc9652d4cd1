/**
 * "Linkage quality and methodology" text for the bulletin's methodology section. The same
 * text is in docs/LINKAGE.md under that heading; change both together, and the figures only
 * after re-running the commands listed there.
 */
export const LINKAGE_METHODOLOGY = [
  'Records of the same child sent by police forces, local authorities and schools are linked with a ' +
    'probabilistic (Fellegi-Sunter) method. Each pair of records that share a blocking key (an NHS number, a UPN, ' +
    'phonetic codes of the names, the date of birth or parts of it, the postcode) is compared field by field: ' +
    'names allowing for nicknames, misspellings, other spellings and swapped given and family names; date of ' +
    'birth allowing for a mistyped digit, day and month transposed and partial dates; postcode, sex and ' +
    'identifiers. The weight of each agreement is estimated from the records themselves, without any labelled ' +
    'data, and a rare name counts for more than a common one. A pair that looks like two brothers or sisters of ' +
    'one household (same family name and address, different given names) is weighed against that explanation as ' +
    'well as against two strangers. Pairs with a match probability of at least 0.8 are linked; records are ' +
    'grouped so that two records linked through a third are put together only if the groups also look alike on ' +
    'average, and pairs between 0.5 and 0.8 go to a review queue.',
  'Linkage is not perfect. It was tested on synthetic sets of 20,000 to 200,000 records with known truth. On ' +
    "records shaped like agencies' records of children, 1 to 2 in 100 true pairs of records were not linked and " +
    'about 2 in 100 linked pairs were in fact two children, mostly twins or brothers and sisters who share a ' +
    'family name, an address and sometimes a date of birth. On the noisiest set, where several fields of a record ' +
    'are wrong at once, 6 to 10 in 100 true pairs were missed and 1 to 3 in 100 linked pairs were wrong, and ' +
    'quality falls slowly as the number of records grows. A missed link counts one child twice; a false link ' +
    'counts two children as one. The two errors partly cancel in the weekly counts, but not exactly.',
  'Linkage quality is not the same for every group. Names that are shared by many children (for example some ' +
    'South Asian family names, or the given name Muhammad) and names with several accepted spellings in English ' +
    '(Mohammed, Muhammad, Mohamed) make records harder to link correctly: in our test sets, pairs involving ' +
    'children of Asian or Black ethnicity were wrongly linked more often than those of White children (2 to 4 in ' +
    "100 linked pairs against about 1 in 100 on records shaped like agencies' records of children). This matches " +
    "what national studies of linked children's records have found (the ECHILD study reports lower linkage rates " +
    'for children from ethnic minority groups). Figures for groups with lower linkage quality may count some ' +
    'children twice or merge siblings, and should be compared with care.',
].join('\n\n');
