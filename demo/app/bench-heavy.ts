/**
 * Benchmark page: ~10,000 DOM nodes (1,000 rows × 9 cells plus wrappers) that change every
 * animation frame (50 cell texts rewritten, one row added and one removed), all driven by a seeded
 * PRNG so every run does the same work. Starts on load unless `?autostart=0`.
 */
import { seededRandom as prng } from '../../core/random';

interface HeavyControl {
  start(): void;
  stop(): void;
  /** Animation frames that have mutated the DOM so far. */
  frames: number;
}

declare global {
  interface Window {
    __heavy: HeavyControl;
  }
}

const ROWS = 1000;
const COLS = 9;
const CELLS_PER_FRAME = 50;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'] as const;

const rand = prng(20260101);
const root = document.getElementById('heavy-root') ?? document.body;
let nextRowId = 0;

function makeRow(): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const id = nextRowId++;
  tr.dataset.row = String(id);
  for (let c = 0; c < COLS; c++) {
    const td = document.createElement('td');
    td.textContent = `${WORDS[(id + c) % WORDS.length]}-${id}.${c}`;
    tr.appendChild(td);
  }
  return tr;
}

const section = document.createElement('section');
const heading = document.createElement('h1');
heading.textContent = 'Heavy page';
const wrapper = document.createElement('div');
wrapper.className = 'table-wrapper';
const table = document.createElement('table');
const tbody = document.createElement('tbody');
for (let r = 0; r < ROWS; r++) tbody.appendChild(makeRow());
table.appendChild(tbody);
wrapper.appendChild(table);
section.append(heading, wrapper);
root.appendChild(section);

let handle = 0;
let tick = 0;

function frame(): void {
  const rows = tbody.rows;
  for (let i = 0; i < CELLS_PER_FRAME; i++) {
    const row = rows[Math.floor(rand() * rows.length)];
    const cell = row?.cells[Math.floor(rand() * COLS)];
    if (cell) cell.textContent = `${WORDS[Math.floor(rand() * WORDS.length)]}-${tick}.${i}`;
  }
  tbody.appendChild(makeRow());
  tbody.rows[Math.floor(rand() * tbody.rows.length)]?.remove();
  tick++;
  control.frames++;
  handle = requestAnimationFrame(frame);
}

const control: HeavyControl = {
  frames: 0,
  start() {
    if (handle === 0) handle = requestAnimationFrame(frame);
  },
  stop() {
    if (handle !== 0) cancelAnimationFrame(handle);
    handle = 0;
  },
};
window.__heavy = control;

if (new URLSearchParams(location.search).get('autostart') !== '0') control.start();
