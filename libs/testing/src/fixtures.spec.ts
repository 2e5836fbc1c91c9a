import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  BAC_KAN_FIXTURE,
  loadBacKanFixture,
  projectRoot,
  sharedDir,
  withoutDollarKeys,
  type JsonValue,
} from './fixtures';

function dollarKeys(value: JsonValue, at = '$root'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => dollarKeys(item, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...(key.startsWith('$') ? [`${at}.${key}`] : []),
      ...dollarKeys(inner, `${at}.${key}`),
    ]);
  }
  return [];
}

describe('projectRoot and sharedDir', () => {
  it('finds the folder holding package.json above this file', () => {
    const root = projectRoot();
    expect(existsSync(path.join(root, 'package.json'))).toBe(true);
    expect(path.relative(root, __dirname)).toBe(path.join('libs', 'testing', 'src'));
  });

  it('takes shared/ beside the project, or TTKT_SHARED_DIR', () => {
    expect(sharedDir({})).toBe(path.resolve(projectRoot(), '..', 'shared'));
    expect(sharedDir({ TTKT_SHARED_DIR: '/somewhere/shared' })).toBe('/somewhere/shared');
  });
});

describe('withoutDollarKeys', () => {
  it('drops $ keys at every depth, inside arrays too, and leaves the input alone', () => {
    const input: JsonValue = {
      $comment: 'x',
      a: [{ $derived: true, b: 1 }, 'text', null],
      c: { d: { $e: 1, f: [] } },
    };
    const copy = JSON.stringify(input);
    expect(withoutDollarKeys(input)).toEqual({ a: [{ b: 1 }, 'text', null], c: { d: { f: [] } } });
    expect(JSON.stringify(input)).toBe(copy);
  });
});

describe('loadBacKanFixture', () => {
  it(`reads ${BAC_KAN_FIXTURE} without its comment keys`, () => {
    const plan = loadBacKanFixture();
    expect(dollarKeys(plan)).toEqual([]);
    expect(Object.keys(plan)).toEqual(
      expect.arrayContaining(['tenant', 'agency', 'header', 'campaign']),
    );
    expect(plan['campaign']).toMatchObject({
      planNumber: '27/KH-SKHCN',
      title: expect.any(String) as unknown,
      awardForms: expect.arrayContaining([expect.any(Object)]) as unknown,
    });
  });

  it('returns a fresh copy each time', () => {
    const first = loadBacKanFixture();
    delete first['campaign'];
    expect(loadBacKanFixture()['campaign']).toBeDefined();
  });
});
