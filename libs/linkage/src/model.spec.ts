import { deduplicate } from './deduplicate';
import { evaluateClusters } from './evaluate';
import { LinkageRecord } from './record';
import { parseModel, scorerFor, serialiseModel, trainModel } from './model';
import { mulberry32 } from './random';
import { RecordStore } from './store';
import { fixtureModel } from './testing';
import { decide } from './decisions';

const GIVEN = ['OLIVER', 'AMELIA', 'GEORGE', 'ISLA', 'NOAH', 'AVA', 'LEO', 'MIA', 'JACK', 'IVY', 'HARRY', 'LILY'];
const FAMILY = ['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'KHAN', 'PATEL', 'WALKER', 'WRIGHT', 'GREEN', 'HALL', 'WOOD', 'HILL', 'LEWIS', 'PRICE'];

/** 400 people, 1-3 records each, with typos and missing values. */
function people(seed: number): { records: LinkageRecord[]; truth: number[] } {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const typo = (s: string) => (rnd() < 0.15 ? s.slice(0, 2) + s.slice(3) : s);
  const records: LinkageRecord[] = [];
  const truth: number[] = [];
  for (let p = 0; p < 400; p++) {
    const given = pick(GIVEN) + (rnd() < 0.3 ? pick(['A', 'E', 'Y']) : '');
    const family = pick(FAMILY) + (rnd() < 0.5 ? String.fromCharCode(65 + Math.floor(rnd() * 26)) + 'SON' : '');
    const dob = { year: 2005 + Math.floor(rnd() * 15), month: 1 + Math.floor(rnd() * 12), day: 1 + Math.floor(rnd() * 28) };
    const postcode = `LS${1 + Math.floor(rnd() * 20)} ${Math.floor(rnd() * 10)}AB`;
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      records.push({
        id: `${p}-${k}`,
        givenName: typo(given),
        familyName: typo(family),
        dob: rnd() < 0.1 ? { year: dob.year } : dob,
        postcode: rnd() < 0.8 ? postcode : undefined,
      });
      truth.push(p);
    }
  }
  return { records, truth };
}

describe('training and the versioned model', () => {
  const data = people(3);
  const model = trainModel(data.records, { source: 'spec', now: new Date('2025-02-03T04:05:06Z') });

  it('estimates m above u for agreement and a prior close to the share of matching pairs', () => {
    for (const c of model.comparisons) {
      expect(c.m[0]).toBeGreaterThan(c.u[0] * 5);
      expect(c.m.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 3);
    }
    const n = data.records.length;
    let matches = 0;
    const sizes = new Map<number, number>();
    for (const t of data.truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    for (const s of sizes.values()) matches += (s * (s - 1)) / 2;
    const truePrior = matches / ((n * (n - 1)) / 2);
    expect(model.prior).toBeGreaterThan(truePrior / 3);
    expect(model.prior).toBeLessThan(truePrior * 3);
    expect(model.modelId).toMatch(/^lm-20250203T040506-[0-9a-f]{8}$/);
    expect(model.training.records).toBe(n);
  });

  it('deduplicates the training data accurately', () => {
    const result = deduplicate(data.records, { model });
    const m = evaluateClusters(Array.from(result.cluster), data.truth);
    expect(m.precision).toBeGreaterThan(0.95);
    expect(m.recall).toBeGreaterThan(0.9);
  });

  it('weighs agreement on a rare name more than on a common one', () => {
    const records: LinkageRecord[] = [];
    for (let i = 0; i < 200; i++) records.push({ id: `c${i}`, givenName: 'OLIVER', familyName: `F${i}` });
    records.push({ id: 'r1', givenName: 'ZEBEDEE', familyName: 'X1' }, { id: 'r2', givenName: 'ZEBEDEE', familyName: 'X2' });
    const store = RecordStore.fromRecords(records);
    const scorer = scorerFor(store, fixtureModel());
    const rare = scorer.weight(store.seqById.get('r1')!, store.seqById.get('r2')!);
    const common = scorer.weight(store.seqById.get('c0')!, store.seqById.get('c1')!);
    expect(rare).toBeGreaterThan(common + 3);
  });

  it('scores against relatives too: twins sharing a household, a family name and a birthday stay apart', () => {
    // 300 households of two or three children (twins in some), each child reported twice.
    const rnd = mulberry32(11);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const records: LinkageRecord[] = [];
    const truth: number[] = [];
    let child = 0;
    for (let h = 0; h < 300; h++) {
      const familyName = pick(FAMILY) + String.fromCharCode(65 + (h % 26));
      const postcode = `LS${1 + (h % 20)} ${h % 10}${String.fromCharCode(65 + (h % 26))}B`;
      const born = { year: 2006 + Math.floor(rnd() * 10), month: 1 + Math.floor(rnd() * 12), day: 1 + Math.floor(rnd() * 28) };
      const names = [...GIVEN].sort(() => rnd() - 0.5);
      for (let k = 0; k < 2 + (h % 2); k++) {
        const dob = k === 1 && h % 3 === 0 ? born : { ...born, year: born.year + k * 2 };
        for (let r = 0; r < 2; r++) {
          records.push({ id: `${child}-${r}`, givenName: names[k], familyName, dob, postcode, sex: rnd() < 0.5 ? 'F' : 'M' });
          truth.push(child);
        }
        child++;
      }
    }
    const withClass = trainModel(records, { now: new Date('2025-02-03T04:05:06Z') });
    expect(withClass.householdPrior).toBeGreaterThan(0);
    expect(withClass.comparisons.every((c) => c.h?.length === c.levels.length)).toBe(true);
    expect(parseModel(serialiseModel(withClass))).toEqual(withClass);
    const without = deduplicate(records, { householdClass: false });
    const withHousehold = deduplicate(records, { model: withClass });
    const precision = (r: ReturnType<typeof deduplicate>) => evaluateClusters(Array.from(r.cluster), truth).precision;
    expect(precision(withHousehold)).toBeGreaterThan(precision(without));
    expect(evaluateClusters(Array.from(withHousehold.cluster), truth).recall).toBeGreaterThan(0.95);
  });

  it('round-trips through JSON and rejects malformed models', () => {
    expect(parseModel(serialiseModel(model))).toEqual(model);
    expect(() => parseModel('{}')).toThrow(/format/);
    expect(() => parseModel({ ...model, prior: 2 })).toThrow(/prior/);
    expect(() => parseModel({ ...model, comparisons: [{ ...model.comparisons[0], m: [0.5] }] })).toThrow(/malformed/);
  });

  it('makes three decisions at the documented thresholds', () => {
    expect(decide(0.99)).toBe('link');
    expect(decide(0.8)).toBe('link');
    expect(decide(0.6)).toBe('review');
    expect(decide(0.2)).toBe('non_link');
  });
});
