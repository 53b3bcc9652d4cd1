import { Rational } from './rational';

describe('Rational', () => {
  it('normalises sign and common factors', () => {
    expect(Rational.of(6, -4).toString()).toBe('-3/2');
    expect(Rational.of(0, -7).equals(Rational.ZERO)).toBe(true);
  });
  it('does exact arithmetic', () => {
    const third = Rational.of(1, 3);
    expect(third.add(third).add(third).equals(Rational.ONE)).toBe(true);
    expect(Rational.of(3, 4).sub(Rational.of(1, 4)).mul(Rational.of(4)).div(Rational.of(2)).toString()).toBe('1');
    expect(Rational.of(2, 3).compare(Rational.of(3, 5))).toBe(1);
  });
  it('floors and ceils toward the right side of zero', () => {
    expect(Rational.of(7, 2).floor()).toBe(3n);
    expect(Rational.of(7, 2).ceil()).toBe(4n);
    expect(Rational.of(-7, 2).floor()).toBe(-4n);
    expect(Rational.of(-7, 2).ceil()).toBe(-3n);
    expect(Rational.of(4).floor()).toBe(4n);
    expect(Rational.of(-4).ceil()).toBe(-4n);
  });
  it('refuses a zero denominator and unsafe numbers', () => {
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
    expect(() => Rational.of(0.5)).toThrow(RangeError);
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(RangeError);
  });
});
