// The campaign ledger: what came in, what went out, and what is left. Pure and exact: sums run
// in BigInt so no amount is ever rounded, and the results must still be safe JS integers.

export interface LedgerDonation {
  amountVnd: number;
}

export interface LedgerExpense {
  amountVnd: number;
  overBalance: boolean;
}

export interface Ledger {
  raisedVnd: number;
  spentVnd: number;
  /** Raised minus spent; negative when expenses were recorded ahead of the money. */
  balanceVnd: number;
  goalVnd: number;
  /** Whole percent of the goal raised, rounded down (99.6 % is not yet 100 %). */
  progressPct: number;
  overBalanceCount: number;
}

const safe = (value: bigint, what: string): number => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`${what} exceeds a safe integer`);
  return number;
};

const sum = (items: readonly { amountVnd: number }[]): bigint =>
  items.reduce((total, item) => total + BigInt(item.amountVnd), 0n);

export function ledger(
  donations: readonly LedgerDonation[],
  expenses: readonly LedgerExpense[],
  goal: number,
): Ledger {
  return ledgerOf(
    {
      raisedVnd: safe(sum(donations), 'raised'),
      spentVnd: safe(sum(expenses), 'spent'),
      overBalanceCount: expenses.filter((e) => e.overBalance).length,
    },
    goal,
  );
}

/** The same ledger from totals the database summed (lists of many campaigns). */
export function ledgerOf(
  totals: { raisedVnd: number; spentVnd: number; overBalanceCount: number },
  goal: number,
): Ledger {
  const raised = BigInt(totals.raisedVnd);
  const goalBig = BigInt(goal);
  return {
    raisedVnd: totals.raisedVnd,
    spentVnd: totals.spentVnd,
    balanceVnd: safe(raised - BigInt(totals.spentVnd), 'balance'),
    goalVnd: goal,
    progressPct: goalBig > 0n ? safe((raised * 100n) / goalBig, 'progress') : 0,
    overBalanceCount: totals.overBalanceCount,
  };
}

/** Whether an expense of `amount` is more than the balance left before it (allowed, flagged). */
export function exceedsBalance(balanceVnd: number, amountVnd: number): boolean {
  return BigInt(amountVnd) > BigInt(balanceVnd);
}

/** Spent per camera funded, to the nearest đồng (halves up); null when no camera was funded. */
export function costPerCamera(spentVnd: number, camerasFunded: number): number | null {
  if (camerasFunded <= 0) return null;
  const spent = BigInt(spentVnd);
  const cameras = BigInt(camerasFunded);
  return safe((spent * 2n + cameras) / (cameras * 2n), 'cost per camera');
}
