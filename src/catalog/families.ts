// Instance family of an instance type, per cloud, as NodeTemplate `instanceFamilies` names it.
import type { CloudName } from './types.ts';

/**
 * aws `m5.large` → `m5`; gcp `n2-standard-2` → `n2`; oci `VM.Standard.E4.Flex$_4_16` → `VM.Standard.E4`;
 * azure `Standard_D2s_v5` → `Ds_v5` (size without its vCPU count, as in the Dsv5 series).
 */
export function instanceFamily(cloud: CloudName, instanceType: string): string {
  switch (cloud) {
    case 'aws':
      return instanceType.split('.')[0];
    case 'gcp':
      return instanceType.split('-')[0];
    case 'oci': {
      const parts = instanceType.split('$')[0].split('.');
      return parts.length > 2 ? parts.slice(0, -1).join('.') : parts.join('.');
    }
    case 'azure':
      return instanceType.replace(/^Standard_/, '').replace(/^([A-Z]+)\d+(-\d+)?/, '$1');
  }
}
