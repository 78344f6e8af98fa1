/** Appointments: bookable services, free places, booking, the manage link, kiosk check-in, the counters' day. */
import { z } from './zod';
import { closedDaySchema } from './calendar';
import { appointmentChannelSchema, appointmentStatusSchema, serviceModeSchema, ticketStatusSchema } from './enums';
import { id } from './ids';
import { langSchema, localizedTextSchema } from './lang';
import { calendarDay, instant } from './primitives';
import { issuedTicketSchema } from './tickets';

/** The manage link's token: `<appointment id>.<expiry>.<key id>.<version>.<signature>` (server/appointments/manage-token.ts). */
export const MANAGE_TOKEN_PARTS = '([a-z0-9]{1,64})\\.([a-z0-9]{1,12})\\.([a-z0-9]{1,8})\\.([a-z0-9]{1,6})\\.([0-9a-f]{32})';
export const MANAGE_TOKEN_PATTERN = new RegExp(`^${MANAGE_TOKEN_PARTS}$`);
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]{4,22}$/;

export const officeRefSchema = z.object({ id: z.string(), name: localizedTextSchema, address: z.string() });
export type AppointmentOffice = z.infer<typeof officeRefSchema>;

// ---------------------------------------------------------------------------- bookable services

/** GET /api/appointments/services item: a bookable service with the offices that take it. */
export const bookableServiceSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: localizedTextSchema,
  keywords: z.string(),
  mode: serviceModeSchema,
  expectedMinutes: z.number(),
  /** It can also be requested online (`/portale?new=<id>`), without coming. */
  online: z.boolean(),
  category: z.object({
    id: z.string(),
    slug: z.string(),
    name: localizedTextSchema,
    icon: z.string(),
    sortOrder: z.number(),
  }),
  offices: z.array(officeRefSchema),
});
export type BookableService = z.infer<typeof bookableServiceSchema>;
export const bookableServiceListSchema = z.array(bookableServiceSchema);

// -------------------------------------------------------------------------------- availability

export const availabilityQuery = z.object({
  serviceId: id,
  officeId: id,
  /** First local day (YYYY-MM-DD); default today. */
  from: calendarDay.optional(),
  /** Last local day, inclusive; default from + 31 days; at most 62 days after `from`. */
  to: calendarDay.optional(),
});

export const slotInfoSchema = z.object({ startsAt: z.string(), time: z.string(), free: z.number() });
export type SlotInfo = z.infer<typeof slotInfoSchema>;
export const dayInfoSchema = z.object({
  day: z.string(),
  closed: closedDaySchema.nullable(),
  free: z.number(),
  slots: z.array(slotInfoSchema),
});
export type DayInfo = z.infer<typeof dayInfoSchema>;
export const availabilitySchema = z.object({
  office: officeRefSchema.extend({ timeZone: z.string() }),
  service: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }),
  timeZone: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  firstDay: z.string(),
  lastDay: z.string(),
  days: z.array(dayInfoSchema),
});
export type Availability = z.infer<typeof availabilitySchema>;

// ------------------------------------------------------------------------------------- booking

const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .pipe(z.union([z.literal(''), z.email('Not an e-mail address')]))
  .optional();
const optionalPhone = z
  .string()
  .trim()
  .max(24)
  .pipe(z.union([z.literal(''), z.string().regex(PHONE_PATTERN, 'Not a phone number')]))
  .optional();

export const bookInput = z
  .object({
    serviceId: id,
    officeId: id,
    /** The slot's start, as listed by the availability endpoint (ISO 8601 with offset). */
    startsAt: instant,
    name: z.string().trim().min(1).max(100),
    email: optionalEmail,
    phone: optionalPhone,
    /** The citizen accepted the privacy notice (required on every channel). */
    privacyConsent: z.literal(true, 'Please accept the privacy notice'),
    lang: langSchema.default('it'),
    /** `counter` needs a staff session (the clerk books for the citizen in front of them). */
    channel: appointmentChannelSchema.default('online'),
    /** The kiosk that booked (channel `kiosk`), for a printed slip. */
    kioskId: id.optional(),
  })
  // Online bookings are confirmed through a link e-mailed to the citizen (server/appointments/confirm.ts).
  .refine((v) => v.channel !== 'online' || Boolean(v.email), {
    message: 'Give an e-mail address: the booking is confirmed through a link sent there',
    path: ['email'],
  });
export type BookInput = z.input<typeof bookInput>;

/**
 * What the citizen and the counters see of the appointment's day: pending (not yet confirmed by
 * e-mail), expired (not confirmed in time), booked, checked in (ticket waiting), serving (ticket
 * called or at the counter), done, no-show, cancelled.
 */
export const appointmentDisplayStatusSchema = z.enum([
  'pending',
  'expired',
  'booked',
  'checked_in',
  'serving',
  'done',
  'no_show',
  'cancelled',
]);
export type AppointmentDisplayStatus = z.infer<typeof appointmentDisplayStatusSchema>;

/** The appointment as its holder sees it (booking answer, manage link). */
export const appointmentViewSchema = z.object({
  id: z.string(),
  /** "ABCD-EFGH" */
  code: z.string(),
  status: appointmentStatusSchema,
  displayStatus: appointmentDisplayStatusSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  day: z.string(),
  /** Local start, "HH:MM". */
  time: z.string(),
  timeZone: z.string(),
  channel: appointmentChannelSchema,
  lang: z.string(),
  office: officeRefSchema,
  service: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Cancel and reschedule are possible now (booked, before the deadline). */
  canChange: z.boolean(),
  changeDeadline: z.string(),
  token: z.string(),
  manageUrl: z.string(),
  qrUrl: z.string(),
  icsUrl: z.string(),
  ticket: z.object({ code: z.string(), number: z.string(), status: ticketStatusSchema }).nullable(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** An online booking waiting for the e-mailed confirmation: the place is held until `holdUntil`. */
export const pendingBookingSchema = z.object({
  id: z.string(),
  status: appointmentStatusSchema,
  holdUntil: z.string().nullable(),
  startsAt: z.string(),
  day: z.string(),
  time: z.string(),
  timeZone: z.string(),
  office: officeRefSchema,
  service: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }),
  email: z.string().nullable(),
});
export type PendingBooking = z.infer<typeof pendingBookingSchema>;

/** POST /api/appointments answer: online, a pending booking; at the counter or a registered kiosk, the appointment. */
export const bookAnswerSchema = z.union([appointmentViewSchema, pendingBookingSchema]);

/** The secret of the e-mailed confirmation link. */
export const CONFIRM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;
export const confirmInput = z.object({ token: z.string().regex(CONFIRM_TOKEN_PATTERN, 'Not a valid link') });

// ----------------------------------------------------------------------------------- manage link

/** `/api/appointments/{token}`: the manage link's token (checked for its signature and expiry). */
export const tokenParam = z.object({ token: z.string().regex(MANAGE_TOKEN_PATTERN, 'Not a valid link') });
export const rescheduleInput = z.object({ startsAt: instant });

// -------------------------------------------------------------------------------------- check-in

export const checkInInput = z.object({
  /** What the scanner typed or the citizen keyed in: the booking code, the manage link, or its token. */
  code: z.string().trim().min(1).max(500),
  lang: langSchema.default('it'),
  /** The kiosk checking in (`/kiosk?kiosk=<id>`): its printer prints the ticket. */
  kioskId: id.optional(),
  /** After `checkin_too_late`: the citizen accepts a walk-in ticket for the same service instead. */
  walkIn: z.boolean().default(false),
});
export type CheckInInput = z.input<typeof checkInInput>;

/** What a kiosk screen may show of an appointment: no personal data, no manage link. */
export const appointmentSummarySchema = z.object({
  code: z.string(),
  displayStatus: appointmentDisplayStatusSchema,
  startsAt: z.string(),
  day: z.string(),
  time: z.string(),
  office: officeRefSchema,
  service: z.object({ id: z.string(), name: localizedTextSchema }),
});
export type AppointmentSummary = z.infer<typeof appointmentSummarySchema>;

/** POST /api/appointments/check-in answer: 201, or 200 with `already` when scanned twice. */
export const checkInAnswerSchema = z.object({
  already: z.boolean(),
  late: z.boolean(),
  ticket: issuedTicketSchema,
  appointment: appointmentSummarySchema,
});
export type CheckInAnswer = z.infer<typeof checkInAnswerSchema>;

/** Staff: revoke every manage link of an appointment by its booking code; a new link is e-mailed. */
export const revokeLinksInput = z.object({ code: z.string().trim().min(1).max(20) });
export const revokeLinksAnswerSchema = z.object({ code: z.string(), emailed: z.boolean() });

// ---------------------------------------------------------------------------- the counters' day

export const todayQuery = z.object({ officeId: id });

export const todayAppointmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  startsAt: z.string(),
  time: z.string(),
  status: appointmentDisplayStatusSchema,
  channel: appointmentChannelSchema,
  name: z.string().nullable(),
  phone: z.string().nullable(),
  service: z.object({ id: z.string(), name: localizedTextSchema }),
  /** `late`: checked in after the window, as a walk-in. */
  ticket: z.object({ id: z.string(), number: z.string(), status: ticketStatusSchema, late: z.boolean() }).nullable(),
});
export type TodayAppointment = z.infer<typeof todayAppointmentSchema>;
export const todayAnswerSchema = z.object({
  officeId: z.string(),
  day: z.string(),
  timeZone: z.string(),
  counts: z.object({
    booked: z.number(),
    checked_in: z.number(),
    serving: z.number(),
    done: z.number(),
    no_show: z.number(),
    cancelled: z.number(),
  }),
  appointments: z.array(todayAppointmentSchema),
});
export type TodayAnswer = z.infer<typeof todayAnswerSchema>;
