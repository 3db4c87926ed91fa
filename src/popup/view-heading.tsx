import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { hasNavigated } from './use-route.ts';

/**
 * The heading of a view the reader just opened. It takes the focus, so that keyboard and screen
 * reader users start reading where the new view starts, as they would on a new page. The first
 * view, when the app opens, leaves the focus where the browser puts it.
 */
export function ViewHeading({ children, kind, id }: { children: ComponentChildren; kind?: string; id?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);
  return (
    <header class="view-heading">
      {kind && <p class="view-heading__kind">{kind}</p>}
      <h2 ref={heading} id={id} class="view-heading__title" tabIndex={-1}>
        {children}
      </h2>
    </header>
  );
}
