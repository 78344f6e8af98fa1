// Loads Prisma's schema engine from the npm package @prisma/schema-engine-wasm, so migrations
// can be created without Prisma's binary download server (see docs/database.md).
import fs from 'node:fs';
import path from 'node:path';

export async function loadSchemaEngine() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error('schema engine panic:', m) };
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', '@prisma', 'schema-engine-wasm');
  const bg = await import(path.join(dir, 'schema_engine_bg.js'));
  const bytes = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg.SchemaEngine;
}
