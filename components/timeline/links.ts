/** The deep link of one pod's page: its timeline and its view, as a member of one SidecarSet. */
export const podTimelineHref = (sidecarSet: string, namespace: string, pod: string): string =>
  `/sidecarsets/${encodeURIComponent(sidecarSet)}/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}`;
