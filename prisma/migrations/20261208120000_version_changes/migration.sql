-- AlterTable
ALTER TABLE "DesignVersion" ADD COLUMN "changes" TEXT;
