-- CreateTable
CREATE TABLE "SignInThrottle" (
    "scope" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("scope","subject"),
    CONSTRAINT "SignInThrottle_scope_check" CHECK ("scope" IN ('account_address', 'address', 'account')),
    CONSTRAINT "SignInThrottle_count_check" CHECK ("count" >= 0)
);

-- CreateIndex
CREATE INDEX "SignInThrottle_windowStart_idx" ON "SignInThrottle"("windowStart");
