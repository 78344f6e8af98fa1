import { z } from 'zod';

export const openCounterInput = z.object({ serviceIds: z.array(z.string().min(1).max(64)).max(500).optional() });

/** A supervisor sets the services an open counter serves (any active desk service of its office). */
export const counterServicesInput = z.object({ serviceIds: z.array(z.string().min(1).max(64)).min(1).max(500) });

const counterFields = { number: z.number().int().min(1).max(999), name: z.string().trim().min(1).max(60) };
export const createCounterInput = z.object({ officeId: z.string().min(1).max(64), ...counterFields }).strict();
export const updateCounterInput = z.object(counterFields).partial().strict();
