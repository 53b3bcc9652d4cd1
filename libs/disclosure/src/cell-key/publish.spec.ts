import * as fc from 'fast-check';
import { CELL_KEY_MODULUS, cellKeyOf, perturb } from './ptable';
import { CELL_KEY_SENTENCE, disclosureStatement, KeyedCount, publishCells, publishCount } from './publish';

/**
 * The same cell asked through different queries, groupings and formats gets the same published
 * value: the value depends on the cell's records only (their count and their keys), never on the
 * query that selected them, the order they came in, or how the answer is written out.
 */
interface Episode {
  child: number;
  childKey: number;
  episodeKey: number;
  setting: string;
  sex: string;
  region: string;
  week: number;
}
type Dimension = 'setting' | 'sex' | 'region' | 'week';

/** The API's SQL in miniature: filter, group, count distinct children and episodes with their cell keys. */
function query(
  episodes: Episode[],
  groupBy: Dimension[],
  filters: Partial<Record<Dimension, (string | number)[]>>,
): Map<string, { children: KeyedCount; episodes: KeyedCount }> {
  const groups = new Map<string, Episode[]>();
  for (const e of episodes) {
    if (Object.entries(filters).some(([d, values]) => !values!.includes(e[d as Dimension]))) continue;
    const k = groupBy.map((d) => `${d}=${e[d]}`).join('|');
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(e);
  }
  const out = new Map<string, { children: KeyedCount; episodes: KeyedCount }>();
  for (const [k, members] of groups) {
    const children = new Map(members.map((e) => [e.child, e.childKey]));
    out.set(k, {
      children: { value: children.size, key: cellKeyOf(children.values()) },
      episodes: { value: members.length, key: cellKeyOf(members.map((e) => e.episodeKey)) },
    });
  }
  return out;
}

const csv = (rows: Record<string, number>[]) => rows.map((r) => `${r.children},${r.episodes}`).join('\n');
const fromCsv = (text: string) => text.split('\n').map((line) => line.split(',').map(Number));

const SETTINGS = ['HOME', 'CARE', 'EDUCATION'];
const SEXES = ['F', 'M', 'U'];
const REGIONS = ['E12000001', 'E12000007'];

const episodesArb = fc
  .array(
    fc.record({
      child: fc.integer({ min: 1, max: 40 }),
      episodeKey: fc.integer({ min: 0, max: CELL_KEY_MODULUS - 1 }),
      setting: fc.constantFrom(...SETTINGS),
      sex: fc.constantFrom(...SEXES),
      region: fc.constantFrom(...REGIONS),
      week: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 1, maxLength: 120 },
  )
  .chain((raw) =>
    fc
      .array(fc.integer({ min: 0, max: CELL_KEY_MODULUS - 1 }), { minLength: 41, maxLength: 41 })
      .map((childKeys) => raw.map((e): Episode => ({ ...e, childKey: childKeys[e.child] }))),
  );

describe('cell-key publication', () => {
  it('gives one cell one value through every query, grouping, order and format that selects it', () => {
    fc.assert(
      fc.property(
        episodesArb,
        fc.constantFrom(...SETTINGS),
        fc.constantFrom(...SEXES),
        fc.constantFrom(...REGIONS),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (episodes, setting, sex, region, week, exact) => {
          const mode = exact ? 'exact' : 'cell-key';
          const target = `setting=${setting}|sex=${sex}`;
          const ways = [
            query(episodes, ['setting', 'sex'], { region: [region], week: [week] }).get(target),
            query([...episodes].reverse(), ['sex', 'setting'], { region: [region], week: [week] }).get(`sex=${sex}|setting=${setting}`),
            query(episodes, ['sex'], { setting: [setting], region: [region], week: [week] }).get(`sex=${sex}`),
            query(episodes, [], { setting: [setting], sex: [sex], region: [region], week: [week] }).get(''),
            query(episodes, ['region', 'week', 'setting', 'sex'], {}).get(`region=${region}|week=${week}|${target}`),
          ].map((cell) => (cell ? publishCells(cell, mode) : { children: 0, episodes: 0 }));
          for (const published of ways) expect(published).toEqual(ways[0]);
          // JSON and CSV carry the same numbers.
          expect(fromCsv(csv(ways))).toEqual(ways.map((w) => [w.children, w.episodes]));
          expect(JSON.parse(JSON.stringify(ways))).toEqual(ways);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('publishes a total as a cell of its own, not the sum of its published parts', () => {
    const parts: KeyedCount[] = [
      { value: 3, key: 10 },
      { value: 2, key: 2_000_000_000 },
    ];
    const total: KeyedCount = { value: 5, key: cellKeyOf(parts.map((p) => p.key)) };
    expect(publishCount(total, 'cell-key')).toBe(perturb(5, total.key));
    for (const p of parts) expect([0, 5]).toContain(publishCount(p, 'cell-key'));
  });

  it('never publishes 1 to 4 in cell-key mode, and the exact value in exact mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: CELL_KEY_MODULUS - 1 }), (value, key) => {
        const published = publishCount({ value, key }, 'cell-key');
        expect(published >= 1 && published <= 4).toBe(false);
        expect(publishCount({ value, key }, 'exact')).toBe(value);
      }),
    );
  });

  it('says which method protects the figures, in one plain sentence', () => {
    expect(disclosureStatement('cell-key')).toEqual({ method: 'cell-key', ptable: 'mcm-ptable-v1', note: CELL_KEY_SENTENCE });
    expect(CELL_KEY_SENTENCE.split(/\.\s/)).toHaveLength(1);
    expect(disclosureStatement('exact').method).toBe('none');
  });
});
