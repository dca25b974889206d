-- Highlights: passages readers marked in reviews, with an optional Markdown
-- note, anchored by a quote with context and character offsets (W3C Web
-- Annotation TextQuoteSelector and TextPositionSelector). Private to the reader.

-- CreateTable
CREATE TABLE "Highlight" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "review" TEXT NOT NULL,
    "paperId" TEXT,
    "quoteExact" TEXT NOT NULL,
    "quotePrefix" TEXT NOT NULL,
    "quoteSuffix" TEXT NOT NULL,
    "positionStart" INTEGER NOT NULL,
    "positionEnd" INTEGER NOT NULL,
    "color" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "idempotencyKey" TEXT,

    CONSTRAINT "Highlight_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Highlight_userId_idempotencyKey_key" ON "Highlight"("userId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Highlight_userId_review_idx" ON "Highlight"("userId", "review");

-- CreateIndex
CREATE INDEX "Highlight_userId_paperId_idx" ON "Highlight"("userId", "paperId");

-- AddForeignKey
ALTER TABLE "Highlight" ADD CONSTRAINT "Highlight_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
