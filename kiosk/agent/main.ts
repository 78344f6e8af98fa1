// `npm run kiosk-agent`: the kiosk printer agent (see agent.ts and the README, "Printing and kiosks").
import { startAgent, type AgentLogger } from './agent';
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

logger.info(`Sportello kiosk agent: connecting to ${config.url}`);
const agent = startAgent({ ...config, logger });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    setTimeout(() => process.exit(1), 5000).unref();
    void agent.stop().finally(() => process.exit(0));
  });
}
