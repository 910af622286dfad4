import { unknownEndpoint } from "@/server/rest/endpoint";

export const dynamic = "force-dynamic";

/** Unknown paths under /api/v1 answer with a problem document too, not the app's HTML 404 page. */
export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
