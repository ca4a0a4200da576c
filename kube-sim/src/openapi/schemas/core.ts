import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream core types (Kubernetes API reference).
export const coreTypes: SchemaTypes = {
  Namespace: {
    d: 'Namespace provides a scope for Names.',
    gvk: ['', 'v1', 'Namespace'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['NamespaceSpec', 'Specification of the desired behavior of the Namespace.'],
      status: ['NamespaceStatus', 'Most recently observed status of the Namespace.'],
    },
  },
  Node: {
    d: 'Node is a worker node in Kubernetes.',
    gvk: ['', 'v1', 'Node'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['NodeSpec', 'Specification of the desired behavior of the Node.'],
      status: ['NodeStatus', 'Most recently observed status of the Node.'],
    },
  },
  Pod: {
    d: 'Pod is a collection of containers that can run on a host.',
    gvk: ['', 'v1', 'Pod'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['PodSpec', 'Specification of the desired behavior of the Pod.'],
      status: ['PodStatus', 'Most recently observed status of the Pod.'],
    },
  },
  Service: {
    d: 'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent...',
    gvk: ['', 'v1', 'Service'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['ServiceSpec', 'Specification of the desired behavior of the Service.'],
      status: ['ServiceStatus', 'Most recently observed status of the Service.'],
    },
  },
  Endpoints: {
    d: 'Endpoints is a collection of endpoints that implement the actual service.',
    gvk: ['', 'v1', 'Endpoints'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      subsets: ['[]EndpointSubset', 'The set of all endpoints is the union of all subsets.'],
    },
  },
  ConfigMap: {
    d: 'ConfigMap holds configuration data for pods to consume.',
    gvk: ['', 'v1', 'ConfigMap'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      binaryData: ['{}s', 'BinaryData contains the binary data.'],
      data: ['{}s', 'Data contains the configuration data.'],
      immutable: [
        'b',
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).',
      ],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
    },
  },
  Secret: {
    d: 'Secret holds secret data of a certain type.',
    gvk: ['', 'v1', 'Secret'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      data: ['{}s', 'Data contains the secret data.'],
      immutable: [
        'b',
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).',
      ],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      stringData: ['{}s', 'stringData allows specifying non-binary secret data in string form.'],
      type: ['s', 'Used to facilitate programmatic handling of secret data.'],
    },
  },
  ServiceAccount: {
    d: 'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets',
    gvk: ['', 'v1', 'ServiceAccount'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      automountServiceAccountToken: [
        'b',
        'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.',
      ],
      imagePullSecrets: [
        '[]LocalObjectReference',
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.',
      ],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      secrets: [
        '[]ObjectReference',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
      ],
    },
  },
  Event: {
    d: 'Event is a report of an event somewhere in the cluster.',
    gvk: ['', 'v1', 'Event'],
    req: ['involvedObject', 'metadata'],
    f: {
      action: ['s', 'What action was taken/failed regarding to the Regarding object.'],
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      count: ['i32', 'The number of times this event has occurred.'],
      eventTime: ['MicroTime', 'MicroTime is version of Time with microsecond level precision.'],
      firstTimestamp: ['Time', 'The time at which the event was first recorded.'],
      involvedObject: ['ObjectReference', ''],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      lastTimestamp: ['Time', 'The time at which the most recent occurrence of this event was recorded.'],
      message: ['s', 'A human-readable description of the status of this operation.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      reason: [
        's',
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ],
      related: ['ObjectReference', ''],
      reportingComponent: ['s', 'Name of the controller that emitted this Event, e.g.'],
      reportingInstance: ['s', 'ID of the controller instance, e.g.'],
      series: ['EventSeries', ''],
      source: ['EventSource', ''],
      type: ['s', 'Type of this event (Normal, Warning), new types could be added in the future'],
    },
  },
  PersistentVolumeClaim: {
    d: "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
    gvk: ['', 'v1', 'PersistentVolumeClaim'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: [
        'PersistentVolumeClaimSpec',
        'Specification of the desired behavior of the PersistentVolumeClaim.',
      ],
      status: ['PersistentVolumeClaimStatus', 'Most recently observed status of the PersistentVolumeClaim.'],
    },
  },
  PersistentVolume: {
    d: 'PersistentVolume (PV) is a storage resource provisioned by an administrator.',
    gvk: ['', 'v1', 'PersistentVolume'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['PersistentVolumeSpec', 'Specification of the desired behavior of the PersistentVolume.'],
      status: ['PersistentVolumeStatus', 'Most recently observed status of the PersistentVolume.'],
    },
  },
  Binding: {
    d: 'Binding ties one object to another; for example, a pod is bound to a node by a scheduler.',
    gvk: ['', 'v1', 'Binding'],
    req: ['target'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      target: ['ObjectReference', ''],
    },
  },
  TopologySelectorTerm: {
    d: 'A topology selector term represents the result of label queries.',
    f: {
      matchLabelExpressions: [
        '[]TopologySelectorLabelRequirement',
        'A list of topology selector requirements by labels.',
      ],
    },
  },
  PodTemplateSpec: {
    d: 'PodTemplateSpec describes the data a pod should have when created from a template',
    f: {
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['PodSpec', 'Specification of the desired behavior of the PodTemplateSpec.'],
    },
  },
  PodTemplate: {
    d: 'PodTemplate describes a template for creating copies of a predefined pod.',
    gvk: ['', 'v1', 'PodTemplate'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      template: ['PodTemplateSpec', ''],
    },
  },
  ReplicationController: {
    d: 'ReplicationController represents the configuration of a replication controller.',
    gvk: ['', 'v1', 'ReplicationController'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: [
        'ReplicationControllerSpec',
        'Specification of the desired behavior of the ReplicationController.',
      ],
      status: ['ReplicationControllerStatus', 'Most recently observed status of the ReplicationController.'],
    },
  },
  ResourceQuota: {
    d: 'ResourceQuota sets aggregate quota restrictions enforced per namespace',
    gvk: ['', 'v1', 'ResourceQuota'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['ResourceQuotaSpec', 'Specification of the desired behavior of the ResourceQuota.'],
      status: ['ResourceQuotaStatus', 'Most recently observed status of the ResourceQuota.'],
    },
  },
  LimitRange: {
    d: 'LimitRange sets resource usage limits for each kind of resource in a Namespace.',
    gvk: ['', 'v1', 'LimitRange'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['LimitRangeSpec', 'Specification of the desired behavior of the LimitRange.'],
    },
  },
  NamespaceSpec: {
    d: 'NamespaceSpec describes the attributes on a Namespace.',
    f: {
      finalizers: [
        '[]s',
        'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
      ],
    },
  },
  NamespaceStatus: {
    d: 'NamespaceStatus is information about the current status of a Namespace.',
    f: {
      conditions: [
        '[]NamespaceCondition',
        "Represents the latest available observations of a namespace's current state.",
      ],
      phase: ['s', 'Phase is the current lifecycle phase of the namespace.'],
    },
  },
  NodeSpec: {
    d: 'NodeSpec describes the attributes that a node is created with.',
    f: {
      configSource: ['NodeConfigSource', ''],
      externalID: ['s', 'Deprecated.'],
      podCIDR: ['s', 'PodCIDR represents the pod IP range assigned to the node.'],
      podCIDRs: [
        '[]s',
        'podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node.',
      ],
      providerID: [
        's',
        'ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>',
      ],
      taints: ['[]Taint', "If specified, the node's taints."],
      unschedulable: ['b', 'Unschedulable controls node schedulability of new pods.'],
    },
  },
  NodeStatus: {
    d: 'NodeStatus is information about the current status of a node.',
    f: {
      addresses: ['[]NodeAddress', 'List of addresses reachable to the node.'],
      allocatable: [
        '{}Quantity',
        'Allocatable represents the resources of a node that are available for scheduling.',
      ],
      capacity: ['{}Quantity', 'Capacity represents the total resources of a node.'],
      conditions: ['[]NodeCondition', 'Conditions is an array of current observed node conditions.'],
      config: ['NodeConfigStatus', ''],
      daemonEndpoints: ['NodeDaemonEndpoints', ''],
      features: ['NodeFeatures', ''],
      images: ['[]ContainerImage', 'List of container images on this node'],
      nodeInfo: ['NodeSystemInfo', ''],
      phase: ['s', 'NodePhase is the recently observed lifecycle phase of the node.'],
      runtimeHandlers: ['[]NodeRuntimeHandler', 'The available runtime handlers.'],
      volumesAttached: ['[]AttachedVolume', 'List of volumes that are attached to the node.'],
      volumesInUse: ['[]s', 'List of attachable volumes in use (mounted) by the node.'],
    },
  },
  PodSpec: {
    d: 'PodSpec is a description of a pod.',
    req: ['containers'],
    f: {
      activeDeadlineSeconds: [
        'i64',
        'Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers.',
      ],
      affinity: ['Affinity', ''],
      automountServiceAccountToken: [
        'b',
        'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
      ],
      containers: ['[]Container', 'List of containers belonging to the pod.'],
      dnsConfig: ['PodDNSConfig', ''],
      dnsPolicy: ['s', 'Set DNS policy for the pod.'],
      enableServiceLinks: [
        'b',
        "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links.",
      ],
      ephemeralContainers: ['[]EphemeralContainer', 'List of ephemeral containers run in this pod.'],
      hostAliases: [
        '[]HostAlias',
        "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified.",
      ],
      hostIPC: ['b', "Use the host's ipc namespace."],
      hostNetwork: ['b', 'Host networking requested for this pod.'],
      hostPID: ['b', "Use the host's pid namespace."],
      hostUsers: ['b', "Use the host's user namespace."],
      hostname: [
        's',
        "Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value.",
      ],
      hostnameOverride: [
        's',
        "HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod.",
      ],
      imagePullSecrets: [
        '[]LocalObjectReference',
        'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.',
      ],
      initContainers: ['[]Container', 'List of initialization containers belonging to the pod.'],
      nodeName: ['s', 'NodeName indicates in which node this pod is scheduled.'],
      nodeSelector: ['{}s', 'NodeSelector is a selector which must be true for the pod to fit on a node.'],
      os: ['PodOS', ''],
      overhead: [
        '{}Quantity',
        'Overhead represents the resource overhead associated with running a pod for a given RuntimeClass.',
      ],
      preemptionPolicy: ['s', 'PreemptionPolicy is the Policy for preempting pods with lower priority.'],
      priority: ['i32', 'The priority value.'],
      priorityClassName: ['s', "If specified, indicates the pod's priority."],
      readinessGates: [
        '[]PodReadinessGate',
        'If specified, all readiness gates will be evaluated for pod readiness.',
      ],
      resourceClaims: [
        '[]PodResourceClaim',
        'ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start.',
      ],
      resources: ['ResourceRequirements', ''],
      restartPolicy: ['s', 'Restart policy for all containers within the pod.'],
      runtimeClassName: [
        's',
        'RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.',
      ],
      schedulerName: ['s', 'If specified, the pod will be dispatched by specified scheduler.'],
      schedulingGates: [
        '[]PodSchedulingGate',
        'SchedulingGates is an opaque list of values that if specified will block scheduling the pod.',
      ],
      securityContext: ['PodSecurityContext', ''],
      serviceAccount: ['s', 'DeprecatedServiceAccount is a deprecated alias for ServiceAccountName.'],
      serviceAccountName: [
        's',
        'ServiceAccountName is the name of the ServiceAccount to use to run this pod.',
      ],
      setHostnameAsFQDN: [
        'b',
        "If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default).",
      ],
      shareProcessNamespace: [
        'b',
        'Share a single process namespace between all of the containers in a pod.',
      ],
      subdomain: [
        's',
        'If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>".',
      ],
      terminationGracePeriodSeconds: [
        'i64',
        'Optional duration in seconds the pod needs to terminate gracefully.',
      ],
      tolerations: ['[]Toleration', "If specified, the pod's tolerations."],
      topologySpreadConstraints: [
        '[]TopologySpreadConstraint',
        'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains.',
      ],
      volumes: ['[]Volume', 'List of volumes that can be mounted by containers belonging to the pod.'],
    },
  },
  PodStatus: {
    d: 'PodStatus represents information about the status of a pod.',
    f: {
      conditions: ['[]PodCondition', 'Current service state of pod.'],
      containerStatuses: ['[]ContainerStatus', 'Statuses of containers in this pod.'],
      ephemeralContainerStatuses: [
        '[]ContainerStatus',
        'Statuses for any ephemeral containers that have run in this pod.',
      ],
      extendedResourceClaimStatus: ['PodExtendedResourceClaimStatus', ''],
      hostIP: ['s', 'hostIP holds the IP address of the host to which the pod is assigned.'],
      hostIPs: ['[]HostIP', 'hostIPs holds the IP addresses allocated to the host.'],
      initContainerStatuses: ['[]ContainerStatus', 'Statuses of init containers in this pod.'],
      message: ['s', 'A human readable message indicating details about why the pod is in this condition.'],
      nominatedNodeName: [
        's',
        'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
      ],
      observedGeneration: [
        'i64',
        'If set, this represents the .metadata.generation that the pod status was set based upon.',
      ],
      phase: [
        's',
        'The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.',
      ],
      podIP: ['s', 'podIP address allocated to the pod.'],
      podIPs: ['[]PodIP', 'podIPs holds the IP addresses allocated to the pod.'],
      qosClass: [
        's',
        'The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info:...',
      ],
      reason: ['s', 'A brief CamelCase message indicating details about why the pod is in this state.'],
      resize: ['s', "Status of resources resize desired for pod's containers."],
      resourceClaimStatuses: ['[]PodResourceClaimStatus', 'Status of resource claims.'],
      startTime: ['Time', 'RFC 3339 date and time at which the object was acknowledged by the Kubelet.'],
    },
  },
  ServiceSpec: {
    d: 'ServiceSpec describes the attributes that a user creates on a service.',
    f: {
      allocateLoadBalancerNodePorts: [
        'b',
        'allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.',
      ],
      clusterIP: ['s', 'clusterIP is the IP address of the service and is usually assigned randomly.'],
      clusterIPs: [
        '[]s',
        'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.',
      ],
      externalIPs: [
        '[]s',
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
      ],
      externalName: [
        's',
        'externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g.',
      ],
      externalTrafficPolicy: [
        's',
        'externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service\'s "externally-facing" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs).',
      ],
      healthCheckNodePort: ['i32', 'healthCheckNodePort specifies the healthcheck nodePort for the service.'],
      internalTrafficPolicy: [
        's',
        'InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.',
      ],
      ipFamilies: ['[]s', 'IPFamilies is a list of IP families (e.g.'],
      ipFamilyPolicy: [
        's',
        'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service.',
      ],
      loadBalancerClass: [
        's',
        'loadBalancerClass is the class of the load balancer implementation this Service belongs to.',
      ],
      loadBalancerIP: ['s', 'Only applies to Service Type: LoadBalancer.'],
      loadBalancerSourceRanges: [
        '[]s',
        'If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.',
      ],
      ports: ['[]ServicePort', 'The list of ports that are exposed by this service.'],
      publishNotReadyAddresses: [
        'b',
        'publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.',
      ],
      selector: ['{}s', 'Route service traffic to pods with label keys and values matching this selector.'],
      sessionAffinity: ['s', 'Supports "ClientIP" and "None".'],
      sessionAffinityConfig: ['SessionAffinityConfig', ''],
      trafficDistribution: [
        's',
        'TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints.',
      ],
      type: ['s', 'type determines how the Service is exposed.'],
    },
  },
  ServiceStatus: {
    d: 'ServiceStatus represents the current status of a service.',
    f: {
      conditions: ['[]meta.Condition', 'Current service state'],
      loadBalancer: ['LoadBalancerStatus', ''],
    },
  },
  EndpointSubset: {
    d: 'EndpointSubset is a group of addresses with a common set of ports.',
    f: {
      addresses: [
        '[]EndpointAddress',
        'IP addresses which offer the related ports that are marked as ready.',
      ],
      notReadyAddresses: [
        '[]EndpointAddress',
        'IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.',
      ],
      ports: ['[]EndpointPort', 'Port numbers available on the related IP addresses.'],
    },
  },
  LocalObjectReference: {
    d: 'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    f: {
      name: ['s', 'Name of the referent.'],
    },
  },
  ObjectReference: {
    d: 'ObjectReference contains enough information to let you inspect or modify the referred object.',
    f: {
      apiVersion: ['s', 'API version of the referent.'],
      fieldPath: [
        's',
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      ],
      kind: ['s', 'Kind of the referent.'],
      name: ['s', 'Name of the referent.'],
      namespace: ['s', 'Namespace of the referent.'],
      resourceVersion: ['s', 'Specific resourceVersion to which this reference is made, if any.'],
      uid: ['s', 'UID of the referent.'],
    },
  },
  EventSeries: {
    d: 'EventSeries contain information on series of events, i.e.',
    f: {
      count: ['i32', 'Number of occurrences in this series up to the last heartbeat time'],
      lastObservedTime: ['MicroTime', 'MicroTime is version of Time with microsecond level precision.'],
    },
  },
  EventSource: {
    d: 'EventSource contains information for an event.',
    f: {
      component: ['s', 'Component from which the event is generated.'],
      host: ['s', 'Node name on which the event is generated.'],
    },
  },
  PersistentVolumeClaimSpec: {
    d: 'PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes',
    f: {
      accessModes: ['[]s', 'accessModes contains the desired access modes the volume should have.'],
      dataSource: ['TypedLocalObjectReference', ''],
      dataSourceRef: ['TypedObjectReference', ''],
      resources: ['VolumeResourceRequirements', ''],
      selector: ['meta.LabelSelector', ''],
      storageClassName: ['s', 'storageClassName is the name of the StorageClass required by the claim.'],
      volumeAttributesClassName: [
        's',
        'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.',
      ],
      volumeMode: ['s', 'volumeMode defines what type of volume is required by the claim.'],
      volumeName: ['s', 'volumeName is the binding reference to the PersistentVolume backing this claim.'],
    },
  },
  PersistentVolumeClaimStatus: {
    d: 'PersistentVolumeClaimStatus is the current status of a persistent volume claim.',
    f: {
      accessModes: ['[]s', 'accessModes contains the actual access modes the volume backing the PVC has.'],
      allocatedResourceStatuses: [
        '{}s',
        'allocatedResourceStatuses stores status of resource being resized for the given PVC.',
      ],
      allocatedResources: [
        '{}Quantity',
        'allocatedResources tracks the resources allocated to a PVC including its capacity.',
      ],
      capacity: ['{}Quantity', 'capacity represents the actual resources of the underlying volume.'],
      conditions: [
        '[]PersistentVolumeClaimCondition',
        'conditions is the current Condition of persistent volume claim.',
      ],
      currentVolumeAttributesClassName: [
        's',
        'currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using.',
      ],
      modifyVolumeStatus: ['ModifyVolumeStatus', ''],
      phase: ['s', 'phase represents the current phase of PersistentVolumeClaim.'],
    },
  },
  PersistentVolumeSpec: {
    d: 'PersistentVolumeSpec is the specification of a persistent volume.',
    f: {
      accessModes: ['[]s', 'accessModes contains all ways the volume can be mounted.'],
      awsElasticBlockStore: ['AWSElasticBlockStoreVolumeSource', ''],
      azureDisk: ['AzureDiskVolumeSource', ''],
      azureFile: ['AzureFilePersistentVolumeSource', ''],
      capacity: [
        '{}Quantity',
        "capacity is the description of the persistent volume's resources and capacity.",
      ],
      cephfs: ['CephFSPersistentVolumeSource', ''],
      cinder: ['CinderPersistentVolumeSource', ''],
      claimRef: ['ObjectReference', ''],
      csi: ['CSIPersistentVolumeSource', ''],
      fc: ['FCVolumeSource', ''],
      flexVolume: ['FlexPersistentVolumeSource', ''],
      flocker: ['FlockerVolumeSource', ''],
      gcePersistentDisk: ['GCEPersistentDiskVolumeSource', ''],
      glusterfs: ['GlusterfsPersistentVolumeSource', ''],
      hostPath: ['HostPathVolumeSource', ''],
      iscsi: ['ISCSIPersistentVolumeSource', ''],
      local: ['LocalVolumeSource', ''],
      mountOptions: ['[]s', 'mountOptions is the list of mount options, e.g.'],
      nfs: ['NFSVolumeSource', ''],
      nodeAffinity: ['VolumeNodeAffinity', ''],
      persistentVolumeReclaimPolicy: [
        's',
        'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
      ],
      photonPersistentDisk: ['PhotonPersistentDiskVolumeSource', ''],
      portworxVolume: ['PortworxVolumeSource', ''],
      quobyte: ['QuobyteVolumeSource', ''],
      rbd: ['RBDPersistentVolumeSource', ''],
      scaleIO: ['ScaleIOPersistentVolumeSource', ''],
      storageClassName: [
        's',
        'storageClassName is the name of StorageClass to which this persistent volume belongs.',
      ],
      storageos: ['StorageOSPersistentVolumeSource', ''],
      volumeAttributesClassName: [
        's',
        'Name of VolumeAttributesClass to which this persistent volume belongs.',
      ],
      volumeMode: [
        's',
        'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
      ],
      vsphereVolume: ['VsphereVirtualDiskVolumeSource', ''],
    },
  },
  PersistentVolumeStatus: {
    d: 'PersistentVolumeStatus is the current status of a persistent volume.',
    f: {
      lastPhaseTransitionTime: [
        'Time',
        'lastPhaseTransitionTime is the time the phase transitioned from one to another and automatically resets to current time everytime a volume phase transitions.',
      ],
      message: [
        's',
        'message is a human-readable message indicating details about why the volume is in this state.',
      ],
      phase: ['s', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'],
      reason: [
        's',
        'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      ],
    },
  },
  TopologySelectorLabelRequirement: {
    d: 'A topology selector requirement is a selector that matches given label.',
    req: ['key', 'values'],
    f: {
      key: ['s', 'The label key that the selector applies to.'],
      values: ['[]s', 'An array of string values.'],
    },
  },
  ReplicationControllerSpec: {
    d: 'ReplicationControllerSpec is the specification of a replication controller.',
    f: {
      minReadySeconds: [
        'i32',
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
      ],
      replicas: ['i32', 'Replicas is the number of desired replicas.'],
      selector: ['{}s', 'Selector is a label query over pods that should match the Replicas count.'],
      template: ['PodTemplateSpec', ''],
    },
  },
  ReplicationControllerStatus: {
    d: 'ReplicationControllerStatus represents the current status of a replication controller.',
    req: ['replicas'],
    f: {
      availableReplicas: [
        'i32',
        'The number of available replicas (ready for at least minReadySeconds) for this replication controller.',
      ],
      conditions: [
        '[]ReplicationControllerCondition',
        "Represents the latest available observations of a replication controller's current state.",
      ],
      fullyLabeledReplicas: [
        'i32',
        'The number of pods that have labels matching the labels of the pod template of the replication controller.',
      ],
      observedGeneration: [
        'i64',
        'ObservedGeneration reflects the generation of the most recently observed replication controller.',
      ],
      readyReplicas: ['i32', 'The number of ready replicas for this replication controller.'],
      replicas: ['i32', 'Replicas is the most recently observed number of replicas.'],
    },
  },
  ResourceQuotaSpec: {
    d: 'ResourceQuotaSpec defines the desired hard limits to enforce for Quota.',
    f: {
      hard: ['{}Quantity', 'hard is the set of desired hard limits for each named resource.'],
      scopeSelector: ['ScopeSelector', ''],
      scopes: ['[]s', 'A collection of filters that must match each object tracked by a quota.'],
    },
  },
  ResourceQuotaStatus: {
    d: 'ResourceQuotaStatus defines the enforced hard limits and observed use.',
    f: {
      hard: ['{}Quantity', 'Hard is the set of enforced hard limits for each named resource.'],
      used: ['{}Quantity', 'Used is the current observed total usage of the resource in the namespace.'],
    },
  },
  LimitRangeSpec: {
    d: 'LimitRangeSpec defines a min/max usage limit for resources that match on kind.',
    req: ['limits'],
    f: {
      limits: ['[]LimitRangeItem', 'Limits is the list of LimitRangeItem objects that are enforced.'],
    },
  },
  NamespaceCondition: {
    d: 'NamespaceCondition contains details about state of namespace.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: ['Time', 'Last time the condition transitioned from one status to another.'],
      message: ['s', 'Human-readable message indicating details about last transition.'],
      reason: ['s', "Unique, one-word, CamelCase reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of namespace controller condition.'],
    },
  },
  NodeConfigSource: {
    d: 'NodeConfigSource specifies a source of node configuration.',
    f: {
      configMap: ['ConfigMapNodeConfigSource', ''],
    },
  },
  Taint: {
    d: 'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.',
    req: ['effect', 'key'],
    f: {
      effect: ['s', 'Required.'],
      key: ['s', 'Required.'],
      timeAdded: ['Time', 'TimeAdded represents the time at which the taint was added.'],
      value: ['s', 'The taint value corresponding to the taint key.'],
    },
  },
  NodeAddress: {
    d: "NodeAddress contains information for the node's address.",
    req: ['address', 'type'],
    f: {
      address: ['s', 'The node address.'],
      type: ['s', 'Node address type, one of Hostname, ExternalIP or InternalIP.'],
    },
  },
  NodeCondition: {
    d: 'NodeCondition contains condition information for a node.',
    req: ['status', 'type'],
    f: {
      lastHeartbeatTime: ['Time', 'Last time we got an update on a given condition.'],
      lastTransitionTime: ['Time', 'Last time the condition transit from one status to another.'],
      message: ['s', 'Human readable message indicating details about last transition.'],
      reason: ['s', "(brief) reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of node condition.'],
    },
  },
  NodeConfigStatus: {
    d: 'NodeConfigStatus describes the status of the config assigned by Node.Spec.ConfigSource.',
    f: {
      active: ['NodeConfigSource', ''],
      assigned: ['NodeConfigSource', ''],
      error: ['s', 'Error describes any problems reconciling the Spec.ConfigSource to the Active config.'],
      lastKnownGood: ['NodeConfigSource', ''],
    },
  },
  NodeDaemonEndpoints: {
    d: 'NodeDaemonEndpoints lists ports opened by daemons running on the Node.',
    f: {
      kubeletEndpoint: ['DaemonEndpoint', ''],
    },
  },
  NodeFeatures: {
    d: 'NodeFeatures describes the set of features implemented by the CRI implementation.',
    f: {
      supplementalGroupsPolicy: [
        'b',
        'SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.',
      ],
    },
  },
  ContainerImage: {
    d: 'Describe a container image',
    f: {
      names: ['[]s', 'Names by which this image is known.'],
      sizeBytes: ['i64', 'The size of the image in bytes.'],
    },
  },
  NodeSystemInfo: {
    d: 'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.',
    req: [
      'architecture',
      'bootID',
      'containerRuntimeVersion',
      'kernelVersion',
      'kubeProxyVersion',
      'kubeletVersion',
      'machineID',
      'operatingSystem',
      'osImage',
      'systemUUID',
    ],
    f: {
      architecture: ['s', 'The Architecture reported by the node'],
      bootID: ['s', 'Boot ID reported by the node.'],
      containerRuntimeVersion: [
        's',
        'ContainerRuntime Version reported by the node through runtime remote API (e.g.',
      ],
      kernelVersion: ['s', "Kernel Version reported by the node from 'uname -r' (e.g."],
      kubeProxyVersion: ['s', 'Deprecated: KubeProxy Version reported by the node.'],
      kubeletVersion: ['s', 'Kubelet Version reported by the node.'],
      machineID: ['s', 'MachineID reported by the node.'],
      operatingSystem: ['s', 'The Operating System reported by the node'],
      osImage: ['s', 'OS Image reported by the node from /etc/os-release (e.g.'],
      swap: ['NodeSwapStatus', ''],
      systemUUID: ['s', 'SystemUUID reported by the node.'],
    },
  },
  NodeRuntimeHandler: {
    d: 'NodeRuntimeHandler is a set of runtime handler information.',
    f: {
      features: ['NodeRuntimeHandlerFeatures', ''],
      name: ['s', 'Runtime handler name.'],
    },
  },
  AttachedVolume: {
    d: 'AttachedVolume describes a volume attached to a node',
    req: ['devicePath', 'name'],
    f: {
      devicePath: ['s', 'DevicePath represents the device path where the volume should be available'],
      name: ['s', 'Name of the attached volume'],
    },
  },
  Affinity: {
    d: 'Affinity is a group of affinity scheduling rules.',
    f: {
      nodeAffinity: ['NodeAffinity', ''],
      podAffinity: ['PodAffinity', ''],
      podAntiAffinity: ['PodAntiAffinity', ''],
    },
  },
  Container: {
    d: 'A single application container that you want to run within a pod.',
    req: ['name'],
    f: {
      args: ['[]s', 'Arguments to the entrypoint.'],
      command: ['[]s', 'Entrypoint array.'],
      env: ['[]EnvVar', 'List of environment variables to set in the container.'],
      envFrom: ['[]EnvFromSource', 'List of sources to populate environment variables in the container.'],
      image: ['s', 'Container image name.'],
      imagePullPolicy: ['s', 'Image pull policy.'],
      lifecycle: ['Lifecycle', ''],
      livenessProbe: ['Probe', ''],
      name: ['s', 'Name of the container specified as a DNS_LABEL.'],
      ports: ['[]ContainerPort', 'List of ports to expose from the container.'],
      readinessProbe: ['Probe', ''],
      resizePolicy: ['[]ContainerResizePolicy', 'Resources resize policy for the container.'],
      resources: ['ResourceRequirements', ''],
      restartPolicy: ['s', 'RestartPolicy defines the restart behavior of individual containers in a pod.'],
      restartPolicyRules: [
        '[]ContainerRestartRule',
        'Represents a list of rules to be checked to determine if the container should be restarted on exit.',
      ],
      securityContext: ['SecurityContext', ''],
      startupProbe: ['Probe', ''],
      stdin: ['b', 'Whether this container should allocate a buffer for stdin in the container runtime.'],
      stdinOnce: [
        'b',
        'Whether the container runtime should close the stdin channel after it has been opened by a single attach.',
      ],
      terminationMessagePath: [
        's',
        "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem.",
      ],
      terminationMessagePolicy: ['s', 'Indicate how the termination message should be populated.'],
      tty: [
        'b',
        "Whether this container should allocate a TTY for itself, also requires 'stdin' to be true.",
      ],
      volumeDevices: [
        '[]VolumeDevice',
        'volumeDevices is the list of block devices to be used by the container.',
      ],
      volumeMounts: ['[]VolumeMount', "Pod volumes to mount into the container's filesystem."],
      workingDir: ['s', "Container's working directory."],
    },
  },
  PodDNSConfig: {
    d: 'PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy.',
    f: {
      nameservers: ['[]s', 'A list of DNS name server IP addresses.'],
      options: ['[]PodDNSConfigOption', 'A list of DNS resolver options.'],
      searches: ['[]s', 'A list of DNS search domains for host-name lookup.'],
    },
  },
  EphemeralContainer: {
    d: 'An EphemeralContainer is a temporary container that you may add to an existing Pod for user-initiated activities such as debugging.',
    req: ['name'],
    f: {
      args: ['[]s', 'Arguments to the entrypoint.'],
      command: ['[]s', 'Entrypoint array.'],
      env: ['[]EnvVar', 'List of environment variables to set in the container.'],
      envFrom: ['[]EnvFromSource', 'List of sources to populate environment variables in the container.'],
      image: ['s', 'Container image name.'],
      imagePullPolicy: ['s', 'Image pull policy.'],
      lifecycle: ['Lifecycle', ''],
      livenessProbe: ['Probe', ''],
      name: ['s', 'Name of the ephemeral container specified as a DNS_LABEL.'],
      ports: ['[]ContainerPort', 'Ports are not allowed for ephemeral containers.'],
      readinessProbe: ['Probe', ''],
      resizePolicy: ['[]ContainerResizePolicy', 'Resources resize policy for the container.'],
      resources: ['ResourceRequirements', ''],
      restartPolicy: [
        's',
        'Restart policy for the container to manage the restart behavior of each container within a pod.',
      ],
      restartPolicyRules: [
        '[]ContainerRestartRule',
        'Represents a list of rules to be checked to determine if the container should be restarted on exit.',
      ],
      securityContext: ['SecurityContext', ''],
      startupProbe: ['Probe', ''],
      stdin: ['b', 'Whether this container should allocate a buffer for stdin in the container runtime.'],
      stdinOnce: [
        'b',
        'Whether the container runtime should close the stdin channel after it has been opened by a single attach.',
      ],
      targetContainerName: [
        's',
        'If set, the name of the container from PodSpec that this ephemeral container targets.',
      ],
      terminationMessagePath: [
        's',
        "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem.",
      ],
      terminationMessagePolicy: ['s', 'Indicate how the termination message should be populated.'],
      tty: [
        'b',
        "Whether this container should allocate a TTY for itself, also requires 'stdin' to be true.",
      ],
      volumeDevices: [
        '[]VolumeDevice',
        'volumeDevices is the list of block devices to be used by the container.',
      ],
      volumeMounts: ['[]VolumeMount', "Pod volumes to mount into the container's filesystem."],
      workingDir: ['s', "Container's working directory."],
    },
  },
  HostAlias: {
    d: "HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod's hosts file.",
    req: ['ip'],
    f: {
      hostnames: ['[]s', 'Hostnames for the above IP address.'],
      ip: ['s', 'IP address of the host file entry.'],
    },
  },
  PodOS: {
    d: 'PodOS defines the OS parameters of a pod.',
    req: ['name'],
    f: {
      name: ['s', 'Name is the name of the operating system.'],
    },
  },
  PodReadinessGate: {
    d: 'PodReadinessGate contains the reference to a pod condition',
    req: ['conditionType'],
    f: {
      conditionType: [
        's',
        "ConditionType refers to a condition in the pod's condition list with matching type.",
      ],
    },
  },
  PodResourceClaim: {
    d: 'PodResourceClaim references exactly one ResourceClaim, either directly or by naming a ResourceClaimTemplate which is then turned into a ResourceClaim for the pod.',
    req: ['name'],
    f: {
      name: ['s', 'Name uniquely identifies this resource claim inside the pod.'],
      resourceClaimName: [
        's',
        'ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod.',
      ],
      resourceClaimTemplateName: [
        's',
        'ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod.',
      ],
    },
  },
  ResourceRequirements: {
    d: 'ResourceRequirements describes the compute resource requirements.',
    f: {
      claims: [
        '[]ResourceClaim',
        'Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.',
      ],
      limits: ['{}Quantity', 'Limits describes the maximum amount of compute resources allowed.'],
      requests: ['{}Quantity', 'Requests describes the minimum amount of compute resources required.'],
    },
  },
  PodSchedulingGate: {
    d: 'PodSchedulingGate is associated to a Pod to guard its scheduling.',
    req: ['name'],
    f: {
      name: ['s', 'Name of the scheduling gate.'],
    },
  },
  PodSecurityContext: {
    d: 'PodSecurityContext holds pod-level security attributes and common container settings.',
    f: {
      appArmorProfile: ['AppArmorProfile', ''],
      fsGroup: ['i64', 'A special supplemental group that applies to all containers in a pod.'],
      fsGroupChangePolicy: [
        's',
        'fsGroupChangePolicy defines behavior of changing ownership and permission of the volume before being exposed inside Pod.',
      ],
      runAsGroup: ['i64', 'The GID to run the entrypoint of the container process.'],
      runAsNonRoot: ['b', 'Indicates that the container must run as a non-root user.'],
      runAsUser: ['i64', 'The UID to run the entrypoint of the container process.'],
      seLinuxChangePolicy: [
        's',
        "seLinuxChangePolicy defines how the container's SELinux label is applied to all volumes used by the Pod.",
      ],
      seLinuxOptions: ['SELinuxOptions', ''],
      seccompProfile: ['SeccompProfile', ''],
      supplementalGroups: [
        '[]f64',
        "A list of groups applied to the first process run in each container, in addition to the container's primary GID and fsGroup (if specified).",
      ],
      supplementalGroupsPolicy: [
        's',
        'Defines how supplemental groups of the first container processes are calculated.',
      ],
      sysctls: ['[]Sysctl', 'Sysctls hold a list of namespaced sysctls used for the pod.'],
      windowsOptions: ['WindowsSecurityContextOptions', ''],
    },
  },
  Toleration: {
    d: 'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
    f: {
      effect: ['s', 'Effect indicates the taint effect to match.'],
      key: ['s', 'Key is the taint key that the toleration applies to.'],
      operator: ['s', "Operator represents a key's relationship to the value."],
      tolerationSeconds: [
        'i64',
        'TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint.',
      ],
      value: ['s', 'Value is the taint value the toleration matches to.'],
    },
  },
  TopologySpreadConstraint: {
    d: 'TopologySpreadConstraint specifies how to spread matching pods among the given topology.',
    req: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
    f: {
      labelSelector: ['meta.LabelSelector', ''],
      matchLabelKeys: [
        '[]s',
        'MatchLabelKeys is a set of pod label keys to select the pods over which spreading will be calculated.',
      ],
      maxSkew: ['i32', 'MaxSkew describes the degree to which pods may be unevenly distributed.'],
      minDomains: ['i32', 'MinDomains indicates a minimum number of eligible domains.'],
      nodeAffinityPolicy: [
        's',
        "NodeAffinityPolicy indicates how we will treat Pod's nodeAffinity/nodeSelector when calculating pod topology spread skew.",
      ],
      nodeTaintsPolicy: [
        's',
        'NodeTaintsPolicy indicates how we will treat node taints when calculating pod topology spread skew.',
      ],
      topologyKey: ['s', 'TopologyKey is the key of node labels.'],
      whenUnsatisfiable: [
        's',
        "WhenUnsatisfiable indicates how to deal with a pod if it doesn't satisfy the spread constraint.",
      ],
    },
  },
  Volume: {
    d: 'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
    req: ['name'],
    f: {
      awsElasticBlockStore: ['AWSElasticBlockStoreVolumeSource', ''],
      azureDisk: ['AzureDiskVolumeSource', ''],
      azureFile: ['AzureFileVolumeSource', ''],
      cephfs: ['CephFSVolumeSource', ''],
      cinder: ['CinderVolumeSource', ''],
      configMap: ['ConfigMapVolumeSource', ''],
      csi: ['CSIVolumeSource', ''],
      downwardAPI: ['DownwardAPIVolumeSource', ''],
      emptyDir: ['EmptyDirVolumeSource', ''],
      ephemeral: ['EphemeralVolumeSource', ''],
      fc: ['FCVolumeSource', ''],
      flexVolume: ['FlexVolumeSource', ''],
      flocker: ['FlockerVolumeSource', ''],
      gcePersistentDisk: ['GCEPersistentDiskVolumeSource', ''],
      gitRepo: ['GitRepoVolumeSource', ''],
      glusterfs: ['GlusterfsVolumeSource', ''],
      hostPath: ['HostPathVolumeSource', ''],
      image: ['ImageVolumeSource', ''],
      iscsi: ['ISCSIVolumeSource', ''],
      name: ['s', 'name of the volume.'],
      nfs: ['NFSVolumeSource', ''],
      persistentVolumeClaim: ['PersistentVolumeClaimVolumeSource', ''],
      photonPersistentDisk: ['PhotonPersistentDiskVolumeSource', ''],
      portworxVolume: ['PortworxVolumeSource', ''],
      projected: ['ProjectedVolumeSource', ''],
      quobyte: ['QuobyteVolumeSource', ''],
      rbd: ['RBDVolumeSource', ''],
      scaleIO: ['ScaleIOVolumeSource', ''],
      secret: ['SecretVolumeSource', ''],
      storageos: ['StorageOSVolumeSource', ''],
      vsphereVolume: ['VsphereVirtualDiskVolumeSource', ''],
    },
  },
  PodCondition: {
    d: 'PodCondition contains details for the current condition of this pod.',
    req: ['status', 'type'],
    f: {
      lastProbeTime: ['Time', 'Last time we probed the condition.'],
      lastTransitionTime: ['Time', 'Last time the condition transitioned from one status to another.'],
      message: ['s', 'Human-readable message indicating details about last transition.'],
      observedGeneration: [
        'i64',
        'If set, this represents the .metadata.generation that the pod condition was set based upon.',
      ],
      reason: ['s', "Unique, one-word, CamelCase reason for the condition's last transition."],
      status: ['s', 'Status is the status of the condition.'],
      type: ['s', 'Type is the type of the condition.'],
    },
  },
  ContainerStatus: {
    d: 'ContainerStatus contains details for the current status of this container.',
    req: ['image', 'imageID', 'name', 'ready', 'restartCount'],
    f: {
      allocatedResources: [
        '{}Quantity',
        'AllocatedResources represents the compute resources allocated for this container by the node.',
      ],
      allocatedResourcesStatus: [
        '[]ResourceStatus',
        'AllocatedResourcesStatus represents the status of various resources allocated for this Pod.',
      ],
      containerID: ['s', "ContainerID is the ID of the container in the format '<type>://<container_id>'."],
      image: ['s', 'Image is the name of container image that the container is running.'],
      imageID: ['s', "ImageID is the image ID of the container's image."],
      lastState: ['ContainerState', ''],
      name: ['s', 'Name is a DNS_LABEL representing the unique name of the container.'],
      ready: ['b', 'Ready specifies whether the container is currently passing its readiness check.'],
      resources: ['ResourceRequirements', ''],
      restartCount: ['i32', 'RestartCount holds the number of times the container has been restarted.'],
      started: [
        'b',
        'Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.',
      ],
      state: ['ContainerState', ''],
      stopSignal: ['s', 'StopSignal reports the effective stop signal for this container'],
      user: ['ContainerUser', ''],
      volumeMounts: ['[]VolumeMountStatus', 'Status of volume mounts.'],
    },
  },
  PodExtendedResourceClaimStatus: {
    d: 'PodExtendedResourceClaimStatus is stored in the PodStatus for the extended resource requests backed by DRA.',
    req: ['requestMappings', 'resourceClaimName'],
    f: {
      requestMappings: [
        '[]ContainerExtendedResourceRequest',
        'RequestMappings identifies the mapping of <container, extended resource backed by DRA> to device request in the generated ResourceClaim.',
      ],
      resourceClaimName: [
        's',
        'ResourceClaimName is the name of the ResourceClaim that was generated for the Pod in the namespace of the Pod.',
      ],
    },
  },
  HostIP: {
    d: 'HostIP represents a single IP address allocated to the host.',
    req: ['ip'],
    f: {
      ip: ['s', 'IP is the IP address assigned to the host'],
    },
  },
  PodIP: {
    d: 'PodIP represents a single IP address allocated to the pod.',
    req: ['ip'],
    f: {
      ip: ['s', 'IP is the IP address assigned to the pod'],
    },
  },
  PodResourceClaimStatus: {
    d: 'PodResourceClaimStatus is stored in the PodStatus for each PodResourceClaim which references a ResourceClaimTemplate.',
    req: ['name'],
    f: {
      name: ['s', 'Name uniquely identifies this resource claim inside the pod.'],
      resourceClaimName: [
        's',
        'ResourceClaimName is the name of the ResourceClaim that was generated for the Pod in the namespace of the Pod.',
      ],
    },
  },
  ServicePort: {
    d: "ServicePort contains information on service's port.",
    req: ['port'],
    f: {
      appProtocol: ['s', 'The application protocol for this port.'],
      name: ['s', 'The name of this port within the service.'],
      nodePort: [
        'i32',
        'The port on each node on which this service is exposed when type is NodePort or LoadBalancer.',
      ],
      port: ['i32', 'The port that will be exposed by this service.'],
      protocol: ['s', 'The IP protocol for this port.'],
      targetPort: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
    },
  },
  SessionAffinityConfig: {
    d: 'SessionAffinityConfig represents the configurations of session affinity.',
    f: {
      clientIP: ['ClientIPConfig', ''],
    },
  },
  LoadBalancerStatus: {
    d: 'LoadBalancerStatus represents the status of a load-balancer.',
    f: {
      ingress: [
        '[]LoadBalancerIngress',
        'Ingress is a list containing ingress points for the load-balancer.',
      ],
    },
  },
  EndpointAddress: {
    d: 'EndpointAddress is a tuple that describes single IP address.',
    req: ['ip'],
    f: {
      hostname: ['s', 'The Hostname of this endpoint'],
      ip: ['s', 'The IP of this endpoint.'],
      nodeName: ['s', 'Optional: Node hosting this endpoint.'],
      targetRef: ['ObjectReference', ''],
    },
  },
  EndpointPort: {
    d: 'EndpointPort is a tuple that describes a single port.',
    req: ['port'],
    f: {
      appProtocol: ['s', 'The application protocol for this port.'],
      name: ['s', 'The name of this port.'],
      port: ['i32', 'The port number of the endpoint.'],
      protocol: ['s', 'The IP protocol for this port.'],
    },
  },
  TypedLocalObjectReference: {
    d: 'TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.',
    req: ['kind', 'name'],
    f: {
      apiGroup: ['s', 'APIGroup is the group for the resource being referenced.'],
      kind: ['s', 'Kind is the type of resource being referenced'],
      name: ['s', 'Name is the name of resource being referenced'],
    },
  },
  TypedObjectReference: {
    d: 'TypedObjectReference contains enough information to let you locate the typed referenced object',
    req: ['kind', 'name'],
    f: {
      apiGroup: ['s', 'APIGroup is the group for the resource being referenced.'],
      kind: ['s', 'Kind is the type of resource being referenced'],
      name: ['s', 'Name is the name of resource being referenced'],
      namespace: [
        's',
        "Namespace is the namespace of resource being referenced Note that when a namespace is specified, a gateway.networking.k8s.io/ReferenceGrant object is required in the referent namespace to allow that namespace's owner...",
      ],
    },
  },
  VolumeResourceRequirements: {
    d: 'VolumeResourceRequirements describes the storage resource requirements for a volume.',
    f: {
      limits: ['{}Quantity', 'Limits describes the maximum amount of compute resources allowed.'],
      requests: ['{}Quantity', 'Requests describes the minimum amount of compute resources required.'],
    },
  },
  PersistentVolumeClaimCondition: {
    d: 'PersistentVolumeClaimCondition contains details about state of pvc',
    req: ['status', 'type'],
    f: {
      lastProbeTime: ['Time', 'lastProbeTime is the time we probed the condition.'],
      lastTransitionTime: [
        'Time',
        'lastTransitionTime is the time the condition transitioned from one status to another.',
      ],
      message: ['s', 'message is the human-readable message indicating details about last transition.'],
      reason: [
        's',
        "reason is a unique, this should be a short, machine understandable string that gives the reason for condition's last transition.",
      ],
      status: ['s', 'Status is the status of the condition.'],
      type: ['s', 'Type is the type of the condition.'],
    },
  },
  ModifyVolumeStatus: {
    d: 'ModifyVolumeStatus represents the status object of ControllerModifyVolume operation',
    req: ['status'],
    f: {
      status: ['s', 'status is the status of the ControllerModifyVolume operation.'],
      targetVolumeAttributesClassName: [
        's',
        'targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled',
      ],
    },
  },
  AWSElasticBlockStoreVolumeSource: {
    d: 'Represents a Persistent Disk resource in AWS.',
    req: ['volumeID'],
    f: {
      fsType: ['s', 'fsType is the filesystem type of the volume that you want to mount.'],
      partition: ['i32', 'partition is the partition in the volume that you want to mount.'],
      readOnly: ['b', 'readOnly value true will force the readOnly setting in VolumeMounts.'],
      volumeID: ['s', 'volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume).'],
    },
  },
  AzureDiskVolumeSource: {
    d: 'AzureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.',
    req: ['diskName', 'diskURI'],
    f: {
      cachingMode: ['s', 'cachingMode is the Host Caching mode: None, Read Only, Read Write.'],
      diskName: ['s', 'diskName is the Name of the data disk in the blob storage'],
      diskURI: ['s', 'diskURI is the URI of data disk in the blob storage'],
      fsType: ['s', 'fsType is Filesystem type to mount.'],
      kind: [
        's',
        'kind expected values are Shared: multiple blob disks per storage account Dedicated: single blob disk per storage account Managed: azure managed data disk (only in managed availability set).',
      ],
      readOnly: ['b', 'readOnly Defaults to false (read/write).'],
    },
  },
  AzureFilePersistentVolumeSource: {
    d: 'AzureFile represents an Azure File Service mount on the host and bind mount to the pod.',
    req: ['secretName', 'shareName'],
    f: {
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      secretName: ['s', 'secretName is the name of secret that contains Azure Storage Account Name and Key'],
      secretNamespace: [
        's',
        'secretNamespace is the namespace of the secret that contains Azure Storage Account Name and Key default is the same as the Pod',
      ],
      shareName: ['s', 'shareName is the azure Share Name'],
    },
  },
  CephFSPersistentVolumeSource: {
    d: 'Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.',
    req: ['monitors'],
    f: {
      monitors: [
        '[]s',
        'monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      ],
      path: ['s', 'path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /'],
      readOnly: ['b', 'readOnly is Optional: Defaults to false (read/write).'],
      secretFile: [
        's',
        'secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      ],
      secretRef: ['SecretReference', ''],
      user: [
        's',
        'user is Optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      ],
    },
  },
  CinderPersistentVolumeSource: {
    d: 'Represents a cinder volume resource in Openstack.',
    req: ['volumeID'],
    f: {
      fsType: ['s', 'fsType Filesystem type to mount.'],
      readOnly: ['b', 'readOnly is Optional: Defaults to false (read/write).'],
      secretRef: ['SecretReference', ''],
      volumeID: ['s', 'volumeID used to identify the volume in cinder.'],
    },
  },
  CSIPersistentVolumeSource: {
    d: 'Represents storage that is managed by an external CSI volume driver',
    req: ['driver', 'volumeHandle'],
    f: {
      controllerExpandSecretRef: ['SecretReference', ''],
      controllerPublishSecretRef: ['SecretReference', ''],
      driver: ['s', 'driver is the name of the driver to use for this volume.'],
      fsType: ['s', 'fsType to mount.'],
      nodeExpandSecretRef: ['SecretReference', ''],
      nodePublishSecretRef: ['SecretReference', ''],
      nodeStageSecretRef: ['SecretReference', ''],
      readOnly: ['b', 'readOnly value to pass to ControllerPublishVolumeRequest.'],
      volumeAttributes: ['{}s', 'volumeAttributes of the volume to publish.'],
      volumeHandle: [
        's',
        'volumeHandle is the unique volume name returned by the CSI volume plugin’s CreateVolume to refer to the volume on all subsequent calls.',
      ],
    },
  },
  FCVolumeSource: {
    d: 'Represents a Fibre Channel volume.',
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      lun: ['i32', 'lun is Optional: FC target lun number'],
      readOnly: ['b', 'readOnly is Optional: Defaults to false (read/write).'],
      targetWWNs: ['[]s', 'targetWWNs is Optional: FC target worldwide names (WWNs)'],
      wwids: [
        '[]s',
        'wwids Optional: FC volume world wide identifiers (wwids) Either wwids or combination of targetWWNs and lun must be set, but not both simultaneously.',
      ],
    },
  },
  FlexPersistentVolumeSource: {
    d: 'FlexPersistentVolumeSource represents a generic persistent volume resource that is provisioned/attached using an exec based plugin.',
    req: ['driver'],
    f: {
      driver: ['s', 'driver is the name of the driver to use for this volume.'],
      fsType: ['s', 'fsType is the Filesystem type to mount.'],
      options: ['{}s', 'options is Optional: this field holds extra command options if any.'],
      readOnly: ['b', 'readOnly is Optional: defaults to false (read/write).'],
      secretRef: ['SecretReference', ''],
    },
  },
  FlockerVolumeSource: {
    d: 'Represents a Flocker volume mounted by the Flocker agent.',
    f: {
      datasetName: [
        's',
        'datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker should be considered as deprecated',
      ],
      datasetUUID: ['s', 'datasetUUID is the UUID of the dataset.'],
    },
  },
  GCEPersistentDiskVolumeSource: {
    d: 'Represents a Persistent Disk resource in Google Compute Engine.',
    req: ['pdName'],
    f: {
      fsType: ['s', 'fsType is filesystem type of the volume that you want to mount.'],
      partition: ['i32', 'partition is the partition in the volume that you want to mount.'],
      pdName: ['s', 'pdName is unique name of the PD resource in GCE.'],
      readOnly: ['b', 'readOnly here will force the ReadOnly setting in VolumeMounts.'],
    },
  },
  GlusterfsPersistentVolumeSource: {
    d: 'Represents a Glusterfs mount that lasts the lifetime of a pod.',
    req: ['endpoints', 'path'],
    f: {
      endpoints: ['s', 'endpoints is the endpoint name that details Glusterfs topology.'],
      endpointsNamespace: ['s', 'endpointsNamespace is the namespace that contains Glusterfs endpoint.'],
      path: ['s', 'path is the Glusterfs volume path.'],
      readOnly: [
        'b',
        'readOnly here will force the Glusterfs volume to be mounted with read-only permissions.',
      ],
    },
  },
  HostPathVolumeSource: {
    d: 'Represents a host path mapped into a pod.',
    req: ['path'],
    f: {
      path: ['s', 'path of the directory on the host.'],
      type: [
        's',
        'type for HostPath Volume Defaults to "" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
      ],
    },
  },
  ISCSIPersistentVolumeSource: {
    d: 'ISCSIPersistentVolumeSource represents an ISCSI disk.',
    req: ['iqn', 'lun', 'targetPortal'],
    f: {
      chapAuthDiscovery: [
        'b',
        'chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication',
      ],
      chapAuthSession: ['b', 'chapAuthSession defines whether support iSCSI Session CHAP authentication'],
      fsType: ['s', 'fsType is the filesystem type of the volume that you want to mount.'],
      initiatorName: ['s', 'initiatorName is the custom iSCSI Initiator Name.'],
      iqn: ['s', 'iqn is Target iSCSI Qualified Name.'],
      iscsiInterface: ['s', 'iscsiInterface is the interface Name that uses an iSCSI transport.'],
      lun: ['i32', 'lun is iSCSI Target Lun number.'],
      portals: ['[]s', 'portals is the iSCSI Target Portal List.'],
      readOnly: ['b', 'readOnly here will force the ReadOnly setting in VolumeMounts.'],
      secretRef: ['SecretReference', ''],
      targetPortal: ['s', 'targetPortal is iSCSI Target Portal.'],
    },
  },
  LocalVolumeSource: {
    d: 'Local represents directly-attached storage with node affinity',
    req: ['path'],
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      path: ['s', 'path of the full path to the volume on the node.'],
    },
  },
  NFSVolumeSource: {
    d: 'Represents an NFS mount that lasts the lifetime of a pod.',
    req: ['path', 'server'],
    f: {
      path: ['s', 'path that is exported by the NFS server.'],
      readOnly: ['b', 'readOnly here will force the NFS export to be mounted with read-only permissions.'],
      server: ['s', 'server is the hostname or IP address of the NFS server.'],
    },
  },
  VolumeNodeAffinity: {
    d: 'VolumeNodeAffinity defines constraints that limit what nodes this volume can be accessed from.',
    f: {
      required: ['NodeSelector', ''],
    },
  },
  PhotonPersistentDiskVolumeSource: {
    d: 'Represents a Photon Controller persistent disk resource.',
    req: ['pdID'],
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      pdID: ['s', 'pdID is the ID that identifies Photon Controller persistent disk'],
    },
  },
  PortworxVolumeSource: {
    d: 'PortworxVolumeSource represents a Portworx volume resource.',
    req: ['volumeID'],
    f: {
      fsType: [
        's',
        'fSType represents the filesystem type to mount Must be a filesystem type supported by the host operating system.',
      ],
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      volumeID: ['s', 'volumeID uniquely identifies a Portworx volume'],
    },
  },
  QuobyteVolumeSource: {
    d: 'Represents a Quobyte mount that lasts the lifetime of a pod.',
    req: ['registry', 'volume'],
    f: {
      group: ['s', 'group to map volume access to Default is no group'],
      readOnly: [
        'b',
        'readOnly here will force the Quobyte volume to be mounted with read-only permissions.',
      ],
      registry: [
        's',
        'registry represents a single or multiple Quobyte Registry services specified as a string as host:port pair (multiple entries are separated with commas) which acts as the central registry for volumes',
      ],
      tenant: [
        's',
        'tenant owning the given Quobyte volume in the Backend Used with dynamically provisioned Quobyte volumes, value is set by the plugin',
      ],
      user: ['s', 'user to map volume access to Defaults to serivceaccount user'],
      volume: ['s', 'volume is a string that references an already created Quobyte volume by name.'],
    },
  },
  RBDPersistentVolumeSource: {
    d: 'Represents a Rados Block Device mount that lasts the lifetime of a pod.',
    req: ['image', 'monitors'],
    f: {
      fsType: ['s', 'fsType is the filesystem type of the volume that you want to mount.'],
      image: ['s', 'image is the rados image name.'],
      keyring: ['s', 'keyring is the path to key ring for RBDUser.'],
      monitors: ['[]s', 'monitors is a collection of Ceph monitors.'],
      pool: ['s', 'pool is the rados pool name.'],
      readOnly: ['b', 'readOnly here will force the ReadOnly setting in VolumeMounts.'],
      secretRef: ['SecretReference', ''],
      user: ['s', 'user is the rados user name.'],
    },
  },
  ScaleIOPersistentVolumeSource: {
    d: 'ScaleIOPersistentVolumeSource represents a persistent ScaleIO volume',
    req: ['gateway', 'secretRef', 'system'],
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      gateway: ['s', 'gateway is the host address of the ScaleIO API Gateway.'],
      protectionDomain: [
        's',
        'protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.',
      ],
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      secretRef: ['SecretReference', ''],
      sslEnabled: [
        'b',
        'sslEnabled is the flag to enable/disable SSL communication with Gateway, default false',
      ],
      storageMode: [
        's',
        'storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned.',
      ],
      storagePool: ['s', 'storagePool is the ScaleIO Storage Pool associated with the protection domain.'],
      system: ['s', 'system is the name of the storage system as configured in ScaleIO.'],
      volumeName: [
        's',
        'volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.',
      ],
    },
  },
  StorageOSPersistentVolumeSource: {
    d: 'Represents a StorageOS persistent volume resource.',
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      secretRef: ['ObjectReference', ''],
      volumeName: ['s', 'volumeName is the human-readable name of the StorageOS volume.'],
      volumeNamespace: ['s', 'volumeNamespace specifies the scope of the volume within StorageOS.'],
    },
  },
  VsphereVirtualDiskVolumeSource: {
    d: 'Represents a vSphere volume resource.',
    req: ['volumePath'],
    f: {
      fsType: ['s', 'fsType is filesystem type to mount.'],
      storagePolicyID: [
        's',
        'storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName.',
      ],
      storagePolicyName: [
        's',
        'storagePolicyName is the storage Policy Based Management (SPBM) profile name.',
      ],
      volumePath: ['s', 'volumePath is the path that identifies vSphere volume vmdk'],
    },
  },
  ReplicationControllerCondition: {
    d: 'ReplicationControllerCondition describes the state of a replication controller at a certain point.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: ['Time', 'The last time the condition transitioned from one status to another.'],
      message: ['s', 'A human readable message indicating details about the transition.'],
      reason: ['s', "The reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of replication controller condition.'],
    },
  },
  ScopeSelector: {
    d: 'A scope selector represents the AND of the selectors represented by the scoped-resource selector requirements.',
    f: {
      matchExpressions: [
        '[]ScopedResourceSelectorRequirement',
        'A list of scope selector requirements by scope of the resources.',
      ],
    },
  },
  LimitRangeItem: {
    d: 'LimitRangeItem defines a min/max usage limit for any resource that matches on kind.',
    req: ['type'],
    f: {
      default: [
        '{}Quantity',
        'Default resource requirement limit value by resource name if resource limit is omitted.',
      ],
      defaultRequest: [
        '{}Quantity',
        'DefaultRequest is the default resource requirement request value by resource name if resource request is omitted.',
      ],
      max: ['{}Quantity', 'Max usage constraints on this kind by resource name.'],
      maxLimitRequestRatio: [
        '{}Quantity',
        'MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero where limit divided by request is less than or equal to the enumerated value; this represents the max burst...',
      ],
      min: ['{}Quantity', 'Min usage constraints on this kind by resource name.'],
      type: ['s', 'Type of resource that this limit applies to.'],
    },
  },
  ConfigMapNodeConfigSource: {
    d: 'ConfigMapNodeConfigSource contains the information to reference a ConfigMap as a config source for the Node.',
    req: ['kubeletConfigKey', 'name', 'namespace'],
    f: {
      kubeletConfigKey: [
        's',
        'KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases.',
      ],
      name: ['s', 'Name is the metadata.name of the referenced ConfigMap.'],
      namespace: ['s', 'Namespace is the metadata.namespace of the referenced ConfigMap.'],
      resourceVersion: ['s', 'ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap.'],
      uid: ['s', 'UID is the metadata.UID of the referenced ConfigMap.'],
    },
  },
  DaemonEndpoint: {
    d: 'DaemonEndpoint contains information about a single Daemon endpoint.',
    req: ['Port'],
    f: {
      Port: ['i32', 'Port number of the given endpoint.'],
    },
  },
  NodeSwapStatus: {
    d: 'NodeSwapStatus represents swap memory information.',
    f: {
      capacity: ['i64', 'Total amount of swap memory in bytes.'],
    },
  },
  NodeRuntimeHandlerFeatures: {
    d: 'NodeRuntimeHandlerFeatures is a set of features implemented by the runtime handler.',
    f: {
      recursiveReadOnlyMounts: [
        'b',
        'RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts.',
      ],
      userNamespaces: [
        'b',
        'UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.',
      ],
    },
  },
  NodeAffinity: {
    d: 'Node affinity is a group of node affinity scheduling rules.',
    f: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        '[]PreferredSchedulingTerm',
        'The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions.',
      ],
      requiredDuringSchedulingIgnoredDuringExecution: ['NodeSelector', ''],
    },
  },
  PodAffinity: {
    d: 'Pod affinity is a group of inter pod affinity scheduling rules.',
    f: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        '[]WeightedPodAffinityTerm',
        'The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions.',
      ],
      requiredDuringSchedulingIgnoredDuringExecution: [
        '[]PodAffinityTerm',
        'If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node.',
      ],
    },
  },
  PodAntiAffinity: {
    d: 'Pod anti affinity is a group of inter pod anti affinity scheduling rules.',
    f: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        '[]WeightedPodAffinityTerm',
        'The scheduler will prefer to schedule pods to nodes that satisfy the anti-affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions.',
      ],
      requiredDuringSchedulingIgnoredDuringExecution: [
        '[]PodAffinityTerm',
        'If the anti-affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node.',
      ],
    },
  },
  EnvVar: {
    d: 'EnvVar represents an environment variable present in a Container.',
    req: ['name'],
    f: {
      name: ['s', 'Name of the environment variable.'],
      value: [
        's',
        'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables.',
      ],
      valueFrom: ['EnvVarSource', ''],
    },
  },
  EnvFromSource: {
    d: 'EnvFromSource represents the source of a set of ConfigMaps or Secrets',
    f: {
      configMapRef: ['ConfigMapEnvSource', ''],
      prefix: ['s', 'Optional text to prepend to the name of each environment variable.'],
      secretRef: ['SecretEnvSource', ''],
    },
  },
  Lifecycle: {
    d: 'Lifecycle describes actions that the management system should take in response to container lifecycle events.',
    f: {
      postStart: ['LifecycleHandler', ''],
      preStop: ['LifecycleHandler', ''],
      stopSignal: [
        's',
        'StopSignal defines which signal will be sent to a container when it is being stopped.',
      ],
    },
  },
  Probe: {
    d: 'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.',
    f: {
      exec: ['ExecAction', ''],
      failureThreshold: [
        'i32',
        'Minimum consecutive failures for the probe to be considered failed after having succeeded.',
      ],
      grpc: ['GRPCAction', ''],
      httpGet: ['HTTPGetAction', ''],
      initialDelaySeconds: [
        'i32',
        'Number of seconds after the container has started before liveness probes are initiated.',
      ],
      periodSeconds: ['i32', 'How often (in seconds) to perform the probe.'],
      successThreshold: [
        'i32',
        'Minimum consecutive successes for the probe to be considered successful after having failed.',
      ],
      tcpSocket: ['TCPSocketAction', ''],
      terminationGracePeriodSeconds: [
        'i64',
        'Optional duration in seconds the pod needs to terminate gracefully upon probe failure.',
      ],
      timeoutSeconds: ['i32', 'Number of seconds after which the probe times out.'],
    },
  },
  ContainerPort: {
    d: 'ContainerPort represents a network port in a single container.',
    req: ['containerPort'],
    f: {
      containerPort: ['i32', "Number of port to expose on the pod's IP address."],
      hostIP: ['s', 'What host IP to bind the external port to.'],
      hostPort: ['i32', 'Number of port to expose on the host.'],
      name: ['s', 'If specified, this must be an IANA_SVC_NAME and unique within the pod.'],
      protocol: ['s', 'Protocol for port.'],
    },
  },
  ContainerResizePolicy: {
    d: 'ContainerResizePolicy represents resource resize policy for the container.',
    req: ['resourceName', 'restartPolicy'],
    f: {
      resourceName: ['s', 'Name of the resource to which this resource resize policy applies.'],
      restartPolicy: ['s', 'Restart policy to apply when specified resource is resized.'],
    },
  },
  ContainerRestartRule: {
    d: 'ContainerRestartRule describes how a container exit is handled.',
    req: ['action'],
    f: {
      action: ['s', 'Specifies the action taken on a container exit if the requirements are satisfied.'],
      exitCodes: ['ContainerRestartRuleOnExitCodes', ''],
    },
  },
  SecurityContext: {
    d: 'SecurityContext holds security configuration that will be applied to a container.',
    f: {
      allowPrivilegeEscalation: [
        'b',
        'AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process.',
      ],
      appArmorProfile: ['AppArmorProfile', ''],
      capabilities: ['Capabilities', ''],
      privileged: ['b', 'Run container in privileged mode.'],
      procMount: ['s', 'procMount denotes the type of proc mount to use for the containers.'],
      readOnlyRootFilesystem: ['b', 'Whether this container has a read-only root filesystem.'],
      runAsGroup: ['i64', 'The GID to run the entrypoint of the container process.'],
      runAsNonRoot: ['b', 'Indicates that the container must run as a non-root user.'],
      runAsUser: ['i64', 'The UID to run the entrypoint of the container process.'],
      seLinuxOptions: ['SELinuxOptions', ''],
      seccompProfile: ['SeccompProfile', ''],
      windowsOptions: ['WindowsSecurityContextOptions', ''],
    },
  },
  VolumeDevice: {
    d: 'volumeDevice describes a mapping of a raw block device within a container.',
    req: ['devicePath', 'name'],
    f: {
      devicePath: ['s', 'devicePath is the path inside of the container that the device will be mapped to.'],
      name: ['s', 'name must match the name of a persistentVolumeClaim in the pod'],
    },
  },
  VolumeMount: {
    d: 'VolumeMount describes a mounting of a Volume within a container.',
    req: ['mountPath', 'name'],
    f: {
      mountPath: ['s', 'Path within the container at which the volume should be mounted.'],
      mountPropagation: [
        's',
        'mountPropagation determines how mounts are propagated from the host to container and the other way around.',
      ],
      name: ['s', 'This must match the Name of a Volume.'],
      readOnly: ['b', 'Mounted read-only if true, read-write otherwise (false or unspecified).'],
      recursiveReadOnly: [
        's',
        'RecursiveReadOnly specifies whether read-only mounts should be handled recursively.',
      ],
      subPath: ['s', "Path within the volume from which the container's volume should be mounted."],
      subPathExpr: [
        's',
        "Expanded path within the volume from which the container's volume should be mounted.",
      ],
    },
  },
  PodDNSConfigOption: {
    d: 'PodDNSConfigOption defines DNS resolver options of a pod.',
    f: {
      name: ['s', "Name is this DNS resolver option's name."],
      value: ['s', "Value is this DNS resolver option's value."],
    },
  },
  ResourceClaim: {
    d: 'ResourceClaim references one entry in PodSpec.ResourceClaims.',
    req: ['name'],
    f: {
      name: [
        's',
        'Name must match the name of one entry in pod.spec.resourceClaims of the Pod where this field is used.',
      ],
      request: ['s', 'Request is the name chosen for a request in the referenced claim.'],
    },
  },
  AppArmorProfile: {
    d: "AppArmorProfile defines a pod or container's AppArmor settings.",
    req: ['type'],
    f: {
      localhostProfile: ['s', 'localhostProfile indicates a profile loaded on the node that should be used.'],
      type: ['s', 'type indicates which kind of AppArmor profile will be applied.'],
    },
  },
  SELinuxOptions: {
    d: 'SELinuxOptions are the labels to be applied to the container',
    f: {
      level: ['s', 'Level is SELinux level label that applies to the container.'],
      role: ['s', 'Role is a SELinux role label that applies to the container.'],
      type: ['s', 'Type is a SELinux type label that applies to the container.'],
      user: ['s', 'User is a SELinux user label that applies to the container.'],
    },
  },
  SeccompProfile: {
    d: "SeccompProfile defines a pod/container's seccomp profile settings.",
    req: ['type'],
    f: {
      localhostProfile: [
        's',
        'localhostProfile indicates a profile defined in a file on the node should be used.',
      ],
      type: ['s', 'type indicates which kind of seccomp profile will be applied.'],
    },
  },
  Sysctl: {
    d: 'Sysctl defines a kernel parameter to be set',
    req: ['name', 'value'],
    f: {
      name: ['s', 'Name of a property to set'],
      value: ['s', 'Value of a property to set'],
    },
  },
  WindowsSecurityContextOptions: {
    d: 'WindowsSecurityContextOptions contain Windows-specific options and credentials.',
    f: {
      gmsaCredentialSpec: [
        's',
        'GMSACredentialSpec is where the GMSA admission webhook (https://github.com/kubernetes-sigs/windows-gmsa) inlines the contents of the GMSA credential spec named by the GMSACredentialSpecName field.',
      ],
      gmsaCredentialSpecName: ['s', 'GMSACredentialSpecName is the name of the GMSA credential spec to use.'],
      hostProcess: [
        'b',
        "HostProcess determines if a container should be run as a 'Host Process' container.",
      ],
      runAsUserName: ['s', 'The UserName in Windows to run the entrypoint of the container process.'],
    },
  },
  AzureFileVolumeSource: {
    d: 'AzureFile represents an Azure File Service mount on the host and bind mount to the pod.',
    req: ['secretName', 'shareName'],
    f: {
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      secretName: ['s', 'secretName is the name of secret that contains Azure Storage Account Name and Key'],
      shareName: ['s', 'shareName is the azure share Name'],
    },
  },
  CephFSVolumeSource: {
    d: 'Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.',
    req: ['monitors'],
    f: {
      monitors: [
        '[]s',
        'monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      ],
      path: ['s', 'path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /'],
      readOnly: ['b', 'readOnly is Optional: Defaults to false (read/write).'],
      secretFile: [
        's',
        'secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      ],
      secretRef: ['LocalObjectReference', ''],
      user: [
        's',
        'user is optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      ],
    },
  },
  CinderVolumeSource: {
    d: 'Represents a cinder volume resource in Openstack.',
    req: ['volumeID'],
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      secretRef: ['LocalObjectReference', ''],
      volumeID: ['s', 'volumeID used to identify the volume in cinder.'],
    },
  },
  ConfigMapVolumeSource: {
    d: 'Adapts a ConfigMap into a volume.',
    f: {
      defaultMode: [
        'i32',
        'defaultMode is optional: mode bits used to set permissions on created files by default.',
      ],
      items: [
        '[]KeyToPath',
        'items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value.',
      ],
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'optional specify whether the ConfigMap or its keys must be defined'],
    },
  },
  CSIVolumeSource: {
    d: 'Represents a source location of a volume to mount, managed by an external CSI driver',
    req: ['driver'],
    f: {
      driver: ['s', 'driver is the name of the CSI driver that handles this volume.'],
      fsType: ['s', 'fsType to mount.'],
      nodePublishSecretRef: ['LocalObjectReference', ''],
      readOnly: ['b', 'readOnly specifies a read-only configuration for the volume.'],
      volumeAttributes: [
        '{}s',
        'volumeAttributes stores driver-specific properties that are passed to the CSI driver.',
      ],
    },
  },
  DownwardAPIVolumeSource: {
    d: 'DownwardAPIVolumeSource represents a volume containing downward API info.',
    f: {
      defaultMode: ['i32', 'Optional: mode bits to use on created files by default.'],
      items: ['[]DownwardAPIVolumeFile', 'Items is a list of downward API volume file'],
    },
  },
  EmptyDirVolumeSource: {
    d: 'Represents an empty directory for a pod.',
    f: {
      medium: ['s', 'medium represents what type of storage medium should back this directory.'],
      sizeLimit: [
        'Quantity',
        'sizeLimit is the total amount of local storage required for this EmptyDir volume.',
      ],
    },
  },
  EphemeralVolumeSource: {
    d: 'Represents an ephemeral volume that is handled by a normal storage driver.',
    f: {
      volumeClaimTemplate: ['PersistentVolumeClaimTemplate', ''],
    },
  },
  FlexVolumeSource: {
    d: 'FlexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin.',
    req: ['driver'],
    f: {
      driver: ['s', 'driver is the name of the driver to use for this volume.'],
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      options: ['{}s', 'options is Optional: this field holds extra command options if any.'],
      readOnly: ['b', 'readOnly is Optional: defaults to false (read/write).'],
      secretRef: ['LocalObjectReference', ''],
    },
  },
  GitRepoVolumeSource: {
    d: 'Represents a volume that is populated with the contents of a git repository.',
    req: ['repository'],
    f: {
      directory: ['s', 'directory is the target directory name.'],
      repository: ['s', 'repository is the URL'],
      revision: ['s', 'revision is the commit hash for the specified revision.'],
    },
  },
  GlusterfsVolumeSource: {
    d: 'Represents a Glusterfs mount that lasts the lifetime of a pod.',
    req: ['endpoints', 'path'],
    f: {
      endpoints: ['s', 'endpoints is the endpoint name that details Glusterfs topology.'],
      path: ['s', 'path is the Glusterfs volume path.'],
      readOnly: [
        'b',
        'readOnly here will force the Glusterfs volume to be mounted with read-only permissions.',
      ],
    },
  },
  ImageVolumeSource: {
    d: 'ImageVolumeSource represents a image volume resource.',
    f: {
      pullPolicy: ['s', 'Policy for pulling OCI objects.'],
      reference: ['s', 'Required: Image or artifact reference to be used.'],
    },
  },
  ISCSIVolumeSource: {
    d: 'Represents an ISCSI disk.',
    req: ['iqn', 'lun', 'targetPortal'],
    f: {
      chapAuthDiscovery: [
        'b',
        'chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication',
      ],
      chapAuthSession: ['b', 'chapAuthSession defines whether support iSCSI Session CHAP authentication'],
      fsType: ['s', 'fsType is the filesystem type of the volume that you want to mount.'],
      initiatorName: ['s', 'initiatorName is the custom iSCSI Initiator Name.'],
      iqn: ['s', 'iqn is the target iSCSI Qualified Name.'],
      iscsiInterface: ['s', 'iscsiInterface is the interface Name that uses an iSCSI transport.'],
      lun: ['i32', 'lun represents iSCSI Target Lun number.'],
      portals: ['[]s', 'portals is the iSCSI Target Portal List.'],
      readOnly: ['b', 'readOnly here will force the ReadOnly setting in VolumeMounts.'],
      secretRef: ['LocalObjectReference', ''],
      targetPortal: ['s', 'targetPortal is iSCSI Target Portal.'],
    },
  },
  PersistentVolumeClaimVolumeSource: {
    d: "PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace.",
    req: ['claimName'],
    f: {
      claimName: [
        's',
        'claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume.',
      ],
      readOnly: ['b', 'readOnly Will force the ReadOnly setting in VolumeMounts.'],
    },
  },
  ProjectedVolumeSource: {
    d: 'Represents a projected volume source',
    f: {
      defaultMode: [
        'i32',
        'defaultMode are the mode bits used to set permissions on created files by default.',
      ],
      sources: ['[]VolumeProjection', 'sources is the list of volume projections.'],
    },
  },
  RBDVolumeSource: {
    d: 'Represents a Rados Block Device mount that lasts the lifetime of a pod.',
    req: ['image', 'monitors'],
    f: {
      fsType: ['s', 'fsType is the filesystem type of the volume that you want to mount.'],
      image: ['s', 'image is the rados image name.'],
      keyring: ['s', 'keyring is the path to key ring for RBDUser.'],
      monitors: ['[]s', 'monitors is a collection of Ceph monitors.'],
      pool: ['s', 'pool is the rados pool name.'],
      readOnly: ['b', 'readOnly here will force the ReadOnly setting in VolumeMounts.'],
      secretRef: ['LocalObjectReference', ''],
      user: ['s', 'user is the rados user name.'],
    },
  },
  ScaleIOVolumeSource: {
    d: 'ScaleIOVolumeSource represents a persistent ScaleIO volume',
    req: ['gateway', 'secretRef', 'system'],
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      gateway: ['s', 'gateway is the host address of the ScaleIO API Gateway.'],
      protectionDomain: [
        's',
        'protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.',
      ],
      readOnly: ['b', 'readOnly Defaults to false (read/write).'],
      secretRef: ['LocalObjectReference', ''],
      sslEnabled: ['b', 'sslEnabled Flag enable/disable SSL communication with Gateway, default false'],
      storageMode: [
        's',
        'storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned.',
      ],
      storagePool: ['s', 'storagePool is the ScaleIO Storage Pool associated with the protection domain.'],
      system: ['s', 'system is the name of the storage system as configured in ScaleIO.'],
      volumeName: [
        's',
        'volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.',
      ],
    },
  },
  SecretVolumeSource: {
    d: 'Adapts a Secret into a volume.',
    f: {
      defaultMode: [
        'i32',
        'defaultMode is Optional: mode bits used to set permissions on created files by default.',
      ],
      items: [
        '[]KeyToPath',
        'items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value.',
      ],
      optional: ['b', 'optional field specify whether the Secret or its keys must be defined'],
      secretName: ['s', "secretName is the name of the secret in the pod's namespace to use."],
    },
  },
  StorageOSVolumeSource: {
    d: 'Represents a StorageOS persistent volume resource.',
    f: {
      fsType: ['s', 'fsType is the filesystem type to mount.'],
      readOnly: ['b', 'readOnly defaults to false (read/write).'],
      secretRef: ['LocalObjectReference', ''],
      volumeName: ['s', 'volumeName is the human-readable name of the StorageOS volume.'],
      volumeNamespace: ['s', 'volumeNamespace specifies the scope of the volume within StorageOS.'],
    },
  },
  ResourceStatus: {
    d: 'ResourceStatus represents the status of a single resource allocated to a Pod.',
    req: ['name'],
    f: {
      name: ['s', 'Name of the resource.'],
      resources: ['[]ResourceHealth', 'List of unique resources health.'],
    },
  },
  ContainerState: {
    d: 'ContainerState holds a possible state of container.',
    f: {
      running: ['ContainerStateRunning', ''],
      terminated: ['ContainerStateTerminated', ''],
      waiting: ['ContainerStateWaiting', ''],
    },
  },
  ContainerUser: {
    d: 'ContainerUser represents user identity information',
    f: {
      linux: ['LinuxContainerUser', ''],
    },
  },
  VolumeMountStatus: {
    d: 'VolumeMountStatus shows status of volume mounts.',
    req: ['mountPath', 'name'],
    f: {
      mountPath: ['s', 'MountPath corresponds to the original VolumeMount.'],
      name: ['s', 'Name corresponds to the name of the original VolumeMount.'],
      readOnly: ['b', 'ReadOnly corresponds to the original VolumeMount.'],
      recursiveReadOnly: [
        's',
        'RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts).',
      ],
    },
  },
  ContainerExtendedResourceRequest: {
    d: 'ContainerExtendedResourceRequest has the mapping of container name, extended resource name to the device request name.',
    req: ['containerName', 'requestName', 'resourceName'],
    f: {
      containerName: ['s', 'The name of the container requesting resources.'],
      requestName: [
        's',
        'The name of the request in the special ResourceClaim which corresponds to the extended resource.',
      ],
      resourceName: ['s', 'The name of the extended resource in that container which gets backed by DRA.'],
    },
  },
  ClientIPConfig: {
    d: 'ClientIPConfig represents the configurations of Client IP based session affinity.',
    f: {
      timeoutSeconds: ['i32', 'timeoutSeconds specifies the seconds of ClientIP type session sticky time.'],
    },
  },
  LoadBalancerIngress: {
    d: 'LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point.',
    f: {
      hostname: [
        's',
        'Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)',
      ],
      ip: [
        's',
        'IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)',
      ],
      ipMode: [
        's',
        'IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified.',
      ],
      ports: [
        '[]PortStatus',
        'Ports is a list of records of service ports If used, every port defined in the service should have an entry in it',
      ],
    },
  },
  SecretReference: {
    d: 'SecretReference represents a Secret Reference.',
    f: {
      name: ['s', 'name is unique within a namespace to reference a secret resource.'],
      namespace: ['s', 'namespace defines the space within which the secret name must be unique.'],
    },
  },
  NodeSelector: {
    d: 'A node selector represents the union of the results of one or more label queries over a set of nodes; that is, it represents the OR of the selectors represented by the node selector terms.',
    req: ['nodeSelectorTerms'],
    f: {
      nodeSelectorTerms: ['[]NodeSelectorTerm', 'Required.'],
    },
  },
  ScopedResourceSelectorRequirement: {
    d: 'A scoped-resource selector requirement is a selector that contains values, a scope name, and an operator that relates the scope name and values.',
    req: ['operator', 'scopeName'],
    f: {
      operator: ['s', "Represents a scope's relationship to a set of values."],
      scopeName: ['s', 'The name of the scope that the selector applies to.'],
      values: ['[]s', 'An array of string values.'],
    },
  },
  PreferredSchedulingTerm: {
    d: 'An empty preferred scheduling term matches all objects with implicit weight 0 (i.e.',
    req: ['preference', 'weight'],
    f: {
      preference: ['NodeSelectorTerm', ''],
      weight: [
        'i32',
        'Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.',
      ],
    },
  },
  WeightedPodAffinityTerm: {
    d: 'The weights of all of the matched WeightedPodAffinityTerm fields are added per-node to find the most preferred node(s)',
    req: ['podAffinityTerm', 'weight'],
    f: {
      podAffinityTerm: ['PodAffinityTerm', ''],
      weight: [
        'i32',
        'weight associated with matching the corresponding podAffinityTerm, in the range 1-100.',
      ],
    },
  },
  PodAffinityTerm: {
    d: 'Defines a set of pods (namely those matching the labelSelector relative to the given namespace(s)) that this pod should be co-located (affinity) or not co-located (anti-affinity) with, where co-located is defined as...',
    req: ['topologyKey'],
    f: {
      labelSelector: ['meta.LabelSelector', ''],
      matchLabelKeys: [
        '[]s',
        'MatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration.',
      ],
      mismatchLabelKeys: [
        '[]s',
        'MismatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration.',
      ],
      namespaceSelector: ['meta.LabelSelector', ''],
      namespaces: ['[]s', 'namespaces specifies a static list of namespace names that the term applies to.'],
      topologyKey: [
        's',
        'This pod should be co-located (affinity) or not co-located (anti-affinity) with the pods matching the labelSelector in the specified namespaces, where co-located is defined as running on a node whose value of the...',
      ],
    },
  },
  EnvVarSource: {
    d: 'EnvVarSource represents a source for the value of an EnvVar.',
    f: {
      configMapKeyRef: ['ConfigMapKeySelector', ''],
      fieldRef: ['ObjectFieldSelector', ''],
      fileKeyRef: ['FileKeySelector', ''],
      resourceFieldRef: ['ResourceFieldSelector', ''],
      secretKeyRef: ['SecretKeySelector', ''],
    },
  },
  ConfigMapEnvSource: {
    d: 'ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.',
    f: {
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'Specify whether the ConfigMap must be defined'],
    },
  },
  SecretEnvSource: {
    d: 'SecretEnvSource selects a Secret to populate the environment variables with.',
    f: {
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'Specify whether the Secret must be defined'],
    },
  },
  LifecycleHandler: {
    d: 'LifecycleHandler defines a specific action that should be taken in a lifecycle hook.',
    f: {
      exec: ['ExecAction', ''],
      httpGet: ['HTTPGetAction', ''],
      sleep: ['SleepAction', ''],
      tcpSocket: ['TCPSocketAction', ''],
    },
  },
  ExecAction: {
    d: 'ExecAction describes a "run in container" action.',
    f: {
      command: [
        '[]s',
        "Command is the command line to execute inside the container, the working directory for the command is root ('/') in the container's filesystem.",
      ],
    },
  },
  GRPCAction: {
    d: 'GRPCAction specifies an action involving a GRPC service.',
    req: ['port'],
    f: {
      port: ['i32', 'Port number of the gRPC service.'],
      service: [
        's',
        'Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).',
      ],
    },
  },
  HTTPGetAction: {
    d: 'HTTPGetAction describes an action based on HTTP Get requests.',
    req: ['port'],
    f: {
      host: ['s', 'Host name to connect to, defaults to the pod IP.'],
      httpHeaders: ['[]HTTPHeader', 'Custom headers to set in the request.'],
      path: ['s', 'Path to access on the HTTP server.'],
      port: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
      scheme: ['s', 'Scheme to use for connecting to the host.'],
    },
  },
  TCPSocketAction: {
    d: 'TCPSocketAction describes an action based on opening a socket',
    req: ['port'],
    f: {
      host: ['s', 'Optional: Host name to connect to, defaults to the pod IP.'],
      port: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
    },
  },
  ContainerRestartRuleOnExitCodes: {
    d: 'ContainerRestartRuleOnExitCodes describes the condition for handling an exited container based on its exit codes.',
    req: ['operator'],
    f: {
      operator: [
        's',
        'Represents the relationship between the container exit code(s) and the specified values.',
      ],
      values: ['[]f64', 'Specifies the set of values to check for container exit codes.'],
    },
  },
  Capabilities: {
    d: 'Adds and removes POSIX capabilities from running containers.',
    f: {
      add: ['[]s', 'Added capabilities'],
      drop: ['[]s', 'Removed capabilities'],
    },
  },
  KeyToPath: {
    d: 'Maps a string key to a path within a volume.',
    req: ['key', 'path'],
    f: {
      key: ['s', 'key is the key to project.'],
      mode: ['i32', 'mode is Optional: mode bits used to set permissions on this file.'],
      path: ['s', 'path is the relative path of the file to map the key to.'],
    },
  },
  DownwardAPIVolumeFile: {
    d: 'DownwardAPIVolumeFile represents information to create the file containing the pod field',
    req: ['path'],
    f: {
      fieldRef: ['ObjectFieldSelector', ''],
      mode: [
        'i32',
        'Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511.',
      ],
      path: ['s', 'Required: Path is the relative path name of the file to be created.'],
      resourceFieldRef: ['ResourceFieldSelector', ''],
    },
  },
  PersistentVolumeClaimTemplate: {
    d: 'PersistentVolumeClaimTemplate is used to produce PersistentVolumeClaim objects as part of an EphemeralVolumeSource.',
    req: ['spec'],
    f: {
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: [
        'PersistentVolumeClaimSpec',
        'Specification of the desired behavior of the PersistentVolumeClaimTemplate.',
      ],
    },
  },
  VolumeProjection: {
    d: 'Projection that may be projected along with other supported volume types.',
    f: {
      clusterTrustBundle: ['ClusterTrustBundleProjection', ''],
      configMap: ['ConfigMapProjection', ''],
      downwardAPI: ['DownwardAPIProjection', ''],
      podCertificate: ['PodCertificateProjection', ''],
      secret: ['SecretProjection', ''],
      serviceAccountToken: ['ServiceAccountTokenProjection', ''],
    },
  },
  ResourceHealth: {
    d: 'ResourceHealth represents the health of a resource.',
    req: ['resourceID'],
    f: {
      health: ['s', 'Health of the resource.'],
      resourceID: ['s', 'ResourceID is the unique identifier of the resource.'],
    },
  },
  ContainerStateRunning: {
    d: 'ContainerStateRunning is a running state of a container.',
    f: {
      startedAt: ['Time', 'Time at which the container was last (re-)started'],
    },
  },
  ContainerStateTerminated: {
    d: 'ContainerStateTerminated is a terminated state of a container.',
    req: ['exitCode'],
    f: {
      containerID: ['s', "Container's ID in the format '<type>://<container_id>'"],
      exitCode: ['i32', 'Exit status from the last termination of the container'],
      finishedAt: ['Time', 'Time at which the container last terminated'],
      message: ['s', 'Message regarding the last termination of the container'],
      reason: ['s', '(brief) reason from the last termination of the container'],
      signal: ['i32', 'Signal from the last termination of the container'],
      startedAt: ['Time', 'Time at which previous execution of the container started'],
    },
  },
  ContainerStateWaiting: {
    d: 'ContainerStateWaiting is a waiting state of a container.',
    f: {
      message: ['s', 'Message regarding why the container is not yet running.'],
      reason: ['s', '(brief) reason the container is not yet running.'],
    },
  },
  LinuxContainerUser: {
    d: 'LinuxContainerUser represents user identity information in Linux containers',
    req: ['gid', 'uid'],
    f: {
      gid: ['i64', 'GID is the primary gid initially attached to the first process in the container'],
      supplementalGroups: [
        '[]f64',
        'SupplementalGroups are the supplemental groups initially attached to the first process in the container',
      ],
      uid: ['i64', 'UID is the primary uid initially attached to the first process in the container'],
    },
  },
  PortStatus: {
    d: 'PortStatus represents the error condition of a service port',
    req: ['port', 'protocol'],
    f: {
      error: [
        's',
        'Error is to record the problem with the service port The format of the error shall comply with the following rules: - built-in error values shall be specified in this file and those shall use CamelCase names - cloud...',
      ],
      port: ['i32', 'Port is the port number of the service port of which status is recorded here'],
      protocol: [
        's',
        'Protocol is the protocol of the service port of which status is recorded here The supported values are: "TCP", "UDP", "SCTP"',
      ],
    },
  },
  NodeSelectorTerm: {
    d: 'A null or empty node selector term matches no objects.',
    f: {
      matchExpressions: [
        '[]NodeSelectorRequirement',
        "A list of node selector requirements by node's labels.",
      ],
      matchFields: ['[]NodeSelectorRequirement', "A list of node selector requirements by node's fields."],
    },
  },
  ConfigMapKeySelector: {
    d: 'Selects a key from a ConfigMap.',
    req: ['key'],
    f: {
      key: ['s', 'The key to select.'],
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'Specify whether the ConfigMap or its key must be defined'],
    },
  },
  ObjectFieldSelector: {
    d: 'ObjectFieldSelector selects an APIVersioned field of an object.',
    req: ['fieldPath'],
    f: {
      apiVersion: ['s', 'Version of the schema the FieldPath is written in terms of, defaults to "v1".'],
      fieldPath: ['s', 'Path of the field to select in the specified API version.'],
    },
  },
  FileKeySelector: {
    d: 'FileKeySelector selects a key of the env file.',
    req: ['key', 'path', 'volumeName'],
    f: {
      key: ['s', 'The key within the env file.'],
      optional: ['b', 'Specify whether the file or its key must be defined.'],
      path: ['s', 'The path within the volume from which to select the file.'],
      volumeName: ['s', 'The name of the volume mount containing the env file.'],
    },
  },
  ResourceFieldSelector: {
    d: 'ResourceFieldSelector represents container resources (cpu, memory) and their output format',
    req: ['resource'],
    f: {
      containerName: ['s', 'Container name: required for volumes, optional for env vars'],
      divisor: ['Quantity', 'Specifies the output format of the exposed resources, defaults to "1"'],
      resource: ['s', 'Required: resource to select'],
    },
  },
  SecretKeySelector: {
    d: 'SecretKeySelector selects a key of a Secret.',
    req: ['key'],
    f: {
      key: ['s', 'The key of the secret to select from.'],
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'Specify whether the Secret or its key must be defined'],
    },
  },
  SleepAction: {
    d: 'SleepAction describes a "sleep" action.',
    req: ['seconds'],
    f: {
      seconds: ['i64', 'Seconds is the number of seconds to sleep.'],
    },
  },
  HTTPHeader: {
    d: 'HTTPHeader describes a custom header to be used in HTTP probes',
    req: ['name', 'value'],
    f: {
      name: ['s', 'The header field name.'],
      value: ['s', 'The header field value'],
    },
  },
  ClusterTrustBundleProjection: {
    d: 'ClusterTrustBundleProjection describes how to select a set of ClusterTrustBundle objects and project their contents into the pod filesystem.',
    req: ['path'],
    f: {
      labelSelector: ['meta.LabelSelector', ''],
      name: ['s', 'Select a single ClusterTrustBundle by object name.'],
      optional: [
        'b',
        "If true, don't block pod startup if the referenced ClusterTrustBundle(s) aren't available.",
      ],
      path: ['s', 'Relative path from the volume root to write the bundle.'],
      signerName: ['s', 'Select all ClusterTrustBundles that match this signer name.'],
    },
  },
  ConfigMapProjection: {
    d: 'Adapts a ConfigMap into a projected volume.',
    f: {
      items: [
        '[]KeyToPath',
        'items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value.',
      ],
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'optional specify whether the ConfigMap or its keys must be defined'],
    },
  },
  DownwardAPIProjection: {
    d: 'Represents downward API info for projecting into a projected volume.',
    f: {
      items: ['[]DownwardAPIVolumeFile', 'Items is a list of DownwardAPIVolume file'],
    },
  },
  PodCertificateProjection: {
    d: 'PodCertificateProjection provides a private key and X.509 certificate in the pod filesystem.',
    req: ['keyType', 'signerName'],
    f: {
      certificateChainPath: ['s', 'Write the certificate chain at this path in the projected volume.'],
      credentialBundlePath: ['s', 'Write the credential bundle at this path in the projected volume.'],
      keyPath: ['s', 'Write the key at this path in the projected volume.'],
      keyType: ['s', 'The type of keypair Kubelet will generate for the pod.'],
      maxExpirationSeconds: [
        'i32',
        'maxExpirationSeconds is the maximum lifetime permitted for the certificate.',
      ],
      signerName: ['s', "Kubelet's generated CSRs will be addressed to this signer."],
    },
  },
  SecretProjection: {
    d: 'Adapts a secret into a projected volume.',
    f: {
      items: [
        '[]KeyToPath',
        'items if unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value.',
      ],
      name: ['s', 'Name of the referent.'],
      optional: ['b', 'optional field specify whether the Secret or its key must be defined'],
    },
  },
  ServiceAccountTokenProjection: {
    d: 'ServiceAccountTokenProjection represents a projected service account token volume.',
    req: ['path'],
    f: {
      audience: ['s', 'audience is the intended audience of the token.'],
      expirationSeconds: [
        'i64',
        'expirationSeconds is the requested duration of validity of the service account token.',
      ],
      path: ['s', 'path is the path relative to the mount point of the file to project the token into.'],
    },
  },
  NodeSelectorRequirement: {
    d: 'A node selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
    req: ['key', 'operator'],
    f: {
      key: ['s', 'The label key that the selector applies to.'],
      operator: ['s', "Represents a key's relationship to a set of values."],
      values: ['[]s', 'An array of string values.'],
    },
  },
};
