-- AlterTable
ALTER TABLE "DesignVersion" ADD COLUMN "label" TEXT;
