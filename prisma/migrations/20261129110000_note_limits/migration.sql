-- Idempotent note creation: the key a client sent with POST /api/notes, unique per reader.
-- PostgreSQL unique indexes let any number of rows hold NULL (notes created without a key).

-- AlterTable
ALTER TABLE "Note" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Note_userId_idempotencyKey_key" ON "Note"("userId", "idempotencyKey");
