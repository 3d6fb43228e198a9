/*
  Warnings:

  - You are about to drop the column `code` on the `CellProgress` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "CellCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "cellId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "editedAt" DATETIME NOT NULL,
    CONSTRAINT "CellCode_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CellProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "cellId" TEXT NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" TEXT NOT NULL,
    "lastRunAt" DATETIME NOT NULL,
    CONSTRAINT "CellProgress_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CellProgress" ("cellId", "id", "lastRunAt", "lastStatus", "learnerId", "lessonId", "runs") SELECT "cellId", "id", "lastRunAt", "lastStatus", "learnerId", "lessonId", "runs" FROM "CellProgress";
DROP TABLE "CellProgress";
ALTER TABLE "new_CellProgress" RENAME TO "CellProgress";
CREATE UNIQUE INDEX "CellProgress_learnerId_lessonId_cellId_key" ON "CellProgress"("learnerId", "lessonId", "cellId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CellCode_learnerId_lessonId_cellId_key" ON "CellCode"("learnerId", "lessonId", "cellId");
