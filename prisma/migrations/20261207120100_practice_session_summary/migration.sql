-- AlterTable
ALTER TABLE "PracticeSession" ADD COLUMN "phase" TEXT;
ALTER TABLE "PracticeSession" ADD COLUMN "stageId" TEXT;

-- Fill the summary of existing sessions from their state; a state that is not JSON leaves them NULL.
UPDATE "PracticeSession"
SET "phase" = json_extract("state", '$.phase'), "stageId" = json_extract("state", '$.stageId')
WHERE json_valid("state");
