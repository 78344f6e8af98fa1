/**
 * A capture printer: a TCP server on loopback that takes what a network thermal printer on
 * port 9100 would, keeps every byte, and answers the ESC/POS paper-status request (`GS r 1`)
 * with a configurable sensor byte, so the tests can play "paper low" or "paper out".
 */
import net from 'node:net';
import { cutDocuments, type DecodedDocument } from './escpos-decode';

export interface CapturePrinter {
  port: number;
  /** `tcp://127.0.0.1:<port>`, as a kiosk's printer address. */
  address: string;
  /** Every byte received, in order. */
  bytes(): Buffer;
  /** The printed pieces of paper so far (each ends with a cut). */
  documents(): DecodedDocument[];
  /** Resolves once at least `n` pieces of paper came out. */
  waitForDocuments(n: number, timeoutMs?: number): Promise<DecodedDocument[]>;
  /** The byte answered to `GS r 1`: 0x00 paper fine, 0x03 paper low, 0x0c paper out. */
  paperStatus: number;
  close(): Promise<void>;
}

export async function startCapturePrinter(opts: { port?: number; paperStatus?: number } = {}): Promise<CapturePrinter> {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const printer: CapturePrinter = {
    port: 0,
    address: '',
    paperStatus: opts.paperStatus ?? 0,
    bytes: () => Buffer.concat(chunks),
    documents: () => cutDocuments(Buffer.concat(chunks)),
    async waitForDocuments(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const docs = printer.documents();
        if (docs.length >= n) return docs;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`capture printer: expected ${n} document(s), got ${printer.documents().length}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', (data) => {
      chunks.push(Buffer.from(data));
      // GS r 1 (or 49): transmit paper sensor status.
      for (let i = 0; i + 2 < data.length; i++) {
        if (data[i] === 0x1d && data[i + 1] === 0x72 && (data[i + 2] === 1 || data[i + 2] === 49))
          socket.write(Buffer.from([printer.paperStatus]));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  printer.port = (server.address() as net.AddressInfo).port;
  printer.address = `tcp://127.0.0.1:${printer.port}`;
  return printer;
}
