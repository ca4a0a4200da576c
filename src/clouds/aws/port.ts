// The SDK calls the AWS adapter makes, and nothing else: tests substitute a recording fake here.

import type * as ec2 from '@aws-sdk/client-ec2';
import type * as iam from '@aws-sdk/client-iam';

export interface Ec2Port {
  runInstances(input: ec2.RunInstancesCommandInput): Promise<ec2.RunInstancesCommandOutput>;
  terminateInstances(input: ec2.TerminateInstancesCommandInput): Promise<ec2.TerminateInstancesCommandOutput>;
  describeInstances(input: ec2.DescribeInstancesCommandInput): Promise<ec2.DescribeInstancesCommandOutput>;
  describeInstanceTypeOfferings(
    input: ec2.DescribeInstanceTypeOfferingsCommandInput,
  ): Promise<ec2.DescribeInstanceTypeOfferingsCommandOutput>;
  describeSpotPriceHistory(
    input: ec2.DescribeSpotPriceHistoryCommandInput,
  ): Promise<ec2.DescribeSpotPriceHistoryCommandOutput>;
  describeSpotInstanceRequests(
    input: ec2.DescribeSpotInstanceRequestsCommandInput,
  ): Promise<ec2.DescribeSpotInstanceRequestsCommandOutput>;
  createVpc(input: ec2.CreateVpcCommandInput): Promise<ec2.CreateVpcCommandOutput>;
  modifyVpcAttribute(input: ec2.ModifyVpcAttributeCommandInput): Promise<ec2.ModifyVpcAttributeCommandOutput>;
  describeVpcs(input: ec2.DescribeVpcsCommandInput): Promise<ec2.DescribeVpcsCommandOutput>;
  deleteVpc(input: ec2.DeleteVpcCommandInput): Promise<ec2.DeleteVpcCommandOutput>;
  createSubnet(input: ec2.CreateSubnetCommandInput): Promise<ec2.CreateSubnetCommandOutput>;
  modifySubnetAttribute(
    input: ec2.ModifySubnetAttributeCommandInput,
  ): Promise<ec2.ModifySubnetAttributeCommandOutput>;
  describeSubnets(input: ec2.DescribeSubnetsCommandInput): Promise<ec2.DescribeSubnetsCommandOutput>;
  deleteSubnet(input: ec2.DeleteSubnetCommandInput): Promise<ec2.DeleteSubnetCommandOutput>;
  createInternetGateway(
    input: ec2.CreateInternetGatewayCommandInput,
  ): Promise<ec2.CreateInternetGatewayCommandOutput>;
  attachInternetGateway(
    input: ec2.AttachInternetGatewayCommandInput,
  ): Promise<ec2.AttachInternetGatewayCommandOutput>;
  describeInternetGateways(
    input: ec2.DescribeInternetGatewaysCommandInput,
  ): Promise<ec2.DescribeInternetGatewaysCommandOutput>;
  detachInternetGateway(
    input: ec2.DetachInternetGatewayCommandInput,
  ): Promise<ec2.DetachInternetGatewayCommandOutput>;
  deleteInternetGateway(
    input: ec2.DeleteInternetGatewayCommandInput,
  ): Promise<ec2.DeleteInternetGatewayCommandOutput>;
  createRouteTable(input: ec2.CreateRouteTableCommandInput): Promise<ec2.CreateRouteTableCommandOutput>;
  createRoute(input: ec2.CreateRouteCommandInput): Promise<ec2.CreateRouteCommandOutput>;
  associateRouteTable(
    input: ec2.AssociateRouteTableCommandInput,
  ): Promise<ec2.AssociateRouteTableCommandOutput>;
  describeRouteTables(
    input: ec2.DescribeRouteTablesCommandInput,
  ): Promise<ec2.DescribeRouteTablesCommandOutput>;
  disassociateRouteTable(
    input: ec2.DisassociateRouteTableCommandInput,
  ): Promise<ec2.DisassociateRouteTableCommandOutput>;
  deleteRouteTable(input: ec2.DeleteRouteTableCommandInput): Promise<ec2.DeleteRouteTableCommandOutput>;
  createSecurityGroup(
    input: ec2.CreateSecurityGroupCommandInput,
  ): Promise<ec2.CreateSecurityGroupCommandOutput>;
  authorizeSecurityGroupIngress(
    input: ec2.AuthorizeSecurityGroupIngressCommandInput,
  ): Promise<ec2.AuthorizeSecurityGroupIngressCommandOutput>;
  describeSecurityGroups(
    input: ec2.DescribeSecurityGroupsCommandInput,
  ): Promise<ec2.DescribeSecurityGroupsCommandOutput>;
  deleteSecurityGroup(
    input: ec2.DeleteSecurityGroupCommandInput,
  ): Promise<ec2.DeleteSecurityGroupCommandOutput>;
}

export interface IamPort {
  getUser(input: iam.GetUserCommandInput): Promise<iam.GetUserCommandOutput>;
  createUser(input: iam.CreateUserCommandInput): Promise<iam.CreateUserCommandOutput>;
  deleteUser(input: iam.DeleteUserCommandInput): Promise<iam.DeleteUserCommandOutput>;
  getUserPolicy(input: iam.GetUserPolicyCommandInput): Promise<iam.GetUserPolicyCommandOutput>;
  putUserPolicy(input: iam.PutUserPolicyCommandInput): Promise<iam.PutUserPolicyCommandOutput>;
  deleteUserPolicy(input: iam.DeleteUserPolicyCommandInput): Promise<iam.DeleteUserPolicyCommandOutput>;
  createAccessKey(input: iam.CreateAccessKeyCommandInput): Promise<iam.CreateAccessKeyCommandOutput>;
  listAccessKeys(input: iam.ListAccessKeysCommandInput): Promise<iam.ListAccessKeysCommandOutput>;
  deleteAccessKey(input: iam.DeleteAccessKeyCommandInput): Promise<iam.DeleteAccessKeyCommandOutput>;
  simulatePrincipalPolicy(
    input: iam.SimulatePrincipalPolicyCommandInput,
  ): Promise<iam.SimulatePrincipalPolicyCommandOutput>;
}

/** EC2 is regional; one port per region. */
export type Ec2PortFor = (region: string) => Ec2Port;
