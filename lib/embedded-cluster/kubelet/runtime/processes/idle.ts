import { SimProcess } from '../process';

/** Any image without a richer model: it runs until stopped and listens on nothing. */
export class IdleProcess extends SimProcess {
  readonly model: string = 'idle';
  protected onStart(): void {
    this.state = 'idle';
  }
}

/**
 * The hot-upgrade "empty" image (openkruise/hotupgrade-sample:empty runs the sample's binary with Version=empty,
 * which just blocks). It occupies the standby slot and serves nothing.
 */
export class EmptyProcess extends IdleProcess {
  override readonly model: string = 'empty';
}
