-- CreateEnum
CREATE TYPE "IdentityLevel" AS ENUM ('email', 'strong');

-- CreateEnum
CREATE TYPE "ProcedureStatus" AS ENUM ('submitted', 'in_progress', 'waiting_citizen', 'completed', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "ProcedureChannel" AS ENUM ('online', 'desk');

-- CreateEnum
CREATE TYPE "ProcedureEventType" AS ENUM ('submitted', 'taken', 'info_requested', 'replied', 'completed', 'rejected', 'withdrawn');

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "legalDeadlineDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "onlineIdentity" "IdentityLevel";

-- CreateTable
CREATE TABLE "Citizen" (
    "id" TEXT NOT NULL,
    "fiscalCode" TEXT,
    "email" TEXT,
    "name" TEXT,
    "phone" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'it',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Citizen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenSession" (
    "id" TEXT NOT NULL,
    "citizenId" TEXT NOT NULL,
    "identity" "IdentityLevel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CitizenSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenLoginCode" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "CitizenLoginCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolSequence" (
    "officeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ProtocolSequence_pkey" PRIMARY KEY ("officeId","year")
);

-- CreateTable
CREATE TABLE "Procedure" (
    "id" TEXT NOT NULL,
    "protocolNumber" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "citizenId" TEXT NOT NULL,
    "channel" "ProcedureChannel" NOT NULL,
    "status" "ProcedureStatus" NOT NULL DEFAULT 'submitted',
    "data" JSONB NOT NULL,
    "deadlineDays" INTEGER NOT NULL,
    "responsibleStaffId" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'it',
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureEvent" (
    "id" BIGSERIAL NOT NULL,
    "procedureId" TEXT NOT NULL,
    "type" "ProcedureEventType" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "fromStatus" "ProcedureStatus",
    "toStatus" "ProcedureStatus" NOT NULL,
    "staffId" TEXT,
    "citizenNote" TEXT,
    "internalNote" TEXT,

    CONSTRAINT "ProcedureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Citizen_fiscalCode_key" ON "Citizen"("fiscalCode");

-- CreateIndex
CREATE UNIQUE INDEX "Citizen_email_key" ON "Citizen"("email");

-- CreateIndex
CREATE INDEX "CitizenSession_citizenId_idx" ON "CitizenSession"("citizenId");

-- CreateIndex
CREATE INDEX "CitizenSession_expiresAt_idx" ON "CitizenSession"("expiresAt");

-- CreateIndex
CREATE INDEX "CitizenLoginCode_email_createdAt_idx" ON "CitizenLoginCode"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_trackingCode_key" ON "Procedure"("trackingCode");

-- CreateIndex
CREATE INDEX "Procedure_officeId_status_idx" ON "Procedure"("officeId", "status");

-- CreateIndex
CREATE INDEX "Procedure_citizenId_idx" ON "Procedure"("citizenId");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_officeId_protocolNumber_key" ON "Procedure"("officeId", "protocolNumber");

-- CreateIndex
CREATE INDEX "ProcedureEvent_procedureId_id_idx" ON "ProcedureEvent"("procedureId", "id");

-- AddForeignKey
ALTER TABLE "CitizenSession" ADD CONSTRAINT "CitizenSession_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolSequence" ADD CONSTRAINT "ProtocolSequence_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_responsibleStaffId_fkey" FOREIGN KEY ("responsibleStaffId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureEvent" ADD CONSTRAINT "ProcedureEvent_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureEvent" ADD CONSTRAINT "ProcedureEvent_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;
