/** The waiting-room display: its snapshot, calls and ticker; the display administration's inputs. */
import { z } from './zod';
import { langSchema, localizedTextSchema } from './lang';
import { id } from './ids';
import { walkInStatusSchema } from './offices';
import { queueInfoSchema } from './queues';

/** One call shown on the display: never a name, only number and counter. */
export const callInfoSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  /** The service the ticket was called for: a display limited to some services shows only theirs. */
  serviceId: z.string(),
  counterNumber: z.number(),
  counterName: z.string(),
  serviceName: localizedTextSchema,
  at: z.string(),
  recall: z.boolean(),
  /** The language the ticket was taken in: the display also speaks the call in it. */
  lang: langSchema,
  /** Increases with each call or recall so a screen can tell a new announcement from a repeat snapshot. */
  seq: z.number(),
});
export type CallInfo = z.infer<typeof callInfoSchema>;

/** One ticker message, in every language it was written in. */
export const tickerMessageSchema = localizedTextSchema;
export type TickerMessage = z.infer<typeof tickerMessageSchema>;

/** A configured display (`?display=<slug>`): what it shows and its ticker. */
export const displayConfigSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  /** The services it shows (its own plus its categories'); null = every service of the office. */
  serviceIds: z.array(z.string()).nullable(),
  ticker: z.array(tickerMessageSchema),
});
export type DisplayConfig = z.infer<typeof displayConfigSchema>;

/** Whether the office issues walk-in tickets now (no opening hours = always open). */
export const displayWalkInSchema = walkInStatusSchema.omit({ reason: true });
export type DisplayWalkIn = z.infer<typeof displayWalkInSchema>;

export const displaySnapshotSchema = z.object({
  /** `timeZone`: the office's IANA zone, for saying when it opens again in its own time. */
  office: z.object({ id: z.string(), name: localizedTextSchema, timeZone: z.string() }),
  /** Null when the screen asked for a whole office (`?officeId=`): everything, no ticker. */
  display: displayConfigSchema.nullable(),
  /** Only the calls and queues of the display's services. */
  calls: z.array(callInfoSchema),
  queues: z.array(queueInfoSchema),
  /** The office's walk-in status; the screen subscribes again at closesAt / nextOpensAt. */
  walkIn: displayWalkInSchema,
  serverTime: z.string(),
});
export type DisplaySnapshot = z.infer<typeof displaySnapshotSchema>;

/** `/api/display?display=<slug or id>` (or `officeId=` for the whole office without a ticker); also `display:subscribe`. */
export const publicDisplayQuery = z.object({
  officeId: id.optional(),
  display: z.string().trim().min(1).max(64).optional().describe('Slug or id of a configured display; wins over officeId'),
});
