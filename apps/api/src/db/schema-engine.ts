import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { SCHEMA_PATH } from '../lib/project-paths.ts';

/**
 * Prisma's schema engine compiled to WebAssembly. The Prisma CLI would download a native engine
 * binary instead, which is not always reachable; the WASM build applies migrations the same way
 * (same `_prisma_migrations` ledger and checksums) through the pg driver adapter.
 * See docs/decisions/002-migrations-on-the-wasm-schema-engine.md.
 */
export type SchemaEngine = bindings.SchemaEngine;

// Node has WebAssembly at run time; @types/node 20 does not declare it, so name what we use.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
};

// Instantiated once per process, not once per copy of this module: the wasm-bindgen glue
// (`bindings`) is a single shared module holding one instance, and a loader that evaluates this
// file twice (vitest, one copy per test project) would otherwise swap the instance under an engine
// that is running (it corrupted the other project's migrations).
const LOADED = Symbol.for('saa.schema-engine-wasm');
type ProcessWide = typeof globalThis & { [LOADED]?: Promise<void> };

function loadWasm(): Promise<void> {
  const processWide = globalThis as ProcessWide;
  processWide[LOADED] ??= (async () => {
    // The package's main entry imports the .wasm as an ES module, which Node refuses; instantiate it.
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasm = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports as Parameters<typeof bindings.__wbg_set_wasm>[0]);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return processWide[LOADED];
}

export async function readSchema(): Promise<string> {
  return readFile(SCHEMA_PATH, 'utf8');
}

/**
 * A pg adapter factory that remembers the connections it hands to the engine. The engine does not
 * close them when freed, and a leaked session would keep holding the migration advisory lock.
 */
function trackedAdapterFactory(connectionString: string) {
  const factory = new PrismaPg({ connectionString, max: 2 });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const disposeAll = async () => {
    await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => {})));
  };
  return { factory: tracked, disposeAll };
}

/** Runs `work` with a schema engine connected to `connectionString`, then frees it. */
export async function withSchemaEngine<T>(
  connectionString: string,
  work: (engine: SchemaEngine) => Promise<T>,
  datamodel?: string,
): Promise<T> {
  await loadWasm();
  const { factory, disposeAll } = trackedAdapterFactory(connectionString);
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, datamodel ?? (await readSchema())]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await disposeAll();
  }
}

/**
 * The SQL that turns schema `from` (null: an empty database) into schema `to`. Computed from the
 * two datamodels alone; the engine still insists on a live connection, which it does not modify.
 */
export async function diffSchemas(connectionString: string, from: string | null, to: string): Promise<string> {
  const result = await withSchemaEngine(
    connectionString,
    (engine) =>
      engine.diff({
        from:
          from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: from }] },
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: to }] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    to,
  );
  return result.stdout ?? '';
}
