/**
 * zod for the contract. In the browser it runs without its JIT: zod probes `new Function` to
 * compile object parsers, and under our CSP (no 'unsafe-eval') the probe is a reported violation
 * even though zod catches it. The flag is read when a schema is built, so every contract module
 * takes z from here. The server keeps the faster compiled parsers.
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
