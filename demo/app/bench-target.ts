/** Benchmark page: inserts and removes a guide target on demand. */

declare global {
  interface Window {
    /** Appends `<button data-anchor="bench.target" id=…>` and returns `performance.now()` then. */
    __insertTarget(id: string): number;
    /** Removes every inserted target. */
    __removeTarget(): void;
  }
}

const root = document.getElementById('target-root') ?? document.body;

window.__insertTarget = (id: string): number => {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = id;
  button.dataset.anchor = 'bench.target';
  button.textContent = 'Bench target';
  root.appendChild(button);
  return performance.now();
};

window.__removeTarget = (): void => {
  for (const el of root.querySelectorAll('[data-anchor="bench.target"]')) el.remove();
};
