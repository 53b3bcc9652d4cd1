/** Minimal command-line parsing: `--name value` (repeatable) and `--flag`. */
export function parseArgs(argv: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    let name: string;
    let value: string;
    if (eq > 0) {
      name = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else {
      name = arg.slice(2);
      const next = argv[i + 1];
      value = next !== undefined && !next.startsWith('--') ? (i++, next) : 'true';
    }
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

export function single(args: Map<string, string[]>, name: string): string | undefined {
  const v = args.get(name);
  return v ? v[v.length - 1] : undefined;
}

export function required(args: Map<string, string[]>, name: string): string {
  const v = single(args, name);
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}

export function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}
