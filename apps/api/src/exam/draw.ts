export interface WeightedBucket<K extends string> {
  id: K;
  weight: number;
  /** How many questions the bucket can supply; unlimited when absent. */
  available?: number;
}

/**
 * Splits `total` questions over buckets in proportion to their weights by the largest-remainder
 * (Hamilton) method: everyone gets the floor of their exact quota, and the seats left over go to
 * the largest fractional parts (ties: the heavier bucket, then the earlier one). 65 questions at
 * 30/26/24/20 give 19/17/16/13, each within one question of its exact share.
 *
 * A bucket that cannot supply its share is capped and the shortfall is spread over the others by
 * the same rule, so a thin domain never makes a mock shorter than it has to be. The result sums to
 * `total` unless all buckets together hold fewer questions.
 */
export function allocateByWeight<K extends string>(
  total: number,
  buckets: readonly WeightedBucket<K>[],
): Record<K, number> {
  const result = Object.fromEntries(buckets.map((b) => [b.id, 0])) as Record<K, number>;
  let open = buckets.filter((b) => (b.available ?? Number.POSITIVE_INFINITY) > 0 && b.weight > 0);
  let remaining = total;

  while (remaining > 0 && open.length > 0) {
    const share = largestRemainder(remaining, open);
    const capped = open.filter(
      (b) => result[b.id] + (share.get(b.id) ?? 0) > (b.available ?? Number.POSITIVE_INFINITY),
    );
    if (capped.length === 0) {
      for (const b of open) result[b.id] += share.get(b.id) ?? 0;
      return result;
    }
    // Fill the short buckets completely, then share what is still missing among the rest.
    for (const b of capped) {
      const room = (b.available ?? 0) - result[b.id];
      result[b.id] += room;
      remaining -= room;
    }
    open = open.filter((b) => !capped.includes(b));
  }
  return result;
}

function largestRemainder<K extends string>(total: number, buckets: readonly WeightedBucket<K>[]): Map<K, number> {
  const weightSum = buckets.reduce((sum, b) => sum + b.weight, 0);
  const quotas = buckets.map((b, index) => {
    const exact = (total * b.weight) / weightSum;
    return { id: b.id, weight: b.weight, index, floor: Math.floor(exact), fraction: exact - Math.floor(exact) };
  });
  let left = total - quotas.reduce((sum, q) => sum + q.floor, 0);
  const byRemainder = [...quotas].sort((a, b) => b.fraction - a.fraction || b.weight - a.weight || a.index - b.index);
  const shares = new Map(quotas.map((q) => [q.id, q.floor]));
  for (const q of byRemainder) {
    if (left <= 0) break;
    shares.set(q.id, (shares.get(q.id) ?? 0) + 1);
    left--;
  }
  return shares;
}
