import { describe, expect, it } from 'vitest';
import {
  ReasonRequests,
  forgetReason,
  normalizeReason,
  readStoredReason,
  reasonProblem,
  reasonStorageKey,
  storeReason,
} from '../../web/src/views/wall/viewReason';
import {
  clearTile,
  nextTile,
  placeCamera,
  resizeTiles,
  tileStatus,
  type WallCamera,
} from '../../web/src/views/wall/wallLayout';

// The browser-side rules of the video wall and of the view-reason dialog, without a browser.

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('view reason', () => {
  it('counts a reason after trimming: 3 to 500 characters', () => {
    expect(reasonProblem('  ab  ')).toBe('tooShort');
    expect(reasonProblem('abc')).toBeNull();
    expect(reasonProblem('x'.repeat(500))).toBeNull();
    expect(reasonProblem('x'.repeat(501))).toBe('tooLong');
  });

  it('NFC-normalises so a decomposed Vietnamese reason is stored as typed on other keyboards', () => {
    const typed = ' Xác minh tin báo '.normalize('NFD');
    expect(normalizeReason(typed)).toBe('Xác minh tin báo'.normalize('NFC'));
  });

  it('keeps the reason for the session and forgets it on request', () => {
    const storage = new MemoryStorage();
    expect(readStoredReason(storage)).toBeNull();
    storeReason(storage, '  Tuần tra đêm  ');
    expect(storage.items.get(reasonStorageKey)).toBe('Tuần tra đêm');
    expect(readStoredReason(storage)).toBe('Tuần tra đêm');
    forgetReason(storage);
    expect(readStoredReason(storage)).toBeNull();
  });

  it('ignores a stored value that breaks the rules, and works without storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(reasonStorageKey, 'x');
    expect(readStoredReason(storage)).toBeNull();
    expect(readStoredReason(null)).toBeNull();
    expect(() => storeReason(null, 'abc')).not.toThrow();
  });

  it('opens one dialog for simultaneous requests and gives them all its answer', async () => {
    const opens: boolean[] = [];
    const requests = new ReasonRequests((open) => opens.push(open));
    const first = requests.request();
    const second = requests.request();
    expect(first).toBe(second);
    expect(requests.open).toBe(true);
    requests.answer('Truy tìm xe mất cắp');
    await expect(Promise.all([first, second])).resolves.toEqual([
      'Truy tìm xe mất cắp',
      'Truy tìm xe mất cắp',
    ]);
    expect(opens).toEqual([true, false]);
    expect(requests.open).toBe(false);
  });

  it('asks again after a cancel, and ignores an answer nobody waits for', async () => {
    const opens: boolean[] = [];
    const requests = new ReasonRequests((open) => opens.push(open));
    const cancelled = requests.request();
    requests.answer(null);
    await expect(cancelled).resolves.toBeNull();
    requests.answer('late');
    const again = requests.request();
    requests.answer('Kiểm tra');
    await expect(again).resolves.toBe('Kiểm tra');
    expect(opens).toEqual([true, false, true, false]);
  });
});

describe('wall tiles', () => {
  it('grows with empty tiles and shrinks keeping the cameras placed first', () => {
    expect(resizeTiles(['a', null, 'b', null], 9)).toEqual([
      'a',
      null,
      'b',
      ...Array<null>(6).fill(null),
    ]);
    expect(resizeTiles([null, 'a', null, 'b'], 1)).toEqual(['a']);
    expect(resizeTiles(['a', null, null, null, 'b', ...Array<null>(4).fill(null)], 4)).toEqual([
      'a',
      'b',
      null,
      null,
    ]);
  });

  it('moves a camera already on the wall instead of showing it twice', () => {
    expect(placeCamera(['a', null, null, null], 2, 'a')).toEqual([null, null, 'a', null]);
    expect(placeCamera(['a', 'b', null, null], 1, 'c')).toEqual(['a', 'c', null, null]);
    expect(placeCamera(['a'], 3, 'c')).toEqual(['a']);
    expect(clearTile(['a', 'b'], 0)).toEqual([null, 'b']);
  });

  it('selects the next empty tile after a pick so a wall fills camera by camera', () => {
    expect(nextTile(['a', null, null, null], 0)).toBe(1);
    expect(nextTile(['a', 'b', 'c', 'd'], 2)).toBe(2);
    expect(nextTile([null, 'b'], 0)).toBe(0);
  });

  it('says why a tile shows no video, and plays otherwise', () => {
    const camera = (over: Partial<WallCamera> = {}): WallCamera => ({
      id: 'a',
      code: 'A',
      name: 'A',
      status: 'online',
      consentTier: 'live_always',
      live: 'allowed',
      liveMessage: null,
      ...over,
    });
    expect(tileStatus(null, undefined, true, undefined)).toBe('empty');
    expect(tileStatus('a', undefined, false, undefined)).toBe('loading');
    expect(tileStatus('a', undefined, true, undefined)).toBe('unavailable');
    expect(tileStatus('a', camera({ live: 'denied' }), true, 'online')).toBe('denied');
    expect(tileStatus('a', camera({ status: 'decommissioned' }), true, undefined)).toBe(
      'decommissioned',
    );
    expect(tileStatus('a', camera(), true, 'offline')).toBe('offline');
    expect(tileStatus('a', camera(), true, 'auth_failed')).toBe('auth_failed');
    expect(tileStatus('a', camera(), true, 'connecting')).toBe('play');
    expect(tileStatus('a', camera({ live: 'on_alarm' }), true, undefined)).toBe('play');
  });
});
