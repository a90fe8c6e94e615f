'use client';

import type { UpgradeResponse } from '@/lib/api';
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';
import { Dialog } from '@/components/ui/dialog';
import { UpgradeForm } from './upgrade-form';

interface UpgradeDialogProps {
  open: boolean;
  onClose: () => void;
  summary: SidecarSetSummary;
  pods: readonly PodView[];
  onUpgraded: (result: UpgradeResponse) => void;
}

export function UpgradeDialog({ open, onClose, summary, pods, onUpgraded }: UpgradeDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={`Upgrade ${summary.name}`}>
      <UpgradeForm
        summary={summary}
        pods={pods}
        onCancel={onClose}
        onDone={(result) => {
          onUpgraded(result);
          onClose();
        }}
      />
    </Dialog>
  );
}
