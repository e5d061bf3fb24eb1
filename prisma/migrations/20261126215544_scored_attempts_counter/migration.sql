-- AlterTable
ALTER TABLE "users" ADD COLUMN     "scored_attempts" INTEGER NOT NULL DEFAULT 0;

-- Backfill: every attempt scored so far (scored attempts are exactly those with submitted_at set).
UPDATE "users" AS u SET "scored_attempts" = s.n
FROM (SELECT "user_id", count(*)::int AS n FROM "attempts" WHERE "submitted_at" IS NOT NULL GROUP BY "user_id") AS s
WHERE s."user_id" = u."id";
