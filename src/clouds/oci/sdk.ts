// The real OCI ports over oci-core (ComputeClient, VirtualNetworkClient) and oci-identity
// (IdentityClient), signed with the user's API key.

import * as common from 'oci-common';
import * as core from 'oci-core';
import * as identity from 'oci-identity';
import type { Credentials } from '../credentials.ts';
import type { OciComputePort, OciIdentityPort, OciInstance, OciNetworkPort, OciPorts } from './port.ts';

function authProvider(region: string, credentials: Credentials): common.SimpleAuthenticationDetailsProvider {
  const s = credentials.reveal();
  const r = common.Region.fromRegionId(region);
  return new common.SimpleAuthenticationDetailsProvider(
    s.tenancyId ?? '',
    s.userId ?? '',
    s.fingerprint ?? '',
    s.privateKeyPem ?? '',
    null,
    r,
  );
}

const obj = (o: { id: string; displayName?: string; name?: string; lifecycleState?: string }) => ({
  id: o.id,
  displayName: o.displayName ?? o.name ?? '',
  name: o.name ?? o.displayName ?? '',
  lifecycleState: o.lifecycleState ? String(o.lifecycleState) : undefined,
});

function toInstance(i: core.models.Instance): OciInstance {
  return {
    id: i.id,
    displayName: i.displayName,
    availabilityDomain: i.availabilityDomain,
    shape: i.shape,
    region: i.region,
    lifecycleState: String(i.lifecycleState),
    timeCreated: i.timeCreated ? new Date(i.timeCreated).toISOString() : undefined,
    freeformTags: i.freeformTags,
    preemptible: i.preemptibleInstanceConfig !== undefined,
  };
}

function computePort(c: core.ComputeClient): OciComputePort {
  return {
    launchInstance: async (d, opcRetryToken) =>
      toInstance(
        (
          await c.launchInstance({
            launchInstanceDetails: d as core.models.LaunchInstanceDetails,
            opcRetryToken,
          })
        ).instance,
      ),
    terminateInstance: async (instanceId) => void (await c.terminateInstance({ instanceId })),
    listInstances: async ({ compartmentId }) => {
      const out: OciInstance[] = [];
      let page: string | undefined;
      do {
        const res = await c.listInstances({ compartmentId, page });
        out.push(...res.items.map(toInstance));
        page = res.opcNextPage;
      } while (page);
      return out;
    },
    listShapes: async (r) => (await c.listShapes(r)).items.map((s) => s.shape),
  };
}

function networkPort(n: core.VirtualNetworkClient): OciNetworkPort {
  return {
    listVcns: async (r) => (await n.listVcns(r)).items.map(obj),
    createVcn: async (d) => obj((await n.createVcn({ createVcnDetails: d })).vcn),
    deleteVcn: async (vcnId) => void (await n.deleteVcn({ vcnId })),
    listInternetGateways: async (r) => (await n.listInternetGateways(r)).items.map(obj),
    createInternetGateway: async (d) =>
      obj((await n.createInternetGateway({ createInternetGatewayDetails: d })).internetGateway),
    deleteInternetGateway: async (igId) => void (await n.deleteInternetGateway({ igId })),
    listRouteTables: async (r) => (await n.listRouteTables(r)).items.map(obj),
    createRouteTable: async (d) =>
      obj(
        (await n.createRouteTable({ createRouteTableDetails: d as core.models.CreateRouteTableDetails }))
          .routeTable,
      ),
    deleteRouteTable: async (rtId) => void (await n.deleteRouteTable({ rtId })),
    listSecurityLists: async (r) => (await n.listSecurityLists(r)).items.map(obj),
    createSecurityList: async (d) =>
      obj(
        (
          await n.createSecurityList({
            createSecurityListDetails: d as core.models.CreateSecurityListDetails,
          })
        ).securityList,
      ),
    deleteSecurityList: async (securityListId) => void (await n.deleteSecurityList({ securityListId })),
    listSubnets: async (r) =>
      (await n.listSubnets(r)).items.map((s) => ({ ...obj(s), securityListIds: s.securityListIds })),
    createSubnet: async (d) => obj((await n.createSubnet({ createSubnetDetails: d })).subnet),
    updateSubnetSecurityLists: async ({ subnetId, securityListIds }) =>
      void (await n.updateSubnet({ subnetId, updateSubnetDetails: { securityListIds } })),
    deleteSubnet: async (subnetId) => void (await n.deleteSubnet({ subnetId })),
  };
}

function identityPort(c: identity.IdentityClient): OciIdentityPort {
  return {
    listUsers: async (r) => (await c.listUsers(r)).items.map(obj),
    createUser: async (d) => obj((await c.createUser({ createUserDetails: d })).user),
    deleteUser: async (userId) => void (await c.deleteUser({ userId })),
    listGroups: async (r) => (await c.listGroups(r)).items.map(obj),
    createGroup: async (d) => obj((await c.createGroup({ createGroupDetails: d })).group),
    deleteGroup: async (groupId) => void (await c.deleteGroup({ groupId })),
    listUserGroupMemberships: async (r) =>
      (await c.listUserGroupMemberships(r)).items.map((m) => obj({ ...m, name: m.id })),
    addUserToGroup: async (d) => {
      const m = (await c.addUserToGroup({ addUserToGroupDetails: d })).userGroupMembership;
      return obj({ ...m, name: m.id });
    },
    removeUserFromGroup: async (userGroupMembershipId) =>
      void (await c.removeUserFromGroup({ userGroupMembershipId })),
    listPolicies: async (r) => (await c.listPolicies(r)).items.map(obj),
    createPolicy: async (d) => obj((await c.createPolicy({ createPolicyDetails: d })).policy),
    deletePolicy: async (policyId) => void (await c.deletePolicy({ policyId })),
    listApiKeys: async (userId) =>
      (await c.listApiKeys({ userId })).items.map((k) =>
        obj({ id: k.fingerprint ?? '', name: k.fingerprint ?? '', lifecycleState: k.lifecycleState }),
      ),
    uploadApiKey: async ({ userId, publicKeyPem }) => {
      const k = (await c.uploadApiKey({ userId, createApiKeyDetails: { key: publicKeyPem } })).apiKey;
      return obj({ id: k.fingerprint ?? '', name: k.fingerprint ?? '' });
    },
    deleteApiKey: async (r) => void (await c.deleteApiKey(r)),
  };
}

export function ociPorts(region: string, credentials: Credentials): OciPorts {
  const authenticationDetailsProvider = authProvider(region, credentials);
  return {
    compute: computePort(new core.ComputeClient({ authenticationDetailsProvider })),
    network: networkPort(new core.VirtualNetworkClient({ authenticationDetailsProvider })),
    identity: identityPort(new identity.IdentityClient({ authenticationDetailsProvider })),
  };
}
