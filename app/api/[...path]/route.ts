import { DashboardError, errorResponse } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Unknown API paths answer in the API's own JSON error shape, not with the HTML 404 page. */
function notFound(req: Request): Response {
  return errorResponse(new DashboardError(404, 'NotFound', `no API route ${new URL(req.url).pathname}`));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
