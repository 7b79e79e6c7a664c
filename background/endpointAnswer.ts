/**
 * An error answer from the organisation's server, told as a sentence for the options page: its
 * status, and the message the endpoint put in its JSON body, if any.
 */

/** The message an error answer carries in its JSON body; empty when it has none. */
async function messageOf(response: Response): Promise<string> {
  try {
    return ((await response.json()) as { message?: string }).message ?? '';
  } catch {
    // Not JSON: the status says enough.
    return '';
  }
}

/** An answer that is not a success as a sentence: who answered, its status and its message. */
export async function describeAnswer(response: Response, who: string): Promise<string> {
  const message = await messageOf(response);
  return `${who} answered ${response.status}${message ? `: ${message}` : ''}`;
}
