/**
 * Descriptions of fields whose type is another schema (the generated definitions carry none for those),
 * keyed "package.Type.field". Fields missing here fall back to the referenced type's description.
 */
export const FIELD_DOCS: Readonly<Record<string, string>> = {
  'apps.DeploymentSpec.selector': "Label selector for pods. It must match the pod template's labels.",
  'apps.DeploymentSpec.strategy': 'The deployment strategy to use to replace existing pods with new ones.',
  'apps.DeploymentSpec.template': 'Template describes the pods that will be created.',
  'apps.ReplicaSetSpec.selector': 'Selector is a label query over pods that should match the replica count.',
  'apps.ReplicaSetSpec.template':
    'Template is the object that describes the pod that will be created if insufficient replicas are detected.',
  'apps.DaemonSetSpec.selector': 'A label query over pods that are managed by the daemon set.',
  'apps.DaemonSetSpec.template': 'An object that describes the pod that will be created.',
  'apps.DaemonSetSpec.updateStrategy': 'An update strategy to replace existing DaemonSet pods with new pods.',
  'apps.StatefulSetSpec.selector': 'selector is a label query over pods that should match the replica count.',
  'apps.StatefulSetSpec.template':
    'template is the object that describes the pod that will be created if insufficient replicas are detected.',
  'apps.StatefulSetSpec.updateStrategy':
    'updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.',
  'apps.StatefulSetSpec.ordinals': 'ordinals controls the numbering of replica indices in a StatefulSet.',
  'apps.StatefulSetSpec.persistentVolumeClaimRetentionPolicy':
    'persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates.',
  'apps.DeploymentStrategy.rollingUpdate':
    'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.',
  'apps.DaemonSetUpdateStrategy.rollingUpdate':
    'Rolling update config params. Present only if type = "RollingUpdate".',
  'apps.StatefulSetUpdateStrategy.rollingUpdate':
    'RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.',
  'batch.JobSpec.selector': 'A label query over pods that should match the pod count.',
  'batch.JobSpec.template': 'Describes the pod that will be created when executing a job.',
  'batch.JobSpec.podFailurePolicy': 'Specifies the policy of handling failed pods.',
  'batch.JobSpec.successPolicy':
    'successPolicy specifies the policy when the Job can be declared as succeeded.',
  'core.PodSpec.affinity': "If specified, the pod's scheduling constraints",
  'core.PodSpec.dnsConfig': 'Specifies the DNS parameters of a pod.',
  'core.PodSpec.os': 'Specifies the OS of the containers in the pod.',
  'core.PodSpec.resources':
    'Resources is the total amount of CPU and Memory resources required by all containers in the pod.',
  'core.PodSpec.securityContext':
    'SecurityContext holds pod-level security attributes and common container settings.',
  'core.Affinity.nodeAffinity': 'Describes node affinity scheduling rules for the pod.',
  'core.Affinity.podAffinity':
    'Describes pod affinity scheduling rules (e.g. co-locate this pod in the same node, zone, etc. as some other pod(s)).',
  'core.Affinity.podAntiAffinity':
    'Describes pod anti-affinity scheduling rules (e.g. avoid putting this pod in the same node, zone, etc. as some other pod(s)).',
  'core.NodeAffinity.requiredDuringSchedulingIgnoredDuringExecution':
    'If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node.',
  'core.PreferredSchedulingTerm.preference':
    'A node selector term, associated with the corresponding weight.',
  'core.WeightedPodAffinityTerm.podAffinityTerm':
    'Required. A pod affinity term, associated with the corresponding weight.',
  'core.PodAffinityTerm.labelSelector': 'A label query over a set of resources, in this case pods.',
  'core.PodAffinityTerm.namespaceSelector':
    'A label query over the set of namespaces that the term applies to.',
  'core.TopologySpreadConstraint.labelSelector': 'LabelSelector is used to find matching pods.',
  'core.Container.lifecycle':
    'Actions that the management system should take in response to container lifecycle events.',
  'core.Container.livenessProbe':
    'Periodic probe of container liveness. Container will be restarted if the probe fails.',
  'core.Container.readinessProbe':
    'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails.',
  'core.Container.startupProbe': 'StartupProbe indicates that the Pod has successfully initialized.',
  'core.Container.resources': 'Compute Resources required by this container.',
  'core.Container.securityContext':
    'SecurityContext defines the security options the container should be run with.',
  'core.EnvVar.valueFrom':
    "Source for the environment variable's value. Cannot be used if value is not empty.",
  'core.EnvVarSource.configMapKeyRef': 'Selects a key of a ConfigMap.',
  'core.EnvVarSource.fieldRef':
    'Selects a field of the pod: supports metadata.name, metadata.namespace, metadata.labels, metadata.annotations, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.',
  'core.EnvVarSource.resourceFieldRef':
    'Selects a resource of the container: only resources limits and requests are currently supported.',
  'core.EnvVarSource.secretKeyRef': "Selects a key of a secret in the pod's namespace",
  'core.EnvFromSource.configMapRef': 'The ConfigMap to select from',
  'core.EnvFromSource.secretRef': 'The Secret to select from',
  'core.Probe.exec': 'Exec specifies a command to execute in the container.',
  'core.Probe.grpc': 'GRPC specifies a GRPC HealthCheckRequest.',
  'core.Probe.httpGet': 'HTTPGet specifies an HTTP GET request to perform.',
  'core.Probe.tcpSocket': 'TCPSocket specifies a connection to a TCP port.',
  'core.Lifecycle.postStart': 'PostStart is called immediately after a container is created.',
  'core.Lifecycle.preStop':
    'PreStop is called immediately before a container is terminated due to an API request or management event.',
  'core.Volume.configMap': 'configMap represents a configMap that should populate this volume',
  'core.Volume.emptyDir': "emptyDir represents a temporary directory that shares a pod's lifetime.",
  'core.Volume.hostPath':
    'hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container.',
  'core.Volume.persistentVolumeClaim':
    'persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace.',
  'core.Volume.secret': 'secret represents a secret that should populate this volume.',
  'core.Volume.projected': 'projected items for all in one resources secrets, configmaps, and downward API',
  'core.Volume.downwardAPI':
    'downwardAPI represents downward API about the pod that should populate this volume',
  'core.Volume.csi':
    'csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers.',
  'core.Volume.ephemeral': 'ephemeral represents a volume that is handled by a cluster storage driver.',
  'core.Volume.nfs': "nfs represents an NFS mount on the host that shares a pod's lifetime.",
  'core.ContainerStatus.state': "State holds details about the container's current condition.",
  'core.ContainerStatus.lastState':
    'LastTerminationState holds the last termination state of the container to help debug container crashes and restarts.',
  'core.ContainerStatus.resources':
    'Resources represents the compute resource requests and limits that have been successfully enacted on the running container.',
  'core.ContainerState.running': 'Details about a running container',
  'core.ContainerState.terminated': 'Details about a terminated container',
  'core.ContainerState.waiting': 'Details about a waiting container',
  'core.NodeStatus.nodeInfo': 'Set of ids/uuids to uniquely identify the node.',
  'core.NodeStatus.daemonEndpoints': 'Endpoints of daemons running on the Node.',
  'core.NodeStatus.config':
    'Status of the config assigned to the node via the dynamic Kubelet config feature.',
  'core.NodeStatus.features': 'Features describes the set of features implemented by the CRI implementation.',
  'core.NodeSpec.configSource':
    "Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature.",
  'core.ServiceSpec.sessionAffinityConfig':
    'sessionAffinityConfig contains the configurations of session affinity.',
  'core.ServiceStatus.loadBalancer':
    'LoadBalancer contains the current status of the load-balancer, if one is present.',
  'core.PersistentVolumeClaimSpec.resources':
    'resources represents the minimum resources the volume should have.',
  'core.PersistentVolumeClaimSpec.selector':
    'selector is a label query over volumes to consider for binding.',
  'core.PersistentVolumeClaimSpec.dataSource':
    'dataSource field can be used to specify either an existing VolumeSnapshot object or an existing PVC.',
  'core.PersistentVolumeClaimSpec.dataSourceRef':
    'dataSourceRef specifies the object from which to populate the volume with data, if a non-empty volume is desired.',
  'core.PersistentVolumeSpec.claimRef':
    'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.',
  'core.PersistentVolumeSpec.nodeAffinity':
    'nodeAffinity defines constraints that limit what nodes this volume can be accessed from.',
  'core.PersistentVolumeSpec.hostPath': 'hostPath represents a directory on the host.',
  'core.PersistentVolumeSpec.local': 'local represents directly-attached storage with node affinity',
  'core.PersistentVolumeSpec.csi': 'csi represents storage that is handled by an external CSI driver.',
  'core.PersistentVolumeSpec.nfs': 'nfs represents an NFS mount on the host.',
  'core.Event.involvedObject': 'The object that this event is about.',
  'core.Event.related': 'Optional secondary object for more complex actions.',
  'core.Event.series': "Data about the Event series this event represents or nil if it's a singleton Event.",
  'core.Event.source': 'The component reporting this event. Should be a short machine understandable string.',
  'core.Binding.target': 'The target object that you want to bind to the standard object.',
  'core.EndpointAddress.targetRef': 'Reference to object providing the endpoint.',
  'discovery.Endpoint.conditions':
    'conditions contains information about the current status of the endpoint.',
  'discovery.Endpoint.hints':
    'hints contains information associated with how an endpoint should be consumed.',
  'discovery.Endpoint.targetRef':
    'targetRef is a reference to a Kubernetes object that represents this endpoint.',
  'events.Event.regarding': 'regarding contains the object this Event is about.',
  'events.Event.related': 'related is the optional secondary object for more complex actions.',
  'events.Event.series':
    "series is data about the Event series this event represents or nil if it's a singleton Event.",
  'events.Event.deprecatedSource':
    'deprecatedSource is the deprecated field assuring backward compatibility with core.v1 Event type.',
  'policy.PodDisruptionBudgetSpec.selector':
    'Label query over pods whose evictions are managed by the disruption budget.',
  'policy.Eviction.deleteOptions': 'DeleteOptions may be provided',
  'meta.Status.details': 'Extended data associated with the reason.',
  'meta.DeleteOptions.preconditions': 'Must be fulfilled before a deletion is carried out.',
  'apiextensions.CustomResourceDefinitionSpec.names':
    'names specify the resource and kind names for the custom resource.',
  'apiextensions.CustomResourceDefinitionSpec.conversion':
    'conversion defines conversion settings for the CRD.',
  'apiextensions.CustomResourceDefinitionStatus.acceptedNames':
    'acceptedNames are the names that are actually being used to serve discovery.',
  'apiextensions.CustomResourceDefinitionVersion.schema':
    'schema describes the schema used for validation, pruning, and defaulting of this version of the custom resource.',
  'apiextensions.CustomResourceDefinitionVersion.subresources':
    'subresources specify what subresources this version of the defined custom resource have.',
  'apiextensions.CustomResourceSubresources.scale':
    'scale indicates the custom resource should serve a `/scale` subresource that returns an `autoscaling/v1` Scale object.',
};
