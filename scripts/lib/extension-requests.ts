/** Requests to the background from one of the extension's own pages, as the popup and notebook send them. */
import type { Page } from '@playwright/test';
import type { ExtensionRequest, Reply, ResponseTo } from '../../src/messaging/contract.ts';

export async function askBackground<R extends ExtensionRequest>(
  extensionPage: Page,
  request: R,
): Promise<ResponseTo<R>> {
  const reply = await extensionPage.evaluate(
    (message) => chrome.runtime.sendMessage<ExtensionRequest, Reply<unknown>>(message),
    request,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseTo<R>;
}
