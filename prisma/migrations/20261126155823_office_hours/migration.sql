-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "lastTicketMinutes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OfficeHours" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "opens" TEXT NOT NULL,
    "closes" TEXT NOT NULL,

    CONSTRAINT "OfficeHours_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficeHours_officeId_idx" ON "OfficeHours"("officeId");

-- AddForeignKey
ALTER TABLE "OfficeHours" ADD CONSTRAINT "OfficeHours_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;
