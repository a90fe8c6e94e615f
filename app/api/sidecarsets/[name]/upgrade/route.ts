import { sidecarSetChange } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Body `{"container": "mosn", "image": "…", "fromImage"?: "…"}`: change one sidecar image, never blindly. */
export const POST = sidecarSetChange((c, name, body) => c.upgrade(name, body));
