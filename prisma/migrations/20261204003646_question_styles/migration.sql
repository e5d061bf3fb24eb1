-- Questions gain a style (scenario: exam-style, what mocks draw, recall: a short fact check) in
-- place of their origin. Existing rows keep a sensible style until the next seed sets the real one:
-- authored items were scenarios, generated ones recall checks.

-- CreateEnum
CREATE TYPE "QuestionStyle" AS ENUM ('scenario', 'recall');

-- DropIndex
DROP INDEX "questions_domain_random_key_retired_at_id_version_section_idx";

-- AlterTable
ALTER TABLE "questions" ADD COLUMN "style" "QuestionStyle";
UPDATE "questions" SET "style" = 'scenario' WHERE "origin" = 'authored';
UPDATE "questions" SET "style" = 'recall' WHERE "style" IS NULL;
ALTER TABLE "questions" ALTER COLUMN "style" SET NOT NULL, DROP COLUMN "origin";

-- AlterTable
ALTER TABLE "question_versions" ADD COLUMN     "references" JSONB NOT NULL DEFAULT '[]';

-- DropEnum
DROP TYPE "QuestionOrigin";

-- CreateIndex
CREATE INDEX "questions_domain_style_random_key_retired_at_id_version_sec_idx" ON "questions"("domain", "style", "random_key", "retired_at", "id", "version", "section");
