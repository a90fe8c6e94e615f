/**
 * Go struct layout of k8s.io/api core/v1 (v0.32, the version Kruise v1.9 builds against), as data (the Volume closure): JSON name,
 * omitempty and type of every field, in declaration order. Go's encoding/json emits struct fields in this
 * order, and the SidecarSet hash is a sha256 over that output, so the order is part of the observable API.
 *
 * Notation: `name:type` is omitempty, `name!:type` is not; `...T` inlines struct T; types are `string`, `int`,
 * `bool`, `Quantity`, `IntOrString`, `LabelSelector`, `raw` (kept as given), a struct name, or `*T`, `[]T`,
 * `map[]T`. Generated from core/v1/types.go; regenerate rather than edit by hand.
 */
export const CORE_VOLUME_STRUCTS: Record<string, string | readonly string[]> = {
  Volume: 'name!:string ...VolumeSource',
  VolumeSource: [
    'hostPath:*HostPathVolumeSource emptyDir:*EmptyDirVolumeSource',
    'gcePersistentDisk:*GCEPersistentDiskVolumeSource',
    'awsElasticBlockStore:*AWSElasticBlockStoreVolumeSource gitRepo:*GitRepoVolumeSource',
    'secret:*SecretVolumeSource nfs:*NFSVolumeSource iscsi:*ISCSIVolumeSource',
    'glusterfs:*GlusterfsVolumeSource persistentVolumeClaim:*PersistentVolumeClaimVolumeSource',
    'rbd:*RBDVolumeSource flexVolume:*FlexVolumeSource cinder:*CinderVolumeSource',
    'cephfs:*CephFSVolumeSource flocker:*FlockerVolumeSource downwardAPI:*DownwardAPIVolumeSource',
    'fc:*FCVolumeSource azureFile:*AzureFileVolumeSource configMap:*ConfigMapVolumeSource',
    'vsphereVolume:*VsphereVirtualDiskVolumeSource quobyte:*QuobyteVolumeSource',
    'azureDisk:*AzureDiskVolumeSource photonPersistentDisk:*PhotonPersistentDiskVolumeSource',
    'projected:*ProjectedVolumeSource portworxVolume:*PortworxVolumeSource scaleIO:*ScaleIOVolumeSource',
    'storageos:*StorageOSVolumeSource csi:*CSIVolumeSource ephemeral:*EphemeralVolumeSource',
    'image:*ImageVolumeSource',
  ],
  HostPathVolumeSource: 'path!:string type:*string',
  EmptyDirVolumeSource: 'medium:string sizeLimit:*Quantity',
  GCEPersistentDiskVolumeSource: 'pdName!:string fsType:string partition:int readOnly:bool',
  AWSElasticBlockStoreVolumeSource: 'volumeID!:string fsType:string partition:int readOnly:bool',
  GitRepoVolumeSource: 'repository!:string revision:string directory:string',
  SecretVolumeSource: 'secretName:string items:[]KeyToPath defaultMode:*int optional:*bool',
  NFSVolumeSource: 'server!:string path!:string readOnly:bool',
  ISCSIVolumeSource: [
    'targetPortal!:string iqn!:string lun!:int iscsiInterface:string fsType:string readOnly:bool',
    'portals:[]string chapAuthDiscovery:bool chapAuthSession:bool secretRef:*LocalObjectReference',
    'initiatorName:*string',
  ],
  GlusterfsVolumeSource: 'endpoints!:string path!:string readOnly:bool',
  PersistentVolumeClaimVolumeSource: 'claimName!:string readOnly:bool',
  RBDVolumeSource: [
    'monitors!:[]string image!:string fsType:string pool:string user:string keyring:string',
    'secretRef:*LocalObjectReference readOnly:bool',
  ],
  FlexVolumeSource: 'driver!:string fsType:string secretRef:*LocalObjectReference readOnly:bool options:map[]string',
  CinderVolumeSource: 'volumeID!:string fsType:string readOnly:bool secretRef:*LocalObjectReference',
  CephFSVolumeSource: [
    'monitors!:[]string path:string user:string secretFile:string secretRef:*LocalObjectReference',
    'readOnly:bool',
  ],
  FlockerVolumeSource: 'datasetName:string datasetUUID:string',
  DownwardAPIVolumeSource: 'items:[]DownwardAPIVolumeFile defaultMode:*int',
  FCVolumeSource: 'targetWWNs:[]string lun:*int fsType:string readOnly:bool wwids:[]string',
  AzureFileVolumeSource: 'secretName!:string shareName!:string readOnly:bool',
  ConfigMapVolumeSource: '...LocalObjectReference items:[]KeyToPath defaultMode:*int optional:*bool',
  VsphereVirtualDiskVolumeSource: 'volumePath!:string fsType:string storagePolicyName:string storagePolicyID:string',
  QuobyteVolumeSource: 'registry!:string volume!:string readOnly:bool user:string group:string tenant:string',
  AzureDiskVolumeSource: [
    'diskName!:string diskURI!:string cachingMode:*string fsType:*string readOnly:*bool kind:*string',
  ],
  PhotonPersistentDiskVolumeSource: 'pdID!:string fsType:string',
  ProjectedVolumeSource: 'sources!:[]VolumeProjection defaultMode:*int',
  PortworxVolumeSource: 'volumeID!:string fsType:string readOnly:bool',
  ScaleIOVolumeSource: [
    'gateway!:string system!:string secretRef!:*LocalObjectReference sslEnabled:bool',
    'protectionDomain:string storagePool:string storageMode:string volumeName:string fsType:string',
    'readOnly:bool',
  ],
  StorageOSVolumeSource: [
    'volumeName:string volumeNamespace:string fsType:string readOnly:bool secretRef:*LocalObjectReference',
  ],
  CSIVolumeSource: [
    'driver!:string readOnly:*bool fsType:*string volumeAttributes:map[]string',
    'nodePublishSecretRef:*LocalObjectReference',
  ],
  EphemeralVolumeSource: 'volumeClaimTemplate:*PersistentVolumeClaimTemplate',
  ImageVolumeSource: 'reference:string pullPolicy:string',
  KeyToPath: 'key!:string path!:string mode:*int',
  DownwardAPIVolumeFile: [
    'path!:string fieldRef:*ObjectFieldSelector resourceFieldRef:*ResourceFieldSelector mode:*int',
  ],
  VolumeProjection: [
    'secret:*SecretProjection downwardAPI:*DownwardAPIProjection configMap:*ConfigMapProjection',
    'serviceAccountToken:*ServiceAccountTokenProjection clusterTrustBundle:*ClusterTrustBundleProjection',
  ],
  PersistentVolumeClaimTemplate: 'metadata:raw spec!:PersistentVolumeClaimSpec',
  SecretProjection: '...LocalObjectReference items:[]KeyToPath optional:*bool',
  DownwardAPIProjection: 'items:[]DownwardAPIVolumeFile',
  ConfigMapProjection: '...LocalObjectReference items:[]KeyToPath optional:*bool',
  ServiceAccountTokenProjection: 'audience:string expirationSeconds:*int path!:string',
  ClusterTrustBundleProjection: [
    'name:*string signerName:*string labelSelector:*LabelSelector optional:*bool path!:string',
  ],
  PersistentVolumeClaimSpec: [
    'accessModes:[]string selector:*LabelSelector resources:VolumeResourceRequirements volumeName:string',
    'storageClassName:*string volumeMode:*string dataSource:*TypedLocalObjectReference',
    'dataSourceRef:*TypedObjectReference volumeAttributesClassName:*string',
  ],
  VolumeResourceRequirements: 'limits:map[]Quantity requests:map[]Quantity',
  TypedLocalObjectReference: 'apiGroup!:*string kind!:string name!:string',
  TypedObjectReference: 'apiGroup!:*string kind!:string name!:string namespace:*string',
};
