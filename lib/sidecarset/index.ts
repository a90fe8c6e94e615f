/**
 * The SidecarSet domain, pure: functions over SidecarSet, Pod, Namespace and Event objects (no I/O, no clock).
 * Grouped by concept, each with its own index: kruise (Kruise's rules), views (what pages show), timeline,
 * verdict, changes. Outside this folder import from here or from a concept (`@/lib/sidecarset/timeline`),
 * never from a file inside one: lint enforces it.
 */
export * from './kruise';
export * from './views';
export * from './timeline';
export * from './verdict';
export * from './changes';
