// The kiosk printer agent's entry point: `node sportello-agent.mjs` (the built file) or `npm run
// kiosk-agent` in a checkout. See agent.ts and the README, "Set up a kiosk PC".
import { AGENT_VERSION, startAgent, type AgentLogger } from './agent';
import { loadAgentConfig } from './config';

const stamp = () => new Date().toISOString();
const logger: AgentLogger = {
  info: (m) => console.log(`${stamp()} ${m}`),
  warn: (m) => console.warn(`${stamp()} warning: ${m}`),
  error: (m) => console.error(`${stamp()} error: ${m}`),
};

let config;
try {
  config = loadAgentConfig();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

logger.info(`Sportello kiosk agent ${AGENT_VERSION}: connecting to ${config.url}`);
const agent = startAgent({ ...config, logger });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    setTimeout(() => process.exit(1), 5000).unref();
    void agent.stop().finally(() => process.exit(0));
  });
}
