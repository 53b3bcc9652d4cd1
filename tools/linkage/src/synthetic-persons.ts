import { mulberry32 } from '@mcm/linkage';
import { EthnicGroup, ETHNIC_GROUPS, namePool, spellingVariants, weightedPick, zipfPick } from './name-pools';

/**
 * Synthetic person records with an error model written independently of the simulator's and
 * of synthetic-children.ts, in two shapes:
 * - `fake`: like splink's fake_1000 (first_name, surname, dob, city, email, cluster), with
 *   clusters of 1-7 records and every field subject to typos, blanks and wrong values;
 * - `historical`: like a historical-persons register (full name, first name, surname, date of
 *   birth, birth place, postcode, gender, occupation), with bigger clusters, nicknames and
 *   spelling variants, initials, partial dates, moves of address and missing fields.
 * Each record also carries the person's true sex and ethnicity group (columns `true_sex`,
 * `ethnic_group`), for reporting quality by group; they are labels, not linkage fields.
 * Deterministic for a seed.
 */
export type PersonShape = 'fake' | 'historical';

export interface GeneratedTable {
  header: string[];
  rows: string[][];
  /** Person (entity) of each row. */
  truth: Int32Array;
  /** Dedupe field map for this shape (the columns a user would map). */
  map: string;
  idColumn: string;
  persons: number;
}

/** How often each kind of error is applied to one record's field (probabilities). */
export const PERSON_ERROR_RATES = {
  fake: {
    givenMissing: 0.17,
    givenNickname: 0.06,
    givenVariant: 0.05,
    givenTypo: 0.16,
    namesSwapped: 0.04,
    surnameMissing: 0.18,
    surnameTypo: 0.22,
    surnameVariant: 0.04,
    dobShift: 0.2,
    dobTransposed: 0.04,
    dobYear: 0.07,
    dobWrong: 0.03,
    cityMissing: 0.19,
    cityTypo: 0.16,
    cityMoved: 0.06,
    emailMissing: 0.21,
    emailTypo: 0.18,
    emailOther: 0.04,
  },
  historical: {
    givenMissing: 0.03,
    givenNickname: 0.1,
    givenVariant: 0.06,
    givenTypo: 0.08,
    givenInitial: 0.04,
    namesSwapped: 0.02,
    surnameMissing: 0.03,
    surnameTypo: 0.08,
    surnameVariant: 0.05,
    dobYearOnly: 0.08,
    dobMissing: 0.05,
    dobShift: 0.06,
    dobTransposed: 0.02,
    dobYear: 0.04,
    placeMissing: 0.2,
    placeTypo: 0.08,
    postcodeMissing: 0.15,
    postcodeMoved: 0.25,
    sexMissing: 0.05,
    occupationMissing: 0.35,
    occupationOther: 0.1,
  },
} as const;

const CITIES =
  'London London London London Birmingham Manchester Liverpool Leeds Sheffield Bristol Newcastle-upon-Tyne Nottingham Leicester Coventry Bradford Hull Stoke-on-Trent Wolverhampton Plymouth Southampton Reading Derby Luton Portsmouth Preston Sunderland Norwich Oxford Cambridge Exeter York Salford Swansea Cardiff Aberdeen Glasgow Edinburgh Blackburn Bolton Oldham Slough Peterborough Ipswich Swindon Brighton Southend-on-Sea Middlesbrough Huddersfield Milton-Keynes'.split(
    ' ',
  );
const MAIL = 'gmail.com hotmail.co.uk yahoo.co.uk outlook.com btinternet.com icloud.com live.co.uk'.split(' ');
const WORDS =
  'smith jones taylor brown davies evans wilson thomas roberts walker wright green hall wood clarke king baker lee reyes nichols brooks sawyer gutierrez bennett martinez silva perez gonzalez harris bailey hopkins clark green thompson'.split(
    ' ',
  );
const OCCUPATIONS =
  'teacher nurse clerk labourer farmer engineer merchant soldier sailor carpenter weaver miner painter writer physician lawyer priest tailor baker shopkeeper'.split(
    ' ',
  );
const AREAS = 'B BS CF CV DE E L LE LS M N NE NG NW OX PL PO S SE SO ST SW W WF WV YO BD BN BB BL'.split(' ');
/**
 * Familiar forms, written for this generator and not copied from the library's nickname table
 * (some, like PEGGY for MARGARET or JACK for JOHN, share no letters with the formal name).
 */
const NICKNAMES = new Map<string, string[]>(
  (
    'WILLIAM:BILL,BILLY,WILL,LIAM THOMAS:TOM,TOMMY JAMES:JIM,JAMIE,JIMMY JOSEPH:JOE,JOEY SAMUEL:SAM,SAMMY DANIEL:DAN,DANNY ' +
    'ALEXANDER:ALEX,SANDY MATTHEW:MATT EDWARD:ED,TED,NED FREDERICK:FRED,FREDDIE ROBERT:ROB,BOB,BOBBY,ROBBIE MICHAEL:MIKE,MICK ' +
    'JOHN:JACK,JOHNNY BENJAMIN:BEN,BENJI CHRISTOPHER:CHRIS,KIT ANTHONY:TONY NATHAN:NATE JACOB:JAKE OLIVER:OLLIE HENRY:HARRY,HAL ' +
    'ZACHARY:ZAC PATRICK:PADDY,PAT DAVID:DAVE,DAI RICHARD:RICK,DICK,RICHIE STEPHEN:STEVE PETER:PETE MUHAMMAD:MO,MOHD ' +
    'MOHAMMED:MO,MOHD IBRAHIM:IBBY ABDULLAH:ABDUL ALEKSANDER:OLEK OLUWASEUN:SEUN JOSIAH:JOS ELIJAH:ELI ' +
    'CHARLOTTE:CHARLIE,LOTTIE OLIVIA:LIV,LIVVY MARGARET:MAGGIE,PEGGY,MEG KATHERINE:KATE,KATIE,KAT REBECCA:BECKY,BECCA ' +
    'SAMANTHA:SAM VICTORIA:VICKY,TORI JESSICA:JESS ABIGAIL:ABBY,ABI ELEANOR:ELLIE,NELL AMELIA:MILLIE,MILLY ISABELLA:IZZY,BELLA ' +
    'SOPHIA:SOPHIE ELIZABETH:LIZ,BETH,BETTY,LIZZIE STEPHANIE:STEPH DEBORAH:DEBBIE NICOLA:NICKY JOSEPHINE:JO,JOSIE ' +
    'PENELOPE:PENNY HARRIET:HATTIE FLORENCE:FLO MATILDA:TILLY NATALIE:NAT KATARZYNA:KASIA ALEKSANDRA:OLA MARIA:MARYSIA ' +
    'FATIMA:FATI KHADIJA:DIJA BLESSING:BLESS'
  )
    .split(' ')
    .map((entry) => {
      const [name, forms] = entry.split(':');
      return [name, forms.split(',')] as [string, string[]];
    }),
);
const KEYS = 'qwertyuiop asdfghjkl zxcvbnm'.split(' ');

export function generatePersons(options: { shape: PersonShape; records: number; seed?: number }): GeneratedTable {
  const rnd = mulberry32(options.seed ?? 1);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  const chance = (p: number) => rnd() < p;

  const neighbour = (c: string) => {
    for (let r = 0; r < KEYS.length; r++) {
      const k = KEYS[r].indexOf(c);
      if (k >= 0) return KEYS[r][Math.max(0, Math.min(KEYS[r].length - 1, k + (chance(0.5) ? 1 : -1)))];
    }
    return c;
  };
  /** One keying error on a lower-case string: keyboard substitution, deletion, insertion or transposition. */
  const typo = (s: string): string => {
    if (s.length < 3) return s + pick(['e', 'a', 'h']);
    const i = int(s.length - 1);
    switch (int(4)) {
      case 0:
        return s.slice(0, i) + neighbour(s[i]) + s.slice(i + 1);
      case 1:
        return s.slice(0, i) + s.slice(i + 1);
      case 2:
        return s.slice(0, i + 1) + s[i] + s.slice(i + 1);
      default:
        return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    }
  };
  /** One to three errors: fake_1000's misspellings are often several edits deep (Pootsmruth). */
  const typos = (s: string) => {
    const r = rnd();
    return r < 0.15 ? typo(typo(typo(s))) : r < 0.45 ? typo(typo(s)) : typo(s);
  };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const nickname = (given: string): string | undefined => {
    const forms = NICKNAMES.get(given);
    return forms ? pick(forms) : undefined;
  };
  const pad2 = (n: number) => String(n).padStart(2, '0');
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const postcode = () => `${pick(AREAS)}${1 + int(29)} ${int(10)}${'ABDEFGHJLNPQRSTUWXYZ'[int(20)]}${'ABDEFGHJLNPQRSTUWXYZ'[int(20)]}`;

  interface Person {
    given: string;
    family: string;
    sex: 'M' | 'F';
    group: EthnicGroup;
    y: number;
    m: number;
    d: number;
    city: string;
    email: string;
    postcode: string;
    occupation: string;
    middle: string;
  }
  const historical = options.shape === 'historical';
  const newPerson = (): Person => {
    const group = weightedPick(ETHNIC_GROUPS, rnd);
    const pool = namePool(group, rnd);
    const sex = chance(0.5) ? 'M' : 'F';
    const given = zipfPick(sex === 'M' ? pool.male : pool.female, rnd, pool.concentration);
    const family = zipfPick(pool.surnames, rnd, pool.concentration);
    const y = historical ? 1780 + int(170) : 1930 + int(90);
    const m = 1 + int(12);
    const d = 1 + int(daysIn(y, m));
    // Addresses are (almost always) unique to a person: a personal mailbox or a company domain.
    const local = pick([`${given}.${family}`, `${given[0]}.${family}`, `${given}${family[0]}`, `${given}`, `${family}${given[0]}`]).toLowerCase();
    const domain = chance(0.4) ? pick(MAIL) : `${pick(WORDS)}${chance(0.4) ? `-${pick(WORDS)}` : ''}.${pick(['com', 'net', 'org', 'info', 'co.uk'])}`;
    return {
      given,
      family,
      sex,
      group,
      y,
      m,
      d,
      city: pick(CITIES),
      email: `${local}${int(1000)}@${domain}`,
      postcode: postcode(),
      occupation: pick(OCCUPATIONS),
      middle: zipfPick(sex === 'M' ? pool.male : pool.female, rnd, 1),
    };
  };

  const header = historical
    ? [
        'unique_id',
        'cluster',
        'full_name',
        'first_name',
        'surname',
        'dob',
        'birth_place',
        'postcode_fake',
        'gender',
        'occupation',
        'true_sex',
        'ethnic_group',
      ]
    : ['unique_id', 'first_name', 'surname', 'dob', 'city', 'email', 'cluster', 'true_sex', 'ethnic_group'];
  const rows: string[][] = [];
  const truth: number[] = [];
  let persons = 0;

  const fakeRow = (p: Person, entity: number): string[] => {
    const e = PERSON_ERROR_RATES.fake;
    let given = p.given;
    let family = p.family;
    if (chance(e.givenNickname)) given = nickname(given) ?? given;
    else if (chance(e.givenVariant)) given = pick([given, ...spellingVariants(given)]);
    if (chance(e.surnameVariant)) family = pick([family, ...spellingVariants(family)]);
    let g = cap(given);
    let f = cap(family);
    if (chance(e.givenTypo)) g = typos(g.toLowerCase()).replace(/^./, (c) => (chance(0.8) ? c.toUpperCase() : c));
    if (chance(e.surnameTypo)) f = typos(f.toLowerCase()).replace(/^./, (c) => (chance(0.8) ? c.toUpperCase() : c));
    if (chance(e.namesSwapped)) [g, f] = [f, g];
    if (chance(e.givenMissing)) g = '';
    if (chance(e.surnameMissing)) f = '';
    let { y, m, d } = p;
    const r = rnd();
    if (r < e.dobShift) {
      if (chance(0.5)) m = Math.max(1, Math.min(12, m + pick([-1, 1])));
      else d = Math.max(1, d + pick([-2, -1, 1, 2]));
    } else if (r < e.dobShift + e.dobTransposed && d <= 12) [m, d] = [d, m];
    else if (r < e.dobShift + e.dobTransposed + e.dobYear) y += pick([-10, -1, 1, 10]);
    else if (r < e.dobShift + e.dobTransposed + e.dobYear + e.dobWrong) [y, m, d] = [y + int(21) - 10, 1 + int(12), 1 + int(28)];
    d = Math.min(d, daysIn(y, m));
    let city = chance(e.cityMoved) ? pick(CITIES) : p.city;
    if (chance(e.cityTypo)) city = cap(typos(city.toLowerCase()));
    if (chance(e.cityMissing)) city = '';
    let email = chance(e.emailOther) ? `${p.given[0].toLowerCase()}${p.family.toLowerCase()}${int(1000)}@${pick(MAIL)}` : p.email;
    if (chance(e.emailTypo)) email = typos(email);
    if (chance(e.emailMissing)) email = '';
    return [String(rows.length), g, f, `${y}-${pad2(m)}-${pad2(d)}`, city, email, String(entity), p.sex, p.group];
  };

  const historicalRow = (p: Person, entity: number): string[] => {
    const e = PERSON_ERROR_RATES.historical;
    let given = p.given.toLowerCase();
    let family = p.family.toLowerCase();
    if (chance(e.givenNickname)) given = (nickname(p.given) ?? p.given).toLowerCase();
    else if (chance(e.givenVariant)) given = pick([p.given, ...spellingVariants(p.given)]).toLowerCase();
    if (chance(e.surnameVariant)) family = pick([p.family, ...spellingVariants(p.family)]).toLowerCase();
    if (chance(e.givenTypo)) given = typos(given);
    if (chance(e.surnameTypo)) family = typos(family);
    if (chance(e.givenInitial)) given = given[0];
    if (chance(e.namesSwapped)) [given, family] = [family, given];
    if (chance(e.givenMissing)) given = '';
    if (chance(e.surnameMissing)) family = '';
    const middle = chance(0.3) ? ` ${p.middle.toLowerCase()}` : '';
    const full = [given + middle, family]
      .filter((s) => s.trim())
      .join(' ')
      .trim();
    let { y, m, d } = p;
    let dob: string;
    const r = rnd();
    if (r < e.dobMissing) dob = '';
    else if (r < e.dobMissing + e.dobYearOnly) dob = String(y);
    else {
      const s = rnd();
      if (s < e.dobShift) d = Math.max(1, d + pick([-1, 1]));
      else if (s < e.dobShift + e.dobTransposed && d <= 12) [m, d] = [d, m];
      else if (s < e.dobShift + e.dobTransposed + e.dobYear) y += pick([-1, 1]);
      d = Math.min(d, daysIn(y, m));
      dob = `${y}-${pad2(m)}-${pad2(d)}`;
    }
    let place = p.city.toLowerCase();
    if (chance(e.placeTypo)) place = typos(place);
    if (chance(e.placeMissing)) place = '';
    const pc = chance(e.postcodeMissing) ? '' : chance(e.postcodeMoved) ? postcode() : p.postcode;
    const gender = chance(e.sexMissing) ? '' : p.sex === 'M' ? 'male' : 'female';
    const occupation = chance(e.occupationMissing) ? '' : chance(e.occupationOther) ? pick(OCCUPATIONS) : p.occupation;
    return [`H${rows.length}`, String(entity), full, given, family, dob, place, pc, gender, occupation, p.sex, p.group];
  };

  while (rows.length < options.records) {
    const person = newPerson();
    const entity = persons++;
    const n = historical ? 1 + Math.min(19, Math.floor(-Math.log(1 - rnd()) * 4)) : 1 + int(7);
    for (let k = 0; k < n && rows.length < options.records; k++) {
      rows.push(historical ? historicalRow(person, entity) : fakeRow(person, entity));
      truth.push(entity);
    }
  }
  return {
    header,
    rows,
    truth: Int32Array.from(truth),
    persons,
    idColumn: 'unique_id',
    map: historical
      ? 'given_name=first_name,family_name=surname,dob=dob,postcode=postcode_fake,sex=gender,extra:birth_place=birth_place,extra:occupation=occupation'
      : 'given_name=first_name,family_name=surname,dob=dob,city=city,email=email',
  };
}
