/** Fixed JSON with no database or auth work: the framework's ceiling in `npm run bench`, and a cheap liveness probe. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
