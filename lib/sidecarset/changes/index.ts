/** The dashboard's writes as data: the Upgrade request and the patches that carry it out. */
export * from './upgrade-request';
export * from './partition';
export * from './rollback';
