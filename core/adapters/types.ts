/**
 * What a page type is made of: adapters and route templates make nothing else, so no free text,
 * record id or query value fits in one.
 */
export const PAGE_TYPE_SOURCE = '[A-Za-z0-9_:.-]{1,200}';
export const PAGE_TYPE = new RegExp(`^${PAGE_TYPE_SOURCE}$`);

/**
 * Everything Waymark knows about one CRM. Adding a CRM means one file that exports one of these,
 * listed in `ADAPTERS` (./index.ts), with its fixture URLs and tests: ids, host permissions and
 * the schemas that name CRMs follow from that list.
 */
export interface CrmAdapter<Id extends string = string> {
  readonly id: Id;
  /**
   * The pages the extension runs on for this CRM, as match patterns: the manifest's host
   * permissions and the launcher's matches.
   */
  readonly hosts: readonly string[];
  /** Whether this adapter speaks for the page at `url` (decided from the URL alone). */
  matches(url: URL): boolean;
  /**
   * The id-free page type of a URL, e.g. `Opportunity:record`. Guides match on it, and it is the
   * only trace of a URL that is ever stored, so it must never contain record ids, names or
   * query values.
   */
  pageTypeOf(url: URL): string;
  /**
   * CSS selector for one of the CRM's semantic anchors (the attribute its own UI tests rely on),
   * e.g. Salesforce `data-target-selection-name`, Dynamics `data-id`.
   */
  anchorSelector(anchor: string): string;
  /** The attributes those anchors live in, most deliberate first: the authoring picker reads them. */
  readonly anchorAttributes: readonly string[];
  /**
   * Selector for the controls that save a record form. Field rules are checked when one of them
   * is clicked, which is when "left empty" and "invalid" mean something.
   */
  readonly saveSelector: string;
  /**
   * Where the page names the signed-in user's team and profile, if the CRM shows them at all:
   * an element and the attributes holding each. Policy role rules read them; nothing else does.
   * Left out for CRMs whose pages do not show them in a stable place.
   */
  readonly userProbe?: { selector: string; team?: string; profile?: string };
}

/** Quote a value for use inside a CSS attribute selector. */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}
