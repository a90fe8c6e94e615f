/** Errors the runtime surfaces to its callers, with the texts the real components print. */

/** A pull that failed; `message` is what containerd returns (the kubelet wraps it in its event). */
export class ImagePullError extends Error {
  constructor(message: string, readonly invalidName = false) {
    super(message);
    this.name = 'ImagePullError';
  }
}

/**
 * A failure to reach a pod port through the API server's proxy. The message has Go's net error shape so the
 * API server can pass it on as kube-apiserver does ("error trying to reach service: ...").
 */
export class ProxyConnectionError extends Error {
  constructor(readonly code: 'ECONNREFUSED' | 'ECONNRESET', message: string) {
    super(message);
    this.name = 'ProxyConnectionError';
  }
}
