// Loads Prisma's schema engine from the npm package @prisma/schema-engine-wasm, so migrations
// can be created without Prisma's binary download server (README, "Migrations").
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & { __wbg_set_wasm(exports: unknown): void };

export async function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error('schema engine panic:', m) };
  const dir = path.dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm'));
  const bg = (await import(path.join(dir, 'schema_engine_bg.js'))) as Bindings;
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bg.SchemaEngine;
}
