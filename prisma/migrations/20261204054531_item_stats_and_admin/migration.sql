-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('user', 'admin');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "role" "UserRole" NOT NULL DEFAULT 'user';

-- CreateTable
CREATE TABLE "item_stats" (
    "question_id" TEXT NOT NULL,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,
    "sum_rest" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sum_rest_squared" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sum_rest_correct" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "option_counts" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_stats_pkey" PRIMARY KEY ("question_id")
);

-- CreateTable
CREATE TABLE "question_suspensions" (
    "question_id" TEXT NOT NULL,
    "suspended_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suspended_by" UUID,

    CONSTRAINT "question_suspensions_pkey" PRIMARY KEY ("question_id")
);

-- AddForeignKey
ALTER TABLE "item_stats" ADD CONSTRAINT "item_stats_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_suspensions" ADD CONSTRAINT "question_suspensions_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
