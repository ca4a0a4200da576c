// CloudProviders over the SDK adapters (real clouds). Credentials come from the location's Secret:
// AWS {principal: access key id, accessKeyId, secretAccessKey}; GCP {principal: email, serviceAccountJson};
// OCI {principal: user OCID, tenancyId, userId, fingerprint, privateKeyPem} with spec.oci.compartmentId.
import type { Catalog, CloudName } from '../../catalog/types.ts';
import { AuthenticationError, InvalidRequestError } from '../../clouds/errors.ts';
import type { Credentials } from '../../clouds/credentials.ts';
import type { Clock, CloudProvider } from '../../clouds/types.ts';
import type { CloudProviders, ProviderScope } from './ports.ts';

export interface SdkProviderOptions {
  catalog: Catalog;
  clock: Clock;
}

async function connect(cloud: CloudName, credentials: Credentials, where: ProviderScope, o: SdkProviderOptions): Promise<CloudProvider> {
  if (cloud === 'aws') {
    const { createAwsCloud } = await import('../../clouds/aws/index.ts');
    return createAwsCloud({ region: where.region, credentials, catalog: o.catalog, clock: o.clock });
  }
  if (cloud === 'gcp') {
    if (!where.scope) throw new InvalidRequestError('gcp: spec.gcp.projectId must be set');
    const { createGcpCloud } = await import('../../clouds/gcp/index.ts');
    return createGcpCloud({ project: where.scope, credentials, catalog: o.catalog, clock: o.clock });
  }
  if (cloud === 'oci') {
    if (!where.scope) throw new InvalidRequestError('oci: spec.oci.compartmentId must be set');
    const { createOciCloud } = await import('../../clouds/oci/index.ts');
    return createOciCloud({ region: where.region, compartmentId: where.scope, credentials, catalog: o.catalog, clock: o.clock });
  }
  throw new InvalidRequestError(`${cloud}: edge locations are AWS, GCP or OCI regions`);
}

export function sdkCloudProviders(o: SdkProviderOptions): CloudProviders {
  return {
    async forLocation(cloud, credentials, where) {
      if (!credentials) throw new AuthenticationError(`${cloud}: no credentials: set spec.credentialsSecretRef to a Secret in castai-omni`);
      return connect(cloud, credentials, where, o);
    },
  };
}
