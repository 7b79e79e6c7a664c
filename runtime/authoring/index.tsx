/**
 * Authoring mode in a CRM tab: injected by the background when a trainer asks for it from the
 * popup, it shows the authoring panel in Waymark's own layer and keeps the draft in the
 * background, so the trainer can walk through several pages of the CRM while writing.
 */
import { render } from 'preact';
import { AuthorPanel } from './AuthorPanel';
import { emptyDraft, type Draft } from './draft';
import { AUTHOR_CSS } from './styles';
import { mountLayer } from '../ui/layer';
import { callBackground } from '../../platform/channel';
import { AUTHORING_RUNNING as RUNNING } from './running';

function isDraft(value: unknown): value is Draft {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Draft).steps) &&
    typeof (value as Draft).crm === 'string'
  );
}

export async function startAuthoring(doc: Document = document): Promise<void> {
  const global = globalThis as Record<string, unknown>;
  // Opened twice from the popup: the panel is already here.
  if (global[RUNNING]) return;
  // Taken before the first await, so a second click while this one is on its way opens nothing.
  global[RUNNING] = true;
  let context: Awaited<ReturnType<typeof callBackground<'author:context'>>>;
  let saved: unknown;
  try {
    context = await callBackground('author:context', { url: location.href });
    saved = context ? await callBackground('author:load', {}) : null;
  } catch (error) {
    global[RUNNING] = false;
    throw error;
  }
  if (!context) {
    global[RUNNING] = false;
    return;
  }
  const initial =
    isDraft(saved) && saved.crm === context.crm
      ? saved
      : emptyDraft(context.crm, context.pageType, context.role);

  const control = new AbortController();
  const layer = mountLayer(doc, control.signal);
  const style = doc.createElement('style');
  style.textContent = AUTHOR_CSS;
  layer.root.prepend(style);
  const close = () => {
    control.abort();
    global[RUNNING] = false;
  };
  render(
    <AuthorPanel context={context} initial={initial} doc={doc} onClose={close} />,
    layer.container,
  );
}
