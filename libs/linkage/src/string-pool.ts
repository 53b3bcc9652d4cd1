/** Interns strings as dense integer codes so that comparisons and blocking work on numbers. */
export class StringPool {
  readonly strings: string[] = [];
  private readonly codes = new Map<string, number>();

  intern(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  get(value: string): number | undefined {
    return this.codes.get(value);
  }

  get size(): number {
    return this.strings.length;
  }
}

/** Numeric sort key preserving the alphabetical order of the first six letters (A-Z only). */
export function alphaKey(value: string): number {
  let key = 0;
  for (let i = 0; i < 6; i++) {
    const c = i < value.length ? value.charCodeAt(i) - 64 : 0;
    key = key * 27 + (c > 0 && c < 27 ? c : 0);
  }
  return key;
}
