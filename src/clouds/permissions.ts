// Least-privilege permission lists per cloud, from the product documentation (seed doc) and the
// public Terraform modules for edge locations (research file). Two lists per cloud:
//   onboarding — what the credentials that onboard a location must hold (checked by preflight);
//   edgeNode   — what omni grants the identity it creates for the location (nothing more).

import type { CloudName } from '../catalog/types.ts';

const AWS_EC2_DESCRIBE = [
  'ec2:DescribeAccountAttributes',
  'ec2:DescribeAddresses',
  'ec2:DescribeAvailabilityZones',
  'ec2:DescribeImages',
  'ec2:DescribeInstanceStatus',
  'ec2:DescribeInstances',
  'ec2:DescribeKeyPairs',
  'ec2:DescribeNatGateways',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeRegions',
  'ec2:DescribeRouteTables',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeTags',
  'ec2:DescribeVolumes',
  'ec2:DescribeVpcAttribute',
  'ec2:DescribeVpcClassicLink',
  'ec2:DescribeVpcEndpoints',
  'ec2:DescribeVpcPeeringConnections',
  'ec2:DescribeVpcs',
];

/** The seed doc's EC2 list, plus what "create and manage security groups" and "IAM users and policies" need. */
export const AWS_ONBOARDING_PERMISSIONS: readonly string[] = [
  ...AWS_EC2_DESCRIBE,
  'ec2:CreateVpc',
  'ec2:DeleteVpc',
  'ec2:ModifyVpcAttribute',
  'ec2:CreateSubnet',
  'ec2:DeleteSubnet',
  'ec2:ModifySubnetAttribute',
  'ec2:CreateRouteTable',
  'ec2:DeleteRouteTable',
  'ec2:AssociateRouteTable',
  'ec2:DisassociateRouteTable',
  'ec2:CreateRoute',
  'ec2:DeleteRoute',
  'ec2:ReplaceRoute',
  'ec2:CreateInternetGateway',
  'ec2:DeleteInternetGateway',
  'ec2:AttachInternetGateway',
  'ec2:DetachInternetGateway',
  'ec2:CreateNatGateway',
  'ec2:DeleteNatGateway',
  'ec2:CreateEgressOnlyInternetGateway',
  'ec2:DeleteEgressOnlyInternetGateway',
  'ec2:AllocateAddress',
  'ec2:ReleaseAddress',
  'ec2:AssociateAddress',
  'ec2:DisassociateAddress',
  'ec2:CreateSecurityGroup',
  'ec2:DeleteSecurityGroup',
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:CreateTags',
  'iam:CreateUser',
  'iam:DeleteUser',
  'iam:GetUser',
  'iam:TagUser',
  'iam:PutUserPolicy',
  'iam:DeleteUserPolicy',
  'iam:CreateAccessKey',
  'iam:DeleteAccessKey',
  'iam:ListAccessKeys',
];

/** The edge location's own IAM user policy (terraform-castai-omni-edge-location-aws v1). */
export const AWS_EDGE_NODE_ACTIONS: readonly string[] = [
  'ec2:DescribeAccountAttributes',
  'ec2:DescribeAddresses',
  'ec2:DescribeAvailabilityZones',
  'ec2:DescribeImages',
  'ec2:DescribeInstanceStatus',
  'ec2:DescribeInstances',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeKeyPairs',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeRegions',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeTags',
  'ec2:DescribeVolumes',
  'ec2:DescribeVpcs',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeRouteTables',
  'ec2:DescribeSpotInstanceRequests',
  'ec2:DescribeSpotPriceHistory',
  'ec2:RunInstances',
  'ec2:TerminateInstances',
  'ec2:StopInstances',
  'ec2:StartInstances',
  'ec2:RebootInstances',
  'ec2:CreateTags',
  'ec2:DeleteTags',
  'ec2:CreateVolume',
  'ec2:DeleteVolume',
  'ec2:AttachVolume',
  'ec2:DetachVolume',
  'iam:ListInstanceProfiles',
  'iam:ListRoles',
  'iam:PassRole',
];

/** GCP permissions the onboarding credentials need (checked with projects.testIamPermissions). */
export const GCP_ONBOARDING_PERMISSIONS: readonly string[] = [
  'compute.networks.create',
  'compute.networks.delete',
  'compute.networks.get',
  'compute.subnetworks.create',
  'compute.subnetworks.delete',
  'compute.subnetworks.get',
  'compute.firewalls.create',
  'compute.firewalls.delete',
  'compute.firewalls.get',
  'iam.serviceAccounts.create',
  'iam.serviceAccounts.delete',
  'iam.serviceAccounts.get',
  'iam.serviceAccountKeys.create',
  'iam.serviceAccountKeys.delete',
  'iam.serviceAccountKeys.list',
  'resourcemanager.projects.getIamPolicy',
  'resourcemanager.projects.setIamPolicy',
];

/** The roles the seed doc names, bound to the location's service account. */
export const GCP_EDGE_NODE_ROLES: readonly string[] = [
  'roles/compute.instanceAdmin.v1',
  'roles/iam.serviceAccountUser',
];

/** OCI has no permission-test API: preflight probes one read per family (see oci/onboarding.ts). */
export const OCI_ONBOARDING_PERMISSIONS: readonly string[] = [
  'manage virtual-network-family',
  'manage users',
  'manage groups',
  'manage policies',
  'manage instance-family',
];

/** The edge location's group policy (terraform-castai-omni-edge-location-oci). */
export function ociEdgeNodePolicyStatements(group: string, compartmentId: string): string[] {
  const where = `compartment id ${compartmentId}`;
  return [
    `Allow group ${group} to manage instance-family in ${where}`,
    `Allow group ${group} to manage volume-family in ${where}`,
    `Allow group ${group} to use virtual-network-family in ${where}`,
    `Allow group ${group} to read virtual-network-family in ${where}`,
    `Allow group ${group} to read users in tenancy`,
    `Allow group ${group} to read groups in tenancy`,
    `Allow group ${group} to read compartments in tenancy`,
  ];
}

/** Azure is only a main-cluster cloud; its simulated onboarding checks these for completeness. */
export const AZURE_ONBOARDING_PERMISSIONS: readonly string[] = [
  'Microsoft.Network/virtualNetworks/write',
  'Microsoft.Network/virtualNetworks/delete',
  'Microsoft.Network/networkSecurityGroups/write',
  'Microsoft.Network/networkSecurityGroups/delete',
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleAssignments/delete',
];

export const ONBOARDING_PERMISSIONS: Record<CloudName, readonly string[]> = {
  aws: AWS_ONBOARDING_PERMISSIONS,
  gcp: GCP_ONBOARDING_PERMISSIONS,
  oci: OCI_ONBOARDING_PERMISSIONS,
  azure: AZURE_ONBOARDING_PERMISSIONS,
};

/** Firewall ports every edge location opens (HTTPS, Kubernetes API, WireGuard tunnel). */
export const EDGE_INGRESS_PORTS: readonly { protocol: 'tcp' | 'udp'; port: number }[] = [
  { protocol: 'tcp', port: 443 },
  { protocol: 'tcp', port: 6443 },
  { protocol: 'udp', port: 51840 },
];
