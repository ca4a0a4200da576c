import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export class RawApiError extends Error {
  constructor(
    readonly code: number,
    readonly body: string,
  ) {
    super(`HTTP ${code}: ${body.slice(0, 500)}`);
  }
}

/**
 * A plain JSON request with the kubeconfig's credentials. client-node's typed clients re-serialize
 * bodies through their models and drop keys they don't know (x-kubernetes-* in CRD schemas, fields
 * of newer API versions), so manifests that must arrive verbatim go through here.
 */
export interface RawRequest {
  method: string;
  path: string;
  body?: unknown;
  /** Default application/json. */
  contentType?: string;
}

export async function requestJson<T = unknown>(kc: KubeConfig, request: RawRequest): Promise<T> {
  const { method, path, body, contentType = 'application/json' } = request;
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const url = new URL(path, cluster.server);
  const opts: https.RequestOptions = { method, headers: { Accept: 'application/json' } };
  await kc.applyToHTTPSOptions(opts);
  const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  if (data !== undefined)
    opts.headers = {
      ...opts.headers,
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(data)),
    };
  return new Promise<T>((resolve, reject) => {
    const req = https.request(url, opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if ((res.statusCode ?? 500) >= 300) reject(new RawApiError(res.statusCode ?? 500, text));
        else resolve((text ? JSON.parse(text) : undefined) as T);
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}
