-- CreateEnum
CREATE TYPE "PrinterType" AS ENUM ('epson', 'star', 'custom');

-- CreateEnum
CREATE TYPE "PrintMode" AS ENUM ('agent', 'server', 'none');

-- CreateEnum
CREATE TYPE "PrinterStatus" AS ENUM ('online', 'offline', 'paper_low', 'paper_out', 'unknown');

-- CreateEnum
CREATE TYPE "PrintJobKind" AS ENUM ('ticket', 'appointment_slip', 'test');

-- CreateEnum
CREATE TYPE "PrintJobStatus" AS ENUM ('queued', 'sent', 'printed', 'failed');

-- CreateTable
CREATE TABLE "Kiosk" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "printMode" "PrintMode" NOT NULL DEFAULT 'agent',
    "printerType" "PrinterType" NOT NULL DEFAULT 'epson',
    "printerInterface" TEXT NOT NULL DEFAULT 'none',
    "paperWidth" INTEGER NOT NULL DEFAULT 80,
    "locationHintIt" TEXT NOT NULL DEFAULT '',
    "locationHintEn" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "printerStatus" "PrinterStatus" NOT NULL DEFAULT 'unknown',
    "printerDetail" TEXT,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kiosk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrintJob" (
    "id" TEXT NOT NULL,
    "kioskId" TEXT NOT NULL,
    "ticketId" TEXT,
    "kind" "PrintJobKind" NOT NULL,
    "status" "PrintJobStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "printedAt" TIMESTAMP(3),

    CONSTRAINT "PrintJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Kiosk_tokenHash_key" ON "Kiosk"("tokenHash");

-- CreateIndex
CREATE INDEX "Kiosk_officeId_idx" ON "Kiosk"("officeId");

-- CreateIndex
CREATE INDEX "PrintJob_kioskId_createdAt_idx" ON "PrintJob"("kioskId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PrintJob_kioskId_ticketId_kind_key" ON "PrintJob"("kioskId", "ticketId", "kind");

-- AddForeignKey
ALTER TABLE "Kiosk" ADD CONSTRAINT "Kiosk_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintJob" ADD CONSTRAINT "PrintJob_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "Kiosk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintJob" ADD CONSTRAINT "PrintJob_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;
