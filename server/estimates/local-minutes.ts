const HOUR_MS = 3_600_000;

/**
 * Local minutes since midnight of an instant. Offsets change by whole hours or half hours, so the
 * time zone is looked up once per hour of time asked about (the estimate asks for a few hours many
 * times).
 */
export function localMinutes(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  const offsets = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let start = offsets.get(hour);
    if (start === undefined) {
      const [h, m] = format
        .format(new Date(hour * HOUR_MS))
        .split(':')
        .map(Number) as [number, number];
      start = h * 60 + m;
      offsets.set(hour, start);
    }
    return (start + (ms - hour * HOUR_MS) / 60_000) % (24 * 60);
  };
}
