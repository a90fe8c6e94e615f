import { MosnProcess } from '../../mosn/mosn-process';
import type { ProcessContext, SimProcess } from './process';
import { EmptyProcess, IdleProcess } from './processes/idle';
import { NginxProcess } from './processes/nginx';
import { SampleSidecarProcess } from './processes/sample-sidecar';

/** The process model the catalogue chose for the image, with its modifiers applied. */
export function createProcess(ctx: ProcessContext): SimProcess {
  const proc = construct(ctx);
  proc.ignoreSigterm = ctx.image.ignoresSigterm;
  return proc;
}

function construct(ctx: ProcessContext): SimProcess {
  switch (ctx.image.model) {
    case 'mosn':
      return new MosnProcess(ctx);
    case 'sample-sidecar':
      return new SampleSidecarProcess(ctx);
    case 'nginx':
      return new NginxProcess(ctx);
    case 'empty':
      return new EmptyProcess(ctx);
    case 'idle':
      return new IdleProcess(ctx);
  }
}
