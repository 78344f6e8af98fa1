import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Command, type Redis } from 'ioredis';

/** The Lua scripts of server/queue/lua, loaded once and run by SHA (EVALSHA, falling back to EVAL). */
export type ScriptName = 'call_next' | 'count_ahead' | 'move_ticket' | 'release_lease' | 'unfollow_tickets';

const cache = new Map<ScriptName, { source: string; sha: string }>();

function load(name: ScriptName) {
  let entry = cache.get(name);
  if (!entry) {
    // Read from the source tree: the scripts are data, also when this module is bundled by Next.
    const source = fs.readFileSync(path.join(process.cwd(), 'server', 'queue', 'lua', `${name}.lua`), 'utf8');
    entry = { source, sha: createHash('sha1').update(source).digest('hex') };
    cache.set(name, entry);
  }
  return entry;
}

/** Runs a script by SHA through `send`, and by its source when Redis does not know it yet (NOSCRIPT). */
async function withSource(
  redis: Redis,
  name: ScriptName,
  keys: string[],
  args: (string | number)[],
  send: (sha: string) => Promise<unknown>,
): Promise<unknown> {
  const { source, sha } = load(name);
  try {
    return await send(sha);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
    return redis.eval(source, keys.length, ...keys, ...args);
  }
}

export function runScript(redis: Redis, name: ScriptName, keys: string[], args: (string | number)[]): Promise<unknown> {
  return withSource(redis, name, keys, args, (sha) => redis.evalsha(sha, keys.length, ...keys, ...args));
}

/**
 * Runs a script with its command written at once, not at the auto-pipeline's next flush
 * (setImmediate): when this returns, it is on the wire ahead of anything this process sends after,
 * on any connection. For a command nobody waits for whose effect others must see. (sendCommand is
 * what ioredis itself calls when it does not auto-pipeline; a Pipeline would cost more CPU.)
 */
export function runScriptNow(redis: Redis, name: ScriptName, keys: string[], args: (string | number)[]): Promise<unknown> {
  const options = { keyPrefix: redis.options.keyPrefix, replyEncoding: 'utf8' as const };
  return withSource(redis, name, keys, args, (sha) => {
    const command = new Command('evalsha', [sha, keys.length, ...keys, ...args], options);
    redis.sendCommand(command);
    return command.promise;
  });
}
