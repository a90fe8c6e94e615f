/**
 * The protobuf messages of the built-in kinds clients send as `application/vnd.kubernetes.protobuf` (kubectl's
 * typed create, `auth can-i`, `auth whoami`), written down from the Kubernetes API's field numbers. Only what
 * this server decodes is listed (kubectl run, create and auth); a request carrying a field missing here is refused (see codec.ts), never
 * silently truncated.
 *
 * Notation: `name:type:number`, `[]` before the type for repeated fields, `map<type>` for map<string, type>.
 */
import type { INamespace, IType } from 'protobufjs';

const MESSAGES: Record<string, string> = {
  // k8s.io/apimachinery
  TypeMeta: 'apiVersion:string:1 kind:string:2',
  Unknown: 'typeMeta:TypeMeta:1 raw:bytes:2 contentEncoding:string:3 contentType:string:4',
  Time: 'seconds:int64:1 nanos:int32:2',
  MicroTime: 'seconds:int64:1 nanos:int32:2',
  IntOrString: 'type:int64:1 intVal:int32:2 strVal:string:3',
  Quantity: 'string:string:1',
  OwnerReference: 'kind:string:1 name:string:3 uid:string:4 apiVersion:string:5 controller:bool:6 blockOwnerDeletion:bool:7',
  ObjectMeta: 'name:string:1 generateName:string:2 namespace:string:3 selfLink:string:4 uid:string:5 resourceVersion:string:6 ' +
    'generation:int64:7 creationTimestamp:Time:8 deletionTimestamp:Time:9 deletionGracePeriodSeconds:int64:10 ' +
    'labels:map<string>:11 annotations:map<string>:12 ownerReferences:[]OwnerReference:13 finalizers:[]string:14',
  LabelSelectorRequirement: 'key:string:1 operator:string:2 values:[]string:3',
  LabelSelector: 'matchLabels:map<string>:1 matchExpressions:[]LabelSelectorRequirement:2',
  // core/v1
  NamespaceSpec: 'finalizers:[]string:1',
  NamespaceCondition: 'type:string:1 status:string:2 lastTransitionTime:Time:4 reason:string:5 message:string:6',
  NamespaceStatus: 'phase:string:1 conditions:[]NamespaceCondition:2',
  Namespace: 'metadata:ObjectMeta:1 spec:NamespaceSpec:2 status:NamespaceStatus:3',
  ConfigMap: 'metadata:ObjectMeta:1 data:map<string>:2 binaryData:map<bytes>:3 immutable:bool:4',
  Secret: 'metadata:ObjectMeta:1 data:map<bytes>:2 type:string:3 stringData:map<string>:4 immutable:bool:5',
  ObjectReference: 'kind:string:1 namespace:string:2 name:string:3 uid:string:4 apiVersion:string:5 resourceVersion:string:6 fieldPath:string:7',
  LocalObjectReference: 'name:string:1',
  ServiceAccount: 'metadata:ObjectMeta:1 secrets:[]ObjectReference:2 imagePullSecrets:[]LocalObjectReference:3 automountServiceAccountToken:bool:4',
  ServicePort: 'name:string:1 protocol:string:2 port:int32:3 targetPort:IntOrString:4 nodePort:int32:5 appProtocol:string:6',
  ServiceSpec: 'ports:[]ServicePort:1 selector:map<string>:2 clusterIP:string:3 type:string:4 externalIPs:[]string:5 ' +
    'sessionAffinity:string:7 loadBalancerIP:string:8 loadBalancerSourceRanges:[]string:9 externalName:string:10 ' +
    'externalTrafficPolicy:string:11 healthCheckNodePort:int32:12 publishNotReadyAddresses:bool:13 ipFamilyPolicy:string:17 ' +
    'clusterIPs:[]string:18 ipFamilies:[]string:19 allocateLoadBalancerNodePorts:bool:20 loadBalancerClass:string:21 internalTrafficPolicy:string:22',
  LoadBalancerStatus: 'ingress:[]bytes:1',
  ServiceStatus: 'loadBalancer:LoadBalancerStatus:1',
  Service: 'metadata:ObjectMeta:1 spec:ServiceSpec:2 status:ServiceStatus:3',
  ContainerPort: 'name:string:1 hostPort:int32:2 containerPort:int32:3 protocol:string:4 hostIP:string:5',
  EnvVar: 'name:string:1 value:string:2',
  ResourceRequirements: 'limits:map<Quantity>:1 requests:map<Quantity>:2',
  Container: 'name:string:1 image:string:2 command:[]string:3 args:[]string:4 workingDir:string:5 ports:[]ContainerPort:6 ' +
    'env:[]EnvVar:7 resources:ResourceRequirements:8 terminationMessagePath:string:13 imagePullPolicy:string:14 ' +
    'stdin:bool:16 stdinOnce:bool:17 tty:bool:18 terminationMessagePolicy:string:20',
  PodSpec: 'containers:[]Container:2 restartPolicy:string:3 terminationGracePeriodSeconds:int64:4 activeDeadlineSeconds:int64:5 ' +
    'dnsPolicy:string:6 nodeSelector:map<string>:7 serviceAccountName:string:8 serviceAccount:string:9 nodeName:string:10 ' +
    'hostNetwork:bool:11 hostPID:bool:12 hostIPC:bool:13 imagePullSecrets:[]LocalObjectReference:15 hostname:string:16 ' +
    'subdomain:string:17 schedulerName:string:19 initContainers:[]Container:20 automountServiceAccountToken:bool:21 ' +
    'priorityClassName:string:24 priority:int32:25 shareProcessNamespace:bool:27 runtimeClassName:string:29 ' +
    'enableServiceLinks:bool:30 preemptionPolicy:string:31 setHostnameAsFQDN:bool:35 hostUsers:bool:37',
  PodTemplateSpec: 'metadata:ObjectMeta:1 spec:PodSpec:2',
  // A client's Pod status is ignored on create (status is a subresource); only its always-written scalars are named.
  PodStatus: 'phase:string:1 message:string:3 reason:string:4 hostIP:string:5 podIP:string:6 qosClass:string:9 ' +
    'nominatedNodeName:string:11 resize:string:14 observedGeneration:int64:17',
  Pod: 'metadata:ObjectMeta:1 spec:PodSpec:2 status:PodStatus:3',
  // apps/v1
  RollingUpdateDeployment: 'maxUnavailable:IntOrString:1 maxSurge:IntOrString:2',
  DeploymentStrategy: 'type:string:1 rollingUpdate:RollingUpdateDeployment:2',
  DeploymentSpec: 'replicas:int32:1 selector:LabelSelector:2 template:PodTemplateSpec:3 strategy:DeploymentStrategy:4 ' +
    'minReadySeconds:int32:5 revisionHistoryLimit:int32:6 paused:bool:7 progressDeadlineSeconds:int32:9',
  DeploymentStatus: 'observedGeneration:int64:1 replicas:int32:2 updatedReplicas:int32:3 availableReplicas:int32:4 ' +
    'unavailableReplicas:int32:5 readyReplicas:int32:7 collisionCount:int32:8',
  Deployment: 'metadata:ObjectMeta:1 spec:DeploymentSpec:2 status:DeploymentStatus:3',
  // coordination/v1: what client-go's leader election writes.
  LeaseSpec: 'holderIdentity:string:1 leaseDurationSeconds:int32:2 acquireTime:MicroTime:3 renewTime:MicroTime:4 ' +
    'leaseTransitions:int32:5 strategy:string:6 preferredHolder:string:7',
  Lease: 'metadata:ObjectMeta:1 spec:LeaseSpec:2',
  // authorization/v1, authentication/v1
  ResourceAttributes: 'namespace:string:1 verb:string:2 group:string:3 version:string:4 resource:string:5 subresource:string:6 name:string:7',
  NonResourceAttributes: 'path:string:1 verb:string:2',
  SelfSubjectAccessReviewSpec: 'resourceAttributes:ResourceAttributes:1 nonResourceAttributes:NonResourceAttributes:2',
  SubjectAccessReviewStatus: 'allowed:bool:1 reason:string:2 evaluationError:string:3 denied:bool:4',
  SelfSubjectAccessReview: 'metadata:ObjectMeta:1 spec:SelfSubjectAccessReviewSpec:2 status:SubjectAccessReviewStatus:3',
  SelfSubjectRulesReviewSpec: 'namespace:string:1',
  // Rules are only ever answered, never read from a request: kept as opaque bytes.
  SubjectRulesReviewStatus: 'resourceRules:[]bytes:1 nonResourceRules:[]bytes:2 incomplete:bool:3 evaluationError:string:4',
  SelfSubjectRulesReview: 'metadata:ObjectMeta:1 spec:SelfSubjectRulesReviewSpec:2 status:SubjectRulesReviewStatus:3',
  ExtraValue: 'items:[]string:1',
  UserInfo: 'username:string:1 uid:string:2 groups:[]string:3 extra:map<ExtraValue>:4',
  SelfSubjectReviewStatus: 'userInfo:UserInfo:1',
  SelfSubjectReview: 'metadata:ObjectMeta:1 status:SelfSubjectReviewStatus:2',
};

/** Message types by group/version/kind: the top-level objects this server decodes from protobuf. */
export const PROTOBUF_KINDS: Record<string, string> = {
  'v1/Namespace': 'Namespace', 'v1/Pod': 'Pod', 'v1/ConfigMap': 'ConfigMap', 'v1/Secret': 'Secret', 'v1/ServiceAccount': 'ServiceAccount',
  'v1/Service': 'Service', 'apps/v1/Deployment': 'Deployment', 'coordination.k8s.io/v1/Lease': 'Lease',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'SelfSubjectAccessReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'SelfSubjectRulesReview',
  'authentication.k8s.io/v1/SelfSubjectReview': 'SelfSubjectReview',
};

function parseFields(spec: string): IType['fields'] {
  const fields: IType['fields'] = {};
  for (const f of spec.split(/\s+/).filter(Boolean)) {
    const [name = '', type = '', id = ''] = f.split(':');
    const map = /^map<(.+)>$/.exec(type);
    if (map) fields[name] = { keyType: 'string', type: map[1] ?? '', id: Number(id) } as IType['fields'][string];
    else if (type.startsWith('[]')) fields[name] = { rule: 'repeated', type: type.slice(2), id: Number(id) };
    else fields[name] = { type, id: Number(id) };
  }
  return fields;
}

/**
 * protobufjs's JSON descriptor of MESSAGES. Each type is proto2 (explicit presence), as Kubernetes' generated.proto
 * are: a pointer field set to 0 (`replicas: 0`) must survive, which proto3's implicit presence would drop.
 */
export function descriptor(): INamespace {
  const nested: NonNullable<INamespace['nested']> = {};
  for (const [name, spec] of Object.entries(MESSAGES)) nested[name] = { edition: 'proto2', fields: parseFields(spec) } as IType;
  return { nested };
}
