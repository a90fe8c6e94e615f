import type { Container, Pod } from 'kubernetes-types/core/v1';
import { simulatedSince, wallAfter, type Clock } from '../clock';
import { Backoff } from './backoff';
import { messages } from './events';
import { ImagePullError } from './runtime/errors';
import type { ImageInfo } from './runtime/image-catalogue';
import type { ContainerRuntime } from './runtime/runtime';

export type EnsureImageResult =
  | { ok: true; info: ImageInfo }
  | {
      ok: false;
      reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName' | 'ErrImageNeverPull';
      message: string;
      /** When (wall clock) a new sync should look again (back-off expiry), if ever. */
      retryAt?: number;
    };

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * After a failed pull the kubelet's pod worker syncs the pod again shortly; that sync finds the image in
 * back-off and reports ImagePullBackOff. 1 s stands in for "shortly".
 */
export const RESYNC_AFTER_PULL_FAILURE_MS = 1_000;

/**
 * The kubelet's image manager (EnsureImageExists): pull policy, "already present", and a per pod+image back-off
 * (10 s doubling to 300 s). The back-off is keyed by image, so publishing a different image is tried at once.
 */
export class ImagePuller {
  private readonly backoff: Backoff;
  private readonly prevError = new Map<string, string>();

  constructor(private readonly runtime: ContainerRuntime, private readonly clock: Clock) {
    this.backoff = new Backoff(undefined, undefined, clock.speed);
  }

  async ensure(pod: Pod, c: Container, emit: Emit, signal: AbortSignal): Promise<EnsureImageResult> {
    const image = c.image ?? '';
    const info = this.runtime.describeImage(image);
    if ('error' in info) {
      const message = messages.invalidImage(image, info.error);
      emit('Warning', 'InspectFailed', message);
      return { ok: false, reason: 'InvalidImageName', message };
    }
    const policy = c.imagePullPolicy ?? (info.ref.tag === 'latest' && !info.ref.digest ? 'Always' : 'IfNotPresent');
    const present = this.runtime.isImagePresent(image);
    if (present && policy !== 'Always') {
      emit('Normal', 'Pulled', messages.alreadyPresent(image));
      return { ok: true, info };
    }
    if (!present && policy === 'Never') {
      const message = messages.neverPull(image);
      emit('Warning', 'ErrImageNeverPull', message);
      return { ok: false, reason: 'ErrImageNeverPull', message };
    }
    const key = `${pod.metadata?.uid ?? ''}_${image}`;
    const now = this.clock.now();
    if (this.backoff.isInBackOffSinceUpdate(key, now)) {
      const failedAt = this.backoff.lastUpdate(key) ?? now;
      const prev = this.prevError.get(key);
      if (simulatedSince(this.clock, failedAt, now) < RESYNC_AFTER_PULL_FAILURE_MS && prev !== undefined) {
        // A sync right after the failure (e.g. PLEG noticing the killed container) is still within the time the
        // kubelet would not have looked again: the container stays in ErrImagePull.
        return { ok: false, reason: 'ErrImagePull', message: prev.replace(/^ErrImagePull: /, ''), retryAt: wallAfter(this.clock, failedAt, RESYNC_AFTER_PULL_FAILURE_MS) };
      }
      emit('Normal', 'BackOff', messages.backOffPull(image));
      emit('Warning', 'Failed', messages.error('ImagePullBackOff'));
      return {
        ok: false,
        reason: 'ImagePullBackOff',
        message: prev ? `${messages.backOffPull(image)}: ${prev}` : messages.backOffPull(image),
        retryAt: wallAfter(this.clock, failedAt, this.backoff.get(key)),
      };
    }
    this.prevError.delete(key);
    emit('Normal', 'Pulling', messages.pulling(image));
    try {
      const pulled = await this.runtime.pullImage(image, signal);
      // The clock's now() is wall time while pullMs is simulated: scale the elapsed wall time back to simulated
      // time, and never report less waiting than the pull itself (kubelet's total includes the pull).
      const total = Math.max(pulled.pullMs, (this.clock.now() - now) * this.clock.speed);
      emit('Normal', 'Pulled', messages.pulled(image, pulled.pullMs, total, pulled.info.sizeBytes));
      return { ok: true, info: pulled.info };
    } catch (e) {
      if (!(e instanceof ImagePullError)) throw e;
      const failedAt = this.clock.now();
      emit('Warning', 'Failed', messages.failedPull(image, e.message));
      this.backoff.next(key, failedAt);
      this.prevError.set(key, `ErrImagePull: ${e.message}`);
      emit('Warning', 'Failed', messages.error('ErrImagePull'));
      return { ok: false, reason: 'ErrImagePull', message: e.message, retryAt: wallAfter(this.clock, failedAt, RESYNC_AFTER_PULL_FAILURE_MS) };
    }
  }

  forgetPod(uid: string): void {
    this.backoff.forget(`${uid}_`);
    for (const k of [...this.prevError.keys()]) if (k.startsWith(`${uid}_`)) this.prevError.delete(k);
  }
}
