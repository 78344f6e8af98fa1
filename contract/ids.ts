/** Path and query pieces many routes share. */
import { z } from './zod';

export const id = z.string().min(1).max(64);
export const idParam = z.object({ id });
export const officeQuery = z.object({ officeId: id.optional().describe('Office id; default: the one-stop desk') });
