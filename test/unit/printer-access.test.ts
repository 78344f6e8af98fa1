/**
 * A printer address can neither write files nor reach hosts: device paths only (and, when
 * printing, only character devices, never created or truncated), and network printers only
 * inside PRINTER_NETWORKS, checked on the address actually connected to.
 */
import { printerInterfaceSchema } from '../../contract/agent';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parsePrinterNetworks,
  PrinterAddressRefused,
  printerAddressAllowed,
  resolvePrinterHost,
} from '../../server/printing/printer-networks';
import { probePrinter, sendToPrinter } from '../../agent/src/transport';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'printer-access-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('printer addresses (validation)', () => {
  it.each([
    '/dev/usb/lp0',
    '/dev/lp1',
    '/dev/ttyUSB0',
    '/dev/ttyS1',
    '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0',
    '\\\\.\\COM3',
    'COM4',
  ])('accepts the device %s', (v) => expect(printerInterfaceSchema.safeParse(v).success).toBe(true));

  it.each([
    '/etc/passwd',
    '/tmp/ticket.bin',
    '/var/lib/sportello/data/session-secret',
    '/dev/../etc/passwd',
    '/dev/tty/../../etc/cron.d/x',
    '/dev/serial/by-id/../../../etc/x',
    '/dev/usb/lp0/../../x',
    '/dev/shm/x',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\file',
  ])('refuses the path %s', (v) => expect(printerInterfaceSchema.safeParse(v).success).toBe(false));
});

describe('printing to a device path', () => {
  const bytes = Buffer.from('\x1b@TICKET\n');

  it('never creates a file', async () => {
    const file = path.join(dir, 'new.bin');
    await expect(sendToPrinter({ printerInterface: file, printerType: 'epson' }, bytes)).rejects.toThrow();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('never truncates or writes an existing regular file', async () => {
    const file = path.join(dir, 'precious.txt');
    fs.writeFileSync(file, 'keep me');
    await expect(sendToPrinter({ printerInterface: file, printerType: 'epson' }, bytes)).rejects.toThrow(/not a printer device/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect((await probePrinter({ printerInterface: file, printerType: 'epson' })).status).toBe('offline');
  });

  it('refuses a FIFO without waiting for a reader', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(sendToPrinter({ printerInterface: fifo, printerType: 'epson' }, bytes)).rejects.toThrow(/not a printer device/);
  });

  it('writes to a character device', async () => {
    await expect(sendToPrinter({ printerInterface: '/dev/null', printerType: 'epson' }, bytes)).resolves.toBeUndefined();
  });
});

describe('printer networks', () => {
  it('parses CIDR lists and refuses malformed ones', () => {
    expect(parsePrinterNetworks('')).toEqual([]);
    expect(parsePrinterNetworks('192.168.10.0/24, 10.1.0.0/16 fd12::/64')).toHaveLength(3);
    expect(() => parsePrinterNetworks('192.168.10.0')).toThrow(/PRINTER_NETWORKS/);
    expect(() => parsePrinterNetworks('printers.lan/24')).toThrow(/PRINTER_NETWORKS/);
  });

  it('allows only addresses inside the configured networks', () => {
    const lan = parsePrinterNetworks('192.168.10.0/24');
    expect(printerAddressAllowed('192.168.10.50', lan)).toBe(true);
    expect(printerAddressAllowed('192.168.11.50', lan)).toBe(false);
    expect(printerAddressAllowed('8.8.8.8', lan)).toBe(false);
    expect(printerAddressAllowed('192.168.10.50', [])).toBe(false);
  });

  it('refuses loopback, link-local and metadata addresses even inside a catch-all network', () => {
    const all = parsePrinterNetworks('0.0.0.0/0, ::/0');
    for (const ip of [
      '127.0.0.1',
      '127.1',
      '::1',
      '::ffff:127.0.0.1',
      '169.254.169.254',
      '169.254.1.1',
      'fe80::1',
      'fd00:ec2::254',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '255.255.255.255',
    ])
      expect(printerAddressAllowed(ip, all), ip).toBe(false);
    expect(printerAddressAllowed('192.168.1.1', all)).toBe(true);
  });

  it('opens loopback only on explicit opt-in, and the metadata address only by its exact /32', () => {
    expect(printerAddressAllowed('127.0.0.1', parsePrinterNetworks('127.0.0.0/8'))).toBe(true);
    expect(printerAddressAllowed('169.254.10.1', parsePrinterNetworks('169.254.0.0/16'))).toBe(true);
    expect(printerAddressAllowed('169.254.169.254', parsePrinterNetworks('169.254.0.0/16'))).toBe(false);
  });

  it('resolves host names and refuses a name with any refused address', async () => {
    const lan = parsePrinterNetworks('192.168.10.0/24');
    const dns = (answers: Record<string, string[]>) => async (h: string) => answers[h] ?? [];
    const resolve = dns({ 'printer.lan': ['192.168.10.7'], 'rebind.example': ['192.168.10.7', '127.0.0.1'] });
    expect(await resolvePrinterHost('printer.lan', lan, resolve)).toBe('192.168.10.7');
    await expect(resolvePrinterHost('rebind.example', lan, resolve)).rejects.toBeInstanceOf(PrinterAddressRefused);
    await expect(resolvePrinterHost('nowhere.lan', lan, resolve)).rejects.toMatchObject({ reason: 'unresolved' });
    await expect(resolvePrinterHost('192.168.10.9', lan, resolve)).resolves.toBe('192.168.10.9');
  });
});

describe('connecting to a network printer', () => {
  let server: net.Server;
  let port = 0;
  let connections = 0;
  const received: Buffer[] = [];

  beforeAll(async () => {
    server = net.createServer((s) => {
      connections++;
      s.on('data', (d) => received.push(d));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses loopback without an opt-in, and never opens the connection', async () => {
    const target = { printerInterface: `tcp://127.0.0.1:${port}`, printerType: 'epson' as const };
    const networks = parsePrinterNetworks('192.168.0.0/16');
    const lan = { checkHost: (h: string) => resolvePrinterHost(h, networks) };
    await expect(sendToPrinter(target, Buffer.from('x'), lan)).rejects.toThrow(/PRINTER_NETWORKS/);
    await expect(
      sendToPrinter({ ...target, printerInterface: `tcp://localhost:${port}` }, Buffer.from('x'), lan),
    ).rejects.toThrow(/PRINTER_NETWORKS/);
    const probe = await probePrinter(target, lan);
    expect(probe).toMatchObject({ status: 'offline', detail: expect.stringMatching(/PRINTER_NETWORKS/) });
    expect(connections).toBe(0);
  });

  it('prints to an allowed printer, by its checked address', async () => {
    const target = { printerInterface: `tcp://localhost:${port}`, printerType: 'epson' as const };
    const loopback = parsePrinterNetworks('127.0.0.0/8');
    await sendToPrinter(target, Buffer.from('hello'), { checkHost: (h) => resolvePrinterHost(h, loopback) });
    expect(connections).toBe(1);
    // The bytes may reach the server's side just after the client finished.
    for (let i = 0; i < 200 && Buffer.concat(received).length < 5; i++) await new Promise((r) => setTimeout(r, 25));
    expect(Buffer.concat(received).toString()).toBe('hello');
  });
});
