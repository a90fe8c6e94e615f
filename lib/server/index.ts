/**
 * The server side's public face: what app/ may import (eslint forbids deeper paths from app/). Every export that
 * reaches cluster data takes a caller and goes through entry.ts.
 */
import 'server-only';
export { openRead, openChange, readerOf, changeOf } from './entry';
export type { Reader } from './reader';
export type { Changer } from './changer';
export { sidecarSetRead, sidecarSetChange } from './routes';
export { route, json, jsonText } from './http/route';
export { DashboardError, errorResponse } from './http/dashboard-error';
export { parseName, parsePodRef, parseTopics, parseLastEventId } from './http/params';
export { sessionState, signIn, signOut, clusterOverview, retryConnect, switchContext } from './session';
export { clusterSnapshot, sidecarSetsSnapshot, sidecarSetSnapshot } from './pages';
