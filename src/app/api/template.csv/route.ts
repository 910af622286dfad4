import { templateCsv } from "@/lib/csv";

export function GET() {
  return new Response(templateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="salesmix-team-template.csv"',
    },
  });
}
