// A throw-away certificate for every venue host, made at start-up and never written to the repo.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createPublicKey } from 'node:crypto';

export interface ThrowAwayCert {
  key: string;
  cert: string;
  /** base64 SHA-256 of the DER public key, for --ignore-certificate-errors-spki-list. */
  spki: string;
}

export function makeCertificate(hosts: string[]): ThrowAwayCert {
  const dir = mkdtempSync(join(tmpdir(), 'qc-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', keyPath, '-out', certPath, '-subj', '/CN=quickcancel-simulator',
      '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    ], { stdio: 'pipe' });
    const key = readFileSync(keyPath, 'utf8');
    const cert = readFileSync(certPath, 'utf8');
    const der = createPublicKey(cert).export({ type: 'spki', format: 'der' });
    return { key, cert, spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
