/** Checks several domains' messages share. */
import { z } from 'zod';

/** Guide, step and role ids. */
export const id = z.string().min(1).max(64);
/** A message that carries nothing. */
export const nothing = z.object({}).strict();
/** A page address as the sender saw it. */
export const url = z.string().max(8192);
export const tabId = z.number().int();
