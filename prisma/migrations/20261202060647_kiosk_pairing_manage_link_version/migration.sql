-- AlterTable
ALTER TABLE "Kiosk" ADD COLUMN     "pairedAt" TIMESTAMP(3),
ADD COLUMN     "screenTokenHash" TEXT;

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "manageTokenVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Kiosk_screenTokenHash_key" ON "Kiosk"("screenTokenHash");
