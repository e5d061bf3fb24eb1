-- DropIndex
DROP INDEX "questions_domain_retired_at_idx";

-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "random_key" DOUBLE PRECISION NOT NULL DEFAULT random();

-- CreateIndex
CREATE INDEX "questions_domain_random_key_retired_at_id_version_section_idx" ON "questions"("domain", "random_key", "retired_at", "id", "version", "section");
