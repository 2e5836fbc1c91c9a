import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSTRAINT_TEXTS, constraintText } from './problem-messages';

/** Every `.ts` file under `dir`, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('messages of validation issues', () => {
  it('has a Vietnamese and an English text for every message key a service or the gateway raises', () => {
    const root = join(__dirname, '..', '..', '..');
    const keys = new Set<string>();
    for (const file of sources(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/message: '([a-zA-Z]+)'/g)) {
        keys.add(match[1]!);
      }
    }
    expect(keys.size).toBeGreaterThan(10);
    const missing = [...keys].filter((key) => CONSTRAINT_TEXTS[key] === undefined).sort();
    expect(missing).toEqual([]);
  });

  it('keeps an unknown key as it is rather than inventing a text', () => {
    expect(constraintText('someNewRule', 'vi')).toBe('someNewRule');
    expect(constraintText('alreadyTaken', 'en')).toBe('is already taken');
  });
});
