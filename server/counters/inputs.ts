import { z } from 'zod';

export const openCounterInput = z.object({ serviceIds: z.array(z.string().min(1).max(64)).max(500).optional() });

/** A supervisor sets the services an open counter serves (any active desk service of its office). */
export const counterServicesInput = z.object({ serviceIds: z.array(z.string().min(1).max(64)).min(1).max(500) });
