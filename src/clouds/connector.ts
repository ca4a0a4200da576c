// From an EdgeLocation's cloud, region, scope and stored credentials to a CloudProvider: the one
// place the controllers choose between the simulated world and the real SDK adapters.

import type { Catalog, CloudName } from '../catalog/types.ts';
import type { Credentials } from './credentials.ts';
import { InvalidRequestError } from './errors.ts';
import type { SimClouds } from './sim/world.ts';
import type { Clock, CloudProvider } from './types.ts';

export interface ConnectRequest {
  cloud: CloudName;
  region: string;
  credentials: Credentials;
  /** GCP project id; OCI compartment OCID (the tenancy comes from the credentials). */
  scope?: string;
  /** OCI only: the image edge nodes boot from. */
  imageId?: string;
}

export interface CloudConnector {
  /** Rejects credentials the cloud does not accept with AuthenticationError (simulated clouds at once). */
  connect(req: ConnectRequest): Promise<CloudProvider>;
}

/** The embedded world: every account is the simulated cloud; credentials must be ones it issued. */
export function simConnector(clouds: SimClouds): CloudConnector {
  return { connect: async (req) => clouds[req.cloud].connect(req.credentials) };
}

/** Real accounts through the SDK adapters (SDKs loaded on first use). */
export function sdkConnector(deps: { catalog: Catalog; clock: Clock }): CloudConnector {
  return {
    async connect(req) {
      const base = { ...deps, region: req.region, credentials: req.credentials };
      switch (req.cloud) {
        case 'aws':
          return (await import('./aws/index.ts')).createAwsCloud(base);
        case 'gcp':
          return (await import('./gcp/index.ts')).createGcpCloud({
            ...base,
            project: requireScope(req, 'GCP project'),
          });
        case 'oci': {
          const compartmentId = requireScope(req, 'OCI compartment');
          return (await import('./oci/index.ts')).createOciCloud({
            ...base,
            compartmentId,
            defaultImageId: req.imageId,
          });
        }
        default:
          throw new InvalidRequestError(
            `${req.cloud} has no SDK adapter (edge locations are aws, gcp or oci)`,
          );
      }
    },
  };
}

function requireScope(req: ConnectRequest, what: string): string {
  if (!req.scope) throw new InvalidRequestError(`a ${what} is required to connect to ${req.cloud}`);
  return req.scope;
}
