-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('sure', 'unsure', 'guess');

-- AlterTable
ALTER TABLE "attempt_items" ADD COLUMN     "confidence" "Confidence";
