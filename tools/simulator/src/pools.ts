/**
 * Built-in value pools. Names are common in England and deliberately include diacritics
 * (only ones that Unicode NFKD decomposes, so stripping them is cosmetic), apostrophes and
 * hyphens, because those are what break naive matching.
 */
export const GIVEN_NAMES_MALE = [
  'Oliver', 'George', 'Harry', 'Noah', 'Jack', 'Leo', 'Arthur', 'Muhammad', 'Oscar', 'Charlie',
  'Jacob', 'Thomas', 'William', 'James', 'Joseph', 'Samuel', 'Daniel', 'Benjamin', 'Alexander', 'Matthew',
  'Ethan', 'Mason', 'Logan', 'Isaac', 'Kai', 'Tyler', 'Reece', 'Kieran', 'Callum', 'Liam',
  'Seán', 'José', 'Jean-Luc', 'Zoltán', 'Ibrahim', 'Yusuf', 'Aarav', 'Kofi', 'Dáire', 'Rhys',
] as const;

export const GIVEN_NAMES_FEMALE = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Ivy', 'Freya', 'Lily', 'Florence', 'Mia', 'Willow',
  'Isabella', 'Charlotte', 'Elizabeth', 'Jessica', 'Rebecca', 'Abigail', 'Katherine', 'Victoria', 'Grace', 'Emily',
  'Chloé', 'Zoë', 'Renée', 'Anaïs', 'Siân', 'Niamh', 'Anne-Marie', 'Aoife', 'Maryam', 'Aisha',
  'Priya', 'Amara', 'Leah', 'Megan', 'Courtney', 'Kayleigh', 'Jade', 'Nadia', 'Inés', 'Mollie',
] as const;

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill',
  'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen',
  'Khan', 'Ali', 'Hussain', 'Begum', 'Ahmed', 'Singh', 'Kaur', 'Okafor', 'Mensah', 'Nowak',
  "O'Brien", "O'Connor", "D'Souza", "N'Diaye", 'Smith-Jones', 'Clarke-Ali', 'Taylor-Brown', 'McDonald', 'MacLeod', 'Murphy',
  'Núñez', 'Gonçalves', 'Müller', 'Brontë', 'Øye', 'Kowalczyk', 'Nguyen', 'Chen', 'Wiśniewski', 'Ferreira',
  'Campbell', 'Stewart', 'Kelly', 'Reid', 'Shaw', 'Mills', 'Palmer', 'Holmes', 'Gray', 'Fox',
] as const;

/** Familiar forms an agency may record instead of the registered given name. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  William: 'Billy', James: 'Jim', Joseph: 'Joe', Samuel: 'Sam', Daniel: 'Dan', Benjamin: 'Ben',
  Alexander: 'Alex', Matthew: 'Matt', Thomas: 'Tom', Jacob: 'Jake', Oliver: 'Ollie', Charlie: 'Chaz',
  Isaac: 'Zac', Callum: 'Cal', Muhammad: 'Mo', Ibrahim: 'Ibby',
  Charlotte: 'Lottie', Elizabeth: 'Beth', Jessica: 'Jess', Rebecca: 'Becky', Abigail: 'Abbie',
  Katherine: 'Kate', Victoria: 'Vicky', Amelia: 'Millie', Isabella: 'Bella', Olivia: 'Liv',
  Florence: 'Flo', Kayleigh: 'Kay', Mollie: 'Moll', Megan: 'Meg', Emily: 'Em',
};

/** Postcode areas by ONS region code (E12...). */
export const POSTCODE_AREAS_BY_REGION: Readonly<Record<string, readonly string[]>> = {
  E12000001: ['NE', 'SR', 'DH', 'TS', 'DL'],
  E12000002: ['M', 'L', 'BL', 'WA', 'PR', 'CA', 'LA', 'OL', 'SK', 'CH', 'CW', 'BB', 'FY', 'WN'],
  E12000003: ['LS', 'BD', 'S', 'HU', 'YO', 'HG', 'HD', 'HX', 'WF', 'DN'],
  E12000004: ['NG', 'LE', 'DE', 'LN', 'NN'],
  E12000005: ['B', 'CV', 'WV', 'WS', 'DY', 'ST', 'WR', 'HR', 'TF'],
  E12000006: ['CB', 'NR', 'IP', 'CO', 'CM', 'SS', 'LU', 'MK', 'SG', 'AL', 'PE'],
  E12000007: ['E', 'N', 'SE', 'SW', 'W', 'NW', 'EN', 'HA', 'UB', 'TW', 'KT', 'CR', 'BR', 'DA', 'RM', 'IG'],
  E12000008: ['RG', 'OX', 'SL', 'HP', 'GU', 'PO', 'SO', 'BN', 'RH', 'CT', 'ME', 'TN'],
  E12000009: ['BS', 'BA', 'EX', 'PL', 'TR', 'TQ', 'GL', 'SN', 'BH', 'DT', 'SP', 'TA'],
};

/** Letters used in the inward code of a UK postcode. */
export const POSTCODE_INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Police force areas (E23) by region; a local authority is served by one of its region's forces. */
export const POLICE_FORCES_BY_REGION: Readonly<Record<string, readonly string[]>> = {
  E12000001: ['E23000007', 'E23000008', 'E23000013'],
  E12000002: ['E23000002', 'E23000003', 'E23000004', 'E23000005', 'E23000006'],
  E12000003: ['E23000009', 'E23000010', 'E23000011', 'E23000012'],
  E12000004: ['E23000018', 'E23000019', 'E23000020', 'E23000021', 'E23000022'],
  E12000005: ['E23000014', 'E23000015', 'E23000016', 'E23000017'],
  E12000006: ['E23000023', 'E23000024', 'E23000025', 'E23000026', 'E23000027', 'E23000028'],
  E12000007: ['E23000001'],
  E12000008: ['E23000029', 'E23000030', 'E23000031', 'E23000032', 'E23000033'],
  E12000009: ['E23000035', 'E23000036', 'E23000037', 'E23000038', 'E23000039'],
};
/** The City of London has its own force. */
export const CITY_OF_LONDON_LA = 'E09000001';
export const CITY_OF_LONDON_POLICE = 'E23000034';

/** DfE ethnicity codes with rough weights for children in the statistics. */
export const ETHNICITY_WEIGHTS = [
  ['WBRI', 62], ['WIRI', 1], ['WIRT', 1], ['WOTH', 6], ['WROM', 1], ['MWBC', 4], ['MWBA', 1], ['MWAS', 1],
  ['MOTH', 3], ['AIND', 2], ['APKN', 3], ['ABAN', 1], ['AOTH', 2], ['BCRB', 2], ['BAFR', 4], ['BOTH', 1],
  ['CHNE', 1], ['OOTH', 2], ['REFU', 1], ['NOBT', 1],
] as const;
