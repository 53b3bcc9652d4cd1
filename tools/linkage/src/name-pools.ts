/**
 * Name pools by broad ethnicity group for the synthetic evaluation sets, so that linkage
 * quality can be reported by group. The pools are invented to be plausible for England, not
 * drawn from real frequencies; what matters for linkage is their shape, which follows what is
 * known about administrative data:
 * - White British names: many distinct given names and surnames, moderately concentrated;
 * - Asian (mostly South Asian) names: few surnames holding a large share (Khan, Ali, Hussain,
 *   Begum, Patel, Singh, Kaur, Ahmed), a very common given name (Muhammad), and several
 *   romanised spellings of one name (Mohammed / Muhammad / Mohamed);
 * - Black African and Caribbean, Other (Chinese, Eastern European, Arab) names: spelling
 *   variants from transliteration, and names unfamiliar to whoever keys them in.
 * Group sizes are roughly those of children in England (White 72%, Asian 12%, Black 6%,
 * Mixed 7%, Other 3%).
 */
export type EthnicGroup = 'White' | 'Mixed' | 'Asian' | 'Black' | 'Other';

export const ETHNIC_GROUPS: readonly (readonly [EthnicGroup, number])[] = [
  ['White', 72],
  ['Asian', 12],
  ['Black', 6],
  ['Mixed', 7],
  ['Other', 3],
];

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  /** Exponent of the Zipf-like pick: higher = more concentrated on the first names of the list. */
  concentration: number;
}

const split = (s: string) => s.trim().split(/\s+/);

const WHITE: NamePool = {
  male: split(
    'OLIVER GEORGE HARRY NOAH JACK LEO ARTHUR OSCAR CHARLIE JACOB THOMAS HENRY WILLIAM ALFIE JOSHUA FREDDIE ARCHIE ETHAN ISAAC JAMES JOSEPH SAMUEL MAX DANIEL LOGAN LUCAS MASON THEO TOMMY ALEXANDER DYLAN FINLEY HARRISON SEBASTIAN RILEY ADAM BENJAMIN REUBEN LEWIS EDWARD JAYDEN RONNIE MATTHEW TOBY ELLIOT NATHAN LIAM DAVID MICHAEL JOHN CALLUM BRADLEY CONNOR ZACHARY AARON AIDEN ALBERT TYLER JAMIE OWEN LOUIS ROBERT RYAN STANLEY CHRISTOPHER ANTHONY PATRICK VINCENT FREDERICK ALFRED HARVEY SONNY CALEB BOBBY KIERAN REECE RHYS DOMINIC PETER STEPHEN RICHARD SIMON GARETH CRAIG',
  ),
  female: split(
    'OLIVIA AMELIA ISLA AVA MIA IVY LILY ISABELLA ROSIE SOPHIA GRACE FREYA EVIE POPPY ELLA CHARLOTTE EMILY WILLOW ELSIE FLORENCE MATILDA PHOEBE RUBY SIENNA EVELYN SOPHIE ALICE DAISY HARPER ELEANOR LUNA MAISIE ERIN ABIGAIL ELIZABETH HANNAH JESSICA KATHERINE MARGARET REBECCA SAMANTHA VICTORIA LUCY CHLOE MOLLY MILLIE HOLLY LEAH NATALIE CAITLIN AMY LAUREN JASMINE MEGAN BETHANY COURTNEY ELLIE EMMA KATIE GEORGIA PAIGE SARAH CHELSEA NICOLA STEPHANIE DEBORAH ANNA LOUISE JOSEPHINE ISABEL PENELOPE HARRIET KAYLEIGH JADE NIAMH SIAN AOIFE',
  ),
  surnames: split(
    'SMITH JONES WILLIAMS TAYLOR BROWN DAVIES EVANS WILSON THOMAS JOHNSON ROBERTS ROBINSON THOMPSON WRIGHT WALKER WHITE EDWARDS HUGHES GREEN HALL LEWIS HARRIS CLARKE JACKSON WOOD TURNER MARTIN COOPER HILL WARD MORRIS MOORE CLARK LEE KING BAKER HARRISON MORGAN ALLEN JAMES SCOTT PHILLIPS WATSON DAVIS PARKER PRICE BENNETT YOUNG GRIFFITHS MITCHELL KELLY COOK CARTER RICHARDSON BAILEY COLLINS BELL SHAW MURPHY MILLER COX RICHARDS MARSHALL ANDERSON SIMPSON ELLIS ADAMS WILKINSON FOSTER CHAPMAN POWELL WEBB ROGERS GRAY MASON HUNT CAMPBELL MATTHEWS OWEN PALMER HOLMES MILLS BARNES KNIGHT LLOYD BUTLER RUSSELL BARKER FISHER STEVENS JENKINS MURRAY DIXON HARVEY GRAHAM PEARSON FLETCHER WALSH GIBSON HOWARD ANDREWS STEWART ELLIOTT REYNOLDS SAUNDERS PAYNE FOX FORD PEARCE DAY BROOKS WEST LAWRENCE COLE ATKINSON BRADLEY SPENCER GILL DAWSON BALL BURTON OBRIEN WATTS ROSE BOOTH PERRY RYAN GRANT WELLS ARMSTRONG FRANCIS REES HAYES HART HUDSON NEWMAN BARRETT WEBSTER HUNTER GREGORY CARR LOWE PAGE MARSH RILEY DUNN WOODS PARSONS BERRY STONE REID HOLLAND HAWKINS HARDING PORTER ROBERTSON NEWTON OLIVER REED KENNEDY WILLIAMSON BIRD GARDNER SHARP SUTTON ASHWORTH BRACKLEY CALDWELL DUNMORE FAIRBROOK GOLDSBY HARLAND KELSALL LANGFORD MORLEY NORTHCOTT OAKDALE PENFIELD RADCLIFFE STANWELL THORNTON WALMSLEY WINSTANLEY ELDRIDGE FERNHURST HALSTEAD MARWOOD BRADSHAW CRANFIELD',
  ),
  concentration: 2.2,
};

const ASIAN: NamePool = {
  male: split(
    'MUHAMMAD MOHAMMED MOHAMED ADAM IBRAHIM YUSUF ZAYN AYAAN ALI HAMZA OMAR AARAV ARJUN REHAAN ISMAIL HASSAN ABDULLAH RAYYAN AHMED ZAKARIYA HARRY VIHAAN KABIR ARYAN IMRAN RAHUL SAHIL DANYAL',
  ),
  female: split(
    'MARYAM AISHA FATIMA ZARA HAFSA AMELIA HANNAH INAYA AMIRA ZAINAB SARA ANAYA PRIYA AANYA ALISHA SAFA AYESHA HUMAIRA NOOR KHADIJA SIMRAN JASMINE RIYA MEHAK ZOYA IQRA SANA',
  ),
  surnames: split(
    'KHAN ALI HUSSAIN BEGUM AHMED PATEL SINGH KAUR AKHTAR MAHMOOD RAHMAN ISLAM IQBAL MOHAMMED SHAH BIBI MIAH UDDIN HUSSEIN CHOUDHURY SHARMA KUMAR MISTRY PAREKH ANWAR',
  ),
  concentration: 2.8,
};

const BLACK: NamePool = {
  male: split(
    'DANIEL DAVID JOSHUA SAMUEL ELIJAH ISAAC JAYDEN KOFI KWAME CHIDI EMEKA TOBI DAVID MICHAEL JOSIAH TYRONE ANDRE MALACHI JERMAINE OLUWASEUN ADEBAYO IBRAHIM MOHAMED ABDI',
  ),
  female: split(
    'AMARA FAVOUR GRACE PRECIOUS BLESSING ESTHER CHLOE MARIAM ADA CHIOMA NIA ZURI ABENA AMINA FATUMA KEISHA TIANA DESTINY ANGEL ESI HODAN IFEOMA NADIA SARAH',
  ),
  surnames: split(
    'MENSAH OKAFOR ADEYEMI OKONKWO BOATENG OWUSU ASANTE OSEI ADEBAYO CAMPBELL WILLIAMS BROWN JOHNSON SMITH THOMAS FRANCIS OLAWALE NWOSU EZE OGUNDIPE AHMED MOHAMED ABDI FARAH HASSAN ALI',
  ),
  concentration: 2.0,
};

const OTHER: NamePool = {
  male: split('JAKUB FILIP ANDREI LUCA MATEUSZ OLIVER WEI JUN HAO MINH ADAM OMAR AHMAD YOUSEF DAVID LUKAS TOMAS NIKOLA ALEKSANDER IVAN MARIUS'),
  female: split('ZUZANNA MAJA ANA ELENA MARIA SOFIA JULIA MEI LING YAN LINH NOUR LAYLA HANA AMINA EMMA KATARZYNA ALEKSANDRA IOANA ANDREEA DARIA'),
  surnames: split(
    'NOWAK KOWALSKI WISNIEWSKI KOWALCZYK POPESCU IONESCU HORVATH CHEN WANG LI ZHANG LIU NGUYEN TRAN LE HASSAN AHMADI RAHIMI SILVA FERREIRA SANTOS RODRIGUES KAZLAUSKAS PETROV',
  ),
  concentration: 1.8,
};

const POOLS: Record<Exclude<EthnicGroup, 'Mixed'>, NamePool> = { White: WHITE, Asian: ASIAN, Black: BLACK, Other: OTHER };

/** Name pool of a group; a Mixed-group person takes each name from one of two parent pools. */
export function namePool(group: EthnicGroup, rnd: () => number): NamePool {
  if (group !== 'Mixed') return POOLS[group];
  const other = rnd() < 0.5 ? BLACK : rnd() < 0.7 ? ASIAN : OTHER;
  return rnd() < 0.5 ? { ...WHITE, surnames: other.surnames } : { ...other, surnames: WHITE.surnames };
}

/**
 * Romanisation and spelling variants: the same person written differently by two agencies
 * (not typos; each form is a correct spelling somewhere).
 */
export const SPELLING_VARIANTS: readonly (readonly string[])[] = [
  ['MUHAMMAD', 'MOHAMMED', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED'],
  ['HUSSAIN', 'HUSSEIN', 'HUSAIN', 'HOSSAIN'],
  ['CHOUDHURY', 'CHOWDHURY', 'CHOUDHARY', 'CHAUDHRY'],
  ['AHMED', 'AHMAD'],
  ['RAHMAN', 'REHMAN'],
  ['YUSUF', 'YOUSEF', 'YUSUF', 'YOUSUF'],
  ['ZAKARIYA', 'ZAKARIA', 'ZACHARIAH'],
  ['AISHA', 'AYESHA', 'AISHAH'],
  ['FATIMA', 'FATEMA', 'FATIMAH'],
  ['MARYAM', 'MARIAM', 'MERYEM'],
  ['ZAINAB', 'ZAYNAB'],
  ['KHADIJA', 'KHADIJAH', 'KHADEEJA'],
  ['IBRAHIM', 'EBRAHIM', 'IBRAHEEM'],
  ['HASSAN', 'HASAN'],
  ['OLUWASEUN', 'OLUSEUN', 'SEUN'],
  ['ADEBAYO', 'ADEBAYOR'],
  ['OKONKWO', 'OKONKWOH'],
  ['FAVOUR', 'FAVOR'],
  ['MOHAMED', 'MOHAMUD'],
  ['ABDI', 'ABDIH'],
  ['WISNIEWSKI', 'WISNIEWSKA'],
  ['KOWALSKI', 'KOWALSKA'],
  ['ALEKSANDER', 'ALEXANDER'],
  ['ALEKSANDRA', 'ALEXANDRA'],
  ['KATARZYNA', 'KATHARINA'],
  ['NGUYEN', 'NGUYN', 'NGUEN'],
  ['ZHANG', 'CHANG'],
  ['LAYLA', 'LEILA', 'LAILA'],
  ['NOUR', 'NOOR'],
  ['AMINA', 'AMEENA', 'AMINAH'],
  ['ANDREI', 'ANDREY'],
  ['IVAN', 'IWAN'],
  ['ZOYA', 'ZOYAH'],
  ['AYAAN', 'AYAN'],
  ['RAYYAN', 'RAYAN'],
  ['CATHERINE', 'KATHERINE', 'KATHRYN'],
  ['STEPHEN', 'STEVEN'],
  ['PHILIP', 'PHILLIP'],
  ['SIAN', 'SHAN'],
  ['NIAMH', 'NEVE'],
  ['AOIFE', 'EEFA'],
  ['CLARKE', 'CLARK'],
  ['REES', 'REECE'],
  ['MATTHEWS', 'MATHEWS'],
  ['THOMPSON', 'THOMSON'],
  ['GRAY', 'GREY'],
];

const VARIANTS_OF = new Map<string, readonly string[]>();
for (const group of SPELLING_VARIANTS)
  for (const name of group)
    VARIANTS_OF.set(
      name,
      group.filter((n) => n !== name),
    );

/** Other correct spellings of a name (empty when none is known). */
export function spellingVariants(name: string): readonly string[] {
  return VARIANTS_OF.get(name) ?? [];
}

/** Zipf-like pick: earlier entries are more common; `concentration` 1 is uniform. */
export function zipfPick<T>(xs: readonly T[], rnd: () => number, concentration: number): T {
  return xs[Math.min(xs.length - 1, Math.floor(xs.length * Math.pow(rnd(), concentration)))];
}

export function weightedPick<T>(items: readonly (readonly [T, number])[], rnd: () => number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}
