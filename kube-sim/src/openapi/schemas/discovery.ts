import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream discovery types (Kubernetes API reference).
export const discoveryTypes: SchemaTypes = {
  EndpointSlice: {
    d: 'EndpointSlice represents a set of service endpoints.',
    gvk: ['discovery.k8s.io', 'v1', 'EndpointSlice'],
    req: ['addressType', 'endpoints'],
    f: {
      addressType: ['s', 'addressType specifies the type of address carried by this EndpointSlice.'],
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      endpoints: ['[]Endpoint', 'endpoints is a list of unique endpoints in this slice.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      ports: [
        '[]EndpointPort',
        'ports specifies the list of network ports exposed by each endpoint in this slice.',
      ],
    },
  },
  Endpoint: {
    d: 'Endpoint represents a single logical "backend" implementing a service.',
    req: ['addresses'],
    f: {
      addresses: ['[]s', 'addresses of this endpoint.'],
      conditions: ['EndpointConditions', ''],
      deprecatedTopology: [
        '{}s',
        'deprecatedTopology contains topology information part of the v1beta1 API.',
      ],
      hints: ['EndpointHints', ''],
      hostname: ['s', 'hostname of this endpoint.'],
      nodeName: ['s', 'nodeName represents the name of the Node hosting this endpoint.'],
      targetRef: ['core.ObjectReference', ''],
      zone: ['s', 'zone is the name of the Zone this endpoint exists in.'],
    },
  },
  EndpointPort: {
    d: 'EndpointPort represents a Port used by an EndpointSlice',
    f: {
      appProtocol: ['s', 'The application protocol for this port.'],
      name: ['s', 'name represents the name of this port.'],
      port: ['i32', 'port represents the port number of the endpoint.'],
      protocol: ['s', 'protocol represents the IP protocol for this port.'],
    },
  },
  EndpointConditions: {
    d: 'EndpointConditions represents the current condition of an endpoint.',
    f: {
      ready: [
        'b',
        'ready indicates that this endpoint is ready to receive traffic, according to whatever system is managing the endpoint.',
      ],
      serving: [
        'b',
        'serving indicates that this endpoint is able to receive traffic, according to whatever system is managing the endpoint.',
      ],
      terminating: ['b', 'terminating indicates that this endpoint is terminating.'],
    },
  },
  EndpointHints: {
    d: 'EndpointHints provides hints describing how an endpoint should be consumed.',
    f: {
      forNodes: [
        '[]ForNode',
        'forNodes indicates the node(s) this endpoint should be consumed by when using topology aware routing.',
      ],
      forZones: [
        '[]ForZone',
        'forZones indicates the zone(s) this endpoint should be consumed by when using topology aware routing.',
      ],
    },
  },
  ForNode: {
    d: 'ForNode provides information about which nodes should consume this endpoint.',
    req: ['name'],
    f: {
      name: ['s', 'name represents the name of the node.'],
    },
  },
  ForZone: {
    d: 'ForZone provides information about which zones should consume this endpoint.',
    req: ['name'],
    f: {
      name: ['s', 'name represents the name of the zone.'],
    },
  },
};
