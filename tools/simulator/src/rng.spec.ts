import { deriveSeed, Rng } from './rng';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Rng', () => {
  it('repeats its stream for a seed and differs between seeds and labels', () => {
    const draw = (rng: Rng) => Array.from({ length: 5 }, () => rng.uint32());
    expect(draw(new Rng(42))).toEqual(draw(new Rng(42)));
    expect(draw(new Rng(42))).not.toEqual(draw(new Rng(43)));
    expect(draw(Rng.for(42, 'child', 1))).toEqual(draw(Rng.for(42, 'child', 1)));
    expect(draw(Rng.for(42, 'child', 1))).not.toEqual(draw(Rng.for(42, 'child', 2)));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
  });

  it('draws uniform values in range', () => {
    const rng = new Rng(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 20000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 20000).toBeCloseTo(0.5, 1);
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(3, 5)));
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('makes well-formed, distinct version 4 UUIDs across many streams', () => {
    const ids = new Set<string>();
    for (let stream = 0; stream < 2000; stream++) {
      const rng = Rng.for(1, 'child', stream);
      for (let i = 0; i < 20; i++) ids.add(rng.uuid());
    }
    expect(ids.size).toBe(40000);
    expect([...ids].filter((id) => !UUID.test(id))).toEqual([]);
  });
});
