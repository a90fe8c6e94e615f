/**
 * MOSN hot-upgrade timings (spec §7.2, mosn/mosn pkg/server/reconfigure.go, pkg/network/transfer.go).
 * Durations are simulated milliseconds, scaled by the cluster clock's speed.
 */

/**
 * `graceful_timeout` T. Real MOSN defaults to 30 s; here it is 6 s so a whole hot upgrade (connections migrate in
 * [T, 2T), the old process exits at ≈ 3 s + 2T + 30 s) fits a demo you can watch. Everything derived from T keeps
 * MOSN's proportions, so a postStart hook must still block ≥ 2T after the handover for a lossless upgrade.
 */
export const MOSN_GRACEFUL_TIMEOUT_MS = 6_000;

/** The data listener; it speaks a multiplexed RPC protocol (bolt/XProtocol), whose connections migrate. */
export const MOSN_PORT = 2045;

/** `uds_dir` from the MOSN blog's mosn_config.json; both slots must mount the same emptyDir here. */
export const MOSN_UDS_DIR = '/home/admin/mosn/logs';
export const MOSN_RECONFIG_SOCK = `${MOSN_UDS_DIR}/reconfig.sock`;

/** A MOSN listens on reconfig.sock 1 s after it starts (it sleeps, unlinks the path, then listens). */
export const MOSN_RECONFIG_LISTEN_DELAY_MS = 1_000;

/** Dial reconfig.sock, dump config, pass the listener fds over listen.sock, ack: sub-second in practice. */
export const MOSN_FD_HANDOVER_MS = 300;

/** After the ack both processes accept on the shared socket for 3 s, then the old one stops accepting. */
export const MOSN_DUAL_ACCEPT_MS = 3_000;

/** WaitConnectionsDone waits 2×graceful_timeout plus 2×15 s before the old process exits by itself. */
export const MOSN_DRAIN_EXTRA_MS = 30_000;

/** A new MOSN gives up waiting for inherited fds after 10 s (GetInheritListeners) and exits. */
export const MOSN_INHERIT_TIMEOUT_MS = 10_000;

/** Where the old MOSN image's supervisord put its control socket: /dev/shm is shared by the whole pod. */
export const SUPERVISOR_DEVSHM_SOCK = '/dev/shm/supervisor.sock';
