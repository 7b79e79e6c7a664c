/**
 * The promise-based WebExtension API for the background and extension pages, the same in Chrome
 * and Firefox. Content scripts use the browser's own API instead (`wxt/browser`): they only send
 * and receive messages, which both browsers already do with promises, and they run on every CRM
 * page, where the polyfill's size counts.
 */
import browser from 'webextension-polyfill';

export { browser };
