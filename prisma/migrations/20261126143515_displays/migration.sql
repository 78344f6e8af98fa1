-- CreateTable
CREATE TABLE "Display" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "serviceIds" TEXT[],
    "categoryIds" TEXT[],
    "tickerIt" TEXT[],
    "tickerEn" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Display_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Display_slug_key" ON "Display"("slug");

-- CreateIndex
CREATE INDEX "Display_officeId_idx" ON "Display"("officeId");

-- AddForeignKey
ALTER TABLE "Display" ADD CONSTRAINT "Display_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
