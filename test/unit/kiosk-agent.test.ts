import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAgentConfig } from '../../agent/src/config';
import { PrintedJobs } from '../../agent/src/printed-jobs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kiosk agent settings', () => {
  const token = 'spk_0123456789abcdefghij';

  it('come from the environment, with defaults', () => {
    const c = loadAgentConfig({
      SPORTELLO_URL: 'http://sportello.lan:3000',
      KIOSK_TOKEN: token,
      PRINTER_INTERFACE: 'tcp://192.168.1.50:9100',
      PRINTER_TYPE: 'custom',
    });
    expect(c).toMatchObject({
      url: 'http://sportello.lan:3000',
      token,
      printerInterface: 'tcp://192.168.1.50:9100',
      printerType: 'custom',
      statusIntervalSeconds: 15,
    });
  });

  it('come from a JSON file, the environment winning', () => {
    const file = path.join(dir, 'agent.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ url: 'http://a:3000', token, printerInterface: '/dev/usb/lp0', statusIntervalSeconds: 30 }),
    );
    const c = loadAgentConfig({ KIOSK_AGENT_CONFIG: file, SPORTELLO_URL: 'http://b:3000' });
    expect(c).toMatchObject({ url: 'http://b:3000', printerInterface: '/dev/usb/lp0', statusIntervalSeconds: 30 });
  });

  it('are refused with a readable message when wrong', () => {
    expect(() => loadAgentConfig({})).toThrow(/SPORTELLO_URL and KIOSK_TOKEN are required/);
    expect(() => loadAgentConfig({ SPORTELLO_URL: 'http://a', KIOSK_TOKEN: token, PRINTER_INTERFACE: 'lp0' })).toThrow(
      /printerInterface/,
    );
    expect(() => loadAgentConfig({ SPORTELLO_URL: 'http://a', KIOSK_TOKEN: token, PRINTER_TYPE: 'zebra' })).toThrow(
      /printerType/,
    );
    expect(() => loadAgentConfig({ KIOSK_AGENT_CONFIG: path.join(dir, 'missing.json') })).toThrow(/Cannot read/);
  });
});

describe('printed job memory', () => {
  it('survives a restart through its file, forgets refused jobs, and keeps the newest ids', () => {
    const file = path.join(dir, 'state', 'printed.json');
    const a = new PrintedJobs(file, 3);
    a.add('j1');
    a.add('j2');
    a.add('j3');
    a.forget('j2');
    a.add('j4');
    a.add('j5');
    const b = new PrintedJobs(file, 3);
    expect(['j1', 'j2', 'j3', 'j4', 'j5'].filter((id) => b.has(id))).toEqual(['j3', 'j4', 'j5']);
    fs.writeFileSync(file, '{not json');
    expect(new PrintedJobs(file).has('j3')).toBe(false);
  });
});

describe('the agent package', () => {
  it('lists exactly the packages its code imports, at the versions the repository installs', () => {
    const read = (f: string) =>
      JSON.parse(fs.readFileSync(f, 'utf8')) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      };
    const agent = read('agent/package.json');
    const root = read('package.json');
    const imported = new Set<string>();
    for (const f of fs.readdirSync('agent/src').filter((n) => n.endsWith('.ts'))) {
      for (const [, spec] of fs.readFileSync(path.join('agent/src', f), 'utf8').matchAll(/\bfrom '([^'.][^']*)'/g)) {
        if (spec.startsWith('node:')) continue;
        imported.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(agent.dependencies).sort());
    for (const [name, range] of Object.entries(agent.dependencies)) expect(root.dependencies[name], name).toBe(range);
    for (const [name, range] of Object.entries(agent.devDependencies)) expect(root.devDependencies[name], name).toBe(range);
  });
});
