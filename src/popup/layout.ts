import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The toolbar popup, or the same app in a full tab (the notebook). */
export type Layout = 'popup' | 'tab';

export const LayoutContext = createContext<Layout>('popup');

/** Where the view is shown: some parts (export, forgetting an article) belong in the notebook only. */
export function useLayout(): Layout {
  return useContext(LayoutContext);
}
