import fs from 'node:fs';
import { z } from 'zod';
import { printerInterfaceSchema, PRINTER_TYPES } from './protocol';

/**
 * The agent's settings: a JSON file (`KIOSK_AGENT_CONFIG`) and/or environment variables, the
 * environment winning. Only the server address and the token are required: the printer address
 * and type default to what the admin registered for the kiosk.
 */
export const agentConfigSchema = z.object({
  /** Sportello's address, e.g. `https://sportello.comune.example.it`. */
  url: z.string().url(),
  /** The kiosk token an admin got when registering the kiosk. */
  token: z.string().min(16).max(200),
  /** Overrides the kiosk's registered printer: `tcp://host:9100`, `/dev/usb/lp0`... */
  printerInterface: printerInterfaceSchema.optional(),
  printerType: z.enum(PRINTER_TYPES).optional(),
  /** How often the printer's status is checked and reported. */
  statusIntervalSeconds: z.coerce.number().int().min(1).max(3600).default(15),
  /** Where the ids of printed jobs are kept across restarts; empty: memory only. */
  stateFile: z.string().default('data/kiosk-agent-state.json'),
});
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentConfigInput = z.input<typeof agentConfigSchema>;

export function loadAgentConfig(env: Record<string, string | undefined> = process.env): AgentConfig {
  let file: Record<string, unknown> = {};
  if (env.KIOSK_AGENT_CONFIG) {
    try {
      file = JSON.parse(fs.readFileSync(env.KIOSK_AGENT_CONFIG, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`Cannot read ${env.KIOSK_AGENT_CONFIG}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const fromEnv = Object.fromEntries(
    Object.entries({
      url: env.SPORTELLO_URL,
      token: env.KIOSK_TOKEN,
      printerInterface: env.PRINTER_INTERFACE,
      printerType: env.PRINTER_TYPE,
      statusIntervalSeconds: env.STATUS_INTERVAL_SECONDS,
      stateFile: env.KIOSK_AGENT_STATE,
    }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = agentConfigSchema.safeParse({ ...file, ...fromEnv });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(settings)'}: ${i.message}`);
    throw new Error(`Invalid kiosk agent settings (SPORTELLO_URL and KIOSK_TOKEN are required):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
