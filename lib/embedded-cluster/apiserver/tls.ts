import { isIP } from 'node:net';
import { generate } from 'selfsigned';

export interface ServingCerts {
  /** PEM of the cluster CA: what kubeconfigs carry as certificate-authority-data. */
  caCert: string;
  cert: string;
  key: string;
}

/**
 * A throw-away CA and a serving certificate for this run, as kind or minikube create at cluster start.
 * TLS is not decoration here: kubectl only sends bearer tokens over https.
 */
export async function generateServingCerts(hosts: string[]): Promise<ServingCerts> {
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'embedded-cluster-ca' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const names = [...new Set(['localhost', '127.0.0.1', ...hosts])];
  const serving = await generate([{ name: 'commonName', value: 'embedded-apiserver' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  return { caCert: ca.cert, cert: serving.cert, key: serving.private };
}
