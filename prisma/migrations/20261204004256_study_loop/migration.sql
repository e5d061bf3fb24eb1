-- AlterTable
ALTER TABLE "attempt_items" ADD COLUMN     "elapsed_ms" INTEGER;

-- CreateTable
CREATE TABLE "saved_questions" (
    "user_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "saved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_questions_pkey" PRIMARY KEY ("user_id","question_id")
);

-- CreateIndex
CREATE INDEX "saved_questions_user_id_saved_at_idx" ON "saved_questions"("user_id", "saved_at");

-- AddForeignKey
ALTER TABLE "saved_questions" ADD CONSTRAINT "saved_questions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_questions" ADD CONSTRAINT "saved_questions_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
