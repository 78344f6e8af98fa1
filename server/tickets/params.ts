import { z } from 'zod';
import { PUBLIC_CODE_PATTERN } from './numbering';

/** `/api/tickets/{code}`: the public code (phone page) — a 16-letter code, never the display number. */
export const publicCodeParam = z.object({ code: z.string().regex(PUBLIC_CODE_PATTERN, 'Not a ticket code') });
/** `/api/tickets/{id}/<action>` (staff): the same path segment carries the ticket id. */
export const ticketIdParam = z.object({ code: z.string().min(1).max(64) }).transform((p) => ({ id: p.code }));
