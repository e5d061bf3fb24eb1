import { defineConfig } from 'prisma/config';

// Used by `prisma generate`. Migrations are applied by our own runner (apps/api/src/db/migrations.ts)
// on Prisma's WebAssembly schema engine, so no database URL is needed here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
