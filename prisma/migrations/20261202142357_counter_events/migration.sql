-- CreateEnum
CREATE TYPE "CounterEventType" AS ENUM ('opened', 'paused', 'resumed', 'closed');

-- CreateTable
CREATE TABLE "CounterEvent" (
    "id" BIGSERIAL NOT NULL,
    "counterId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "type" "CounterEventType" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "staffId" TEXT,

    CONSTRAINT "CounterEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CounterEvent_officeId_at_idx" ON "CounterEvent"("officeId", "at");
