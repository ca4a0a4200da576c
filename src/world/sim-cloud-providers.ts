// The embedded world's CloudProviders: the simulated clouds, reached with the location's credentials
// (the root account when it names none). Unknown credentials are rejected as a real cloud would.
import type { SimClouds } from '../clouds/sim/index.ts';
import type { CloudProviders } from '../controllers/edge-location/ports.ts';

export function simCloudProviders(clouds: SimClouds): CloudProviders {
  return {
    async forLocation(cloud, credentials) {
      const sim = clouds[cloud];
      return sim.connect(credentials ?? sim.rootCredentials);
    },
  };
}
