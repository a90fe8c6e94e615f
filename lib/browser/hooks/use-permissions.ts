'use client';

import useSWR from 'swr';
import { getJson, type ApiError } from '../fetch-json';

export interface Permission {
  allowed: boolean;
  /** Why not, in words a person can act on. */
  reason?: string;
}

export interface SidecarSetPermissions {
  upgrade: Permission;
  pause: Permission;
}

export const permissionsKey = (name: string) => `/api/sidecarsets/${encodeURIComponent(name)}/permissions`;

/**
 * What the cluster will let this browser's identity do to a SidecarSet. Asked once per page and context (it
 * changes with RBAC, not with the rollout), so it is not kept live.
 */
export function usePermissions(name: string) {
  return useSWR<SidecarSetPermissions, ApiError>(permissionsKey(name), getJson<SidecarSetPermissions>, { revalidateIfStale: false });
}
