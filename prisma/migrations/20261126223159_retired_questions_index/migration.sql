-- CreateIndex
CREATE INDEX "questions_retired_at_idx" ON "questions"("retired_at");
