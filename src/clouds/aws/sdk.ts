// The real ports over @aws-sdk/client-ec2 and @aws-sdk/client-iam.

import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import type { Credentials } from '../credentials.ts';
import type { Ec2Port, IamPort } from './port.ts';

function awsCredentials(credentials: Credentials) {
  const s = credentials.reveal();
  return {
    accessKeyId: s.accessKeyId ?? '',
    secretAccessKey: s.secretAccessKey ?? '',
    sessionToken: s.sessionToken,
  };
}

export function ec2Port(region: string, credentials: Credentials): Ec2Port {
  const c = new ec2.EC2Client({ region, credentials: awsCredentials(credentials), maxAttempts: 1 });
  return {
    runInstances: (i) => c.send(new ec2.RunInstancesCommand(i)),
    terminateInstances: (i) => c.send(new ec2.TerminateInstancesCommand(i)),
    describeInstances: (i) => c.send(new ec2.DescribeInstancesCommand(i)),
    describeInstanceTypeOfferings: (i) => c.send(new ec2.DescribeInstanceTypeOfferingsCommand(i)),
    describeSpotPriceHistory: (i) => c.send(new ec2.DescribeSpotPriceHistoryCommand(i)),
    describeSpotInstanceRequests: (i) => c.send(new ec2.DescribeSpotInstanceRequestsCommand(i)),
    createVpc: (i) => c.send(new ec2.CreateVpcCommand(i)),
    modifyVpcAttribute: (i) => c.send(new ec2.ModifyVpcAttributeCommand(i)),
    describeVpcs: (i) => c.send(new ec2.DescribeVpcsCommand(i)),
    deleteVpc: (i) => c.send(new ec2.DeleteVpcCommand(i)),
    createSubnet: (i) => c.send(new ec2.CreateSubnetCommand(i)),
    modifySubnetAttribute: (i) => c.send(new ec2.ModifySubnetAttributeCommand(i)),
    describeSubnets: (i) => c.send(new ec2.DescribeSubnetsCommand(i)),
    deleteSubnet: (i) => c.send(new ec2.DeleteSubnetCommand(i)),
    createInternetGateway: (i) => c.send(new ec2.CreateInternetGatewayCommand(i)),
    attachInternetGateway: (i) => c.send(new ec2.AttachInternetGatewayCommand(i)),
    describeInternetGateways: (i) => c.send(new ec2.DescribeInternetGatewaysCommand(i)),
    detachInternetGateway: (i) => c.send(new ec2.DetachInternetGatewayCommand(i)),
    deleteInternetGateway: (i) => c.send(new ec2.DeleteInternetGatewayCommand(i)),
    createRouteTable: (i) => c.send(new ec2.CreateRouteTableCommand(i)),
    createRoute: (i) => c.send(new ec2.CreateRouteCommand(i)),
    associateRouteTable: (i) => c.send(new ec2.AssociateRouteTableCommand(i)),
    describeRouteTables: (i) => c.send(new ec2.DescribeRouteTablesCommand(i)),
    disassociateRouteTable: (i) => c.send(new ec2.DisassociateRouteTableCommand(i)),
    deleteRouteTable: (i) => c.send(new ec2.DeleteRouteTableCommand(i)),
    createSecurityGroup: (i) => c.send(new ec2.CreateSecurityGroupCommand(i)),
    authorizeSecurityGroupIngress: (i) => c.send(new ec2.AuthorizeSecurityGroupIngressCommand(i)),
    describeSecurityGroups: (i) => c.send(new ec2.DescribeSecurityGroupsCommand(i)),
    deleteSecurityGroup: (i) => c.send(new ec2.DeleteSecurityGroupCommand(i)),
  };
}

export function iamPort(credentials: Credentials): IamPort {
  const c = new iam.IAMClient({
    region: 'us-east-1',
    credentials: awsCredentials(credentials),
    maxAttempts: 1,
  });
  return {
    getUser: (i) => c.send(new iam.GetUserCommand(i)),
    createUser: (i) => c.send(new iam.CreateUserCommand(i)),
    deleteUser: (i) => c.send(new iam.DeleteUserCommand(i)),
    getUserPolicy: (i) => c.send(new iam.GetUserPolicyCommand(i)),
    putUserPolicy: (i) => c.send(new iam.PutUserPolicyCommand(i)),
    deleteUserPolicy: (i) => c.send(new iam.DeleteUserPolicyCommand(i)),
    createAccessKey: (i) => c.send(new iam.CreateAccessKeyCommand(i)),
    listAccessKeys: (i) => c.send(new iam.ListAccessKeysCommand(i)),
    deleteAccessKey: (i) => c.send(new iam.DeleteAccessKeyCommand(i)),
    simulatePrincipalPolicy: (i) => c.send(new iam.SimulatePrincipalPolicyCommand(i)),
  };
}
