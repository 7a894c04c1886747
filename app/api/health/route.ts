import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";
import { withApiHeaders } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return withApiHeaders(
    NextResponse.json(
      { status: database === "ok" ? "ok" : "degraded", database },
      { status: database === "ok" ? 200 : 503 },
    ),
  );
}
