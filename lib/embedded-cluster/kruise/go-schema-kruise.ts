/**
 * Go struct layout of the Kruise SidecarSet API types (apis/apps/v1beta1/sidecarset_types.go,
 * apis/apps/v1alpha1/sidecarset_types.go, apis/apps/pub/update_priority.go) and of metav1.LabelSelector,
 * in the notation of go-schema-core.ts.
 */
export const KRUISE_STRUCTS: Record<string, string | readonly string[]> = {
  LabelSelector: 'matchLabels:map[]string matchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'key!:string operator!:string values:[]string',
  SidecarContainer: [
    '...Container podInjectPolicy:string upgradeStrategy:SidecarContainerUpgradeStrategy',
    'shareVolumePolicy:ShareVolumePolicy shareVolumeDevicePolicy:*ShareVolumePolicy',
    'transferEnv:[]TransferEnvVar resourcesPolicy:*ResourcesPolicy',
  ],
  SidecarContainerUpgradeStrategy: 'upgradeType:string hotUpgradeEmptyImage:string',
  ShareVolumePolicy: 'type:string',
  TransferEnvVar: [
    'sourceContainerName:string sourceContainerNameFrom:*SourceContainerNameSource envName:string',
    'envNames:[]string',
  ],
  SourceContainerNameSource: 'fieldRef:*ObjectFieldSelector',
  ResourcesPolicy: 'targetContainersMode!:string targetContainersNameRegex:string resourcesExpr!:ResourcesExpr',
  ResourcesExpr: 'limits:*ResourceExprValues requests:*ResourceExprValues',
  ResourceExprValues: 'cpu:string memory:string',
  SidecarSetSpecV1beta1: [
    'selector:*LabelSelector namespaceSelector:*LabelSelector initContainers:[]SidecarContainer',
    'containers:[]SidecarContainer volumes:[]Volume updateStrategy:SidecarSetUpdateStrategy',
    'injectionStrategy:SidecarSetInjectionStrategy imagePullSecrets:[]LocalObjectReference',
    'revisionHistoryLimit:*int patchPodMetadata:[]SidecarSetPatchPodMetadata customVersion:string',
  ],
  SidecarSetSpecV1alpha1: [
    'selector:*LabelSelector namespace:string namespaceSelector:*LabelSelector',
    'initContainers:[]SidecarContainer containers:[]SidecarContainer volumes:[]Volume',
    'updateStrategy:SidecarSetUpdateStrategy injectionStrategy:SidecarSetInjectionStrategy',
    'imagePullSecrets:[]LocalObjectReference revisionHistoryLimit:*int',
    'patchPodMetadata:[]SidecarSetPatchPodMetadata',
  ],
  SidecarSetUpdateStrategy: [
    'type:string paused:bool selector:*LabelSelector partition:*IntOrString maxUnavailable:*IntOrString',
    'priorityStrategy:*UpdatePriorityStrategy scatterStrategy:[]UpdateScatterTerm',
  ],
  UpdatePriorityStrategy: 'orderPriority:[]UpdatePriorityOrderTerm weightPriority:[]UpdatePriorityWeightTerm',
  UpdatePriorityOrderTerm: 'orderedKey!:string',
  UpdatePriorityWeightTerm: 'weight!:int matchSelector!:LabelSelector',
  UpdateScatterTerm: 'key!:string value!:string',
  SidecarSetInjectionStrategy: 'paused:bool revision:*SidecarSetInjectRevision',
  SidecarSetInjectRevision: 'customVersion:*string revisionName:*string policy:string',
  SidecarSetPatchPodMetadata: 'annotations:map[]string patchPolicy:string',
};
