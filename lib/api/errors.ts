/** What every API route answers on failure, with the matching HTTP status. */
export interface ApiErrorBody {
  error: { status: number; reason: string; message: string; details?: unknown };
}
