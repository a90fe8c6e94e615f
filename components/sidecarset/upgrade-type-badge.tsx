import type { UpgradeType } from '@/lib/sidecarset/kruise';
import { Badge } from '@/components/ui/badge';

export function UpgradeTypeBadge({ type }: { type: UpgradeType }) {
  return type === 'HotUpgrade' ? (
    <Badge severity="info" plain>
      Hot upgrade
    </Badge>
  ) : (
    <Badge severity="muted" plain>
      Cold upgrade
    </Badge>
  );
}
