/**
 * The in-page help button: where the organisation shows it and the rep's role has guides, a small
 * button in a corner of the CRM page (in a layer of its own) that opens the help panel. Alt+Shift+H
 * opens and closes the panel from anywhere on the page.
 */
import type { PageGuides } from '../../core/messages';
import type { LauncherCorner } from '../../core/policy';
import { callBackground } from '../../platform/channel';
import { authoringOpen } from '../authoring/running';
import { mountLayer } from '../ui/layer';
import { UI_TEXT } from '../ui/uiText';
import { clearShift, obstaclesOn } from './keepClear';
import { HELP_SHORTCUT, isHelpShortcut } from './helpShortcut';
import { helpPanelEntry } from './panelEntry';

export interface HelpButtonDeps {
  doc: Document;
  signal: AbortSignal;
  /** Starts a guide chosen in the panel; focus returns to `returnTo` when its run ends. */
  startGuide(guideId: string, returnTo: HTMLElement): Promise<boolean>;
}

interface Shown {
  control: AbortController;
  button: HTMLButtonElement;
  corner: LauncherCorner;
  saveSelector: string;
}

/** Shows, moves or hides the button as each answer for the page says. */
export function helpButton({ doc, signal, startGuide }: HelpButtonDeps) {
  let shown: Shown | null = null;
  let closePanel: (() => void) | null = null;
  let shift = 0;

  const place = () => {
    if (!shown) return;
    const { button, corner, saveSelector } = shown;
    button.style.setProperty('--wm-shift', '0px');
    // A plain box: a DOMRect's sides are getters, which spreading it would lose.
    const { top, bottom, left, right } = button.getBoundingClientRect();
    const home = { top, bottom, left, right };
    shift = clearShift(home, corner, obstaclesOn(doc, saveSelector), window.innerHeight);
    button.style.setProperty('--wm-shift', `${shift}px`);
  };
  let placing = 0;
  // At most once a frame, however many focus moves and resizes come in it.
  const placeSoon = () => {
    if (placing === 0) placing = requestAnimationFrame(() => ((placing = 0), place()));
  };

  const closed = (refocus: boolean) => {
    closePanel = null;
    shown?.button.setAttribute('aria-expanded', 'false');
    if (refocus) shown?.button.focus();
  };

  async function openPanel(): Promise<void> {
    if (!shown || closePanel) return;
    if (!helpPanelEntry()) await callBackground('ui:help', {});
    const entry = helpPanelEntry();
    if (!entry || !shown || closePanel) return;
    const { button, corner } = shown;
    button.setAttribute('aria-expanded', 'true');
    closePanel = entry.open({
      doc,
      corner,
      shift,
      startGuide: (guideId) => startGuide(guideId, button),
      onClose: closed,
    });
  }

  const toggle = () => {
    if (closePanel) closePanel();
    else void openPanel().catch((error: unknown) => console.debug('[waymark]', error));
  };

  function show(corner: LauncherCorner, saveSelector: string): void {
    const control = new AbortController();
    signal.addEventListener('abort', () => control.abort(), { signal: control.signal });
    const layer = mountLayer(doc, control.signal, 'waymark-help');
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'wm-launcher';
    button.dataset.corner = corner;
    button.setAttribute('aria-label', UI_TEXT.helpButtonName);
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-keyshortcuts', HELP_SHORTCUT);
    button.title = UI_TEXT.helpButtonHint;
    const mark = doc.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    mark.className = 'wm-launcher-mark';
    mark.textContent = '?';
    button.append(mark, UI_TEXT.helpButton);
    button.addEventListener('click', toggle, { signal: control.signal });
    layer.container.append(button);
    shown = { control, button, corner, saveSelector };
    const options = { capture: true, passive: true, signal: control.signal };
    doc.addEventListener('focusin', placeSoon, options);
    doc.addEventListener('focusout', placeSoon, options);
    window.addEventListener('resize', placeSoon, options);
    // Before the CRM's own handlers: the shortcut is the rep's, and the CRM should not act on it.
    doc.addEventListener(
      'keydown',
      (e) => {
        if (!isHelpShortcut(e) || !e.isTrusted) return;
        e.preventDefault();
        e.stopPropagation();
        toggle();
      },
      { capture: true, signal: control.signal },
    );
    place();
  }

  function hide(): void {
    closePanel?.();
    shown?.control.abort();
    shown = null;
  }

  return (state: PageGuides): void => {
    const wanted = state.launcher;
    // A trainer writing a guide has the panel; a button shown after it would sit above its bar.
    if (!wanted || authoringOpen()) return hide();
    if (shown && shown.corner === wanted.corner && shown.saveSelector === state.saveSelector) {
      return placeSoon();
    }
    hide();
    show(wanted.corner, state.saveSelector);
  };
}
