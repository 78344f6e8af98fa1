import { IANAZone } from 'luxon';
import { z } from 'zod';
import { weeklyHoursInput } from '../schedules/schedules';

const text = (max: number) => z.string().trim().min(1).max(max);

const officeFields = {
  name: text(120),
  nameEn: text(120),
  address: z.string().trim().max(200),
  sortOrder: z.number().int().min(0).max(10_000),
};

export const createOfficeInput = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Lowercase letters, digits and -'),
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => IANAZone.isValidZone(tz), 'Not a known time zone (e.g. Europe/Rome)')
      .default('Europe/Rome'),
    ...officeFields,
  })
  .partial({ address: true, sortOrder: true })
  .strict();
export const updateOfficeInput = z
  .object(officeFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/**
 * Walk-in opening hours: the weekly ranges in which the kiosk issues tickets, and how many
 * minutes before each closing it stops. No ranges = always open. The ranges are validated like
 * appointment hours (weeklyHoursInput: closes after opens, no overlap on a day).
 */
export const officeHoursInput = z
  .object({
    hours: weeklyHoursInput,
    lastTicketMinutes: z.number().int().min(0).max(240),
  })
  .strict();
