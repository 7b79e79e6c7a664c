/** Opens the help panel in a layer of its own, beside the button that asked for it. */
import { render } from 'preact';
import { mountLayer } from '../ui/layer';
import { HelpPanel } from './HelpPanel';
import { HELP_CSS } from './helpStyles';
import type { HelpPanelOptions } from './panelEntry';

export function openHelpPanel(options: HelpPanelOptions): () => void {
  const control = new AbortController();
  const layer = mountLayer(options.doc, control.signal, 'waymark-help');
  const style = options.doc.createElement('style');
  style.textContent = HELP_CSS;
  layer.root.append(style);
  let open = true;
  const close = (refocus: boolean) => {
    if (!open) return;
    open = false;
    control.abort();
    options.onClose(refocus);
  };
  render(<HelpPanel options={options} close={close} />, layer.container);
  return () => close(true);
}
