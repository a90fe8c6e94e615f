import type { Clock } from '../../clock';
import { ImagePullError } from './errors';
import { describeImage, type ImageInfo } from './image-catalogue';
import type { ImageView } from './inspect';

export interface PulledImage {
  info: ImageInfo;
  pullMs: number;
}

/** The node's image store: what has been pulled, and pulls that take (simulated) time or fail per the catalogue. */
export class ImageStore {
  private readonly images = new Map<string, ImageInfo>();

  constructor(private readonly clock: Clock) {}

  isPresent(image: string): boolean {
    const info = describeImage(image);
    return !('error' in info) && this.images.has(info.ref.normalized);
  }

  /** The catalogue entry of an image already on the node. */
  present(image: string): ImageInfo | undefined {
    const info = describeImage(image);
    return 'error' in info ? undefined : this.images.get(info.ref.normalized);
  }

  /** Pull (or re-check) an image; rejects with ImagePullError, or with the signal's reason when aborted. */
  pull(image: string, signal?: AbortSignal): Promise<PulledImage> {
    const info = describeImage(image);
    if ('error' in info) return Promise.reject(new ImagePullError(info.error, true));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const ms = info.pullError ? info.pullError.afterMs : this.images.has(info.ref.normalized) ? info.repullMs : info.pullMs;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        timer.cancel();
        reject(signal?.reason);
      };
      const timer = this.clock.after(ms, () => {
        signal?.removeEventListener('abort', onAbort);
        if (info.pullError) {
          reject(new ImagePullError(info.pullError.message));
          return;
        }
        this.images.set(info.ref.normalized, info);
        resolve({ info, pullMs: ms });
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  list(): ImageView[] {
    return [...this.images.values()].map((i) => ({ image: i.ref.normalized, imageID: i.imageID, sizeBytes: i.sizeBytes, model: i.model }));
  }
}
