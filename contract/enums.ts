/**
 * The enums both sides speak, as zod enums. They mirror prisma/schema.prisma's enums but do not
 * import Prisma's generated code (the browser bundle must not depend on it); test/unit/contract-enums
 * checks that the two lists stay equal.
 */
import { z } from './zod';

export const roleSchema = z.enum(['operator', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const serviceModeSchema = z.enum(['desk', 'appointment']);
export type ServiceMode = z.infer<typeof serviceModeSchema>;

export const prioritySchema = z.enum(['none', 'disability', 'pregnancy', 'elderly', 'appointment']);
export type Priority = z.infer<typeof prioritySchema>;
/** The priorities a citizen may declare at the kiosk (`appointment` comes only from a check-in). */
export const walkInPrioritySchema = prioritySchema.exclude(['appointment']);
export type WalkInPriority = z.infer<typeof walkInPrioritySchema>;

export const ticketStatusSchema = z.enum(['waiting', 'called', 'serving', 'completed', 'no_show', 'cancelled']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketEventTypeSchema = z.enum([
  'issued',
  'called',
  'recalled',
  'started',
  'transferred',
  'completed',
  'no_show',
  'cancelled',
]);
export type TicketEventType = z.infer<typeof ticketEventTypeSchema>;

export const counterStateSchema = z.enum(['closed', 'open', 'paused']);
export type CounterState = z.infer<typeof counterStateSchema>;

/** What the counters' log records (staffing history: the wait estimate and the staffing forecast). */
export const counterEventTypeSchema = z.enum(['opened', 'paused', 'resumed', 'closed']);

export const printerTypeSchema = z.enum(['epson', 'star', 'custom']);
export type PrinterType = z.infer<typeof printerTypeSchema>;

export const printModeSchema = z.enum(['agent', 'server', 'none']);
export type PrintMode = z.infer<typeof printModeSchema>;

export const printerStatusSchema = z.enum(['online', 'offline', 'paper_low', 'paper_out', 'unknown']);
export type PrinterStatus = z.infer<typeof printerStatusSchema>;

export const printJobKindSchema = z.enum(['ticket', 'appointment_slip', 'test']);
export type PrintJobKind = z.infer<typeof printJobKindSchema>;

export const printJobStatusSchema = z.enum(['queued', 'sent', 'printed', 'failed']);
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

export const appointmentStatusSchema = z.enum(['pending', 'expired', 'booked', 'checked_in', 'cancelled', 'no_show']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const appointmentChannelSchema = z.enum(['online', 'kiosk', 'counter']);
export type AppointmentChannel = z.infer<typeof appointmentChannelSchema>;

/** How a visit ended (stored as text on the ticket: not a Prisma enum). */
export const outcomeSchema = z.enum(['done', 'partial', 'redirected', 'not_possible']);
export type Outcome = z.infer<typeof outcomeSchema>;

export const identityLevelSchema = z.enum(['email', 'strong']);
export type IdentityLevel = z.infer<typeof identityLevelSchema>;

export const procedureStatusSchema = z.enum([
  'submitted',
  'in_progress',
  'waiting_citizen',
  'completed',
  'rejected',
  'withdrawn',
]);
export type ProcedureStatus = z.infer<typeof procedureStatusSchema>;

export const procedureChannelSchema = z.enum(['online', 'desk']);
export type ProcedureChannel = z.infer<typeof procedureChannelSchema>;

export const procedureEventTypeSchema = z.enum([
  'submitted',
  'taken',
  'info_requested',
  'replied',
  'completed',
  'rejected',
  'withdrawn',
]);
export type ProcedureEventType = z.infer<typeof procedureEventTypeSchema>;

/** What an issued document is: a certificate the office generated, or a file a clerk uploaded. */
export const documentKindSchema = z.enum(['certificate', 'uploaded']);
export type DocumentKind = z.infer<typeof documentKindSchema>;
