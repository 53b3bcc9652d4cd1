import { LinkageRecord, mulberry32, nicknameGroups } from '@mcm/linkage';
import { upnCheckLetter } from '@mcm/shared';
import { EthnicGroup, ETHNIC_GROUPS, namePool, spellingVariants, weightedPick, zipfPick } from './name-pools';

/**
 * Synthetic child records with ground truth, shaped like what police, councils and schools
 * send about the same children: nicknames, typos, swapped given/family names, partial or
 * mistyped dates of birth (including day/month transposed), moves between postcodes, NHS
 * number and UPN present only for some agencies, siblings and twins sharing family name,
 * postcode and sometimes date of birth. Deterministic for a seed.
 */
const BOYS =
  'OLIVER GEORGE HARRY NOAH JACK LEO ARTHUR MUHAMMAD OSCAR CHARLIE JACOB THOMAS HENRY WILLIAM ALFIE JOSHUA FREDDIE ARCHIE ETHAN ISAAC JAMES JOSEPH SAMUEL MAX DANIEL LOGAN LUCAS MASON THEO TOMMY ALEXANDER DYLAN FINLEY HARRISON SEBASTIAN RILEY ADAM BENJAMIN REUBEN LEWIS EDWARD JAYDEN RONNIE MATTHEW TOBY ELLIOT NATHAN LIAM DAVID MICHAEL JOHN CALLUM KAI BRADLEY CONNOR KIAN ZACHARY AARON AIDEN ALBERT TYLER JAMIE OWEN LOUIS ROBERT RYAN STANLEY CHRISTOPHER ANTHONY PATRICK VINCENT FREDERICK ALFRED HARVEY SONNY ELIJAH CALEB BOBBY'.split(
    ' ',
  );
const GIRLS =
  'OLIVIA AMELIA ISLA AVA MIA IVY LILY ISABELLA ROSIE SOPHIA GRACE FREYA EVIE POPPY ELLA CHARLOTTE EMILY WILLOW ELSIE FLORENCE MATILDA PHOEBE RUBY SIENNA EVELYN SOPHIE ALICE DAISY HARPER ELEANOR LUNA MAISIE ERIN ZARA ABIGAIL ELIZABETH HANNAH JESSICA KATHERINE MARGARET REBECCA SAMANTHA VICTORIA LUCY CHLOE MOLLY MILLIE HOLLY LEAH NATALIE CAITLIN AMY LAUREN JASMINE MEGAN BETHANY COURTNEY ELLIE EMMA KATIE GEORGIA PAIGE SARAH CHELSEA NICOLA STEPHANIE DEBORAH ANNA LOUISE JOSEPHINE ISABEL PENELOPE HARRIET'.split(
    ' ',
  );
const SURNAMES =
  'SMITH JONES WILLIAMS TAYLOR BROWN DAVIES EVANS WILSON THOMAS JOHNSON ROBERTS ROBINSON THOMPSON WRIGHT WALKER WHITE EDWARDS HUGHES GREEN HALL LEWIS HARRIS CLARKE PATEL JACKSON WOOD TURNER MARTIN COOPER HILL WARD MORRIS MOORE CLARK LEE KING BAKER HARRISON MORGAN ALLEN JAMES SCOTT PHILLIPS WATSON DAVIS PARKER PRICE BENNETT YOUNG GRIFFITHS MITCHELL KELLY COOK CARTER RICHARDSON BAILEY COLLINS BELL SHAW MURPHY MILLER COX RICHARDS KHAN MARSHALL ANDERSON SIMPSON ELLIS ADAMS SINGH BEGUM WILKINSON FOSTER CHAPMAN POWELL WEBB ROGERS GRAY MASON ALI HUNT HUSSAIN CAMPBELL MATTHEWS OWEN PALMER HOLMES MILLS BARNES KNIGHT LLOYD BUTLER RUSSELL BARKER FISHER STEVENS JENKINS MURRAY DIXON HARVEY GRAHAM PEARSON AHMED FLETCHER WALSH KAUR GIBSON HOWARD ANDREWS STEWART ELLIOTT REYNOLDS SAUNDERS PAYNE FOX FORD PEARCE DAY BROOKS WEST LAWRENCE COLE ATKINSON BRADLEY SPENCER GILL DAWSON BALL BURTON OBRIEN WATTS ROSE BOOTH PERRY RYAN GRANT WELLS ARMSTRONG FRANCIS REES HAYES HART HUDSON NEWMAN BARRETT WEBSTER HUNTER GREGORY CARR LOWE PAGE MARSH RILEY DUNN WOODS PARSONS BERRY STONE REID HOLLAND HAWKINS HARDING PORTER ROBERTSON NEWTON OLIVER REED KENNEDY WILLIAMSON BIRD GARDNER SHARP SUTTON'.split(
    ' ',
  );
const SYL_A = 'ASH BRACK CALD DUN FAIR GOLD HAR KEL LANG MOR NORTH OAK PEN RAD STAN THORN WAL WINS ELD FERN HAL MAR BRAD CRAN'.split(' ');
const SYL_B = 'WORTH FORD LEY TON BY HAM FIELD WELL STEAD WOOD DALE COTT MORE LAND BROOK HURST SHAW RIDGE WICK BURY'.split(' ');
const AREAS =
  'B BS CF CV DE E EC L LE LS M N NE NG NW OX PL PO S SE SO ST SW W WC WF WV YO BD BN BB BL CB CH CM CO CR DA DY EN HA HD HP HU IG KT LN LU ME MK NN NR PE PR RG RM SK SL SM SN SR SS TF TN TS TW UB WA WD WN WS'.split(
    ' ',
  );
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface SyntheticOptions {
  /** Number of records to produce (children are created until this many records exist). */
  records: number;
  seed?: number;
  /**
   * Give each child an ethnicity group with names drawn from that group's pool (name-pools.ts)
   * and let agencies write a name in another correct spelling (Mohammed / Muhammad) 6% of the
   * time. Off by default, so that the `children` evaluation set stays as it was.
   */
  ethnicGroups?: boolean;
}

export interface SyntheticData {
  records: LinkageRecord[];
  /** Child (entity) number of each record. */
  truth: Int32Array;
  children: number;
  /** True sex of each record's child ('M' / 'F'; labels for reporting by group). */
  sex: string[];
  /** Ethnicity group of each record's child ('' without `ethnicGroups`). */
  group: string[];
}

interface Child {
  group?: EthnicGroup;
  given: string;
  family: string;
  sex: 'M' | 'F';
  year: number;
  month: number;
  day: number;
  postcode: string;
  la: string;
  nhs: string;
  upn: string;
}

export function generateChildren(options: SyntheticOptions): SyntheticData {
  const rnd = mulberry32(options.seed ?? 20240601);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  // Zipf-like pick: earlier entries are more common.
  const zipf = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * Math.pow(rnd(), 2.2)))];
  const surname = () => (rnd() < 0.75 ? zipf(SURNAMES) : pick(SYL_A) + pick(SYL_B) + (rnd() < 0.3 ? pick(['S', 'E', 'ER', 'SON']) : ''));
  const postcode = (area = pick(AREAS), district = 1 + int(30)) =>
    `${area}${district} ${int(10)}${UNIT_LETTERS[int(UNIT_LETTERS.length)]}${UNIT_LETTERS[int(UNIT_LETTERS.length)]}`;
  const laFor = (pc: string) =>
    `E0${6 + (pc.charCodeAt(0) % 4 === 0 ? 0 : (pc.charCodeAt(0) % 3) + 1)}0000${String(10 + ((pc.charCodeAt(0) * 7 + (pc.charCodeAt(1) || 0)) % 89)).padStart(2, '0')}`
      .replace('E09', 'E08')
      .replace('E07', 'E09');
  const nhs = () => {
    for (;;) {
      const digits = Array.from({ length: 9 }, () => int(10));
      if (digits[0] === 0) continue;
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += digits[i] * (10 - i);
      const check = 11 - (sum % 11);
      if (check === 10) continue;
      return digits.join('') + String(check === 11 ? 0 : check);
    }
  };
  const upn = (yearOfBirth: number) => {
    const body = `${String(201 + int(700)).padStart(3, '0')}${String(int(10000)).padStart(4, '0')}${String((yearOfBirth + 5) % 100).padStart(2, '0')}${String(int(1000)).padStart(3, '0')}`;
    return upnCheckLetter(body) + body;
  };
  const typo = (s: string): string => {
    if (s.length < 2) return s;
    const i = 1 + int(s.length - 1);
    switch (int(4)) {
      case 0:
        return s.slice(0, i) + LETTERS[int(26)] + s.slice(i + 1);
      case 1:
        return s.slice(0, i) + s.slice(i + 1);
      case 2:
        return s.slice(0, i) + LETTERS[int(26)] + s.slice(i);
      default:
        return i < s.length - 1 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i - 1) + s[i] + s[i - 1];
    }
  };
  const nicknameOf = (given: string): string | undefined => {
    const groups = nicknameGroups(given);
    if (groups.length === 0) return undefined;
    const forms = NICK_FORMS.get(given);
    return forms && forms.length > 0 ? pick(forms) : undefined;
  };
  const titleCase = (s: string) => (rnd() < 0.5 ? s.charAt(0) + s.slice(1).toLowerCase() : s);

  const records: LinkageRecord[] = [];
  const truth: number[] = [];
  const sexes: string[] = [];
  const groups: string[] = [];
  let children = 0;
  const makeChild = (family?: Child, twin = false): Child => {
    const sex = rnd() < 0.5 ? 'M' : 'F';
    const year = family && twin ? family.year : 2007 + int(18);
    const month = family && twin ? family.month : 1 + int(12);
    const day = family && twin ? family.day : 1 + int(28);
    const pc = family ? family.postcode : postcode();
    if (options.ethnicGroups) {
      const group = family?.group ?? weightedPick(ETHNIC_GROUPS, rnd);
      const pool = namePool(group, rnd);
      return {
        group,
        given: zipfPick(sex === 'M' ? pool.male : pool.female, rnd, pool.concentration),
        family: family ? family.family : zipfPick(pool.surnames, rnd, pool.concentration),
        sex,
        year,
        month,
        day,
        postcode: pc,
        la: family ? family.la : laFor(pc),
        nhs: nhs(),
        upn: upn(year),
      };
    }
    return {
      given: zipf(sex === 'M' ? BOYS : GIRLS),
      family: family ? family.family : surname(),
      sex,
      year,
      month,
      day,
      postcode: pc,
      la: family ? family.la : laFor(pc),
      nhs: nhs(),
      upn: upn(year),
    };
  };
  const emit = (child: Child, entity: number) => {
    const agency = int(3); // 0 police, 1 local authority, 2 school
    const r: LinkageRecord = { id: `r${records.length}`, source: ['police', 'la', 'school'][agency] };
    let given: string | undefined = child.given;
    let family: string | undefined = child.family;
    const nick = rnd() < 0.12 ? nicknameOf(given) : undefined;
    if (nick) given = nick;
    if (options.ethnicGroups && rnd() < 0.06) {
      const which = rnd() < 0.5;
      const variants = spellingVariants(which ? given : family);
      if (variants.length > 0) {
        if (which) given = pick(variants);
        else family = pick(variants);
      }
    }
    if (rnd() < 0.08) given = typo(given);
    if (rnd() < 0.08) family = typo(family);
    if (rnd() < 0.04) [given, family] = [family, given];
    if (rnd() < 0.03) given = undefined;
    else if (rnd() < 0.02) family = undefined;
    if (given) r.givenName = titleCase(given);
    if (family) r.familyName = titleCase(family);
    let { year, month, day } = child;
    const d = rnd();
    if (d < 0.03) r.dob = { year, month };
    else if (d < 0.05) r.dob = { year };
    else if (d < 0.07) r.dob = undefined;
    else {
      if (d < 0.1) {
        // one mistyped digit
        const which = int(3);
        if (which === 0) year += rnd() < 0.5 ? 1 : -1;
        else if (which === 1) month = month === 12 ? 11 : month + 1;
        else day = day >= 28 ? day - 1 : day + 1;
      } else if (d < 0.12 && day <= 12) [month, day] = [day, month];
      r.dob = { year, month, day };
    }
    const s = rnd();
    if (s > 0.06) r.sex = s < 0.065 ? (child.sex === 'M' ? 'F' : 'M') : child.sex;
    const p = rnd();
    let pc = child.postcode;
    if (p < 0.06) pc = postcode(pc.split(' ')[0].replace(/\d+$/, ''), Number(pc.split(' ')[0].replace(/^[A-Z]+/, '')));
    else if (p < 0.14) pc = postcode();
    if (rnd() > 0.05) r.postcode = rnd() < 0.5 ? pc : pc.replace(' ', '').toLowerCase();
    r.laCode = pc === child.postcode ? child.la : laFor(pc);
    const nhsShare = [0.35, 0.7, 0.15][agency];
    const upnShare = [0.05, 0.4, 0.9][agency];
    if (rnd() < nhsShare) r.nhsNumber = rnd() < 0.01 ? child.nhs.slice(0, 9) + ((Number(child.nhs[9]) + 1) % 10) : child.nhs;
    if (rnd() < upnShare) r.upn = rnd() < 0.03 ? 'UN' + (1 + int(5)) : child.upn;
    records.push(r);
    truth.push(entity);
    sexes.push(child.sex);
    groups.push(child.group ?? '');
  };
  while (records.length < options.records) {
    const child = makeChild();
    const siblings: Child[] = [child];
    const f = rnd();
    if (f < 0.02) siblings.push(makeChild(child, true));
    else if (f < 0.2) siblings.push(makeChild(child));
    for (const c of siblings) {
      const entity = children++;
      const u = rnd();
      const n = u < 0.45 ? 1 : u < 0.7 ? 2 : u < 0.85 ? 3 : u < 0.93 ? 4 : 5 + int(4);
      for (let k = 0; k < n && records.length < options.records; k++) emit(c, entity);
    }
  }
  return { records, truth: Int32Array.from(truth), children, sex: sexes, group: groups };
}

/** Nickname forms for the synthetic data: short forms that share a diminutive group with the formal name. */
const NICK_FORMS = new Map<string, string[]>([
  ['WILLIAM', ['BILL', 'WILL', 'LIAM', 'BILLY']],
  ['ALFRED', ['ALFIE', 'ALF']],
  ['ELIZABETH', ['LIZ', 'BETH', 'LIZZIE', 'ELSIE']],
  ['ALEXANDER', ['ALEX', 'ALFIE']],
  ['THOMAS', ['TOM', 'TOMMY']],
  ['JAMES', ['JIM', 'JAMIE']],
  ['JOSEPH', ['JOE', 'JOEY']],
  ['SAMUEL', ['SAM', 'SAMMY']],
  ['DANIEL', ['DAN', 'DANNY']],
  ['MATTHEW', ['MATT']],
  ['EDWARD', ['ED', 'EDDIE', 'TED']],
  ['FREDERICK', ['FRED', 'FREDDIE']],
  ['ROBERT', ['ROB', 'BOBBY', 'BOB']],
  ['MICHAEL', ['MIKE', 'MICKEY']],
  ['JOHN', ['JACK', 'JOHNNY']],
  ['BENJAMIN', ['BEN', 'BENJI']],
  ['CHRISTOPHER', ['CHRIS']],
  ['ANTHONY', ['TONY']],
  ['NATHAN', ['NATE']],
  ['JACOB', ['JAKE']],
  ['OLIVER', ['OLLIE']],
  ['HENRY', ['HARRY', 'HAL']],
  ['THEO', ['THEO']],
  ['ZACHARY', ['ZAC', 'ZACK']],
  ['ISAAC', ['ZAC']],
  ['CHARLOTTE', ['CHARLIE', 'LOTTIE']],
  ['OLIVIA', ['LIV', 'OLLIE']],
  ['MARGARET', ['MAGGIE', 'PEGGY', 'MAISIE']],
  ['KATHERINE', ['KATE', 'KATIE', 'KATH']],
  ['REBECCA', ['BECKY', 'BECCA']],
  ['SAMANTHA', ['SAM', 'SAMMIE']],
  ['VICTORIA', ['VICKY', 'TORI']],
  ['JESSICA', ['JESS']],
  ['ABIGAIL', ['ABBY', 'ABI']],
  ['ELEANOR', ['ELLIE', 'NELL']],
  ['AMELIA', ['MILLIE', 'AMY']],
  ['ISABELLA', ['IZZY', 'BELLA']],
  ['SOPHIA', ['SOPHIE']],
  ['EMILY', ['EMMY']],
  ['HANNAH', ['HANNA']],
  ['STEPHANIE', ['STEPH']],
  ['DEBORAH', ['DEBBIE']],
  ['NICOLA', ['NICKY', 'NIKKI']],
  ['JOSEPHINE', ['JOSIE', 'JO']],
  ['PENELOPE', ['PENNY']],
  ['HARRIET', ['HATTIE']],
  ['ISABEL', ['IZZY', 'ISSY']],
  ['EVELYN', ['EVIE']],
  ['FLORENCE', ['FLO']],
  ['MATILDA', ['TILLY']],
  ['NATALIE', ['NAT']],
  ['PATRICK', ['PADDY', 'PAT']],
  ['VINCENT', ['VINCE']],
  ['ALBERT', ['ALBIE', 'BERT']],
  ['DAVID', ['DAVE']],
  ['LOUISE', ['LOU']],
  ['SARAH', ['SALLY']],
  ['LEWIS', ['LOUIE']],
  ['REUBEN', ['RUBEN']],
]);
