import { z } from 'zod';

export const openCounterInput = z.object({ serviceIds: z.array(z.string().min(1).max(64)).max(500).optional() });
