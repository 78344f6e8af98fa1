/** Tickets: issuing one, its public status (phone page), and the clerk's view of it. */
import { z } from './zod';
import { outcomeSchema, prioritySchema, ticketStatusSchema, walkInPrioritySchema } from './enums';
import { id } from './ids';
import { langSchema, localizedTextSchema } from './lang';

/** The unguessable code of the phone page `/t/<code>` (never the display number). */
export const PUBLIC_CODE_PATTERN = /^[a-z2-9]{16}$/;

/** `/api/tickets/{code}`: the public code. */
export const publicCodeParam = z.object({ code: z.string().regex(PUBLIC_CODE_PATTERN, 'Not a ticket code') });
/** `/api/tickets/{id}/<action>` (staff): the same path segment carries the ticket id. */
export const ticketIdParam = z.object({ code: id }).transform((p) => ({ id: p.code }));

export const issueTicketInput = z.object({
  serviceId: id,
  priority: walkInPrioritySchema.default('none'),
  lang: langSchema.default('it'),
  /** The kiosk the ticket is taken at (`/kiosk?kiosk=<id>`): its printer prints the ticket. */
  kioskId: id.optional(),
});
export type IssueTicketInput = z.input<typeof issueTicketInput>;

export const printUnavailableReasonSchema = z.enum([
  'unknown_kiosk',
  'kiosk_inactive',
  'no_printer',
  'agent_offline',
  'printer_offline',
  'paper_out',
  'error',
]);
export type PrintUnavailableReason = z.infer<typeof printUnavailableReasonSchema>;

/** Whether the kiosk's printer got the ticket; null when no kiosk printer is involved. */
export const ticketPrintSchema = z
  .union([
    z.object({ status: z.literal('queued') }),
    z.object({ status: z.literal('unavailable'), reason: printUnavailableReasonSchema }),
  ])
  .nullable();

/** POST /api/tickets answer (201), also the ticket of a check-in. */
export const issuedTicketSchema = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  priority: prioritySchema,
  position: z.number(),
  estimatedWaitMinutes: z.number(),
  /** The range shown with the estimate (see ticketPublicSchema). */
  estimatedWaitMinMinutes: z.number(),
  estimatedWaitMaxMinutes: z.number(),
  statusUrl: z.string(),
  service: z.object({
    id: z.string(),
    name: localizedTextSchema,
    prefix: z.string(),
  }),
  office: z.object({ id: z.string(), name: localizedTextSchema }),
  issuedAt: z.string(),
  /** `unavailable` → the kiosk shows the QR code large. */
  print: ticketPrintSchema,
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/** Public status of one ticket, for the phone page. Never personal data. */
export const ticketPublicSchema = z.object({
  code: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  priority: prioritySchema,
  service: z.object({ id: z.string(), name: localizedTextSchema, prefix: z.string() }),
  office: z.object({ id: z.string(), name: localizedTextSchema }),
  /** People ahead in the same queue; null once the ticket is no longer waiting. */
  position: z.number().nullable(),
  /**
   * Minutes until called: the median of the office played forward many times; the range held the
   * real wait in most past cases. Null once the ticket is no longer waiting.
   */
  estimatedWaitMinutes: z.number().nullable(),
  estimatedWaitMinMinutes: z.number().nullable(),
  estimatedWaitMaxMinutes: z.number().nullable(),
  counter: z.object({ number: z.number(), name: z.string() }).nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  /**
   * The ticket's last change (its newest event's id): a phone keeps the highest it has seen, so a
   * view read before a change and delivered after it (the position pass, a slow snapshot) cannot
   * turn a called ticket back to waiting. Views of the same change share it (positions move).
   */
  version: z.number().int(),
});
export type TicketPublic = z.infer<typeof ticketPublicSchema>;

/** The ticket at a counter, as the clerk sees it. */
export const counterTicketSchema = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  priority: prioritySchema,
  serviceId: z.string(),
  serviceName: localizedTextSchema,
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  recallCount: z.number(),
  transferred: z.boolean(),
  /** The note written by the colleague who transferred the ticket, if any. */
  note: z.string().nullable(),
});
export type CounterTicket = z.infer<typeof counterTicketSchema>;

/** Answer of the clerk's ticket actions and of call-next. */
export const ticketActionAnswer = z.object({ ticket: counterTicketSchema });

export const completeInput = z.object({
  outcome: outcomeSchema.default('done'),
  note: z.string().trim().max(500).optional(),
});

export const transferInput = z
  .object({
    serviceId: id.optional(),
    counterId: id.optional(),
    staffId: id.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => [v.serviceId, v.counterId, v.staffId].filter(Boolean).length === 1, {
    message: 'Give exactly one of serviceId, counterId, staffId',
  });

/** Supervisor: move a waiting ticket to another service. */
export const moveTicketInput = z.object({ serviceId: id });
export const moveTicketAnswer = z.object({ ticket: counterTicketSchema });

/** A waiting ticket in queue order (the supervisor's "move a ticket" dialog). */
export const waitingTicketSchema = z.object({
  id: z.string(),
  number: z.string(),
  priority: prioritySchema,
  serviceId: z.string(),
  queuedAt: z.string(),
  /** Transferred to one counter or one clerk personally. */
  direct: z.boolean(),
});
export type WaitingTicket = z.infer<typeof waitingTicketSchema>;
export const serviceQueueParam = z.object({ serviceId: id });
export const serviceQueueAnswer = z.object({ total: z.number(), tickets: z.array(waitingTicketSchema) });
