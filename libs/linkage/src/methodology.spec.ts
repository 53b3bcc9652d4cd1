import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINKAGE_METHODOLOGY } from './methodology';

describe('linkage methodology text', () => {
  it('is the text of the "Linkage quality and methodology" section of docs/LINKAGE.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/LINKAGE.md'), 'utf8');
    const section = doc.split('## Linkage quality and methodology')[1]?.split('\n## ')[0] ?? '';
    const paragraphs = section
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p && !p.startsWith('<!--'));
    expect(paragraphs).toEqual(LINKAGE_METHODOLOGY.split('\n\n'));
  });
});
