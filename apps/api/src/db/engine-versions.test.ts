import { describe, expect, it } from 'vitest';
import { installedEnginePair, VERIFIED_ENGINE_PAIR } from './engine-versions.ts';

describe('Prisma and the WebAssembly schema engine', () => {
  it('are installed at the pair verified together (move both, see README "Upgrading Prisma")', () => {
    const installed = installedEnginePair();
    // The client and the CLI always move together.
    expect(installed.client).toBe(installed.prisma);
    expect({ prisma: installed.prisma, schemaEngineWasm: installed.schemaEngineWasm }).toEqual(VERIFIED_ENGINE_PAIR);
  });
});
