import { noLeakBeforeSignIn } from './support/no-leak';

/** This mode lets anyone who reaches the dashboard read (its service account decides what exists); changes are guarded. */
noLeakBeforeSignIn({ readsNeedSignIn: false, reader: () => ({}) });
