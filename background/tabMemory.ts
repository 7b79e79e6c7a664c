/**
 * What the background must remember of each tab between navigations: the page type its top frame
 * showed last (route steps of passive workflows are the move from one page to the next) and, per
 * frame, the steps its workflow observer watches; and how many guides launched by themselves in it
 * since its last page view (fatigue control). Chrome stops an idle service worker within seconds, and
 * everything in memory with it, so this lives in session storage, which lasts until the browser
 * closes and which content scripts cannot read.
 */
/** The part of a storage area this needs (session storage, or a fake in tests). */
export interface SessionArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const pageTypeKey = (tabId: number) => `pageType:${tabId}`;
const observerKey = (tabId: number, frameId: number) => `observer:${tabId}:${frameId}`;
const launchesKey = (tabId: number) => `autoLaunches:${tabId}`;

export function createTabMemory(area: SessionArea) {
  return {
    async lastPageType(tabId: number): Promise<string | undefined> {
      const key = pageTypeKey(tabId);
      return (await area.get(key))[key] as string | undefined;
    },
    setPageType: (tabId: number, pageType: string) => area.set({ [pageTypeKey(tabId)]: pageType }),
    /** What the frame's observer watches (a signature of its steps); undefined: no observer. */
    async observed(tabId: number, frameId: number): Promise<string | undefined> {
      const key = observerKey(tabId, frameId);
      return (await area.get(key))[key] as string | undefined;
    },
    setObserved: (tabId: number, frameId: number, steps: string | undefined) =>
      steps === undefined
        ? area.remove([observerKey(tabId, frameId)])
        : area.set({ [observerKey(tabId, frameId)]: steps }),
    /** Guides launched by themselves in the tab since its last page view. */
    async autoLaunches(tabId: number): Promise<number> {
      const key = launchesKey(tabId);
      return ((await area.get(key))[key] as number | undefined) ?? 0;
    },
    setAutoLaunches: (tabId: number, count: number) => area.set({ [launchesKey(tabId)]: count }),
    async forgetTab(tabId: number): Promise<void> {
      const keys = Object.keys(await area.get(null));
      await area.remove(
        keys.filter(
          (k) =>
            k === pageTypeKey(tabId) ||
            k === launchesKey(tabId) ||
            k.startsWith(`observer:${tabId}:`),
        ),
      );
    },
  };
}

export type TabMemory = ReturnType<typeof createTabMemory>;
