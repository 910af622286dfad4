import { handleUpload } from "@/server/imports/upload-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleUpload(req, (await params).slug);
}
