/**
 * Splits an integer amount (minor units) over integer weights so the shares add up to it
 * exactly: the largest-remainder (Hamilton) method. Each share is the floor of
 * amount × weight / Σweights; the units left over go one each to the largest remainders, ties
 * to the earlier weight. Exact with BigInt, so no amount is lost or invented to floating point.
 *
 * Only positive weights take a share. A negative amount is split as its absolute value and
 * negated. Returns null when no weight is positive (nothing to be proportional to).
 *
 * allocateProportionally(100, [1, 1, 1]) → [34, 33, 33]
 */
export function allocateProportionally(amount: number, weights: readonly number[]): number[] | null {
  if (!Number.isSafeInteger(amount)) throw new RangeError("amount must be a safe integer");
  // Stryker disable next-line EqualityOperator: a weight of 0 becomes 0n either way
  const positive = weights.map((w) => (Number.isSafeInteger(w) && w > 0 ? BigInt(w) : 0n));
  const total = positive.reduce((s, w) => s + w, 0n);
  if (total === 0n) return null;
  // Stryker disable next-line EqualityOperator: an amount of 0 has shares of 0 whatever the sign
  const sign = amount < 0 ? -1n : 1n;
  const whole = BigInt(Math.abs(amount));
  const shares = positive.map((w) => (whole * w) / total);
  const remainders = positive.map((w, index) => ({ index, remainder: (whole * w) % total }));
  let left = whole - shares.reduce((s, v) => s + v, 0n);
  // Largest remainder first; the sort is stable (ES2019), so equal remainders keep index order.
  // (Number() of a non-zero BigInt is never 0 and keeps its sign, which is all sort reads.)
  remainders.sort((a, b) => Number(b.remainder - a.remainder));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  // Stryker disable next-line ArithmeticOperator: sign is ±1n, so dividing by it is multiplying
  return shares.map((share) => Number(share * sign));
}
