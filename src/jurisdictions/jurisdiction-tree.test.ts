import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  childPath,
  codeProblem,
  followSuccessors,
  isCalendarDate,
  isValidOn,
  nextDay,
  pickVersion,
  vietnamDate,
  type SuccessorLink,
} from './jurisdiction-tree';

const links = (pairs: [string, string | null][]) => {
  const map = new Map<string, SuccessorLink>(
    pairs.map(([id, successorId]) => [id, { id, successorId }]),
  );
  return (id: string) => map.get(id);
};

describe('materialised paths', () => {
  it('puts a root unit directly under /', () => {
    expect(childPath(null, 'hn')).toBe('/hn/');
  });

  it('appends a child to its parent path so scope checks are a prefix test', () => {
    expect(childPath('/hn/btl/', 'xd')).toBe('/hn/btl/xd/');
  });

  it('refuses an id with a slash, which would break every prefix check', () => {
    expect(() => childPath('/hn/', 'a/b')).toThrow();
  });

  it('reads the ancestors of a unit from its path, root first', () => {
    expect(ancestorIds('/hn/btl/xd/')).toEqual(['hn', 'btl']);
    expect(ancestorIds('/hn/')).toEqual([]);
  });
});

describe('official code shapes', () => {
  it('accepts 2-digit provinces, 3-digit districts and 5-digit communes', () => {
    expect(codeProblem('province', '01')).toBeNull();
    expect(codeProblem('district', '021')).toBeNull();
    expect(codeProblem('commune', '00611')).toBeNull();
  });

  it('rejects a code of the wrong length for its level', () => {
    expect(codeProblem('commune', '611')).toMatch(/not a commune code/);
    expect(codeProblem('province', '001')).toMatch(/not a province code/);
  });

  it("requires a residential group's code to start with its commune's code", () => {
    expect(codeProblem('residential_group', '00611-TX1', '00611')).toBeNull();
    expect(codeProblem('residential_group', '00613-TX1', '00611')).toMatch(
      /must start with .*00611-/,
    );
    expect(codeProblem('residential_group', 'TX1', '00611')).toMatch(
      /not a residential_group code/,
    );
  });
});

describe('validity dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2025-06-30')).toBe(true);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('30/06/2025')).toBe(false);
  });

  it('counts both ends of a validity period as valid', () => {
    const district = { validFrom: '2013-12-27', validTo: '2025-06-30' };
    expect(isValidOn(district, '2025-06-30')).toBe(true);
    expect(isValidOn(district, '2025-07-01')).toBe(false);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2030-01-01')).toBe(true);
  });

  it('gives the day after, across a month end', () => {
    expect(nextDay('2025-06-30')).toBe('2025-07-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });

  it("uses Việt Nam's calendar day, seven hours ahead of UTC", () => {
    expect(vietnamDate(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
    expect(vietnamDate(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
  });

  it('picks the version of a reused code that was valid on the date', () => {
    const old = { id: 'old', validFrom: '2013-12-27', validTo: '2025-06-30' };
    const renewed = { id: 'new', validFrom: '2025-07-01', validTo: null };
    expect(pickVersion([renewed, old], '2024-05-01')?.id).toBe('old');
    expect(pickVersion([old, renewed], '2025-07-01')?.id).toBe('new');
    expect(pickVersion([old, renewed], '2000-01-01')?.id).toBe('old');
  });
});

describe('successor links', () => {
  it('stays on a unit that has no successor', () => {
    expect(followSuccessors('a', links([['a', null]]))).toEqual({
      currentId: 'a',
      chain: ['a'],
      cycle: false,
      broken: false,
    });
  });

  it('follows a chain of merges to the last unit', () => {
    const result = followSuccessors(
      'a',
      links([
        ['a', 'b'],
        ['b', 'c'],
        ['c', null],
      ]),
    );
    expect(result.currentId).toBe('c');
    expect(result.chain).toEqual(['a', 'b', 'c']);
    expect(result.cycle).toBe(false);
  });

  it('stops at the last unit before a loop instead of running forever', () => {
    const result = followSuccessors(
      'a',
      links([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    );
    expect(result.cycle).toBe(true);
    expect(result.currentId).toBe('c');
    expect(result.chain).toEqual(['a', 'b', 'c']);
  });

  it('stops at the last known unit when a link dangles', () => {
    const result = followSuccessors('a', links([['a', 'gone']]));
    expect(result).toMatchObject({ currentId: 'a', broken: true, cycle: false });
  });
});
