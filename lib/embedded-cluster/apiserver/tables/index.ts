export {
  toTable, printerFor, negotiateTable, wantsTable, tableContentType, parseIncludeObject, TABLE_CONTENT_TYPE,
  type IncludeObject, type KindRef, type TableVersion, type ToTableOptions,
} from './table';
export { humanDuration, ageSince, parseTime } from './duration';
export { summarizePod, podPrinter, type PodSummary } from './pod';
export { nodePrinter, namespacePrinter, eventPrinter, deploymentPrinter, replicaSetPrinter, controllerRevisionPrinter } from './builtin';
export { crdPrinter, crdCell, evalSimpleJsonPath, parseSimpleJsonPath } from './crd';
export { formatLabelSelector, labelSelectorString } from './selector';
export type { Cell, Table, TableColumnDefinition, TablePrinter, TableRow, TableRowCondition } from './types';
export { createTableRenderer, type TableRenderOptions, type TableRendererAdapter } from './renderer';
