const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/**
 * Which backups to keep, by age: every one from the last hour, the newest of each hour for a day,
 * the newest of each day for a month; none older. The newest is always kept, whatever its age,
 * so a workspace left alone for months still has one. `times` are ms since the epoch, oldest first.
 */
export function keptByAge(times: readonly number[], now: number): boolean[] {
  const keep = times.map(() => false);
  const seen = new Set<string>();
  for (let i = times.length - 1; i >= 0; i -= 1) {
    const age = now - times[i]!;
    let bucket: string | null;
    if (i === times.length - 1 || age < HOUR) bucket = `all:${i}`;
    else if (age < DAY) bucket = `hour:${Math.floor(times[i]! / HOUR)}`;
    else if (age < 30 * DAY) bucket = `day:${Math.floor(times[i]! / DAY)}`;
    else bucket = null;
    if (bucket === null || seen.has(bucket)) continue;
    seen.add(bucket);
    keep[i] = true;
  }
  return keep;
}
