import { useEffect, useRef } from 'preact/hooks';
import { TransferWorker } from './transfer-worker-client.ts';

/** The panel's transfer worker, started on first use and stopped when the panel goes. */
export function useTransferWorker(): () => TransferWorker {
  const worker = useRef<TransferWorker | null>(null);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  return () => (worker.current ??= new TransferWorker());
}
