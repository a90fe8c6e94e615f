/**
 * Test fixtures: the reference samples (copied verbatim from the behavioural spec) parsed, plus small
 * builders. Only imported by *.test.ts files.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pod } from 'kubernetes-types/core/v1';
import { parseAllDocuments } from 'yaml';
import { isPlainObject } from '../../types';
import type { SidecarSet, SidecarSetV1alpha1 } from '../types';

const here = dirname(fileURLToPath(import.meta.url));

function loadDocs(file: string): unknown[] {
  return parseAllDocuments(readFileSync(join(here, file), 'utf8')).map((d) => d.toJS() as unknown);
}

export function sampleSidecarSets(): { stored: SidecarSet; alpha: SidecarSetV1alpha1; mosn: SidecarSetV1alpha1 } {
  const [stored, alpha, mosn] = loadDocs('sample-sidecarset-hotupgrade.yaml');
  return { stored: stored as SidecarSet, alpha: alpha as SidecarSetV1alpha1, mosn: mosn as SidecarSetV1alpha1 };
}

export function sampleInjectedPod(): Pod {
  return loadDocs('sample-pod-after-injection.yaml')[0] as Pod;
}

export interface TimelineStep {
  step: string;
  annotations?: Record<string, string>;
  'spec.images'?: Record<string, string>;
  sidecarSetCounters?: number[];
  status?: unknown;
}

export function timeline(): TimelineStep[] {
  return loadDocs('sample-pod-hotupgrade-timeline.yaml').filter(isPlainObject) as unknown as TimelineStep[];
}

export const clone = <T>(v: T): T => structuredClone(v);
