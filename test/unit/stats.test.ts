import { describe, expect, it } from 'vitest';
import { csvField, statsCsv } from '../../server/stats/csv';
import { emptyFigures, FIGURES } from '../../server/stats/figures';
import { statsQuery } from '../../contract/stats';
import { rangeBounds } from '../../server/stats/params';
import { printerNeedsAttention } from '../../contract/supervisor';
import { supervisorAlerts } from '../../server/supervisor/alerts';
import type { PrinterAlert } from '../../contract/supervisor';
import type { QueueInfo } from '../../contract/queues';

describe('CSV export', () => {
  it('quotes what needs quoting and doubles quotes (RFC 4180)', () => {
    expect(csvField('Anagrafe')).toBe('Anagrafe');
    expect(csvField('Carta d’identità, rinnovo')).toBe('"Carta d’identità, rinnovo"');
    expect(csvField('Il "nuovo" servizio')).toBe('"Il ""nuovo"" servizio"');
    expect(csvField('riga\ndue')).toBe('"riga\ndue"');
    expect(csvField(' spazio')).toBe('" spazio"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes semicolons and tabs, so a spreadsheet splitting on them cannot start a formula cell', () => {
    expect(csvField('X;=HYPERLINK("http://x")')).toBe('"X;=HYPERLINK(""http://x"")"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a\t=1+1')).toBe('"a\t=1+1"');
  });

  it('writes a header, one line per row and a total, with CRLF and a BOM', () => {
    const csv = statsCsv(
      {
        office: { id: 'o', name: { it: 'Ufficio', en: 'Office' }, timeZone: 'Europe/Rome' },
        from: '2026-01-01',
        to: '2026-01-01',
        groupBy: 'service',
        rows: [
          {
            key: 's1',
            name: { it: 'Certificato, urgente', en: 'Certificate' },
            prefix: 'A',
            ...emptyFigures(),
            issued: 3,
            waitP50: 1.23456,
            serviceLevel: 2 / 3,
            apptBooked: 4,
            apptNoShow: 1,
          },
        ],
        total: { ...emptyFigures(), issued: 3 },
      },
      'it',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(['group_by', 'key', 'name', ...FIGURES.map((f) => f.csv)].join(','));
    expect(lines[1]).toBe('service,s1,"A Certificato, urgente",3,0,0,0,0,0,0,0.6667,1.23,,,,4,0,0,1');
    expect(lines[2]).toBe('service,total,,3,0,0,0,0,0,0,,,,,,0,0,0,0');
    expect(lines[3]).toBe('');
  });
});

describe('statistics ranges', () => {
  it('bounds local days by local midnights, across daylight-saving changes', () => {
    expect(rangeBounds('2026-03-29', '2026-03-29', 'Europe/Rome')).toEqual({
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    });
    expect(rangeBounds('2026-10-25', '2026-10-25', 'Europe/Rome')).toEqual({
      start: new Date('2026-10-24T22:00:00Z'),
      end: new Date('2026-10-25T23:00:00Z'),
    });
  });

  it('validates the query', () => {
    expect(statsQuery.parse({ from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ groupBy: 'day', lang: 'it' });
    // At most 366 days: a whole leap year, across both clock changes, is one request.
    expect(statsQuery.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
    expect(statsQuery.safeParse({ from: '2024-02-29', to: '2024-02-29' }).success).toBe(true);
    for (const bad of [
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-03-02', to: '2026-03-01' },
      { from: '2024-01-01', to: '2026-03-01' },
      { from: '2024-01-01', to: '2025-01-01' },
      { from: '2025-02-29', to: '2025-03-01' },
      { from: '1/2/2026', to: '2026-03-01' },
      { from: '2026-01-01', to: '2026-01-02', groupBy: 'week' },
    ]) {
      expect(statsQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('supervisor alerts', () => {
  const q = (serviceId: string, waiting: number, oldestWaitMinutes: number, openCounters: number): QueueInfo => ({
    serviceId,
    prefix: 'A',
    name: { it: serviceId },
    waiting,
    oldestWaitMinutes,
    estimatedWaitMinutes: 0,
    estimatedWaitMinMinutes: 0,
    estimatedWaitMaxMinutes: 0,
    openCounters,
  });
  const svc = (id: string) => ({ id, prefix: 'A', name: { it: id }, targetWaitMinutes: 15 });
  const printer = (p: Partial<PrinterAlert>): PrinterAlert => ({
    kioskId: 'k',
    officeId: 'o',
    name: 'K',
    printMode: 'agent',
    status: 'online',
    detail: null,
    agentConnected: true,
    at: '',
    ...p,
  });

  it('flags unserved queues, waits above target and printers in trouble, worst first', () => {
    const alerts = supervisorAlerts(
      [q('ok', 3, 15, 1), q('long', 2, 16, 1), q('unserved', 1, 0, 0), q('empty', 0, 0, 0)],
      ['ok', 'long', 'unserved', 'empty'].map(svc),
      [printer({ kioskId: 'p1', status: 'paper_out' }), printer({ kioskId: 'p2' })],
      new Map([['unserved', 2]]),
    );
    expect(alerts.map((a) => a.kind)).toEqual(['queue_unserved', 'printer', 'wait_over_target']);
    expect(alerts[0]).toMatchObject({ service: { id: 'unserved' }, waiting: 1, pausedCounters: 2 });
    expect(alerts[2]).toMatchObject({ service: { id: 'long' }, oldestWaitMinutes: 16 });
  });

  it('knows when a printer needs somebody', () => {
    expect(printerNeedsAttention(printer({}))).toBe(false);
    expect(printerNeedsAttention(printer({ status: 'unknown' }))).toBe(false);
    expect(printerNeedsAttention(printer({ agentConnected: false }))).toBe(true);
    expect(printerNeedsAttention(printer({ status: 'offline', printMode: 'server', agentConnected: null }))).toBe(true);
    expect(printerNeedsAttention(printer({ status: 'paper_low' }))).toBe(true);
    expect(printerNeedsAttention(printer({ status: 'paper_out', printMode: 'none' }))).toBe(false);
  });
});
