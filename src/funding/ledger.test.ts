import { describe, expect, it } from 'vitest';
import { costPerCamera, exceedsBalance, ledger, ledgerOf } from './ledger';

describe('ledger', () => {
  it('balances: raised minus spent, with the goal progress rounded down', () => {
    const books = ledger(
      [{ amountVnd: 500_000 }, { amountVnd: 1_200_000 }, { amountVnd: 300_000 }],
      [
        { amountVnd: 1_500_000, overBalance: false },
        { amountVnd: 900_000, overBalance: true },
      ],
      3_000_000,
    );
    expect(books).toEqual({
      raisedVnd: 2_000_000,
      spentVnd: 2_400_000,
      balanceVnd: -400_000,
      goalVnd: 3_000_000,
      progressPct: 66,
      overBalanceCount: 1,
    });
  });

  it('is exact above 2^53 / 100, where multiplying doubles would round', () => {
    const big = 2 ** 50;
    const books = ledger([{ amountVnd: big }, { amountVnd: 1 }], [], big + 1);
    expect(books.raisedVnd).toBe(big + 1);
    expect(books.progressPct).toBe(100);
  });

  it('refuses totals that would no longer be exact integers', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(() => ledger([{ amountVnd: max }, { amountVnd: max }], [], 1)).toThrow(RangeError);
  });

  it('gives the same books from database totals', () => {
    const totals = { raisedVnd: 150_000_000, spentVnd: 150_000_000, overBalanceCount: 0 };
    expect(ledgerOf(totals, 150_000_000)).toMatchObject({ balanceVnd: 0, progressPct: 100 });
  });

  it('has an empty campaign at zero', () => {
    expect(ledger([], [], 10)).toMatchObject({ raisedVnd: 0, balanceVnd: 0, progressPct: 0 });
  });
});

describe('exceedsBalance', () => {
  it('flags only an expense larger than what is left', () => {
    expect(exceedsBalance(1_000, 1_000)).toBe(false);
    expect(exceedsBalance(1_000, 1_001)).toBe(true);
    expect(exceedsBalance(-5, 1)).toBe(true);
  });
});

describe('costPerCamera', () => {
  it('rounds to the nearest đồng and is null without cameras', () => {
    expect(costPerCamera(150_000_000, 16)).toBe(9_375_000);
    expect(costPerCamera(3_500_000_000, 336)).toBe(10_416_667);
    expect(costPerCamera(5, 2)).toBe(3);
    expect(costPerCamera(1_000, 0)).toBeNull();
  });
});
