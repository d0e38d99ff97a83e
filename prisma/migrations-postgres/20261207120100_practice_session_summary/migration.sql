-- AlterTable
ALTER TABLE "PracticeSession" ADD COLUMN "phase" TEXT;
ALTER TABLE "PracticeSession" ADD COLUMN "stageId" TEXT;

-- Fill the summary of existing sessions from their state, one row at a time so that a state that is not JSON
-- leaves that row's columns NULL instead of failing the migration.
DO $$
DECLARE
    session RECORD;
BEGIN
    FOR session IN SELECT "id", "state" FROM "PracticeSession" LOOP
        BEGIN
            UPDATE "PracticeSession"
            SET "phase" = (session."state"::jsonb) ->> 'phase', "stageId" = (session."state"::jsonb) ->> 'stageId'
            WHERE "id" = session."id";
        EXCEPTION WHEN invalid_text_representation THEN
            NULL;
        END;
    END LOOP;
END $$;
