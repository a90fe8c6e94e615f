/**
 * Go struct layout of k8s.io/api core/v1 (v0.32, the version Kruise v1.9 builds against), as data: JSON name,
 * omitempty and type of every field, in declaration order. Go's encoding/json emits struct fields in this
 * order, and the SidecarSet hash is a sha256 over that output, so the order is part of the observable API.
 *
 * Notation: `name:type` is omitempty, `name!:type` is not; `...T` inlines struct T; types are `string`, `int`,
 * `bool`, `Quantity`, `IntOrString`, `LabelSelector`, `raw` (kept as given), a struct name, or `*T`, `[]T`,
 * `map[]T`. Generated from core/v1/types.go; regenerate rather than edit by hand.
 */
export const CORE_CONTAINER_STRUCTS: Record<string, string | readonly string[]> = {
  Container: [
    'name!:string image:string command:[]string args:[]string workingDir:string ports:[]ContainerPort',
    'envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements',
    'resizePolicy:[]ContainerResizePolicy restartPolicy:*string volumeMounts:[]VolumeMount',
    'volumeDevices:[]VolumeDevice livenessProbe:*Probe readinessProbe:*Probe startupProbe:*Probe',
    'lifecycle:*Lifecycle terminationMessagePath:string terminationMessagePolicy:string',
    'imagePullPolicy:string securityContext:*SecurityContext stdin:bool stdinOnce:bool tty:bool',
  ],
  LocalObjectReference: 'name:string',
  ContainerPort: 'name:string hostPort:int containerPort!:int protocol:string hostIP:string',
  EnvFromSource: 'prefix:string configMapRef:*ConfigMapEnvSource secretRef:*SecretEnvSource',
  EnvVar: 'name!:string value:string valueFrom:*EnvVarSource',
  ResourceRequirements: 'limits:map[]Quantity requests:map[]Quantity claims:[]ResourceClaim',
  ContainerResizePolicy: 'resourceName!:string restartPolicy!:string',
  VolumeMount: [
    'name!:string readOnly:bool recursiveReadOnly:*string mountPath!:string subPath:string',
    'mountPropagation:*string subPathExpr:string',
  ],
  VolumeDevice: 'name!:string devicePath!:string',
  Probe: [
    '...ProbeHandler initialDelaySeconds:int timeoutSeconds:int periodSeconds:int successThreshold:int',
    'failureThreshold:int terminationGracePeriodSeconds:*int',
  ],
  Lifecycle: 'postStart:*LifecycleHandler preStop:*LifecycleHandler',
  SecurityContext: [
    'capabilities:*Capabilities privileged:*bool seLinuxOptions:*SELinuxOptions',
    'windowsOptions:*WindowsSecurityContextOptions runAsUser:*int runAsGroup:*int runAsNonRoot:*bool',
    'readOnlyRootFilesystem:*bool allowPrivilegeEscalation:*bool procMount:*string',
    'seccompProfile:*SeccompProfile appArmorProfile:*AppArmorProfile',
  ],
  ConfigMapEnvSource: '...LocalObjectReference optional:*bool',
  SecretEnvSource: '...LocalObjectReference optional:*bool',
  EnvVarSource: [
    'fieldRef:*ObjectFieldSelector resourceFieldRef:*ResourceFieldSelector',
    'configMapKeyRef:*ConfigMapKeySelector secretKeyRef:*SecretKeySelector',
  ],
  ResourceClaim: 'name!:string request:string',
  ProbeHandler: 'exec:*ExecAction httpGet:*HTTPGetAction tcpSocket:*TCPSocketAction grpc:*GRPCAction',
  LifecycleHandler: 'exec:*ExecAction httpGet:*HTTPGetAction tcpSocket:*TCPSocketAction sleep:*SleepAction',
  Capabilities: 'add:[]string drop:[]string',
  SELinuxOptions: 'user:string role:string type:string level:string',
  WindowsSecurityContextOptions: [
    'gmsaCredentialSpecName:*string gmsaCredentialSpec:*string runAsUserName:*string hostProcess:*bool',
  ],
  SeccompProfile: 'type!:string localhostProfile:*string',
  AppArmorProfile: 'type!:string localhostProfile:*string',
  ObjectFieldSelector: 'apiVersion:string fieldPath!:string',
  ResourceFieldSelector: 'containerName:string resource!:string divisor:Quantity',
  ConfigMapKeySelector: '...LocalObjectReference key!:string optional:*bool',
  SecretKeySelector: '...LocalObjectReference key!:string optional:*bool',
  ExecAction: 'command:[]string',
  HTTPGetAction: 'path:string port!:IntOrString host:string scheme:string httpHeaders:[]HTTPHeader',
  TCPSocketAction: 'port!:IntOrString host:string',
  GRPCAction: 'port!:int service!:*string',
  SleepAction: 'seconds!:int',
  HTTPHeader: 'name!:string value!:string',
};
