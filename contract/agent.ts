/**
 * The contract between the server and the kiosk agent (agent/), over socket.io on the
 * namespace `/kiosk-agent` of the app's own port. Imports nothing that needs the server's
 * runtime, so the agent can use it on the kiosk PC.
 *
 * - The agent connects with `auth: {token, printerType?}`; a wrong or revoked token is refused
 *   (`connect_error` with message `unauthorized`).
 * - The server greets it with `hello` (the kiosk's settings), then pushes `print` jobs carrying
 *   the ESC/POS bytes ready for the printer (base64): the server renders every ticket, so all
 *   kiosks print the same layout and the agent needs no database, translations or templates.
 * - The agent answers each `print` through the socket.io acknowledgement: `printed`, `failed`
 *   with the error, or `duplicate` when it had already printed that job id (it then prints
 *   nothing: a redelivery after a lost acknowledgement never prints a ticket twice).
 * - The agent reports its printer's status with `status` on connect and periodically.
 */
import { z } from './zod';
import { printerStatusSchema, printerTypeSchema, printJobKindSchema, printModeSchema } from './enums';

export const KIOSK_AGENT_NAMESPACE = '/kiosk-agent';

export const PRINTER_TYPES = printerTypeSchema.options;
export const PRINTER_STATUSES = printerStatusSchema.options;
export type AgentPrinterType = z.infer<typeof printerTypeSchema>;
export type AgentPrinterStatus = z.infer<typeof printerStatusSchema>;

/** The printer addresses node-thermal-printer and transport.ts handle: raw TCP, a device path, or nothing. */
export const TCP_INTERFACE = /^tcp:\/\/([^/:\s]+)(?::(\d{1,5}))?\/?$/i;
/**
 * Printer devices only — USB printer class (`/dev/usb/lp0`, `/dev/lp0`), serial and USB-serial
 * ports (`/dev/ttyUSB0`, `/dev/ttyACM0`, `/dev/ttyS0`, their stable `/dev/serial/by-id/…` names)
 * and Windows COM ports (`\\.\COM3`, `COM3`) — never an arbitrary file: no `..`, no other folder.
 * transport.ts also refuses, when printing, anything that is not a character device.
 */
export const DEVICE_PATH =
  /^(\/dev\/usb\/lp\d{1,3}|\/dev\/lp\d{1,3}|\/dev\/tty[A-Za-z0-9_]{1,32}|\/dev\/serial\/by-(id|path)\/[A-Za-z0-9_:+-][A-Za-z0-9_.:+-]{0,150}|(\\\\\.\\)?COM\d{1,3})$/i;

export const printerInterfaceSchema = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === 'none' || TCP_INTERFACE.test(v) || DEVICE_PATH.test(v), {
    message: 'Use tcp://host:9100, a printer device (/dev/usb/lp0, /dev/ttyUSB0, \\\\.\\COM3), or none',
  });

export const agentAuthSchema = z.object({
  token: z.string().min(16).max(200),
  /** The agent's own printer type, when set there; overrides the kiosk's for rendering. */
  printerType: printerTypeSchema.optional(),
  agentVersion: z.string().max(40).optional(),
});
export type AgentAuth = z.infer<typeof agentAuthSchema>;

export const agentHelloSchema = z.object({
  kioskId: z.string(),
  name: z.string(),
  officeId: z.string(),
  printMode: printModeSchema,
  printerType: printerTypeSchema,
  /** The printer address registered for this kiosk; the agent's own setting wins. */
  printerInterface: z.string(),
  paperWidth: z.number(),
});
export type AgentHello = z.infer<typeof agentHelloSchema>;

export const printMessageSchema = z.object({
  jobId: z.string().min(1).max(64),
  kind: printJobKindSchema,
  /** A short label for the agent's log (the ticket number). */
  label: z.string().max(80),
  /** ESC/POS bytes, base64. */
  bytes: z.string().max(200_000),
  createdAt: z.string(),
});
export type PrintMessage = z.infer<typeof printMessageSchema>;

export const printAckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed') }),
  z.object({ status: z.literal('duplicate') }),
  z.object({ status: z.literal('failed'), error: z.string().max(500) }),
]);
export type PrintAck = z.infer<typeof printAckSchema>;

export const statusReportSchema = z.object({
  status: printerStatusSchema,
  detail: z.string().max(300).optional(),
});
export type StatusReport = z.infer<typeof statusReportSchema>;

export interface ServerToAgent {
  hello: (h: AgentHello) => void;
  print: (m: PrintMessage, ack: (r: PrintAck) => void) => void;
}

export interface AgentToServer {
  status: (s: StatusReport) => void;
}
