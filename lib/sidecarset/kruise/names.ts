/**
 * apimachinery's name rules (k8s.io/apimachinery/pkg/util/validation), in one place: every name the dashboard
 * takes from a URL or a request body, and every label-key prefix, is checked against these and nothing else.
 */
import { z } from 'zod';

/** IsDNS1123Label: namespaces, container names, SidecarSet names (Kruise validates them as labels). */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_LABEL_MAX = 63;
/** IsDNS1123Subdomain: pod names, label-key prefixes. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1123_SUBDOMAIN_MAX = 253;

export function isDns1123Label(s: string): boolean {
  return s.length <= DNS1123_LABEL_MAX && DNS1123_LABEL.test(s);
}

export function isDns1123Subdomain(s: string): boolean {
  return s.length <= DNS1123_SUBDOMAIN_MAX && DNS1123_SUBDOMAIN.test(s);
}

/** A zod schema for a DNS-1123 label, its messages naming what the value is (`container`, `SidecarSet name`). */
export function dns1123Label(what: string) {
  return z
    .string()
    .min(1, `${what} is required`)
    .max(DNS1123_LABEL_MAX, `${what} must be no more than ${DNS1123_LABEL_MAX} characters`)
    .regex(DNS1123_LABEL, `${what} must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit`);
}

export function dns1123Subdomain(what: string) {
  return z
    .string()
    .min(1, `${what} is required`)
    .max(DNS1123_SUBDOMAIN_MAX, `${what} must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`)
    .regex(DNS1123_SUBDOMAIN, `${what} must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit`);
}
