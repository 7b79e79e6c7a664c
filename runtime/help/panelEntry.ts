/**
 * How the guide UI and the help panel meet. The panel is a script of its own, injected the first
 * time the rep opens it (`ui:help`), so CRM pages where nobody asks for help never load it; it
 * leaves its entry here, in the content scripts' world, for the help button to call.
 */
import type { LauncherCorner } from '../../core/policy';

export const HELP_PANEL_GLOBAL = '__waymarkHelpPanel';

export interface HelpPanelOptions {
  doc: Document;
  /** The button's corner and how far it moved along the edge: the panel opens beside it. */
  corner: LauncherCorner;
  shift: number;
  /** Starts a guide for the rep; false when it could not start. */
  startGuide(guideId: string): Promise<boolean>;
  /** The panel closed; `refocus`: give focus back to the button (not when a guide took it). */
  onClose(refocus: boolean): void;
}

export interface HelpPanelEntry {
  /** Shows the panel; the answer closes it (as if the rep had, focus back to the button). */
  open(options: HelpPanelOptions): () => void;
}

export function helpPanelEntry(): HelpPanelEntry | undefined {
  return (globalThis as Record<string, unknown>)[HELP_PANEL_GLOBAL] as HelpPanelEntry | undefined;
}
